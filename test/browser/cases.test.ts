import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  chromiumSuite,
  expectAccessible,
  screenshot,
  settle,
  untilTableRows,
} from './browser-harness.js';
import { arabic, english, englishWords, providerName, rawKey } from './case-journey-text.js';

const desktop = { width: 1280, height: 900 };

// End-to-end: a case from its first record to a referral refused for want of consent, then the
// same screens in Arabic. The real server (started as `npm start` does) and Debian's Chromium.
// The list's paging, emergency access and imports: case-list.test.ts.
describe('case records in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 20_000 });
  let page: Page;
  let baseUrl = '';
  let caseUrl = '';
  let caseNumber = '';

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const context = await suite.browser.newContext({
      viewport: desktop,
      locale: 'en-GB',
    });
    page = await context.newPage();
  }, 240_000);

  async function expectFitsWidth(width: number): Promise<void> {
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  async function screeningClass(): Promise<string | null> {
    return page.getByTestId('screening-bar-class').getAttribute('data-class');
  }

  async function chooseProvider(dialog: Locator): Promise<void> {
    const select = dialog.getByTestId('refer-provider');
    const value = await select
      .locator('option', { hasText: providerName })
      .first()
      .getAttribute('value');
    await select.selectOption(value ?? '');
    await dialog.getByTestId('refer-kind').selectOption('shelter');
    await dialog.getByTestId('packet-preview').waitFor();
  }

  it('signs in and lists cases, with synthetic demo data marked', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('login-email').fill(adminEmail);
    await page.getByTestId('login-password').fill(adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-cases').click();
    await settle(page);
    await untilTableRows(page, 'cases-table');
    await page.getByTestId('synthetic-badge').first().waitFor();
    await page.getByTestId('case-pager').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cases-en-list');
  });

  it('adds a service provider', async () => {
    await page.getByTestId('nav-providers').click();
    await settle(page);
    await page.getByTestId('provider-create').click();
    const dialog = page.getByTestId('provider-dialog');
    await dialog.getByTestId('provider-name').fill(providerName);
    await dialog.getByTestId('provider-kinds-shelter').check();
    await dialog.getByTestId('provider-kinds-medical').check();
    await dialog.getByTestId('provider-country').fill('JOR');
    await dialog.getByTestId('provider-recipient').selectOption({ label: 'Demo' });
    await dialog.getByTestId('provider-submit').click();
    await page.getByTestId('providers-table').getByText(providerName).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cases-en-providers');
  });

  it('records a case in steps on a phone, keeping input and showing field errors', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-cases').click();
    await settle(page);
    await page.getByTestId('case-create').click();
    await page.getByTestId('case-wizard').waitFor();
    await page.getByTestId('case-organisation').selectOption({ label: 'Demo' });
    await page.getByTestId('case-identity-firstName').fill('Amal');
    await page.getByTestId('case-identity-secondName').fill('Haddad');
    await page.getByTestId('case-identity-phone').fill('0791234567');
    await page.getByTestId('case-gender').selectOption('Feminine');
    await page.getByTestId('case-age').fill('24');
    await page.getByTestId('case-citizenship-input').fill('SYR');
    await page.getByTestId('case-citizenship-add').click();
    await page.getByTestId('wizard-next').click();
    // The contract refuses the phone number beside the field, before anything is sent.
    await page.getByTestId('field-error-victim.identity.phone').waitFor();
    await expectFitsWidth(360);
    await expectAccessible(page);
    await screenshot(page, 'cases-en-wizard-phone-error');
    await page.getByTestId('case-identity-phone').fill('+962791234567');
    await page.getByTestId('wizard-next').click();

    await expect.poll(() => page.getByTestId('wizard-title').textContent()).toBe('Exploitation');
    await page.getByTestId('case-trafficking-status').selectOption('PossibleVictimOfTrafficking');
    await page.getByTestId('case-exploitationTypes-ForcedLabour').check();
    await page.getByTestId('case-labourSectors-A_AgricultureForestryAndFishing').check();
    await page.getByTestId('case-controlMethods-WithholdsDocuments').check();
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('case-conflict-related').selectOption('Yes');
    await page.getByTestId('case-conflict-bases-DisplacementSetting').check();
    await page.getByTestId('case-displacement').selectOption('Refugee');
    // Back and forth keeps what was typed.
    await page.getByTestId('wizard-step-person').click();
    await expect.poll(() => page.getByTestId('case-identity-firstName').inputValue()).toBe('Amal');
    await page.getByTestId('wizard-step-perpetrators').click();

    await page.getByTestId('perpetrator-add').click();
    await page.getByTestId('perpetrator-0-name').fill('Abu K.');
    await page.getByTestId('perpetrator-0-affiliation').selectOption('NonStateArmedGroup');
    await page.getByTestId('perpetrator-0-roles-Exploiter').check();
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('event-add').click();
    await page.getByTestId('event-0-type').selectOption('Exploitation');
    await page.getByTestId('event-0-country').fill('JOR');
    await page.getByTestId('event-0-year').fill('2025');
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('section-person').getByText('Amal').waitFor();
    await page
      .getByTestId('section-conflict')
      .getByText('Trafficked in a displacement setting')
      .waitFor();
    await expectFitsWidth(360);
    await expectAccessible(page);
    await screenshot(page, 'cases-en-wizard-review-phone');
    const created = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/api/cases'),
    );
    await page.getByTestId('wizard-save').click();
    // The form names its submission, so a retry after a lost answer makes no second case.
    expect((await created).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await settle(page);
    caseUrl = page.url();
    // The wizard's heading stays until the saved case has loaded.
    const heading = page.locator('main h1', { hasText: /\d{4}-\d{5}/ });
    await heading.waitFor();
    caseNumber = ((await heading.textContent()) ?? '')
      .replace(/[\u2066-\u2069]/g, '')
      .replace(/^Case /, '');
    expect(caseNumber).toMatch(/^\d{4}-\d{5}$/);
    await page.getByTestId('identity-facts').getByText('+962791234567').waitFor();
    await expectFitsWidth(360);
    await page.setViewportSize(desktop);
    await expectAccessible(page);
    await screenshot(page, 'cases-en-detail');
  });

  it('screens the case, the class following the ticked indicators live', async () => {
    await page.getByTestId('screening-new').click();
    await page.getByTestId('screening-form').waitFor();
    // Adult, forced labour: the case suggests the adult labour list.
    await expect
      .poll(() => page.getByTestId('screening-profile-adult_labour').isChecked())
      .toBe(true);
    expect(await screeningClass()).toBe('insufficient_evidence');
    await page.getByTestId('indicator-deceptive_recruitment.nature_of_job').check();
    await page.getByTestId('indicator-deceptive_recruitment.working_conditions').check();
    await expect
      .poll(() => page.getByTestId('group-status-deceptive_recruitment').textContent())
      .toBe('Established');
    expect(await screeningClass()).toBe('insufficient_evidence');
    await page.getByTestId('indicator-exploitative_conditions.excessive_hours').check();
    await page.getByTestId('indicator-exploitative_conditions.low_or_no_pay').check();
    await expect.poll(screeningClass).toBe('deceived_and_exploited');
    await page.getByTestId('indicator-coercion_at_destination.document_confiscation').check();
    await page.getByTestId('indicator-coercion_at_destination.debt_bondage').check();
    await expect.poll(screeningClass).toBe('trafficking');
    // The explanation names the branch that fired and the indicators behind it.
    const destination = page.getByTestId('dimension-coercion_at_destination');
    await destination.getByText('two strong indicators').waitFor();
    await destination.locator('[data-code="coercion_at_destination.debt_bondage"]').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cases-en-screening');
    const saved = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/screenings'),
    );
    await page.getByTestId('screening-save').click();
    expect((await saved).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}#screening$/);
    await page
      .getByTestId('screening-item')
      .first()
      .locator('[data-class="trafficking"]')
      .first()
      .waitFor();
  });

  it('records referral consent, refers, and refuses a referral once consent is revoked', async () => {
    await page.getByTestId('consent-new').click();
    const consent = page.getByTestId('consent-dialog');
    await consent.getByTestId('consent-purpose').selectOption('referral');
    await consent.getByTestId('consent-submit').click();
    // Not informed yet: the required prompts are named.
    await consent.getByTestId('field-error-prompts').waitFor();
    for (const prompt of [
      'interview',
      'purposeExplained',
      'dataUseExplained',
      'withdrawalExplained',
    ]) {
      await consent.getByTestId(`consent-prompt-${prompt}`).check();
    }
    const recorded = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/consents'),
    );
    await consent.getByTestId('consent-submit').click();
    expect((await recorded).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    await page.getByTestId('consent-table').getByTestId('consent-in-force').waitFor();

    await page.getByTestId('refer-new').click();
    let refer = page.getByTestId('refer-dialog');
    await chooseProvider(refer);
    await refer.getByTestId('refer-note').fill('Needs a bed tonight.');
    const referred = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/referrals'),
    );
    await expectAccessible(page);
    await screenshot(page, 'cases-en-refer');
    await refer.getByTestId('refer-submit').click();
    // The dialog names its submission, so a retry sends the provider no second packet.
    expect((await referred).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    await page.getByTestId('referrals-table').getByTestId('referral-status').first().waitFor();
    expect(
      await page.getByTestId('referrals-table').getByTestId('referral-status').textContent(),
    ).toBe('Sent');

    await page.getByTestId('consent-revoke-referral').click();
    // The dialog says what revoking referral consent does to the referral already sent.
    expect(await page.getByTestId('consent-revoke-dialog').textContent()).toContain(
      'open referrals of this case are revoked',
    );
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => page.getByTestId('consent-in-force').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('referrals-table').getByTestId('referral-status').textContent())
      .toBe('Withdrawn');

    await page.getByTestId('refer-new').click();
    refer = page.getByTestId('refer-dialog');
    await chooseProvider(refer);
    await refer.getByTestId('refer-submit').click();
    const refused = refer.getByTestId('consent-required');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(english.errors.consent.required);
    // The administrator holds consent.override: the reason field is offered.
    await refer.getByTestId('refer-override-reason').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cases-en-referral-refused');
    await refer.getByTestId('refer-override-reason').fill('Short');
    await refer.getByTestId('refer-submit').click();
    await refer.getByTestId('field-error-overrideReason').waitFor();
    await refer
      .getByTestId('refer-override-reason')
      .fill('Immediate danger at the current address; shelter needed tonight.');
    await refer.getByTestId('refer-submit').click();
    await expect
      .poll(() => page.getByTestId('referrals-table').getByTestId('referral-status').count())
      .toBe(2);
    await page.getByTestId('referrals-table').getByText('Sent without consent').waitFor();
  });

  it('lets the recipient open the packet and acknowledge the referral', async () => {
    await page.setViewportSize(desktop);
    await page.getByTestId('nav-referrals').click();
    await settle(page);
    const table = page.getByTestId('inbox-table');
    // The demo content fills the inbox too: filter it down to this case.
    await page.getByLabel('Filter').fill(caseNumber);
    await table.getByText(caseNumber).first().waitFor();
    // The referral sent under the revoked consent is listed as withdrawn, with nothing to open;
    // the one sent by the override is open.
    const rows = table.locator('tbody tr', { hasText: caseNumber });
    await expect.poll(() => rows.count()).toBe(2);
    const withdrawn = rows.filter({ hasText: 'Withdrawn' });
    expect(await withdrawn.getByTestId('referral-open').count()).toBe(0);
    const row = rows.filter({ hasNotText: 'Withdrawn' });
    await row.getByTestId('referral-open').click();
    const packet = page.getByTestId('packet-dialog');
    await packet.getByTestId('packet').getByText('Amal Haddad').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cases-en-inbox-packet');
    await packet.getByRole('button', { name: 'Close' }).last().click();
    await row.getByTestId('referral-move-acknowledged').click();
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => row.getByTestId('referral-status').textContent()).toBe('Acknowledged');
    await expectAccessible(page);
    await screenshot(page, 'cases-en-inbox');
  });

  it('shows the same screens in Arabic, right to left, without raw keys or English', async () => {
    await page.setViewportSize(desktop);
    await page.goto(caseUrl);
    await settle(page);
    await page.getByTestId('language-select').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');

    const checkArabic = async (name: string) => {
      await settle(page);
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/[\u0600-\u06FF]/);
      expect(text).not.toMatch(rawKey);
      expect(text).not.toMatch(englishWords);
      await expectAccessible(page);
      await screenshot(page, name);
    };

    await checkArabic('cases-ar-detail');

    await page.getByTestId('refer-new').click();
    const refer = page.getByTestId('refer-dialog');
    await chooseProvider(refer);
    await refer.getByTestId('refer-submit').click();
    const refused = refer.getByTestId('consent-required');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(arabic.errors.consent.required);
    const dialogText = await refer.innerText();
    expect(dialogText).not.toMatch(rawKey);
    expect(dialogText).not.toMatch(englishWords);
    await expectAccessible(page);
    await screenshot(page, 'cases-ar-referral-refused');
    await page.keyboard.press('Escape');

    await page.goto(`${caseUrl}/screenings/new`);
    await page.getByTestId('screening-form').waitFor();
    await page.getByTestId('indicator-exploitative_conditions.excessive_hours').check();
    await page.getByTestId('indicator-exploitative_conditions.hazardous_work').check();
    await expect.poll(screeningClass).toBe('exploited');
    expect(await page.getByTestId('screening-bar-class').textContent()).toBe(
      arabic.screening.classes.exploited,
    );
    await checkArabic('cases-ar-screening');

    await page.goto(`${baseUrl}/cases`);
    await untilTableRows(page, 'cases-table');
    await checkArabic('cases-ar-list');

    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByTestId('case-wizard').waitFor();
    await checkArabic('cases-ar-wizard-phone');
    await expectFitsWidth(360);
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('case-exploitationTypes-vigil:ForcedCriminality').waitFor();
    await checkArabic('cases-ar-wizard-exploitation-phone');

    await page.setViewportSize(desktop);
    await page.goto(`${baseUrl}/referrals`);
    await untilTableRows(page, 'inbox-table');
    await checkArabic('cases-ar-inbox');
  }, 60_000);

  it('forgets the person once the case number is typed again', async () => {
    await page.goto(caseUrl);
    await settle(page);
    await page.getByTestId('forget-open').click();
    const dialog = page.getByTestId('forget-dialog');
    await dialog.getByTestId('forget-confirm').fill('2000-WRONG1');
    expect(await dialog.getByTestId('forget-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('forget-confirm').fill(caseNumber);
    await expectAccessible(page);
    await screenshot(page, 'cases-ar-forget');
    await dialog.getByTestId('forget-submit').click();
    await page.getByTestId('forgotten-banner').waitFor();
    await page.getByTestId('identity-hidden').waitFor();
    expect(await page.getByTestId('case-edit').count()).toBe(0);
    expect(await page.getByTestId('synthetic-badge').count()).toBe(0);
    await expectAccessible(page);
  });
});
