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

test('content scripts get no storage, and the panel links only to Microsoft and Twilio, whatever is stored', async () => {
  // Its own browser: the scripting permission (granted up front) runs code in the content
  // scripts' world, as a page that got hold of it would.
  const own = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  try {
    const p = await openPanel(own);
    await readyForTwilio(p, TENANT); // a setup stored
    const page = await own.context.newPage();
    // A host the test copy may script (its optional hosts are granted): the world is the same.
    await page.goto('https://login.microsoftonline.com/x/federationmetadata/2007-06/federationmetadata.xml');
    const tried = await p.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://login.microsoftonline.com/*' });
      const [done] = await chrome.scripting.executeScript({
        target: { tabId: /** @type {number} */ (tab.id) },
        world: 'ISOLATED',
        func: async () => {
          try {
            await chrome.storage.local.set({ frontlineSso: { forged: true } });
            return 'written';
          } catch (e) {
            return `refused: ${e instanceof Error ? e.message : e}`;
          }
        },
      });
      return done.result;
    });
    assert.match(String(tried), /^refused/, 'a content script wrote the stored setups');
    // What a content script could once have stored: a look-alike portal as the app's origin,
    // and a lookup link to anywhere. The panel shows neither.
    await p.evaluate(async () => {
      const { frontlineSso: state } = await chrome.storage.local.get('frontlineSso');
      const setup = state.setups[state.activeId];
      const guid = '6b1a2b3c-0000-4000-8000-00000000000b';
      setup.portal.app = { origin: 'https://portal.azure.com.evil.test', objectId: guid, appId: guid };
      setup.signInFailure = { at: 1, source: 'x', code: 50011, lookupUrl: 'https://evil.test/', values: [] };
      await chrome.storage.local.set({ frontlineSso: { ...state, revision: state.revision + 1 } });
    });
    await p.reload();
    await p.locator('#signin-failure-lookup').waitFor({ state: 'attached' });
    const hrefs = await p.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      const host = new URL(String(href)).hostname;
      assert.ok(!host.includes('evil'), `${href} is shown`);
    }
    assert.equal(await p.locator('#signin-failure-lookup').getAttribute('href'), 'https://login.microsoftonline.com/error?code=50011');
  } finally {
    await own.close();
  }
});
