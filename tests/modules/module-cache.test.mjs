// Against the built extension (dist/), in Node with an in-memory Cache Storage: where the
// worker reads its wasm modules from. The package once per build, the cache after; another
// build's copy is never used, and a damaged copy is dropped for the packaged file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const FIRST = 'frontline_sso_bg.wasm';

/** @type {string[]} the packaged files read, in order */
let reads = [];
globalThis.fetch = /** @type {any} */ (
  async (url) => {
    reads.push(String(url).replace(/^.*\//, ''));
    return new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'application/wasm' } });
  }
);

/** Cache Storage with one cache, as much of it as the worker uses. */
class MemoryCache {
  /** @type {Map<string, ArrayBuffer>} */
  entries = new Map();
  async match(key) {
    const body = this.entries.get(String(key));
    return body && new Response(body.slice(0), { headers: { 'content-type': 'application/wasm' } });
  }
  async put(key, response) {
    this.entries.set(String(key), await response.arrayBuffer());
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
  async delete(req) {
    return this.entries.delete(req.url ?? String(req));
  }
}
/** @type {Map<string, MemoryCache>} */
const stores = new Map();
globalThis.caches = /** @type {any} */ ({
  open: async (name) => stores.get(name) ?? stores.set(name, new MemoryCache()).get(name),
  // Only a lookup in one named cache, as the worker makes it; an unknown cache matches nothing.
  match: async (key, { cacheName }) => stores.get(cacheName)?.match(key),
  delete: async (name) => stores.delete(name),
});

const { cacheKey, initModule, warmModules } = await import(`${root}/dist/extension/module-cache.js`);
const { DIGESTS } = await import(`${root}/dist/extension/wasm/digests.js`);
const packaged = (file) => readFileSync(resolve(root, 'dist/extension/wasm', file));
const cached = async () => [...(stores.get('wasm-modules')?.entries.keys() ?? [])].sort();
/** Let the background write of a copy finish. */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** A stand-in for the glue's init: reads the module's bytes, and fails on bytes it is told to. */
function fakeInit(refuse = () => false) {
  /** @type {Buffer[]} */
  const got = [];
  const init = async ({ module_or_path }) => {
    const bytes = Buffer.from(await (await module_or_path).arrayBuffer());
    if (refuse(bytes)) throw new WebAssembly.CompileError('damaged');
    got.push(bytes);
  };
  return { init, got };
}

beforeEach(() => {
  stores.clear();
  reads = [];
});

test('the build names each module by its digest', () => {
  for (const file of [FIRST, 'frontline_sso_full_bg.wasm']) {
    assert.match(DIGESTS[file], /^[0-9a-f]{16}$/, file);
    assert.equal(cacheKey(file), `https://wasm.invalid/${DIGESTS[file]}/${file}`);
  }
});

const cases = [
  {
    name: 'the first load reads the package and keeps a copy',
    before: {},
    reads: [FIRST],
  },
  {
    name: 'a later load reads the copy, not the package',
    before: { [cacheKey(FIRST)]: packaged(FIRST) },
    reads: [],
  },
  {
    name: "another build's copy is not used, and is dropped with names no longer shipped",
    before: {
      [`https://wasm.invalid/0000000000000000/${FIRST}`]: Buffer.from('old build'),
      'https://wasm.invalid/0000000000000000/gone_bg.wasm': Buffer.from('gone'),
    },
    reads: [FIRST],
  },
];
for (const c of cases) {
  test(c.name, async () => {
    const cache = await caches.open('wasm-modules');
    for (const [k, v] of Object.entries(c.before)) await cache.put(k, new Response(v));
    const { init, got } = fakeInit();
    await initModule(init, FIRST);
    await settle();
    assert.deepEqual(reads, c.reads);
    assert.ok(got[0].equals(packaged(FIRST)), 'the module compiled is the packaged one');
    assert.deepEqual(await cached(), [cacheKey(FIRST)]);
  });
}

test('a damaged copy is dropped, and the packaged file is used', async () => {
  const cache = await caches.open('wasm-modules');
  await cache.put(cacheKey(FIRST), new Response(packaged(FIRST).subarray(0, 1000)));
  const { init, got } = fakeInit((bytes) => bytes.length === 1000);
  await initModule(init, FIRST);
  await settle();
  assert.deepEqual(reads, [FIRST]);
  assert.ok(got[0].equals(packaged(FIRST)));
  // Its digest gives it away before it is compiled: the packaged copy takes its place.
  assert.deepEqual(await cached(), [cacheKey(FIRST)]);
});

test("a changed copy that still compiles never runs as the core: its bytes are not this build's", async () => {
  // Whatever could write the extension's cache puts other bytes under this build's name.
  const cache = await caches.open('wasm-modules');
  await cache.put(cacheKey(FIRST), new Response(packaged('frontline_sso_full_bg.wasm')));
  const { init, got } = fakeInit();
  await initModule(init, FIRST);
  await settle();
  assert.deepEqual(reads, [FIRST]);
  assert.ok(got[0].equals(packaged(FIRST)), 'the packaged module ran, not the cached bytes');
  assert.deepEqual(await cached(), [cacheKey(FIRST)], 'and the right copy is kept in its place');
});

test('at install, both modules are kept ahead of the first message', async () => {
  await warmModules();
  await settle();
  assert.deepEqual(await cached(), Object.keys(DIGESTS).map(cacheKey).sort());
});
