// Consoles that wrap their values, as real pages do (shared/portal-facts.md, "Wrappers, and old
// ARIA"): the SAML pane's sections with a head (number, heading, Edit) and a body, values beside
// copy buttons, captions and values in sibling columns, Fx drop-downs marked aria-readonly; the
// Twilio Console's card of caption/value rows (or a flat two-column grid) with a copy button.
// The core reads each value by its label; the extension sets each drop-down; nothing is saved
// but by the admin.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AZURE_PATH, FLEX_SID, SID, newSetupWithSid, openBlade, until, waitStep } from './azure-helpers.mjs';
import { replicaSession, storedState } from './harness.mjs';
import { words } from './i18n.mjs';
import { TENANT, TWILIO_DIALECTS, freshTenant } from './tenant.mjs';

/** Every portal dialect, and the languages whose words the pane's labels are read in. */
const PORTALS = [
  { dialect: 'fx', lang: 'en' },
  { dialect: 'fluent', lang: 'en' },
  { dialect: 'fx', lang: 'de' },
  { dialect: 'fluent', lang: 'ja' },
];
const CERT = { thumbprint: '', expiration: '', metadataHost: 'login.microsoftonline.com', metadataFile: 'good' };
const step = (name) => AZURE_PATH.find((s) => s.name === name);
/** A new setup with nothing in it: the console's page gives the SID. */
async function emptySetup() {
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'setup/new' }));
  await panel.locator('#progress-text', { hasText: '0 of 11 done' }).waitFor();
}
/** The active setup, as stored (the panel names its fields in the portal's language). */
const active = async () => {
  const state = await storedState(panel);
  return state.setups[state.activeId];
};
/** The rest Twilio needs, as the Azure portal and the certificate card would give it. */
async function readyInPanel() {
  const pem = readFileSync(resolve(import.meta.dirname, '../fixtures/generated/responses/test-signing-cert.pem'), 'utf8');
  await panel.evaluate(
    async (events) => { for (const event of events) await chrome.runtime.sendMessage({ type: 'setup/event', event }); },
    [
      { type: 'setIdpValues', loginUrl: `https://login.microsoftonline.com/${TENANT}/saml2`, entraIdentifier: `https://sts.windows.net/${TENANT}/`, where: 'test' },
      { type: 'setCertificate', text: pem, source: 'paste' },
    ],
  );
  await waitStep(panel, 'certificate', 'done');
}
/** The clicks that commit: only the admin's ever appear. */
const commits = (tenant) => tenant.clicks.map((c) => c.name);

let server;
let ext;
let panel;
replicaSession({}, (s) => ({ server, ext, panel } = s));

for (const { dialect, lang } of PORTALS) {
  describe(`wrapped SAML pane, ${dialect} dialect in ${lang}`, () => {
    const t = words(lang);
    const seed = (patch = {}) => server.seed({ ...freshTenant(), dialect, lang, shape: 'wrapped', certificate: CERT, ...patch });

    test('after the admin saves, the pane marks Basic SAML Configuration done; the drop-downs are set; the values are read', async () => {
      seed();
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      await step('basic-saml').run(page, panel, assert, t);
      // Fx marks its select-only drop-downs aria-readonly: they are still opened and chosen.
      await step('signing').run(page, panel, assert, t);
      assert.deepEqual(commits(server.tenant()), ['Save', 'Save'], 'the admin saved, and no one else');
      const setup = await active();
      assert.equal(setup.loginUrl, `https://login.microsoftonline.com/${TENANT}/saml2`, 'read beside its copy button');
      assert.equal(setup.entraIdentifier, `https://sts.windows.net/${TENANT}/`);
    });

    test('a saved value that differs is named, with the value it should be', async () => {
      const typo = `https://iam.twilio.com/v2/saml2/metadata/${SID.slice(0, -1)}`;
      const acs = `https://iam.twilio.com/v2/saml2/authenticate/${SID}`;
      seed({ basic: { ...freshTenant().basic, identifiers: [{ value: typo, isDefault: true }], replyUrls: [{ value: acs, isDefault: true }] } });
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      await openBlade(page, 'saml');
      await waitStep(panel, 'basic-saml', 'attention');
      const evidence = await panel.locator('[data-step="basic-saml"] .evidence').textContent();
      assert.match(evidence, new RegExp(`is "${typo}" but should be "https://iam.twilio.com/v2/saml2/metadata/${SID}"`));
      assert.doesNotMatch(evidence, /Reply|Antwort|応答/, 'the Reply URL is right and not named');
      assert.deepEqual(commits(server.tenant()), []);
    });
  });
}

for (const twilio of TWILIO_DIALECTS) {
  test(`Frontline's page in a card (${twilio}): the Realm SID is captured, then the IdP values are filled`, async () => {
    const fresh = freshTenant();
    server.seed({ ...fresh, twilio: { ...fresh.twilio, dialect: twilio, shape: 'card' } });
    await emptySetup();
    const page = await ext.context.newPage();
    await page.goto('https://console.twilio.com/frontline/sso');
    await until(async () => (await active()).realmSidInput === SID, { what: 'Realm SID captured from the card' });
    await readyInPanel();
    await page.reload(); // the admin comes back to the page with everything ready
    const box = (name) => page.getByRole('textbox', { name });
    const sso = twilio === 'today' ? 'Single Sign-On URL' : 'SSO URL';
    await until(async () => (await box(sso).inputValue()) === `https://login.microsoftonline.com/${TENANT}/saml2`, { what: 'SSO URL filled' });
    assert.match(await page.locator('textarea').inputValue(), /BEGIN CERTIFICATE/);
    await waitStep(panel, 'twilio-sso', 'in-progress');
    assert.deepEqual(commits(server.tenant()), [], 'nothing saved');
  });
}

test("Flex's page in a card: the SSO connection SID is captured from rows of caption, value and copy button, then the IdP values are filled", async () => {
  const fresh = freshTenant();
  server.seed({ ...fresh, twilio: { ...fresh.twilio, flex: { ...fresh.twilio.flex, dialect: 'card' } } });
  await emptySetup();
  const page = await ext.context.newPage();
  await page.goto('https://console.twilio.com/flex/sso/setup');
  await until(async () => (await panel.locator('#entity-id').textContent()) === `urn:flex:${FLEX_SID}`, { what: 'connection captured' });
  assert.deepEqual([(await active()).product, (await active()).realmSidInput], ['flex', FLEX_SID]);
  // Then the IdP values go into Flex's other page.
  await readyInPanel();
  await page.goto('https://console.twilio.com/flex/sso/idp');
  const login = `https://login.microsoftonline.com/${TENANT}/saml2`;
  await until(async () => (await page.getByRole('textbox', { name: 'SSO URL' }).inputValue()) === login, { what: 'SSO URL filled' });
  assert.deepEqual(commits(server.tenant()), [], 'nothing saved');
});
