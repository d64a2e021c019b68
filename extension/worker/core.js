// Lazy access to the wasm core. The promise is only a cache: after Chrome stops the
// worker it is simply rebuilt on the next message. Never await it at top level: a
// module service worker with top-level await does not register.
import init, * as core from '../wasm/frontline_sso.js';
// Static: service workers may not import() at run time. Only this small glue loads at start.
import initFull, * as full from '../wasm/frontline_sso_full.js';
import { MODULES, initModule } from '../module-cache.js';
import { sessionVerdicts, startVerify } from './selfsig.js';

/**
 * Thrown by a core call that met a certificate whose self-signature the worker has not yet
 * verified (the first module leaves RSA to WebCrypto, see selfsig.js). Nothing was decided:
 * `withVerdicts` verifies the checks and makes the call again.
 */
export class NeedVerdicts extends Error {
  /** @param {any[]} checks what `takePendingSignatures` returned */
  constructor(checks) {
    super('Certificate self-signatures to verify first.');
    this.checks = checks;
  }

  /** @param {{fingerprintSha256: string, valid: boolean | null}[]} verdicts */
  async provide(verdicts) {
    (await loadCore()).setSignatureVerdicts(verdicts);
  }
}

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
        if (pending.length) throw new NeedVerdicts(pending);
        if (failure) throw failure;
        return result;
      };
      return [name, call];
    }),
  );
  return /** @type {M} */ (wrapped);
}

/** @type {Promise<typeof full> | undefined} */
let fullReady;

/**
 * The full core: the same API plus XML-signature verification, ~1 MB more, so it is loaded
 * only to check a test sign-in's SAML response. It verifies self-signatures itself, in Rust.
 */
export function loadFullCore() {
  fullReady ??= initModule(initFull, MODULES.full).then(() => full);
  return fullReady;
}
