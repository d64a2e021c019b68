// Certificates' own signatures, verified with WebCrypto: native, ~40 µs a certificate where
// RSA in wasm took ~650 µs. The core names each check (key, signed bytes, signature, hash)
// and judges with the verdict; this file only runs `verify`, for core.js's calls to retry with.
// The core tells us of a check as soon as it queues one, so WebCrypto starts on its own thread
// while the core goes on.
// Verdicts are kept per SHA-256 fingerprint for the browser session (storage.session, read
// back into each new module), so a certificate is verified once.
import { loadFullCore } from './full-core.js';

const KEY = 'selfSignatureVerdicts';
/** No session meets this many certificates; a flood of them only empties the cache. */
const MAX_KEPT = 256;

/** Verifications under way, by fingerprint. @type {Map<string, Promise<boolean | null>>} */
const inflight = new Map();

/**
 * The core's listener (`onSignatureCheck`): start verifying now.
 * @param {SignatureCheck} check
 */
export function startVerify(check) {
  if (!inflight.has(check.fingerprintSha256)) inflight.set(check.fingerprintSha256, verify(check));
}

/**
 * The verdict on a check the core named: the one under way, or a new one.
 * @param {SignatureCheck} check
 */
export async function verdictFor(check) {
  const valid = await (inflight.get(check.fingerprintSha256) ?? verify(check));
  inflight.delete(check.fingerprintSha256);
  return valid;
}

/**
 * The verdicts on the checks a core call named, remembered for the session.
 * @param {SignatureCheck[]} checks
 */
export async function verdictsFor(checks) {
  const verdicts = await Promise.all(
    checks.map(async (c) => ({ fingerprintSha256: c.fingerprintSha256, valid: await verdictFor(c) })),
  );
  remember(verdicts).catch(() => {});
  return verdicts;
}

/** @param {{fingerprintSha256: string, valid: boolean | null}[]} verdicts */
async function remember(verdicts) {
  const stored = (await chrome.storage.session.get(KEY))[KEY] ?? {};
  const kept = Object.keys(stored).length + verdicts.length > MAX_KEPT ? {} : stored;
  for (const v of verdicts) kept[v.fingerprintSha256] = v.valid;
  await chrome.storage.session.set({ [KEY]: kept });
}

/**
 * The session's verdicts, for a new module (read while it compiles).
 * @returns {Promise<{fingerprintSha256: string, valid: boolean | null}[]>}
 */
export async function sessionVerdicts() {
  const stored = (await chrome.storage.session.get(KEY))[KEY] ?? {};
  return Object.entries(stored)
    .slice(0, MAX_KEPT)
    .map(([fingerprintSha256, valid]) => ({ fingerprintSha256, valid }));
}

/**
 * RSASSA-PKCS1-v1_5 or RSA-PSS (with the certificate's salt length) over the TBS bytes. A hash
 * WebCrypto lacks (SHA-224, SHA-512/t), PSS whose MGF1 uses another hash, or a key WebCrypto
 * refuses goes to the full module's pure-Rust verifier, so every verdict is the core's rule.
 * @param {SignatureCheck} check
 * @returns {Promise<boolean | null>}
 */
export async function verify(check) {
  if (check.webCrypto) {
    try {
      const pss = check.padding === 'pss';
      const alg = { name: pss ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash: check.hash };
      const key = await crypto.subtle.importKey('spki', check.spki, alg, false, ['verify']);
      const params = pss ? { name: 'RSA-PSS', saltLength: check.saltLength } : alg;
      return await crypto.subtle.verify(params, key, check.signature, check.tbs);
    } catch {
      // below
    }
  }
  return (await loadFullCore()).verifySelfSignature(check) ?? null;
}

/** @typedef {Uint8Array<ArrayBuffer>} Bytes */
/**
 * What the core's `takePendingSignatures` gives: one RSA self-signature to verify, PKCS #1 v1.5
 * or RSASSA-PSS.
 * @typedef {{fingerprintSha256: string, hash: string, padding: 'pkcs1' | 'pss', mgfHash: string | null,
 *   saltLength: number, webCrypto: boolean, spki: Bytes, tbs: Bytes, signature: Bytes}} SignatureCheck
 */
