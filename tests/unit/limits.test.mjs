// Page data is hostile: what the content script and the worker let through to the core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capSnapshot, SNAPSHOT_LIMITS } from '../../extension/limits.js';

const field = (value) => ({ key: 'f0', name: 'Identifier (Entity ID)', role: 'textbox', value, checked: false });

test('every string is cut to the per-string limit, and nothing else changes', () => {
  const long = 'x'.repeat(SNAPSHOT_LIMITS.string + 10);
  const capped = capSnapshot({ url: 'https://portal.azure.com/', fields: [field(long)], texts: [], n: 3, ok: true });
  assert.equal(capped.fields[0].value.length, SNAPSHOT_LIMITS.string);
  assert.deepEqual(
    { ...capped, fields: [] },
    { url: 'https://portal.azure.com/', fields: [], texts: [], n: 3, ok: true },
  );
});

test('a snapshot over any limit as a whole is refused, never answered in part', () => {
  const cases = [
    ['60 MB in one value', { fields: Array.from({ length: 15_000 }, () => field('y'.repeat(4096))) }],
    ['over 1 MB of text', { texts: Array.from({ length: 300 }, () => ({ label: 'a', value: 'z'.repeat(4000) })) }],
    ['too many nodes', { fields: Array.from({ length: SNAPSHOT_LIMITS.nodes + 1 }, () => 1) }],
    ['too deep', { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: 'deep' } } } } } } } } } }],
    ['too many keys', Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))],
  ];
  for (const [name, snap] of cases) assert.equal(capSnapshot(snap), null, name);
});

test('a value that is not data (a function, a symbol) becomes null', () => {
  assert.deepEqual(capSnapshot({ a: () => 1, b: Symbol('s'), c: 'ok' }), { a: null, b: null, c: 'ok' });
});

test('the real snapshots in the page fixtures pass unchanged', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../fixtures/pages/', import.meta.url);
  for (const f of readdirSync(dir)) {
    const { snapshot } = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
    assert.deepEqual(capSnapshot(snapshot), snapshot, f);
  }
});
