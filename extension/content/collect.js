// Collect: a snapshot of what this frame shows, as descriptors the core can judge.
// Reads the DOM only; the element handles stay here, keyed by the descriptors' `key`.

const CONTROLS = 'input, textarea, select, [role=combobox], [role=checkbox], [role=radio], [role=textbox], [role=switch]';
const SKIP_TYPES = new Set(['hidden', 'file', 'button', 'submit', 'reset', 'image', 'password']);
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading], legend';

const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function visible(el) {
  if (!el.isConnected) return false;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return false;
  const r = el.getBoundingClientRect();
  // Radios and checkboxes are often visually hidden behind a styled label.
  return r.width > 0 || r.height > 0 || el.matches('input[type=radio], input[type=checkbox]');
}

/** Label, aria-labelledby, aria-label, wrapping label, placeholder, title: as a screen reader would. */
export function accessibleName(el) {
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const t = by.split(/\s+/).map((id) => text(el.ownerDocument.getElementById(id))).filter(Boolean).join(' ');
    if (t) return t;
  }
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  if (el.labels?.length) return [...el.labels].map(text).join(' ');
  const wrap = el.closest('label');
  if (wrap) return text(wrap);
  return (el.getAttribute('placeholder') || el.getAttribute('title') || '').trim();
}

/** The nearest heading before the element (or its group's name): which section it is in. */
function sectionOf(el) {
  const group = el.closest('fieldset, [role=group][aria-label], [role=region][aria-label], section[aria-label]');
  const legend = group?.querySelector(':scope > legend');
  if (legend) return text(legend);
  if (group?.getAttribute('aria-label')) return group.getAttribute('aria-label');
  const doc = el.ownerDocument;
  const xpath = "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading'][1]";
  return text(doc.evaluate(xpath, el, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue);
}

function roleOf(el) {
  const role = el.getAttribute('role');
  if (role) return role === 'switch' ? 'checkbox' : role;
  if (el.tagName === 'SELECT') return 'combobox';
  if (el.type === 'checkbox' || el.type === 'radio') return el.type;
  return 'textbox';
}

function valueOf(el) {
  if (el.tagName === 'SELECT') return el.selectedOptions[0] ? text(el.selectedOptions[0]) : '';
  if ('value' in el && el.tagName !== 'BUTTON' && el.tagName !== 'DIV' && el.tagName !== 'SPAN') return el.value;
  return el.getAttribute('aria-valuetext') ?? text(el);
}

/** Index of the element's row among its siblings, for multi-row lists. */
function rowOf(el) {
  const row = el.closest('[role=row], tr');
  if (!row?.parentElement) return undefined;
  return [...row.parentElement.children].indexOf(row);
}

function field(el, key) {
  const checkable = el.type === 'checkbox' || el.type === 'radio' || /^(checkbox|radio|switch)$/.test(el.getAttribute('role') ?? '');
  return {
    key,
    name: accessibleName(el),
    section: sectionOf(el),
    role: roleOf(el),
    value: checkable ? '' : valueOf(el),
    checked: checkable ? Boolean(el.checked ?? false) || el.getAttribute('aria-checked') === 'true' : false,
    disabled: Boolean(el.disabled) || el.getAttribute('aria-disabled') === 'true',
    readonly: Boolean(el.readOnly) || el.getAttribute('aria-readonly') === 'true',
    row: rowOf(el),
  };
}

/** Read-only label/value pairs: definition lists. */
function texts(doc) {
  const out = [];
  for (const dt of doc.querySelectorAll('dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD' && visible(dt)) out.push({ section: sectionOf(dt), label: text(dt), value: text(dd) });
  }
  return out;
}

const cellsOf = (row) => [...row.querySelectorAll(':scope > th, :scope > td, :scope > [role=gridcell], :scope > [role=cell], :scope > [role=columnheader], :scope > [role=rowheader]')].map(text);

/**
 * Tables and grids. Virtualized ones (aria-rowcount above the rows in the DOM) are
 * scrolled through, collecting rows by aria-rowindex, then scrolled back.
 */
async function tables(doc) {
  const out = [];
  for (const t of doc.querySelectorAll('table, [role=grid], [role=table]')) {
    if (!visible(t)) continue;
    const headerRow = t.querySelector('thead tr, [role=row]:has(> [role=columnheader]), tr:has(> th)');
    const headers = headerRow ? cellsOf(headerRow) : [];
    const rows = new Map();
    const gather = () => {
      for (const r of t.querySelectorAll('tbody tr, [role=rowgroup] > [role=row], [role=row]')) {
        if (r === headerRow || r.querySelector(':scope > [role=columnheader], :scope > th')) continue;
        const index = Number(r.getAttribute('aria-rowindex') ?? rows.size + 1);
        rows.set(index, cellsOf(r));
      }
    };
    gather();
    const total = Number(t.getAttribute('aria-rowcount') ?? 0) - (headers.length ? 1 : 0);
    const scroller = total > rows.size ? scrollerOf(t) : null;
    if (scroller) {
      const start = scroller.scrollTop;
      for (let guard = 0; rows.size < total && guard < 1000; guard++) {
        const before = scroller.scrollTop;
        scroller.scrollTop = before + Math.max(scroller.clientHeight - 40, 40);
        if (scroller.scrollTop === before) break; // the end
        await nextFrame();
        gather();
      }
      scroller.scrollTop = start;
    }
    const name = t.getAttribute('aria-label') || sectionOf(t);
    out.push({ name, headers, rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) });
  }
  return out;
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/** The element that scrolls a virtualized table's rows: inside the table or around it. */
function scrollerOf(t) {
  const scrolls = (e) => e.scrollHeight > e.clientHeight + 2 && /(auto|scroll)/.test(getComputedStyle(e).overflowY);
  const row = t.querySelector('[role=rowgroup] [role=row], tbody tr') ?? t;
  for (let e = row.parentElement; e; e = e.parentElement) if (scrolls(e)) return e;
  return null;
}

/**
 * @returns {Promise<{snapshot: object, elements: Map<string, Element>}>}
 */
export async function collect(doc = document) {
  const elements = new Map();
  const fields = [];
  let n = 0;
  for (const el of doc.querySelectorAll(CONTROLS)) {
    if (el.tagName === 'INPUT' && SKIP_TYPES.has(el.type)) continue;
    if (!visible(el)) continue;
    const key = `f${n++}`;
    elements.set(key, el);
    fields.push(field(el, key));
  }
  const headings = [...doc.querySelectorAll(HEADINGS)].filter(visible).map(text).filter(Boolean);
  const title = text(doc.querySelector('h1, [role=heading][aria-level="1"]')) || doc.title;
  const notices = [...doc.querySelectorAll('[role=status], [role=alert]')].filter(visible).map(text).filter(Boolean);
  return { snapshot: { url: location.href, title, headings, fields, texts: texts(doc), tables: await tables(doc), notices }, elements };
}
