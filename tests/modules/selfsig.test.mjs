// Against the built extension (dist/), in Node: the worker's path, the first module with
// WebCrypto verifying self-signatures, gives the same reports as the full module's pure-Rust
// verifier (the CLI's) on every certificate and metadata fixture, and only the core's own
// checks can receive a verdict.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures');
const now = Date.parse('2026-11-29T00:00:00Z');

// The worker's world: session storage in memory, and fetch() of the extension's own files.
const session = new Map();
globalThis.chrome = /** @type {any} */ ({
  storage: {
    session: {
      get: async (k) => (session.has(k) ? { [k]: session.get(k) } : {}),
      set: async (o) => Object.entries(o).forEach(([k, v]) => session.set(k, v)),
    },
  },
});
globalThis.fetch = async (url) =>
  new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'application/wasm' } });

const { loadCore, loadFullCore } = await import(`${root}/dist/extension/worker/core.js`);
const [core, full] = await Promise.all([loadCore(), loadFullCore()]);

/** @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** A call's result or its thrown `{code, message}`, for comparing. */
async function outcome(fn) {
  try {
    return { value: await fn() };
  } catch (e) {
    return { error: e };
  }
}

test('verdicts are kept for the session, and a new module starts from them', async () => {
  const pem = readFileSync(resolve(fixtures, 'generated/bad_self_signature.pem'), 'utf8');
  const fingerprint = full.inspectCertificate(pem, now).fingerprintSha256;
  const report = await core.inspectCertificate(pem, now);
  assert.equal(report.selfSignatureValid, false);
  await new Promise((r) => setTimeout(r, 10)); // remembered after the reply
  assert.equal(session.get('selfSignatureVerdicts')[fingerprint], false);
  assert.deepEqual(core.takePendingSignatures(), [], 'nothing is pending once verified');
  // A module that starts from the session's verdicts asks for nothing.
  const again = await import(`${root}/dist/extension/wasm/frontline_sso.js?again`);
  await again.default({ module_or_path: new URL(`file://${root}/dist/extension/wasm/frontline_sso_bg.wasm`) });
  again.setSignatureVerdicts([{ fingerprintSha256: fingerprint, valid: false }]);
  assert.equal(again.inspectCertificate(pem, now).selfSignatureValid, false);
  assert.deepEqual(again.takePendingSignatures(), []);
  assert.throws(() => core.setSignatureVerdicts('not a list'), { code: 'bad_input' });
});

test('the worker path gives the full module’s report on every certificate and metadata fixture', async () => {
  let compared = 0;
  for (const path of files(fixtures)) {
    const name = relative(fixtures, path);
    const bytes = new Uint8Array(readFileSync(path));
    const text = new TextDecoder().decode(bytes);
    const calls = [
      ['inspectCertificate', [bytes, now]],
      ...(/<(\w+:)?EntityDescriptor/.test(text) ? [['parseMetadata', [text, now]]] : []),
    ];
    for (const [fn, args] of calls) {
      const ours = await outcome(() => core[fn](...args));
      const theirs = await outcome(() => full[fn](...args));
      assert.deepEqual(ours, theirs, `${name}: ${fn}`);
      compared++;
    }
  }
  assert.ok(compared > 100, `only ${compared} calls compared`);
});

test('named verdicts, through WebCrypto or the full module', async () => {
  const cases = [
    ['generated/good.pem', true],
    ['generated/bad_self_signature.pem', false],
    ['generated/sha1_signed.pem', true],
    ['generated/weak_key_1024.pem', true],
    ['generated/sha512_256_signed.pem', true], // WebCrypto has no SHA-512/256: the full module's verifier
    // RSASSA-PSS: WebCrypto with the certificate's salt, or (MGF1 over another hash) the full module.
    ['generated/rsa_pss.pem', true],
    ['generated/rsa_pss_sha384_salt0.pem', true],
    ['generated/rsa_pss_mgf1_sha1.pem', true],
    ['generated/rsa_pss_bad_signature.pem', false],
    ['generated/sha3_256_signed.pem', null],
    ['realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem', true],
  ];
  for (const [file, want] of cases) {
    const pem = readFileSync(resolve(fixtures, file), 'utf8');
    const report = await core.inspectCertificate(pem, now);
    assert.equal(report.selfSignatureValid, want, file);
  }
});
