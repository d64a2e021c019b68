// A test sign-in that fails at Entra, before any SAMLResponse reaches Twilio: Twilio's
// SAMLRequest on its way to Microsoft's sign-in hosts (HTTP-Redirect: in the URL; POST: a form
// field), and Microsoft's error page in that tab. Read only while a test sign-in the admin
// started runs (signin.js's watch), with the optional permissions "Start test sign-in" asks for
// (webRequest, scripting, the sign-in hosts). No content script is registered for those hosts,
// and no form field is read: only the visible text (innerText) of a page on a sign-in host, in a
// tab that carried Twilio's request, for its AADSTS code.
import { signInFailure, signInRequest } from '../events.js';
import { SIGN_IN_HOSTS } from '../hosts.js';
import { applyToActive } from './setup-events.js';
import { activeWatch } from './signin.js';

/** A request or a page's text larger than this is not a sign-in's. */
const MAX_TEXT = 64 * 1024;
/** chrome.storage.session: the tabs that carried Twilio's request during the current watch. */
const TABS_KEY = 'signInTabs';
const FILTER = {
  urls: SIGN_IN_HOSTS.map((h) => `https://${h}/*`),
  types: /** @type {chrome.webRequest.ResourceType[]} */ (['main_frame']),
};

/** @param {chrome.webRequest.OnBeforeRequestDetails} d */
function onRequest(d) {
  const query = new URL(d.url).searchParams.has('SAMLRequest');
  const text = query ? d.url : d.requestBody?.formData?.SAMLRequest?.[0];
  if (d.tabId >= 0 && typeof text === 'string' && text.length <= MAX_TEXT) {
    during(async (watch) => {
      // Microsoft's pages in this tab are read as they load (an error page, after sign-in or at once).
      await chrome.storage.session.set({ [TABS_KEY]: { startedAt: watch.startedAt, tabId: d.tabId } });
      await applyToActive(signInRequest(text, `Twilio's request (${new URL(d.url).hostname})`));
    });
  }
  return undefined; // observe only
}

/** @param {number} tabId @param {{ status?: string }} info */
function onUpdated(tabId, info) {
  if (info.status !== 'complete') return;
  during(async (watch) => {
    const stored = await chrome.storage.session.get(TABS_KEY);
    const tab = /** @type {{ tabId?: number, startedAt?: number } | undefined} */ (stored[TABS_KEY]);
    if (tab?.tabId !== tabId || tab.startedAt !== watch.startedAt) return;
    const [done] = await chrome.scripting.executeScript({ target: { tabId }, func: pageText, args: [SIGN_IN_HOSTS] });
    const text = done?.result;
    if (typeof text === 'string' && /AADSTS\d+/.test(text)) {
      await applyToActive(signInFailure(text, "Microsoft's error page"));
    }
  });
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
  if (!wr.onBeforeRequest.hasListener(onRequest)) wr.onBeforeRequest.addListener(onRequest, FILTER, ['requestBody']);
  if (!chrome.tabs.onUpdated.hasListener(onUpdated)) chrome.tabs.onUpdated.addListener(onUpdated);
}
