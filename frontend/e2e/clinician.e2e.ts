// SPDX-License-Identifier: MPL-2.0
/**
 * The clinician's workflow in real headless Chromium against the running standalone server, with fake camera and
 * microphone: consent, recording, the patient asking to stop (CON-5), confirmation with playback and seeking (CON-7),
 * refusal (CON-4), a parent's consent for a child (CON-12), and an upload that resumes after an interruption (PAT-2).
 * Each screen is photographed under target/screenshots; axe-core checks each for serious or critical violations.
 */
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launch, newPage, openPatient, screenshot, shows, signIn } from './harness';

let browser: Browser;
const violations: Record<string, string[]> = {};

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, screen: string) {
  await screenshot(page, screen);
  violations[screen] = await accessibilityViolations(page);
  expect(violations[screen], screen).toEqual([]);
}

async function giveConsent(page: Page, purposes: string[] = []) {
  await page.getByRole('button', { name: 'Record consent' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  for (const purpose of purposes) {
    await page.getByLabel(purpose, { exact: true }).check({ force: true });
  }
  await page.getByLabel('Who will be allowed to see it').fill('The patient’s care team');
  await page.getByLabel('Where and how it will be used').fill('The clinical record of this consultation');
  await page.getByText('No', { exact: true }).click();
  await page.getByLabel('How it will be stored').fill('Encrypted in the practice’s record system');
  await page.getByLabel('How long it will be kept').fill('With the clinical record, 8 years after the last treatment');
  await page.getByRole('button', { name: 'Next' }).click();
  for (const label of ['They may refuse', 'They may withdraw at any time, during or after the recording', 'Refusing will not affect their care', 'They are under no pressure to agree']) {
    await page.getByText(label, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Patient agrees' }).click();
  await page.getByText('The patient’s consent was recorded').waitFor();
}

async function record(page: Page, seconds: number) {
  await page.getByRole('button', { name: 'New recording' }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await page.getByText('Recording', { exact: true }).waitFor();
  await page.waitForFunction(
    (s) => {
      const text = document.querySelector('[data-testid="elapsed"]')?.textContent ?? '0:00';
      const [m, sec] = text.split(':').map(Number);
      return m * 60 + sec >= s;
    },
    seconds,
    { timeout: (seconds + 20) * 1000 },
  );
  await page.getByText(/[1-9][0-9.]* KB safely on the server|MB safely on the server/).waitFor({ timeout: 20000 });
}

it('consent, record, the patient asks to stop: it stops at once and is sealed (CON-5)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'Clarke', /Amelia Clarke/);
  await check(page, '01-patient-recordings');
  await page.getByRole('button', { name: 'Record consent' }).click();
  await check(page, '02-consent-who');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await giveConsent(page);
  await check(page, '03-consent-recorded');
  await record(page, 3);
  await check(page, '04-recording');
  await page.getByRole('button', { name: 'Patient asked to stop' }).click();
  await page.getByText('The recording was stopped and sealed').waitFor();
  await check(page, '05-stopped-and-sealed');
  // The consent just given (the newest, listed first) is the one the recording was made under, and now withdrawn.
  await shows(page.getByTestId('consent').first(), 'Withdrawn');
  await context.close();
});

it('consent, record, complete, the patient confirms after playing it with seeking (CON-7)', async () => {
  const { page, context } = await newPage(browser);
  const ranges: number[] = [];
  page.on('response', (r) => {
    if (r.url().includes('-content')) ranges.push(r.status());
  });
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'Clarke', /Amelia Clarke/);
  await giveConsent(page);
  await record(page, 4);
  await page.getByRole('button', { name: 'End recording' }).click();
  await page.getByRole('heading', { name: 'Show the patient the recording and ask them to confirm' }).waitFor();
  const video = page.locator('video');
  await video.evaluate((v: HTMLVideoElement) => new Promise((resolve) => (v.readyState >= 1 ? resolve(null) : v.addEventListener('loadedmetadata', () => resolve(null)))));
  await video.evaluate((v: HTMLVideoElement) => v.play());
  const seeked = await video.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        v.addEventListener('seeked', () => resolve(v.currentTime), { once: true });
        v.currentTime = 2;
      }),
  );
  expect(seeked).toBeGreaterThan(1);
  expect(ranges).toContain(206);
  await check(page, '06-confirm-playback');
  await page.getByLabel('The patient was offered the chance to see or hear the recording').check({ force: true });
  await page.getByRole('button', { name: 'Patient confirms' }).click();
  await page.getByText('The patient confirmed their consent').waitFor();
  await shows(page.getByTestId('recording-row').first(), 'Confirmed');
  await check(page, '07-confirmed');
  await context.close();
});

it('refusal is one click, and a recording for what was refused is refused in words (CON-4)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'DEMO-0003', /DEMO-0003/);
  await page.getByRole('button', { name: 'Record consent' }).click();
  await page.getByRole('button', { name: 'Patient refuses' }).click();
  await page.getByText('The patient’s refusal was recorded').waitFor();
  await shows(page.getByTestId('consent').first(), 'Refused');
  await page.getByRole('button', { name: 'New recording' }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  const refusal = page.getByTestId('refusal');
  await refusal.waitFor();
  await shows(refusal, /refused consent|has not given a recording consent/);
  expect(await refusal.textContent()).not.toContain('{');
  await check(page, '08-refusal');
  await context.close();
});

it('a parent gives consent for a child (CON-12)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'DEMO-0002', /DEMO-0002/);
  await page.getByRole('button', { name: 'Record consent' }).click();
  await page.getByText(/A child under 16 consents themself only when/).waitFor();
  await page.getByText('A person with parental responsibility', { exact: true }).click();
  await page.getByLabel('Their name').fill('Sarah Clarke');
  await page.getByLabel('Relationship to the patient').fill('Mother');
  await check(page, '09-consent-by-parent');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Who will be allowed to see it').fill('The child’s care team');
  await page.getByLabel('Where and how it will be used').fill('The clinical record');
  await page.getByText('No', { exact: true }).click();
  await page.getByLabel('How it will be stored').fill('Encrypted in the record system');
  await page.getByLabel('How long it will be kept').fill('Until the 25th birthday');
  await page.getByRole('button', { name: 'Next' }).click();
  for (const label of ['They may refuse', 'They may withdraw at any time, during or after the recording', 'Refusing will not affect their care', 'They are under no pressure to agree']) {
    await page.getByText(label, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Patient agrees' }).click();
  await page.getByText('The patient’s consent was recorded').waitFor();
  await shows(page.getByTestId('consent').first(), 'Given');
  await context.close();
});

it('uploads a patient’s own copy with progress, speed and time left, and resumes after an interruption (PAT-2)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'DEMO-0003', /DEMO-0003/);
  await page.getByRole('button', { name: 'Upload a file' }).click();
  const content = Buffer.alloc(3 * 1024 * 1024 + 12345, 7);
  await page.locator('#upload-file').setInputFiles({ name: 'patient-copy.webm', mimeType: 'audio/webm', buffer: content });
  await page.getByText('This is the patient’s own recording, shared with us (PAT-2)').click();
  await page.getByLabel('How it was obtained').fill('Emailed by the patient to the practice');
  let writes = 0;
  await page.route('**/$binary-access-write', async (route) => {
    writes += 1;
    if (writes === 3) {
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('button', { name: 'Resume upload' }).waitFor();
  await shows(page.getByTestId('upload-progress'), '2.0 MB of 3.0 MB');
  await shows(page.getByTestId('upload-progress'), '/s');
  await shows(page.getByTestId('upload-progress'), 'left');
  await check(page, '10-upload-interrupted');
  await page.getByRole('button', { name: 'Resume upload' }).click();
  await page.getByText('The recording was uploaded and added to the record.').waitFor();
  await shows(page.getByTestId('recording-row').first(), 'Patient’s own copy');
  await check(page, '11-uploaded');
  await context.close();
});

it('works with the keyboard alone', async () => {
  const { page, context } = await newPage(browser);
  await page.goto('/');
  await page.getByLabel('User name').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('clinician');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Clinician123');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Find a patient' }).waitFor();
  await page.getByRole('searchbox').focus();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName)).toMatch(/searchbox|INPUT/);
  await page.keyboard.type('Clarke');
  await page.keyboard.press('Enter');
  const patient = page.getByRole('button', { name: /Amelia Clarke/ });
  await patient.waitFor();
  for (let i = 0; i < 10 && !(await patient.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const consent = page.getByRole('button', { name: 'Record consent' });
  await consent.waitFor();
  for (let i = 0; i < 20 && !(await consent.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await consent.evaluate((b) => b === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Record the patient’s consent' }).waitFor();
  await context.close();
});

it('is usable on a 768-pixel tablet', async () => {
  const { page, context } = await newPage(browser, 768, 1024);
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'Clarke', /Amelia Clarke/);
  await screenshot(page, '12-tablet-768');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await accessibilityViolations(page)).toEqual([]);
  await context.close();
});

it('shows the sign-in without accessibility violations', async () => {
  const { page, context } = await newPage(browser);
  await page.goto('/');
  await page.getByLabel('User name').waitFor();
  await check(page, '00-sign-in');
  await context.close();
});

it('a patient’s own copy made in a no-filming area, with a relative in it, is kept and entered on the register of breaches (PAT-3, STF-2)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'clinician', 'Clinician123');
  await openPatient(page, 'DEMO-0003', /DEMO-0003/);
  await page.getByRole('button', { name: 'Upload a file' }).click();
  await page.locator('#upload-file').setInputFiles({ name: 'waiting-room.webm', mimeType: 'audio/webm', buffer: Buffer.alloc(64 * 1024, 5) });
  await page.getByText('This is the patient’s own recording, shared with us (PAT-2)').click();
  await page.getByLabel('How it was obtained').fill('Shown to the receptionist on the patient’s phone');
  await page.getByLabel('Where at the site (PAT-3)').selectOption('RECEPTION');
  await page.getByRole('button', { name: 'Someone else is in it' }).click();
  const party = page.getByTestId('captured-party').first();
  await party.getByLabel('Who').selectOption('VISITOR');
  expect(await page.getByRole('button', { name: 'Upload', exact: true }).isDisabled()).toBe(true);
  await party.getByLabel('Name or description').fill('The patient’s husband');
  await check(page, '13-upload-area-and-party');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByText('The recording was uploaded and added to the record.').waitFor();
  const row = page.getByTestId('recording-row').first();
  await shows(row, 'Made in area RECEPTION');
  await shows(row, 'Also captured: The patient’s husband (no consent)');
  await context.close();

  const manager = await newPage(browser);
  await signIn(manager.page, 'admin', 'Admin123');
  await manager.page.goto('/#/admin/site-policy-breaches');
  await manager.page.getByRole('heading', { name: /Site policy breaches/ }).waitFor();
  await shows(manager.page.getByRole('row').nth(1), 'Reception and waiting room');
  await check(manager.page, '31-site-policy-breaches');
  await manager.context.close();
});
