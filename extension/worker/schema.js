// The stored state's shape and its migrations. Pure, so it is unit-tested in Node.
//
// v1: { schema: 1, revision: number, activeId: string, order: string[], setups: { [id]: Setup } }
//     Setup is the core's (crate/src/setup/mod.rs); the core also normalizes older setups.
// v0: the pre-release single setup, { realmSid?: string, workspaceId?: string }.

export const SCHEMA_VERSION = 1;

/**
 * @typedef {{ schema: number, revision: number, activeId: string, order: string[], setups: Record<string, any>,
 *   prefs?: { autoFill?: boolean, remind?: boolean }, lastTabs?: Record<string, { tabId: number, at: number }>,
 *   remindedOn?: string }} State
 */

/** @type {Record<number, (old: any, ctx: {newSetup: (id: string) => any}) => any>} */
const MIGRATIONS = {
  0: (old, { newSetup }) => {
    const setup = newSetup('setup-1');
    setup.realmSidInput = typeof old.realmSid === 'string' ? old.realmSid : '';
    setup.workspaceId = typeof old.workspaceId === 'string' ? old.workspaceId : '';
    return { schema: 1, revision: 0, activeId: setup.id, order: [setup.id], setups: { [setup.id]: setup } };
  },
};

/**
 * Bring any stored value up to the current schema; a missing one becomes a fresh state.
 * @param {any} raw
 * @param {{newSetup: (id: string) => any}} ctx
 * @returns {State}
 */
export function migrate(raw, ctx) {
  let s = raw;
  if (!s || typeof s !== 'object') {
    const setup = ctx.newSetup('setup-1');
    return {
      schema: SCHEMA_VERSION,
      revision: 0,
      activeId: setup.id,
      order: [setup.id],
      setups: { [setup.id]: setup },
    };
  }
  let version = typeof s.schema === 'number' ? s.schema : 0;
  if (version > SCHEMA_VERSION)
    throw new Error(
      `Stored state has schema ${version}, newer than this extension (${SCHEMA_VERSION}). Update the extension.`,
    );
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No migration from schema ${version}.`);
    s = step(s, ctx);
    version = s.schema;
  }
  return s;
}

/** A fresh setup id that is unique within `state`. */
export function nextSetupId(state) {
  let n = (state?.order?.length ?? 0) + 1;
  while (state?.setups?.[`setup-${n}`]) n++;
  return `setup-${n}`;
}
