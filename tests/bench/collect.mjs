// Benchmark (not a test): one collector pass (extension/content/collect.js) over the replica
// pages, in plain headless Chromium without the extension, so only the collector's own work is
// timed. The pages are the largest the replicas draw: the Fx SAML pane with its edit blade
// beside it, the search box and the context pane open; the same in the wrapped shapes; the
// Fluent pane; both Twilio pages. Run with `./build.sh bench`. Prints figures; nothing passes
// or fails. BASELINE=<git revision> times that revision's collector beside this one, in turns.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { CHROMIUM } from '../e2e/harness.mjs';
import { REPLICA_HOSTS, startServer } from '../e2e/server.mjs';

const RUNS = Number(process.env.RUNS ?? 25);
/** Passes timed together: the page's clock is coarse (0.1 ms without cross-origin isolation). */
const BATCH = 10;
const ROOT = resolve(import.meta.dirname, '../..');

/** The collector of the extension in `dir`, as a script that sets `window[name]`. */
async function collector(dir, name) {
  const out = await build({
    entryPoints: [resolve(dir, 'extension/content/collect.js')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: name,
  });
  return out.outputFiles[0].text;
}
/** Label → global name → script: this tree's collector, and the baseline's when asked for. */
const COLLECTORS = [['this tree', '__collector', await collector(ROOT, '__collector')]];
if (process.env.BASELINE) {
  const dir = mkdtempSync(join(tmpdir(), 'fsa-baseline-'));
  const tar = execFileSync('git', ['archive', process.env.BASELINE, 'extension'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  COLLECTORS.push([`at ${process.env.BASELINE}`, '__baseline', await collector(dir, '__baseline')]);
}

/** [name, tenant seed, url, the frame to time in (by its URL), a text that shows it has drawn] */
const PAGES = [
  [
    'Fx: SAML pane + Signing edit blade, search + pane',
    { dialect: 'fx' },
    'https://portal.azure.com/#blade=signing-edit&search=open&pane=open',
    'portal.azure.com',
    'Signing Option',
  ],
  [
    'Fx wrapped: the same, sections with heads, cards',
    { dialect: 'fx', shape: 'wrapped' },
    'https://portal.azure.com/#blade=signing-edit&search=open&pane=open',
    'portal.azure.com',
    'Signing Option',
  ],
  [
    'Fluent: SAML pane (iframe)',
    { dialect: 'fluent' },
    'https://portal.azure.com/#blade=saml',
    'reactblade',
    'Basic SAML Configuration',
  ],
  ['Twilio Frontline SSO (2022)', {}, 'https://console.twilio.com/frontline/sso/', 'console.twilio.com', 'Realm SID'],
];

const server = await startServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    `--host-resolver-rules=${server.hostRules(REPLICA_HOSTS).join(', ')}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`One collector pass, median of ${RUNS} batches of ${BATCH} (headless Chromium, no extension):`);
for (const [name, seed, url, host, shows] of PAGES) {
  server.seed(seed);
  await page.goto('about:blank');
  await page.goto(url);
  let frame;
  for (let i = 0; i < 200 && !frame; i++) {
    for (const f of page.frames())
      if (
        f.url().includes(host) &&
        (await f.evaluate((t) => document.body?.innerText.includes(t), shows).catch(() => false))
      )
        frame = f;
    if (!frame) await page.waitForTimeout(50);
  }
  if (!frame) throw new Error(`${name}: the page did not draw`);
  for (const [, , script] of COLLECTORS) await frame.addScriptTag({ content: script });
  const names = COLLECTORS.map(([, global]) => global);
  const r = await frame.evaluate(
    async ([runs, batch, names]) => {
      const times = Object.fromEntries(names.map((n) => [n, []]));
      const outs = {};
      // In turns, so that both collectors see the same machine.
      for (let i = 0; i < runs; i++) {
        for (const n of names) {
          const t = performance.now();
          for (let j = 0; j < batch; j++) outs[n] = await window[n].collect(document);
          times[n].push((performance.now() - t) / batch);
        }
      }
      const shape = (s) => (s.runs ? `${s.runs.length} text runs` : `${s.texts.length} pairs`);
      const s = outs[names[0]].snapshot;
      return {
        times,
        read: Object.fromEntries(names.map((n) => [n, shape(outs[n].snapshot)])),
        elements: document.getElementsByTagName('*').length,
        fields: s.fields.length,
      };
    },
    [RUNS, BATCH, names],
  );
  console.log(`  ${name} (${r.elements} elements, ${r.fields} fields)`);
  for (const [label, global] of COLLECTORS) {
    const t = r.times[global];
    console.log(
      `    ${label.padEnd(16)} ${median(t).toFixed(2).padStart(6)} ms  (min ${Math.min(...t).toFixed(2)} ms; ` +
        `${r.read[global]})`,
    );
  }
}
await browser.close();
await server.close();
