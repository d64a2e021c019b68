// Lazy access to the wasm core. The promise is only a cache: after Chrome stops the
// worker it is simply rebuilt on the next message. Never await it at top level: a
// module service worker with top-level await does not register.
import init, * as core from '../wasm/frontline_sso.js';
// Static: service workers may not import() at run time. Only this small glue loads at start.
import initFull, * as full from '../wasm/frontline_sso_full.js';

/** @type {Promise<typeof core> | undefined} */
let ready;

/** @returns {Promise<typeof core>} the initialized core */
export function loadCore() {
  return (ready ??= init({ module_or_path: new URL('../wasm/frontline_sso_bg.wasm', import.meta.url) }).then(
    () => core,
  ));
}

/** @type {Promise<typeof full> | undefined} */
let fullReady;

/**
 * The full core: the same API plus XML-signature verification, ~1 MB more, so it is loaded
 * only to check a test sign-in's SAML response.
 */
export function loadFullCore() {
  fullReady ??= initFull({ module_or_path: new URL('../wasm/frontline_sso_full_bg.wasm', import.meta.url) }).then(
    () => full,
  );
  return fullReady;
}
