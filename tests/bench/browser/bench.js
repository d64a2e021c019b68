// Runs in an extension page of the benchmark's copy of dist/: the same Chromium, the same
// WebCrypto and the same built modules as the worker. The driver (../browser.mjs) calls these.
import init, * as core from '../extension/wasm/frontline_sso.js';
import { startVerify, verdictFor, verify } from '../extension/worker/selfsig.js';
import { peers } from './peers.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');

/**
 * The work as the worker does it the first time it meets a certificate: the core tells
 * `startVerify` of the check as it queues it, WebCrypto runs while the core goes on, and the
 * verdict is awaited after. No verdict is handed back, so every round verifies again.
 */
async function thisCore(der) {
  const report = core.inspectCertificate(der, NOW);
  const [check] = core.takePendingSignatures();
  return report.thumbprintSha1.length === 40 && (await verdictFor(check));
}

/** The wasm's share alone (parse, fields, SHA-1, SHA-256, PEM), for the record. */
async function thisCoreWithoutVerify(der) {
  listening = false;
  const report = core.inspectCertificate(der, NOW);
  core.takePendingSignatures();
  listening = true;
  return report.thumbprintSha1.length === 40;
}

let listening = true;

/** WebCrypto's importKey(spki) + verify alone, on the check the core names. */
let check;
async function webCryptoAlone() {
  return verify(check);
}

/**
 * Certificate inspection, interleaved: each round runs a batch of each implementation in turn.
 * @param {number[]} derBytes
 * @returns {Promise<Record<string, number[]>>} µs per certificate, one figure per round
 */
globalThis.benchCertificates = async (derBytes, rounds = 15, batch = 50) => {
  await init({ module_or_path: new URL('../extension/wasm/frontline_sso_bg.wasm', import.meta.url) });
  const der = new Uint8Array(derBytes);
  core.inspectCertificate(der, NOW);
  [check] = core.takePendingSignatures();
  core.onSignatureCheck((c) => listening && startVerify(c));
  const impls = {
    'this core: wasm + WebCrypto verify': thisCore,
    ...peers,
    'this core: wasm alone (no verify)': thisCoreWithoutVerify,
    'WebCrypto importKey + verify alone': webCryptoAlone,
  };
  /** @type {Record<string, number[]>} */
  const out = {};
  for (const [name, fn] of Object.entries(impls)) {
    if ((await fn(der)) !== true) throw new Error(`${name} did not verify the certificate`);
    for (let i = 0; i < 5; i++) await fn(der); // warm up
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(impls)) {
      globalThis.gc?.();
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) await fn(der);
      (out[name] ??= []).push(((performance.now() - t0) * 1000) / batch);
    }
  }
  return out;
};

/** One message to the worker, timed from sendMessage to the reply. */
globalThis.timedMessage = async (msg) => {
  const t0 = performance.now();
  const reply = await chrome.runtime.sendMessage(msg);
  return { ms: performance.now() - t0, ok: reply?.ok, code: reply?.error?.code };
};
