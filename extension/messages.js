// Every message between the extension's parts, defined once. The worker's router accepts
// exactly these; anything else is refused.

/** @typedef {{ code: string, message: string }} CoreError */
/** @template T @typedef {{ ok: true, value: T } | { ok: false, error: CoreError }} Reply */

export const MSG = Object.freeze({
  /** Panel → worker. `{}` → `Reply<string>`: the core's version (and proof the wasm loads). */
  CORE_VERSION: 'core/version',
  /** Panel → worker. `{ sid: string }` → `Reply<{realmSid, entityId, replyUrl, normalized}>`. */
  REALM_URLS: 'realm/urls',
});

/**
 * Send a message to the worker and unwrap its reply.
 * @param {string} type one of MSG
 * @param {object} [payload]
 * @returns {Promise<Reply<any>>}
 */
export async function send(type, payload = {}) {
  return chrome.runtime.sendMessage({ type, ...payload });
}
