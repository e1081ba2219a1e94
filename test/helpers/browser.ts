// Shared pieces of the browser tests (Debian's chromium through playwright-core): launching, logging in through the
// login page, waiting for a message, and screenshots when SCREENSHOTS=1 (written to ./screenshots, git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { startServer } from './server.js';
import type { Config } from '../../services/api/src/config/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Browser tests are skipped where chromium is absent (CI installs it). */
export const hasChromium = fs.existsSync(CHROMIUM);
/** How long a browser test waits for something to appear (a loaded CI machine is slow). */
export const WAIT = { timeout: 30_000 };

const SHOTS = process.env.SCREENSHOTS === '1';
const SHOT_DIR = path.resolve(import.meta.dirname, '../../screenshots');

export const launchBrowser = (): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** A screenshot when SCREENSHOTS=1; shoot a modal in the viewport (a full page would scroll under the mask). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  // Colour transitions and animations settle first.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SHOT_DIR, `${name}.png`), fullPage });
}

/** Wait for a message (antd `message`); on failure the page's address and text go to the log. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page.locator('.ant-message').getByText(text).first().waitFor(WAIT);
  } catch (e) {
    console.log(`[diagnostics] waiting for 「${text}」 at ${page.url()}\n${(await page.locator('body').innerText()).slice(0, 1500)}`);
    throw e;
  }
}

/** Fill in and submit the console's login page. */
export async function submitLogin(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The browser tests' desktop: a 1440×900 window in zh-CN. */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };

/**
 * One listening server and one browser for a describe block (started before its tests, closed after them), and
 * browser contexts with the given options, each closed at the end.
 */
export function useBrowser(options: BrowserContextOptions = {}, serverConfig: Partial<Config> = {}) {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer(serverConfig);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
  return {
    get srv() { return server!; },
    async newContext(): Promise<BrowserContext> {
      const ctx = await browser!.newContext({ ...DESKTOP, ...options });
      contexts.push(ctx);
      return ctx;
    },
    async newPage(): Promise<Page> { return (await this.newContext()).newPage(); },
    /** A GraphQL call to the file's server, beside the browser; the first error's message and code thrown. */
    async api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
      const res = await fetch(`${server!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
      if (body.errors?.length) throw new Error(`${body.errors[0].message} (${body.errors[0].extensions?.code})`);
      return body.data as T;
    },
    /** An access token for a demo account (the server's demo password). */
    async apiLogin(username: string): Promise<string> {
      const d = await this.api<{ login: { accessToken: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: username, p: server!.password },
      );
      return d.login.accessToken;
    },
  };
}

/**
 * Pick a unit by name in a tree picker (antd TreeSelect with search) with the given test id: typed into its search
 * (a long tree renders virtually: a far node exists only once filtered to), clicked after the dropdown's opening
 * animation (a click during it can be lost), then the picker shows the name.
 */
export async function pickTreeOption(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  const title = page.locator('.ant-select-tree-title').filter({ hasText: name }).filter({ visible: true }).first();
  await title.waitFor(WAIT);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await title.click();
  await expect.poll(() => page.getByTestId(testId).innerText(), WAIT).toContain(name);
}

/**
 * Types `text` into the search box `testId` and submits it until `row` shows (a submit made while the page was still
 * settling — a closing dialog, a list refresh in flight — is repeated); fails with what the page showed instead.
 */
export async function searchUntil(page: Page, testId: string, text: string, row: Locator): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    await input.fill(text);
    await input.press('Enter');
    try {
      await row.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) {
        const shown = await page.locator('main, .ant-layout-content').first().innerText().catch(() => '');
        throw new Error(`「${text}」 not found after ${WAIT.timeout} ms; the page shows:\n${shown.slice(0, 2000)}`, { cause: e });
      }
    }
  }
}
