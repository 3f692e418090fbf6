// SPDX-License-Identifier: MPL-2.0
/**
 * The administrator's, records manager's and auditor's pages in real headless Chromium against the running
 * standalone server: a policy edit that meets a conflict and shows what changed (POL-2, VER-1); an import whose
 * errors are shown and nothing applied; a legal hold placed and lifted, with a disposal refused meanwhile (REC-5);
 * an auditor reading and verifying the trail (SAF-2). Screenshots under target/screenshots; axe-core on each page.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { accessibilityViolations, BASE_URL, launch, newPage, openPatient, screenshot, shows, signIn } from './harness';

const AMELIA = 'f737907f-a1bb-30bc-8472-97c2969d0f82';
const SITE = 'riverside-surgery';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function basic(user: string, password: string) {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

async function check(page: Page, screen: string) {
  await screenshot(page, screen);
  expect(await accessibilityViolations(page), screen).toEqual([]);
}

async function admin(page: Page, section: string, heading: string | RegExp) {
  await page.goto(`/#/admin/${section}`);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/** A completed recording of Amelia's, made through the FHIR API as an external system would. */
async function aRecording(request: APIRequestContext): Promise<string> {
  const clinician = basic('clinician', 'Clinician123');
  const consent = JSON.parse(
    (await import('node:fs')).readFileSync(new URL('../../docs/examples/consent-given.json', import.meta.url), 'utf8'),
  );
  const made = await request.post(`${BASE_URL}/fhir/Consent`, { headers: { ...clinician, 'Content-Type': 'application/fhir+json' }, data: consent });
  expect(made.status()).toBe(201);
  const start = JSON.parse((await import('node:fs')).readFileSync(new URL('../../docs/examples/recording-start.json', import.meta.url), 'utf8'));
  const media = await request.post(`${BASE_URL}/fhir/Media`, { headers: { ...clinician, 'Content-Type': 'application/fhir+json' }, data: start });
  expect(media.status()).toBe(201);
  const id = (await media.json()).id as string;
  const upload = await request.post(`${BASE_URL}/fhir/Media/${id}/$binary-access-write`, {
    headers: { ...clinician, 'Content-Type': 'video/webm' },
    data: Buffer.alloc(4096, 3),
  });
  expect(upload.status()).toBe(200);
  expect((await request.post(`${BASE_URL}/fhir/Media/${id}/$complete`, { headers: clinician })).status()).toBe(200);
  return id;
}

it('a policy edit that meets someone else’s change shows the conflict and what changed meanwhile (POL-2)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'admin', 'Admin123');
  await admin(page, 'policy', 'Site policy');
  await page.getByText('Version').first().waitFor();
  await check(page, '20-site-policy');

  // Another administrator, elsewhere: their own client, without this browser's session.
  const elsewhere = await browser.newContext();
  const headers = basic('admin', 'Admin123');
  const current = await elsewhere.request.get(`${BASE_URL}/admin/sites/${SITE}/policy`, { headers });
  const { version: _v, ...policy } = await current.json();
  void _v;
  const changed = await elsewhere.request.put(`${BASE_URL}/admin/sites/${SITE}/policy`, {
    headers: { ...headers, 'If-Match': current.headers()['etag'] },
    data: { ...policy, missingNote: policy.missingNote === 'BLOCK' ? 'FLAG' : 'BLOCK' },
  });
  expect(changed.status()).toBe(200);
  await elsewhere.close();

  await page.getByText('Ultrasound', { exact: true }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await page.getByTestId('conflict').waitFor();
  await shows(page.getByTestId('refusal'), 'Someone else changed this while you were working on it.');
  await shows(page.getByTestId('conflict'), 'missingNote');
  await check(page, '21-policy-conflict');

  await page.getByRole('button', { name: 'Load the current version' }).click();
  await page.getByText('Ultrasound', { exact: true }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await page.getByText(/Saved as version \d+/).waitFor();
  await page.getByTestId('diff-row').first().waitFor();
  await shows(page.getByTestId('diff-row').first(), /allowedKinds/);
  await check(page, '22-policy-history');
  await context.close();
});

it('an import with errors shows them and applies nothing', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'admin', 'Admin123');
  const headers = basic('admin', 'Admin123');
  const before = (await (await context.request.get(`${BASE_URL}/admin/sites/${SITE}/policy`, { headers })).json()).version;
  const file = await (await context.request.get(`${BASE_URL}/admin/policies/export?site=${SITE}`, { headers })).json();
  const broken = JSON.parse(JSON.stringify(file).replace(/"missingNote":"(BLOCK|FLAG)"/, '"missingNote":"SOMETIMES"').replace(/"jurisdiction":"ENGLAND"/, '"jurisdiction":"ATLANTIS"'));
  await admin(page, 'policy', 'Site policy');
  await page.locator('#import-file').setInputFiles({ name: 'policies.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const refusal = page.getByTestId('refusal');
  await refusal.waitFor();
  await shows(refusal, 'Something in what was sent is not right.');
  expect(await page.getByRole('button', { name: 'Apply the import' }).count()).toBe(0);
  await check(page, '23-import-refused');
  const after = (await (await context.request.get(`${BASE_URL}/admin/sites/${SITE}/policy`, { headers })).json()).version;
  expect(after).toBe(before);
  await context.close();
});

it('a legal hold is placed and lifted, and a disposal meanwhile is refused (REC-5)', async () => {
  const { page, context } = await newPage(browser);
  const recording = await aRecording(context.request);
  await signIn(page, 'records', 'Records123');
  await admin(page, 'legal-holds', /Legal holds/);
  await page.getByLabel('Patient id').nth(1).fill(AMELIA);
  await page.getByLabel('Basis').selectOption('COMPLAINT');
  await page.getByLabel('Matter reference').fill('PALS-2026-031');
  await page.getByRole('button', { name: 'Place a legal hold' }).click();
  await page.getByText('Added to the register.').waitFor();
  await shows(page.getByTestId('register-row').first(), 'In force');
  await check(page, '24-legal-hold-placed');

  await admin(page, 'destructions', /Destructions/);
  await page.getByLabel('Recording id').fill(recording);
  await page.getByRole('button', { name: 'Dispose of a recording' }).click();
  await shows(page.getByTestId('refusal'), 'The recording is under legal hold.');
  await check(page, '25-disposal-refused');

  await admin(page, 'legal-holds', /Legal holds/);
  await page.getByRole('button', { name: 'Lift' }).first().click();
  await page.getByLabel('Why').fill('Complaint resolved; no claim followed');
  await page.getByRole('dialog').getByRole('button', { name: 'Lift' }).click();
  await shows(page.getByTestId('register-row').first(), 'Ended');
  await context.close();
});

it('an auditor reads the trail in words and verifies its hash chain (SAF-2)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'auditor', 'Auditor123');
  await admin(page, 'audit', 'Audit trail');
  await page.getByLabel('Patient id').fill(AMELIA);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('audit-row').first().waitFor();
  await shows(page.getByTestId('audit-row').first(), /Success|Refused/);
  await page.getByRole('button', { name: 'Verify the hash chain' }).click();
  await page.getByText(/The audit trail is intact: \d+ entries/).waitFor();
  await check(page, '26-audit-trail');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  expect((await download).suggestedFilename()).toBe('audit-trail.csv');
  await context.close();
});

it('a page the user may not use says which privilege it needs', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'records', 'Records123');
  await page.goto('/#/admin/audit');
  await page.getByText(/This page needs one of these privileges, which you do not have: view audit/).waitFor();
  await context.close();
});

/** Presses Tab until the locator has the focus (at most `limit` times); true when it has. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) return true;
    await page.keyboard.press('Tab');
  }
  return target.evaluate((e) => e === document.activeElement);
}

it('an auditor signs in, finds the trail and verifies it with the keyboard alone', async () => {
  const { page, context } = await newPage(browser);
  await page.goto('/');
  await page.getByLabel('User name').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('auditor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Auditor123');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Find a patient' }).waitFor();
  const administration = page.getByRole('link', { name: 'Administration' }).or(page.getByRole('menuitem', { name: 'Administration' })).first();
  expect(await tabTo(page, administration)).toBe(true);
  await page.keyboard.press('Enter');
  const audit = page.getByRole('link', { name: 'Audit trail' });
  await audit.waitFor();
  expect(await tabTo(page, audit)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Audit trail' }).first().waitFor();
  expect(await tabTo(page, page.getByLabel('Patient id'))).toBe(true);
  await page.keyboard.type(AMELIA);
  await page.keyboard.press('Enter');
  await page.getByTestId('audit-row').first().waitFor();
  const verify = page.getByRole('button', { name: 'Verify the hash chain' });
  await page.getByLabel('Patient id').focus();
  for (let i = 0; i < 40 && !(await verify.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  expect(await verify.evaluate((e) => e === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByText(/The audit trail is intact: \d+ entries/).waitFor();
  await context.close();
});

it('a policy manager changes a retention rule, sees the server’s reason at the field, and then the new version (REC-2)', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'admin', 'Admin123');
  await admin(page, 'retention', /Retention schedule: England/);
  const england = page.locator('section', { has: page.getByRole('heading', { name: /Retention schedule: England/ }) });
  const before = Number((await england.getByText(/^version \d+$/).first().textContent())!.replace(/\D/g, ''));
  await england.getByRole('button', { name: 'Change the rule for Mental health record' }).click();
  const editor = england.getByTestId('rule-editor').first();
  await editor.getByLabel('Kept').first().selectOption('yearsAfterLastTreatment');
  await editor.getByLabel('Years').fill('ten');
  await england.getByRole('button', { name: 'Save as the next version' }).click();
  await shows(editor, 'a whole number of years is required (REC-2)');
  await check(page, '27-retention-rule-refused');
  await editor.getByLabel('Years').fill('30');
  await england.getByRole('button', { name: 'Save as the next version' }).click();
  await page.getByText(`Saved: the England schedule is now version ${before + 1}`, { exact: false }).waitFor();
  await shows(england.getByTestId('schedule-entry').filter({ hasText: 'Mental health record' }), '30 years after the last treatment');
  await england.getByRole('button', { name: 'Show earlier versions' }).click();
  await shows(england.getByTestId('schedule-versions').getByRole('row').nth(1), 'Mental health record: 30 years after the last treatment');
  await check(page, '28-retention-rule-saved');
  await context.close();
});

it('a records manager voids a recording made in error, giving the reason, and it stays in the record as voided (REC-1)', async () => {
  const { page, context } = await newPage(browser);
  await aRecording(context.request);
  await signIn(page, 'records', 'Records123');
  await openPatient(page, 'Clarke', /Amelia Clarke/);
  const newest = page.getByTestId('recording-row').first();
  await newest.getByRole('button', { name: 'Void' }).click();
  await page.getByRole('heading', { name: 'Void a recording made in error' }).waitFor();
  await page.getByRole('button', { name: 'Void this recording' }).click();
  await page.getByText('Required').waitFor();
  await page.getByLabel(/Why it was made in error/).fill('Recorded for the wrong patient');
  await check(page, '29-void-recording');
  await page.getByRole('button', { name: 'Void this recording' }).click();
  await page.getByText('The recording was voided as entered in error; the reason is in the encounter’s notes.').waitFor();
  await shows(page.getByTestId('recording-row').first(), 'Voided');
  await shows(page.getByTestId('recording-row').first(), 'Recorded for the wrong patient');
  await context.close();
});

it('a covert authorisation is recorded with every COV-1 element, shown on its register and ended', async () => {
  const { page, context } = await newPage(browser);
  await signIn(page, 'admin', 'Admin123');
  await admin(page, 'covert-authorisations', /Covert authorisations/);
  const reference = `RIPA-${Date.now()}`;
  await page.getByLabel('Patient id', { exact: true }).last().fill(AMELIA);
  await page.getByLabel('Authorising body').fill('Chief Constable, Westshire Police');
  await page.getByLabel('Its reference').fill(reference);
  await page.getByLabel(/^Legal basis/).fill('Regulation of Investigatory Powers Act 2000');
  await page.getByLabel('Justification').selectOption('PROTECT_FROM_SERIOUS_HARM');
  await page.getByLabel('No other means').selectOption('true');
  await page.getByLabel('Covers from').fill('2026-01-01');
  await page.getByLabel('Covers until').fill('2036-01-01');
  await page.getByRole('button', { name: 'Record a covert authorisation' }).click();
  await page.getByText('Added to the register.').waitFor();
  const row = page.getByRole('row').filter({ hasText: reference });
  await shows(row, 'Regulation of Investigatory Powers Act 2000');
  await check(page, '30-covert-authorisation');
  await row.getByRole('button', { name: 'End' }).click();
  await page.getByRole('button', { name: /^(End|Confirm)/ }).last().click();
  await shows(page.getByRole('row').filter({ hasText: reference }), 'Ended');
  await context.close();
});
