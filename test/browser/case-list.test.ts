import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  chromiumSuite,
  expectAccessible,
  screenshot,
  settle,
  untilTableRows,
  signInAs,
} from './browser-harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const desktop = { width: 1280, height: 900 };

// The case list's paging, a case form sent again after a lost answer, emergency access to a
// case that cannot be opened, and a case file imported through the web page, on the demo
// workspace. The real server and Debian's Chromium.
describe('case list, emergency access and imports in Chromium', () => {
  const suite = chromiumSuite({ firstPort: 22_000 });
  let page: Page;
  let baseUrl = '';

  beforeAll(async () => {
    baseUrl = suite.baseUrl;
    const context = await suite.browser.newContext({ viewport: desktop, locale: 'en-GB' });
    page = await context.newPage();
  }, 240_000);

  it('pages through the demo cases, a double click moving two pages', async () => {
    await signInAs(page, baseUrl, adminEmail, adminPassword, 'en');
    await page.getByTestId('nav-cases').click();
    await settle(page);
    await untilTableRows(page, 'cases-table');
    // Two clicks on "next" before the list re-renders (a double click): two pages on, not one.
    await page.locator('[data-testid="case-next"]:not([disabled])').waitFor();
    await page.evaluate(`(() => {
      const next = document.querySelector('[data-testid="case-next"]');
      next.click();
      next.click();
    })()`);
    await page.waitForURL(/[?&]page=2\b/);
    await settle(page);
    await untilTableRows(page, 'cases-table');
    await page.getByTestId('case-previous').click();
    await page.waitForURL(/[?&]page=1\b/);
  });

  it('after a lost answer, refuses changed answers and offers the case saved before', async () => {
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByTestId('case-wizard').waitFor();
    await page.getByTestId('case-organisation').selectOption({ label: 'Demo' });
    await page.getByTestId('case-identity-firstName').fill('Nadia');
    for (let step = 0; step < 5; step += 1) await page.getByTestId('wizard-next').click();
    // The server saves the case, but its answer never reaches the page.
    let lost = false;
    await page.route('**/api/cases', async (route) => {
      if (lost || route.request().method() !== 'POST') return route.continue();
      lost = true;
      await route.fetch();
      return route.abort('failed');
    });
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('form-error').waitFor();
    expect(lost).toBe(true);
    // Changed, then sent again with the form's key: refused, and the saved case is offered.
    await page.getByTestId('wizard-step-person').click();
    await page.getByTestId('case-identity-firstName').fill('Nadine');
    for (let step = 0; step < 5; step += 1) await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-save').click();
    await page
      .getByTestId('form-error')
      .getByText('This form was already sent with other answers')
      .waitFor();
    await expectAccessible(page);
    await page.getByTestId('open-saved-case').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByTestId('identity-facts').getByText('Nadia').waitFor();
    await page.unroute('**/api/cases');
  });

  it('offers emergency access when a case cannot be opened', async () => {
    await page.goto(`${baseUrl}/cases/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('case-not-visible').waitFor();
    await page.getByTestId('break-glass-open').click();
    const dialog = page.getByTestId('break-glass-dialog');
    await dialog.getByTestId('break-glass-reason').fill('Urgent');
    await dialog.getByTestId('break-glass-submit').click();
    await dialog.getByTestId('field-error-reason').waitFor();
    await dialog
      .getByTestId('break-glass-reason')
      .fill('Police report the person is in danger tonight.');
    await dialog.getByTestId('break-glass-submit').click();
    // No such case: the refusal is said in words, inside the dialog.
    await dialog.getByTestId('form-error').getByText('This case does not exist').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cases-en-break-glass');
    await page.keyboard.press('Escape');
  });

  it('checks an import file, then imports it with progress and a result', async () => {
    await page.setViewportSize(desktop);
    await page.getByTestId('nav-imports').click();
    await settle(page);
    await page.getByTestId('import-organisation').selectOption({ label: 'Demo' });
    await page
      .getByTestId('import-file')
      .setInputFiles(path.join(root, 'test/fixtures/cases/ctdc-global.csv'));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-dry-run').getByTestId('import-counts').waitFor({
      timeout: 30_000,
    });
    await expectAccessible(page);
    await screenshot(page, 'cases-en-import-check');
    const confirm = page.getByTestId('import-confirm');
    if ((await confirm.count()) > 0) {
      await confirm.click();
      await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
      await expectAccessible(page);
      await screenshot(page, 'cases-en-import-done');
    }
  });
});
