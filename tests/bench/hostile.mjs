// Benchmark (not a test): what a hostile page costs the worker. A 60 MB snapshot is refused by
// the limits (extension/limits.js) before the core sees it; the largest snapshot the limits let
// through goes through the core's recognition. Run with `./build.sh bench`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capSnapshot, SNAPSHOT_LIMITS } from '../../extension/limits.js';

const root = resolve(import.meta.dirname, '../..');
const glue = await import(pathToFileURL(resolve(root, 'dist/extension/wasm/frontline_sso.js')).href);
glue.initSync({ module: readFileSync(resolve(root, 'dist/extension/wasm/frontline_sso_bg.wasm')) });
const now = Date.parse('2026-11-29T00:00:00Z');
const setup = glue.applySetupEvent(
  glue.newSetup('bench', now),
  { type: 'setRealmSid', value: 'JB0123456789abcdef0123456789abcdef' },
  now,
);

const field = (i, value) => ({
  key: `f${i}`,
  name: `Identifier (Entity ID) ${i}`,
  section: 'Basic SAML Configuration',
  role: 'textbox',
  value,
  checked: false,
  disabled: false,
  readonly: false,
  region: 0,
});
const base = {
  url: 'https://portal.azure.com/',
  title: 'Basic SAML Configuration',
  headings: [{ text: 'Basic SAML Configuration', level: 2, region: 0 }],
  texts: [],
  tables: [],
  notices: [],
  regions: [{ name: 'Basic SAML Configuration', role: 'blade', parent: 0 }],
};
// 60 MB: the reviewer's case, which once kept the worker busy for 4.4 s.
const huge = { ...base, fields: Array.from({ length: 1500 }, (_, i) => field(i, 'x'.repeat(40_000))) };
// Just under the limits: 250 values of 4,096 characters each.
const worst = capSnapshot({
  ...base,
  fields: Array.from({ length: 250 }, (_, i) =>
    field(i, String.fromCharCode(97 + (i % 26)).repeat(SNAPSHOT_LIMITS.string)),
  ),
});

// Text runs at the limit, every one a known label, in groups nested as deep as they go: the pair
// reader's worst case (each value's search climbs the whole nest).
const deep = capSnapshot({
  ...base,
  fields: [],
  runs: Array.from({ length: SNAPSHOT_LIMITS.runs }, (_, i) => ({
    text: i % 2 ? 'Reply URL' : 'Identifier (Entity ID)',
    kind: '',
    section: 'Basic SAML Configuration',
    region: 0,
  })),
  groups: Array.from({ length: SNAPSHOT_LIMITS.runs - 1 }, (_, i) => ({ first: i, last: SNAPSHOT_LIMITS.runs - 1 })),
});

function median(fn, runs = 15) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)].toFixed(2);
}

console.log(
  `hostile snapshot of ${(JSON.stringify(huge).length / 1e6).toFixed(0)} MB: limits refuse it in ${median(() => capSnapshot(huge))} ms (median)`,
);
console.log(
  `largest snapshot the limits pass (${(JSON.stringify(worst).length / 1e6).toFixed(2)} MB): limits ${median(() => capSnapshot(worst))} ms + core observePage ${median(() => glue.observePage(setup, worst, 'azure', 'auto', now))} ms (median)`,
);
console.log(
  `${SNAPSHOT_LIMITS.runs} text runs, all labels, in groups nested ${SNAPSHOT_LIMITS.runs - 1} deep: core observePage ${median(() => glue.observePage(setup, deep, 'azure', 'auto', now))} ms (median)`,
);
