// The test sign-in: whether one is awaited, what arrived at Twilio, and every check that
// failed with its fix.
import { isAcsHost } from '../../hosts.js';
import { SIGN_IN_CAPTURE_KEY, SIGN_IN_WATCH_KEY } from '../../messages.js';
import { byId, h, renderFindings } from '../dom.js';

let expiry;
/** The setup the panel shows: a sign-in captured for another one is not offered for export. */
let shownSetupId = '';

/** "14:05": when a test sign-in stops being awaited, in the browser's own time format. */
export const clockTime = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Say whether a test sign-in is awaited, and until when; read from chrome.storage.session. */
export async function renderSignInWatch() {
  const stored = await chrome.storage.session.get(SIGN_IN_WATCH_KEY);
  const watch = /** @type {import('../../messages.js').SignInWatch | undefined} */ (stored[SIGN_IN_WATCH_KEY]);
  const el = byId('signin-watch');
  clearTimeout(expiry);
  const live = watch && watch.until > Date.now();
  el.textContent = live
    ? `Waiting for a sign-in until ${clockTime(watch.until)}.`
    : 'Not waiting for a sign-in: nothing is read until you start.';
  // The watch ends by the worker's clock, which a test build may move: never a timer past 10 min.
  if (live) expiry = setTimeout(renderSignInWatch, Math.min(watch.until - Date.now(), 10 * 60_000) + 50);
  await renderExport();
}

/** "Export for support" is offered once this setup's test sign-in was captured in this browser session. */
async function renderExport() {
  const stored = await chrome.storage.session.get(SIGN_IN_CAPTURE_KEY);
  const kept = /** @type {import('../../messages.js').SignInCapture | undefined} */ (stored[SIGN_IN_CAPTURE_KEY]);
  byId('signin-export-box').hidden = !kept || kept.setupId !== shownSetupId;
}

export function renderSignIn(state) {
  shownSetupId = state.setup.id;
  renderExport();
  // The product's own words for the sign-in, from the core's checklist.
  const how = state.view.steps.find((s) => s.id === 'test-sign-in')?.instruction ?? '';
  byId('signin-how').textContent = how.charAt(0).toLowerCase() + how.slice(1);
  // A Reply URL on a host the extension cannot be granted (a Flex region it does not list): say so.
  const reply = state.view.realm?.replyUrl;
  const note = byId('signin-no-capture');
  note.hidden = !reply || isAcsHost(reply);
  note.textContent = note.hidden
    ? ''
    : `Sign-ins to ${new URL(reply).hostname} cannot be watched: after signing in, paste the SAMLResponse below.`;
  const si = state.view.signIn;
  byId('signin-result').hidden = !si;
  if (!si) return;
  const rows = [
    ['When', `${new Date(si.at).toLocaleString()} (${si.source})`],
    ['Status', si.status],
    ['Issuer', si.issuer ?? '—'],
    ['Audience', si.audience ?? '—'],
    ['NameID', si.nameId ?? '—'],
    ['Signatures', si.signatureNote],
  ];
  byId('signin-details').replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  renderFindings(byId('signin-findings'), si.findings);
  byId('signin-attributes')
    .querySelector('tbody')
    ?.replaceChildren(
      ...si.attributes.map((a) => h('tr', {}, h('td', { text: a.name }), h('td', { text: a.values.join(', ') }))),
    );
}
