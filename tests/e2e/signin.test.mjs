// Test sign-in on the real extension: a replica Entra sign-in page posts a SAMLResponse to the
// replica Twilio ACS; the extension reads it as it passes, checks it, and keeps the result.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { SID, openPasteBox, readyForTwilio, until, waitStep } from './azure-helpers.mjs';
import { openPanel, replicaSession, stopWorker, storedState } from './harness.mjs';
import { restoreFromImport } from './saml-tracer-import.mjs';
import { TENANT } from './tenant.mjs';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const ROOT = resolve(import.meta.dirname, '../..');

let ext;
let panel;
replicaSession({ ready: (p) => readyForTwilio(p, TENANT) }, (s) => ({ ext, panel } = s));

test('a sign-in posted to Twilio is captured and checked, and the result survives a worker stop', async () => {
  await panel.getByRole('button', { name: 'Start test sign-in' }).click(); // already granted: resolves at once
  const page = await ext.context.newPage();
  await page.goto(`https://login.microsoftonline.com/${TENANT}/saml2?fixture=good`);
  await page.getByRole('heading', { name: 'Signed in to Frontline (replica)' }).waitFor(); // nothing blocked
  await waitStep(panel, 'test-sign-in', 'done');
  await stopWorker(ext, panel);
  const again = await openPanel(ext);
  assert.equal(await again.locator('[data-step="test-sign-in"]').getAttribute('data-status'), 'done');
  const details = await again.locator('#signin-details').textContent();
  assert.match(details, /NameIDagent@owlpress\.test/);
  assert.match(details, new RegExp(`Audiencehttps://iam.twilio.com/v2/saml2/metadata/${SID}`));
  assert.match(details, /Verified \(response and assertion\) with the pinned certificate/);
  // A verified response ends the watch: nothing more is read until the admin starts again.
  await again.locator('#signin-watch', { hasText: 'Not waiting for a sign-in' }).waitFor();
  assert.equal(
    await again.locator('#signin-attributes tr', { hasText: 'roles' }).locator('td').nth(1).textContent(),
    'agent',
  );
  // Only the check's result is stored, never the response itself.
  const stored = JSON.stringify(
    await again.evaluate(async () => (await chrome.storage.local.get('frontlineSso')).frontlineSso),
  );
  assert.ok(!stored.includes('SignatureValue') && !stored.includes('PHNhbWxwOl'), 'no raw response kept');
});

test('the captured sign-in exports for support: SAML-tracer opens it, redacted unless asked', async () => {
  const state = await storedState(panel);
  const pem = state.setups[state.activeId].certificatePem;
  const dir = mkdtempSync(resolve(tmpdir(), 'fsso-export-'));
  writeFileSync(resolve(dir, 'entra.pem'), pem);
  const exported = async (includeValues) => {
    await panel.getByLabel("Include the user's email, name and other values").setChecked(includeValues);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export for support (SAML-tracer file)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^SAML-tracer-export-.*-frontline-sso\.json$/);
    const file = resolve(dir, `${includeValues ? 'values' : 'redacted'}.json`);
    await download.saveAs(file);
    return file;
  };
  // The CLI reads it back: the same verdict as the capture's, redacted or not.
  const verdict = (file) => {
    const args = ['run', '-q', '--manifest-path', resolve(ROOT, 'crate/Cargo.toml'), '--bin', 'frontline-sso', '--'];
    const pem = resolve(dir, 'entra.pem');
    const out = execFileSync('cargo', [...args, 'trace', file, '--realm', SID, '--cert', pem, '--json']);
    return JSON.parse(out.toString()).verdict;
  };
  for (const includeValues of [false, true]) {
    const file = await exported(includeValues);
    const text = readFileSync(file, 'utf8');
    const [request] = restoreFromImport(text);
    assert.equal(request.req.method, 'POST');
    assert.equal(request.url, `https://iam.twilio.com/v2/saml2/authenticate/${SID}`);
    assert.match(request.saml, /^<samlp:Response/);
    assert.equal(request.req.requestBody.post[0][0], 'SAMLResponse');
    assert.ok(!/cookie/i.test(text), 'no cookie');
    assert.equal(/agent@owlpress\.test/.test(text), includeValues, 'the email only when asked for');
    assert.equal(text.includes('‹email›'), !includeValues);
    const v = verdict(file);
    assert.ok(v.ok, v.summary);
    assert.equal(/redacted/.test(v.summary), !includeValues, v.summary);
  }
  // The panel reads the redacted file back too: the same verdict, and it says the values were redacted.
  await openPasteBox(panel);
  await panel.getByLabel('Or choose a SAML-tracer export or a HAR file').setInputFiles(resolve(dir, 'redacted.json'));
  await panel.locator('#trace-h', { hasText: 'redacted.json' }).waitFor();
  assert.match(await panel.locator('#trace-verdict').textContent(), /passes every check.*redacted for sharing/);
});

test('a failing sign-in names each failed check; a pasted response works too', async () => {
  await panel.getByRole('button', { name: 'Start test sign-in' }).click(); // the last verified one ended the watch
  await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor();
  const page = await ext.context.newPage();
  await page.goto(`https://login.microsoftonline.com/${TENANT}/saml2?fixture=missing_roles`);
  await waitStep(panel, 'test-sign-in', 'attention');
  assert.match(await panel.locator('[data-step="test-sign-in"] .evidence').textContent(), /fails: missing_roles/);
  // The real Entra response, pasted as its form body: the checks name what to fix.
  await openPasteBox(panel);
  await panel
    .getByLabel('Or paste a SAMLResponse')
    .fill(
      readFileSync(
        resolve(FIXTURES, 'realworld/responses/entra_response_a9054a0f_2023_ssoready.form-body.txt'),
        'utf8',
      ),
    );
  await panel.getByRole('button', { name: 'Check pasted response' }).click();
  await until(
    async () => /response_not_signed/.test(await panel.locator('[data-step="test-sign-in"] .evidence').textContent()),
    { what: 'pasted response checked' },
  );
  const codes = await panel.locator('#signin-findings li').evaluateAll((els) => els.map((e) => e.dataset.code));
  for (const c of [
    'response_not_signed',
    'missing_email',
    'missing_roles',
    'destination_mismatch',
    'audience_mismatch',
  ])
    assert.ok(codes.includes(c), `${c} in ${codes}`);
  assert.match(
    await panel.locator('#signin-findings li[data-code="response_not_signed"]').textContent(),
    /Sign SAML response and assertion/,
  );
  // Unreadable input is a typed error, and changes nothing.
  await openPasteBox(panel);
  await panel.getByLabel('Or paste a SAMLResponse').fill('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>');
  await panel.getByRole('button', { name: 'Check pasted response' }).click();
  await panel.locator('#signin-error', { hasText: 'DOCTYPE' }).waitFor();
});

test('only a started sign-in posted by Entra for this realm counts; nothing else leaves a trace', async () => {
  const signedAt = async () => (await storedState(panel)).setups[(await storedState(panel)).activeId].signIn?.at ?? 0;
  const setWatch = (patch) =>
    panel.evaluate(async (p) => {
      const { signInWatch } = await chrome.storage.session.get('signInWatch');
      if (p === null) await chrome.storage.session.remove('signInWatch');
      else await chrome.storage.session.set({ signInWatch: { ...signInWatch, ...p } });
    }, patch);
  const post = async (url) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1500); // a counted sign-in is stored well within this
    await page.close();
  };
  await panel.getByRole('button', { name: 'Start test sign-in' }).click();
  await until(
    async () =>
      (await panel.evaluate(async () => (await chrome.storage.session.get('signInWatch')).signInWatch)) !== undefined,
    { what: 'watch started' },
  );
  assert.match(await panel.locator('#signin-watch').textContent(), /^Waiting for a sign-in until /);
  const before = await signedAt();
  // Each of these would pass every check if it were counted: a fresh, correctly signed response.
  const ignored = [
    ['forged by a look-alike page', 'https://console.twilio.com.example.test/_forge?fixture=good', null],
    ['forged in a hidden iframe', 'https://console.twilio.com.example.test/_forge?fixture=good&hidden=1', null],
    [
      'another realm',
      `https://login.microsoftonline.com/${TENANT}/saml2?fixture=good&sid=JB11111111111111111111111111111111`,
      null,
    ],
    [
      'not started',
      `https://login.microsoftonline.com/${TENANT}/saml2?fixture=good`,
      async () => {
        await setWatch(null);
        await panel.locator('#signin-watch', { hasText: 'Not waiting for a sign-in' }).waitFor();
      },
    ],
    [
      'started 11 minutes ago',
      `https://login.microsoftonline.com/${TENANT}/saml2?fixture=good`,
      async () => {
        await panel.getByRole('button', { name: 'Start test sign-in' }).click();
        await until(
          async () =>
            (await panel.evaluate(async () => (await chrome.storage.session.get('signInWatch')).signInWatch)) !==
            undefined,
          { what: 'watch started' },
        );
        await setWatch({ startedAt: Date.now() - 11 * 60_000, until: Date.now() - 60_000 });
      },
    ],
  ];
  for (const [name, url, prepare] of ignored) {
    await prepare?.();
    await post(url);
    assert.equal(await signedAt(), before, name);
  }
  // The same genuine sign-in, started now, counts.
  await panel.getByRole('button', { name: 'Start test sign-in' }).click();
  await until(
    async () =>
      ((await panel.evaluate(async () => (await chrome.storage.session.get('signInWatch')).signInWatch))?.until ?? 0) >
      Date.now(),
    { what: 'watch restarted' },
  );
  const page = await ext.context.newPage();
  await page.goto(`https://login.microsoftonline.com/${TENANT}/saml2?fixture=good`);
  await until(async () => (await signedAt()) > before, { what: 'the started sign-in counted' });
  await waitStep(panel, 'test-sign-in', 'done');
});
