// The whole journey on the replica pages, from an empty profile: the Twilio page gives the
// Realm SID; every Azure form in the guide's order; the Twilio page is filled and saved.
// The worker is force-stopped between every two steps and the browser restarted once.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AZURE_PATH, ENTITY_ID, REPLY_URL, SID, openBlade, thumbprintOf, until, waitStep, withAgents } from './azure-helpers.mjs';
import { OUTPUT, launch, openPanel, screenshot, stopWorker } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';
import { words } from './i18n.mjs';
import { assertBadge, assertLeads, layout } from './panel-layout.mjs';
import { TENANT, freshTenant } from './tenant.mjs';

const GOOD_THUMBPRINT = thumbprintOf('generated/good.pem');
const LOGIN = `https://login.microsoftonline.com/${TENANT}/saml2`;
const ISSUER = `https://sts.windows.net/${TENANT}/`;
const CERT = { thumbprint: GOOD_THUMBPRINT, expiration: '1/1/2028, 12:00:00 AM', metadataHost: 'login.microsoftonline.com', metadataFile: 'good' };

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

/** The Twilio Console SSO page, filled by the extension; the admin saves. */
async function twilioFillAndSave(page, panel, url = 'https://console.twilio.com/frontline/sso') {
  await page.goto(url);
  // Either naming: "SSO URL" (2022) or "Single Sign-On URL" (today).
  const field = (name) => page.getByRole('textbox', { name });
  await until(async () => (await field(/^(Required: )?(SSO URL|Single Sign-On URL)/).inputValue()) === LOGIN, { what: 'SSO URL filled' });
  assert.equal(await field(/Identity provider issuer/i).inputValue(), ISSUER);
  assert.equal(await field(/Workspace ID/).inputValue(), 'owlpress');
  assert.match(await field(/X\.509 Certificate/).inputValue(), /^-----BEGIN CERTIFICATE-----\n/);
  await waitStep(panel, 'twilio-sso', 'in-progress');
  await page.getByRole('button', { name: 'Save' }).click(); // the admin's click
  await page.getByRole('status').filter({ hasText: 'saved' }).waitFor();
  await waitStep(panel, 'twilio-sso', 'done');
}

/** Each Azure dialect meets each Twilio dialect, and the portal is also journeyed in German and Japanese. */
const JOURNEYS = [
  { dialect: 'fx', lang: 'en', twilio: 'paste2022' },
  { dialect: 'fluent', lang: 'en', twilio: 'today' },
  { dialect: 'fx', lang: 'de', twilio: 'today' },
  { dialect: 'fluent', lang: 'ja', twilio: 'paste2022' },
];

for (const { dialect, lang, twilio } of JOURNEYS) {
  const t = words(lang);
  const name = lang === 'en' ? dialect : `${dialect}-${lang}`;
  const title = `journey (${dialect} portal in ${lang}, ${twilio} console): an empty profile to 10 of 11 done`;
  // One browser for the whole journey; each phase is a subtest, and a failed one skips the rest.
  test(`${title}, through worker stops and a restart`, async (journey) => {
    let failed = '';
    const phase = {
      test: (what, fn) =>
        journey.test(what, { skip: failed ? `after "${failed}" failed` : false }, async () => {
          try {
            await fn();
            // At every point of the journey the panel leads with the next step, and the badge follows.
            await assertLeads(panel, what);
            await assertBadge(panel, what);
          } catch (e) {
            failed = what;
            throw e;
          }
        }),
    };
    server.seed(withAgents({ ...freshTenant(), dialect, lang, certificate: CERT, twilio: { ...freshTenant().twilio, dialect: twilio } }));
    let ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
    let panel;
    let page;
    try {
      await phase.test('an empty profile opens the panel', async () => {
        panel = await openPanel(ext);
        mkdirSync(OUTPUT, { recursive: true });
        await screenshot(panel, `journey-1-start-${name}`);
        page = await ext.context.newPage();
      });

      await phase.test('the Twilio page gives the Realm SID and the company name; nothing to fill yet', async () => {
        await page.goto('https://console.twilio.com/frontline/sso');
        await until(async () => (await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue()) === SID, { what: 'Realm SID captured' });
        assert.equal(await panel.getByRole('textbox', { name: 'Workspace ID', includeHidden: true }).inputValue(), 'owlpress');
        await waitStep(panel, 'twilio-sso', 'attention');
        assert.match(await panel.locator('[data-step="twilio-sso"] .evidence').textContent(), /^Not filled: the Login URL and Microsoft Entra Identifier are not captured yet/);
        assert.equal(await page.getByRole('textbox', { name: /SSO URL|Single Sign-On URL/ }).inputValue(), '');
        await stopWorker(ext, panel);
      });

      // Every Azure form in the guide's order, the worker stopped after each, the browser restarted once.
      for (const step of AZURE_PATH) {
        await phase.test(`Azure: ${step.name}`, async () => {
          await step.run(page, panel, assert, t);
          await stopWorker(ext, panel);
          if (step.name === 'signing') {
            await screenshot(panel, `journey-2-middle-${name}`);
            ext = await ext.restart(); // on the same profile
            panel = await openPanel(ext);
            page = await ext.context.newPage();
            await waitStep(panel, 'signing', 'done');
          }
        });
      }

      await phase.test("the steps' links open this app's own blades, with the ids the portal's URL showed", async () => {
        const { objectId, appId } = server.tenant();
        const href = (id) => panel.locator(`[data-step="${id}"] a`).getAttribute('href');
        const app = `objectId/${objectId}/appId/${appId}`;
        assert.equal(await href('basic-saml'), `https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/SignOn/${app}`);
        assert.equal(await href('signing'), await href('basic-saml'), 'the certificates are a section of the same blade');
        assert.equal(await href('assign-users'), `https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Users/${app}`);
        assert.equal(await href('app-role'), `https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/AppRoles/appId/${appId}/isMSAApp~/false`);
        assert.match(await href('create-app'), /StartboardApplicationsMenuBlade/, 'the app did not exist yet: the list');
        assert.equal(await href('twilio-sso'), 'https://www.twilio.com/console/frontline/sso');
        // The portal opens that very blade from the link.
        const opened = await ext.context.newPage();
        await opened.goto(await href('assign-users'));
        const title = opened.locator('#journey .fxs-blade-title, #journey iframe');
        await title.first().waitFor();
        const scope = (await opened.locator('#journey iframe').count()) ? opened.frameLocator('#journey iframe') : opened;
        await scope.locator('h1, h2.fxs-blade-title', { hasText: t('Users and groups') }).first().waitFor();
        await opened.close();
      });

      await phase.test("the panel names the portal's places in the portal's language, and its own in English", async () => {
        assert.equal(await panel.locator('#entity-id-label').textContent(), t('Identifier (Entity ID)'));
        assert.equal(await panel.locator('[data-step="basic-saml"] .title').textContent(), `3. ${t('Basic SAML Configuration')}`);
        assert.equal(await panel.locator('#steps-h').textContent(), 'Checklist');
      });

      await phase.test('the Twilio page is filled from what Entra produced, and the admin saves it', async () => {
        await page.bringToFront();
        await twilioFillAndSave(page, panel);
        const saved = server.tenant().twilio.saved;
        assert.deepEqual({ ...saved, certificate: saved.certificate.slice(0, 27) }, { workspaceId: 'owlpress', issuer: ISSUER, ssoUrl: LOGIN, certificate: '-----BEGIN CERTIFICATE-----' });
      });

      await phase.test('10 of 11: only the test sign-in is left, and only the admin clicked commit buttons', async () => {
        await panel.locator('#progress-text', { hasText: '10 of 11 done' }).waitFor();
        assert.equal(await panel.locator('[data-step="test-sign-in"]').getAttribute('data-status'), 'todo');
        // In the panel's 400 × 800 px: the whole next card in view, and the panel short.
        const l = await layout(panel);
        assert.equal(l.next, 'test-sign-in');
        assert.ok(l.bottom <= 800, `the next step's card ends in view (${l.bottom}px)`);
        assert.ok(l.height < 1600, `the whole panel is ${l.height}px tall`);
        console.log(`panel at 10 of 11 (${name}): ${l.height}px tall, next card ends at ${l.bottom}px`);
        const clicks = server.tenant().clicks.map((c) => c.name);
        assert.deepEqual(clicks, ['Create', 'Save', 'Save', 'Save', 'Save', 'Apply', 'Save']);
      });

      await phase.test('the Markdown summary holds every value, the certificate and each step', async () => {
        await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await panel.getByRole('button', { name: 'Copy summary' }).click();
        await panel.locator('#toast', { hasText: 'Summary copied' }).waitFor();
        const md = await panel.evaluate(() => navigator.clipboard.readText());
        for (const v of [SID, 'owlpress', ENTITY_ID, REPLY_URL, LOGIN, ISSUER, GOOD_THUMBPRINT, '2028-01-01T00:00:00Z', '10 of 11 done', 'Test sign-in — **To do**']) {
          assert.ok(md.includes(v), `summary lacks ${v}`);
        }
        assert.equal(md.match(/^- \[x\]/gm)?.length, 10);
        await panel.setViewportSize({ width: 400, height: 800 });
        await screenshot(panel, `journey-3-end-${name}`);
      });
    } finally {
      await ext.close();
    }
  });
}

test('journey: a half-finished app with wrong values; each problem is named and fixed after Replace', async () => {
  server.seed(withAgents({
    ...freshTenant(),
    certificate: CERT,
    basic: { identifiers: [{ value: ENTITY_ID, isDefault: true }], replyUrls: [{ value: `${REPLY_URL}x`, isDefault: true }], signOnUrl: '', relayState: '', logoutUrl: '' },
    claims: [...freshTenant().claims, { name: 'email', type: 'SAML', value: 'user.mail' }],
  }));
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  try {
    const panel = await openPanel(ext);
    const page = await ext.context.newPage();
    await page.goto('https://www.twilio.com/console/frontline/sso'); // the older console URL
    await until(async () => (await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue()) === SID, { what: 'Realm SID captured' });

    // The SAML pane names each problem.
    await openBlade(page, 'saml');
    await waitStep(panel, 'basic-saml', 'attention');
    assert.match(await panel.locator('[data-step="basic-saml"] .evidence').textContent(), /Reply URL \(Assertion Consumer Service URL\) is ".*x" but should be/);
    await waitStep(panel, 'signing', 'attention');
    assert.match(await panel.locator('[data-step="signing"] .evidence').textContent(), /Sign SAML assertion.*Frontline needs "Sign SAML response and assertion"/);
    await waitStep(panel, 'claims', 'in-progress');
    assert.match(await panel.locator('[data-step="claims"] .evidence').textContent(), /roles is missing/);
    await stopWorker(ext, panel);

    // Basic SAML: the typo is a conflict, replaced only after the admin's Replace.
    let blade = await openBlade(page, 'basic-edit');
    await panel.locator('[data-conflict="basic-saml/reply-url"]').waitFor();
    assert.equal(await blade.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue(), `${REPLY_URL}x`);
    await page.bringToFront();
    await panel.getByRole('button', { name: 'Replace Reply URL (Assertion Consumer Service URL)' }).click();
    await until(async () => (await blade.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue()) === REPLY_URL, { what: 'typo replaced' });
    await blade.getByRole('button', { name: 'Save' }).click();
    await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
    await waitStep(panel, 'basic-saml', 'done');
    assert.deepEqual(server.tenant().basic.replyUrls, [{ value: REPLY_URL, isDefault: true }]);
    await stopWorker(ext, panel);

    // Signing (Entra's default option is replaced without asking), then the roles claim.
    for (const step of AZURE_PATH.filter((s) => ['signing', 'claims'].includes(s.name))) {
      await step.run(page, panel, assert);
      await stopWorker(ext, panel);
    }
    await page.bringToFront();
    await twilioFillAndSave(page, panel, 'https://www.twilio.com/console/frontline/sso');
  } finally {
    await ext.close();
  }
});

test('the Twilio page is not filled from unsafe values, and says why', async () => {
  const T = 'a9054a0f-2011-4e31-b3ac-fd8c354146ec';
  server.seed({
    tenant: T,
    certificate: { thumbprint: 'A33533A86D6933F8B680EAE64AFFD9BE22AD4725', expiration: '11/16/2026', metadataHost: 'login.microsoftonline.com', metadataFile: 'ssoready' },
    twilio: { ...freshTenant().twilio, dialect: 'today' },
  });
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true });
  try {
    const panel = await openPanel(ext);
    const page = await ext.context.newPage();
    await page.goto('https://console.twilio.com/frontline/sso');
    await until(async () => (await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue()) === SID, { what: 'Realm SID captured' });
    await openBlade(page, 'saml'); // captures the values and fetches the (expired) certificate
    await waitStep(panel, 'certificate', 'attention');
    await page.goto('https://console.twilio.com/frontline/sso');
    await page.getByRole('textbox', { name: 'Identity Provider Issuer' }).waitFor(); // the guide's label
    await until(async () => /expired/.test(await panel.locator('[data-step="twilio-sso"] .evidence').textContent()), { what: 'refusal names the expired certificate' });
    assert.match(await panel.locator('[data-step="twilio-sso"] .evidence').textContent(), /^Not filled: .*expired/);
    assert.equal(await page.getByRole('textbox', { name: /SSO URL|Single Sign-On URL/ }).inputValue(), '');
    // An identifier without its trailing slash is refused too. Its card folded once the values were
    // captured: the admin opens it.
    await panel.locator('#captured-card > summary').click();
    await panel.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).fill(`https://sts.windows.net/${T}`);
    await panel.getByRole('textbox', { name: 'Microsoft Entra Identifier' }).blur();
    await page.bringToFront();
    await panel.getByRole('button', { name: 'Fill this page' }).click();
    await until(async () => /must end with/.test(await panel.locator('[data-step="twilio-sso"] .evidence').textContent()), { what: 'refusal names the trailing slash' });
    assert.equal(await page.getByRole('textbox', { name: /SSO URL|Single Sign-On URL/ }).inputValue(), '');
  } finally {
    await ext.close();
  }
});

test('a different Realm SID on the Twilio page is a conflict, never silently taken', async () => {
  server.seed();
  const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
  try {
    const panel = await openPanel(ext);
    const other = 'JBffffffffffffffffffffffffffffffff';
    await panel.getByRole('textbox', { name: 'Realm SID' }).fill(other);
    await panel.getByRole('textbox', { name: 'Realm SID' }).blur();
    await panel.locator('#entity-id', { hasText: other }).waitFor({ state: 'attached' });
    const page = await ext.context.newPage();
    await page.goto('https://console.twilio.com/frontline/sso');
    await panel.locator('[data-conflict="twilio/realm-sid"]').waitFor();
    await waitStep(panel, 'twilio-sso', 'attention');
    assert.equal(await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue(), other);
    await page.bringToFront();
    await panel.getByRole('button', { name: 'Replace Realm SID' }).click();
    await until(async () => (await panel.getByRole('textbox', { name: 'Realm SID', includeHidden: true }).inputValue()) === SID, { what: 'console SID taken after Replace' });
    await panel.locator('[data-conflict]').first().waitFor({ state: 'detached' });
  } finally {
    await ext.close();
  }
});
