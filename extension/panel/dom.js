// Tiny DOM helpers. Text goes in through textContent only: nothing the core or a page
// returns is ever parsed as HTML.

/**
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attrs] attributes; `text` sets textContent
 * @param {(Node | string | null | undefined)[]} children
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) el.append(c);
  return el;
}

/** @param {string} id */
export const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Set an input's value unless the admin is typing in it. */
export function setValue(id, value) {
  const el = /** @type {HTMLInputElement} */ (byId(id));
  if (document.activeElement !== el && el.value !== value) el.value = value;
}

/** Replace a list's items with findings `{code, severity, message}`. */
export function renderFindings(list, findings) {
  list.replaceChildren(
    ...findings.map((f) => h('li', { 'data-severity': f.severity, 'data-code': f.code, text: f.message })),
  );
}

let toastTimer;
/** A short, polite status message. */
export function toast(text) {
  const t = byId('toast');
  t.textContent = text;
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('show'), 1800);
}

/**
 * Save a text as a file, through a link the panel clicks (no downloads permission).
 * @param {string} text @param {string} name
 */
export function download(text, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
