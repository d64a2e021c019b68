// All state lives in chrome.storage.local under one key. Writes go through one queue so
// concurrent messages never lose each other's updates (read-modify-write is not atomic).
// The queue is only in-flight work: nothing in it matters after the worker stops.
import { STORAGE_KEY } from '../messages.js';
import { now } from './clock.js';
import { loadCore } from './core.js';
import { migrate } from './schema.js';

/** @type {Promise<unknown>} */
let tail = Promise.resolve();

async function context() {
  const [core, at] = await Promise.all([loadCore(), now()]);
  return { newSetup: (id) => core.newSetup(id, at) };
}

/** @returns {Promise<import('./schema.js').State>} */
export async function read() {
  const got = await chrome.storage.local.get(STORAGE_KEY);
  return migrate(got[STORAGE_KEY], await context());
}

/** @typedef {import('./schema.js').State} State */

/**
 * Serialized read-modify-write. `fn` returns the new state; `null` (nothing to store) or a
 * throw changes nothing.
 * @param {(state: State) => Promise<State | null> | State | null} fn
 * @returns {Promise<State>}
 */
export function update(fn) {
  const run = tail.then(async () => {
    const state = await read();
    const next = await fn(structuredClone(state));
    if (next === null) return state;
    next.revision = state.revision + 1;
    await chrome.storage.local.set({ [STORAGE_KEY]: next });
    return next;
  });
  tail = run.catch(() => {});
  return run;
}
