// The extension's modules import each other in one direction only: a test fails on any
// import circle (core.js and selfsig.js once imported each other).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../../extension');

/** Every .js file under `dir`. @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** Each file's relative imports and re-exports, resolved. */
function graph() {
  /** @type {Map<string, string[]>} */
  const out = new Map();
  for (const file of files(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1]);
    out.set(file, specs.map((s) => resolve(dirname(file), s)).filter((p) => p.startsWith(ROOT)));
  }
  return out;
}

/** A circle through `start`, if one exists. */
function circleFrom(g, start) {
  /** @type {string[]} */
  const path = [];
  const seen = new Set();
  const walk = (at) => {
    if (path.includes(at)) return [...path.slice(path.indexOf(at)), at];
    if (seen.has(at)) return null;
    seen.add(at);
    path.push(at);
    for (const next of g.get(at) ?? []) {
      const found = walk(next);
      if (found) return found;
    }
    path.pop();
    return null;
  };
  return walk(start);
}

test('no import circle among the extension modules', () => {
  const g = graph();
  assert.ok(g.size > 20, `only ${g.size} modules read`);
  for (const file of g.keys()) {
    const circle = circleFrom(g, file);
    assert.equal(circle, null, `an import circle: ${circle?.map((p) => relative(ROOT, p)).join(' → ')}`);
  }
});
