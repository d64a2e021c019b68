// Page reports, on every replica page in every dialect: what the extension keeps of a page
// holds no value (no URL, tenant id, SID, e-mail address, name or thumbprint), and
// `frontline-sso page` recognises the same forms from the report as the extension did from
// the page. Unknown pages raise the panel's notice, with Copy page report.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { SID, newSetupWithSid, openBlade, thumbprintOf, until } from './azure-helpers.mjs';
import { closeSitePages, launch, openPanel } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { AZURE_DIALECTS, TENANT, TWILIO_DIALECTS, freshTenant } from './tenant.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const THUMBPRINT = thumbprintOf('generated/good.pem');
/** Nothing of these may be in a report. */
const SECRETS = [TENANT, SID, SID.toLowerCase(), 'owlpress', 'admin@contoso', 'FrontlineSSO Setup', THUMBPRINT, 'login.microsoftonline', 'sts.windows.net', 'iam.twilio.com/v2', 'Frontline User 0', 'https://'];
/** Where tests keep the reports they made, to turn into fixtures (tests/fixtures/pages/). */
const OUT = process.env.PAGE_REPORTS_DIR;

let server;
let ext;
let panel;
before(async () => {
  server = await startServer();
  ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
  panel = await openPanel(ext);
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterEach(() => closeSitePages(ext));
after(async () => {
  await ext?.close();
  await server?.close();
});

/** Every page the extension saw since `since`, from the worker's session storage. */
const pagesSeen = (since) => panel.evaluate(async (t) => Object.entries(await chrome.storage.session.get(null)).filter(([k, v]) => k.startsWith('page:') && v.at >= t).map(([, v]) => v), since);

/** `frontline-sso page <report> --json`: the forms the core recognises from the report alone. */
function replay(report) {
  const dir = mkdtempSync(join(tmpdir(), 'fsa-report-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, JSON.stringify(report));
  let out;
  try {
    out = execFileSync('cargo', ['run', '-q', '--bin', 'frontline-sso', '--', 'page', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1: not the same forms; the JSON says which
  }
  return JSON.parse(out);
}

function assertNoValue(report, where) {
  const json = JSON.stringify(report);
  for (const s of SECRETS) assert.ok(!json.includes(s), `${where}: the report holds "${s}"`);
  assert.equal(report.format, 1);
}

const PAGES = [
  ['create-app', ['create-app']],
  ['sso-method', ['sso-method']],
  ['saml', ['saml-pane']],
  ['basic-edit', ['basic-saml']],
  ['signing-edit', ['signing']],
  ['claims', ['claims-list']],
  ['claims&add', ['claim']],
  ['app-roles', ['app-roles']],
  ['app-roles&add', ['app-role']],
  ['users', ['assignments']],
];

test('a page report holds no value, and the CLI recognises from it what the page showed, in every dialect', async () => {
  for (const dialect of AZURE_DIALECTS) {
    server.seed({ dialect, certificate: { thumbprint: THUMBPRINT, expiration: '1/1/2028', metadataHost: 'login.microsoftonline.com', metadataFile: 'good' } });
    await newSetupWithSid(panel);
    const page = await ext.context.newPage();
    for (const [blade, forms] of PAGES) {
      const since = Date.now();
      await openBlade(page, blade);
      const seen = await until(async () => (await pagesSeen(since)).find((p) => forms.every((f) => p.forms.includes(f))), { what: `${dialect} ${blade} recognised` });
      assertNoValue(seen.report, `${dialect} ${blade}`);
      const r = replay(seen.report);
      assert.deepEqual(r.forms, seen.forms, `${dialect} ${blade}: the CLI recognises what the page showed`);
      assert.equal(r.same, true);
      if (OUT) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `azure-${dialect}-${blade.replace('&', '-')}.json`), `${JSON.stringify(seen.report, null, 2)}\n`);
      }
    }
    await page.close();
  }
  for (const dialect of TWILIO_DIALECTS) {
    server.seed({ twilio: { ...freshTenant().twilio, dialect } });
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'setup/new' }));
    const page = await ext.context.newPage();
    const since = Date.now();
    await page.goto('https://console.twilio.com/frontline/sso');
    const seen = await until(async () => (await pagesSeen(since)).find((p) => p.forms.includes('twilio-sso')), { what: `twilio ${dialect} recognised` });
    assertNoValue(seen.report, `twilio ${dialect}`);
    assert.deepEqual(replay(seen.report).forms, seen.forms);
    if (OUT) writeFileSync(join(OUT, `twilio-${dialect}.json`), `${JSON.stringify(seen.report, null, 2)}\n`);
    await page.close();
  }
});

test('a fill that does not stick after its retries raises the notice, naming the field', async () => {
  // The signing blade without the option Frontline needs: choosing it can never work.
  server.seed({ dialect: 'fluent', signingOptions: ['Sign SAML response', 'Sign SAML assertion'] });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await openBlade(page, 'signing-edit');
  await until(async () => /a fill did not stick: Signing Option/.test(await panel.locator('#page-report-reason').textContent()), { timeout: 30000, what: 'the notice names the field' });
  assert.equal(await panel.locator('#page-report-card').isVisible(), true);
  const seen = (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'page/report' }))).value;
  assert.deepEqual(seen.forms, ['signing']);
  assertNoValue(seen.report, 'stuck fill');
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await panel.locator('#page-report-card').waitFor({ state: 'hidden' });
});

test('a console page with a form the core does not know raises the notice, and Copy page report copies it', async () => {
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  // A blade of the portal that is no setup form: the replica's look-alike of an unknown page.
  await page.goto('https://portal.azure.com/#blade=unknown');
  await page.evaluate(() => {
    const form = document.createElement('div');
    const label = Object.assign(document.createElement('label'), { htmlFor: 'x', textContent: 'Tenant restriction policy' });
    const input = Object.assign(document.createElement('input'), { id: 'x', value: 'admin@contoso.test' });
    form.append(Object.assign(document.createElement('h2'), { textContent: 'Cross-tenant settings' }), label, input);
    document.body.append(form);
  });
  await until(async () => (await panel.locator('#page-report-card').isVisible()) && /no form recognised on a page with controls/.test(await panel.locator('#page-report-reason').textContent()), { what: 'the notice for this page' });
  await panel.evaluate(() => navigator.clipboard.writeText(''));
  await panel.getByRole('button', { name: 'Copy page report' }).first().click();
  const copied = await until(async () => JSON.parse((await panel.evaluate(() => navigator.clipboard.readText())) || 'null'), { what: 'the report copied' });
  assertNoValue(copied, 'unknown page');
  // A label the core does not know is the page's word, not the portal's: only its shape is kept.
  assert.ok(copied.snapshot.fields.some((f) => f.name === '‹text:25›' && f.value === '‹email›'));
  assert.ok(!JSON.stringify(copied).includes('Cross-tenant'), 'an unknown heading is shaped too');
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await panel.locator('#page-report-card').waitFor({ state: 'hidden' });
  // The same page, looked at again, does not bring the notice back.
  const since = Date.now();
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { title: 'Another setting' })));
  await until(async () => (await pagesSeen(since)).some((p) => p.host === 'portal.azure.com'), { what: 'the page looked at again' });
  await page.waitForTimeout(300);
  assert.equal(await panel.locator('#page-report-card').isVisible(), false);
});
