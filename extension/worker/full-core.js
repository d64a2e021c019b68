// The full core: the same API as the first module plus XML-signature verification, ~1 MB more,
// so it is loaded only to check a test sign-in (and for a self-signature WebCrypto cannot
// verify). It verifies self-signatures itself, in Rust. Its own file, so that selfsig.js and
// core.js both reach it without importing each other.
// Static: service workers may not import() at run time. Only this small glue loads at start.
import initFull, * as full from '../wasm/frontline_sso_full.js';
import { MODULES, initModule } from '../module-cache.js';

/** @type {Promise<typeof full> | undefined} */
let fullReady;

/** The full core, initialized on the first call. */
export function loadFullCore() {
  fullReady ??= initModule(initFull, MODULES.full).then(() => full);
  return fullReady;
}
