// Lazy access to the wasm core. The promise is only a cache: after Chrome stops the
// worker it is simply rebuilt on the next message. Never await it at top level: a
// module service worker with top-level await does not register.
import init, * as core from '../wasm/frontline_sso.js';

/** @type {Promise<typeof core> | undefined} */
let ready;

/** @returns {Promise<typeof core>} the initialized core */
export function loadCore() {
  ready ??= init({ module_or_path: new URL('../wasm/frontline_sso_bg.wasm', import.meta.url) }).then(() => core);
  return ready;
}
