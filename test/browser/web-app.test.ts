import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateTotp } from '../../src/server/platform/crypto/index.js';
import {
  adminEmail,
  adminPassword,
  chromiumSuite,
  expectAccessible,
  screenshot,
  settle,
} from './browser-harness.js';

// End-to-end: the real server (started as `npm start` does) and Debian's Chromium.
describe('web application in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 18_000 });

  async function newPage(width = 1280): Promise<Page> {
    const context = await suite.browser.newContext({
      viewport: { width, height: 800 },
      locale: 'en-GB',
    });
    return context.newPage();
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${suite.baseUrl}/`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  /** Waits until the page's lazy chunk has loaded and no skeleton placeholder is left. */
  it('refuses a wrong password, then signs in with the right one', async () => {
    const page = await newPage();
    await signIn(page, adminEmail, 'Wrong-Password-Entirely-1');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/incorrect/i);
    await expectAccessible(page);
    await screenshot(page, 'en-login-error');
    await page.getByTestId('login-password').fill(adminPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-organisations').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('creates an organisation and a user, and shows the audit log', async () => {
    const page = await newPage();
    await signIn(page, adminEmail, adminPassword);
    await page.getByTestId('nav-organisations').click();
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-name').fill('Harbour Shelter');
    await page.getByTestId('org-slug').fill('harbour-shelter');
    await page.getByTestId('org-type').selectOption('ngo');
    await page.getByTestId('org-country').fill('JOR');
    await page.getByTestId('org-submit').click();
    await page.getByText('Harbour Shelter').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'en-organisations');

    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-email').fill('amina@example.org');
    await page.getByTestId('user-name').fill('Amina Haddad');
    await page.getByTestId('user-password').fill('Lantern-Orchard-Mosaic-42');
    await page.getByTestId('user-org').selectOption({ label: 'Harbour Shelter' });
    await page.getByTestId('user-role').selectOption('caseworker');
    await page.getByTestId('user-submit').click();
    await page.getByText('amina@example.org').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'en-users');

    for (const area of ['roles', 'tokens', 'profile'] as const) {
      await page.getByTestId(`nav-${area}`).click();
      await settle(page);
      await expectAccessible(page);
      await screenshot(page, `en-${area}`);
    }

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await settle(page);
    // Actions are shown translated; the stable code sits in data-action.
    await page.locator('[data-testid="audit-table"] [data-action="org.create"]').first().waitFor();
    await expect
      .poll(() => page.getByTestId('audit-chain-status').textContent())
      .toMatch(/intact/i);
    await expectAccessible(page);
    await screenshot(page, 'en-audit');
    await page.context().close();
  });

  it('enrols two-factor authentication and signs in with a code', async () => {
    const page = await newPage();
    await signIn(page, 'amina@example.org', 'Lantern-Orchard-Mosaic-42');
    await page.getByTestId('nav-profile').click();
    await page.getByTestId('totp-begin').click();
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByTestId('totp-confirm-code').fill(generateTotp(secret, new Date()));
    await page.getByTestId('totp-confirm-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'en-profile-recovery-codes');
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();

    await signIn(page, 'amina@example.org', 'Lantern-Orchard-Mosaic-42');
    await page.getByTestId('totp-code').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'en-login-totp');
    // The enrolment code's time step is spent (replays are refused): wait for the next one.
    const step = Math.floor(Date.now() / 30_000);
    while (Math.floor(Date.now() / 30_000) === step) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await page.getByTestId('totp-code').fill(generateTotp(secret, new Date()));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('nav-profile').waitFor();
    await page.context().close();
  }, 90_000);

  it('switches to Arabic: right-to-left with translated navigation', async () => {
    const page = await newPage();
    await signIn(page, adminEmail, adminPassword);
    await page.getByTestId('language-select').waitFor();
    const englishNav = await page.getByTestId('nav-organisations').textContent();
    await page.getByTestId('language-select').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const arabicNav = (await page.getByTestId('nav-organisations').textContent()) ?? '';
    expect(arabicNav).not.toBe(englishNav);
    expect(arabicNav).toMatch(/[\u0600-\u06FF]/);
    await expectAccessible(page);
    await screenshot(page, 'ar-home');
    for (const area of ['organisations', 'users', 'roles', 'tokens', 'audit', 'profile'] as const) {
      await page.getByTestId(`nav-${area}`).click();
      await settle(page);
      const text = await page.locator('main').innerText();
      // No raw error code or English fallback on an Arabic page.
      expect(text).not.toMatch(
        /\b(auth|access|audit|crypto|membership|org|password|request|role|token|user|validation)\.[a-z_]+\b/,
      );
      expect(text).not.toMatch(/\b(Organisations|Users|Roles|Sign out|Audit log|Profile)\b/);
      await expectAccessible(page);
      await screenshot(page, `ar-${area}`);
    }
    await page.context().close();
  });

  it('fits a 360 px phone screen without horizontal scrolling', async () => {
    const page = await newPage(360);
    await page.goto(`${suite.baseUrl}/`);
    await page.getByTestId('login-email').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth');
    expect(overflow).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await screenshot(page, 'en-login-phone');
    await signIn(page, adminEmail, adminPassword);
    await settle(page);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await screenshot(page, 'en-home-phone');
    await page.context().close();
  });
});
