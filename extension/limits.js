// Page data is hostile: how much of it the extension ever handles, defined once for the
// content script (which cuts while collecting) and the worker (which checks again).

export const SNAPSHOT_LIMITS = Object.freeze({
  /** Characters per string: a PEM certificate is under 2.5 K, a URL or a label far less. */
  string: 4096,
  /** Characters in all the strings of one snapshot together. */
  total: 1024 * 1024,
  /** Objects, arrays and values in one snapshot, and how deep they nest. */
  nodes: 100_000,
  depth: 8,
  /** Text runs in one snapshot, and groups of them (the collector stops there). */
  runs: 3000,
  /** The most of each list one snapshot holds: the collector stops there, the worker refuses more,
   *  and the core (`forms::SNAPSHOT_LIMITS`, held equal by tests/e2e/core.test.mjs) refuses a
   *  replayed page report over them. */
  fields: 2000,
  texts: 2000,
  tables: 50,
  headings: 500,
  notices: 100,
  regions: 300,
});

/** How much of a page the collector reads in one pass before it stops: a label's characters,
 *  the elements one pass walks, a grid's rows, and the scroll steps it takes to draw them. The
 *  worker never sees more than SNAPSHOT_LIMITS either way. */
export const COLLECT_LIMITS = Object.freeze({ label: 400, walk: 30000, rows: 2000, scrolls: 1000 });

/** The fills a page pass may report as not sticking, and each one's name. */
export const STUCK_LIMITS = Object.freeze({ fills: 50, name: 400 });

/**
 * A copy of `snapshot` with every string cut to SNAPSHOT_LIMITS.string, or null when it is over
 * any other limit as a whole: a hostile page then gets no answer, never a partial one that
 * might misreport a value. Costs one pass over the nodes, never over the characters.
 * @template T
 * @param {T} snapshot
 * @returns {T | null}
 */
export function capSnapshot(snapshot) {
  let nodes = 0;
  let total = 0;
  /** @returns {any} */
  const copy = (v, depth) => {
    if (++nodes > SNAPSHOT_LIMITS.nodes || depth > SNAPSHOT_LIMITS.depth) throw OVER;
    if (typeof v === 'string') {
      const s = v.length > SNAPSHOT_LIMITS.string ? v.slice(0, SNAPSHOT_LIMITS.string) : v;
      total += s.length;
      if (total > SNAPSHOT_LIMITS.total) throw OVER;
      return s;
    }
    if (Array.isArray(v)) {
      if (v.length > SNAPSHOT_LIMITS.nodes) throw OVER;
      return v.map((x) => copy(x, depth + 1));
    }
    if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length > 64) throw OVER;
      return Object.fromEntries(keys.map((k) => [k, copy(v[k], depth + 1)]));
    }
    return typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined ? v : null;
  };
  try {
    return copy(snapshot, 0);
  } catch (e) {
    if (e === OVER) return null;
    throw e;
  }
}

const OVER = Symbol('over the snapshot limits');
