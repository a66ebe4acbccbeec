import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeSelectsAtOnce,
  chromiumSuite,
  screenshot,
  seriousAxeViolations,
} from './browser-harness.js';

const root = path.resolve(import.meta.dirname, '../..');
interface PublicMessages {
  publicCharts: { suppressed: string; viewAsTable: string; noRows: string };
  publicColumns: { ratePer100k: string };
}
function messages(language: string): PublicMessages {
  const file = path.join(root, `src/web/locales/public/${language}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as PublicMessages;
}
const english = messages('en');
const arabic = messages('ar');

const desktop = { width: 1280, height: 1000 };
const chartIds = ['kpis', 'profile', 'trend', 'forms', 'map', 'flows'] as const;
// The test id of each chart's drawing.
const drawings: Record<(typeof chartIds)[number], string> = {
  kpis: 'kpi-tiles',
  profile: 'bar-chart',
  trend: 'trend-chart',
  forms: 'bar-chart',
  map: 'world-map',
  flows: 'flows-map',
};

// Message keys of the public namespace, or English words of its interface, on an Arabic page.
const rawKey = /\bpublic[A-Z][A-Za-z]+\.[A-Za-z_]+/;
const englishWords =
  /\b(View as (table|chart)|Download|suppressed|Key figures|Forms of exploitation|Protection:)\b/;

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body.charAt(index);
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

// The public (no sign-in) dashboard on the demo's published figures: the real server started as
// `npm start` starts it, Debian's Chromium, a browser that never signs in.
describe('public dashboard in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 22_000 });
  let context: BrowserContext;
  let page: Page;
  let baseUrl = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    context = await suite.browser.newContext({ viewport: desktop, locale: 'en-GB' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 240_000);

  /** Waits for every chart's drawing (lazy chunks) and for no load in flight. */
  async function settle(): Promise<void> {
    await page.getByTestId('public-dashboard').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="public-dashboard"][data-loading]').count())
      .toBe(0);
    await expect.poll(() => page.locator('.skeleton-block').count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid="world-map"] path.map-country').count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(150);
  }

  /** The on-screen table of a chart: header texts and row cell texts. */
  async function tableOnScreen(chart: string): Promise<{ header: string[]; rows: string[][] }> {
    const table = page.getByTestId(`chart-table-${chart}`);
    await table.waitFor();
    const header = await table.locator('thead th').allInnerTexts();
    const rows: string[][] = [];
    for (const line of await table.locator('tbody tr').all()) {
      rows.push((await line.locator('td').allInnerTexts()).map((text) => text.trim()));
    }
    return { header: header.map((text) => text.trim()), rows };
  }

  async function showTable(chart: string): Promise<void> {
    const toggle = page.getByTestId(`table-toggle-${chart}`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }

  it('opens from the sign-in page, without signing in', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('public-dashboard-link').click();
    await page.waitForURL(/\/public$/);
    await settle();
    // The sign-in page's own "no session" answer is not this page's concern.
    consoleErrors.length = 0;
  });

  it('renders the map and every chart in English, demo figures marked synthetic, no console errors', async () => {
    // What the API publishes decides what must be drawn: a chart with rows has its drawing, an
    // empty one says so, an unavailable one explains why.
    const answer = (await (
      await page.request.get(`${baseUrl}/api/public/dashboard?lang=en`)
    ).json()) as {
      synthetic: boolean;
      charts: { id: string; rows: unknown[]; unavailable: string | null }[];
      consolidation: {
        keptAside: number;
        sources: { keptAside: { organisationName: string }[] }[];
      };
    };
    expect(answer.synthetic).toBe(true);
    expect(answer.charts.map((chart) => chart.id)).toEqual([...chartIds]);
    const map = answer.charts.find((chart) => chart.id === 'map');
    expect(map?.rows.length).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/public`);
    await settle();
    await page.getByTestId('synthetic-banner').waitFor();
    for (const chart of answer.charts) {
      const card = page.getByTestId(`chart-${chart.id}`);
      const drawing = card.getByTestId(drawings[chart.id as (typeof chartIds)[number]]);
      if (chart.unavailable !== null) await card.locator('.chart-unavailable').waitFor();
      else if (chart.rows.length === 0) await card.getByText(english.publicCharts.noRows).waitFor();
      else {
        await drawing.waitFor();
        if (chart.id === 'kpis') {
          expect(await drawing.locator('li').count()).toBe(chart.rows.length);
        }
      }
    }
    await page.getByTestId('map-legend').waitFor();
    expect(await page.getByTestId('protection-notice').count()).toBe(chartIds.length);
    // The consolidation rule is stated, with the demo's NGO report kept aside and listed.
    const keptAside = answer.consolidation.sources.flatMap((entry) => entry.keptAside);
    expect(answer.consolidation.keptAside).toBe(keptAside.length);
    expect(keptAside.length).toBeGreaterThan(0);
    const notice = page.getByTestId('consolidation-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kept-aside')).toBe(String(keptAside.length));
    await notice.locator('summary').click();
    const keptRow = page
      .getByTestId('consolidation-table')
      .locator('tbody tr[data-kept-aside="true"]')
      .first();
    await keptRow.waitFor();
    expect(await keptRow.innerText()).toContain(keptAside[0]?.organisationName ?? '?');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'public-en-dashboard');
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('downloads exactly the filtered table on screen', async () => {
    const years = page.getByTestId('filter-year-from').locator('option');
    expect(await years.count()).toBeGreaterThan(1);
    const year = (await years.last().getAttribute('value')) ?? '';
    // Both bounds in one script, before the page re-renders (a fast hand): the second change
    // builds on the first instead of undoing it.
    await changeSelectsAtOnce(page, [
      ['filter-year-from', year],
      ['filter-year-to', year],
    ]);
    await page.waitForURL(new RegExp(`yearFrom=${year}&yearTo=${year}`));
    await settle();
    await showTable('map');
    const screen = await tableOnScreen('map');
    expect(screen.rows.length).toBeGreaterThan(0);

    await page.getByTestId('download-map').locator('summary').click();
    const href = (await page.getByTestId('download-map-csv').getAttribute('href')) ?? '';
    expect(href).toContain(`yearFrom=${year}`);
    expect(href).toContain('chart=map');
    const response = await page.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    const [header = [], ...lines] = parseCsv(await response.text()).filter((row) =>
      row.some((cell) => cell !== ''),
    );

    // Same columns in the same order (the file adds the suppression flag and the notice).
    const valueAt = header.indexOf('value');
    const suppressedAt = header.indexOf('suppressed');
    const rateAt = header.indexOf('ratePer100k');
    const rateSuppressedAt = header.indexOf('rateSuppressed');
    expect(header.slice(0, valueAt)).toEqual(['country', 'm49', 'countryName']);
    // The demo loads populations: the map's table has its rate per 100,000, on screen as in
    // the file.
    expect(rateAt).toBeGreaterThan(suppressedAt);
    expect(screen.header).toEqual([
      'Country code',
      'M49 code',
      'Country',
      'Value',
      english.publicColumns.ratePer100k,
    ]);
    // Same rows, same order, same figures; a suppressed figure is empty in the file and a word
    // on screen, never a number in either.
    expect(lines.map((line) => line.slice(0, valueAt))).toEqual(
      screen.rows.map((row) => row.slice(0, valueAt)),
    );
    lines.forEach((line, index) => {
      const shown = screen.rows[index]?.[valueAt] ?? '';
      if (line[suppressedAt] === 'true') {
        expect(line[valueAt]).toBe('');
        expect(shown).toBe(english.publicCharts.suppressed);
      } else {
        expect(shown.replace(/,/g, '')).toBe(line[valueAt]);
      }
      // A rate of a hidden figure is hidden too, never a number.
      const rate = screen.rows[index]?.[valueAt + 1] ?? '';
      if (line[rateSuppressedAt] === 'true') {
        expect(line[rateAt]).toBe('');
        expect(rate).toBe(english.publicCharts.suppressed);
      } else if (line[rateAt] === '') {
        expect(rate).not.toMatch(/\d/);
      } else {
        expect(rate.replace(/,/g, '')).toBe(line[rateAt]);
      }
      if (line[suppressedAt] === 'true') expect(line[rateAt]).toBe('');
    });
    // HXL: the same table with a row of hashtags under the header.
    const hxlHref = (await page.getByTestId('download-map-hxl').getAttribute('href')) ?? '';
    expect(hxlHref).toBe(href.replace('format=csv', 'format=hxl'));
    const hxl = parseCsv(await (await page.request.get(`${baseUrl}${hxlHref}`)).text()).filter(
      (row) => row.some((cell) => cell !== ''),
    );
    expect(hxl[0]).toEqual(header);
    expect(hxl[1]?.every((tag) => tag.startsWith('#'))).toBe(true);
    expect(hxl.slice(2)).toEqual(lines);
    expect(consoleErrors).toEqual([]);
  });

  it('shows a small-count country as suppressed, on the map and in the table, never as a number', async () => {
    await page.goto(`${baseUrl}/public`);
    await settle();
    // A suppressed country the 1:110m atlas draws (the smallest states have no shape there).
    const drawn = new Set<string>();
    for (const shape of await page.locator('[data-testid="world-map"] path[data-m49]').all()) {
      drawn.add((await shape.getAttribute('data-m49')) ?? '');
    }
    await showTable('map');
    await page.getByTestId('chart-table-map').waitFor();
    let cells: string[] = [];
    for (const row of await page
      .getByTestId('chart-table-map')
      .locator('tbody tr[data-suppressed="true"]')
      .all()) {
      const texts = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
      if (drawn.has((texts[1] ?? '').padStart(3, '0'))) {
        cells = texts;
        break;
      }
    }
    const [iso3 = '', , name = '', value = '', rate = ''] = cells;
    expect(iso3, 'the published demo figures hold no small-count country the map draws').toMatch(
      /^[A-Z]{3}$/,
    );
    expect(value).toBe(english.publicCharts.suppressed);
    expect(value).not.toMatch(/\d/);
    // Its rate per 100,000 would give the figure away (rate × population): hidden too.
    expect(rate).toBe(english.publicCharts.suppressed);

    // Back to the drawing: the country is hatched and titled "suppressed".
    await page.getByTestId('table-toggle-map').click();
    const shape = page.locator(`[data-testid="world-map"] path[data-country="${iso3}"]`);
    expect(await shape.getAttribute('data-suppressed')).toBe('true');
    expect(await shape.getAttribute('fill')).toMatch(/^url\(#/);
    const title = (await shape.locator('title').textContent()) ?? '';
    expect(title).toBe(`${name}: ${english.publicCharts.suppressed}`);
    await screenshot(page, 'public-en-suppressed-country');
  });

  it('renders in Arabic, charts mirrored and the map not, with no console errors', async () => {
    await page.getByTestId('language-select').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await settle();
    await page.getByTestId('chart-forms').getByTestId('bar-chart').waitFor();
    await expect
      .poll(() => page.getByTestId('table-toggle-forms').textContent())
      .toBe(arabic.publicCharts.viewAsTable);

    // Bars grow from the right: each ends at the inline start of the track (x + width = 640 - 230).
    const bars = page.locator('[data-testid="chart-forms"] rect.chart-bar');
    expect(await bars.count()).toBeGreaterThan(0);
    for (const bar of await bars.all()) {
      const x = Number(await bar.getAttribute('x'));
      const width = Number(await bar.getAttribute('width'));
      expect(x + width).toBeCloseTo(410);
    }
    // Time runs from right to left.
    const years = page.locator('[data-testid="trend-chart"] text[data-year]');
    if ((await years.count()) > 1) {
      const first = Number(await years.first().getAttribute('x'));
      const last = Number(await years.last().getAttribute('x'));
      expect(first).toBeGreaterThan(last);
    }
    // The map keeps its orientation.
    expect(await page.getByTestId('world-map').getAttribute('direction')).toBe('ltr');
    // Regions are offered by their Arabic names.
    await expect
      .poll(() => page.getByTestId('filter-region').locator('option').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('أفريقيا جنوب الصحراء الكبرى')]));

    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(rawKey);
    expect(text).not.toMatch(englishWords);
    expect(text).toContain(arabic.publicCharts.suppressed);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'public-ar-dashboard');

    // A fresh load straight into Arabic, as a returning reader would get it.
    consoleErrors.length = 0;
    await page.reload();
    await settle();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ar');
    expect(consoleErrors).toEqual([]);
  });
});
