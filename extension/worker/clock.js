// The worker's "now", for everything the core judges by date (a certificate's remaining life,
// a response's validity). A test may move it with an offset in chrome.storage.session, which
// only the extension's own pages and worker reach: content scripts cannot (Chrome's default
// access level for session storage is TRUSTED_CONTEXTS, and nothing here changes it).
import { CLOCK_OFFSET_KEY } from '../messages.js';

/** @returns {Promise<number>} milliseconds since the epoch */
export async function now() {
  const got = await chrome.storage.session.get(CLOCK_OFFSET_KEY);
  const offset = Number(got[CLOCK_OFFSET_KEY] ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}
