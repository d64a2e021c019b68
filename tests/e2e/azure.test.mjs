// The Azure portal on the real extension, in every dialect of the replica portal (Fx:
// Knockout blades in the top page; Fluent: React blades in iframes): each setup form is
// recognised, filled as a person would, verified from what the portal saved, and what Twilio
// needs is captured. Nothing outside the recognised form is ever touched.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { AZURE_PATH, ENTITY_ID, REPLY_URL, SID, isEnabled, newSetupWithSid, openBlade, shownValue, stepStatus, thumbprintOf, until, waitStep, withAgents } from './azure-helpers.mjs';
import { closeSitePages, launch, openPanel, screenshot, stopWorker } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { AZURE_DIALECTS, TENANT } from './tenant.mjs';

const GOOD_THUMBPRINT = thumbprintOf('generated/good.pem');
const CERT = { thumbprint: GOOD_THUMBPRINT, expiration: '1/1/2028, 12:00:00 AM', metadataHost: 'login.microsoftonline.com', metadataFile: 'good' };
let server;
let ext;
let panel;
before(async () => {
  server = await startServer();
  // Optional host permissions granted up front: see distWithOptionalGranted() in harness.mjs.
  ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  panel = await openPanel(ext);
});
afterEach(() => closeSitePages(ext));
after(async () => {
  await ext?.close();
  await server?.close();
});

const COMMIT_BUTTONS = /^(Save|Create|Apply|Add user\/group|\+ Add user\/group|Assign|Discard|Discard changes|Cancel|Reset)$/;
/** The extension never pressed a commit button: every such click the replica logged was ours. */
function assertOnlyOurClicks(expected) {
  assert.deepEqual(server.tenant().clicks.map((c) => c.name).filter((n) => COMMIT_BUTTONS.test(n)), expected);
}

for (const dialect of AZURE_DIALECTS) {
  describe(`Azure portal, ${dialect} dialect`, () => {
    const seed = (patch = {}) => server.seed({ dialect, ...patch });

    test('every Azure form, in the guide order, filled as a person types and verified from what was saved', async () => {
      seed({ certificate: CERT });
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      server.seed(withAgents(server.tenant()));
      for (const step of AZURE_PATH) await step.run(page, panel, assert);
      assert.deepEqual(server.tenant().basic.identifiers, [{ value: ENTITY_ID, isDefault: true }]);
      assert.equal(await panel.getByRole('textbox', { name: 'Login URL', includeHidden: true }).inputValue(), `https://login.microsoftonline.com/${TENANT}/saml2`);
      assert.equal(await panel.getByRole('textbox', { name: 'Microsoft Entra Identifier', includeHidden: true }).inputValue(), `https://sts.windows.net/${TENANT}/`);
      assert.match(await panel.locator('#cert-details').textContent(), new RegExp(GOOD_THUMBPRINT));
      assert.match(await panel.locator('[data-step="assign-users"] .evidence').textContent(), /^2 of 120 assignments have the role Agent/);
      assertOnlyOurClicks(['Create', 'Save', 'Save', 'Save', 'Save', 'Apply']);
      // A new app's rows: the Fx blade has none until the extension clicks its row-adders.
      const extended = server.tenant().extends.map((e) => e.name);
      assert.deepEqual(extended, dialect === 'fx' ? ['Add identifier', 'Add reply URL'] : []);
      for (const id of ['create-app', 'choose-saml', 'basic-saml', 'signing', 'claims', 'capture-idp', 'certificate', 'app-role', 'assign-users']) {
        assert.equal(await stepStatus(panel, id), 'done', id);
      }
      await screenshot(panel, `panel-azure-done-${dialect}`);
    });

    test('with a second blade, the search box and a context pane open, nothing outside the recognised form changes', async () => {
      seed({ certificate: CERT });
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      const extra = 'search=open&pane=open';
      // The search box's recent searches are role=option links with the very texts the
      // drop-downs offer; the context pane has "Name", "Value" and "Reply URL" boxes.
      for (const [blade, done] of [
        ['basic-edit', async (b) => (await b.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue()) === REPLY_URL],
        ['signing-edit', async (b) => (await shownValue(b.getByRole('combobox', { name: 'Signing Option' }))) === 'Sign SAML response and assertion'],
        ['claims&add', async (b) => (await shownValue(b.getByRole('combobox', { name: 'Source attribute' }).first())) === 'user.mail'],
      ]) {
        const b = await openBlade(page, blade, { extra });
        const hash = await page.evaluate(() => location.hash);
        await until(() => done(b), { what: `${blade} filled` });
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => location.hash), hash, 'no search history link was followed');
        assert.equal(await page.getByRole('combobox', { name: /^Search resources/ }).inputValue(), '');
        assert.equal(await page.locator('#search-results [role=option]').count(), 4);
        if (dialect === 'fx') {
          for (const name of ['Name', 'Value', 'Reply URL']) {
            assert.equal(await page.getByRole('complementary', { name: 'Settings' }).getByRole('textbox', { name }).inputValue(), '', `context pane ${name}`);
          }
          // The SAML pane beside the edit blade is read, not touched.
          if (blade !== 'claims&add') assert.equal(await page.locator('#journey .fxs-blade').count(), 2);
        }
      }
      assertOnlyOurClicks([]);
    });

    test('the replica is at least as hard as the portal: naive fills and naive readers fail, the extension does not', async () => {
      seed();
      await newSetupWithSid(panel);
      await panel.getByLabel('Fill forms automatically').uncheck();
      try {
        await until(async () => (await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'state/get' }))).value.prefs.autoFill === false, { what: 'toggle stored' });
        const page = await ext.context.newPage();
        const frameOf = () => page.frames().find((f) => f.url().includes('reactblade')) ?? page.mainFrame();
        // A naive fill from the page's own world: `.value =` and an input event.
        let blade = await openBlade(page, 'app-roles&add');
        await blade.getByRole('textbox', { name: /^Display name/ }).waitFor();
        await frameOf().evaluate(() => {
          const el = [...document.querySelectorAll('input')].find((i) => /Display name/.test(i.labels?.[0]?.textContent ?? document.getElementById(i.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''));
          el.value = 'Agent';
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
        // React throws the value away at its next render; Fx takes it only on change or blur.
        await blade.getByRole('radio', { name: 'Users/Groups', exact: true }).click();
        await page.waitForTimeout(200);
        assert.equal(await isEnabled(blade.getByRole('button', { name: 'Apply' })), false, 'the form did not take it');
        // A naive reader: definition lists only, and names compared whole.
        blade = await openBlade(page, 'saml');
        await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
        const naive = await frameOf().evaluate(() => ({
          dl: [...document.querySelectorAll('dt')].map((d) => d.textContent),
          labels: [...document.querySelectorAll('label')].filter((l) => l.htmlFor).map((l) => l.textContent),
        }));
        assert.ok(!naive.dl.includes('Identifier (Entity ID)'), 'no <dl> holds the saved identifier');
        blade = await openBlade(page, 'signing-edit');
        const names = await frameOf().evaluate(() => [...document.querySelectorAll('[role=combobox]')].map((c) => (c.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim()));
        assert.ok(!names.includes('Signing Option'), `an exact-name matcher finds no "Signing Option" among ${JSON.stringify(names)}`);
        // Options exist only while a list is open (Fx draws them at the end of the page, Fluent in a layer).
        assert.equal(await frameOf().evaluate(() => document.querySelectorAll('[role=option], [role=treeitem]').length - document.querySelectorAll('#search-results [role=option]').length), 0);
        // The extension reads both: the pane proved the app exists, and on demand it fills.
        await waitStep(panel, 'choose-saml', 'done');
        blade = await openBlade(page, 'app-roles&add');
        await blade.getByRole('textbox', { name: /^Display name/ }).waitFor();
        assert.equal(await blade.getByRole('textbox', { name: /^Value/ }).inputValue(), '', 'with the toggle off nothing was filled');
        await page.bringToFront();
        await panel.getByRole('button', { name: 'Fill this page' }).click();
        await until(() => isEnabled(blade.getByRole('button', { name: 'Apply' })), { what: 'filled on demand' });
        assertOnlyOurClicks([]);
      } finally {
        await panel.getByLabel('Fill forms automatically').check();
      }
    });

    test('a blade that renders 6 s late and a list that opens 1.2 s late are still filled, with no polling', async () => {
      seed({ popupDelay: 1200 });
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      await page.goto('https://portal.azure.com/#blade=signing-edit&slow=6000');
      await page.waitForTimeout(5000);
      assert.equal(await page.locator('#journey').evaluate((j) => j.children.length), 0, 'not drawn yet');
      const blade = await openBlade(page, 'signing-edit', { extra: 'slow=6000' });
      await until(async () => (await shownValue(blade.getByRole('combobox', { name: 'Signing Option' }))) === 'Sign SAML response and assertion', { timeout: 20000, what: 'option chosen from a late list' });
      await waitStep(panel, 'signing', 'in-progress');
    });

    test('a different saved value is never overwritten; after Replace it is', async () => {
      seed({ basic: { identifiers: [{ value: 'https://example.test/old-entity', isDefault: true }], replyUrls: [], signOnUrl: '', relayState: '', logoutUrl: '' } });
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      const blade = await openBlade(page, 'basic-edit');
      const id = blade.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first();
      await until(async () => (await blade.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue()) === REPLY_URL, { what: 'reply URL filled' });
      await panel.locator('[data-conflict="basic-saml/identifier"]').waitFor();
      assert.equal(await id.inputValue(), 'https://example.test/old-entity', 'not overwritten');
      await waitStep(panel, 'basic-saml', 'attention');
      await page.bringToFront(); // "Fill this page" targets the last supported tab the admin used
      await panel.getByRole('button', { name: 'Replace Identifier (Entity ID)' }).click();
      await until(async () => (await id.inputValue()) === ENTITY_ID, { what: 'replaced' });
      await panel.locator('[data-conflict]').first().waitFor({ state: 'detached' });
      assertOnlyOurClicks([]);
    });

    test('a typo saved in the portal is detected, and the old identifier label is captured', async () => {
      seed({
        identifierLabel: 'Azure AD Identifier',
        basic: { identifiers: [{ value: ENTITY_ID, isDefault: true }], replyUrls: [{ value: `${REPLY_URL.slice(0, -1)}x`, isDefault: true }], signOnUrl: '', relayState: '', logoutUrl: '' },
      });
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      await openBlade(page, 'saml');
      await waitStep(panel, 'basic-saml', 'attention');
      assert.match(await panel.locator('[data-step="basic-saml"] .evidence').textContent(), /Reply URL \(Assertion Consumer Service URL\) is ".*x" but should be ".*"/);
      await waitStep(panel, 'capture-idp', 'done');
      assert.equal(await panel.getByRole('textbox', { name: 'Microsoft Entra Identifier', includeHidden: true }).inputValue(), `https://sts.windows.net/${TENANT}/`);
      await waitStep(panel, 'signing', 'attention'); // Entra's default "Sign SAML assertion"
    });

    test('a service-worker stop in the middle of a form loses nothing', async () => {
      seed();
      await newSetupWithSid(panel);
      const page = await ext.context.newPage();
      const blade = await openBlade(page, 'basic-edit');
      await until(async () => (await blade.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue()) === REPLY_URL, { what: 'filled' });
      await waitStep(panel, 'basic-saml', 'in-progress');
      await stopWorker(ext, panel);
      await blade.getByRole('button', { name: 'Save' }).click(); // the admin saves after the worker died
      await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
      await waitStep(panel, 'basic-saml', 'done');
      assert.equal(await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue(), SID);
    });
  });
}

test('an expired certificate from the real Entra metadata needs attention', async () => {
  const T = 'a9054a0f-2011-4e31-b3ac-fd8c354146ec';
  server.seed({ tenant: T, certificate: { thumbprint: 'A33533A86D6933F8B680EAE64AFFD9BE22AD4725', expiration: '11/16/2026, 8:41:29 PM', metadataHost: 'login.microsoftonline.com', metadataFile: 'ssoready' } });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await openBlade(page, 'saml');
  await waitStep(panel, 'certificate', 'attention');
  assert.match(await panel.locator('#cert-findings li[data-code="expired"]').textContent(), /expired on 2026-11-16/);
  assert.match(await panel.locator('#cert-details').textContent(), /A33533A86D6933F8B680EAE64AFFD9BE22AD4725/);
  // An expired certificate is due for renewal: the panel leads there.
  await panel.locator('#next-card[data-next-step="renew-add"]').waitFor();
  // The panel's own button runs the same fetch again (its card folded once the values were captured).
  await panel.locator('#captured-card > summary').click();
  await panel.getByRole('button', { name: 'Fetch certificate from Entra' }).click();
  await panel.locator('#toast', { hasText: 'federation metadata' }).waitFor();
});

test('a worker stopped during the metadata fetch fetches again at its next look at the page', async () => {
  server.seed({ certificate: { ...CERT, metadataFile: 'slow' } });
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await openBlade(page, 'saml');
  await until(async () => server.metadataRequests('slow') === 1, { what: 'the first fetch under way' });
  await stopWorker(ext, panel); // the fetch dies with the worker
  // One look at the page, at once; then the page is quiet.
  await openBlade(page, 'signing-edit');
  await waitStep(panel, 'certificate', 'done');
  assert.equal(server.metadataRequests('slow'), 2);
});

test('a look-alike host gets nothing', async () => {
  await newSetupWithSid(panel);
  const page = await ext.context.newPage();
  await page.goto('https://portal.azure.com.example.test/blade.html?blade=basic-edit');
  await page.getByRole('heading', { name: 'Basic SAML Configuration' }).waitFor();
  await page.waitForTimeout(800);
  assert.equal(await page.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().inputValue(), '');
  assert.equal(await stepStatus(panel, 'basic-saml'), 'todo');
});
