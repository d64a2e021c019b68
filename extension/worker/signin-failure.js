// A test sign-in that fails at Entra, before any SAMLResponse reaches Twilio: Twilio's
// SAMLRequest on its way to Microsoft's sign-in hosts (HTTP-Redirect: in the URL; POST: a form
// field), and Microsoft's error page in that tab. Read only while a test sign-in the admin
// started runs (signin.js's watch), with the optional permissions "Start test sign-in" asks for
// (webRequest, scripting, the sign-in hosts and the setup's ACS host).
//
// What the watch believes: a request counts only when the setup's own Twilio host brought it
// into the tab, by a redirect (the same request, webRequest.onBeforeRedirect) or by a form it
// posted (the navigation's initiator), and only when its Issuer is the setup's (the core
// refuses any other). Any other site can send a tab to a sign-in host with a SAMLRequest; that
// is never read, and its tab's pages neither. No content script is registered for those hosts,
// and no form field is read: only the visible text (innerText) of a page on a sign-in host, in
// a tab that carried the setup's request, for its AADSTS code.
import { signInFailure, signInRequest } from '../events.js';
import { SIGN_IN_HOSTS, TWILIO_ACS_HOSTS, isSignInOrigin } from '../hosts.js';
import { loadCore } from './core.js';
import { applyToActive } from './setup-events.js';
import { activeWatch } from './signin.js';
import { read } from './store.js';

/** A request or a page's text larger than this is not a sign-in's. */
const MAX_TEXT = 64 * 1024;
/** chrome.storage.session: the tab that carried the setup's request during the current watch. */
const TABS_KEY = 'signInTabs';
/** chrome.storage.session: the redirects from Twilio's hosts to a sign-in host, by request id. */
const REDIRECTS_KEY = 'signInRedirects';
const SIGN_IN = {
  urls: SIGN_IN_HOSTS.map((h) => `https://${h}/*`),
  types: /** @type {chrome.webRequest.ResourceType[]} */ (['main_frame']),
};
const TWILIO = {
  urls: TWILIO_ACS_HOSTS.map((h) => `https://${h}/*`),
  types: /** @type {chrome.webRequest.ResourceType[]} */ (['main_frame']),
};
/**
 * This run's redirects, request id → the Twilio host redirected from: set before Chrome sends
 * the redirected request's onBeforeRequest, so it is read at once; storage keeps them for a
 * worker that restarts in between.
 * @type {Map<string, string>}
 */
const redirects = new Map();
/**
 * This run's error statuses of pages on the sign-in hosts, tab id → HTTP status, as Chrome saw
 * them: a page without an AADSTS code is still a failure when Chrome says it is (a 404 where a
 * wrong Single Sign-On URL in Twilio sent the tab). The core reads what the page says.
 * @type {Map<number, number>}
 */
const statuses = new Map();

/** @param {chrome.webRequest.OnCompletedDetails} d */
function onCompleted(d) {
  if (d.tabId < 0) return;
  if (d.statusCode >= 400) statuses.set(d.tabId, d.statusCode);
  else statuses.delete(d.tabId);
}

/** @param {chrome.webRequest.OnBeforeRedirectDetails} d */
function onRedirect(d) {
  if (d.tabId < 0 || !isSignInOrigin(d.redirectUrl)) return;
  const from = new URL(d.url).hostname;
  redirects.set(d.requestId, from);
  chrome.storage.session
    .get(REDIRECTS_KEY)
    .then((got) => {
      const kept = Object.entries(got[REDIRECTS_KEY] ?? {}).slice(-20); // the latest few suffice
      return chrome.storage.session.set({ [REDIRECTS_KEY]: Object.fromEntries([...kept, [d.requestId, from]]) });
    })
    .catch(() => {});
}

/**
 * The Twilio host that brought this request to the sign-in host, if one did: a redirect of the
 * same request, or a form posted by a Twilio page (its initiator).
 * @param {chrome.webRequest.OnBeforeRequestDetails} d
 * @returns {Promise<string | null>}
 */
async function broughtBy(d) {
  const known = redirects.get(d.requestId);
  if (known) return known;
  if (d.method === 'POST' && d.initiator) {
    const u = new URL(d.initiator);
    return u.protocol === 'https:' && u.port === '' ? u.hostname : null;
  }
  const got = await chrome.storage.session.get(REDIRECTS_KEY);
  return got[REDIRECTS_KEY]?.[d.requestId] ?? null;
}

/**
 * The hosts of this setup's own Twilio URLs (its Reply URL's and Entity ID's): the only ones
 * whose redirect or post starts its test sign-in.
 * @returns {Promise<string[]>}
 */
async function setupHosts() {
  const [core, state] = await Promise.all([loadCore(), read()]);
  const urls = core.setupUrls(state.setups[state.activeId]);
  return [urls.replyUrl, urls.spEntityId].flatMap((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' ? [url.hostname] : [];
    } catch {
      return []; // Flex's Entity ID is a URN
    }
  });
}

/** @param {chrome.webRequest.OnBeforeRequestDetails} d */
function onRequest(d) {
  const query = new URL(d.url).searchParams.has('SAMLRequest');
  const text = query ? d.url : d.requestBody?.formData?.SAMLRequest?.[0];
  if (d.tabId < 0 || typeof text !== 'string' || text.length > MAX_TEXT) return undefined;
  const from = broughtBy(d);
  during(async (watch) => {
    const host = await from;
    if (!host || !(await setupHosts()).includes(host)) return; // not the setup's sign-in
    // Microsoft's pages in this tab are read as they load (an error page, after sign-in or at
    // once), once the core has taken the request: it refuses one whose Issuer is not the setup's.
    const tab = { startedAt: watch.startedAt, tabId: d.tabId, taken: false };
    await chrome.storage.session.set({ [TABS_KEY]: tab });
    try {
      await applyToActive(signInRequest(text, `Twilio's request (${new URL(d.url).hostname})`));
      await chrome.storage.session.set({ [TABS_KEY]: { ...tab, taken: true } });
    } catch (e) {
      await chrome.storage.session.remove(TABS_KEY);
      throw e;
    }
  });
  return undefined; // observe only
}

/** @param {number} tabId @param {{ status?: string }} info @param {{ url?: string }} [tab] */
function onUpdated(tabId, info, tab) {
  if (info.status !== 'complete') return;
  // Only a page of Microsoft's sign-in hosts can be its error page (Chrome names the URL of a
  // tab on a host the extension was granted; without one, the checks below decide).
  if (tab?.url && !isSignInOrigin(tab.url)) return;
  during(async (watch) => {
    const tab = await takenTab(tabId, watch.startedAt);
    if (!tab) return;
    const [done] = await chrome.scripting.executeScript({ target: { tabId }, func: pageText, args: [SIGN_IN_HOSTS] });
    const text = done?.result;
    if (typeof text === 'string' && (/AADSTS\d+/.test(text) || (statuses.get(tabId) ?? 0) >= 400)) {
      await applyToActive(signInFailure(text, "Microsoft's error page"));
    }
  });
}

/**
 * The watch's tab, if it is `tabId` and the core took its request. An error page may load
 * before the request is even recorded (the worker is still loading the core, or checking who
 * sent it), or while the core reads it: then this waits for its answer, up to 10 s.
 * @param {number} tabId @param {number} startedAt
 */
async function takenTab(tabId, startedAt) {
  for (let i = 0; i < 40; i++) {
    const stored = await chrome.storage.session.get(TABS_KEY);
    const tab = /** @type {{ tabId?: number, startedAt?: number, taken?: boolean } | undefined} */ (stored[TABS_KEY]);
    if (tab?.tabId === tabId && tab.startedAt === startedAt && tab.taken) return tab;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/**
 * Runs in the page: its visible text (form fields' values are not part of innerText), and only
 * on a Microsoft sign-in host.
 * @param {readonly string[]} hosts
 */
function pageText(hosts) {
  return hosts.includes(location.hostname) ? (document.body?.innerText ?? '').slice(0, 64 * 1024) : null;
}

/** @param {(watch: import('../messages.js').SignInWatch) => Promise<unknown>} fn */
function during(fn) {
  activeWatch()
    .then((watch) => (watch ? fn(watch) : undefined))
    .catch(() => {});
}

/** Add the listeners if the permissions are held; safe to call more than once. */
export function watchSignInFailures() {
  const wr = chrome.webRequest;
  if (!wr?.onBeforeRequest || !chrome.scripting) return;
  if (!wr.onBeforeRedirect.hasListener(onRedirect)) wr.onBeforeRedirect.addListener(onRedirect, TWILIO);
  if (!wr.onBeforeRequest.hasListener(onRequest)) wr.onBeforeRequest.addListener(onRequest, SIGN_IN, ['requestBody']);
  if (!wr.onCompleted.hasListener(onCompleted)) wr.onCompleted.addListener(onCompleted, SIGN_IN);
  if (!chrome.tabs.onUpdated.hasListener(onUpdated)) chrome.tabs.onUpdated.addListener(onUpdated);
}
