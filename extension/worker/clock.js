// The worker's "now", for everything the core judges by date (a certificate's remaining life,
// a response's validity) and for the sign-in watch's own expiry. In the test harness's build
// only (build-kind.js), a test may move it with an offset in chrome.storage.session, which
// only the extension's own pages and worker reach. The store build reads the system clock.
import { CLOCK_OFFSET_KEY } from '../messages.js';
import { TEST_CLOCK } from './build-kind.js';

/** @returns {Promise<number>} milliseconds since the epoch */
export async function now() {
  if (!TEST_CLOCK) return Date.now();
  const got = await chrome.storage.session.get(CLOCK_OFFSET_KEY);
  const offset = Number(got[CLOCK_OFFSET_KEY] ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}
