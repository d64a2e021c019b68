// The message table and the sender checks. Every handler validates its input's shape
// before the core sees it; the core validates again.
import { MSG } from '../messages.js';
import { loadCore } from './core.js';

/** True for the extension's own pages (the panel), never for content scripts or other extensions. */
export function fromOwnPage(sender) {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL('')) && !sender.tab?.url?.startsWith('http');
}

const fail = (code, message) => ({ ok: false, error: { code, message } });

/** Run a core call, turning a thrown `{code, message}` into a reply. */
async function call(fn) {
  try {
    return { ok: true, value: fn(await loadCore()) };
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) return { ok: false, error: e };
    return fail('internal', String(e));
  }
}

/** @type {Record<string, {allow: (sender: chrome.runtime.MessageSender) => boolean, run: (msg: any) => Promise<any>}>} */
const routes = {
  [MSG.CORE_VERSION]: { allow: fromOwnPage, run: () => call((core) => core.version()) },
  [MSG.REALM_URLS]: {
    allow: fromOwnPage,
    run: (msg) => (typeof msg.sid === 'string' ? call((core) => core.realmUrls(msg.sid)) : Promise.resolve(fail('bad_input', 'sid must be a string.'))),
  },
};

/**
 * @param {any} msg
 * @param {chrome.runtime.MessageSender} sender
 */
export async function route(msg, sender) {
  const r = msg && typeof msg === 'object' && typeof msg.type === 'string' ? routes[msg.type] : undefined;
  if (!r) return fail('unknown_message', 'Unknown message.');
  if (!r.allow(sender)) return fail('forbidden', 'This sender may not send that message.');
  return r.run(msg);
}
