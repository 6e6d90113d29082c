import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { checkA11y } from './a11y';

/** Where the browser tests write their screenshots (gitignored; named in the README). */
export const SCREENSHOTS = resolve(__dirname, '..', '..', 'output', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium driven by playwright-core, headless, on a fresh profile. One context; each
 * signed-in person gets a page of their own (the session lives in the tab's sessionStorage).
 */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tonghop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(15_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a new tab at `path` and signs in through the login screen, as a person would. */
export async function signIn(context: BrowserContext, origin: string, username: string, password: string, path = '/'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[browser ${username}] ${e.message}`));
  await page.goto(`${origin}${path}`);
  await page.getByLabel('Tên đăng nhập').waitFor();
  await checkA11y(page, '00-login'); // the first screen everyone sees
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** A screenshot of a screen the test looks at, and axe-core's WCAG 2.1 A/AA check of it (fails on serious or critical). */
export async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // a toast or a drawer half faded in is a colour-contrast failure of a moment: finite animations end first
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
      new Promise((r) => setTimeout(r, 2000)),
    ]),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
  await checkA11y(page, name);
}

/** Types into an input as a person does: focus, select what is there, type key by key. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(text);
}

export const row = (code: string) => `tr[data-code="${code}"]`;
export const valueInput = (code: string) => `${row(code)} input[data-field="value"]`;
export const derivedCell = (code: string, which: 'cumulative' | 'planPct' | 'samePeriod') => `${row(code)} td[data-derived="${which}"]`;

/** Opens one of the administrator's reference-data screens: "Biểu mẫu" in the bar (one item keeps the bar on one line), then its tab. */
export async function openReference(page: Page, name: 'Biểu mẫu' | 'Kế hoạch năm' | 'Lịch nghỉ' | 'Mẫu báo cáo'): Promise<void> {
  await page.getByRole('menuitem', { name: 'Biểu mẫu' }).click();
  await page.getByTestId('reference-tabs').getByRole('tab', { name }).click();
}
