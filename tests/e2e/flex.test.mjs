// Twilio Flex on the same rails (issue 15), from an empty profile to a verified setup: the admin
// picks Flex; the Flex Console's "Set up your identity provider" page gives the connection; every
// Azure form with Flex's values (three claims, three app roles); the Flex page that takes the
// IdP's values is filled and saved; a test sign-in posted to Flex's ACS is checked. The worker is
// stopped between every two steps, and each Flex page is met in both of its dialects.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AZURE_PATH, FLEX_SID, PRODUCTS, newSetupWithSid, thumbprintOf, until, waitStep, withAgents } from './azure-helpers.mjs';
import { launch, openPanel, screenshot, stopWorker } from './harness.mjs';
import { words } from './i18n.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { TENANT, freshTenant } from './tenant.mjs';

const LOGIN = `https://login.microsoftonline.com/${TENANT}/saml2`;
const ISSUER = `https://sts.windows.net/${TENANT}/`;
const ACS = PRODUCTS.flex.replyUrl;
/** The app signs with the test key, so the journey's sign-in verifies against the pinned certificate. */
const CERT = {
  thumbprint: thumbprintOf('generated/responses/test-signing-cert.pem'),
  expiration: '1/1/2035, 12:00:00 AM',
  metadataHost: 'login.microsoftonline.com',
  metadataFile: 'signing',
};

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

/** Each dialect of the page that shows the connection meets each of the page that takes the IdP's values. */
const JOURNEYS = [
  { dialect: 'fx', flex: 'list', idp: 'today' },
  { dialect: 'fluent', flex: 'fields', idp: 'legacy' },
];

for (const { dialect, flex, idp } of JOURNEYS) {
  test(`Flex journey (${dialect} portal, ${flex}/${idp} Flex pages): an empty profile to a verified setup, through worker stops`, async (journey) => {
    let failed = '';
    const phase = (what, fn) =>
      journey.test(what, { skip: failed ? `after "${failed}" failed` : false }, async () => {
        try {
          await fn();
        } catch (e) {
          failed = what;
          throw e;
        }
      });
    const fresh = freshTenant();
    server.seed(withAgents({ ...fresh, dialect, certificate: CERT, app: 'Twilio Flex SSO', twilio: { ...fresh.twilio, flex: { ...fresh.twilio.flex, dialect: flex, idpDialect: idp } } }));
    const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
    let panel;
    let page;
    try {
      await phase('the panel asks for the product first; the admin picks Flex', async () => {
        panel = await openPanel(ext);
        await panel.getByRole('radio', { name: 'Flex' }).check();
        await panel.getByRole('textbox', { name: 'SSO connection SID' }).waitFor();
        assert.equal(await panel.getByRole('textbox', { name: 'Workspace ID', includeHidden: true }).isVisible(), false, 'Flex has no Workspace ID');
        assert.equal(await panel.locator('[data-step="app-role"] .title').textContent(), '8. App roles agent, supervisor and admin');
        page = await ext.context.newPage();
      });

      await phase('the Flex Console shows the Entity ID and ACS URL; the panel takes the connection', async () => {
        await page.goto('https://console.twilio.com/flex/sso/setup');
        await until(async () => (await panel.locator('#entity-id').textContent()) === `urn:flex:${FLEX_SID}`, { what: 'connection captured' });
        assert.equal(await panel.locator('#reply-url').textContent(), ACS);
        await stopWorker(ext, panel);
      });

      for (const step of AZURE_PATH) {
        await phase(`Azure, with Flex's values: ${step.name}`, async () => {
          await step.run(page, panel, assert, words('en'), PRODUCTS.flex);
          await stopWorker(ext, panel);
        });
      }

      await phase("the assignments are counted per Flex role", async () => {
        const what = await panel.locator('[data-step="assign-users"] .evidence').textContent();
        assert.match(what, /2 of 120 assignments have a Flex role \(Agent 2, Supervisor 0, Admin 0\)/);
        assert.deepEqual(server.tenant().roles.map((r) => r.value), ['agent', 'supervisor', 'admin']);
        const claims = server.tenant().claims.map((c) => `${c.name}=${c.value}`);
        for (const c of ['email=user.mail', 'full_name=user.displayname', 'roles=user.assignedroles']) assert.ok(claims.includes(c), c);
      });

      await phase("the Flex page that takes the IdP's values is filled; the admin saves it", async () => {
        await page.goto('https://console.twilio.com/flex/sso/idp');
        const field = (name) => page.getByRole('textbox', { name });
        await until(async () => (await field(/^(SSO URL|Single Sign-On URL)/).inputValue()) === LOGIN, { what: 'SSO URL filled' });
        assert.equal(await field(/^(Issuer|Identity Provider Issuer)/).inputValue(), ISSUER);
        assert.match(await field(/^(Certificate|X\.509 Certificate)/).inputValue(), /^-----BEGIN CERTIFICATE-----\n/);
        await waitStep(panel, 'twilio-sso', 'in-progress');
        await page.getByRole('button', { name: 'Save' }).click(); // the admin's click
        await waitStep(panel, 'twilio-sso', 'done');
        const saved = server.tenant().twilio.flex.saved;
        assert.deepEqual([saved.issuer, saved.ssoUrl], [ISSUER, LOGIN]);
        await stopWorker(ext, panel);
      });

      await phase('a test sign-in posted to Flex\'s ACS is checked with the pinned certificate: 11 of 11', async () => {
        await panel.getByRole('button', { name: 'Start test sign-in' }).first().click(); // already granted: resolves at once
        await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor({ state: 'attached' });
        await stopWorker(ext, panel); // the watch is stored: a new worker keeps to it
        await page.goto(`${LOGIN}?sid=${FLEX_SID}&region=us1`);
        await page.getByRole('heading', { name: 'Signed in to Flex (replica)' }).waitFor(); // nothing blocked
        await waitStep(panel, 'test-sign-in', 'done');
        await panel.locator('#progress-text', { hasText: '11 of 11 done' }).waitFor();
        const details = await panel.locator('#signin-details').textContent();
        assert.match(details, new RegExp(`Audienceurn:flex:${FLEX_SID}`));
        assert.match(details, /Verified \(response and assertion\) with the pinned certificate/);
        const clicks = server.tenant().clicks.map((c) => c.name);
        assert.deepEqual(clicks, ['Create', 'Save', 'Save', 'Save', 'Save', 'Save', 'Apply', 'Apply', 'Apply', 'Save'], 'only the admin committed');
        await panel.setViewportSize({ width: 400, height: 800 });
        await screenshot(panel, `flex-journey-${dialect}`);
      });
    } finally {
      await ext.close();
    }
  });
}

test('a JQ SID in a Frontline setup, or a JB one in a Flex setup, is named with a one-click switch', async () => {
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
  try {
    const panel = await openPanel(ext);
    await newSetupWithSid(panel, '');
    await panel.getByRole('radio', { name: 'Frontline' }).check();
    const sid = panel.getByRole('textbox', { name: 'Realm SID' });
    await sid.fill(FLEX_SID);
    await sid.blur();
    await panel.locator('#realm-error', { hasText: 'belongs to Flex' }).waitFor();
    await panel.getByRole('button', { name: 'Switch this setup to Flex' }).click();
    await panel.locator('#entity-id', { hasText: `urn:flex:${FLEX_SID}` }).waitFor({ state: 'attached' });
    assert.equal(await panel.getByRole('radio', { name: 'Flex', includeHidden: true }).isChecked(), true);
    // And back: a JB SID in the Flex setup (its values card folded once the SID was good).
    const card = panel.locator('#values-card');
    if (!(await card.evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open))) await card.locator('summary').click();
    const flexSid = panel.getByRole('textbox', { name: 'SSO connection SID' });
    await flexSid.fill('JB0123456789abcdef0123456789abcdef');
    await flexSid.blur();
    await panel.locator('#realm-error', { hasText: 'belongs to Frontline' }).waitFor();
    await panel.getByRole('button', { name: 'Switch this setup to Frontline' }).click();
    await panel.locator('#entity-id', { hasText: 'https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef' }).waitFor({ state: 'attached' });
    // Flex's retired URLs are recognised and flagged.
    await newSetupWithSid(panel, 'https://iam.twilio.com/v1/Accounts/AC0123456789abcdef0123456789abcdef/saml2');
    await panel.locator('#realm-findings [data-code="flex_legacy_urls"]').waitFor({ state: 'attached' });
    assert.equal(await panel.locator('#realm-sid-label').textContent(), 'SSO connection SID', 'a pasted Flex URL picks Flex');
    assert.equal(await panel.getByRole('radio', { name: 'Flex', includeHidden: true }).isChecked(), false, 'not chosen: picked by the paste');
  } finally {
    await ext.close();
  }
});
