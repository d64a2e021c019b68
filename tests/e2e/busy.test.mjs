// The portal's busy top page (issue 26; replica/_shared/busy.js): a sidebar, favourites, a
// resource grid of 400 rows and notifications around the Fx blades, with a spinner ticking
// every 100 ms, clocks every second and tooltips every 3 s. The Basic SAML blade is still filled
// and verified there; and while the admin does nothing, the ticking never makes the extension
// read the page again (a pass would see the clock's new text and tell the worker).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENTITY_ID, REPLY_URL, newSetupWithSid, until, waitStep } from './azure-helpers.mjs';
import { replicaSession } from './harness.mjs';
import { freshTenant } from './tenant.mjs';

let server;
let ext;
let panel;
replicaSession({}, (s) => ({ server, ext, panel } = s));

/** Count the snapshots content scripts send the worker from now on. */
async function countSnapshots() {
  await ext.worker().evaluate(() => {
    const w = /** @type {any} */ (self);
    w.__snapshots = 0;
    if (!w.__counting) chrome.runtime.onMessage.addListener((m) => void (m?.type === 'page/snapshot' && w.__snapshots++));
    w.__counting = true;
  });
  return () => ext.worker().evaluate(() => /** @type {any} */ (self).__snapshots);
}

test('on the busy portal page the Basic SAML blade is filled and verified, and the ticking is never read', async () => {
  server.seed({ ...freshTenant(), dialect: 'fx' });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await page.goto('https://portal.azure.com/#blade=basic-edit&busy=400');
  const blade = page.locator('#journey .fxs-blade').last();
  const box = (name) => blade.getByRole('textbox', { name }).first();
  await until(async () => (await box(/Identifier/).inputValue()) === ENTITY_ID, { what: 'identifier filled' });
  await until(async () => (await box(/Reply URL/).inputValue()) === REPLY_URL, { what: 'reply URL filled' });
  await waitStep(panel, 'basic-saml', 'in-progress');
  assert.ok((await page.locator('[role=grid] [role=row]').count()) > 400, 'the busy page is there');

  await page.waitForTimeout(1000); // the fills' own echoes settle
  const snapshots = await countSnapshots();
  await page.waitForTimeout(4000); // 40 spinner ticks, 4 clock ticks, a tooltip
  assert.equal(await snapshots(), 0, 'nothing the page did was a change for the extension');

  // The portal redraws the Identifier box with another value: seen, and filled back.
  await blade.locator('input.azc-input').first().evaluate((el) => {
    const again = /** @type {HTMLInputElement} */ (el.cloneNode(true));
    again.value = '';
    el.replaceWith(again);
  });
  await until(async () => (await box(/Identifier/).inputValue()) === ENTITY_ID, { what: 'identifier filled again' });
  assert.deepEqual(server.tenant().clicks, [], 'nothing saved');
});
