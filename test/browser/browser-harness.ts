import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

/** Where screenshots go (git-ignored). */
export const artefactsDir = path.join(root, 'test-artefacts', 'browser');

export const adminEmail = 'admin@example.org';
export const adminPassword = 'Correct-Horse-Battery-7781';

/** A Vigil server started the way a user starts it (`npm start` path), on its own data. */
export interface RunningVigil {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${String(child.exitCode)}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy:\n${output.join('')}`);
}

/**
 * Starts `node scripts/start.js` (builds when stale) on a free port with a fresh data dir;
 * `demo` adds the synthetic demo content (`VIGIL_DEMO=on`) on first start.
 */
export async function startVigil(
  port: number,
  options: { demo?: boolean } = {},
): Promise<RunningVigil> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-browser-'));
  const output: string[] = [];
  // The browser tests use the embedded SQLite default, whatever the caller's environment says.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.VIGIL_MASTER_KEY;
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      VIGIL_DATA_DIR: dataDir,
      VIGIL_ADMIN_EMAIL: adminEmail,
      VIGIL_ADMIN_PASSWORD: adminPassword,
      VIGIL_LOG_LEVEL: 'warn',
      ...(options.demo === true ? { VIGIL_DEMO: 'on' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  await waitForHealth(baseUrl, child, output);
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium, headless, with no network chatter. Playwright gives every launch a fresh
 * temporary profile (user-data dir) of its own and deletes it on close.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** A Vigil server and a Chromium shared by the tests of one file. */
export interface ChromiumSuite {
  /** The server's address; set once it has started. */
  baseUrl: string;
  browser: Browser;
}

/**
 * Starts a Vigil server (`startVigil`, on a random port from `firstPort` on) and Chromium
 * before the file's tests, and stops both after them. Read the fields inside hooks and tests:
 * `beforeAll` hooks the file registers after this one run after the start (vitest runs them
 * in order).
 */
export function chromiumSuite(options: { firstPort: number; demo?: boolean }): ChromiumSuite {
  const suite = { baseUrl: '' } as ChromiumSuite;
  let vigil: RunningVigil | undefined;
  let launched: { browser: Browser; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    vigil = await startVigil(options.firstPort + Math.floor(Math.random() * 2000), {
      demo: options.demo ?? false,
    });
    suite.baseUrl = vigil.baseUrl;
    launched = await launchChromium();
    suite.browser = launched.browser;
  }, 240_000);
  afterAll(async () => {
    // Either may be missing when the server failed to start.
    await launched?.close();
    await vigil?.stop();
  });
  return suite;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays
 * on) and returns the serious and critical violations.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** Fails on any serious or critical accessibility violation in the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Waits until a signed-in page's lazy chunk has loaded and no skeleton placeholder is left. */
export async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('.skeleton-block').count()).toBe(0);
}

/**
 * Waits until a data table shows rows of its data: while it loads it is busy and shows
 * skeleton rows, which a plain `tbody tr` would match before any data arrived.
 */
export async function untilTableRows(page: Page, testId: string): Promise<void> {
  await page
    .locator(`[data-testid="${testId}"][aria-busy="false"] tbody tr:not(.skeleton-row)`)
    .first()
    .waitFor();
}

/** Saves a full-page screenshot as test-artefacts/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artefactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true });
}

/** A signed-in API client (cookie and CSRF token), for setting the scene without the browser. */
export async function apiSession(baseUrl: string, email: string, secret: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: secret }),
  });
  if (!login.ok) throw new Error(`login failed: ${String(login.status)}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${String(response.status)} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** Signs in through the login page and waits until the app speaks the user's language. */
export async function signInAs(
  page: Page,
  baseUrl: string,
  email: string,
  secret: string,
  language: string,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(secret);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/**
 * Changes several selects (by test id) in one script, before the page can re-render between
 * them: a fast hand on a slow machine. Playwright's own actions wait for the page in between.
 */
export async function changeSelectsAtOnce(
  page: Page,
  changes: readonly (readonly [testId: string, value: string])[],
): Promise<void> {
  await page.evaluate(`(() => {
    for (const [testId, value] of ${JSON.stringify(changes)}) {
      const select = document.querySelector('[data-testid="' + testId + '"]');
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  })()`);
}
