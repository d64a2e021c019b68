// Writes DIR/digests.js: each wasm module's SHA-256 (its first 16 hex digits), which names
// this build's copy in the worker's module cache (extension/module-cache.js), and the
// declaration the type check reads. Usage: node scripts/digests.mjs DIR TYPES_DIR
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, typesDir] = process.argv.slice(2);
const digests = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.wasm'))
    .sort()
    .map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex')
        .slice(0, 16),
    ]),
);
const header = '// Written by scripts/digests.mjs at build time.\n';
writeFileSync(join(dir, 'digests.js'), `${header}export const DIGESTS = ${JSON.stringify(digests, null, 2)};\n`);
mkdirSync(typesDir, { recursive: true });
writeFileSync(join(typesDir, 'digests.d.ts'), 'export const DIGESTS: Record<string, string>;\n');
