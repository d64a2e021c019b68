// Test sign-in capture. A SAMLResponse posted to Twilio's ACS is read as it passes, and only
// when all of these hold: the admin pressed "Start test sign-in" in the last 10 minutes (and
// granted the optional webRequest + iam.twilio.com permissions); the post is a top-level
// navigation in a tab, submitted by a page on Microsoft's sign-in hosts; it is for the realm
// of the setup that started it, still the active one. Anything else is ignored and leaves no
// trace. Nothing is blocked or changed. Listeners must be added at the worker's start to
// survive its restarts.
import { signInResponse } from '../events.js';
import { TWILIO_IAM_HOST, isSignInOrigin } from '../hosts.js';
import { SIGN_IN_WATCH_KEY, SIGN_IN_WATCH_MS } from '../messages.js';
import { loadCore } from './core.js';
import { applyToActive } from './setup-events.js';
import { read } from './store.js';

// Twilio's sign-in host; which path is the realm's ACS is the core's to say (realmUrls).
const FILTER = {
  urls: [`https://${TWILIO_IAM_HOST}/*`],
  types: /** @type {chrome.webRequest.ResourceType[]} */ (['main_frame']),
};

/**
 * Whether a request may be a test sign-in at all, from what Chrome says of it alone.
 * @param {{ method?: string, tabId?: number, type?: string, initiator?: string, url?: string }} d
 */
export function fromEntra(d) {
  return (
    d.method === 'POST' &&
    d.type === 'main_frame' &&
    (d.tabId ?? -1) >= 0 &&
    isSignInOrigin(d.initiator) &&
    (d.url ?? '').startsWith(`https://${TWILIO_IAM_HOST}/`)
  );
}

/** @param {chrome.webRequest.OnBeforeRequestDetails} details */
function onRequest(details) {
  const text = fromEntra(details) ? details.requestBody?.formData?.SAMLResponse?.[0] : undefined;
  if (typeof text === 'string' && text.length <= 1024 * 1024) capture(details.url, text).catch(() => {});
  return undefined; // observe only
}

/**
 * The test sign-in under way, if the admin started one in the last 10 minutes for the setup
 * that is still active; null otherwise (then nothing is read).
 * @returns {Promise<import('../messages.js').SignInWatch | null>}
 */
export async function activeWatch() {
  const stored = await chrome.storage.session.get(SIGN_IN_WATCH_KEY);
  const watch = /** @type {import('../messages.js').SignInWatch | undefined} */ (stored[SIGN_IN_WATCH_KEY]);
  if (!watch || Date.now() > watch.until) return null; // not started by the admin, or too late
  const state = await read();
  return state.activeId === watch.setupId ? watch : null;
}

async function capture(url, text) {
  const watch = await activeWatch();
  if (!watch) return;
  const [core, state] = await Promise.all([loadCore(), read()]);
  let realm;
  try {
    realm = core.realmUrls(state.setups[state.activeId].realmSidInput);
  } catch {
    return; // no valid Realm SID: nothing to check against
  }
  const posted = new URL(url);
  // Not this realm's Reply URL, or the Realm SID changed since the start: not ours to keep.
  const acs = `${posted.origin}${posted.pathname}`.toLowerCase() === realm.replyUrl.toLowerCase();
  if (!acs || realm.realmSid !== watch.realmSid) return;
  await applyToActive(signInResponse(text, `captured sign-in (${TWILIO_IAM_HOST})`));
}

/**
 * Start a test sign-in for the active setup: from now, for SIGN_IN_WATCH_MS.
 * @returns {Promise<import('../messages.js').SignInWatch>}
 */
export async function startWatch() {
  const [core, state] = await Promise.all([loadCore(), read()]);
  const setup = state.setups[state.activeId];
  const realmSid = core.realmUrls(setup.realmSidInput).realmSid; // throws a typed error without one
  const startedAt = Date.now();
  const watch = { setupId: state.activeId, realmSid, startedAt, until: startedAt + SIGN_IN_WATCH_MS };
  await chrome.storage.session.set({ [SIGN_IN_WATCH_KEY]: watch });
  watchSignIns();
  return watch;
}

/** Add the listener if the permission is held; safe to call more than once. */
export function watchSignIns() {
  const wr = chrome.webRequest;
  if (wr?.onBeforeRequest && !wr.onBeforeRequest.hasListener(onRequest)) {
    wr.onBeforeRequest.addListener(onRequest, FILTER, ['requestBody']);
  }
}
