// The message table: who may send what, the input checks, and the work. Every handler
// validates its input's shape before the core sees it; the core validates again.
import { STEPS_BY_CONSOLE } from '../hosts.js';
import { MSG } from '../messages.js';
import { loadCore } from './core.js';
import { nextSetupId } from './schema.js';
import { classify } from './senders.js';
import { read, update } from './store.js';

const fail = (code, message) => ({ ok: false, error: { code, message } });
const ok = (value) => ({ ok: true, value });
const isStr = (v, max = 100_000) => typeof v === 'string' && v.length <= max;

/** Turn a thrown core error `{code, message}` into a reply. */
function replyFromError(e) {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return { ok: false, error: { code: String(e.code), message: String(e.message) } };
  return fail('internal', String(e?.message ?? e));
}

/** Apply one core event to the active setup, serialized with every other write. */
async function applyToActive(event) {
  const core = await loadCore();
  const next = await update((state) => {
    const setup = state.setups[state.activeId];
    state.setups[state.activeId] = core.applySetupEvent(setup, event, Date.now());
    return state;
  });
  return ok({ revision: next.revision });
}

/** Shapes the panel may send, checked before the core sees them. */
function validEvent(e) {
  if (!e || typeof e !== 'object' || !isStr(e.type, 40)) return false;
  for (const k of ['value', 'loginUrl', 'identifier', 'text', 'step', 'what', 'where', 'source', 'outcome']) {
    if (k in e && e[k] !== undefined && !isStr(e[k])) return false;
  }
  if ('bytes' in e && !(Array.isArray(e.bytes) && e.bytes.length <= 256 * 1024)) return false;
  return true;
}

const PAGE = (s) => s.kind === 'page';
const CONTENT = (s) => s.kind === 'content';

/** @type {Record<string, {allow: (s: import('./senders.js').SenderKind) => boolean, run: (msg: any, s: any) => Promise<any>}>} */
const ROUTES = {
  [MSG.CORE_VERSION]: { allow: PAGE, run: async () => ok((await loadCore()).version()) },
  [MSG.REALM_URLS]: {
    allow: PAGE,
    run: async (m) => (isStr(m.sid, 2000) ? ok((await loadCore()).realmUrls(m.sid)) : fail('bad_input', 'sid must be a string.')),
  },
  [MSG.STATE_GET]: {
    allow: PAGE,
    run: async () => {
      const [core, state] = await Promise.all([loadCore(), read()]);
      const setup = state.setups[state.activeId];
      const setups = state.order.map((id) => ({ id, label: state.setups[id]?.realmSidInput || 'New setup' }));
      return ok({ revision: state.revision, activeId: state.activeId, setups, setup, view: core.setupView(setup, Date.now()) });
    },
  },
  [MSG.SETUP_EVENT]: { allow: PAGE, run: (m) => (validEvent(m.event) ? applyToActive(m.event) : Promise.resolve(fail('bad_input', 'Malformed event.'))) },
  [MSG.SETUP_NEW]: {
    allow: PAGE,
    run: async () => {
      const core = await loadCore();
      const next = await update((state) => {
        const id = nextSetupId(state);
        state.setups[id] = core.newSetup(id, Date.now());
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
      const core = await loadCore();
      const next = await update((state) => {
        state.setups[state.activeId] = core.newSetup(state.activeId, Date.now());
        return state;
      });
      return ok({ revision: next.revision });
    },
  },
  [MSG.SUMMARY]: {
    allow: PAGE,
    run: async () => {
      const [core, state] = await Promise.all([loadCore(), read()]);
      return ok(core.setupSummary(state.setups[state.activeId], Date.now()));
    },
  },
  [MSG.EXPORT]: {
    allow: PAGE,
    run: async () => {
      const [core, state] = await Promise.all([loadCore(), read()]);
      const setup = state.setups[state.activeId];
      return ok({ exportedAt: new Date().toISOString(), schema: state.schema, setup, view: core.setupView(setup, Date.now()) });
    },
  },
  [MSG.PAGE_HELLO]: { allow: CONTENT, run: async (_m, s) => ok({ console: s.console }) },
  [MSG.PAGE_OBSERVED]: {
    allow: CONTENT,
    run: async (m, s) => {
      if (!isStr(m.step, 40) || !isStr(m.what, 2000) || !isStr(m.outcome, 20)) return fail('bad_input', 'Malformed evidence.');
      // A console may only report its own steps: a Twilio page cannot mark Azure work done.
      if (!STEPS_BY_CONSOLE[s.console].includes(m.step)) return fail('forbidden', `A ${s.console} page cannot report "${m.step}".`);
      const where = new URL(s.url).hostname;
      return applyToActive({ type: 'observed', step: m.step, outcome: m.outcome, what: m.what, where });
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
    return await r.run(msg, who);
  } catch (e) {
    return replyFromError(e);
  }
}
