// Helpers for the Azure portal tests: open a blade in the replica portal, wait for the
// extension's work, read the checklist from the panel.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { words } from './i18n.mjs';

export const SID = 'JB0123456789abcdef0123456789abcdef';
export const ENTITY_ID = `https://iam.twilio.com/v2/saml2/metadata/${SID}`;
export const REPLY_URL = `https://iam.twilio.com/v2/saml2/authenticate/${SID}`;
export const FLEX_SID = 'JQ0123456789abcdef0123456789abcdef';

/** What each product's setup puts in the Azure portal: the path below takes one of these. */
export const PRODUCTS = {
  frontline: {
    appName: 'FrontlineSSO Setup',
    entityId: ENTITY_ID,
    replyUrl: REPLY_URL,
    claims: [['email', 'user.mail'], ['roles', 'user.assignedroles']],
    roles: [['Agent', 'agent', 'Frontline user']],
  },
  flex: {
    appName: 'Twilio Flex SSO',
    entityId: `urn:flex:${FLEX_SID}`,
    replyUrl: `https://login.flex.us1.twilio.com/login/callback?connection=${FLEX_SID}`,
    claims: [['email', 'user.mail'], ['full_name', 'user.displayname'], ['roles', 'user.assignedroles']],
    roles: [['Agent', 'agent', 'Flex agent'], ['Supervisor', 'supervisor', 'Flex supervisor'], ['Admin', 'admin', 'Flex admin']],
  },
  /** Twilio Console SSO: its values from tests/fixtures/console/twilio-sp-metadata.xml, no claims or roles. */
  console: {
    appName: 'Twilio Console SSO',
    entityId: 'urn:auth0:twilio:sso-3f2a9c41d0b84e7a',
    replyUrl: 'https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a',
    claims: [],
    roles: [],
  },
};
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** A certificate's SHA-1 thumbprint as the portal shows it. */
export function thumbprintOf(rel) {
  return new X509Certificate(readFileSync(resolve(FIXTURES, rel))).fingerprint.replaceAll(':', '');
}

/** Poll `fn` until it returns something truthy. */
export async function until(fn, { timeout = 15000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn().catch((e) => e);
    if (last && !(last instanceof Error)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/**
 * Open a blade of the replica portal and wait for it to render. Returns the blade to drive:
 * in the Fluent dialect its iframe, in the Fx dialect the last blade in the portal's top page
 * (re-evaluated at each use, so it follows the blade a Save opens). `extra` goes in the hash
 * (e.g. 'search=open&pane=open').
 */
export async function openBlade(page, blade, { host = 'portal.azure.com', extra = '' } = {}) {
  await page.goto(`https://${host}/#blade=${blade}${extra ? `&${extra}` : ''}`);
  const fx = await page.locator('#journey .fxs-blade, #journey iframe').first().waitFor().then(() => page.locator('#journey .fxs-blade').count());
  const scope = fx ? page.locator('#journey .fxs-blade').last() : page.frameLocator('#journey iframe');
  await scope.locator('h1, h2.fxs-blade-title').first().waitFor();
  return scope;
}

/** Whether a command is enabled: a disabled attribute (Fluent) or a class (Fx command bar). */
export async function isEnabled(button) {
  return (await button.isEnabled()) && !/fxs-button-disabled/.test((await button.getAttribute('class')) ?? '');
}

/** What a drop-down or combo box shows: its text box's value, or the text it displays. */
export async function shownValue(control) {
  return control.evaluate((el) => ('value' in el && el.tagName === 'INPUT' ? el.value : el.textContent.trim()));
}

/** The status of a checklist step, as the panel shows it. */
export async function stepStatus(panel, id) {
  return panel.locator(`[data-step="${id}"]`).getAttribute('data-status');
}

export async function waitStep(panel, id, status, timeout = 15000) {
  await panel.locator(`[data-step="${id}"][data-status="${status}"]`).waitFor({ timeout });
}

/** Everything the Twilio form needs, typed into the panel: the Twilio page is then filled at once. */
export async function readyForTwilio(panel, tenant) {
  const fill = async (name, value) => {
    await panel.getByRole('textbox', { name }).fill(value);
    await panel.getByRole('textbox', { name }).blur();
  };
  await fill('Realm SID', SID);
  await fill('Login URL', `https://login.microsoftonline.com/${tenant}/saml2`);
  await fill('Microsoft Entra Identifier', `https://sts.windows.net/${tenant}/`);
  const pem = readFileSync(resolve(FIXTURES, 'generated/responses/test-signing-cert.pem'), 'utf8');
  await panel.getByLabel('Or paste the certificate').fill(pem);
  await panel.getByRole('button', { name: 'Use pasted certificate' }).click();
  await waitStep(panel, 'certificate', 'done');
}

/** The paste boxes fold under the test sign-in: the admin opens them. */
export async function openPasteBox(panel) {
  const box = panel.locator('#signin-paste-card');
  if (!(await box.evaluate((d) => d.open))) await box.locator('summary').click();
}

/** A fresh setup in the panel with the Realm SID entered. */
export async function newSetupWithSid(panel, sid = SID) {
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'setup/new' }));
  await panel.locator('#progress-text', { hasText: '0 of 11 done' }).waitFor();
  const input = panel.getByRole('textbox', { name: 'Realm SID' });
  await input.fill(sid);
  await input.blur();
  await panel.locator('#entity-id', { hasText: sid || 'never' }).waitFor({ state: 'attached' }).catch(() => {});
}

/**
 * The admin's path through the Azure portal, one entry per guide step: what the extension
 * must have filled, and the admin's own click that saves it, in the portal's language (`t`,
 * from i18n.mjs; English by default). Shared by the Azure test and the end-to-end journeys.
 * @typedef {ReturnType<typeof words>} Words
 * The product's values (`p`, from PRODUCTS) default to Frontline's.
 * @typedef {typeof PRODUCTS.frontline} ProductValues
 * @type {{name: string, run: (page: import('playwright-core').Page, panel: import('playwright-core').Page, assert: any, t?: Words, p?: ProductValues) => Promise<void>}[]}
 */
export const AZURE_PATH = [
  {
    name: 'create-app',
    async run(page, panel, assert, t = words(), p = PRODUCTS.frontline) {
      const blade = await openBlade(page, 'create-app');
      const name = blade.getByRole('textbox', { name: t.re("What's the name of your app?") });
      await until(async () => (await name.inputValue()) === p.appName, { what: 'app name' });
      const nonGallery = "Integrate any other application you don't find in the gallery (Non-gallery)";
      assert.equal(await blade.getByRole('radio', { name: t(nonGallery) }).isChecked(), true);
      const create = blade.getByRole('button', { name: t('Create') });
      await until(() => isEnabled(create), { what: 'Create enabled by a real edit' });
      await waitStep(panel, 'create-app', 'in-progress');
      await create.click();
    },
  },
  {
    name: 'choose-saml',
    async run(page, panel, assert, t = words()) {
      const blade = await openBlade(page, 'sso-method');
      await waitStep(panel, 'create-app', 'done');
      await blade.getByRole('button', { name: 'SAML' }).click();
      await blade.getByRole('heading', { name: t('Set up Single Sign-On with SAML') }).waitFor();
      await waitStep(panel, 'choose-saml', 'done');
    },
  },
  {
    name: 'basic-saml',
    async run(page, panel, assert, t = words(), p = PRODUCTS.frontline) {
      const blade = await openBlade(page, 'basic-edit');
      // Fx: a new app has no rows; the extension adds each list's row, then fills it.
      const box = (label) => blade.getByRole('textbox', { name: t(label) }).first();
      await until(async () => (await box('Identifier (Entity ID)').inputValue()) === p.entityId, { what: 'identifier filled' });
      const acs = box('Reply URL (Assertion Consumer Service URL)');
      await until(async () => (await acs.inputValue()) === p.replyUrl, { what: 'reply URL filled' });
      assert.equal(await blade.getByRole('checkbox', { name: t('Default') }).first().isChecked(), true);
      await waitStep(panel, 'basic-saml', 'in-progress');
      const save = blade.getByRole('button', { name: t('Save') });
      await until(() => isEnabled(save), { what: 'Save enabled by values the form took' });
      await save.click();
      await blade.getByRole('heading', { name: t('Set up Single Sign-On with SAML') }).waitFor();
      await waitStep(panel, 'basic-saml', 'done');
    },
  },
  {
    name: 'signing',
    async run(page, panel, assert, t = words()) {
      const blade = await openBlade(page, 'signing-edit');
      const option = blade.getByRole('combobox', { name: t.re('Signing Option') });
      const wanted = t('Sign SAML response and assertion');
      await until(async () => (await shownValue(option)) === wanted, { what: 'signing option chosen' });
      assert.equal(await shownValue(blade.getByRole('combobox', { name: t.re('Signing Algorithm') })), 'SHA-256');
      const save = blade.getByRole('button', { name: t('Save') });
      await until(() => isEnabled(save), { what: 'Save enabled by a real edit' });
      await save.click();
      await blade.getByRole('heading', { name: t('Set up Single Sign-On with SAML') }).waitFor();
      await waitStep(panel, 'signing', 'done');
      // The pane gave the Login URL, the identifier and the metadata URL; the certificate follows.
      await waitStep(panel, 'capture-idp', 'done');
      await waitStep(panel, 'certificate', 'done');
    },
  },
  {
    name: 'claims',
    async run(page, panel, assert, t = words(), p = PRODUCTS.frontline) {
      const blade = await openBlade(page, 'claims');
      for (const [claim, attribute] of p.claims) {
        if (await blade.getByRole('gridcell', { name: claim, exact: true }).count()) continue;
        await blade.getByRole('button', { name: t('+ Add new claim') }).click();
        const name = blade.getByRole('textbox', { name: t.re('Name', true) });
        await until(async () => (await name.inputValue()) === claim, { what: `claim name ${claim}` });
        // The claim's own "Source attribute", not the claim condition's below it.
        const source = blade.getByRole('combobox', { name: t.re('Source attribute') });
        await until(async () => (await shownValue(source.first())) === attribute, { what: `${claim} source attribute` });
        const untouched = new RegExp(`^(${t('Select an option')})?$`);
        assert.match(await shownValue(source.last()), untouched, 'the condition is left alone');
        assert.equal(await blade.getByRole('textbox', { name: t('Namespace') }).inputValue(), '');
        const save = blade.getByRole('button', { name: t('Save') });
        await until(() => isEnabled(save), { what: 'Save enabled by values the form took' });
        await save.click();
        await blade.getByRole('gridcell', { name: claim, exact: true }).waitFor();
      }
      await waitStep(panel, 'claims', 'done');
    },
  },
  {
    name: 'app-role',
    async run(page, panel, assert, t = words(), p = PRODUCTS.frontline) {
      const blade = await openBlade(page, 'app-roles');
      // One form per role: the extension fills the next one the list lacks.
      for (const [i, [displayName, value, description]] of p.roles.entries()) {
        await blade.getByRole('button', { name: t('+ Create app role') }).click();
        const apply = blade.getByRole('button', { name: t('Apply') });
        await until(() => isEnabled(apply), { what: `Apply enabled by the values of ${value}` });
        assert.equal(await blade.getByRole('textbox', { name: t.re('Display name', true) }).inputValue(), displayName);
        assert.equal(await blade.getByRole('textbox', { name: t.re('Value', true) }).inputValue(), value);
        // In the Fx dialect the Description box has no label of its own: only the caption before it.
        assert.equal(await blade.locator('textarea').inputValue(), description);
        assert.equal(await blade.getByRole('radio', { name: t('Users/Groups'), exact: true }).isChecked(), true);
        const enable = blade.getByRole('checkbox', { name: t('Do you want to enable this app role?') });
        assert.equal(await enable.isChecked(), true);
        await waitStep(panel, 'app-role', 'in-progress');
        await apply.click();
        const rest = p.roles.slice(i + 1).map((r) => r[1]);
        if (rest.length === 0) break;
        // The list now lacks only the rest: the next form is for the first of them.
        const left = rest.length === 1 ? rest[0] : `${rest.slice(0, -1).join(', ')} and ${rest.at(-1)}`;
        await until(async () => (await panel.locator('[data-step="app-role"] .evidence').textContent()).includes(`still to create: ${left}`), { what: `${left} left to create` });
      }
      await waitStep(panel, 'app-role', 'done');
    },
  },
  {
    name: 'assign-users',
    async run(page, panel) {
      await openBlade(page, 'users');
      await waitStep(panel, 'assign-users', 'done');
    },
  },
];

/** Console's NameID (issue 29): the Unique User Identifier's form, from the claims blade. The
 *  extension chooses "Email address" and user.mail over Entra's defaults; the admin saves. */
export const NAME_ID_STEP = {
  name: 'name-id',
  /** @param {import('playwright-core').Page} page @param {import('playwright-core').Page} panel */
  async run(page, panel, assert, t = words()) {
    const blade = await openBlade(page, 'claims');
    await blade.getByRole('button', { name: t('Edit the Unique User Identifier') }).click();
    const format = blade.getByRole('combobox', { name: t.re('Choose name identifier format') });
    await until(async () => (await shownValue(format)) === t('Email address'), { what: 'NameID format chosen' });
    const source = blade.getByRole('combobox', { name: t.re('Source attribute') });
    await until(async () => (await shownValue(source)) === 'user.mail', { what: 'NameID source attribute' });
    await waitStep(panel, 'name-id', 'in-progress');
    const save = blade.getByRole('button', { name: t('Save') });
    await until(() => isEnabled(save), { what: 'Save enabled by values the form took' });
    await save.click();
    await blade.getByText('user.mail [nameid-format:emailAddress]').waitFor();
    await waitStep(panel, 'name-id', 'done');
  },
};

/** Replica tenant seeds: assignments with the role Agent, as the admin's step 7 makes. */
export function withAgents(tenant, rows = [7, 111]) {
  return { ...tenant, assignments: tenant.assignments.map((a, i) => (rows.includes(i) ? { ...a, role: 'Agent' } : a)) };
}
