// The side panel on the real extension: values, checklist, persistence across worker
// stops and browser restarts, sender checks, export, and screenshots for the README.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { evalInContentScript } from './cdp.mjs';
import { closeSitePages, launch, openPanel, screenshot, stopWorker, storedState } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';

const SID = 'JB0123456789abcdef0123456789abcdef';
const T = 'a9054a0f-2011-4e31-b3ac-fd8c354146ec';
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const ENTRA_CERT = resolve(FIXTURES, 'realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem');

let server;
let ext;
before(async () => {
  server = await startServer();
  ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterEach(() => closeSitePages(ext));
after(async () => {
  await ext?.close();
  await server?.close();
});

/** A panel with a fresh setup. */
async function freshPanel() {
  const page = await openPanel(ext);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'setup/new' }));
  await page.getByRole('textbox', { name: 'Realm SID' }).waitFor();
  await waitRevisionSettled(page);
  return page;
}

async function waitRevisionSettled(page) {
  const stored = await storedState(page);
  await page.locator(`body[data-revision="${stored.revision}"]`).waitFor();
}

const step = (page, id) => page.locator(`[data-step="${id}"]`);
/** A step's own button: the step is one line until the admin opens it. */
async function act(page, id, name) {
  const li = step(page, id);
  if (!(await li.locator('details').evaluate((d) => d.open))) await li.locator('summary').click();
  await li.getByRole('button', { name }).click();
}

test('a Realm SID shows both URLs, and Copy puts each on the clipboard', async () => {
  const page = await freshPanel();
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(` "${SID.toLowerCase().replace('jb', 'jb')}" `);
  await page.locator('#entity-id', { hasText: SID }).waitFor({ state: 'attached' });
  assert.equal(await page.locator('#entity-id').textContent(), `https://iam.twilio.com/v2/saml2/metadata/${SID}`);
  assert.equal(await page.locator('#reply-url').textContent(), `https://iam.twilio.com/v2/saml2/authenticate/${SID}`);
  await page.getByRole('button', { name: 'Copy Identifier (Entity ID)' }).click();
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    `https://iam.twilio.com/v2/saml2/metadata/${SID}`,
  );
  await page.getByRole('button', { name: 'Copy Reply URL' }).click();
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    `https://iam.twilio.com/v2/saml2/authenticate/${SID}`,
  );
});

test('an Account SID or a malformed SID shows the core message', async () => {
  const page = await freshPanel();
  const input = page.getByRole('textbox', { name: 'Realm SID' });
  await input.fill('AC0123456789abcdef0123456789abcdef');
  await page.getByRole('alert').filter({ hasText: 'Account SID' }).waitFor();
  assert.match(await page.locator('#realm-error').textContent(), /This is an Account SID .*starts with JB/);
  assert.equal(await page.locator('#computed').isHidden(), true);
  await input.fill('JB0123456789abcdef0123456789abcdeZ');
  await page.getByRole('alert').filter({ hasText: 'hexadecimal' }).waitFor();
  await input.fill('JB12');
  await page.getByRole('alert').filter({ hasText: '34 characters' }).waitFor();
});

test('Mark done, Undo and Start over work', async () => {
  const page = await freshPanel();
  await act(page, 'claims', 'Mark done');
  await page.locator('[data-step="claims"][data-status="done"]').waitFor();
  assert.equal(await step(page, 'claims').locator('details').evaluate((d) => d.open), false, 'folded to its line');
  assert.equal(await page.locator('#progress-text').textContent(), '1 of 11 done');
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '1');
  await act(page, 'claims', 'Undo');
  await page.locator('[data-step="claims"][data-status="todo"]').waitFor();
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(SID);
  await act(page, 'signing', 'Mark done');
  await page.locator('[data-step="signing"][data-status="done"]').waitFor();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(
    await page.locator('[data-step="signing"]').getAttribute('data-status'),
    'done',
    'Cancel keeps everything',
  );
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, start over' }).click();
  await page.locator('[data-step="signing"][data-status="todo"]').waitFor();
  await page.locator('#progress-text', { hasText: '0 of 11 done' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue(), '');
});

test('state survives a forced worker stop and a browser restart', async () => {
  let page = await freshPanel();
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(SID);
  await page.getByRole('textbox', { name: 'Workspace ID' }).fill('owlpress');
  await page.getByRole('textbox', { name: 'Workspace ID' }).blur();
  await act(page, 'create-app', 'Mark done');
  await page.locator('[data-step="create-app"][data-status="done"]').waitFor();
  await waitRevisionSettled(page);

  await stopWorker(ext, page);
  page = await openPanel(ext);
  assert.equal(await page.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue(), SID);
  assert.equal(await page.getByRole('textbox', { name: 'Workspace ID', includeHidden: true }).inputValue(), 'owlpress');
  assert.equal(await step(page, 'create-app').getAttribute('data-status'), 'done');

  ext = await ext.restart();
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await openPanel(ext);
  assert.equal(await page.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue(), SID);
  assert.equal(await page.getByRole('textbox', { name: 'Workspace ID', includeHidden: true }).inputValue(), 'owlpress');
  assert.equal(await step(page, 'create-app').getAttribute('data-status'), 'done');
  assert.equal(await page.locator('#entity-id').textContent(), `https://iam.twilio.com/v2/saml2/metadata/${SID}`);
});

test("the worker reads its wasm modules from the extension's own cache: this build's copies only", async () => {
  const { DIGESTS } = await import(resolve(import.meta.dirname, '../../dist/extension/wasm/digests.js'));
  const want = Object.entries(DIGESTS)
    .map(([file, digest]) => `https://wasm.invalid/${digest}/${file}`)
    .sort();
  let page = await freshPanel();
  const keys = () =>
    page.evaluate(async () => (await (await caches.open('wasm-modules')).keys()).map((r) => r.url).sort());
  // Kept at install; the panel's own first message may have written the first one too.
  for (let i = 0; i < 50 && JSON.stringify(await keys()) !== JSON.stringify(want); i++) await page.waitForTimeout(100);
  assert.deepEqual(await keys(), want);

  // A cold start now compiles from the cache, and answers as before.
  await stopWorker(ext, page);
  page = await openPanel(ext);
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(SID);
  await page.locator('#entity-id').filter({ hasText: SID }).waitFor();
  assert.deepEqual(await keys(), want);
});

test('20 rapid events sent at once are all kept, also into a just-stopped worker', async () => {
  const page = await freshPanel();
  const steps = [
    'create-app',
    'choose-saml',
    'basic-saml',
    'signing',
    'claims',
    'app-role',
    'assign-users',
    'twilio-sso',
    'test-sign-in',
    'certificate',
  ];
  for (const round of ['warm', 'cold']) {
    if (round === 'cold') await stopWorker(ext, page);
    const before = await page.evaluate(
      async () => (await chrome.storage.local.get('frontlineSso')).frontlineSso?.revision ?? 0,
    );
    const replies = await page.evaluate(
      ({ steps, round }) =>
        Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            chrome.runtime.sendMessage({
              type: 'setup/event',
              event: {
                type: 'observed',
                step: steps[i % steps.length],
                outcome: 'in-progress',
                what: `${round} event ${i}`,
                where: 'test',
              },
            }),
          ),
        ),
      { steps, round },
    );
    assert.ok(
      replies.every((r) => r.ok),
      JSON.stringify(replies.find((r) => !r.ok)),
    );
    const state = await storedState(page);
    assert.equal(state.revision, before + 20);
    const setup = state.setups[state.activeId];
    const whats = setup.checklist.steps
      .flatMap((s) => s.evidence.map((e) => e.what))
      .filter((w) => w.startsWith(round));
    assert.equal(new Set(whats).size, 20, `${round}: every event recorded once`);
  }
});

test("a content script gets only its own console's forms and no panel message; look-alikes get nothing", async () => {
  const panel = await freshPanel();
  const twilio = await ext.context.newPage();
  await twilio.goto('https://console.twilio.com/');
  await twilio.waitForTimeout(300); // its hello (which only records the tab) is in
  const before = await storedState(panel);
  const send = (msg) => evalInContentScript(twilio, `chrome.runtime.sendMessage(${JSON.stringify(msg)})`);
  // An Azure SAML pane forged on the Twilio host proves nothing: each console has its own forms.
  const forged = await send({
    type: 'page/snapshot',
    snapshot: {
      title: 'x',
      headings: ['Set up Single Sign-On with SAML'],
      fields: [],
      texts: [{ section: 'Basic SAML Configuration', label: 'Identifier (Entity ID)', value: 'forged' }],
      tables: [],
    },
  });
  assert.equal(forged.found, true, 'the content script runs on console.twilio.com');
  assert.equal(forged.value.ok, true);
  assert.equal(forged.value.value.form, null);
  for (const msg of [
    { type: 'setup/event', event: { type: 'markDone', step: 'twilio-sso' } },
    { type: 'state/get' },
    { type: 'setup/reset' },
  ]) {
    const r = await send(msg);
    assert.equal(r.value.error.code, 'forbidden', msg.type);
  }
  assert.equal((await send({ type: 'no/such/message' })).value.error.code, 'unknown_message');
  assert.deepEqual((await storedState(panel)).setups, before.setups, 'no setup changed');

  const lookalike = await ext.context.newPage();
  await lookalike.goto('https://portal.azure.com.example.test/');
  assert.equal(
    (await evalInContentScript(lookalike, '1', undefined, 1500)).found,
    false,
    'no content script on a look-alike host',
  );
});

test('the certificate card reads a file and a paste, and shows the findings', async () => {
  const page = await freshPanel();
  await page.getByLabel('Choose certificate file').setInputFiles(ENTRA_CERT);
  await page.locator('#cert-details', { hasText: 'A33533A86D6933F8B680EAE64AFFD9BE22AD4725' }).waitFor();
  assert.match(await page.locator('#cert-details').textContent(), /Microsoft Azure Federated SSO Certificate/);
  assert.match(await page.locator('#cert-findings li[data-code="expired"]').textContent(), /expired on 2026-11-16/);
  await page.locator('[data-step="certificate"][data-status="attention"]').waitFor();
  await page
    .getByLabel('Or paste the certificate')
    .fill(readFileSync(resolve(FIXTURES, 'realworld/unsuitable/malformed_pem_pysaml2.crt'), 'utf8'));
  await page.getByRole('button', { name: 'Use pasted certificate' }).click();
  await page.locator('#cert-error', { hasText: 'END' }).waitFor();
  await page.getByLabel('Or paste the certificate').fill(readFileSync(resolve(FIXTURES, 'generated/good.pem'), 'utf8'));
  await page.getByRole('button', { name: 'Use pasted certificate' }).click();
  await page.locator('[data-step="certificate"][data-status="done"]').waitFor();
  assert.equal(await page.locator('#cert-error').isHidden(), true);
});

test('Copy summary and Download JSON hold every value and every step', async () => {
  const page = await freshPanel();
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(SID);
  await page.getByRole('textbox', { name: 'Workspace ID' }).fill('owlpress');
  await page.getByRole('textbox', { name: 'Login URL' }).fill(`https://login.microsoftonline.com/${T}/saml2`);
  await page.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).fill(`https://sts.windows.net/${T}/`);
  await page.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).blur();
  await page.locator('[data-step="capture-idp"][data-status="done"]').waitFor();
  await page.getByLabel('Choose certificate file').setInputFiles(resolve(FIXTURES, 'generated/good_raw.cer'));
  await page.locator('[data-step="certificate"][data-status="done"]').waitFor();
  await act(page, 'create-app', 'Mark done');
  await page.locator('#progress-text', { hasText: '3 of 11 done' }).waitFor();

  await page.getByRole('button', { name: 'Copy summary' }).click();
  await page.locator('#toast', { hasText: 'Summary copied' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  const thumbprint = (await page.locator('#cert-details dd').nth(2).textContent()).trim();
  for (const needle of [
    SID,
    'owlpress',
    `https://iam.twilio.com/v2/saml2/metadata/${SID}`,
    `https://iam.twilio.com/v2/saml2/authenticate/${SID}`,
    `https://login.microsoftonline.com/${T}/saml2`,
    `https://sts.windows.net/${T}/`,
    thumbprint,
    '3 of 11 done',
  ]) {
    assert.ok(md.includes(needle), `summary lacks ${needle}:\n${md}`);
  }
  assert.equal(md.match(/^- \[[ x]\] \d+\./gm)?.length, 11, 'every step is listed');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `frontline-sso-${SID}.json`);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.setup.realmSidInput, SID);
  assert.equal(json.setup.workspaceId, 'owlpress');
  assert.equal(json.view.steps.length, 11);
  assert.equal(json.view.certificate.thumbprintSha1, thumbprint);
});

test('every control is labelled, the panel fits 320–500 px, and screenshots are taken', async () => {
  const page = await freshPanel();
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(SID);
  await page.getByRole('textbox', { name: 'Workspace ID' }).fill('owlpress');
  await page.getByRole('textbox', { name: 'Login URL' }).fill(`https://login.microsoftonline.com/${T}/saml2`);
  await page.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).fill(`https://sts.windows.net/${T}`);
  await page.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).blur();
  await page.locator('[data-step="capture-idp"][data-status="attention"]').waitFor();
  await page.getByLabel('Choose certificate file').setInputFiles(ENTRA_CERT);
  await page.locator('[data-step="certificate"][data-status="attention"]').waitFor();
  for (const id of ['create-app', 'choose-saml']) {
    await act(page, id, 'Mark done');
    await page.locator(`[data-step="${id}"][data-status="done"]`).waitFor();
  }
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, button, select, textarea')]
      .filter(
        (el) =>
          !(
            el.labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby') ||
            el.textContent.trim()
          ),
      )
      .map((el) => el.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
  // Keyboard: Tab reaches the next step's buttons, the pinned steps' and the checklist.
  await page.locator('#setup-select').focus();
  const reached = new Set();
  for (let i = 0; i < 24; i++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label')),
    );
  }
  const names = [...reached].join();
  // The real certificate has expired by today: the renewal leads, the attention steps are pinned.
  for (const want of ['Mark done: Add a new certificate', 'Undo: Signing certificate', 'remind-me', 'auto-fill']) {
    assert.ok(reached.has(want), `${want} not reached: ${names}`);
  }
  for (const width of [320, 500]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    const wide = await page.evaluate(
      (w) =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > w + 1)
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`),
      width,
    );
    assert.ok(overflow <= 0, `horizontal overflow at ${width}px: ${overflow} (${wide.slice(0, 8).join(' ')})`);
  }
  await page.setViewportSize({ width: 400, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'panel-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'panel-dark');
});

test('the toolbar button opens the side panel, and the manifest is the least that works', async () => {
  const worker = ext.worker();
  assert.deepEqual(await worker.evaluate(() => chrome.sidePanel.getPanelBehavior()), { openPanelOnActionClick: true });
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.name, 'Frontline SSO Assistant');
  assert.deepEqual(manifest.permissions.sort(), ['alarms', 'sidePanel', 'storage']);
  assert.equal(manifest.side_panel.default_path, 'extension/panel/panel.html');
  assert.deepEqual(Object.keys(manifest.icons).sort(), ['128', '16', '32', '48']);
});

test('several setups are kept, one per Realm SID, and the panel switches between them', async () => {
  const page = await freshPanel();
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(SID);
  await page.getByRole('textbox', { name: 'Realm SID' }).blur();
  await act(page, 'claims', 'Mark done');
  await page.locator('[data-step="claims"][data-status="done"]').waitFor();
  const first = await page.locator('#setup-select').inputValue();
  await page.getByRole('button', { name: 'New setup' }).click();
  await page.locator('#progress-text', { hasText: '0 of 11 done' }).waitFor();
  const other = 'JBffffffffffffffffffffffffffffffff';
  await page.getByRole('textbox', { name: 'Realm SID' }).fill(other);
  await page.getByRole('textbox', { name: 'Realm SID' }).blur();
  await page.locator('#entity-id', { hasText: other }).waitFor({ state: 'attached' });
  await page.getByLabel('Setup', { exact: true }).selectOption(first);
  await page.locator('#entity-id', { hasText: SID }).waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue(), SID);
  assert.equal(await step(page, 'claims').getAttribute('data-status'), 'done');
  assert.ok((await page.locator('#setup-select option').allTextContents()).includes(other));
});
