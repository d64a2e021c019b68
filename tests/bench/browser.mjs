// Benchmark (not a test), in Debian's Chromium with the built extension: certificate
// inspection by this core and by its peers, side by side in one extension page; the worker's
// cold start; the modules' sizes. Run with `./build.sh bench`. Prints tables; nothing fails
// but a wrong verdict.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { DIST, launch, stopWorker } from '../e2e/harness.mjs';
import { MSG } from '../../extension/messages.js';
import { setCertificate, setRealmSid, signInResponse } from '../../extension/events.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const SID = 'JB0123456789abcdef0123456789abcdef';

// The benchmark's own copy of dist/, with the page and the bundled peers beside the extension.
const dir = join(mkdtempSync(join(tmpdir(), 'fsa-bench-')), 'dist');
cpSync(DIST, dir, { recursive: true });
mkdirSync(join(dir, 'bench'));
for (const f of ['bench.html', 'bench.js']) cpSync(resolve(import.meta.dirname, 'browser', f), join(dir, 'bench', f));
await build({
  entryPoints: [resolve(import.meta.dirname, 'browser/peers.js')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  outfile: join(dir, 'bench/peers.js'),
  logLevel: 'warning',
});

const pem = readFileSync(resolve(fixtures, 'realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem'), 'utf8');
const der = [...Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')];

// --expose-gc: every batch starts after a collection, so no one pays for another's garbage.
const ext = await launch({ extDir: dir, args: ['--js-flags=--expose-gc'] });
try {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => console.error(`bench page: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`bench page: ${m.text()}`));
  await page.goto(ext.url('bench/bench.html'));
  await page.waitForFunction(() => typeof globalThis.benchCertificates === 'function');

  console.log(
    `\nCertificate inspection in ${await page.evaluate(() => navigator.userAgent.match(/Chrom\w+\/[\d.]+/)?.[0])}`,
  );
  console.log('(the real Entra certificate, DER; parse, fields, SHA-1, SHA-256, RSA self-signature)');
  const runs = await page.evaluate((d) => globalThis.benchCertificates(d), der);
  const OURS = 'this core: wasm + WebCrypto verify';
  for (const [name, xs] of Object.entries(runs)) {
    // Each round ran every implementation back to back: the ratio is taken within a round, so a
    // machine that slows down for a while slows both sides of it.
    const ratios = xs.map((x, i) => x / runs[OURS][i]);
    const vs = name.startsWith('this core') || name.includes('alone') ? '' : `${median(ratios).toFixed(1)}× this core`;
    console.log(`  ${name.padEnd(40)} ${median(xs).toFixed(1).padStart(8)} µs  ${vs}`);
  }
} finally {
  await ext.close();
}

// Cold starts.
const cold = await launch({ extDir: dir });
try {
  const page = await cold.context.newPage();
  await page.goto(cold.url('bench/bench.html'));
  await page.waitForFunction(() => typeof globalThis.timedMessage === 'function');
  // The worker stopped over CDP before each message; medians of 15, interleaved. In a browser
  // of its own: once a page has compiled a module, V8 shares the compiled code with the worker
  // in the same process, and the worker's compile would look free.
  const response = readFileSync(
    resolve(fixtures, 'realworld/responses/entra_response_a9054a0f_2023_ssoready.SAMLResponse.b64.txt'),
    'utf8',
  );
  const send = (msg) => page.evaluate((m) => globalThis.timedMessage(m), msg);
  await send({ type: MSG.SETUP_EVENT, event: setRealmSid(SID) });
  await send({ type: MSG.SETUP_EVENT, event: setCertificate({ text: pem }, 'pasted') });
  const cases = {
    'a bare worker start (a message answered without wasm)': { type: 'bench/none' },
    'realm/urls: start + first module + answer': { type: MSG.REALM_URLS, sid: SID },
    'state/get: start + first module + storage + verdict (WebCrypto or cached)': { type: MSG.STATE_GET },
    'realm/urls, the module cache emptied first (the package is read, as after an update)': {
      type: MSG.REALM_URLS,
      sid: SID,
      emptyCache: true,
    },
    'a pasted sign-in: start + both modules + XML signature + storage': {
      type: MSG.SETUP_EVENT,
      event: signInResponse(response, 'pasted'),
    },
  };
  /** Cold starts of every case, interleaved; medians of COLD_RUNS (15). */
  async function coldStarts(title) {
    /** @type {Record<string, number[]>} */
    const times = {};
    for (let i = 0; i < Number(process.env.COLD_RUNS ?? 15); i++) {
      for (const [name, msg] of Object.entries(cases)) {
        await stopWorker(cold, page);
        if (msg.emptyCache) await page.evaluate(() => caches.delete('wasm-modules'));
        // Let the last case's background work (V8 tiering up the other module) end first.
        await new Promise((r) => setTimeout(r, 300));
        const { emptyCache, ...message } = msg;
        (times[name] ??= []).push((await send(message)).ms);
        // The worker keeps its copy after replying: let it, so the next case finds it.
        if (emptyCache)
          await page.waitForFunction(async () => (await (await caches.open('wasm-modules')).keys()).length > 0);
      }
    }
    console.log(`\nWorker cold start, ${title} (stopped over CDP before each message; sendMessage → reply, median)`);
    for (const [name, xs] of Object.entries(times))
      console.log(`  ${name.padEnd(74)} ${median(xs).toFixed(1).padStart(6)} ms`);
    // Each round's case less the same round's bare start, then the median: a slow minute on this
    // machine slows both sides of a difference, not one.
    const [bare, realm, state] = Object.values(times);
    const adds = (xs) => median(xs.map((t, k) => t - bare[k])).toFixed(1);
    console.log(`  the first module adds ${adds(realm)} ms to a bare start (state/get: ${adds(state)} ms)`);
  }
  await coldStarts("no panel open (as for a console page's message)");
  // The side panel keeps the first module compiled (extension/panel/hold-core.js).
  const panel = await cold.context.newPage();
  await panel.goto(cold.url('extension/panel/panel.html'));
  await panel.waitForTimeout(1000);
  await coldStarts('with the side panel open');
  await panel.close();
} finally {
  await cold.close();
}

console.log('\nModules (dist/extension/wasm, gzip -9)');
for (const f of readdirSync(join(DIST, 'extension/wasm')).filter((f) => f.endsWith('.wasm'))) {
  const bytes = readFileSync(join(DIST, 'extension/wasm', f));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  console.log(`  ${f.padEnd(28)} ${String(bytes.length).padStart(9)} bytes  ${String(gzipped).padStart(9)} gzipped`);
}
