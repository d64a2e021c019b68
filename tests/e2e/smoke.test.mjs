// Smoke test: dist/ loads as an unpacked MV3 extension, its service worker instantiates the
// wasm under the extension CSP, and the panel gets the core's answers through the worker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openPanel } from './harness.mjs';

let ext;
before(async () => { ext = await launch(); });
after(async () => { await ext?.close(); });

test('service worker loads the wasm core and the panel shows the realm URLs', async () => {
  const page = await openPanel(ext);
  await assert.doesNotReject(page.locator('#core-version').filter({ hasText: /^\d+\.\d+\.\d+$/ }).waitFor({ timeout: 10000 }));
  await page.getByRole('textbox', { name: 'Realm SID' }).fill('JB0123456789abcdef0123456789abcdef');
  await page.locator('#entity-id').filter({ hasText: 'metadata' }).waitFor();
  assert.equal(await page.locator('#entity-id').textContent(), 'https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef');
  assert.equal(await page.locator('#reply-url').textContent(), 'https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef');
  // For the README (copied into docs/ by hand when the panel changes); tests/output/ is git-ignored.
  await page.setViewportSize({ width: 400, height: 420 });
  await page.screenshot({ path: new URL('../output/panel-smoke.png', import.meta.url).pathname });
});

test('an Account SID shows the core message', async () => {
  const page = await openPanel(ext);
  await page.getByRole('textbox', { name: 'Realm SID' }).fill('AC0123456789abcdef0123456789abcdef');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Account SID.*JB/);
});

test('the manifest carries the Cargo version and the wasm CSP', async () => {
  const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
});
