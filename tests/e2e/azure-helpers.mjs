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
export async function until(fn, { timeout = 8000, what = 'condition' } = {}) {
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

export async function waitStep(panel, id, status, timeout = 8000) {
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
