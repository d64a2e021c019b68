// Lazy access to the wasm core. The promise is only a cache: after Chrome stops the
// worker it is simply rebuilt on the next message. Never await it at top level: a
// module service worker with top-level await does not register.
import init, * as core from '../wasm/frontline_sso.js';
import { MODULES, initModule } from '../module-cache.js';
import { sessionVerdicts, startVerify, verdictsFor } from './selfsig.js';

export { loadFullCore } from './full-core.js';

/** @type {Promise<Guarded<typeof core>> | undefined} */
let ready;

/**
 * The first module's calls that may meet a certificate: they verify what they must first, so
 * they answer asynchronously. Every other call is made as it is.
 */
const CHECKED = [
  'inspectCertificate',
  'parseMetadata',
  'checkIdpValues',
  'applySetupEvent',
  'setupView',
  'setupSummary',
  'observePage',
  'pageReport',
];

/**
 * @template M
 * @typedef {{ [K in keyof M]: K extends 'inspectCertificate' | 'parseMetadata' | 'checkIdpValues' |
 *   'applySetupEvent' | 'setupView' | 'setupSummary' | 'observePage' | 'pageReport'
 *   ? (M[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : M[K]) : M[K] }} Guarded
 */

/**
 * The first module, its calls that may meet a certificate verifying its self-signature first.
 * Compiled while it streams in (instantiateStreaming) from the extension's cache, on the first
 * call only; the session's verdicts are read meanwhile.
 * @returns {Promise<Guarded<typeof core>>} the initialized core
 */
export function loadCore() {
  ready ??= Promise.all([initModule(init, MODULES.first), sessionVerdicts().catch(() => [])]).then(([, verdicts]) => {
    if (verdicts.length) core.setSignatureVerdicts(verdicts);
    core.onSignatureCheck(startVerify);
    return guarded(core);
  });
  return ready;
}

/**
 * The module with each CHECKED call made until it decides: a call that met a certificate whose
 * self-signature has no verdict yet decided nothing (the core throws or answers before writing
 * anything), so the worker verifies it (WebCrypto, selfsig.js), hands the verdict over and
 * makes the call again. Callers never see it.
 * @template {Record<string, any>} M
 * @param {M} mod
 * @returns {Guarded<M>}
 */
function guarded(mod) {
  const wrapped = Object.fromEntries(
    Object.entries(mod).map(([name, f]) => {
      if (typeof f !== 'function' || !CHECKED.includes(name)) return [name, f];
      /** @param {any[]} args */
      const call = async (...args) => {
        for (let round = 0; ; round++) {
          let result;
          let failure;
          try {
            result = f(...args);
          } catch (e) {
            failure = e;
          }
          const pending = mod.takePendingSignatures();
          if (!pending.length || round >= 3) {
            if (failure) throw failure;
            return result;
          }
          mod.setSignatureVerdicts(await verdictsFor(pending));
        }
      };
      return [name, call];
    }),
  );
  return /** @type {Guarded<M>} */ (wrapped);
}
