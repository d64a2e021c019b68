// Twilio Console SSO (issue 29), from an empty profile to a verified test, through worker stops:
// the admin picks Twilio Console; the SP metadata comes from Admin Center's SSO profile (read from
// the page in one style, chosen as a file in the panel in the other); the Azure forms with the
// metadata's values and the NameID, with no claims and no app roles; the profile is filled and
// saved; Test SSO Connection starts an SP-initiated sign-in whose response (and RelayState) is
// checked. Each portal dialect meets one of the profile's two styles.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { AZURE_PATH, NAME_ID_STEP, PRODUCTS, thumbprintOf, until, waitStep, withAgents } from './azure-helpers.mjs';
import { launch, openPanel, screenshot, stopWorker } from './harness.mjs';
import { words } from './i18n.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { TENANT, freshTenant } from './tenant.mjs';

const LOGIN = `https://login.microsoftonline.com/${TENANT}/saml2`;
const ISSUER = `https://sts.windows.net/${TENANT}/`;
const P = PRODUCTS.console;
const METADATA_FILE = resolve(import.meta.dirname, '../fixtures/console/twilio-sp-metadata.xml');
const CERT = {
  thumbprint: thumbprintOf('generated/responses/test-signing-cert.pem'),
  expiration: '1/1/2035, 12:00:00 AM',
  metadataHost: 'login.microsoftonline.com',
  metadataFile: 'signing',
};
/** Console's path through the portal: no claims, no app roles, and its NameID. */
const byName = (name) => AZURE_PATH.find((s) => s.name === name);
const CONSOLE_PATH = [byName('create-app'), byName('choose-saml'), byName('basic-saml'), NAME_ID_STEP, byName('signing'), byName('assign-users')];

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

const JOURNEYS = [
  { dialect: 'fx', profile: 'cards', metadataFrom: 'the profile page' },
  { dialect: 'fluent', profile: 'wizard', metadataFrom: 'a file chosen in the panel' },
];

/** A seeded tenant for Console, its profile page in `profile`'s style. */
function consoleTenant(dialect, profile) {
  const fresh = freshTenant();
  return withAgents({
    ...fresh,
    dialect,
    certificate: CERT,
    app: P.appName,
    twilio: { ...fresh.twilio, console: { ...fresh.twilio.console, dialect: profile } },
  });
}

for (const { dialect, profile, metadataFrom } of JOURNEYS) {
  test(`Console journey (${dialect} portal, ${profile} profile, metadata from ${metadataFrom}): an empty profile to a verified test, through worker stops`, async (journey) => {
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
    server.seed(consoleTenant(dialect, profile));
    const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
    let panel;
    let page;
    try {
      await phase('the admin picks Twilio Console: the panel asks for the SP metadata, and says why no claims', async () => {
        panel = await openPanel(ext);
        await panel.getByRole('radio', { name: 'Twilio Console' }).check();
        await panel.getByRole('textbox', { name: 'SP metadata' }).waitFor();
        assert.equal(await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).isVisible(), false);
        assert.equal(await panel.getByRole('textbox', { name: 'Workspace ID', includeHidden: true }).isVisible(), false);
        await panel.locator('#progress-text', { hasText: '0 of 12 done' }).waitFor();
        assert.equal(await panel.locator('[data-step="sp-metadata"] .title').textContent(), "1. Twilio's SP metadata");
        assert.equal(await panel.locator('[data-step="claims"]').count(), 0, 'no claims step');
        assert.equal(await panel.locator('[data-step="app-role"]').count(), 0, 'no app role step');
        assert.match(await panel.locator('#not-asked').textContent(), /No claims and no app roles/);
        page = await ext.context.newPage();
      });

      await phase(`the SP metadata comes from ${metadataFrom}`, async () => {
        if (profile === 'cards') {
          await page.goto('https://console.twilio.com/admin/sso');
        } else {
          await panel.getByLabel('Choose SP metadata file').setInputFiles(METADATA_FILE);
        }
        await until(async () => (await panel.locator('#entity-id').textContent()) === P.entityId, { what: 'metadata taken' });
        assert.equal(await panel.locator('#reply-url').textContent(), P.replyUrl);
        await waitStep(panel, 'sp-metadata', 'done');
        await stopWorker(ext, panel);
      });

      for (const step of CONSOLE_PATH) {
        await phase(`Azure, with Console's values: ${step.name}`, async () => {
          await step.run(page, panel, assert, words('en'), P);
          await stopWorker(ext, panel);
        });
      }

      await phase('the NameID is saved as the email address; no claim or role was added', async () => {
        assert.deepEqual(server.tenant().nameId, { format: 'Email address', attr: 'user.mail' });
        assert.deepEqual(server.tenant().roles, []);
        assert.equal(server.tenant().claims.length, freshTenant().claims.length);
        const what = await panel.locator('[data-step="assign-users"] .evidence').textContent();
        assert.match(what, /120 of 120 assignments have access/);
      });

      await phase("the SSO profile's IdP values are filled; the admin saves", async () => {
        await page.goto('https://console.twilio.com/admin/sso');
        const field = (name) => page.getByRole('textbox', { name, exact: true });
        const [issuer, sso, cert] = profile === 'cards' ? ['Issuer ID', 'Single sign-on URL', 'X.509 Certificate'] : ['Entity ID', 'Login URL', 'Certificate'];
        await until(async () => (await field(sso).inputValue()) === LOGIN, { what: 'SSO URL filled' });
        assert.equal(await field(issuer).inputValue(), ISSUER);
        assert.match(await field(cert).inputValue(), /^-----BEGIN CERTIFICATE-----\n/);
        await waitStep(panel, 'twilio-sso', 'in-progress');
        await page.getByRole('button', { name: 'Save' }).click(); // the admin's click
        await waitStep(panel, 'twilio-sso', 'done');
        const saved = server.tenant().twilio.console.saved;
        assert.deepEqual([saved.issuer, saved.ssoUrl], [ISSUER, LOGIN]);
        await stopWorker(ext, panel);
      });

      await phase('Test SSO Connection: the SP-initiated response, with its RelayState, verifies: 11 of 12', async () => {
        await panel.getByRole('button', { name: 'Start test sign-in' }).first().click();
        await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor({ state: 'attached' });
        await stopWorker(ext, panel);
        await page.getByRole('button', { name: 'Test SSO Connection' }).click(); // the admin's click
        await page.getByRole('heading', { name: 'Signed in to the Twilio Console (replica)' }).waitFor();
        await waitStep(panel, 'test-sign-in', 'done');
        await panel.locator('#progress-text', { hasText: '11 of 12 done' }).waitFor();
        const details = await panel.locator('#signin-details').textContent();
        assert.match(details, new RegExp(`Audience${P.entityId}`));
        assert.match(details, /NameIDagent@owlpress\.test/);
        assert.match(details, /Verified \(response and assertion\) with the pinned certificate/);
      });

      await phase('the reminder is the admin\'s: enforce SSO, with the users in the Organization', async () => {
        const li = panel.locator('[data-step="enforce"]');
        if (!(await li.locator('details').evaluate((d) => d.open))) await li.locator('summary').click();
        assert.match(await li.locator('.instruction').textContent(), /managed user/);
        await li.getByRole('button', { name: 'Mark done' }).click();
        await panel.locator('#progress-text', { hasText: '12 of 12 done' }).waitFor();
        const clicks = server.tenant().clicks.map((c) => c.name);
        assert.deepEqual(clicks, ['Create', 'Save', 'Save', 'Save', 'Save', 'Test SSO Connection'], 'only the admin committed');
        await panel.setViewportSize({ width: 400, height: 800 });
        await screenshot(panel, `console-journey-${dialect}`);
      });
    } finally {
      await ext.close();
    }
  });
}

test('a sign-in that skips Test SSO Connection (no RelayState) is named, with the fix', async () => {
  server.seed(consoleTenant('fluent', 'cards'));
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  try {
    const panel = await openPanel(ext);
    await panel.getByRole('radio', { name: 'Twilio Console' }).check();
    await panel.getByLabel('Choose SP metadata file').setInputFiles(METADATA_FILE);
    await waitStep(panel, 'sp-metadata', 'done');
    await panel.getByRole('button', { name: 'Start test sign-in' }).first().click();
    await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor({ state: 'attached' });
    const page = await ext.context.newPage();
    // Entra's own "Test" (IdP-initiated): the response comes back without Twilio's RelayState.
    await page.goto(`${LOGIN}?sid=console`);
    await page.getByRole('heading', { name: 'Signed in to the Twilio Console (replica)' }).waitFor();
    await waitStep(panel, 'test-sign-in', 'attention');
    const finding = panel.locator('#signin-findings [data-code="relay_state_missing"]');
    await finding.waitFor({ state: 'attached' });
    assert.match(await finding.textContent(), /Test SSO Connection/);
  } finally {
    await ext.close();
  }
});

test('a Single Sign-On URL mistyped in the profile ends in a 404 at Microsoft: the profile is the step to fix', async () => {
  const wrong = `https://login.microsoftonline.com/${TENANT}/saml`;
  const seeded = consoleTenant('fluent', 'wizard');
  seeded.twilio.console.saved = { issuer: ISSUER, ssoUrl: wrong, certificate: '' };
  server.seed(seeded);
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  try {
    const panel = await openPanel(ext);
    await panel.getByRole('radio', { name: 'Twilio Console' }).check();
    await panel.getByLabel('Choose SP metadata file').setInputFiles(METADATA_FILE);
    await waitStep(panel, 'sp-metadata', 'done');
    const login = panel.getByRole('textbox', { name: 'Login URL' });
    await login.fill(LOGIN);
    await login.blur();
    await panel.getByRole('button', { name: 'Start test sign-in' }).first().click();
    await panel.locator('#signin-watch', { hasText: 'Waiting for a sign-in until' }).waitFor({ state: 'attached' });
    const page = await ext.context.newPage();
    await page.goto('https://console.twilio.com/admin/sso');
    await page.getByRole('button', { name: 'Test SSO Connection' }).click();
    await page.getByRole('heading', { name: '404 - File or directory not found.' }).waitFor();
    await panel.locator('#signin-failure').waitFor();
    const summary = await panel.locator('#signin-failure-summary').textContent();
    assert.match(summary, /404/);
    assert.match(summary, /Step to fix: 10\. IdP values in the SSO profile/);
    const row = await panel.locator('#signin-failure-values tbody tr').first().textContent();
    assert.ok(row.includes(wrong) && row.includes(LOGIN), row);
    await waitStep(panel, 'test-sign-in', 'attention');
  } finally {
    await ext.close();
  }
});
