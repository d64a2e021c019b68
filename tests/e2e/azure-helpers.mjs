// Helpers for the Azure portal tests: open a blade in the replica portal, wait for the
// extension's work, read the checklist from the panel.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SID = 'JB0123456789abcdef0123456789abcdef';
export const ENTITY_ID = `https://iam.twilio.com/v2/saml2/metadata/${SID}`;
export const REPLY_URL = `https://iam.twilio.com/v2/saml2/authenticate/${SID}`;
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

/** Open a blade of the replica portal (a cross-origin iframe) and wait for it to render. */
export async function openBlade(page, blade, host = 'portal.azure.com') {
  await page.goto(`https://${host}/#blade=${blade}`);
  const frame = page.frameLocator('iframe');
  await frame.locator('h1').first().waitFor();
  return frame;
}

/** The status of a checklist step, as the panel shows it. */
export async function stepStatus(panel, id) {
  return panel.locator(`[data-step="${id}"]`).getAttribute('data-status');
}

export async function waitStep(panel, id, status, timeout = 15000) {
  await panel.locator(`[data-step="${id}"][data-status="${status}"]`).waitFor({ timeout });
}

/** A fresh setup in the panel with the Realm SID entered. */
export async function newSetupWithSid(panel, sid = SID) {
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'setup/new' }));
  await panel.locator('#progress-text', { hasText: '0 of 11 done' }).waitFor();
  const input = panel.getByRole('textbox', { name: 'Realm SID' });
  await input.fill(sid);
  await input.blur();
  await panel.locator('#entity-id', { hasText: sid || 'never' }).waitFor().catch(() => {});
}

/**
 * The admin's path through the Azure portal, one entry per guide step: what the extension
 * must have filled, and the admin's own click that saves it. Shared by the Azure test and
 * the end-to-end journeys.
 * @type {{name: string, run: (page: import('playwright-core').Page, panel: import('playwright-core').Page, assert: any) => Promise<void>}[]}
 */
export const AZURE_PATH = [
  {
    name: 'create-app',
    async run(page, panel, assert) {
      const blade = await openBlade(page, 'create-app');
      const name = blade.getByLabel("What's the name of your app?");
      await until(async () => (await name.inputValue()) === 'FrontlineSSO Setup', { what: 'app name' });
      assert.equal(await blade.getByLabel(/Non-gallery/).isChecked(), true);
      await until(() => blade.getByRole('button', { name: 'Create' }).isEnabled(), { what: 'Create enabled by a real edit' });
      await waitStep(panel, 'create-app', 'in-progress');
      await blade.getByRole('button', { name: 'Create' }).click();
    },
  },
  {
    name: 'choose-saml',
    async run(page, panel) {
      const blade = await openBlade(page, 'sso-method');
      await waitStep(panel, 'create-app', 'done');
      await blade.getByRole('button', { name: 'SAML' }).click();
      await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
      await waitStep(panel, 'choose-saml', 'done');
    },
  },
  {
    name: 'basic-saml',
    async run(page, panel, assert) {
      const blade = await openBlade(page, 'basic-edit');
      await until(async () => (await blade.getByRole('textbox', { name: 'Identifier (Entity ID)' }).first().inputValue()) === ENTITY_ID, { what: 'identifier filled' });
      assert.equal(await blade.getByRole('textbox', { name: 'Reply URL (Assertion Consumer Service URL)' }).first().inputValue(), REPLY_URL);
      assert.equal(await blade.getByRole('checkbox', { name: 'Default' }).first().isChecked(), true);
      await waitStep(panel, 'basic-saml', 'in-progress');
      await blade.getByRole('button', { name: 'Save' }).click();
      await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
      await waitStep(panel, 'basic-saml', 'done');
    },
  },
  {
    name: 'signing',
    async run(page, panel, assert) {
      const blade = await openBlade(page, 'signing-edit');
      await until(async () => (await blade.getByRole('combobox', { name: 'Signing Option' }).textContent()) === 'Sign SAML response and assertion', { what: 'signing option chosen' });
      assert.equal(await blade.getByRole('combobox', { name: 'Signing Algorithm' }).textContent(), 'SHA-256');
      await blade.getByRole('button', { name: 'Save' }).click();
      await blade.getByRole('heading', { name: 'Set up Single Sign-On with SAML' }).waitFor();
      await waitStep(panel, 'signing', 'done');
      // The pane gave the Login URL, the identifier and the metadata URL; the certificate follows.
      await waitStep(panel, 'capture-idp', 'done');
      await waitStep(panel, 'certificate', 'done');
    },
  },
  {
    name: 'claims',
    async run(page, panel, assert) {
      const blade = await openBlade(page, 'claims');
      for (const [claim, attribute] of [['email', 'user.mail'], ['roles', 'user.assignedroles']]) {
        if (await blade.getByRole('gridcell', { name: claim, exact: true }).count()) continue;
        await blade.getByRole('button', { name: '+ Add new claim' }).click();
        await until(async () => (await blade.getByLabel('Name', { exact: true }).inputValue()) === claim, { what: `claim name ${claim}` });
        await until(async () => (await blade.getByRole('combobox', { name: 'Source attribute' }).textContent()) === attribute, { what: `${claim} source attribute` });
        assert.equal(await blade.getByLabel('Namespace').inputValue(), '');
        await blade.getByRole('button', { name: 'Save' }).click();
        await blade.getByRole('gridcell', { name: claim, exact: true }).waitFor();
      }
      await waitStep(panel, 'claims', 'done');
    },
  },
  {
    name: 'app-role',
    async run(page, panel, assert) {
      const blade = await openBlade(page, 'app-roles');
      await blade.getByRole('button', { name: '+ Create app role' }).click();
      await until(() => blade.getByRole('button', { name: 'Apply' }).isEnabled(), { what: 'Apply enabled by values Knockout took' });
      assert.equal(await blade.getByLabel('Display name').inputValue(), 'Agent');
      assert.equal(await blade.getByLabel('Value').inputValue(), 'agent');
      assert.equal(await blade.getByLabel('Description').inputValue(), 'Frontline user');
      assert.equal(await blade.getByRole('radio', { name: 'Users/Groups', exact: true }).isChecked(), true);
      assert.equal(await blade.getByLabel('Do you want to enable this app role?').isChecked(), true);
      await waitStep(panel, 'app-role', 'in-progress');
      await blade.getByRole('button', { name: 'Apply' }).click();
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

/** Replica tenant seeds: assignments with the role Agent, as the admin's step 7 makes. */
export function withAgents(tenant, rows = [7, 111]) {
  return { ...tenant, assignments: tenant.assignments.map((a, i) => (rows.includes(i) ? { ...a, role: 'Agent' } : a)) };
}
