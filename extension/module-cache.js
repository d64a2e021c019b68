// Where the worker (and the panel, see panel/hold-core.js) reads the wasm modules from. A
// packaged file costs the extension's resource loader ~3 ms before its first byte, on every
// cold start; the extension's own Cache Storage answers sooner and streams faster
// (docs/size-and-speed.md). So a module is read from the package once per build and from the
// cache after. Only the extension's origin can read or write that cache: pages and content
// scripts cannot reach it.
import { DIGESTS, SHA256 } from './wasm/digests.js';

const CACHE = 'wasm-modules';

/** The modules' files in wasm/: the worker's first module, and the full one (sign-in checks). */
export const MODULES = { first: 'frontline_sso_bg.wasm', full: 'frontline_sso_full_bg.wasm' };

/**
 * The cache key of one build of a module. The Cache API takes only http(s) request URLs, so
 * the key is a name under a reserved domain that is never fetched; the build's digest in it
 * means a new build never meets an old build's bytes.
 * @param {string} file a file of wasm/, e.g. frontline_sso_bg.wasm
 */
export const cacheKey = (file) => `https://wasm.invalid/${DIGESTS[file] ?? 'unknown'}/${file}`;

/**
 * The packaged file, as shipped.
 * @param {string} file a file of wasm/
 * @returns {Promise<Response>}
 */
const packaged = (file) => fetch(new URL(`./wasm/${file}`, import.meta.url));

/** @param {BodyInit} body */
const wasmResponse = (body) => new Response(body, { headers: { 'content-type': 'application/wasm' } });

/**
 * A module's bytes as a Response, for a streaming compile: from the cache, or else from the
 * package (and then kept for next time, and other builds' copies dropped). Without Cache
 * Storage (Node tests) or on any cache error, the packaged file as before.
 * @param {string} file a file of wasm/
 * @returns {Promise<Response>}
 */
export async function moduleSource(file) {
  if (typeof caches === 'undefined' || !DIGESTS[file]) return packaged(file);
  try {
    // One round trip to the browser for the usual hit (caches.open, then match, takes two).
    const hit = await caches.match(cacheKey(file), { cacheName: CACHE });
    if (hit) {
      // A copy counts only when its bytes are this build's: a changed entry never runs as the core.
      const bytes = await hit.arrayBuffer();
      if (await isThisBuild(file, bytes)) return wasmResponse(bytes);
      await caches.delete(CACHE);
    }
    const bytes = await (await packaged(file)).arrayBuffer();
    caches
      .open(CACHE)
      .then((cache) => keep(cache, file, bytes))
      .catch(() => {});
    return wasmResponse(bytes);
  } catch {
    return packaged(file);
  }
}

/**
 * Whether `bytes` are the module this build shipped: their SHA-256 is the one the build wrote.
 * @param {string} file
 * @param {ArrayBuffer} bytes
 */
async function isThisBuild(file, bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('') === SHA256[file];
}

/**
 * Store this build's copy, then drop every other key: a module's older builds, and names
 * no longer shipped.
 * @param {Cache} cache
 * @param {string} file
 * @param {ArrayBuffer} bytes
 */
async function keep(cache, file, bytes) {
  await cache.put(cacheKey(file), wasmResponse(bytes));
  const current = new Set(Object.keys(DIGESTS).map(cacheKey));
  for (const req of await cache.keys()) if (!current.has(req.url)) await cache.delete(req);
}

/**
 * Initialize a wasm-bindgen module from its cached copy; if that copy does not compile (cut
 * short, or damaged on disk), drop it and use the packaged file.
 * @param {(o: {module_or_path: Promise<Response>}) => Promise<unknown>} init the glue's init
 * @param {string} file a file of wasm/
 */
export async function initModule(init, file) {
  try {
    await init({ module_or_path: moduleSource(file) });
  } catch (e) {
    if (typeof caches === 'undefined') throw e;
    await caches.delete(CACHE).catch(() => {});
    await init({ module_or_path: packaged(file) });
  }
}

/** Fill the cache ahead of the first message (at install and update): best effort. */
export async function warmModules() {
  await Promise.all(Object.keys(DIGESTS).map((f) => moduleSource(f)));
}
