// SPDX-License-Identifier: MPL-2.0
/**
 * The end-to-end harness: Debian's Chromium, headless, with fake camera and microphone, driven by playwright-core
 * against a running standalone server (E2E_BASE_URL). No browser is ever downloaded.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots');
const EXECUTABLE = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

export async function newPage(browser: Browser, width = 1280, height = 800): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: BASE_URL });
  await context.grantPermissions(['camera', 'microphone'], { origin: BASE_URL });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core: no serious or critical violation on the page as it is. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Find a patient' }).waitFor();
}

/** Finds a patient through the shell's search and opens their recordings. */
export async function openPatient(page: Page, query: string, name: RegExp) {
  await page.goto('/#/patients');
  await page.getByRole('searchbox', { name: 'Name or identifier' }).fill(query);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name }).click();
  await page.getByRole('heading', { name: 'Recordings', exact: true }).first().waitFor();
}

/** Waits until the element shows the text (what @playwright/test's toContainText does). */
export async function shows(locator: Locator, text: string | RegExp) {
  await locator.filter({ hasText: text }).first().waitFor();
}
