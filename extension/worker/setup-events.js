// Events on the active setup, from the panel or from a captured sign-in: one writer for both.
import { now } from './clock.js';
import { loadCore } from './core.js';
import { loadFullCore } from './full-core.js';
import { update } from './store.js';

const ok = (value) => ({ ok: true, value });

/** Events only the full core handles: it verifies XML signatures and reads sign-in requests. */
const FULL = new Set(['signInResponse', 'signInRequest', 'signInFailure', 'signInTrace']);

/** Apply one core event to the active setup, serialized with every other write. */
export async function applyToActive(event) {
  const core = FULL.has(event.type) ? await loadFullCore() : await loadCore();
  const at = await now();
  const next = await update(async (state) => {
    const setup = state.setups[state.activeId];
    state.setups[state.activeId] = await core.applySetupEvent(setup, event, at);
    return state;
  });
  return ok({ revision: next.revision });
}
