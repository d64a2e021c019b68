// Side panel: renders what the worker and its core return, and turns the admin's input
// into events. It decides nothing and stores nothing: the worker owns chrome.storage.
import * as ev from '../events.js';
import { signInOrigins } from '../hosts.js';
import { MSG, PAGE_KEY_PREFIX, SIGN_IN_CAPTURE_KEY, SIGN_IN_WATCH_KEY, STORAGE_KEY, send } from '../messages.js';
import { byId, download, toast } from './dom.js';
import { holdCompiledCore } from './hold-core.js';
import { renderCaptured } from './views/captured.js';
import { renderCertificate } from './views/certificate.js';
import { renderCards } from './views/cards.js';
import { renderConflicts } from './views/conflicts.js';
import { renderSteps } from './views/checklist.js';
import { renderPortalLabels } from './views/labels.js';
import { renderNext } from './views/next.js';
import { refreshPageReport } from './views/pagereport.js';
import { renderProgress } from './views/progress.js';
import { renderRenewal } from './views/renewal.js';
import { clockTime, renderSignIn, renderSignInWatch } from './views/signin.js';
import { renderSignInFailure } from './views/signin-failure.js';
import { renderTrace, renderTraceError } from './views/trace.js';
import { renderValues } from './views/values.js';

/** @type {any} the last state the worker returned */
let state;
/** Reads can overtake each other; only the newest one renders, so an old one never undoes a new one. */
let latestRead = 0;
/** @type {boolean|undefined} the admin's click on the toggle, kept until the stored state shows it */
let autoFillWanted;

async function refresh(attempt = 0) {
  const read = ++latestRead;
  /** @type {any} */
  const reply = await send(MSG.STATE_GET).catch(() => null);
  if (read !== latestRead) return;
  if (!reply?.ok) {
    // Chrome may stop the worker in the middle of a read: ask again, so the panel never stays behind.
    if (attempt < 8) return void setTimeout(() => refresh(attempt + 1), 200 * (attempt + 1));
    return toast(reply?.error?.message ?? 'The extension did not answer; reopen the panel.');
  }
  state = reply.value;
  renderProgress(state);
  renderPortalLabels(state);
  renderNext(state, emit);
  renderRenewal(state, emit);
  renderValues(state);
  renderSteps(state.view.steps, byId('steps'), emit);
  renderCaptured(state);
  renderCertificate(state);
  renderCards(state);
  renderConflicts(state, replace);
  renderSignIn(state);
  renderSignInFailure(state);
  if (autoFillWanted === state.prefs.autoFill) autoFillWanted = undefined;
  /** @type {HTMLInputElement} */ (byId('auto-fill')).checked = autoFillWanted ?? state.prefs.autoFill;
  document.body.dataset.revision = String(state.revision);
}

/** Send one event for the active setup; the storage change triggers the re-render, and so does a reply
 *  newer than what is shown (a re-render that lost its read to a restarting worker catches up). */
async function emit(event) {
  const reply = await send(MSG.SETUP_EVENT, { event });
  if (!reply.ok) toast(reply.error.message);
  else if (typeof reply.value?.revision === 'number' && reply.value.revision > (state?.revision ?? 0)) refresh();
  return reply;
}

/** Inputs send their value after a short pause in typing, and at once on blur. */
function bindInput(id, toEvent, delay = 250) {
  const el = /** @type {HTMLInputElement} */ (byId(id));
  let timer;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    emit(toEvent(el.value));
  };
  el.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  el.addEventListener('blur', () => timer !== undefined && flush());
}

bindInput('realm-sid', (value) => ev.setRealmSid(value));
// Console's SP metadata: pasted, or chosen as a file (read as text; the core judges it).
bindInput('sp-metadata', (value) => ev.setRealmSid(value), 600);
byId('sp-metadata-file').addEventListener('change', async (e) => {
  const file = /** @type {HTMLInputElement} */ (e.target).files?.[0];
  if (!file) return;
  if (file.size > 256 * 1024) return toast('This file is far larger than SP metadata.');
  emit(ev.setRealmSid(await file.text()));
});
bindInput('region', (value) => ev.setRegion(value));
for (const radio of document.querySelectorAll('input[name="product"]')) {
  radio.addEventListener('change', () => emit(ev.setProduct(/** @type {any} */ (radio).value)));
}
// The one-click switch when the SID typed is the other product's.
byId('switch-product').addEventListener(
  'click',
  () => state?.view.switchTo && emit(ev.setProduct(state.view.switchTo)),
);
bindInput('workspace-id', (value) => ev.setWorkspaceId(value));
bindInput('app-name', (value) => ev.setAppName(value));
bindInput('login-url', (loginUrl) => ev.setIdpValues({ loginUrl }, 'side panel'));
bindInput('entra-identifier', (entraIdentifier) => ev.setIdpValues({ entraIdentifier }, 'side panel'));

for (const b of document.querySelectorAll('button.copy')) {
  b.addEventListener('click', async () => {
    const text = byId(/** @type {HTMLElement} */ (b).dataset.copy ?? '').textContent ?? '';
    await navigator.clipboard.writeText(text);
    toast('Copied');
  });
}

// Certificate: file picker, drop zone, paste box. Bytes travel as a number array, since
// extension messages are JSON.
async function useFile(file) {
  if (!file) return;
  const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
  showCertError(await emit(ev.setCertificate({ bytes }, `file ${file.name}`)));
}
function showCertError(reply) {
  const err = byId('cert-error');
  err.hidden = reply.ok;
  err.textContent = reply.ok ? '' : reply.error.message;
}
byId('cert-file').addEventListener('change', (e) => useFile(/** @type {HTMLInputElement} */ (e.target).files?.[0]));
const zone = byId('drop-zone');
zone.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  useFile(e.dataTransfer?.files?.[0]);
});
byId('cert-use-paste').addEventListener('click', async () => {
  const text = /** @type {HTMLTextAreaElement} */ (byId('cert-paste')).value;
  const reply = await emit(ev.setCertificate({ text }, 'paste'));
  showCertError(reply);
  if (reply.ok) /** @type {HTMLTextAreaElement} */ (byId('cert-paste')).value = '';
});
byId('cert-clear').addEventListener('click', () => emit(ev.clearCertificate()));

// A SAML-tracer export or a HAR file, chosen or dropped on the test sign-in card: read here,
// judged by the core; only its verdict is stored.
async function useTrace(file) {
  if (!file) return;
  if (file.size > 16 * 1024 * 1024) return renderTraceError('This file is over 16 MB: far more than one sign-in.');
  const reply = await send(MSG.TRACE_CHECK, { text: await file.text(), name: file.name });
  if (reply.ok) renderTrace(reply.value, file.name);
  else renderTraceError(reply.error.message);
}
byId('trace-file').addEventListener('change', (e) => {
  const input = /** @type {HTMLInputElement} */ (e.target);
  const file = input.files?.[0];
  input.value = '';
  useTrace(file);
});
// The captured sign-in as a SAML-tracer file for support: redacted unless the admin ticks the box.
byId('signin-export').addEventListener('click', async () => {
  const includeValues = /** @type {HTMLInputElement} */ (byId('signin-export-values')).checked;
  const reply = await send(MSG.TRACE_EXPORT, { includeValues });
  if (!reply.ok) return toast(reply.error.message);
  download(reply.value.json, reply.value.fileName);
  toast(includeValues ? 'Exported, with the values.' : 'Exported, redacted.');
});
const signInCard = byId('signin-card');
signInCard.addEventListener('dragover', (e) => e.preventDefault());
signInCard.addEventListener('drop', (e) => {
  e.preventDefault();
  useTrace(e.dataTransfer?.files?.[0]);
});

// Filling: the automatic toggle, "Fill this page", and Replace for a conflict.
async function fillPage() {
  const win = await chrome.windows?.getCurrent().catch(() => undefined);
  const reply = await send(MSG.FILL_REQUEST, { windowId: win?.id });
  toast(reply.ok ? 'Filling the page…' : reply.error.message);
}
async function replace(id) {
  const reply = await emit(ev.approveReplace(id));
  if (reply.ok) await fillPage();
}
byId('auto-fill').addEventListener('change', async (e) => {
  autoFillWanted = /** @type {HTMLInputElement} */ (e.target).checked;
  const reply = await send(MSG.PREFS_SET, { autoFill: autoFillWanted });
  if (reply.ok) return;
  autoFillWanted = undefined;
  toast(reply.error.message);
  refresh();
});
byId('fill-page').addEventListener('click', fillPage);

// "Remind me": Chrome's notifications are asked for here, in the click (a user gesture).
byId('remind-me').addEventListener('change', async (e) => {
  const box = /** @type {HTMLInputElement} */ (e.target);
  const granted =
    !box.checked || (await chrome.permissions.request({ permissions: ['notifications'] }).catch(() => false));
  if (!granted) {
    box.checked = false;
    return toast('Without that permission, the badge and this panel show the renewal.');
  }
  const reply = await send(MSG.PREFS_SET, { remind: box.checked });
  if (!reply.ok) toast(reply.error.message);
});

// The certificate from the app's federation metadata. The host permission is asked for
// here, in the click: Chrome only shows the prompt for a user gesture.
byId('fetch-metadata').addEventListener('click', async () => {
  const url = state?.view.portal.metadataUrl;
  if (!url) return;
  const origin = `https://${new URL(url).hostname}/*`;
  const granted = await chrome.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) return toast('Without that permission, drop the downloaded certificate instead.');
  const reply = await send(MSG.FETCH_METADATA);
  toast(reply.ok ? 'Certificate taken from the federation metadata' : reply.error.message);
});

// Test sign-in: the optional permissions are asked for in the click (a user gesture): webRequest
// and the ACS host (iam.twilio.com, or Flex's login host) for the response; scripting and
// Microsoft's sign-in hosts for the request and the error page, when the sign-in fails at Entra.
async function startSignIn() {
  const granted = await chrome.permissions
    .request({ permissions: ['webRequest', 'scripting'], origins: signInOrigins(state?.view.realm?.replyUrl) })
    .catch(() => false);
  if (!granted) return toast('Without that permission, paste the SAMLResponse or the error instead.');
  // Only a sign-in started here, in the next 10 minutes, is read: nothing a website posts.
  const reply = await send(MSG.SIGN_IN_START);
  if (!reply.ok) return toast(reply.error.message);
  const until = clockTime(reply.value.until);
  // The product's own words for the sign-in, from the core's checklist.
  const how = state?.view.steps.find((s) => s.id === 'test-sign-in')?.instruction ?? '';
  toast(`${how} Before ${until}, the response is checked as it passes.`);
}
byId('start-signin').addEventListener('click', startSignIn);
byId('signin-failure-fixed').addEventListener('click', async () => {
  const reply = await emit(ev.clearSignInFailure());
  if (reply.ok) await startSignIn();
});
byId('signin-diagnose').addEventListener('click', async () => {
  const box = /** @type {HTMLTextAreaElement} */ (byId('signin-error-paste'));
  const reply = await emit(ev.signInFailure(box.value, 'pasted'));
  const err = byId('signin-error');
  err.hidden = reply.ok;
  err.textContent = reply.ok ? '' : reply.error.message;
  if (reply.ok) box.value = '';
});
byId('signin-check').addEventListener('click', async () => {
  const text = /** @type {HTMLTextAreaElement} */ (byId('signin-paste')).value;
  const reply = await emit(ev.signInResponse(text, 'pasted'));
  const err = byId('signin-error');
  err.hidden = reply.ok;
  err.textContent = reply.ok ? '' : reply.error.message;
});

// Setups: one per Realm SID, kept side by side.
byId('setup-select').addEventListener('change', (e) =>
  send(MSG.SETUP_SWITCH, { id: /** @type {HTMLSelectElement} */ (e.target).value }),
);
byId('new-setup').addEventListener('click', () => send(MSG.SETUP_NEW));

// Export and start over.
byId('copy-summary').addEventListener('click', async () => {
  const reply = await send(MSG.SUMMARY);
  if (!reply.ok) return toast(reply.error.message);
  await navigator.clipboard.writeText(reply.value);
  toast('Summary copied as Markdown');
});
byId('download-json').addEventListener('click', async () => {
  const reply = await send(MSG.EXPORT);
  if (!reply.ok) return toast(reply.error.message);
  const name = reply.value.view.realm?.sid ?? reply.value.setup.id;
  download(JSON.stringify(reply.value, null, 2), `frontline-sso-${name}.json`);
});
const confirmBox = byId('confirm-reset');
byId('start-over').addEventListener('click', () => {
  confirmBox.hidden = false;
  byId('confirm-reset-no').focus();
});
byId('confirm-reset-no').addEventListener('click', () => {
  confirmBox.hidden = true;
  byId('start-over').focus();
});
byId('confirm-reset-yes').addEventListener('click', async () => {
  confirmBox.hidden = true;
  for (const id of ['realm-sid', 'sp-metadata', 'workspace-id', 'login-url', 'entra-identifier'])
    /** @type {HTMLInputElement} */ (byId(id)).value = '';
  await send(MSG.SETUP_RESET);
  toast('Started over');
  byId('realm-sid').focus();
});

// Storage is the single source: any change (ours, a content script's) re-renders.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && STORAGE_KEY in changes) refresh();
  if (area === 'session' && Object.keys(changes).some((k) => k.startsWith(PAGE_KEY_PREFIX))) refreshPageReport();
  if (area === 'session' && (SIGN_IN_WATCH_KEY in changes || SIGN_IN_CAPTURE_KEY in changes)) renderSignInWatch();
});
refreshPageReport();
renderSignInWatch();
send(MSG.CORE_VERSION).then((r) => {
  byId('core-version').textContent = r.ok ? r.value : `failed to load: ${r.error.message}`;
});
// After the first render, so the panel's compile never competes with the worker's first one.
refresh().finally(() => holdCompiledCore().catch(() => {}));
