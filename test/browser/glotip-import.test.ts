import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  apiSession,
  chromiumSuite,
  screenshot,
  seriousAxeViolations,
} from './browser-harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const sample = path.join(root, 'test/fixtures/glotip/dataunodc-sample.csv');

interface ImportMessages {
  returns: {
    sources: Record<string, string>;
    import: {
      title: string;
      counts: Record<string, string>;
      reasons: Record<string, string>;
      problems: Record<string, string>;
      outcomes: Record<string, string>;
    };
  };
}
const returnsWords = (language: string) =>
  (
    JSON.parse(
      readFileSync(path.join(root, `src/web/locales/${language}.json`), 'utf8'),
    ) as ImportMessages
  ).returns;
const messagesOf = (language: string) => returnsWords(language).import;
const sourceWords = returnsWords('en').sources;

const desktop = { width: 1280, height: 900 };
// Each step uploads, waits for the server's report and runs axe: generous on a loaded machine.
const stepTimeout = 120_000;
const rawKey = /\b(returns|errors|common|issues|codes|imports)\.[a-zA-Z_]+(\.[a-zA-Z_]+)?\b/;
const managerPassword = 'Quarterly-Figures-Checked-4417';

// Issue 5, the import page: a system administrator checks UNODC's published GLOTIP file (a dry
// run with counts, refused rows and inconsistencies), confirms, and finds the returns created.
// The real server (started as `npm start` does) and Debian's Chromium.
describe('dataUNODC import page in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 24_000 });
  let page: Page;
  let baseUrl = '';

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const admin = await apiSession(baseUrl, adminEmail, adminPassword);
    const post = <T>(url: string, body: unknown) => admin<T>('POST', url, body);
    const { id } = await post<{ id: string }>('/api/organisations', {
      name: 'Lagos Shelter',
      slug: 'lagos-shelter',
      type: 'ngo',
      country: 'NGA',
    });
    await post('/api/users', {
      email: 'manager@example.org',
      displayName: 'Data manager',
      language: 'en',
      password: managerPassword,
      organisationId: id,
      role: 'data_manager',
    });
    const context = await suite.browser.newContext({ viewport: desktop, locale: 'en-GB' });
    page = await context.newPage();
  }, 240_000);

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
  }

  /** Chooses the sample file and runs the dry run; resolves once the report shows. */
  async function dryRun(): Promise<void> {
    await page.getByTestId('glotip-import-file').setInputFiles(sample);
    await page.getByTestId('glotip-import-check').click();
    await page.getByTestId('glotip-import-dry-run').waitFor();
  }

  const count = (key: string) => page.getByTestId(`glotip-count-${key}`).innerText();

  /** Accessible and no raw message key on the page. */
  async function check(name: string): Promise<void> {
    expect(await page.locator('main').innerText()).not.toMatch(rawKey);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it(
    'is not offered to a data manager, and turns them away',
    async () => {
      await signIn('manager@example.org', managerPassword);
      await page.getByTestId('nav-returns').click();
      await page.getByTestId('returns-table').waitFor();
      expect(await page.getByTestId('glotip-import-link').count()).toBe(0);
      await page.goto(`${baseUrl}/returns/import`);
      await page.locator('main h1').first().waitFor();
      expect(await page.getByTestId('glotip-import-form').count()).toBe(0);
      await signOut();
    },
    stepTimeout,
  );

  it(
    'shows the administrator the dry run: counts, refused rows, inconsistencies, returns',
    async () => {
      const words = messagesOf('en');
      await signIn(adminEmail, adminPassword);
      await page.getByTestId('nav-returns').click();
      await page.getByTestId('glotip-import-link').click();
      await page.locator('main h1', { hasText: words.title }).waitFor();
      await dryRun();
      expect(await count('imported')).toBe('17');
      expect(await count('normalised')).toBe('7');
      expect(await count('rejected')).toBe('6');

      // A leaked questionnaire id in the Category column, on its file line, reason in words.
      const rejected = page
        .getByTestId('glotip-rejections')
        .locator('tbody tr', { hasText: 'Q6.1_10s_2019' })
        .first();
      await rejected.waitFor();
      const cells = await rejected.locator('td').allInnerTexts();
      expect(cells).toEqual([
        '16',
        'Category',
        'Q6.1_10s_2019',
        words.reasons.questionnaire_id_category,
      ]);
      await page
        .locator('[data-testid="glotip-reasons"] [data-reason="questionnaire_id_category"]')
        .waitFor();

      // Flagged, not corrected: Nigeria's breakdowns that do not add up.
      const flagged = page.getByTestId('glotip-inconsistencies').locator('tbody tr');
      expect(await flagged.count()).toBeGreaterThanOrEqual(1);
      expect(await flagged.first().innerText()).toContain('Nigeria');

      // One return per country and year, none written yet.
      const returns = page.getByTestId('glotip-returns').locator('tbody tr');
      expect(await returns.count()).toBe(3);
      expect(
        await page.locator('[data-testid="glotip-returns"] [data-outcome="would_write"]').count(),
      ).toBe(3);
      expect(await page.getByTestId('glotip-returns').innerText()).toContain('Romania');
      await check('glotip-import-en-dry-run');
    },
    stepTimeout,
  );

  it(
    'imports on confirmation and lists the returns created',
    async () => {
      await page.getByTestId('glotip-import-confirm').click();
      await page.getByTestId('glotip-import-done').waitFor();
      expect(await count('returns-created')).toBe('3');
      expect(await count('returns-unchanged')).toBe('0');
      expect(await count('organisations-created')).toBe('3');
      expect(await page.getByTestId('glotip-organisations-created').innerText()).toContain(
        'ms-nga',
      );
      await check('glotip-import-en-done');

      // The list holds the demo data too: each imported return is found by its year.
      await page.getByTestId('glotip-import-to-returns').click();
      const table = page.getByTestId('returns-table');
      for (const [year, country] of [
        ['2019', 'Nigeria'],
        ['2020', 'Romania'],
        ['2018', 'Spain'],
      ] as const) {
        await page.getByTestId('return-filter-year').selectOption(year);
        const row = table.locator('tbody tr', { hasText: country }).first();
        await row.waitFor();
        expect(await row.innerText()).toContain(sourceWords.dataunodc);
      }
    },
    stepTimeout,
  );

  it(
    'speaks French throughout, and a second import changes nothing',
    async () => {
      const words = messagesOf('fr');
      await page.getByTestId('language-select').selectOption('fr');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
      await page.getByTestId('glotip-import-link').click();
      await page.locator('main h1', { hasText: words.title }).waitFor();
      await dryRun();
      expect(await count('rejected')).toBe('6');
      const counts = await page.getByTestId('glotip-counts').innerText();
      expect(counts).toContain(words.counts.imported);
      expect(counts).toContain(words.counts.rejected);
      expect(await page.getByTestId('glotip-rejections').innerText()).toContain(
        words.reasons.questionnaire_id_category,
      );
      expect(await page.getByTestId('glotip-inconsistencies').innerText()).toMatch(
        new RegExp(`${words.problems.parts_exceed_whole}|${words.problems.parts_below_whole}`),
      );
      await check('glotip-import-fr-dry-run');

      await page.getByTestId('glotip-import-confirm').click();
      await page.getByTestId('glotip-import-done').waitFor();
      expect(await count('returns-unchanged')).toBe('3');
      expect(await count('organisations-created')).toBe('0');
      expect(
        await page
          .locator('[data-testid="glotip-import-result"] [data-outcome="unchanged"]')
          .first()
          .innerText(),
      ).toBe(words.outcomes.unchanged);
      await check('glotip-import-fr-done');
    },
    stepTimeout,
  );
});
