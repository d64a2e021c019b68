// Every message between the extension's parts, defined once. The worker's router accepts
// exactly these, each from the senders listed; anything else is refused.

/** @typedef {{ code: string, message: string }} CoreError */
/** @template T @typedef {{ ok: true, value: T } | { ok: false, error: CoreError }} Reply */
/**
 * One action of a fill plan, as the core's FillAction serializes it (crate/src/forms/mod.rs).
 * @typedef {'text' | 'choose' | 'check' | 'radio' | 'add-row'} FillAction
 * @typedef {{ key: string, action: FillAction, value: string, label: string }} Fill
 */
/** Which console a page belongs to (hosts.js decides; the core's Console). @typedef {'azure' | 'twilio'} Console */
/** A setup event, as the core's applySetupEvent takes it: made by extension/events.js only.
 * @typedef {import('./events.js').SetupEvent} SetupEvent */

export const MSG = Object.freeze({
  /** panel → worker: `{}` → `Reply<string>` the core's version. */
  CORE_VERSION: 'core/version',
  /** panel → worker: `{sid}` → `Reply<RealmUrls>`. */
  REALM_URLS: 'realm/urls',
  /** panel → worker: `{}` → `Reply<{revision, activeId, setups: {id, label}[], setup, view}>`. */
  STATE_GET: 'state/get',
  /** panel → worker: `{event: SetupEvent}` → `Reply<{revision}>`; applied to the active setup. */
  SETUP_EVENT: 'setup/event',
  /** panel → worker: `{}` → `Reply<{revision}>`: a new, empty setup becomes active. */
  SETUP_NEW: 'setup/new',
  /** panel → worker: `{id}` → `Reply<{revision}>`: make another kept setup active. */
  SETUP_SWITCH: 'setup/switch',
  /** panel → worker: `{}` → `Reply<{revision}>`: the active setup starts over, empty. */
  SETUP_RESET: 'setup/reset',
  /** panel → worker: `{}` → `Reply<string>` the Markdown summary of the active setup. */
  SUMMARY: 'setup/summary',
  /** panel → worker: `{}` → `Reply<object>` the active setup and its view, for "Download JSON". */
  EXPORT: 'setup/export',
  /** panel → worker: `{autoFill?: boolean, remind?: boolean}` → `Reply<{revision}>`. */
  PREFS_SET: 'prefs/set',
  /** panel → worker: `{windowId?}` → `Reply<{tabId}>`: fill the last supported tab the admin used. */
  FILL_REQUEST: 'fill/request',
  /** panel → worker: `{}` → `Reply<{revision}>`: fetch the captured app federation metadata URL
   *  (the panel has asked for the host permission first) and take its signing certificate. */
  FETCH_METADATA: 'metadata/fetch',
  /** panel → worker: `{}` → `Reply<SignInWatch>`: the admin starts a test sign-in (the panel has
   *  asked for its permissions first). Only then, for SIGN_IN_WATCH_MS, is a sign-in read. */
  SIGN_IN_START: 'signin/start',
  /** panel → worker: `{text, name}` → `Reply<TraceReport>`: a SAML-tracer export or a HAR file the
   *  admin chose, checked against the active setup; only its verdict is stored (signInTrace). */
  TRACE_CHECK: 'trace/check',
  /** panel → worker: `{includeValues: boolean}` → `Reply<{json, fileName}>`: the test sign-in captured
   *  in this browser session, as a SAML-tracer export; redacted unless `includeValues`. */
  TRACE_EXPORT: 'trace/export',
  /** content → worker: `{title}` → `Reply<{console}>`: a supported page is open (top frame). */
  PAGE_HELLO: 'page/hello',
  /** content → worker: `{snapshot, onDemand, verify?, stuck?: string[]}` → `Reply<{form, forms, regions,
   *  fills}>`: what a frame shows; the core records what it proves and plans the fills. `stuck`
   *  names fills that did not stick after their retries; `regions` are the snapshot's regions
   *  that hold the recognised forms (what the content script watches). */
  PAGE_SNAPSHOT: 'page/snapshot',
  /** panel → worker: `{}` → `Reply<PageSeen | null>`: the latest page seen, with its page report
   *  (values replaced by their shapes) and why it needs one, if it does. */
  PAGE_REPORT: 'page/report',
  /** panel → worker: `{}` → `Reply<null>`: the admin has seen the page-report notice. */
  PAGE_REPORT_DISMISS: 'page/report/dismiss',
  /** worker → content (all frames of a tab): `{}`: collect and fill now. */
  CONTENT_FILL: 'content/fill',
});

/**
 * A page a content script reported, kept in chrome.storage.session (memory only) under
 * `${PAGE_KEY_PREFIX}<tab>/<frame>`: already scrubbed by the core, it holds no value.
 * @typedef {{ at: number, console: string, host: string, title: string, forms: string[], reason: string,
 *   dismissed?: boolean, report: object }} PageSeen
 */
export const PAGE_KEY_PREFIX = 'page:';

/**
 * A test sign-in the admin started, kept in chrome.storage.session under SIGN_IN_WATCH_KEY.
 * @typedef {{ setupId: string, realmSid: string, startedAt: number, until: number }} SignInWatch
 */
export const SIGN_IN_WATCH_KEY = 'signInWatch';
/**
 * The last test sign-in captured, kept in chrome.storage.session (memory only, never written to
 * disk, gone when the browser closes) under SIGN_IN_CAPTURE_KEY, for "Export for support".
 * @typedef {{ setupId: string, url: string, form: string, atMs: number }} SignInCapture
 */
export const SIGN_IN_CAPTURE_KEY = 'signInCapture';
/** How long after "Start test sign-in" a sign-in is read. */
export const SIGN_IN_WATCH_MS = 10 * 60 * 1000;

/** The daily certificate watch (worker/watch.js): its chrome.alarms name and period. */
export const CERT_WATCH_ALARM = 'certificate-watch';
export const CERT_WATCH_PERIOD_MIN = 24 * 60;

/** chrome.storage.session key of a test's clock offset in ms (worker/clock.js). */
export const CLOCK_OFFSET_KEY = 'clockOffsetMs';

/** Storage key of the whole state (see worker/schema.js). */
export const STORAGE_KEY = 'frontlineSso';

/**
 * Send a message to the worker.
 * @param {string} type one of MSG
 * @param {object} [payload]
 * @returns {Promise<Reply<any>>}
 */
export function send(type, payload = {}) {
  return chrome.runtime.sendMessage({ type, ...payload });
}
