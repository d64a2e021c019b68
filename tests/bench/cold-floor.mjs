// Benchmark (not a test): how much of a cold start's wasm cost is the first module's size, and how
// much any module pays. Two copies of dist/ side by side, each in a browser of its own: the build
// as shipped, and one whose first module keeps only what `realm/urls` runs (realmUrls and the
// worker's signature hooks; wasm-metadce, then wasm-opt with the build's flags). Same worker, same
// glue, same cache. The worker is stopped over CDP before each message; the builds and the cases
// are interleaved; medians of COLD_RUNS (15). Run by `./build.sh bench`, which passes WASM_OPT.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DIST, launch, stopWorker } from '../e2e/harness.mjs';
import { MSG } from '../../extension/messages.js';

// The built copy: module-cache.js reads the build's digests beside the modules.
const { MODULES } = await import(pathToFileURL(join(DIST, 'extension/module-cache.js')).href);
const root = resolve(import.meta.dirname, '../..');
const bin = (tool) => join(root, 'node_modules/.bin', tool);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const SID = 'JB0123456789abcdef0123456789abcdef';
const RUNS = Number(process.env.COLD_RUNS ?? 15);
// The exports `realm/urls` reaches through the worker (extension/worker/core.js calls the hooks).
const KEEP = new Set(['realmUrls', 'onSignatureCheck', 'setSignatureVerdicts', 'takePendingSignatures']);
const wasmOpt = (process.env.WASM_OPT ?? '').split(' ').filter(Boolean);
if (!wasmOpt.length) throw new Error('WASM_OPT is unset: run through ./build.sh bench');

const base = mkdtempSync(join(tmpdir(), 'fsa-floor-'));
/** A copy of dist/ with the benchmark page beside the extension. */
function copy(name) {
  const dir = join(base, name);
  cpSync(DIST, dir, { recursive: true });
  mkdirSync(join(dir, 'bench'));
  for (const f of ['bench.html', 'bench.js']) cpSync(resolve(import.meta.dirname, 'browser', f), join(dir, 'bench', f));
  writeFileSync(join(dir, 'bench/peers.js'), 'export const peers = {};');
  return dir;
}

/** The first module cut down to KEEP: every other export and all it alone reaches, removed. */
function floorModule(wasm, out) {
  const mod = new WebAssembly.Module(readFileSync(wasm));
  const reached = WebAssembly.Module.exports(mod)
    .filter((e) => e.kind !== 'function' || e.name.startsWith('__') || KEEP.has(e.name))
    .map((e) => `export:${e.name}`);
  const graph = [
    { name: 'outside', root: true, reaches: reached },
    ...WebAssembly.Module.exports(mod).map((e) => ({ name: `export:${e.name}`, export: e.name })),
    ...WebAssembly.Module.imports(mod).map((i) => ({
      name: `import:${i.module}.${i.name}`,
      import: [i.module, i.name],
    })),
  ];
  const graphFile = join(base, 'graph.json');
  writeFileSync(graphFile, JSON.stringify(graph));
  const features = wasmOpt.filter((f) => f.startsWith('--enable-'));
  execFileSync(bin('wasm-metadce'), [...features, '-f', graphFile, wasm, '-o', `${out}.dce`], { stdio: 'ignore' });
  execFileSync(bin('wasm-opt'), [...wasmOpt, `${out}.dce`, '-o', out]);
}

const floor = copy('floor');
const floorWasmDir = join(floor, 'extension/wasm');
floorModule(join(DIST, 'extension/wasm', MODULES.first), join(floorWasmDir, MODULES.first));
// The module cache names each copy by its digest: the cut-down build gets its own.
execFileSync('node', [join(root, 'scripts/digests.mjs'), floorWasmDir, base]);
const builds = { 'as shipped': copy('shipped'), 'realm/urls only': floor };

const browsers = {};
try {
  for (const [name, dir] of Object.entries(builds)) {
    const ext = await launch({ extDir: dir });
    const page = await ext.context.newPage();
    await page.goto(ext.url('bench/bench.html'));
    await page.waitForFunction(() => typeof globalThis.timedMessage === 'function');
    browsers[name] = { ext, page };
  }
  const cases = { bare: { type: 'bench/none' }, realm: { type: MSG.REALM_URLS, sid: SID } };
  /** @type {Record<string, Record<string, number[]>>} */
  const times = {};
  for (let i = 0; i < RUNS; i++)
    for (const [name, { ext, page }] of Object.entries(browsers))
      for (const [c, msg] of Object.entries(cases)) {
        await stopWorker(ext, page);
        await new Promise((r) => setTimeout(r, 300));
        const reply = await page.evaluate((m) => globalThis.timedMessage(m), msg);
        if (c === 'realm' && !reply.ok) throw new Error(`${name}: realm/urls failed (${reply.code})`);
        ((times[name] ??= {})[c] ??= []).push(reply.ms);
      }
  console.log(`\nWhat any first module costs a cold start (no panel; sendMessage → reply, median of ${RUNS})`);
  const widths = [18, 9, 9, 9, 11, 8];
  /** @param {string[]} cells the first left-aligned, the rest right-aligned */
  const row = (cells) => `  ${cells.map((c, k) => (k ? c.padStart(widths[k]) : c.padEnd(widths[k]))).join(' ')}`;
  console.log(row(['first module', 'raw', 'gzipped', 'bare', 'realm/urls', 'adds']));
  for (const [name, dir] of Object.entries(builds)) {
    const bytes = readFileSync(join(dir, 'extension/wasm', MODULES.first));
    const { bare, realm } = times[name];
    // Each round's realm/urls less the same round's bare start: a slow minute slows both.
    const adds = median(realm.map((t, k) => t - bare[k]));
    const ms = [median(bare), median(realm), adds].map((t) => `${t.toFixed(1)} ms`);
    console.log(row([name, String(bytes.length), String(gzipSync(bytes, { level: 9 }).length), ...ms]));
  }
} finally {
  for (const { ext } of Object.values(browsers)) await ext.close();
}
