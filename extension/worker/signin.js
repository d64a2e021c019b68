// Test sign-in capture: when the admin has allowed it (the optional webRequest permission and
// iam.twilio.com), the SAMLResponse that Entra posts to Twilio's ACS is read as it passes.
// Nothing is blocked or changed, and only the core's check of it is kept, for the active
// setup only. Listeners must be added at the worker's start to survive its restarts.
import { loadCore } from './core.js';
import { applyToActive } from './router.js';
import { read } from './store.js';

const ACS = 'https://iam.twilio.com/v2/saml2/authenticate/';
const FILTER = { urls: [`${ACS}*`], types: /** @type {chrome.webRequest.ResourceType[]} */ (['main_frame', 'sub_frame']) };

/** @param {chrome.webRequest.WebRequestBodyDetails} details */
function onRequest(details) {
  const text = details.method === 'POST' ? details.requestBody?.formData?.SAMLResponse?.[0] : undefined;
  if (typeof text === 'string' && text.length <= 1024 * 1024) capture(details.url, text).catch(() => {});
  return undefined; // observe only
}

async function capture(url, text) {
  const [core, state] = await Promise.all([loadCore(), read()]);
  const setup = state.setups[state.activeId];
  const sidInUrl = new URL(url).pathname.split('/').pop() ?? '';
  let active;
  try {
    active = core.realmUrls(setup.realmSidInput).realmSid;
  } catch {
    return; // no valid Realm SID: nothing to check against
  }
  if (sidInUrl.toLowerCase() !== active.toLowerCase()) return; // another realm: not ours to keep
  await applyToActive({ type: 'signInResponse', text, source: 'captured sign-in (iam.twilio.com)' });
}

/** Add the listener if the permission is held; safe to call more than once. */
export function watchSignIns() {
  const wr = chrome.webRequest;
  if (wr?.onBeforeRequest && !wr.onBeforeRequest.hasListener(onRequest)) {
    wr.onBeforeRequest.addListener(onRequest, FILTER, ['requestBody']);
  }
}
