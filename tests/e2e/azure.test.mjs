// The Azure portal on the real extension: each setup form is recognised, filled as a person
// would, verified from what the portal saved, and what Twilio needs is captured.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { AZURE_PATH, ENTITY_ID, REPLY_URL, SID, newSetupWithSid, openBlade, stepStatus, thumbprintOf, until, waitStep, withAgents } from './azure-helpers.mjs';
import { closeSitePages, launch, openPanel, screenshot, stopWorker } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { TENANT } from './tenant.mjs';

const GOOD_THUMBPRINT = thumbprintOf('generated/good.pem');
let server;
let ext;
let panel;
before(async () => {
  server = await startServer();
  // Optional host permissions granted up front: see distWithOptionalGranted() in harness.mjs.
  ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  panel = await openPanel(ext);
});
afterEach(() => closeSitePages(ext));
after(async () => {
  await ext?.close();
  await server?.close();
});

const COMMIT_BUTTONS = /^(Save|Create|Apply|Add user\/group|Assign)$/;
/** The extension never pressed a commit button: every click the replica logged was ours. */
function assertOnlyOurClicks(expected) {
  assert.deepEqual(server.tenant().clicks.map((c) => c.name).filter((n) => COMMIT_BUTTONS.test(n)), expected);
}

test('every Azure form, in the guide order, filled as a person types and verified from what was saved', async () => {
  server.seed({ certificate: { thumbprint: GOOD_THUMBPRINT, expiration: '1/1/2028, 12:00:00 AM', metadataHost: 'login.microsoftonline.com', metadataFile: 'good' } });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();

  server.seed(withAgents(server.tenant()));
  for (const step of AZURE_PATH) await step.run(page, panel, assert);
  assert.deepEqual(server.tenant().basic.identifiers, [{ value: ENTITY_ID, isDefault: true }]);
  assert.equal(await panel.getByRole('textbox', { name: 'Login URL' }).inputValue(), `https://login.microsoftonline.com/${TENANT}/saml2`);
  assert.equal(await panel.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).inputValue(), `https://sts.windows.net/${TENANT}/`);
  assert.match(await panel.locator('#cert-details').textContent(), new RegExp(GOOD_THUMBPRINT));
  assert.match(await panel.locator('[data-step="assign-users"] .evidence').textContent(), /^2 of 120 assignments have the role Agent/);
  assertOnlyOurClicks(['Create', 'Save', 'Save', 'Save', 'Save', 'Apply']);
  for (const id of ['create-app', 'choose-saml', 'basic-saml', 'signing', 'claims', 'capture-idp', 'certificate', 'app-role', 'assign-users']) {
    assert.equal(await stepStatus(panel, id), 'done', id);
  }
  await screenshot(panel, 'panel-azure-done');
});

test('a different saved value is never overwritten; after Replace it is', async () => {
  server.seed({ basic: { identifiers: [{ value: 'https://example.test/old-entity', isDefault: true }], replyUrls: [], signOnUrl: '', relayState: '', logoutUrl: '' } });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  const blade = await openBlade(page, 'basic-edit');
  await until(async () => (await blade.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue()) === REPLY_URL, { what: 'reply URL filled' });
  await panel.locator('[data-conflict="basic-saml/identifier"]').waitFor();
  assert.equal(await blade.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().inputValue(), 'https://example.test/old-entity', 'not overwritten');
  await waitStep(panel, 'basic-saml', 'attention');
  await page.bringToFront(); // "Fill this page" targets the last supported tab the admin used
  await panel.getByRole('button', { name: 'Replace Identifier (Entity ID)' }).click();
  await until(async () => (await blade.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().inputValue()) === ENTITY_ID, { what: 'replaced' });
  await panel.locator('[data-conflict]').first().waitFor({ state: 'detached' });
  assertOnlyOurClicks([]);
});

test('a typo saved in the portal is detected, and the old identifier label is captured', async () => {
  server.seed({
    identifierLabel: 'Azure AD Identifier',
    basic: { identifiers: [{ value: ENTITY_ID, isDefault: true }], replyUrls: [{ value: `${REPLY_URL.slice(0, -1)}x`, isDefault: true }], signOnUrl: '', relayState: '', logoutUrl: '' },
  });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await openBlade(page, 'saml');
  await waitStep(panel, 'basic-saml', 'attention');
  const evidence = await panel.locator('[data-step="basic-saml"] .evidence').textContent();
  assert.match(evidence, /Reply URL is ".*x" but should be ".*"/);
  await waitStep(panel, 'capture-idp', 'done');
  assert.equal(await panel.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).inputValue(), `https://sts.windows.net/${TENANT}/`);
  await waitStep(panel, 'signing', 'attention'); // Entra's default "Sign SAML assertion"
});

test('an expired certificate from the real Entra metadata needs attention', async () => {
  const T = 'a9054a0f-2011-4e31-b3ac-fd8c354146ec';
  server.seed({ tenant: T, certificate: { thumbprint: 'A33533A86D6933F8B680EAE64AFFD9BE22AD4725', expiration: '11/16/2026, 8:41:29 PM', metadataHost: 'login.microsoftonline.com', metadataFile: 'ssoready' } });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await openBlade(page, 'saml');
  await waitStep(panel, 'certificate', 'attention');
  assert.match(await panel.locator('#cert-findings li[data-code="expired"]').textContent(), /expired on 2026-11-16/);
  assert.match(await panel.locator('#cert-details').textContent(), /A33533A86D6933F8B680EAE64AFFD9BE22AD4725/);
  // The panel's own button runs the same fetch again.
  await panel.getByRole('button', { name: 'Fetch certificate from Entra' }).click();
  await panel.locator('#toast', { hasText: 'federation metadata' }).waitFor();
});

test('a service-worker stop in the middle of a form loses nothing', async () => {
  server.seed();
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  const blade = await openBlade(page, 'basic-edit');
  await until(async () => (await blade.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().inputValue()) === ENTITY_ID, { what: 'filled' });
  await waitStep(panel, 'basic-saml', 'in-progress');
  await stopWorker(ext, panel);
  await blade.getByRole('button', { name: 'Save' }).click(); // the admin saves after the worker died
  await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
  await waitStep(panel, 'basic-saml', 'done');
  assert.equal(await panel.getByRole('textbox', { name: 'Realm SID' }).inputValue(), SID);
});

test('a look-alike host gets nothing', async () => {
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await page.goto('https://portal.azure.com.example.test/basic-edit.html');
  await page.getByRole('heading', { name: 'Basic SAML Configuration' }).waitFor();
  await page.waitForTimeout(800);
  assert.equal(await page.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().inputValue(), '');
  assert.equal(await stepStatus(panel, 'basic-saml'), 'todo');
});

test('the replicas are at least as hard as the portal, and the automatic fill can be turned off', async () => {
  server.seed();
  await newSetupWithSid(panel);
  await panel.getByLabel('Fill forms automatically').uncheck();
  await until(async () => (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'state/get' }))).value.prefs.autoFill === false, { what: 'toggle stored' });
  const page = await ext.context.newPage();
  // React: a plain `.value =` with an input event, from the page's own world, is ignored.
  let blade = await openBlade(page, 'basic-edit');
  await blade.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().waitFor();
  const frame = page.frames().find((f) => f.url().includes('reactblade.portal.azure.net/basic-edit'));
  await frame.evaluate(() => {
    const el = document.querySelector('input[aria-label="Identifier (Entity ID)"]');
    el.value = 'typed by script';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  assert.equal(await blade.getByRole('button', { name: 'Save' }).isDisabled(), true, 'React did not take it: Save stays disabled');
  // Knockout: a value with only an input event (no change) vanishes on blur.
  blade = await openBlade(page, 'app-roles');
  await blade.getByRole('button', { name: '+ Create app role' }).click();
  await blade.getByLabel('Display name').waitFor();
  const ko = page.frames().find((f) => f.url().includes('reactblade.portal.azure.net/app-roles'));
  await ko.evaluate(() => {
    const el = document.getElementById('role-name');
    el.focus();
    el.value = 'Agent';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.blur();
  });
  await page.waitForTimeout(100);
  assert.equal(await blade.getByLabel('Display name').inputValue(), '', 'Knockout took nothing without change');
  // With the toggle off nothing was filled; "Fill this page" fills on demand.
  assert.equal(await blade.getByLabel('Value').inputValue(), '');
  await page.bringToFront();
  await panel.getByRole('button', { name: 'Fill this page' }).click();
  await until(() => blade.getByRole('button', { name: 'Apply' }).isEnabled(), { what: 'filled on demand' });
  await panel.getByLabel('Fill forms automatically').check();
  assertOnlyOurClicks([]);
});
