// The certificate renewal on the real extension, in both portal dialects: a finished setup
// whose certificate expires in 30 days (the test gives the clock), the daily alarm, a new
// certificate listed then made active by the admin, the new metadata, Twilio's X.509 field
// replaced after the admin's confirmation, and a sign-in verified against the new
// certificate. The worker is stopped between the steps.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { SID, openBlade, thumbprintOf, until, waitStep } from './azure-helpers.mjs';
import { launch, openPanel, screenshot, stopWorker, storedState } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { AZURE_DIALECTS, TENANT, freshTenant } from './tenant.mjs';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const OLD_PEM = readFileSync(resolve(FIXTURES, 'generated/responses/test-signing-cert.pem'), 'utf8');
const OLD = thumbprintOf('generated/responses/test-signing-cert.pem');
const NEW = thumbprintOf('generated/responses/renewed-signing-cert.pem');
const LOGIN = `https://login.microsoftonline.com/${TENANT}/saml2`;
const ISSUER = `https://sts.windows.net/${TENANT}/`;
const STEPS = ['create-app', 'choose-saml', 'basic-saml', 'signing', 'claims', 'app-role', 'assign-users', 'twilio-sso', 'test-sign-in'];

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

/** The worker's clock, as the test gives it: 30 days before the old certificate's end. */
const clockFor = () => new Date(new X509Certificate(OLD_PEM).validTo).getTime() - 30 * 24 * 3600 * 1000;

const event = (panel, e) => panel.evaluate((ev) => chrome.runtime.sendMessage({ type: 'setup/event', event: ev }), e);

for (const dialect of AZURE_DIALECTS) {
  test(`renewal (${dialect}): from an expiring certificate to a verified Twilio update, through worker stops`, async () => {
    const at = clockFor();
    server.seed({
      ...freshTenant(),
      dialect,
      certificate: { thumbprint: OLD, expiration: '30 days from now', metadataHost: 'login.microsoftonline.com', metadataFile: 'renewal' },
      nextCertificate: { thumbprint: NEW, expiration: 'in 20 years' },
      twilio: { ...freshTenant().twilio, dialect: 'today', saved: { workspaceId: 'owlpress', issuer: ISSUER, ssoUrl: LOGIN, certificate: OLD_PEM } },
    });
    const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
    try {
      let panel = await openPanel(ext);
      await panel.evaluate((offset) => chrome.storage.session.set({ clockOffsetMs: offset }), at - Date.now());
      // A setup finished long ago: every value in, every step done.
      for (const e of [
        { type: 'setRealmSid', value: SID },
        { type: 'setWorkspaceId', value: 'owlpress' },
        { type: 'setIdpValues', loginUrl: LOGIN, entraIdentifier: ISSUER, where: 'test' },
        { type: 'setCertificate', text: OLD_PEM, source: 'test' },
        ...STEPS.map((step) => ({ type: 'markDone', step })),
      ]) {
        const reply = await event(panel, e);
        assert.ok(reply.ok, JSON.stringify(reply));
      }
      await panel.locator('#progress-text', { hasText: '11 of 11 done' }).waitFor();

      // Due already: the panel shows the renewal before anything stored it. "Remind me" asks for
      // notifications (granted up front here).
      await panel.getByRole('checkbox', { name: /Remind me/ }).check();
      await until(async () => (await storedState(panel)).prefs?.remind === true, { what: 'Remind me stored' });
      // The daily alarm, fired now by the test (Chrome fires it once a day), into a stopped worker.
      await stopWorker(ext, panel);
      const watch = await panel.evaluate(() => chrome.alarms.get('certificate-watch'));
      assert.equal(watch?.periodInMinutes, 24 * 60, 'a daily alarm, registered by the worker');
      await panel.evaluate(() => chrome.alarms.create('certificate-watch', { when: Date.now() + 100, periodInMinutes: 24 * 60 }));
      await until(async () => Boolean((await storedState(panel)).setups[(await storedState(panel)).activeId].renewal), { what: 'renewal started by the alarm' });
      await until(async () => (await panel.evaluate(() => chrome.notifications.getAll()))['certificate-watch'], { what: 'the reminder' });
      await panel.locator('#next-card[data-next-step="renew-add"]').waitFor();
      assert.match(await panel.locator('#renewal-summary').textContent(), /in (29|30) days/);
      assert.match(await panel.locator('#renewal-certs').textContent(), new RegExp(OLD));
      await until(async () => (await panel.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).join() === '178,106,0,255', { what: 'warning badge' });
      assert.equal(await panel.evaluate(() => chrome.action.getBadgeText({})), '11/11');
      await screenshot(panel, `renewal-1-due-${dialect}`);

      // 1. The admin adds a new certificate; the extension reads the list.
      const page = await ext.context.newPage();
      let blade = await openBlade(page, 'signing-edit');
      await blade.getByRole('button', { name: 'New Certificate' }).click();
      await waitStep(panel, 'renew-add', 'done');
      await waitStep(panel, 'renew-activate', 'in-progress');
      // The SAML pane lists both: the expiring one active, the new one inactive.
      blade = await openBlade(page, 'saml');
      const rows = blade.getByRole('grid', { name: 'Certificates' }).getByRole('row');
      await rows.filter({ hasText: NEW }).filter({ hasText: 'Inactive' }).waitFor();
      await rows.filter({ hasText: OLD }).filter({ hasText: 'Active' }).waitFor();
      await stopWorker(ext, panel);
      blade = await openBlade(page, 'signing-edit');

      // 2. The admin makes it active (the extension never does), and opens the SAML pane:
      // the new thumbprint is captured and the new metadata fetched.
      await blade.getByRole('button', { name: `Make certificate active: ${NEW}` }).click();
      await waitStep(panel, 'renew-activate', 'done');
      blade = await openBlade(page, 'saml');
      await waitStep(panel, 'renew-capture', 'done', 30000);
      assert.equal((await storedState(panel)).setups[(await storedState(panel)).activeId].renewal.newThumbprint, NEW);
      assert.ok(server.metadataRequests('renewal') >= 1);
      await screenshot(panel, `renewal-2-middle-${dialect}`);
      await stopWorker(ext, panel);

      // 3. Twilio still holds the old certificate: nothing is overwritten until the admin's Replace.
      await page.goto('https://console.twilio.com/frontline/sso');
      const x509 = page.getByRole('textbox', { name: /X\.509 Certificate/ });
      await panel.locator('[data-conflict="twilio-sso/certificate"]').waitFor();
      assert.equal(await x509.inputValue(), server.tenant().twilio.saved.certificate, 'the old one is still there');
      await panel.getByRole('button', { name: /^Replace X\.509 Certificate/ }).click();
      await until(async () => (await x509.inputValue()).replace(/\s/g, '') !== OLD_PEM.replace(/\s/g, ''), { what: 'new certificate filled' });
      await page.getByRole('button', { name: 'Save' }).click(); // the admin's click
      await waitStep(panel, 'renew-twilio', 'done');
      assert.notEqual(server.tenant().twilio.saved.certificate.replace(/\s/g, ''), OLD_PEM.replace(/\s/g, ''));
      await stopWorker(ext, panel);

      // 4. A test sign-in, signed by the new key: verified against the new certificate.
      panel = await openPanel(ext);
      await panel.locator('#next-card').getByRole('button', { name: 'Start test sign-in' }).click();
      await page.goto(`https://login.microsoftonline.com/${TENANT}/saml2?fixture=renewed&at=${at}`);
      await panel.locator('#renewal-card[hidden]').waitFor({ state: 'attached', timeout: 20000 });
      const setup = (await storedState(panel)).setups[(await storedState(panel)).activeId];
      assert.equal(setup.renewal, null, 'the renewal is closed and the old certificate no longer listed');
      assert.match(setup.checklist.steps.find((s) => s.id === 'certificate').evidence.at(-1).what, new RegExp(`Renewed: ${NEW} replaces ${OLD}`));
      await until(async () => (await panel.evaluate(() => chrome.action.getBadgeText({}))) === '11/11', { what: 'badge' });
      assert.notEqual((await panel.evaluate(() => chrome.action.getBadgeBackgroundColor({}))).join(), '178,106,0,255');
      // Only the admin clicked commit buttons: the certificate was made active once, by the admin.
      const clicks = server.tenant().clicks.map((c) => c.name);
      assert.deepEqual(clicks, ['New Certificate', 'Make certificate active', 'Save']);
    } finally {
      await ext.close();
    }
  });
}
