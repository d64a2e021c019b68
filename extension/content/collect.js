// Collect: what this frame shows, as a screen reader would hear it. Controls with their
// label and value apart, the visible text as runs in reading order (the core tells labels from
// values), tables, headings and notices, each tagged with the region (landmark or blade) that
// holds it.
// Reads the DOM only, by roles, names and relationships: never by CSS class or one markup
// shape. The element handles stay here, keyed by the descriptors' `key`.
import { capSnapshot, COLLECT_LIMITS, SNAPSHOT_LIMITS } from '../limits.js';

const CONTROLS = [
  'input',
  'textarea',
  'select',
  'button',
  '[role=combobox]',
  '[role=checkbox]',
  '[role=radio]',
  '[role=switch]',
  '[role=textbox]',
  '[role=searchbox]',
  '[role=spinbutton]',
  '[role=button]',
  '[role=listbox][aria-haspopup]',
  '[role=listbox][aria-expanded]',
].join(', ');
const SKIP_TYPES = new Set(['hidden', 'file', 'image', 'password']);
const BUTTON_TYPES = new Set(['button', 'submit', 'reset']);
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading]';
/** Landmarks and dialogs: a form lives in one; the core decides which nest and which stand apart. */
const LANDMARKS = ['region', 'dialog', 'alertdialog', 'complementary', 'search', 'main', 'form', 'navigation', 'banner']
  .map((r) => `[role=${r}]`)
  .concat(['main', 'aside', 'nav', 'dialog', 'form', 'section[aria-label]', 'section[aria-labelledby]'])
  .join(', ');
/** Roles whose name comes from their own text (ARIA: "name from content"). */
const NAME_FROM_CONTENT = new Set(
  'radio checkbox switch option treeitem menuitem menuitemradio menuitemcheckbox button link tab cell gridcell'
    .split(' ')
    .concat(['columnheader', 'rowheader', 'heading']),
);
/** Caps: page data is hostile. The worker checks them again. */
const MAX = {
  fields: SNAPSHOT_LIMITS.fields,
  runs: SNAPSHOT_LIMITS.runs,
  tables: SNAPSHOT_LIMITS.tables,
  headings: SNAPSHOT_LIMITS.headings,
  notices: SNAPSHOT_LIMITS.notices,
  regions: SNAPSHOT_LIMITS.regions - 1, // the frame is the first
  value: SNAPSHOT_LIMITS.string,
  ...COLLECT_LIMITS,
};

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
const cap = (s, n) => (s.length > n ? s.slice(0, n) : s);

/** Rendered and not hidden from assistive technology. */
function shown(el) {
  if (!el.isConnected || el.closest('[aria-hidden="true"], [hidden], [inert]')) return false;
  if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  // Radios and checkboxes are often visually hidden behind a styled label.
  return r.width > 0 || r.height > 0 || el.matches('input[type=radio], input[type=checkbox]');
}

/**
 * Per-pass memo: text and hidden-ness are asked for again and again while pairing. Valid only
 * while the DOM does not change: a new pass, a scrolled table or a later question starts anew.
 * @type {{hidden: WeakMap<Element, boolean>, text: WeakMap<Element, string>, inner: WeakMap<Element, string>,
 *   headings?: Element[], rows?: Map<Element, Map<Element, number>>}}
 */
let memo = freshMemo();

function freshMemo() {
  return { hidden: new WeakMap(), text: new WeakMap(), inner: new WeakMap() };
}

/** A node hidden from assistive technology (for text inside a name). */
function hiddenNode(el) {
  let h = memo.hidden.get(el);
  if (h === undefined) {
    if (el.getAttribute('aria-hidden') === 'true' || el.hidden) h = true;
    else {
      const s = getComputedStyle(el);
      h = s.display === 'none' || s.visibility === 'hidden';
    }
    memo.hidden.set(el, h);
  }
  return h;
}

const isControl = (el) =>
  el.matches(
    'input, textarea, select, [role=textbox], [role=combobox], [role=searchbox], [role=spinbutton], [role=listbox]',
  );

/**
 * The text an element contributes to a name (ARIA accname, simplified): text nodes, aria-label
 * and alt of descendants, without hidden or aria-hidden parts and without embedded controls.
 * @param {Node} node
 * @param {boolean} [root] the element named directly: counted even when hidden
 */
function textOf(node, root = true) {
  if (node.nodeType === Node.TEXT_NODE) return /** @type {Text} */ (node).data;
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = /** @type {Element} */ (node);
  if (!root) {
    let t = memo.inner.get(el);
    if (t === undefined) memo.inner.set(el, (t = innerText(el)));
    return t;
  }
  return innerText(el, true);
}

function innerText(el, root = false) {
  if (!root && (hiddenNode(el) || isControl(el))) return '';
  if (!root && el.getAttribute('aria-label')?.trim()) return ` ${el.getAttribute('aria-label')} `;
  if (el.tagName === 'IMG') return el.getAttribute('alt') ?? '';
  if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT') return '';
  let out = '';
  for (const c of el.childNodes) out += textOf(c, false);
  // Block boxes separate words, as a screen reader pauses between them.
  return el.tagName === 'SPAN' || el.tagName === 'B' || el.tagName === 'STRONG' || el.tagName === 'EM'
    ? out
    : ` ${out} `;
}
function text(el) {
  if (!el) return '';
  let t = memo.text.get(el);
  if (t === undefined) memo.text.set(el, (t = squash(textOf(el))));
  return t;
}

/**
 * A label as the admin reads it: without a trailing colon, required markers ("*",
 * "Required: ", "(Required)") or icons. Balloon text is aria-hidden and never got here.
 */
export function cleanLabel(s) {
  let t = squash(s);
  for (let before = ''; before !== t;) {
    before = t;
    t = t
      .replace(/^required:\s*/i, '')
      .replace(/^\*\s*/, '')
      .replace(/\s*\*$/, '')
      .replace(/\s*\(required\)$/i, '')
      .replace(/\s*[ⓘ]$/, '')
      .replace(/\s*[:：]$/, '')
      .trim();
  }
  return cap(t, MAX.label);
}

/** The element's role, as the accessibility tree would give it. */
function roleOf(el) {
  const role = el.getAttribute('role');
  if (role === 'switch') return 'checkbox';
  if (role === 'searchbox') return 'textbox';
  // Older Fluent drop-downs: a listbox or button trigger that pops up a list.
  if (
    role === 'listbox' ||
    ((role === 'button' || el.tagName === 'BUTTON') && el.getAttribute('aria-haspopup') === 'listbox')
  )
    return 'combobox';
  if (role) return role;
  if (el.tagName === 'SELECT') return 'combobox';
  if (el.tagName === 'BUTTON' || (el.tagName === 'INPUT' && BUTTON_TYPES.has(el.type))) return 'button';
  if (el.type === 'checkbox' || el.type === 'radio') return el.type;
  return 'textbox';
}

const isInputLike = (el) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';

/** The current value the control shows (its own text for div drop-downs), never its label. */
function valueOf(el, role) {
  if (el.tagName === 'SELECT') return el.selectedOptions[0] ? text(el.selectedOptions[0]) : '';
  if (isInputLike(el)) return el.value;
  if (role === 'button' || role === 'checkbox' || role === 'radio') return '';
  return el.getAttribute('aria-valuetext') ?? text(el);
}

/**
 * Label and value of a control, apart. A Fluent drop-down is labelled by its label and by the
 * span showing its value: the parts of aria-labelledby inside the control are its value.
 * @returns {{label: string, from: string}}
 */
export function labelOf(el, role = roleOf(el)) {
  const aria = ariaName(el, valueOf(el, role));
  if (aria) return aria;
  return labelFromHtml(el, role);
}

/** aria-labelledby (without the parts that show the control's value), then aria-label. */
function ariaName(el, own = '') {
  const doc = el.ownerDocument;
  const by = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (by.length) {
    const parts = by
      .map((id) => doc.getElementById(id))
      .filter((r) => r && r !== el && !el.contains(r))
      .map(text)
      .filter((t) => t && t !== own);
    const label = cleanLabel(parts.join(' '));
    if (label) return { label, from: 'labelledby' };
  }
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return { label: cleanLabel(aria), from: 'aria-label' };
  return null;
}

/** `<label>`, own text for name-from-content roles, title or placeholder, then a caption nearby. */
function labelFromHtml(el, role) {
  const labels = /** @type {any} */ (el).labels;
  if (labels?.length) return { label: cleanLabel([...labels].map(text).join(' ')), from: 'label' };
  const wrap = el.parentElement?.closest('label');
  if (wrap) return { label: cleanLabel(text(wrap)), from: 'label' };
  if (NAME_FROM_CONTENT.has(role) && !isInputLike(el)) {
    const own = cleanLabel(text(el));
    if (own) return { label: own, from: 'content' };
  }
  const title = el.getAttribute('title') || el.getAttribute('placeholder');
  if (title?.trim()) return { label: cleanLabel(title), from: 'title' };
  const near = nearbyCaption(el);
  return near ? { label: near, from: 'nearby' } : { label: '', from: 'none' };
}

/** Accessible name: label, else own text. For apply's last check, on the page as it is now. */
export function accessibleName(el) {
  memo = freshMemo();
  return labelOf(el).label;
}

/**
 * A control with no accessible name: the caption just before it, as a sighted admin reads
 * it (an Fx label div with no ARIA link). Reported as `nearby`, so the page report shows it.
 */
function nearbyCaption(el) {
  const p = nearbyCaptionElement(el);
  return p ? cleanLabel(text(p)) : '';
}

/** The element holding that caption, or null. */
function nearbyCaptionElement(el) {
  let at = el;
  for (let depth = 0; at && depth < 4; depth++, at = at.parentElement) {
    for (let p = at.previousElementSibling; p; p = p.previousElementSibling) {
      if (p.querySelector(CONTROLS) || p.matches(CONTROLS)) return null;
      const t = cleanLabel(text(p));
      if (t && t.length <= 80) return p;
      if (t) return null;
    }
  }
  return null;
}

/** The nearest heading before the element (or its group's name): which section it is in. */
function sectionOf(el) {
  const group = el.closest('fieldset, [role=group][aria-label], [role=radiogroup][aria-label]');
  const legend = group?.querySelector(':scope > legend');
  if (legend) return cleanLabel(text(legend));
  if (group?.getAttribute('aria-label')) return cleanLabel(group.getAttribute('aria-label'));
  // The visible headings in page order, found once a pass; the last one before the element.
  memo.headings ??= [...el.ownerDocument.querySelectorAll(HEADINGS)].filter(shown);
  const hs = memo.headings;
  let lo = 0;
  let hi = hs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) lo = mid + 1;
    else hi = mid;
  }
  const h = hs[lo - 1];
  return h && !h.contains(el) ? cleanLabel(text(h)) : '';
}

/** Index of the element's row within its grid or table, for multi-row lists. Each grid's rows
 *  are indexed once a pass, not once per control (a resource grid has hundreds). */
function rowOf(el) {
  const row = el.closest('[role=row], tr');
  const grid = row?.parentElement?.closest('[role=grid], [role=table], [role=treegrid], table');
  if (!row || !grid) return undefined;
  memo.rows ??= new Map();
  let index = memo.rows.get(grid);
  if (!index) {
    const rows = [...grid.querySelectorAll('[role=row], tr')].filter(
      (r) => !r.querySelector('th, [role=columnheader]'),
    );
    index = new Map(rows.map((r, i) => [r, i]));
    memo.rows.set(grid, index);
  }
  return index.get(row) ?? -1;
}

const headingLevel = (h) =>
  Number(h.getAttribute('aria-level') ?? (/^H[1-6]$/.test(h.tagName) ? h.tagName.slice(1) : 2));

/**
 * Regions: landmarks, and blades side by side. Knockout blades share the portal's top page
 * with no landmark of their own; two or more top headings (level 1 or 2) whose widest
 * containers hold one each are blades. Returns the region list, each region's root element
 * (index 0: the document), the visible headings and a lookup.
 */
function regionsOf(doc) {
  /** @type {Map<Element, number>} */
  const index = new Map();
  /** @type {{ name: string, role: string, parent: number | null }[]} */
  const list = [{ name: '', role: 'frame', parent: null }];
  const landmarks = new Set([...doc.querySelectorAll(LANDMARKS)].filter((e) => shown(e)));
  // The visible headings, once a pass: sectionOf and the frame's title read them too.
  const headings = [...doc.querySelectorAll(HEADINGS)].filter(shown);
  memo.headings = headings;
  /** @type {Map<Element, string>} */
  const blades = new Map();
  // Only the page's topmost heading level can title blades: lower ones title sections.
  const top = Math.min(...headings.map(headingLevel));
  const tops = top <= 2 ? headings.filter((h) => headingLevel(h) === top) : [];
  if (tops.length >= 2) {
    for (const h of tops) {
      let box = h;
      while (
        box.parentElement &&
        box.parentElement !== doc.body &&
        tops.filter((t) => box.parentElement.contains(t)).length === 1
      )
        box = box.parentElement;
      if (box !== h && box.querySelector(`${CONTROLS}, dl, table, [role=grid]`)) blades.set(box, cleanLabel(text(h)));
    }
    if (blades.size < 2) blades.clear();
  }
  for (const b of blades.keys()) landmarks.add(b);
  const ordered = [...landmarks].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  for (const el of ordered.slice(0, MAX.regions)) {
    const role =
      blades.has(el) && !el.matches(LANDMARKS)
        ? 'blade'
        : (el.getAttribute('role') ??
          {
            MAIN: 'main',
            ASIDE: 'complementary',
            NAV: 'navigation',
            DIALOG: 'dialog',
            FORM: 'form',
            SECTION: 'region',
          }[el.tagName] ??
          'region');
    const name = ariaName(el)?.label || blades.get(el) || text(el.querySelector(HEADINGS));
    index.set(el, list.length);
    list.push({ name: cap(name, MAX.label), role, parent: 0 });
  }
  const regionOf = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement)
      if (index.has(e)) return /** @type {number} */ (index.get(e));
    return 0;
  };
  for (const [el, i] of index) list[i].parent = regionOf(el);
  /** @type {(Element | Document)[]} */
  const roots = [doc, ...index.keys()];
  return { list, roots, headings, regionOf };
}

/** Never read for text: code, icons, option lists, and the portal's own chrome (navigation,
 *  search, banner), which holds no setup values. */
const NO_TEXT =
  'script, style, template, svg, img, [role=img], [role=option], [role=treeitem], [role=tree], ' +
  '[role=listbox]:not([aria-haspopup]), nav, [role=navigation], [role=search], [role=banner]';
const TABLES = 'table, [role=grid], [role=table], [role=treegrid]';
const BUTTONS = 'button, [role=button], input[type=button], input[type=submit], input[type=reset]';

/** What holds a run, as `forms::reading` reads it. */
function kindOf(el) {
  if (el.matches(HEADINGS)) return 'heading';
  if (el.matches(BUTTONS)) return 'button';
  if (el.matches('a[href], [role=link]')) return 'link';
  if (el.matches('dt, [role=term]')) return 'term';
  if (el.matches('dd, [role=definition]')) return 'definition';
  return '';
}

const ownText = (el) => [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.data.trim());

/**
 * The visible text, in reading order, as runs: an element's text when it has text of its own
 * (inline parts included), a heading, a button's or a link's name. And the groups: each element
 * holding two or more parts with text, as a range of runs, in pre-order. Which run is a label and which its
 * value is the core's to say (`forms::reading`), from its label tables; nothing here guesses.
 * Controls hold their values themselves; tables with headers are read as tables.
 * @param {Element} start where to walk from: a region's root, or the body for the frame
 * @param {Set<Element | Document>} apart other regions' roots, each walked on its own
 * @param {Set<Element>} namers the elements that name a control (its label, labelledby, caption)
 */
function runsOf(start, apart, namers) {
  /** @type {{text: string, kind: string, section: string, region: number, namesControl: boolean}[]} */
  const runs = [];
  /** @type {({first: number, last: number} | null)[]} */
  const groups = [];
  let walked = 0;
  /** @returns {boolean} whether `el` gave any run */
  const visit = (el, naming) => {
    if (walked++ > MAX.walk || runs.length >= MAX.runs || (el !== start && apart.has(el))) return false;
    if (el.matches(NO_TEXT) || isControl(el) || hiddenNode(el)) return false;
    if (el.matches(TABLES) && el.querySelector('thead, th, [role=columnheader]')) return false;
    const names = naming || namers.has(el);
    const kind = kindOf(el);
    if (kind === 'heading' || kind === 'button' || kind === 'link' || ownText(el)) {
      const t = kind === 'button' ? (ariaName(el)?.label ?? '') || text(el) : text(el);
      if (!t || !shown(el)) return false;
      runs.push({
        text: cap(t, MAX.value),
        kind,
        section: kind === 'heading' ? '' : sectionOf(el),
        region: 0, // the part's region, set when the snapshot is put together
        namesControl: names,
      });
      return true;
    }
    // Its place is taken before its children's: the groups come in pre-order.
    const first = runs.length;
    const at = groups.length;
    groups.push(null);
    let parts = 0;
    for (const c of el.children) if (visit(c, names)) parts++;
    if (parts >= 2) groups[at] = { first, last: runs.length - 1 };
    return runs.length > first;
  };
  visit(start, false);
  return { runs, groups: /** @type {{first: number, last: number}[]} */ (groups.filter(Boolean).slice(0, MAX.runs)) };
}

const cellsOf = (row) =>
  [
    ...row.querySelectorAll(
      ['th', 'td', '[role=gridcell]', '[role=cell]', '[role=columnheader]', '[role=rowheader]']
        .map((c) => `:scope > ${c}`)
        .join(', '),
    ),
  ].map(text);

/**
 * Tables and grids. Virtualized ones (aria-rowcount above the rows in the DOM) are
 * scrolled through, collecting rows by aria-rowindex, then scrolled back.
 */
async function tables(scope, mine) {
  const out = [];
  for (const t of scope.querySelectorAll(TABLES)) {
    if (
      out.length >= MAX.tables ||
      !mine(t) ||
      !shown(t) ||
      t.parentElement?.closest('table, [role=grid], [role=table]')
    )
      continue;
    const headerRow = t.querySelector('thead tr, [role=row]:has(> [role=columnheader]), tr:has(> th)');
    const headers = headerRow ? cellsOf(headerRow).map(cleanLabel) : [];
    const rows = new Map();
    const gather = () => {
      memo = freshMemo(); // a virtualized grid may reuse its row elements for other rows
      for (const r of t.querySelectorAll('tbody tr, [role=rowgroup] > [role=row], [role=row]')) {
        if (r === headerRow || r.querySelector(':scope > [role=columnheader], :scope > th') || rows.size >= MAX.rows)
          continue;
        const index = Number(r.getAttribute('aria-rowindex') ?? rows.size + 1);
        rows.set(
          index,
          cellsOf(r).map((c) => cap(c, MAX.label)),
        );
      }
    };
    gather();
    const total = Number(t.getAttribute('aria-rowcount') ?? 0) - (headers.length ? 1 : 0);
    const scroller = total > rows.size ? scrollerOf(t) : null;
    if (scroller) {
      const start = scroller.scrollTop;
      for (let guard = 0; rows.size < total && guard < MAX.scrolls; guard++) {
        const before = scroller.scrollTop;
        scroller.scrollTop = before + Math.max(scroller.clientHeight - 40, 40);
        if (scroller.scrollTop === before) break; // the end
        await nextFrame();
        gather();
      }
      scroller.scrollTop = start;
    }
    // A grid that says it has rows and shows none is still drawing them: not an empty list.
    if (!rows.size && total > 0) continue;
    const name = ariaName(t)?.label || text(t.querySelector(':scope > caption')) || sectionOf(t);
    out.push({
      name,
      headers,
      rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
      region: 0,
    });
  }
  return out;
}

/** @returns {Promise<void>} */
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/** The element that scrolls a virtualized table's rows: inside the table or around it. */
function scrollerOf(t) {
  const scrolls = (e) => e.scrollHeight > e.clientHeight + 2 && /(auto|scroll)/.test(getComputedStyle(e).overflowY);
  const row = t.querySelector('[role=rowgroup] [role=row], tbody tr') ?? t;
  for (let e = row.parentElement; e; e = e.parentElement) if (scrolls(e)) return e;
  return null;
}

/** Whether the control opens a list: a select-only drop-down, however it marks itself. */
const opensList = (el) =>
  el.tagName === 'SELECT' ||
  (el.hasAttribute('aria-haspopup') && el.getAttribute('aria-haspopup') !== 'false') ||
  el.hasAttribute('aria-expanded') ||
  el.hasAttribute('aria-controls');

/** The elements that give a control its name: its labels, its labelledby, the caption before it. */
function namersOf(el, from) {
  const doc = el.ownerDocument;
  const by = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const out = by.map((id) => doc.getElementById(id)).filter((r) => r && r !== el && !el.contains(r));
  out.push(.../** @type {any} */ (el.labels ?? []));
  const wrap = el.parentElement?.closest('label');
  if (wrap) out.push(wrap);
  if (from === 'nearby') out.push(nearbyCaptionElement(el));
  return out.filter(Boolean);
}

function field(el, role, namers) {
  const checkable = role === 'checkbox' || role === 'radio';
  const { label, from } = labelOf(el, role);
  namers.push(...namersOf(el, from));
  return {
    key: '',
    name: label,
    section: sectionOf(el),
    role,
    value: checkable ? '' : cap(valueOf(el, role), MAX.value),
    checked: checkable ? Boolean(/** @type {any} */ (el).checked) || el.getAttribute('aria-checked') === 'true' : false,
    disabled:
      Boolean(/** @type {any} */ (el).disabled) ||
      el.getAttribute('aria-disabled') === 'true' ||
      Boolean(el.closest('[inert]')) ||
      Boolean(el.closest('fieldset[disabled]')),
    readonly: Boolean(/** @type {any} */ (el).readOnly) || el.getAttribute('aria-readonly') === 'true',
    popup: role === 'combobox' && opensList(el),
    row: rowOf(el),
    region: 0,
  };
}

/**
 * What one region shows, apart from the regions inside it: kept per root element between passes,
 * so a change in one blade re-reads that blade and not the busy page around it.
 * @typedef {{fields: {el: Element, desc: any}[], namers: Element[], runs: any[],
 *   groups: {first: number, last: number}[], tables: any[], headings: any[], notices: string[], sig: string}} Part
 * @type {WeakMap<Element | Document, Part>}
 */
let parts = new WeakMap();
/** @type {(Element | Document)[]} the last pass's region roots, in region order */
let lastRoots = [];

/** A control the snapshot lists: not an option, nor anything inside an open list, tree or menu. */
function listed(el) {
  if (el.tagName === 'INPUT' && SKIP_TYPES.has(/** @type {HTMLInputElement} */ (el).type)) return false;
  if (/^(option|treeitem|menuitem|menuitemradio|menuitemcheckbox|tab|link)$/.test(el.getAttribute('role') ?? ''))
    return false;
  return !el.parentElement?.closest('[role=listbox], [role=tree], [role=menu]') && shown(el);
}

/** The controls, tables, headings and notices of region `i` (not of the regions inside it). */
async function partOf(doc, root, i, regionOf) {
  const scope = root === doc ? doc : /** @type {Element} */ (root);
  const mine = (el) => regionOf(el) === i;
  /** @type {Element[]} */
  const namers = [];
  const fields = [];
  for (const el of scope.querySelectorAll(CONTROLS)) {
    if (fields.length >= MAX.fields) break;
    if (mine(el) && listed(el)) fields.push({ el, desc: field(el, roleOf(el), namers) });
  }
  const headings = [...scope.querySelectorAll(HEADINGS)]
    .filter((h) => mine(h) && shown(h))
    .map((h) => ({ text: cap(cleanLabel(text(h)), MAX.label), level: headingLevel(h), region: 0 }))
    .filter((h) => h.text);
  const notices = [...scope.querySelectorAll('[role=status], [role=alert]')]
    .filter((n) => mine(n) && shown(n))
    .map(text)
    .filter(Boolean)
    .map((n) => cap(n, MAX.label));
  return { fields, namers, runs: [], groups: [], tables: await tables(scope, mine), headings, notices, sig: '' };
}

/** Give the page its turn when a pass has run long: no task of ours holds the main thread for a frame. */
async function breathe(since) {
  if (performance.now() - since < 8) return performance.now();
  const s = /** @type {any} */ (globalThis).scheduler;
  await (s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0)));
  return performance.now();
}

/**
 * What the frame shows. `dirty` names the region roots (or the document) that changed since the
 * last pass; the others are taken from the last pass as they were. Without it, or when the
 * regions themselves changed, everything is read anew.
 * When the result would read as `unless` (the last pass's `sig`), no snapshot is put together.
 * @param {Document} [doc]
 * @param {Set<Element | Document> | null} [dirty]
 * @param {string} [unless]
 * @returns {Promise<{snapshot: any, elements: Map<string, Element>, roots: (Element | Document)[], sig: string}>}
 */
export async function collect(doc = document, dirty = null, unless = undefined) {
  memo = freshMemo();
  let since = performance.now();
  const { list: regions, roots, headings, regionOf } = regionsOf(doc);
  const same = roots.length === lastRoots.length && roots.every((r, i) => r === lastRoots[i]);
  if (!same || !dirty) parts = new WeakMap();
  lastRoots = roots;
  const fresh = roots.filter((r) => !parts.has(r) || dirty?.has(r));
  for (const root of fresh) {
    parts.set(root, await partOf(doc, root, roots.indexOf(root), regionOf));
    since = await breathe(since);
  }
  // Runs after every part's controls: a label in one region may name a control in another.
  const namers = new Set(roots.flatMap((r) => parts.get(r)?.namers ?? []));
  const apart = new Set(roots);
  for (const root of fresh) {
    const part = /** @type {Part} */ (parts.get(root));
    const start = root === doc ? doc.body : /** @type {Element} */ (root);
    if (start) Object.assign(part, runsOf(start, apart, namers));
    const { fields, ...rest } = part;
    part.sig = JSON.stringify({ ...rest, namers: undefined, fields: fields.map((f) => f.desc) });
    since = await breathe(since);
  }
  const top = headings.find((h) => headingLevel(h) === 1);
  const title = cap(top ? cleanLabel(text(top)) : squash(doc.title), MAX.label);
  regions[0].name = title;
  const sig = [JSON.stringify(regions), ...roots.map((r) => /** @type {Part} */ (parts.get(r)).sig)].join('\n');
  if (sig === unless) return { snapshot: null, elements: new Map(), roots, sig };
  const elements = new Map();
  /** An empty snapshot of this frame: filled from the parts, or sent as it is when over the limits. */
  const empty = () => ({
    url: location.href,
    title,
    headings: [],
    fields: [],
    runs: [],
    groups: [],
    tables: [],
    notices: [],
    regions: [],
  });
  /** @type {any} */
  const whole = { ...empty(), regions };
  roots.forEach((root, region) => {
    const part = /** @type {Part} */ (parts.get(root));
    const offset = whole.runs.length;
    for (const { el, desc } of part.fields) {
      if (whole.fields.length >= MAX.fields) break;
      const key = `f${whole.fields.length}`;
      elements.set(key, el);
      whole.fields.push({ ...desc, key, region });
    }
    whole.runs.push(...part.runs.map((r) => ({ ...r, region })));
    whole.groups.push(...part.groups.map((g) => ({ first: g.first + offset, last: g.last + offset })));
    whole.tables.push(...part.tables.map((t) => ({ ...t, region })));
    whole.headings.push(...part.headings.map((h) => ({ ...h, region })));
    whole.notices.push(...part.notices);
  });
  whole.headings = whole.headings.slice(0, MAX.headings);
  whole.notices = whole.notices.slice(0, MAX.notices);
  whole.runs = whole.runs.slice(0, MAX.runs);
  whole.groups = whole.groups.filter((g) => g.last < whole.runs.length).slice(0, MAX.runs);
  // Over the limits as a whole: say nothing rather than something cut short.
  return { snapshot: capSnapshot(whole) ?? empty(), elements, roots, sig };
}
