import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  apiSession,
  changeSelectsAtOnce,
  chromiumSuite,
  screenshot,
  seriousAxeViolations,
  signInAs,
} from './browser-harness.js';

const root = path.resolve(import.meta.dirname, '../..');

interface StatsMessages {
  shell: { notAllowedTitle: string };
  stats: { unprotected: { title: string }; csv: { notice: string } };
  codes: { gender: Record<string, string> };
}
const messagesOf = (language: string) =>
  JSON.parse(
    readFileSync(path.join(root, `src/web/locales/${language}.json`), 'utf8'),
  ) as StatsMessages;

const password = 'Internal-Figures-Only-5521';
const desktop = { width: 1280, height: 900 };
const stepTimeout = 120_000;

// Message keys that must never show, and English interface words that must not show in Arabic.
const rawKey = /\b(stats|codes|common|errors)\.[a-zA-Z_]+/;
const englishWords =
  /\b(Cases?|Total|Rows|Columns|Filters?|Sex|Age|Unprotected|Download|Not recorded|Breakdown|None)\b/;

interface CrosstabBody {
  dims: string[];
  cells: { keys: (string | null)[]; count: number }[];
  total: number;
  protection: string;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

// End-to-end: an analyst of the Demo organisation (with its synthetic cases) opens the internal
// statistics, is told the figures are unprotected, breaks the cases down by sex × age and sees
// a table that adds up and matches the API; a caseworker (no stats.read) is kept out; the same
// page in Arabic, right to left, without a console error.
describe('internal statistics in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 24_000 });
  let baseUrl = '';

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const admin = await apiSession(baseUrl, adminEmail, adminPassword);
    const { items } = await admin<{ items: { id: string; slug: string }[] }>(
      'GET',
      '/api/organisations',
    );
    const demo = items.find((org) => org.slug === 'demo');
    if (demo === undefined) throw new Error('no Demo organisation');
    for (const [email, displayName, language, role] of [
      ['analyst.en@example.org', 'Analyst', 'en', 'analyst'],
      ['analyst.ar@example.org', 'محللة البيانات', 'ar', 'analyst'],
      ['caseworker@example.org', 'Caseworker', 'en', 'caseworker'],
    ] as const) {
      await admin('POST', '/api/users', {
        email,
        displayName,
        language,
        password,
        organisationId: demo.id,
        role,
      });
    }
  }, 240_000);

  async function newPage(): Promise<Page> {
    const context = await suite.browser.newContext({
      viewport: desktop,
      locale: 'en-GB',
      acceptDownloads: true,
    });
    return context.newPage();
  }

  const signIn = (page: Page, email: string, language: string) =>
    signInAs(page, baseUrl, email, password, language);

  /**
   * Waits until the page's lazy chunk and the cross-tab have loaded and, given `dims`, until
   * the answer on screen is that breakdown's (the last one stays, dimmed, while the next loads).
   */
  async function settle(page: Page, dims?: string): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.locator('.skeleton-block').count()).toBe(0);
    if (dims !== undefined) {
      await page.locator(`.stats-result[data-dims="${dims}"][aria-busy="false"]`).waitFor();
    }
    await expect.poll(() => page.locator('.stats-result[aria-busy="true"]').count()).toBe(0);
    await page.getByTestId('stats-grand-total').waitFor();
  }

  const values = async (page: Page, testId: string): Promise<number[]> => {
    const texts = await Promise.all(
      (await page.getByTestId(testId).all()).map((cell) => cell.getAttribute('data-value')),
    );
    return texts.map(Number);
  };

  /** The table adds up and matches the API's answer for the same breakdown. */
  async function expectTableMatchesApi(page: Page, dims: string): Promise<number> {
    const cells = await values(page, 'stats-cell');
    const rowTotals = await values(page, 'stats-row-total');
    const columnTotals = await values(page, 'stats-column-total');
    const [grand = -1] = await values(page, 'stats-grand-total');
    expect(cells.length).toBeGreaterThan(1);
    expect(sum(cells)).toBe(grand);
    expect(sum(rowTotals)).toBe(grand);
    expect(sum(columnTotals)).toBe(grand);
    // The same session asks the API itself (as the page does).
    const api = await page.evaluate(async (query) => {
      const response = await fetch(`/api/stats/crosstab?dims=${query}`);
      return (await response.json()) as CrosstabBody;
    }, dims);
    expect(api.protection).toBe('none (internal)');
    expect(api.total).toBe(grand);
    expect(grand).toBeGreaterThan(0);
    const shown = cells.filter((count) => count > 0).sort((x, y) => x - y);
    expect(shown).toEqual(api.cells.map((cell) => cell.count).sort((x, y) => x - y));
    return grand;
  }

  it(
    'shows an analyst unprotected figures, says so, and adds the sex × age table up',
    async () => {
      const page = await newPage();
      const words = messagesOf('en');
      await signIn(page, 'analyst.en@example.org', 'en');
      await page.getByTestId('nav-stats').click();
      await settle(page);
      const banner = page.getByTestId('stats-unprotected');
      expect(await banner.isVisible()).toBe(true);
      expect(await banner.innerText()).toContain(words.stats.unprotected.title);
      expect(await page.getByTestId('stats-public-link').getAttribute('href')).toBe('/public');

      // Two changes before the page re-renders (a fast hand on a slow machine): the second
      // builds on the first instead of undoing it.
      await changeSelectsAtOnce(page, [
        ['stats-axis-row', 'sex'],
        ['stats-axis-column', 'ageBand'],
      ]);
      await settle(page, 'sex,ageBand');
      expect(page.url()).toMatch(/row=sex&col=ageBand/);
      const grand = await expectTableMatchesApi(page, 'sex,ageBand');
      const rowHeaders = await page.locator('[data-testid="stats-table"] tbody th').allInnerTexts();
      expect(rowHeaders).toContain(words.codes.gender.Feminine);
      expect(await page.locator('main').innerText()).not.toMatch(rawKey);
      expect(await page.getByTestId('stats-chart').getAttribute('role')).toBe('img');

      // The file carries the notice on its first line and the same grand total.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('stats-download').click(),
      ]);
      const file = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
      const lines = file.split('\r\n');
      expect(lines[0]).toBe(words.stats.csv.notice);
      expect(lines.at(-2)?.split(',').at(-1)).toBe(String(grand));

      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'stats-en');

      // Origin → destination, countries grouped into UN regions in the browser: the cells merge,
      // the total stays the API's.
      await page.getByTestId('stats-preset-flows').click();
      await expect.poll(() => page.url()).toMatch(/row=citizenship&col=country/);
      await page.getByTestId('stats-grouping').selectOption('region');
      await expect.poll(() => page.url()).toMatch(/group=region/);
      await settle(page);
      const cells = await values(page, 'stats-cell');
      const [regional = -1] = await values(page, 'stats-grand-total');
      expect(sum(cells)).toBe(regional);
      const flows = await page.evaluate(async () => {
        const response = await fetch('/api/stats/crosstab?dims=citizenship,country');
        return (await response.json()) as CrosstabBody;
      });
      expect(regional).toBe(flows.total);
      expect(cells.filter((count) => count > 0).length).toBeLessThanOrEqual(flows.cells.length);
      const columnHeaders = await page
        .locator('[data-testid="stats-table"] thead th')
        .allInnerTexts();
      expect(columnHeaders).toContain('Africa');
      await screenshot(page, 'stats-en-flows');

      // A third dimension: one of its values shown is the API's answer filtered on that value.
      await page.goto(`${baseUrl}/stats?row=sex&col=majority&layer=year`);
      await settle(page);
      const slice = page.getByTestId('stats-slice');
      const year = await slice.locator('option').nth(1).getAttribute('value');
      expect(year).toMatch(/^\d{4}$/);
      await slice.selectOption(year ?? '');
      await expect.poll(() => page.url()).toMatch(/slice=\d{4}/);
      await settle(page);
      const [sliced = -1] = await values(page, 'stats-grand-total');
      const filtered = await page.evaluate(async (value) => {
        const response = await fetch(`/api/stats/crosstab?dims=sex,majority&where=year:${value}`);
        return (await response.json()) as CrosstabBody;
      }, year ?? '');
      expect(sliced).toBe(filtered.total);
      expect(sliced).toBeGreaterThan(0);
      await page.context().close();
    },
    stepTimeout,
  );

  it(
    'hides the page from a caseworker and turns them away from /stats',
    async () => {
      const page = await newPage();
      await signIn(page, 'caseworker@example.org', 'en');
      await page.getByTestId('nav-cases').waitFor();
      expect(await page.getByTestId('nav-stats').count()).toBe(0);
      await page.goto(`${baseUrl}/stats`);
      await page.locator('main h1', { hasText: messagesOf('en').shell.notAllowedTitle }).waitFor();
      expect(await page.getByTestId('stats-table').count()).toBe(0);
      await page.context().close();
    },
    stepTimeout,
  );

  it(
    'reads right to left in Arabic, with no console error',
    async () => {
      const page = await newPage();
      const words = messagesOf('ar');
      await signIn(page, 'analyst.ar@example.org', 'ar');
      // From here on (the signed-out start answers /api/me with the expected 401).
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByTestId('nav-stats').click();
      await settle(page);
      await page.getByTestId('stats-preset-sexAge').click();
      await settle(page, 'sex,ageBand');
      expect(page.url()).toMatch(/row=sex&col=ageBand/);
      expect(await page.getByTestId('stats-unprotected').innerText()).toContain(
        words.stats.unprotected.title,
      );
      await expectTableMatchesApi(page, 'sex,ageBand');
      const rowHeaders = await page.locator('[data-testid="stats-table"] tbody th').allInnerTexts();
      expect(rowHeaders).toContain(words.codes.gender.Feminine);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/[\u0600-\u06FF]/);
      expect(text).not.toMatch(rawKey);
      expect(text).not.toMatch(englishWords);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'stats-ar');
      expect(errors).toEqual([]);
      await page.context().close();
    },
    stepTimeout,
  );
});
