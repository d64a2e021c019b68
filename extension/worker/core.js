// Lazy access to the wasm core. The promise is only a cache: after Chrome stops the
// worker it is simply rebuilt on the next message. Never await it at top level: a
// module service worker with top-level await does not register.
import init, * as core from '../wasm/frontline_sso.js';
import { MODULES, initModule } from '../module-cache.js';
import { NeedVerdicts, sessionVerdicts, startVerify } from './selfsig.js';

export { NeedVerdicts } from './selfsig.js';
export { loadFullCore } from './full-core.js';

/** @type {Promise<typeof core> | undefined} */
let ready;

/**
 * The first module, each call checked for self-signatures it could not decide. Compiled while
 * it streams in (instantiateStreaming) from the extension's cache, on the first call only; the
 * session's verdicts are read meanwhile.
 * @returns {Promise<typeof core>} the initialized core
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
 * @template {Record<string, any>} M
 * @param {M} mod
 * @returns {M}
 */
function guarded(mod) {
  const wrapped = Object.fromEntries(
    Object.entries(mod).map(([name, f]) => {
      if (
        typeof f !== 'function' ||
        /^(default|initSync|takePendingSignatures|setSignatureVerdicts|onSignatureCheck)$/.test(name)
      )
        return [name, f];
      /** @param {any[]} args */
      const call = (...args) => {
        let result;
        let failure;
        try {
          result = f(...args);
        } catch (e) {
          failure = e;
        }
        const pending = mod.takePendingSignatures();
        if (pending.length) throw new NeedVerdicts(pending, (verdicts) => mod.setSignatureVerdicts(verdicts));
        if (failure) throw failure;
        return result;
      };
      return [name, call];
    }),
  );
  return /** @type {M} */ (wrapped);
}
