// No source line passes 120 columns: the core's Rust (tests included) and the extension's
// JavaScript. Long messages are wrapped with a `\` continuation; prettier wraps the code.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX = 120;

function files(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

test('no source line is longer than 120 columns', () => {
  const long = [];
  const sources = [
    ...files(join(ROOT, 'crate'), /\.rs$/),
    ...files(join(ROOT, 'extension'), /\.js$/),
    ...files(join(ROOT, 'scripts'), /\.mjs$/),
  ];
  for (const file of sources) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // Columns as the reader sees them: characters, not bytes.
        if ([...line].length > MAX) long.push(`${relative(ROOT, file)}:${i + 1} (${[...line].length})`);
      });
  }
  assert.deepEqual(long, []);
});
