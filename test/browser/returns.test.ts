import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleMessages } from '../../src/core/glotip/validation-rule-messages.js';
import {
  adminEmail,
  adminPassword,
  apiSession,
  chromiumSuite,
  expectAccessible,
  screenshot,
  settle,
  signInAs,
} from './browser-harness.js';

const root = path.resolve(import.meta.dirname, '../..');

interface ReturnsMessages {
  returns: { statuses: Record<string, string>; form: { noProblems: string } };
}
const messagesOf = (language: string) =>
  JSON.parse(
    readFileSync(path.join(root, `src/web/locales/${language}.json`), 'utf8'),
  ) as ReturnsMessages;

const password = 'Quarterly-Figures-Checked-4417';
const desktop = { width: 1280, height: 900 };
// Each step signs a person in, walks several pages and runs axe: generous on a loaded machine.
const stepTimeout = 120_000;

// Message keys that must never show on a page, and English words that must not show on the
// Arabic one.
const rawKey = /\b(returns|errors|common|issues|codes)\.[a-zA-Z_]+\.[a-zA-Z_]+/;
const englishWords =
  /\b(Return|Submit|Accept|Approve|Locked|Draft|Submitted|Approved|Victims?|Total|Female|Male|Warning|Error)\b/;

/** Every fixed fragment of a rule's message template (what surrounds its `{placeholders}`). */
function templateFragments(ruleId: keyof typeof ruleMessages, language: 'fr' | 'ar'): string[] {
  return ruleMessages[ruleId][language]
    .split(/\{[A-Za-z]+\}/)
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length > 2);
}

const cell = (sex: string) => `cell-detected_victims-total-total-${sex}-total`;

// End-to-end, acceptance item 5 of issue 5: a reporting NGO's data manager fills a GLOTIP return,
// sees a parts-versus-total error as they type, fixes it and submits; the national reviewer
// accepts; the top-level reviewer approves; the data manager finds it locked. In French, then in
// Arabic (right to left). The real server (started as `npm start` does) and Debian's Chromium.
describe('GLOTIP returns in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 22_000 });
  let baseUrl = '';
  const organisations = { top: '', national: '', ngo: '' };

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const admin = await apiSession(baseUrl, adminEmail, adminPassword);
    const organisation = async (body: Record<string, unknown>) =>
      (await admin<{ id: string }>('POST', '/api/organisations', body)).id;
    organisations.top = await organisation({
      name: 'Regional Office',
      slug: 'regional-office',
      type: 'un_entity',
    });
    organisations.national = await organisation({
      name: 'Jordan National Committee',
      slug: 'jordan-committee',
      type: 'member_state',
      country: 'JOR',
      parentId: organisations.top,
    });
    organisations.ngo = await organisation({
      name: 'Amman Shelter Network',
      slug: 'amman-shelter',
      type: 'ngo',
      country: 'JOR',
      parentId: organisations.national,
    });
    // One set of people per language: each user's own language is the interface's.
    for (const language of ['fr', 'ar']) {
      for (const [who, organisationId, role] of [
        ['manager', organisations.ngo, 'data_manager'],
        ['national', organisations.national, 'reviewer'],
        ['top', organisations.top, 'reviewer'],
      ] as const) {
        await admin('POST', '/api/users', {
          email: `${who}.${language}@example.org`,
          displayName: `${who} ${language}`,
          language,
          password,
          organisationId,
          role,
        });
      }
    }
  }, 240_000);

  const signIn = (page: Page, email: string, language: string) =>
    signInAs(page, baseUrl, email, password, language);

  async function signOut(page: Page): Promise<void> {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
  }

  /** Accessible, no raw message key, and (in Arabic) no English interface word. */
  async function check(page: Page, language: string, name: string): Promise<void> {
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(rawKey);
    if (language === 'ar') {
      expect(text).toMatch(/[\u0600-\u06FF]/);
      expect(text).not.toMatch(englishWords);
    }
    await expectAccessible(page);
    await screenshot(page, name);
  }

  async function expectStatus(page: Page, status: string): Promise<void> {
    await page.locator(`[data-testid="return-facts"] [data-status="${status}"]`).waitFor();
  }

  async function takeStep(page: Page, action: 'submit' | 'accept' | 'approve'): Promise<void> {
    await page.getByTestId(`return-action-${action}`).click();
    const dialog = page.getByTestId('move-dialog');
    await dialog.getByTestId('move-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async function openReturn(page: Page, returnUrl: string, heading: string): Promise<void> {
    await page.goto(returnUrl);
    await settle(page);
    await page.locator('main h1', { hasText: heading }).waitFor();
    await page.getByTestId('return-form').waitFor();
  }

  describe.each([
    { language: 'fr' as const, year: 2024, dir: 'ltr' },
    { language: 'ar' as const, year: 2023, dir: 'rtl' },
  ])('in $language', ({ language, year, dir }) => {
    let page: Page;
    let returnUrl = '';
    const words = messagesOf(language).returns;

    beforeAll(async () => {
      const context = await suite.browser.newContext({ viewport: desktop, locale: 'en-GB' });
      page = await context.newPage();
    });

    it(
      'lets the data manager open a return and see a parts-versus-total error as they type',
      async () => {
        await signIn(page, `manager.${language}@example.org`, language);
        expect(await page.locator('html').getAttribute('dir')).toBe(dir);
        await page.getByTestId('nav-returns').click();
        await settle(page);
        await page.getByTestId('return-create').click();
        const dialog = page.getByTestId('new-return-dialog');
        await dialog.getByTestId('new-return-organisation').selectOption(organisations.ngo);
        await dialog.getByTestId('new-return-year').selectOption(String(year));
        await dialog.getByTestId('new-return-submit').click();
        await page.waitForURL(/\/returns\/[0-9a-f-]{36}$/);
        returnUrl = page.url();
        await page.locator('main h1', { hasText: 'Amman Shelter Network' }).waitFor();
        await page.getByTestId('return-form').waitFor();
        await expectStatus(page, 'draft');

        // Women 5 and men 4 cannot make a total of 10.
        await page.getByTestId(`${cell('female')}-value`).fill('5');
        await page.getByTestId(`${cell('male')}-value`).fill('4');
        await page.getByTestId(`${cell('total')}-value`).fill('10');
        const violation = page.locator(
          '[data-testid="violation"][data-rule="parts.sex_age_total"]',
        );
        await violation.waitFor();
        const message = (await violation.innerText()).replace(/[\u2066-\u2069]/g, '');
        for (const fragment of templateFragments('parts.sex_age_total', language)) {
          expect(message).toContain(fragment);
        }
        // The cells concerned say so to assistive technology, and submission waits.
        expect(await page.getByTestId(`${cell('total')}-value`).getAttribute('aria-invalid')).toBe(
          'true',
        );
        const describedBy =
          (await page.getByTestId(`${cell('male')}-value`).getAttribute('aria-describedby')) ?? '';
        expect(describedBy.split(' ')).toContain(await violation.getAttribute('id'));
        expect(await page.getByTestId('return-action-submit').isDisabled()).toBe(true);
        await page.getByTestId('submit-blocked').waitFor();
        await check(page, language, `returns-${language}-violation`);
      },
      stepTimeout,
    );

    it(
      'clears the error once the figures add up, and submits',
      async () => {
        await page.getByTestId(`${cell('male')}-value`).fill('5');
        await expect.poll(() => page.getByTestId('violation').count()).toBe(0);
        expect(await page.getByTestId('violation-summary').innerText()).toBe(words.form.noProblems);
        // A censored figure goes through the cell's own menu: 5 + 5 + (0 to 4) can still be 10.
        await page.getByTestId(`${cell('other')}-kind`).selectOption('censored');
        expect(await page.getByTestId(`${cell('other')}-value`).inputValue()).toBe('<5');
        expect(await page.getByTestId('violation').count()).toBe(0);
        await takeStep(page, 'submit');
        await expectStatus(page, 'submitted');
        await page.getByTestId('history-event').first().waitFor();
        expect(await page.getByTestId(`${cell('total')}-value`).getAttribute('readonly')).not.toBe(
          null,
        );
        await check(page, language, `returns-${language}-submitted`);
        await signOut(page);
      },
      stepTimeout,
    );

    it(
      'lets the national reviewer find it in the inbox and accept it',
      async () => {
        await signIn(page, `national.${language}@example.org`, language);
        await page.getByTestId('nav-return-inbox').click();
        await settle(page);
        const row = page
          .getByTestId('return-inbox-table')
          .locator('tbody tr', { hasText: 'Amman Shelter Network' })
          .first();
        await row.waitFor();
        await check(page, language, `returns-${language}-inbox`);
        await row.getByTestId('inbox-return-link').click();
        await page.locator('main h1', { hasText: 'Amman Shelter Network' }).waitFor();
        await page.getByTestId('return-form').waitFor();
        expect(await page.getByTestId(`${cell('total')}-value`).inputValue()).toBe('10');
        await takeStep(page, 'accept');
        await expectStatus(page, 'accepted');
        await page.getByTestId('return-lock-notice').waitFor();
        await signOut(page);
      },
      stepTimeout,
    );

    it(
      'lets the top-level reviewer approve it',
      async () => {
        await signIn(page, `top.${language}@example.org`, language);
        await openReturn(page, returnUrl, 'Amman Shelter Network');
        await takeStep(page, 'approve');
        await expectStatus(page, 'approved');
        await check(page, language, `returns-${language}-approved`);
        await signOut(page);
      },
      stepTimeout,
    );

    it(
      'shows the data manager the return approved and locked, its cells read-only',
      async () => {
        await signIn(page, `manager.${language}@example.org`, language);
        await openReturn(page, returnUrl, 'Amman Shelter Network');
        await expectStatus(page, 'approved');
        expect(await page.locator('[data-status="approved"]').first().innerText()).toBe(
          words.statuses.approved,
        );
        await page.getByTestId('return-lock-notice').waitFor();
        const inputs = page.locator('[data-testid="return-form"] input');
        expect(await inputs.count()).toBeGreaterThan(10);
        expect(
          await page
            .locator('[data-testid="return-form"] input.return-cell-input:not([readonly])')
            .count(),
        ).toBe(0);
        expect(
          await page.locator('[data-testid="return-form"] select:not([disabled])').count(),
        ).toBe(0);
        expect(await page.getByTestId('return-save').count()).toBe(0);
        expect(await page.getByTestId('return-action-submit').count()).toBe(0);
        // Typing into a locked cell changes nothing.
        await page.getByTestId(`${cell('female')}-value`).press('9');
        expect(await page.getByTestId(`${cell('female')}-value`).inputValue()).toBe('5');
        expect(await page.locator('html').getAttribute('dir')).toBe(dir);
        await check(page, language, `returns-${language}-locked`);
        await signOut(page);
      },
      stepTimeout,
    );
  });
});
