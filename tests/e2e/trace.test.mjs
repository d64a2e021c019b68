// A SAML-tracer export chosen in the panel (issue 30): the core reads it against the active setup,
// the panel shows the timeline once, and only the verdict is stored, never the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { SID, newSetupWithSid, openPasteBox } from './azure-helpers.mjs';
import { launch, openPanel } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';

const TRACES = resolve(import.meta.dirname, '../fixtures/generated/traces');
let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('a SAML-tracer export shows its timeline and the step to fix; only the verdict is stored', async () => {
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
  try {
    const panel = await openPanel(ext);
    await newSetupWithSid(panel, SID);
    await openPasteBox(panel);
    await panel.getByLabel('Or choose a SAML-tracer export or a HAR file').setInputFiles(resolve(TRACES, 'aadsts50011.saml-tracer.json'));
    await panel.locator('#trace-result').waitFor();
    assert.match(await panel.locator('#trace-h').textContent(), /aadsts50011\.saml-tracer\.json: 1 of 3 requests with SAML/);
    const items = panel.locator('#trace-timeline li');
    assert.equal(await items.count(), 1);
    assert.equal(await items.first().getAttribute('data-kind'), 'request');
    await panel.locator('#trace-timeline [data-code="request_acs_mismatch"]').waitFor({ state: 'attached' });
    // The verdict is the test sign-in's diagnosis: Basic SAML Configuration is the step to fix.
    await panel.locator('#signin-failure').waitFor();
    assert.match(await panel.locator('#signin-failure-summary').textContent(), /Step to fix: 3\. Basic SAML Configuration/);
    const stored = await panel.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    assert.ok(!stored.includes('SAMLRequest') && !stored.includes('User-Agent'), 'nothing of the file is stored');
    // Dropped on the test sign-in card, the same.
    const text = readFileSync(resolve(TRACES, 'aadsts700016.saml-tracer.json'), 'utf8');
    await panel.evaluate((t) => {
      const data = new DataTransfer();
      data.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
      document.getElementById('signin-card').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await panel.locator('#trace-h', { hasText: 'dropped.json' }).waitFor();
    await panel.locator('#trace-timeline [data-code="request_issuer_mismatch"]').waitFor({ state: 'attached' });
    // A file that is not a trace is named as such.
    await panel.getByLabel('Or choose a SAML-tracer export or a HAR file').setInputFiles(resolve(TRACES, 'no_saml.saml-tracer.json'));
    await panel.locator('#trace-h', { hasText: 'Not a trace' }).waitFor();
    assert.match(await panel.locator('#trace-verdict').textContent(), /no SAML at all/);
  } finally {
    await ext.close();
  }
});
