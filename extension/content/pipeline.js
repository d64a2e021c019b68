// The content script's loop: observe → collect → ask the worker (whose core plans) →
// apply → collect again so the core can verify. Runs in every frame on the real hosts.
// The portal's top page is large and never still (spinners, clocks, tooltips): only a change
// that can alter what the core reads starts a pass, and a pass re-reads only the regions that
// changed (see `collect`).
import { STUCK_LIMITS } from '../limits.js';
import { MSG, send } from '../messages.js';
import { apply } from './apply.js';
import { collect } from './collect.js';

/** Pauses for a quiet DOM before collecting: blades render in bursts. */
const SETTLE_MS = 20;
/** A page that keeps changing is collected at most this often (a fill the admin asks for is not held). */
const MIN_GAP_MS = 150;
/** A fill that did not stick is retried this often, then left to the admin. */
const MAX_TRIES = 2;
/** Rounds of judge → fill → collect in one pass (a new row, then its value, then the next
 *  list's row…); a last round only verifies. */
const MAX_ROUNDS = 4;

/** The attributes that can change a control's value, name, state or visibility: no others are observed
 *  (a spinner's aria-valuenow and classes tick several times a second). */
const ATTRIBUTES = (
  'value checked selected disabled readonly hidden inert open role id for aria-label aria-labelledby aria-checked ' +
  'aria-selected aria-expanded aria-disabled aria-readonly aria-hidden aria-valuetext aria-controls aria-haspopup ' +
  'aria-rowcount aria-rowindex aria-level'
).split(' ');
/** What a form, a value or a region is made of: added or removed, it counts wherever it is. */
const FORM_LIKE =
  'input, textarea, select, button, iframe, label, dl, table, h1, h2, h3, h4, h5, h6, main, aside, section, form, ' +
  'dialog, [role=combobox], [role=textbox], [role=checkbox], [role=radio], [role=switch], [role=button], ' +
  '[role=grid], [role=table], [role=heading], [role=dialog], [role=region], [role=status], [role=alert]';

/** Inside these, any change may be a value: a grid paints its rows, a list its terms. */
const CONTAINERS =
  'table, [role=grid], [role=table], [role=treegrid], dl, form, fieldset, label, [role=listbox], [role=radiogroup]';

/** Whether a node added or removed is (or holds) something a form is made of. */
const formLike = (/** @type {any} */ n) =>
  n.nodeType === Node.ELEMENT_NODE && (n.matches(FORM_LIKE) || n.querySelector(FORM_LIKE) !== null);

export function start() {
  let timer;
  let last = '';
  let running = false;
  let again = false;
  let lastRun = 0;
  const tries = new Map();
  /** Labels of fills that did not stick after their retries, for the next report. */
  const stuck = new Set();
  let lastForms = '';
  /** The last pass's region roots, and those that hold a recognised form (watched closely). */
  /** @type {(Element | Document)[]} */
  let roots = [];
  let rootSet = new Set(roots);
  /** @type {(Element | Document)[]} */
  let watched = [];
  /** Regions changed since the last pass; `everything` when the next pass reads all anew. */
  /** @type {Set<Element | Document>} */
  const dirty = new Set();
  let everything = true;

  /** The region root (of the last pass) that holds `node`, or the document. */
  const rootOf = (node) => {
    for (let e = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement; e; e = e.parentElement)
      if (rootSet.has(e)) return e;
    return document;
  };
  const inWatched = (node) => watched.some((w) => w === document || w.contains(node));

  /** Whether a mutation can change what the core reads: anything inside a recognised form's
   *  region or inside a table, list or form (a grid painting its rows); elsewhere, only what a
   *  form is made of coming or going, or shown or hidden. */
  function relevant(m) {
    if (inWatched(m.target)) return true;
    const at = m.target.nodeType === Node.ELEMENT_NODE ? m.target : m.target.parentElement;
    if (at?.closest(CONTAINERS)) return true;
    if (m.type === 'childList') return [...m.addedNodes, ...m.removedNodes].some(formLike);
    if (m.type === 'attributes') return formLike(m.target);
    return false; // text that ticks outside every form
  }

  async function run(onDemand = false) {
    if (running) {
      again = true;
      return;
    }
    running = true;
    lastRun = performance.now();
    try {
      const changed = everything || onDemand ? null : new Set(dirty);
      dirty.clear();
      everything = false;
      const unless = onDemand || stuck.size ? undefined : last;
      let { snapshot, elements, roots: now, sig } = await collect(document, changed, unless);
      roots = now;
      rootSet = new Set(roots);
      if (!snapshot) return; // nothing the core reads has changed
      if (!snapshot.fields.length && !snapshot.runs.length && !snapshot.tables.length && !snapshot.headings.length)
        return;
      last = sig;
      // Each round: the core judges what the page holds (the previous round's verification)
      // and may plan more (a row that a row-adder just made is filled in the next).
      for (let round = 0; ; round++) {
        const reply = await send(MSG.PAGE_SNAPSHOT, {
          snapshot,
          onDemand,
          verify: round > 0,
          stuck: [...stuck].slice(0, STUCK_LIMITS.fills),
        });
        stuck.clear();
        if (!reply?.ok) return;
        watched = (reply.value.regions ?? []).map((i) => roots[i]).filter(Boolean);
        // A new form (the next blade in the same page) starts its retries afresh.
        const forms = (reply.value.forms ?? []).join(',');
        if (forms !== lastForms) tries.clear();
        lastForms = forms;
        const idOf = (f) => `${f.action}:${f.label}=${f.value}`;
        const fills = reply.value.fills.filter((f) => {
          const again = onDemand || (tries.get(idOf(f)) ?? 0) < MAX_TRIES;
          // Tried and still not there: the panel offers a page report for it.
          if (!again && tries.get(idOf(f)) === MAX_TRIES) {
            stuck.add(f.label);
            tries.set(idOf(f), MAX_TRIES + 1);
          }
          return again;
        });
        if (!fills.length || round === MAX_ROUNDS) break; // the last round only verifies
        const tried = new Set(await apply(fills, elements));
        for (const f of fills) if (tried.has(f.key)) tries.set(idOf(f), (tries.get(idOf(f)) ?? 0) + 1);
        // What the fills touched: their forms' regions.
        ({
          snapshot,
          elements,
          roots: now,
          sig,
        } = await collect(document, new Set(watched.length ? watched : [document])));
        roots = now;
        rootSet = new Set(roots);
        last = sig;
      }
      if (stuck.size) schedule();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  /** Coalesce a burst, leave a hidden tab alone, and run in the page's idle time. */
  function schedule() {
    clearTimeout(timer);
    if (document.visibilityState === 'hidden') return; // visibilitychange brings it back
    const wait = Math.max(SETTLE_MS, MIN_GAP_MS - (performance.now() - lastRun));
    timer = setTimeout(() => {
      const go = () => run(false);
      if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 250 });
      else go();
    }, wait);
  }

  new MutationObserver((records) => {
    let any = false;
    for (const m of records) {
      if (!relevant(m)) continue;
      any = true;
      const root = rootOf(m.target);
      dirty.add(root);
      // A region that came or went changes the regions themselves: read everything anew.
      if (m.type === 'childList' && root === document) everything = true;
    }
    if (any) schedule();
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
    characterData: true,
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      everything = true;
      schedule();
    }
  });
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id === chrome.runtime.id && msg?.type === MSG.CONTENT_FILL) run(true);
  });
  // The worker remembers the last supported tab the admin used, for "Fill this page".
  if (window === window.top) {
    const hello = () =>
      document.visibilityState === 'visible' && send(MSG.PAGE_HELLO, { title: document.title }).catch(() => {});
    hello();
    addEventListener('focus', hello);
    document.addEventListener('visibilitychange', hello);
  }
  schedule();
}
