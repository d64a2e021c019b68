// Benchmark (not a test): where a cold start's wasm time goes, from V8's own trace events.
// The worker is stopped over CDP before each message (CASE: realm/urls, or state/get with the
// real certificate). Chromium records V8's wasm events from its start (--trace-startup), and
// each cold worker's events are summed on its own thread. Twice: sent from a blank extension
// page (nothing else has compiled the module), then from the side panel, which keeps it
// compiled. Run by `./build.sh bench`; prints a table.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST, launch, stopWorker } from '../e2e/harness.mjs';
import { setCertificate, setRealmSid } from '../../extension/events.js';
import { MSG } from '../../extension/messages.js';

const RUNS = Number(process.env.COLD_RUNS ?? 15);
const CASE = process.env.CASE ?? 'realm/urls';
const SID = 'JB0123456789abcdef0123456789abcdef';
const PEM = readFileSync(
  resolve(import.meta.dirname, '../fixtures/realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem'),
  'utf8',
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const PHASES = {
  'wasm.OnBytesReceived': 'bytes arriving: decoding sections as they stream',
  'wasm.FinishStreaming': 'finishing the compile (the rest of validation, the module object)',
  'wasm.SyncInstantiate': 'instantiating: imports, memory, data segments',
  'wasm.CompileLazy': 'compiling each function on its first call (Liftoff)',
};

// A copy of dist/ with a blank page beside the extension: an extension page that compiles nothing.
const dir = mkdtempSync(join(tmpdir(), 'fsa-trace-'));
cpSync(DIST, join(dir, 'dist'), { recursive: true });
writeFileSync(join(dir, 'dist/blank.html'), '<!doctype html><title>blank</title>');

/**
 * Cold starts sent from one extension page, traced.
 * @param {string} from the page's path in the extension
 * @returns {Promise<Record<string, {n: number, ms: number}>[]>} each cold worker's phases
 */
async function traced(from) {
  const file = join(dir, 'trace.json');
  rmSync(file, { force: true });
  const ext = await launch({
    extDir: join(dir, 'dist'),
    args: [
      '--trace-startup=v8.wasm',
      '--trace-startup-format=json',
      `--trace-startup-file=${file}`,
      `--trace-startup-duration=${Math.ceil(RUNS * 1.5) + 10}`,
    ],
  });
  let written = false;
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.url(from));
    const send = (m) => page.evaluate((msg) => chrome.runtime.sendMessage(msg), m);
    if (CASE === 'state/get') {
      await send({ type: MSG.SETUP_EVENT, event: setRealmSid(SID) });
      await send({ type: MSG.SETUP_EVENT, event: setCertificate({ text: PEM }, 'pasted') });
    }
    for (let i = 0; i < RUNS; i++) {
      await stopWorker(ext, page);
      await new Promise((r) => setTimeout(r, 300));
      await send(CASE === 'state/get' ? { type: MSG.STATE_GET } : { type: MSG.REALM_URLS, sid: SID });
    }
    // The trace is written when its duration ends, with the browser still open.
    for (let i = 0; i < 120 && !written; i++) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        JSON.parse(readFileSync(file, 'utf8'));
        written = true;
      } catch {
        // not written yet
      }
    }
  } finally {
    await ext.close();
  }
  if (!written) throw new Error('Chromium wrote no trace');
  /** @type {Map<number, Record<string, {n: number, ms: number}>>} one cold worker per thread */
  const threads = new Map();
  for (const e of JSON.parse(readFileSync(file, 'utf8')).traceEvents) {
    if (e.ph !== 'X' || !(e.name in PHASES)) continue;
    const t = threads.get(e.tid) ?? threads.set(e.tid, {}).get(e.tid);
    t[e.name] ??= { n: 0, ms: 0 };
    t[e.name].n += 1;
    t[e.name].ms += e.dur / 1000;
  }
  // A thread that instantiated a module is one cold worker; the setup's first start is left out.
  return [...threads.values()].filter((t) => t['wasm.SyncInstantiate']).slice(1);
}

const runs = { 'no panel': await traced('blank.html'), 'panel open': await traced('extension/panel/panel.html') };
rmSync(dir, { recursive: true, force: true });
console.log(`\nA cold ${CASE}: the wasm work on the worker's thread (V8 trace events; median of ${RUNS})`);
console.log(
  `  ${''.padEnd(66)} ${Object.keys(runs)
    .map((k) => k.padStart(16))
    .join('')}`,
);
const totals = Object.keys(runs).map(() => 0);
for (const [name, what] of Object.entries(PHASES)) {
  const cells = Object.values(runs).map((colds, i) => {
    const ms = median(colds.map((t) => t[name]?.ms ?? 0));
    const n = median(colds.map((t) => t[name]?.n ?? 0));
    totals[i] += ms;
    return `${ms.toFixed(2)} ms${n > 1 ? ` ×${n}` : ''}`.padStart(16);
  });
  console.log(`  ${what.padEnd(66)} ${cells.join('')}`);
}
console.log(
  `  ${'together (tracing slows each a little)'.padEnd(66)} ${totals.map((t) => `${t.toFixed(2)} ms`.padStart(16)).join('')}`,
);
