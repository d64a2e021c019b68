// The message table: who may send what, the input checks, and the work. Every handler
// validates its input's shape before the core sees it; the core validates again. Page reports
// (page-reports.js) and the metadata fetch (metadata-fetch.js) live in files of their own.
import { capSnapshot, SNAPSHOT_LIMITS, STUCK_LIMITS } from '../limits.js';
import { MSG, SIGN_IN_CAPTURE_KEY } from '../messages.js';
import { now } from './clock.js';
import { signInTrace } from '../events.js';
import { loadCore, loadFullCore } from './core.js';
import { fetchCertificate, fetchCertificateSoon } from './metadata-fetch.js';
import { dismissLatest, latestPage, rememberPage } from './page-reports.js';
import { nextSetupId } from './schema.js';
import { classify } from './senders.js';
import { applyToActive } from './setup-events.js';
import { startWatch } from './signin.js';
import { read, update } from './store.js';

const fail = (code, message) => ({ ok: false, error: { code, message } });
const ok = (value) => ({ ok: true, value });
const isStr = (v, max = 100_000) => typeof v === 'string' && v.length <= max;

/** Turn a thrown core error `{code, message}` into a reply. */
function replyFromError(e) {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e)
    return { ok: false, error: { code: String(e.code), message: String(e.message) } };
  return fail('internal', String(e?.message ?? e));
}

/** The worker's fill mode for a page pass: the panel's toggle, or the admin's explicit ask. */
const modeFor = (state, onDemand) => (onDemand ? 'onDemand' : state.prefs?.autoFill === false ? 'off' : 'auto');

/** A snapshot's shape and size, before the core sees it. */
function validSnapshot(s) {
  if (!s || typeof s !== 'object') return false;
  const arr = (a, max) => a === undefined || (Array.isArray(a) && a.length <= max);
  const L = SNAPSHOT_LIMITS;
  const lists =
    arr(s.runs, L.runs) &&
    arr(s.groups, L.runs) &&
    ['fields', 'texts', 'tables', 'headings', 'notices', 'regions'].every((k) => arr(s[k], L[k]));
  return isStr(s.url ?? '', L.string) && isStr(s.title ?? '', L.string) && lists;
}

const validStuck = (a) =>
  a === undefined ||
  (Array.isArray(a) && a.length <= STUCK_LIMITS.fills && a.every((x) => isStr(x, STUCK_LIMITS.name)));

/** Shapes the panel may send, checked before the core sees them. */
function validEvent(e) {
  if (!e || typeof e !== 'object' || !isStr(e.type, 40)) return false;
  for (const k of ['value', 'loginUrl', 'entraIdentifier', 'step', 'what', 'where', 'source', 'outcome', 'id']) {
    if (k in e && e[k] !== undefined && !isStr(e[k])) return false;
  }
  if ('text' in e && e.text !== undefined && !isStr(e.text, 1024 * 1024)) return false;
  if ('bytes' in e && !(Array.isArray(e.bytes) && e.bytes.length <= 256 * 1024)) return false;
  if (e.type === 'signInResponse' && !isStr(e.text, 1024 * 1024)) return false;
  if (['signInRequest', 'signInFailure'].includes(e.type) && !isStr(e.text, 64 * 1024)) return false;
  if (e.type === 'signInTrace' && !isStr(e.text, TRACE_MAX)) return false;
  return true;
}

const PAGE = (s) => s.kind === 'page';
const CONTENT = (s) => s.kind === 'content';
/** A SAML-tracer export or a HAR file: the core's own cap (setup/trace/read.rs). */
const TRACE_MAX = 16 * 1024 * 1024;

/** A setup's name in the panel's list, the core's (a SID, or Console's entity ID, never a document). */
function labelOf(core, setup) {
  try {
    return (setup && core.setupLabel(setup)) || 'New setup';
  } catch {
    return 'New setup';
  }
}

/**
 * @typedef {(msg: any, s: any, sender: chrome.runtime.MessageSender) => Promise<any>} Handler
 * @type {Record<string, {allow: (s: import('./senders.js').SenderKind) => boolean, run: Handler}>}
 */
const ROUTES = {
  [MSG.CORE_VERSION]: { allow: PAGE, run: async () => ok((await loadCore()).version()) },
  [MSG.REALM_URLS]: {
    allow: PAGE,
    run: async (m) =>
      isStr(m.sid, 2000) ? ok((await loadCore()).realmUrls(m.sid)) : fail('bad_input', 'sid must be a string.'),
  },
  [MSG.STATE_GET]: {
    allow: PAGE,
    run: async () => {
      const [core, state, at] = await Promise.all([loadCore(), read(), now()]);
      const setup = state.setups[state.activeId];
      const setups = state.order.map((id) => ({ id, label: labelOf(core, state.setups[id]) }));
      return ok({
        revision: state.revision,
        activeId: state.activeId,
        setups,
        setup,
        prefs: { autoFill: state.prefs?.autoFill !== false, remind: state.prefs?.remind === true },
        view: await core.setupView(setup, at),
      });
    },
  },
  [MSG.SIGN_IN_START]: { allow: PAGE, run: async () => ok(await startWatch()) },
  [MSG.TRACE_CHECK]: {
    allow: PAGE,
    run: async (m) => {
      if (!isStr(m.text, TRACE_MAX) || !isStr(m.name, 200)) return fail('bad_input', 'A trace is a text up to 16 MB.');
      const [core, state, at] = await Promise.all([loadFullCore(), read(), now()]);
      const report = core.checkTrace(m.text, state.setups[state.activeId], at);
      // The verdict alone is stored; the timeline goes back to the panel and nowhere else.
      await applyToActive(signInTrace(m.text, `trace ${m.name}`));
      return ok(report);
    },
  },
  [MSG.TRACE_EXPORT]: {
    allow: PAGE,
    run: async (m) => {
      if (typeof m.includeValues !== 'boolean') return fail('bad_input', 'includeValues is true or false.');
      const [core, state, stored] = await Promise.all([
        loadFullCore(),
        read(),
        chrome.storage.session.get(SIGN_IN_CAPTURE_KEY),
      ]);
      const kept = /** @type {import('../messages.js').SignInCapture | undefined} */ (stored[SIGN_IN_CAPTURE_KEY]);
      const captured = kept?.setupId === state.activeId ? kept : null; // another setup's sign-in is not this one's
      const json = core.exportTrace(captured, state.setups[state.activeId], m.includeValues);
      const at = new Date(captured?.atMs ?? 0).toISOString().replace(/[:.]/g, '-');
      return ok({ json, fileName: `SAML-tracer-export-${at}-frontline-sso.json` });
    },
  },
  [MSG.SETUP_EVENT]: {
    allow: PAGE,
    run: (m) => (validEvent(m.event) ? applyToActive(m.event) : Promise.resolve(fail('bad_input', 'Malformed event.'))),
  },
  [MSG.SETUP_NEW]: {
    allow: PAGE,
    run: async () => {
      const [core, at] = await Promise.all([loadCore(), now()]);
      const next = await update((state) => {
        const id = nextSetupId(state);
        state.setups[id] = core.newSetup(id, at);
        state.order.push(id);
        state.activeId = id;
        return state;
      });
      return ok({ revision: next.revision });
    },
  },
  [MSG.SETUP_SWITCH]: {
    allow: PAGE,
    run: async (m) => {
      if (!isStr(m.id, 100)) return fail('bad_input', 'id must be a string.');
      const next = await update((state) => {
        if (!state.setups[m.id]) throw { code: 'unknown_setup', message: 'There is no such setup.' };
        state.activeId = m.id;
        return state;
      });
      return ok({ revision: next.revision });
    },
  },
  [MSG.SETUP_RESET]: {
    allow: PAGE,
    run: async () => {
      const [core, at] = await Promise.all([loadCore(), now()]);
      const next = await update((state) => {
        state.setups[state.activeId] = core.newSetup(state.activeId, at);
        return state;
      });
      return ok({ revision: next.revision });
    },
  },
  [MSG.SUMMARY]: {
    allow: PAGE,
    run: async () => {
      const [core, state, at] = await Promise.all([loadCore(), read(), now()]);
      return ok(await core.setupSummary(state.setups[state.activeId], at));
    },
  },
  [MSG.EXPORT]: {
    allow: PAGE,
    run: async () => {
      const [core, state, at] = await Promise.all([loadCore(), read(), now()]);
      const setup = state.setups[state.activeId];
      return ok({
        exportedAt: new Date(at).toISOString(),
        schema: state.schema,
        setup,
        view: await core.setupView(setup, at),
      });
    },
  },
  [MSG.PREFS_SET]: {
    allow: PAGE,
    run: async (m) => {
      const set = (k) => typeof m[k] === 'boolean';
      if (!set('autoFill') && !set('remind')) return fail('bad_input', 'autoFill or remind must be true or false.');
      const prefs = { ...(set('autoFill') && { autoFill: m.autoFill }), ...(set('remind') && { remind: m.remind }) };
      const next = await update((state) => ({ ...state, prefs: { ...state.prefs, ...prefs } }));
      return ok({ revision: next.revision });
    },
  },
  [MSG.FILL_REQUEST]: {
    allow: PAGE,
    run: async (m) => {
      const state = await read();
      const tabs = state.lastTabs ?? {};
      const key =
        typeof m.windowId === 'number'
          ? String(m.windowId)
          : Object.keys(tabs).sort((a, b) => tabs[b].at - tabs[a].at)[0];
      const target = key === undefined ? undefined : tabs[key];
      if (!target) return fail('no_tab', 'Open the Azure portal or the Twilio Console page to fill, then try again.');
      try {
        await chrome.tabs.sendMessage(target.tabId, { type: MSG.CONTENT_FILL });
      } catch {
        return fail('no_tab', 'That tab is closed or was navigated away. Open the page to fill, then try again.');
      }
      return ok({ tabId: target.tabId });
    },
  },
  [MSG.FETCH_METADATA]: { allow: PAGE, run: fetchCertificate },
  [MSG.PAGE_REPORT]: { allow: PAGE, run: async () => ok(await latestPage()) },
  [MSG.PAGE_REPORT_DISMISS]: {
    allow: PAGE,
    run: async () => {
      await dismissLatest();
      return ok(null);
    },
  },
  [MSG.PAGE_HELLO]: {
    allow: CONTENT,
    run: async (_m, s, sender) => {
      // Remember the last supported tab per window, for "Fill this page" and the shortcut.
      const tab = sender.tab;
      const tabId = tab?.id;
      if (tab && tabId !== undefined && sender.frameId === 0) {
        await update((state) => {
          const lastTabs = { ...(state.lastTabs ?? {}), [String(tab.windowId)]: { tabId, at: Date.now() } };
          return { ...state, lastTabs };
        });
      }
      return ok({ console: s.console });
    },
  },
  [MSG.PAGE_SNAPSHOT]: {
    allow: CONTENT,
    run: async (m, s, sender) => {
      if (!validSnapshot(m.snapshot) || !validStuck(m.stuck)) return fail('bad_input', 'Malformed page snapshot.');
      // Every string cut again here: the core never sees more than the limits, whatever a page sends.
      const capped = capSnapshot(m.snapshot);
      if (!capped) return fail('too_large', 'This page shows more than the extension reads.');
      // The tab's top URL is Chrome's word, never the page's: the portal shows the app's ids there.
      const snapshot = { ...capped, topUrl: sender.tab?.url ?? '' };
      m = { ...m, snapshot };
      const core = await loadCore();
      /** @type {any} the core's observePage result */
      let result = null;
      let setup = null;
      let hadMetadataUrl = true;
      const at = await now();
      await update(async (state) => {
        setup = state.setups[state.activeId];
        hadMetadataUrl = Boolean(setup.portal?.metadataUrl);
        // Each console only ever gets its own forms recognised: a Twilio page proves nothing about Azure.
        result = await core.observePage(setup, m.snapshot, s.console, modeFor(state, m.onDemand === true), at);
        if (!result.changed) return null;
        state.setups[state.activeId] = result.setup;
        return state;
      });
      // The metadata holds a certificate the setup lacks (none yet, or a renewal's new active
      // one): fetch it, if already allowed. Not only when newly captured: Chrome may have
      // stopped the worker during an earlier fetch.
      if (result.fetchMetadata) {
        fetchCertificateSoon(!hadMetadataUrl).catch(() => {});
      }
      // The latest look at the frame (a later round may already show another blade) is kept
      // after the reply has gone: it never slows a fill.
      setTimeout(() => rememberPage(core, setup, m, s, sender, result).catch(() => {}), 0);
      return ok({
        form: result.form,
        forms: result.forms,
        regions: result.regions,
        fills: result.fills,
        console: s.console,
      });
    },
  },
};

/**
 * @param {any} msg
 * @param {chrome.runtime.MessageSender} sender
 */
export async function route(msg, sender) {
  const r = msg && typeof msg === 'object' && typeof msg.type === 'string' ? ROUTES[msg.type] : undefined;
  if (!r) return fail('unknown_message', 'Unknown message.');
  const who = classify(sender, chrome.runtime.id);
  if (!r.allow(who)) return fail('forbidden', 'This sender may not send that message.');
  try {
    return await r.run(msg, who, sender);
  } catch (e) {
    return replyFromError(e);
  }
}
