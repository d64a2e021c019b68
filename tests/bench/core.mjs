// Benchmark (not a test): times the built wasm core in Node on the real Entra samples.
// Run with `./build.sh bench`. Prints a table; nothing passes or fails.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const wasmPath = resolve(root, 'dist/extension/wasm/frontline_sso_bg.wasm');
const fixtures = resolve(root, 'tests/fixtures');
const t0 = performance.now();
const glue = await import(pathToFileURL(resolve(root, 'dist/extension/wasm/frontline_sso.js')).href);
const bytes = readFileSync(wasmPath);
glue.initSync({ module: bytes });
const initMs = performance.now() - t0;

const pem = readFileSync(resolve(fixtures, 'realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem'), 'utf8');
const der = new Uint8Array(readFileSync(resolve(fixtures, 'generated/good_raw.cer')));
const xml = readFileSync(resolve(fixtures, 'realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml'), 'utf8');
const tenantXml = readFileSync(resolve(fixtures, 'realworld/metadata/aad_tenant_8b966979_2017_jmfixit.xml'), 'utf8');
const now = Date.parse('2026-06-01T00:00:00Z');
const T = 'a9054a0f-2011-4e31-b3ac-fd8c354146ec';

function bench(name, fn) {
  for (let i = 0; i < 20; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 400) { fn(); n++; }
  const us = ((performance.now() - start) * 1000) / n;
  console.log(`${name.padEnd(52)} ${us.toFixed(1).padStart(9)} µs`);
}

async function benchAsync(name, fn) {
  for (let i = 0; i < 20; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 400) {
    await fn();
    n++;
  }
  console.log(`${name.padEnd(52)} ${(((performance.now() - start) * 1000) / n).toFixed(1).padStart(9)} µs`);
}

/** The checks a call queued. */
function pendingOf(call) {
  call();
  return glue.takePendingSignatures();
}

console.log(`.wasm ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped; import + instantiate ${initMs.toFixed(1)} ms`);
bench('realmUrls', () => glue.realmUrls('JB0123456789abcdef0123456789abcdef'));
// The self-signature is WebCrypto's (here Node's): the core names the check, the worker verifies.
bench('inspectCertificate (PEM; the check queued, not verified)', () => {
  glue.inspectCertificate(pem, now);
  glue.takePendingSignatures();
});
bench('inspectCertificate (DER; the check queued, not verified)', () => {
  glue.inspectCertificate(der, now);
  glue.takePendingSignatures();
});
glue.inspectCertificate(der, now);
const [check] = glue.takePendingSignatures();
const alg = { name: 'RSASSA-PKCS1-v1_5', hash: check.hash };
await benchAsync('WebCrypto importKey + verify (Node)', async () => {
  const key = await crypto.subtle.importKey('spki', check.spki, alg, false, ['verify']);
  if (!(await crypto.subtle.verify(alg, key, check.signature, check.tbs))) throw new Error('did not verify');
});
// From here the certificates' verdicts are known, as in a worker after its first look.
for (const c of [check, ...pendingOf(() => glue.inspectCertificate(pem, now))]) {
  glue.setSignatureVerdicts([{ fingerprintSha256: c.fingerprintSha256, valid: true }]);
}
bench('inspectCertificate (DER, verdict known)', () => glue.inspectCertificate(der, now));
for (const x of [xml, tenantXml]) {
  const checks = pendingOf(() => glue.parseMetadata(x, now));
  glue.setSignatureVerdicts(checks.map((c) => ({ fingerprintSha256: c.fingerprintSha256, valid: true })));
}
bench('parseMetadata (app, 1 certificate)', () => glue.parseMetadata(xml, now));
bench('parseMetadata (tenant, 3 certificates)', () => glue.parseMetadata(tenantXml, now));
bench('checkIdpValues (with metadata)', () => glue.checkIdpValues({ loginUrl: `https://login.microsoftonline.com/${T}/saml2`, entraIdentifier: `https://sts.windows.net/${T}/`, metadataXml: xml }, now));

// The full module: the same API plus XML-signature verification, loaded only for sign-ins.
const t1 = performance.now();
const full = await import(pathToFileURL(resolve(root, 'dist/extension/wasm/frontline_sso_full.js')).href);
const fullBytes = readFileSync(resolve(root, 'dist/extension/wasm/frontline_sso_full_bg.wasm'));
full.initSync({ module: fullBytes });
console.log(`full .wasm ${fullBytes.length} bytes, ${gzipSync(fullBytes, { level: 9 }).length} gzipped; import + instantiate ${(performance.now() - t1).toFixed(1)} ms`);
const response = readFileSync(resolve(fixtures, 'realworld/responses/entra_response_a9054a0f_2023_ssoready.SAMLResponse.b64.txt'), 'utf8');
const expect = { realmSid: 'JB0123456789abcdef0123456789abcdef', certificate: pem };
// The plan is the full module's (and the CLI's): the worker builds its views from the setup.
bench('setupPlan (with certificate)', () => full.setupPlan({ realmSid: 'JB0123456789abcdef0123456789abcdef', certificate: pem, nowMs: now }));
bench('checkResponse (real Entra response, signature verified)', () => full.checkResponse(response, expect, Date.parse('2023-11-17T18:39:30Z')));

// Twilio's request on its way to Entra (a failed sign-in's diagnosis starts from it).
const redirect = readFileSync(resolve(fixtures, 'generated/requests/good.redirect-url.txt'), 'utf8').trim();
bench('checkRequest (Redirect binding: URL, base64, DEFLATE, XML)', () => full.checkRequest(redirect, 'JB0123456789abcdef0123456789abcdef'));
