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
  signInAs,
} from './browser-harness.js';

const root = path.resolve(import.meta.dirname, '../..');

interface PopulationMessages {
  populations: {
    title: string;
    import: {
      confirm: string;
      done: string;
      onlyAdmins: string;
      header: { unknown_column: string };
      reasons: Record<string, string>;
    };
  };
}
const messagesOf = (language: string) =>
  JSON.parse(
    readFileSync(path.join(root, `src/web/locales/${language}.json`), 'utf8'),
  ) as PopulationMessages;

const password = 'Population-Tables-4417';
const desktop = { width: 1280, height: 900 };
const stepTimeout = 120_000;

// A file as an administrator would bring it: two good rows, one unknown country, one
// population that is not a number, and a repeat of the first country-year.
const goodFile = [
  'country,year,population,source',
  'JOR,2030,11337052,Projection for tests',
  'UKR,2030,37732836,Projection for tests',
  'XYZ,2030,1000,Projection for tests',
  'SDN,2030,many,Projection for tests',
  'JOR,2030,11400000,Projection for tests',
].join('\n');

// End-to-end: the system administrator checks a population file, sees what it would do and
// which rows are refused and why, imports it and finds the figures in the table; a header that
// is not a population file's is refused column by column; the same page in Arabic; a reviewer
// (publication.manage in an organisation, not a system administrator) sees the table but no
// import. No console error, no serious accessibility violation.
describe('population figures in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 26_000 });
  let baseUrl = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const admin = await apiSession(baseUrl, adminEmail, adminPassword);
    const { items } = await admin<{ items: { id: string; slug: string }[] }>(
      'GET',
      '/api/organisations',
    );
    const demo = items.find((org) => org.slug === 'demo');
    if (demo === undefined) throw new Error('no Demo organisation');
    await admin('POST', '/api/users', {
      email: 'reviewer@example.org',
      displayName: 'Reviewer',
      language: 'en',
      password,
      organisationId: demo.id,
      role: 'reviewer',
    });
  }, 240_000);

  async function newPage(): Promise<Page> {
    const context = await suite.browser.newContext({ viewport: desktop, locale: 'en-GB' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const url = message.location().url;
      // Signed out, the app asks who is signed in (401); a refused dry run answers 400.
      if (message.text().includes('401') && url.endsWith('/api/me')) return;
      if (message.text().includes('400') && url.endsWith('/api/populations/import')) return;
      consoleErrors.push(`${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return page;
  }

  async function chooseFile(page: Page, name: string, content: string): Promise<void> {
    await page.getByTestId('population-import-file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(content),
    });
    await page.getByTestId('population-import-check').click();
  }

  // The table's own filter box, above it.
  const filterTable = async (page: Page, text: string) => {
    // Once the figures have come: the table is drawn anew when they arrive.
    await page.locator('[data-testid="population-table"][aria-busy="false"]').waitFor();
    await page
      .locator('.data-table', { has: page.getByTestId('population-table') })
      .getByRole('searchbox')
      .fill(text);
  };

  const tableRows = (page: Page) =>
    page.getByTestId('population-table').locator('tbody tr').allInnerTexts();

  it(
    'checks a file, names each refused row and why, then imports the rest',
    async () => {
      const words = messagesOf('en').populations;
      const page = await newPage();
      await signInAs(page, baseUrl, adminEmail, adminPassword, 'en');
      await page.getByTestId('nav-populations').click();
      await page.locator('main h1', { hasText: words.title }).waitFor();
      await chooseFile(page, 'populations.csv', goodFile);

      const dryRun = page.getByTestId('population-import-dry-run');
      await dryRun.waitFor();
      const count = (outcome: string) =>
        dryRun.locator(`[data-outcome="${outcome}"] dd`).innerText();
      expect(await count('created')).toBe('2');
      expect(await count('rejected')).toBe('3');
      const refused = await dryRun.getByTestId('population-rejections').locator('tbody tr').all();
      const described = await Promise.all(refused.map((row) => row.innerText()));
      expect(described).toHaveLength(3);
      expect(described[0]).toContain('XYZ');
      expect(described[0]).toContain(words.import.reasons.unknown_country);
      expect(described[1]).toContain('many');
      expect(described[1]).toContain(words.import.reasons.invalid_population);
      expect(described[2]).toContain(words.import.reasons.duplicate_row);
      // Nothing is saved by the check (the demo content loads other years).
      const before = await tableRows(page);
      expect(before.join('\n')).not.toContain('Projection for tests');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'populations-dry-run');

      await page.getByTestId('population-import-confirm').click();
      await page.getByTestId('population-import-done').waitFor();
      // The table filters: the new figures are found by their source.
      await filterTable(page, 'Projection');
      await expect.poll(() => tableRows(page)).toHaveLength(2);
      const rows = (await tableRows(page)).join('\n');
      expect(rows).toContain('Jordan');
      expect(rows).toContain('Ukraine');
      expect(rows).toContain('11,337,052');
      await screenshot(page, 'populations-imported');

      // A header that is not a population file's is refused column by column.
      await page.getByTestId('population-import-restart').click();
      await chooseFile(page, 'wrong.csv', 'country,year,inhabitants\nJOR,2024,1');
      const problems = page.getByTestId('population-header-problems');
      await problems.waitFor();
      expect(await problems.innerText()).toContain(
        words.import.header.unknown_column.replace('{{column}}', 'inhabitants'),
      );
      await page.context().close();
    },
    stepTimeout,
  );

  it(
    'speaks Arabic, right to left, and keeps the import to system administrators',
    async () => {
      const arabic = messagesOf('ar').populations;
      // The system administrator, switched to Arabic.
      const admin = await apiSession(baseUrl, adminEmail, adminPassword);
      const { items } = await admin<{ items: { id: string; email: string }[] }>(
        'GET',
        '/api/users',
      );
      const adminId = items.find((user) => user.email === adminEmail)?.id;
      if (adminId === undefined) throw new Error('no admin user');
      await admin('PATCH', `/api/users/${adminId}`, { language: 'ar' });
      const inArabic = await newPage();
      await signInAs(inArabic, baseUrl, adminEmail, adminPassword, 'ar');
      await inArabic.goto(`${baseUrl}/populations`);
      await inArabic.locator('main h1', { hasText: arabic.title }).waitFor();
      expect(await inArabic.locator('html').getAttribute('dir')).toBe('rtl');
      await filterTable(inArabic, 'Projection');
      await expect.poll(async () => (await tableRows(inArabic)).join('\n')).toContain('الأردن');
      expect(await seriousAxeViolations(inArabic)).toEqual([]);
      await screenshot(inArabic, 'populations-ar');
      await admin('PATCH', `/api/users/${adminId}`, { language: 'en' });
      await inArabic.context().close();

      const reviewer = await newPage();
      await signInAs(reviewer, baseUrl, 'reviewer@example.org', password, 'en');
      await reviewer.getByTestId('nav-populations').click();
      await reviewer.getByTestId('population-import-admins-only').waitFor();
      expect(await reviewer.getByTestId('population-import-form').count()).toBe(0);
      await filterTable(reviewer, 'Projection');
      await expect.poll(async () => (await tableRows(reviewer)).join('\n')).toContain('Jordan');
      await reviewer.context().close();
      expect(consoleErrors).toEqual([]);
    },
    stepTimeout,
  );
});
