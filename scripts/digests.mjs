// Writes DIR/digests.js: each wasm module's SHA-256 (its first 16 hex digits name this build's
// copy in the worker's module cache, extension/module-cache.js; the whole is checked against a
// copy read back), and the declaration the type check reads. Usage: node scripts/digests.mjs DIR TYPES_DIR
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, typesDir] = process.argv.slice(2);
const sha256 = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.wasm'))
    .sort()
    .map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
);
const digests = Object.fromEntries(Object.entries(sha256).map(([f, h]) => [f, h.slice(0, 16)]));
const header = '// Written by scripts/digests.mjs at build time.\n';
writeFileSync(
  join(dir, 'digests.js'),
  `${header}export const DIGESTS = ${JSON.stringify(digests, null, 2)};\n` +
    `/** The whole SHA-256 of each module: a cached copy runs only when its bytes have it. */\n` +
    `export const SHA256 = ${JSON.stringify(sha256, null, 2)};\n`,
);
mkdirSync(typesDir, { recursive: true });
writeFileSync(
  join(typesDir, 'digests.d.ts'),
  'export const DIGESTS: Record<string, string>;\nexport const SHA256: Record<string, string>;\n',
);
