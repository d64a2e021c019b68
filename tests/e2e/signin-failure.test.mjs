// A test sign-in that fails at Entra, end to end: Twilio's request on its way to the replica
// Microsoft sign-in host, its error page, and the diagnosis in the panel, with the worker
// stopped in between. Nothing is read on the sign-in hosts unless the admin started the test.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { authnRequest, redirectUrl } from '../fixtures/make-requests.mjs';
import { ENTITY_ID, REPLY_URL, openPasteBox, readyForTwilio, until, waitStep } from './azure-helpers.mjs';
import { OUTPUT, openPanel, replicaSession, stopWorker, storedState } from './harness.mjs';
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
  await panel.locator('#start-signin').click();
  await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor();
}
const setupNow = async () => (await storedState(panel)).setups[(await storedState(panel)).activeId];

test('without "Start test sign-in", nothing is read on the sign-in hosts', async () => {
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], []) });
  const page = await ext.context.newPage();
  await page.goto(redirectUrl(authnRequest(), LOGIN));
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
    await page.goto(redirectUrl(authnRequest(), LOGIN));
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
    await again.getByRole('button', { name: 'Mark as fixed, try again' }).click();
    await again.locator('#signin-failure').waitFor({ state: 'hidden' });
    await again.close();
  });
}

test('a request for another realm is named before any error page, and a pasted error is diagnosed', async () => {
  server.seed({ ...freshTenant(), basic: saved([ENTITY_ID], [REPLY_URL]) });
  const other = 'JBffffffffffffffffffffffffffffffff';
  await startSignIn();
  const page = await ext.context.newPage();
  // The replica Entra would refuse it; the request is judged as it leaves.
  await page.goto(redirectUrl(authnRequest({ acsSid: other }), LOGIN));
  const evidence = async () => (await setupNow()).checklist.steps.find((s) => s.id === 'test-sign-in').evidence;
  await until(async () => (await evidence()).some((e) => e.what.startsWith("Twilio's request: Twilio asks Entra to post to")), { what: 'request judged' });
  await openPasteBox(panel);
  await panel.getByLabel('Or paste an error or a sign-in URL').fill(`AADSTS50105: Your administrator has configured the application to block users.\nRequest Id: x-1`);
  await panel.getByRole('button', { name: 'Diagnose' }).click();
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
    await page.goto(`${redirectUrl(authnRequest(), LOGIN)}&aadsts=${code}`);
    await until(async () => (await setupNow()).signInFailure?.code === code, { what: `AADSTS${code}` });
    assert.equal((await setupNow()).signInFailure.step, step, `AADSTS${code}`);
  }
});
