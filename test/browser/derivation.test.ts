import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
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
import type { CountingPolicyId } from '../../src/shared/counting-policy-ids.js';

const root = path.resolve(import.meta.dirname, '../..');

interface DerivationMessages {
  issues: { required: string };
  returns: {
    derive: {
      title: string;
      submit: string;
      drillTitle: string;
      value: string;
      policies: Record<CountingPolicyId, { name: string; description: string }>;
    };
    sources: { derived: string };
  };
}
const messagesOf = (language: string) =>
  JSON.parse(
    readFileSync(path.join(root, `src/web/locales/${language}.json`), 'utf8'),
  ) as DerivationMessages;

interface ApiCell {
  key: { indicator: string; dimension: string; category: string; sex: string; age: string };
  value: { kind: string; value?: number };
  derivedValue: number | null;
  recordCount: number | null;
  overrideReason: string | null;
}
interface ApiReturn {
  id: string;
  source: string;
  synthetic: boolean;
  cells: ApiCell[];
}

const password = 'Counted-Once-Each-Year-5521';
const desktop = { width: 1280, height: 900 };
// Each step signs a person in, derives over 300 demo cases and runs axe: generous when loaded.
const stepTimeout = 120_000;
// Message keys that must never show on a page.
const rawKey = /\b(returns|errors|common|issues|forms)\.[a-zA-Z_]+(\.[a-zA-Z_]+)?\b/;
// The demo cases' invented first names and their second name (demo-cases.ts): identifying
// fields that a drill-down must never show.
const demoNames =
  /\b(Amani|Nadia|Josué|Fatou|Olena|Yusuf|Mariam|Ibrahim|Iryna|Grace|Samir|Aïcha|Synthetic)\b/;
// The demo cases fall in 2021–2025; under these policies their figures differ (NGO
// determinations count for `unodc_identified`, not for `formal_only`).
const year = 2024;
const frenchYear = 2025;

const cellId = (sex: string, age: string) => `cell-detected_victims-total-total-${sex}-${age}`;
const femaleAdults = cellId('female', 'adult');
const femaleTotal = cellId('female', 'total');
const grandTotal = cellId('total', 'total');
/** The total table's cells, as `<sex>-<age>`, for comparing page and API. */
const totalCells = ['female', 'male', 'total'].flatMap((sex) =>
  ['adult', 'minor', 'total'].map((age) => ({ sex, age })),
);

// Issue 7, the derivation view with drill-down: a data manager derives a draft GLOTIP return
// from their organisation's case records (the 300 synthetic demo cases) under a counting policy,
// reads each cell's record count, drills into the cases counted, overrides a figure with a
// reason, and derives again under another policy. The real server (`npm start` with the demo
// content) and Debian's Chromium.
describe('the derivation view in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 26_000, demo: true });
  let context: BrowserContext;
  let page: Page;
  let baseUrl = '';
  let demoId = '';
  let returnUrl = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const admin = await apiSession(baseUrl, adminEmail, adminPassword);
    const organisations = await admin<{ items: { id: string; slug: string }[] }>(
      'GET',
      '/api/organisations',
    );
    demoId = organisations.items.find((org) => org.slug === 'demo')?.id ?? '';
    for (const [email, role, language] of [
      ['manager@example.org', 'data_manager', 'en'],
      ['gestionnaire@example.org', 'data_manager', 'fr'],
      ['analyst@example.org', 'analyst', 'en'],
    ] as const) {
      await admin('POST', '/api/users', {
        email,
        displayName: `${role} ${language}`,
        language,
        password,
        organisationId: demoId,
        role,
      });
    }
    context = await suite.browser.newContext({ viewport: desktop, locale: 'en-GB' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Opening the app signed out asks who is signed in (`GET /api/me`): 401 is the answer.
      const url = message.location().url;
      if (message.text().includes('401') && url.endsWith('/api/me')) return;
      consoleErrors.push(`${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 240_000);

  const signIn = (email: string, language: string) =>
    signInAs(page, baseUrl, email, password, language);

  async function signOut(): Promise<void> {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
  }

  async function openReturnsList(): Promise<void> {
    await page.getByTestId('nav-returns').click();
    await page.getByTestId('returns-table').waitFor();
  }

  /** Derives through the dialog; resolves on the draft's page with the server's answer. */
  async function derive(
    policyId: string,
    derivedYear: number,
  ): Promise<{ returnId: string; cells: number }> {
    await page.getByTestId('return-derive').click();
    const dialog = page.getByTestId('derive-dialog');
    await dialog.getByTestId('derive-organisation').selectOption(demoId);
    await dialog.getByTestId('derive-year').selectOption(String(derivedYear));
    await expect.poll(() => dialog.getByTestId('derive-policy').isEnabled()).toBe(true);
    await dialog.getByTestId('derive-policy').selectOption(policyId);
    await dialog.getByTestId('derive-synthetic').check();
    const answer = page.waitForResponse(
      (response: Response) =>
        response.url().endsWith('/api/derivations') && response.request().method() === 'POST',
    );
    await dialog.getByTestId('derive-submit').click();
    const body = (await (await answer).json()) as { returnId: string; cells: number };
    await page.waitForURL(`${baseUrl}/returns/${body.returnId}`);
    await page.getByTestId('return-form').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    return body;
  }

  /** The return as the API gives it to the signed-in page. */
  async function returnOfPage(id: string): Promise<ApiReturn> {
    return page.evaluate(async (returnId) => {
      const response = await fetch(`/api/returns/${returnId}`);
      return (await response.json()) as ApiReturn;
    }, id);
  }

  const apiCell = (ret: ApiReturn, sex: string, age: string) =>
    ret.cells.find(
      (cell) =>
        cell.key.indicator === 'detected_victims' &&
        cell.key.dimension === 'total' &&
        cell.key.sex === sex &&
        cell.key.age === age,
    );

  const shown = (id: string) => page.getByTestId(`${id}-value`).inputValue();
  const records = (id: string) => page.getByTestId(`records-${id}`).innerText();

  /** Every cell of the totals table shows the API's value and record count. */
  async function expectTotalsAsApi(ret: ApiReturn): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    for (const { sex, age } of totalCells) {
      const cell = apiCell(ret, sex, age);
      const id = cellId(sex, age);
      expect(cell?.recordCount, id).not.toBeNull();
      expect(await shown(id), id).toBe(String(cell?.value.value));
      expect(await records(id), id).toBe(String(cell?.recordCount));
      values.set(id, await shown(id));
    }
    return values;
  }

  /** Opens a cell's drill-down; resolves once its list of cases shows. */
  async function drillInto(id: string) {
    await page.getByTestId(`records-${id}`).click();
    const dialog = page.getByTestId('drill-down-dialog');
    await dialog.getByTestId('drill-down-cases').waitFor();
    return dialog;
  }

  /**
   * No raw key on the page and no console error so far; with `axe`, accessible too (axe takes
   * seconds over a whole questionnaire, so it runs where the derivation's own parts first show).
   */
  async function check(name: string, options: { axe?: boolean } = {}): Promise<void> {
    expect(await page.locator('body').innerText()).not.toMatch(rawKey);
    if (options.axe === true) expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, name);
    expect(consoleErrors).toEqual([]);
  }

  it(
    'does not offer derivation to an analyst',
    async () => {
      await signIn('analyst@example.org', 'en');
      await openReturnsList();
      expect(await page.getByTestId('return-create').count()).toBe(0);
      expect(await page.getByTestId('return-derive').count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      await signOut();
    },
    stepTimeout,
  );

  it(
    'lets the data manager derive a draft that shows each cell with its record count',
    async () => {
      const words = messagesOf('en').returns;
      await signIn('manager@example.org', 'en');
      await openReturnsList();
      await page.getByTestId('return-derive').click();
      await page
        .locator('[data-testid="derive-dialog"] h2', { hasText: words.derive.title })
        .waitFor();
      await check('derivation-en-dialog', { axe: true });
      await page.keyboard.press('Escape');
      await page.getByTestId('derive-dialog').waitFor({ state: 'hidden' });

      const derived = await derive('unodc_identified', year);
      returnUrl = page.url();
      await page.locator('main', { hasText: words.sources.derived }).waitFor();
      const ret = await returnOfPage(derived.returnId);
      expect(ret).toMatchObject({ source: 'derived', synthetic: true });
      expect(ret.cells).toHaveLength(derived.cells);
      // Under this policy a cell's value is the number of records it counted.
      for (const cell of ret.cells) expect(cell.value.value).toBe(cell.recordCount);
      await expectTotalsAsApi(ret);
      expect(Number(await shown(grandTotal))).toBeGreaterThan(0);
      await check('derivation-en-derived');
    },
    stepTimeout,
  );

  it(
    'drills into a cell: its case numbers, as many as it counted, and no names',
    async () => {
      const expected = Number(await records(femaleTotal));
      expect(expected).toBeGreaterThan(0);
      const dialog = await drillInto(femaleTotal);
      expect(await dialog.getByTestId('drill-down-policy').inputValue()).toBe('unodc_identified');
      const cases = dialog.getByTestId('drill-down-cases').locator('li');
      expect(await cases.count()).toBe(expected);
      for (const number of await cases.allInnerTexts()) expect(number).toMatch(/^\d{4}-\d+$/);
      expect(await dialog.getByTestId('drill-down-value').innerText()).toContain(String(expected));
      expect(await dialog.getByTestId('drill-down-hidden').count()).toBe(0);
      const text = await dialog.innerText();
      expect(text).not.toMatch(demoNames);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await check('derivation-en-drill-down', { axe: true });
      // Each case number opens its case.
      const href = (await cases.first().locator('a').getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    },
    stepTimeout,
  );

  it(
    'refuses an override without a reason, then keeps it with one beside the derived value',
    async () => {
      const derived = Number(await shown(femaleAdults));
      const override = String(derived + 1);
      await page.getByTestId(`${femaleAdults}-value`).fill(override);
      const derivedShown = page.getByTestId(`derived-${femaleAdults}`);
      expect(await derivedShown.innerText()).toBe(`Derived value: ${String(derived)}`);
      const item = page.getByTestId(`override-${femaleAdults}`);
      await item.waitFor();

      await page.getByTestId('return-save').click();
      const fieldError = item.getByTestId('field-error-cellOverrideReason');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toBe(messagesOf('en').issues.required);
      const reason = item.getByTestId(`override-${femaleAdults}-reason`);
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => page.locator(':focus').getAttribute('data-testid'))
        .toBe(`override-${femaleAdults}-reason`);
      expect(await page.getByTestId('save-error').count()).toBe(0);
      // In sight: not under the sticky bar of save and workflow buttons.
      const errorBox = await fieldError.boundingBox();
      const barBox = await page.getByTestId('return-actions').boundingBox();
      expect((errorBox?.y ?? 0) + (errorBox?.height ?? 0)).toBeLessThanOrEqual(barBox?.y ?? 0);
      await check('derivation-en-override-refused', { axe: true });

      await reason.fill('One victim registered on paper only.');
      expect(await fieldError.count()).toBe(0);
      const saved = page.waitForResponse(
        (response: Response) =>
          response.url().endsWith('/cells') && response.request().method() === 'PUT',
      );
      await page.getByTestId('return-save').click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('toast').first().waitFor();
      await expect.poll(() => page.getByTestId('return-save').isDisabled()).toBe(true);

      // Saved, and as the server holds it once the page is opened again.
      await page.reload();
      await page.getByTestId('return-form').waitFor();
      expect(await shown(femaleAdults)).toBe(override);
      expect(await derivedShown.innerText()).toBe(`Derived value: ${String(derived)}`);
      expect(await reason.inputValue()).toBe('One victim registered on paper only.');
      const ret = await returnOfPage(returnUrl.split('/').pop() ?? '');
      expect(apiCell(ret, 'female', 'adult')).toMatchObject({
        value: { kind: 'count', value: derived + 1 },
        derivedValue: derived,
        overrideReason: 'One victim registered on paper only.',
      });
      expect(consoleErrors).toEqual([]);
    },
    stepTimeout,
  );

  it(
    'derives the same return under another policy: other figures, the override kept',
    async () => {
      const before = await returnOfPage(returnUrl.split('/').pop() ?? '');
      const overridden = apiCell(before, 'female', 'adult');
      const grandBefore = await shown(grandTotal);
      await openReturnsList();
      const derived = await derive('formal_only', year);
      expect(page.url()).toBe(returnUrl);
      const ret = await returnOfPage(derived.returnId);
      // No figure of the first derivation is left behind: the cells are the new derivation's.
      expect(ret.cells).toHaveLength(derived.cells);
      const now = apiCell(ret, 'female', 'adult');
      expect(now).toMatchObject({
        value: overridden?.value,
        overrideReason: 'One victim registered on paper only.',
      });
      expect(now?.derivedValue).not.toBe(overridden?.derivedValue);
      expect(await shown(femaleAdults)).toBe(String(overridden?.value.value));
      expect(await page.getByTestId(`derived-${femaleAdults}`).innerText()).toBe(
        `Derived value: ${String(now?.derivedValue)}`,
      );
      // Police and court determinations only: fewer victims than any determination.
      expect(Number(await shown(grandTotal))).toBeLessThan(Number(grandBefore));
      const others = totalCells.filter(({ sex, age }) => !(sex === 'female' && age === 'adult'));
      for (const { sex, age } of others) {
        const id = cellId(sex, age);
        expect(await shown(id), id).toBe(String(apiCell(ret, sex, age)?.value.value));
        expect(await records(id), id).toBe(String(apiCell(ret, sex, age)?.recordCount));
      }

      // The drill-down counts as this derivation did.
      const expected = Number(await records(femaleTotal));
      const dialog = await drillInto(femaleTotal);
      expect(await dialog.getByTestId('drill-down-policy').inputValue()).toBe('formal_only');
      expect(await dialog.getByTestId('drill-down-cases').locator('li').count()).toBe(expected);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await check('derivation-en-rederived');
      await signOut();
    },
    stepTimeout,
  );

  it(
    'speaks French throughout: the dialog, the draft, the drill-down and the reason asked',
    async () => {
      const words = messagesOf('fr');
      await signIn('gestionnaire@example.org', 'fr');
      await openReturnsList();
      await page.getByTestId('return-derive').click();
      const dialog = page.getByTestId('derive-dialog');
      await dialog.locator('h2', { hasText: words.returns.derive.title }).waitFor();
      expect(await dialog.getByTestId('derive-submit').innerText()).toBe(
        words.returns.derive.submit,
      );
      // The counting policies are worded in French too, names and the chosen one's description.
      const policies = words.returns.derive.policies;
      expect(await dialog.getByTestId('derive-policy').locator('option').allInnerTexts()).toEqual([
        policies.unodc_identified.name,
        policies.formal_only.name,
        policies.presumed_and_identified.name,
      ]);
      await dialog.getByText(policies.unodc_identified.description).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await derive('unodc_identified', frenchYear);
      await page.locator('main', { hasText: words.returns.sources.derived }).waitFor();
      expect(Number(await records(grandTotal))).toBeGreaterThan(0);
      await check('derivation-fr-derived');

      const drill = await drillInto(grandTotal);
      const title = words.returns.derive.drillTitle.split('{{')[0] ?? '';
      await drill.locator('h2', { hasText: title.trim() }).waitFor();
      expect(await drill.getByTestId('drill-down-cases').locator('li').count()).toBe(
        Number(await records(grandTotal)),
      );
      await check('derivation-fr-drill-down');
      await page.keyboard.press('Escape');
      await drill.waitFor({ state: 'hidden' });

      const derived = Number(await shown(femaleTotal));
      await page.getByTestId(`${femaleTotal}-value`).fill(String(derived + 2));
      const valueWords = words.returns.derive.value.split('{{')[0] ?? '';
      expect(await page.getByTestId(`derived-${femaleTotal}`).innerText()).toContain(
        valueWords.trim(),
      );
      await page.getByTestId('return-save').click();
      const fieldError = page
        .getByTestId(`override-${femaleTotal}`)
        .getByTestId('field-error-cellOverrideReason');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toBe(words.issues.required);
      await check('derivation-fr-override-refused');
      await signOut();
    },
    stepTimeout,
  );
});
