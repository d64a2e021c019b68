// Test sign-in capture. A SAMLResponse posted to Twilio's ACS is read as it passes, and only
// when all of these hold: the admin pressed "Start test sign-in" in the last 10 minutes (and
// granted the optional webRequest permission and the ACS host: iam.twilio.com, Flex's regional
// login host, or login.twilio.com for Console); the post is a top-level navigation in a tab, submitted by a page on
// Microsoft's sign-in hosts; it is to the Reply URL of the setup that started it, still the
// active one. Anything else is ignored and leaves no trace. A response that passes every check
// ends the watch. Nothing is blocked or changed. Listeners must be added at the worker's start
// to survive its restarts.
import { signInResponse } from '../events.js';
import { TWILIO_ACS_HOSTS, isAcsHost, isSignInOrigin } from '../hosts.js';
import { SIGN_IN_CAPTURE_KEY, SIGN_IN_WATCH_KEY, SIGN_IN_WATCH_MS } from '../messages.js';
import { now } from './clock.js';
import { postedForm } from './posted-form.js';
import { loadCore } from './core.js';
import { applyToActive } from './setup-events.js';
import { read } from './store.js';

// Twilio's ACS hosts; which URL is the setup's ACS is the core's to say (setupUrls).
const FILTER = {
  urls: TWILIO_ACS_HOSTS.map((h) => `https://${h}/*`),
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
    isAcsHost(d.url)
  );
}

/** @param {chrome.webRequest.OnBeforeRequestDetails} details */
function onRequest(details) {
  const text = fromEntra(details) ? postedForm(details.requestBody?.formData) : undefined;
  if (text) capture(details.url, text).catch(() => {});
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
  if (!watch || (await now()) > watch.until) return null; // not started by the admin, or too late
  const state = await read();
  return state.activeId === watch.setupId ? watch : null;
}

async function capture(url, text) {
  const watch = await activeWatch();
  if (!watch) return;
  const [core, state] = await Promise.all([loadCore(), read()]);
  let realm;
  try {
    realm = core.setupUrls(state.setups[state.activeId]);
  } catch {
    return; // no valid SID: nothing to check against
  }
  const posted = new URL(url);
  // Not this setup's Reply URL, or the SID changed since the start: not ours to keep.
  if (!isReplyUrl(posted, new URL(realm.replyUrl)) || realm.sid !== watch.realmSid) return;
  // Kept in memory for "Export for support" (the core redacts it then); the check stores its verdict.
  /** @type {import('../messages.js').SignInCapture} */
  const kept = { setupId: watch.setupId, url, form: text, atMs: await now() };
  await chrome.storage.session.set({ [SIGN_IN_CAPTURE_KEY]: kept });
  await applyToActive(signInResponse(text, `captured sign-in (${posted.hostname})`));
  // A verified response ends the watch: nothing after it (a request, an error page) is read.
  const after = await read();
  const setup = after.setups[watch.setupId];
  if (setup && (await core.setupView(setup, await now())).signedInVerified) {
    await chrome.storage.session.remove(SIGN_IN_WATCH_KEY);
  }
}

/**
 * The post went to the Reply URL: the same origin and path, and each of its query values
 * (Flex's `connection=JQ…`) the same.
 * @param {URL} posted @param {URL} reply
 */
export function isReplyUrl(posted, reply) {
  const same = (a, b) => a.toLowerCase() === b.toLowerCase();
  if (!same(`${posted.origin}${posted.pathname}`, `${reply.origin}${reply.pathname}`)) return false;
  return [...reply.searchParams].every(([k, v]) => posted.searchParams.get(k) === v);
}

/**
 * Start a test sign-in for the active setup: from now, for SIGN_IN_WATCH_MS.
 * @returns {Promise<import('../messages.js').SignInWatch>}
 */
export async function startWatch() {
  const [core, state] = await Promise.all([loadCore(), read()]);
  const setup = state.setups[state.activeId];
  const realmSid = core.setupUrls(setup).sid; // throws a typed error without a valid SID
  const startedAt = await now();
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
