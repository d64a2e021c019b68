// A test sign-in that fails at Entra, end to end: Twilio's request on its way to the replica
// Microsoft sign-in host, its error page, and the diagnosis in the panel, with the worker
// stopped in between. Nothing is read on the sign-in hosts unless the admin started the test,
// and only what the setup's own Twilio host sent there (startedBy: Twilio's redirect or form).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { authnRequest, redirectUrl } from '../fixtures/make-requests.mjs';
import { ENTITY_ID, REPLY_URL, newSetupWithSid, openPasteBox, readyForTwilio, until, waitStep } from './azure-helpers.mjs';
import { OUTPUT, openPanel, replicaSession, stopWorker, storedState } from './harness.mjs';
import { startedBy } from './server.mjs';
import { TENANT, freshTenant } from './tenant.mjs';

const LOGIN = `https://login.microsoftonline.com/${TENANT}/saml2`;
let server;
let ext;
let panel;
replicaSession({ ready: (p) => readyForTwilio(p, TENANT) }, (s) => ({ server, ext, panel } = s));
before(() => mkdirSync(OUTPUT, { recursive: true }));

const saved = (identifiers, replyUrls) => ({
  ...freshTenant().basic,
  identifiers: identifiers.map((value) => ({ value, isDefault: true })),
  replyUrls: replyUrls.map((value) => ({ value, isDefault: true })),
});
/** "Start test sign-in", and wait until the panel says it is waiting (as the admin would). */
async function startSignIn() {
  const before = await watchStartedAt();
  await panel.locator('#start-signin').click();
  await until(async () => (await watchStartedAt()) !== before, { what: 'the test sign-in started' });
  await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor();
}
const setupNow = async () => (await storedState(panel)).setups[(await storedState(panel)).activeId];
const watchStartedAt = () =>
  panel.evaluate(async () => (await chrome.storage.session.get('signInWatch')).signInWatch?.startedAt);

test('without "Start test sign-in", nothing is read on the sign-in hosts', async () => {
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], []) });
  const page = await ext.context.newPage();
  await page.goto(startedBy(redirectUrl(authnRequest(), LOGIN)));
  await page.getByText('AADSTS50011').first().waitFor();
  await new Promise((r) => setTimeout(r, 1500));
  const s = await setupNow();
  assert.equal(s.signInRequest, null);
  assert.equal(s.signInFailure, null);
});

for (const { code, step, basic, assigned, values } of [
  { code: 50011, step: 'basic-saml', basic: saved([ENTITY_ID], []), values: [REPLY_URL] },
  { code: 700016, step: 'basic-saml', basic: saved([], [REPLY_URL]), values: [ENTITY_ID] },
  { code: 50105, step: 'assign-users', basic: saved([ENTITY_ID], [REPLY_URL]), assigned: false, values: [] },
]) {
  test(`a sign-in refused with AADSTS${code} is diagnosed: step ${step}, through a worker stop`, async () => {
    server.seed({ ...freshTenant(), basic, signInAssigned: assigned });
    await startSignIn();
    const page = await ext.context.newPage();
    await page.goto(startedBy(redirectUrl(authnRequest(), LOGIN)));
    await page.getByText(`AADSTS${code}`).first().waitFor();
    await until(async () => (await setupNow()).signInFailure?.code === code, { what: `AADSTS${code} diagnosed` }).catch(async (e) => {
      throw new Error(`${e.message}: ${JSON.stringify((await setupNow()).signInFailure)}`);
    });
    await stopWorker(ext, panel);
    const again = await openPanel(ext);
    await again.locator('#signin-failure-h', { hasText: `AADSTS${code}` }).waitFor();
    await waitStep(again, 'test-sign-in', 'attention');
    const f = (await setupNow()).signInFailure;
    assert.equal(f.step, step);
    assert.equal(f.requestId, '5a8e0f7c-0000-4000-8000-000000000001');
    assert.deepEqual(f.values.map((v) => v.expected), values);
    assert.equal(await again.locator('#signin-failure-lookup').getAttribute('href'), `https://login.microsoftonline.com/error?code=${code}`);
    // Twilio's request itself was right: the fix is on Entra's side.
    assert.equal((await setupNow()).signInRequest.text.includes('SAMLRequest='), true);
    assert.ok(!JSON.stringify(await storedState(again)).includes('FIELD-VALUE-NEVER-READ'), 'no form field read');
    if (code === 50011) {
      await again.locator('#signin-failure').scrollIntoViewIfNeeded();
      await again.locator('#signin-failure').screenshot({ path: join(OUTPUT, 'signin-failure-50011.png') });
    }
    // "Mark as fixed, try again" sets it aside and starts a new test sign-in.
    const watched = await watchStartedAt();
    await again.getByRole('button', { name: 'Mark as fixed, try again' }).click();
    await again.locator('#signin-failure').waitFor({ state: 'hidden' });
    // The new test sign-in has started before the panel closes: nothing of it lands in the next test.
    await until(async () => (await watchStartedAt()) !== watched, { what: 'a new test sign-in' });
    await again.close();
  });
}

test('a request for another realm is named before any error page, and a pasted error is diagnosed', async () => {
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], [REPLY_URL]) });
  const other = 'JBffffffffffffffffffffffffffffffff';
  await startSignIn();
  const page = await ext.context.newPage();
  // The replica Entra would refuse it; the request is judged as it leaves.
  await page.goto(startedBy(redirectUrl(authnRequest({ acsSid: other }), LOGIN)));
  const evidence = async () => (await setupNow()).checklist.steps.find((s) => s.id === 'test-sign-in').evidence;
  await until(async () => (await evidence()).some((e) => e.what.startsWith("Twilio's request: Twilio asks Entra to post to")), { what: 'request judged' });
  await openPasteBox(panel);
  await panel.getByLabel('Or paste an error or a sign-in URL').fill(`AADSTS50105: Your administrator has configured the application to block users.\nRequest Id: x-1`);
  await panel.getByRole('button', { name: 'Diagnose' }).click();
  // Stored first, then shown: a failure names which of the two did not happen.
  await until(async () => (await setupNow()).signInFailure?.code === 50105, { what: 'AADSTS50105 stored' }).catch(
    async (e) => {
      const shown = await panel.locator('#signin-error').textContent();
      throw new Error(`${e.message}: ${JSON.stringify((await setupNow()).signInFailure)}; the panel says: ${shown}`);
    },
  );
  await panel.locator('#signin-failure-h', { hasText: 'AADSTS50105' }).waitFor();
});

test("every code of the diagnosis table, from the replica's error page, names its step", async () => {
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], [REPLY_URL]) });
  await startSignIn();
  const page = await ext.context.newPage();
  for (const [code, step] of [
    [650056, 'basic-saml'],
    [75011, 'test-sign-in'],
    [501241, 'claims'],
    [76021, 'signing'],
    [75016, 'twilio-sso'],
    [900236, 'twilio-sso'],
    [75005, 'twilio-sso'],
    [750054, 'twilio-sso'],
    [90014, 'twilio-sso'],
  ]) {
    await page.goto(startedBy(`${redirectUrl(authnRequest(), LOGIN)}&aadsts=${code}`));
    await until(async () => (await setupNow()).signInFailure?.code === code, { what: `AADSTS${code}` });
    assert.equal((await setupNow()).signInFailure.step, step, `AADSTS${code}`);
  }
});

test("the watch believes only what the setup's own Twilio host sent: forged requests change nothing", async () => {
  // Each attack of the review that found it: any site could send a tab to the sign-in host
  // with a SAMLRequest, replace the captured request, and have its error page read.
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], []) });
  await newSetupWithSid(panel); // nothing captured yet
  await startSignIn();
  const post = `${LOGIN}?${new URLSearchParams({ SAMLRequest: Buffer.from(authnRequest()).toString('base64') })}`;
  const other = 'JBffffffffffffffffffffffffffffffff';
  const lookAlike = 'console.twilio.com.example.test';
  const page = await ext.context.newPage();
  for (const [attack, url] of [
    ['a look-alike site sends the tab to the sign-in host', redirectUrl(authnRequest(), LOGIN)],
    ['a look-alike site redirects there', startedBy(redirectUrl(authnRequest(), LOGIN), { host: lookAlike })],
    ['a look-alike site posts the form there', startedBy(post, { host: lookAlike, post: true })],
    ["Twilio starts another realm's sign-in", startedBy(redirectUrl(authnRequest({ issuerSid: other }), LOGIN))],
  ]) {
    await page.goto(url);
    await page.getByText('AADSTS').first().waitFor();
    await page.waitForTimeout(1500); // a counted request and its error page are kept well within this
    const s = await setupNow();
    assert.equal(s.signInRequest, null, attack);
    assert.equal(s.signInFailure, null, `${attack}: its error page is not read`);
  }
  // Twilio's own form post (HTTP-POST) counts, as its redirect does.
  await page.goto(startedBy(post, { post: true }));
  await until(async () => (await setupNow()).signInFailure?.code === 50011, { what: 'the posted request counted' });
  await page.close();
});

test('after a verified sign-in the watch ends, and no request can undo the step', async () => {
  const other = 'JBffffffffffffffffffffffffffffffff';
  // Entra accepts both Reply URLs: the request below names a problem, Entra none.
  const otherReply = REPLY_URL.replace(/JB\w+$/, other);
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], [REPLY_URL, otherReply]) });
  // A new setup with the pinned certificate and the Identifier: a response can verify.
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'setup/new' }));
  await panel.locator('#progress-text', { hasText: '0 of 11 done' }).waitFor();
  await readyForTwilio(panel, TENANT);
  await startSignIn();
  const page = await ext.context.newPage();
  // Entra's replica signs the user in and posts a good response to the ACS.
  await page.goto(startedBy(`${LOGIN}?fixture=good`));
  await waitStep(panel, 'test-sign-in', 'done');
  await panel.locator('#signin-watch', { hasText: 'Not waiting for a sign-in' }).waitFor();
  // A request that names a problem (another Reply URL), in a watch the admin starts again.
  await startSignIn();
  await page.goto(startedBy(redirectUrl(authnRequest({ acsSid: other }), LOGIN)));
  await until(async () => (await setupNow()).signInRequest !== null, { what: 'the request kept' });
  await page.waitForTimeout(1000);
  const step = (await setupNow()).checklist.steps.find((s) => s.id === 'test-sign-in');
  assert.ok(!step.evidence.some((e) => e.what.startsWith("Twilio's request:")), JSON.stringify(step.evidence));
  await waitStep(panel, 'test-sign-in', 'done');
  await page.close();
});
