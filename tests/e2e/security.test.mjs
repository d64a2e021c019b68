// Frames: a console page framed by any other site gets nothing, neither fills nor evidence,
// while the same page on its own is filled. And nothing of the extension can be loaded by a page.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { readyForTwilio, stepStatus, until } from './azure-helpers.mjs';
import { closeSitePages, launch, openPanel } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { TENANT } from './tenant.mjs';

const SSO_URL = /SSO URL|Single Sign-On URL/;
let server;
let ext;
let panel;
before(async () => {
  server = await startServer();
  ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
  panel = await openPanel(ext);
  // Everything the Twilio form needs, so that a page that may be filled is filled at once.
  await readyForTwilio(panel, TENANT);
});
afterEach(() => closeSitePages(ext));
after(async () => {
  await ext?.close();
  await server?.close();
});

test('a console framed by a look-alike site is neither read nor filled', async () => {
  const frames = [
    [
      'the Twilio Console',
      'https://console.twilio.com/frontline/sso',
      (f) => f.getByRole('textbox', { name: SSO_URL }),
    ],
    [
      'an Azure portal blade',
      'https://sandbox-1.reactblade.portal.azure.net/blade.html?blade=basic-edit',
      (f) => f.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first(),
    ],
  ];
  for (const [name, src, control] of frames) {
    const page = await ext.context.newPage();
    await page.goto(`https://console.twilio.com.example.test/_frame?${new URLSearchParams({ src })}`);
    const frame = page.frameLocator('iframe[title=console]');
    await control(frame).waitFor();
    await page.waitForTimeout(1500); // a fill on a trusted page lands well within this
    assert.equal(await control(frame).inputValue(), '', `${name}: not filled`);
    await page.close();
  }
  assert.equal(await stepStatus(panel, 'twilio-sso'), 'todo', 'no evidence from a framed page');
  assert.equal(await stepStatus(panel, 'basic-saml'), 'todo', 'no evidence from a framed page');
  // The same Twilio page on its own is filled.
  const page = await ext.context.newPage();
  await page.goto('https://console.twilio.com/frontline/sso');
  await until(
    async () =>
      (await page.getByRole('textbox', { name: SSO_URL }).inputValue()) ===
      `https://login.microsoftonline.com/${TENANT}/saml2`,
    { what: 'the top-level page filled' },
  );
});

test('no file of the extension can be loaded by a page', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://console.twilio.com/frontline/sso');
  for (const path of ['extension/content/main.js', 'extension/messages.js', 'extension/hosts.js', 'manifest.json']) {
    const loaded = await page.evaluate(
      async (url) =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      `chrome-extension://${ext.extensionId}/${path}`,
    );
    assert.equal(loaded, false, path);
  }
});
