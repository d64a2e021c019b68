// Apply: carry out the core's plan the way a person would, so React (native value setter +
// input), Knockout (change, or blur) and dirty-tracking forms all see a real edit. It touches
// only the planned controls, the options of a drop-down it opened, and the row-adders the
// core allowed (see crate/src/forms/clicks.rs): never anything that commits or discards.
import { accessibleName, cleanLabel } from './collect.js';

/** A drop-down's list may render this long after it is opened (Fluent layers, Fx popups). */
const POPUP_MS = 1500;
const OPTIONS = '[role=option], [role=treeitem], [role=menuitemradio]';

const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

function nativeSetter(el) {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, 'value');
    if (d?.set) return d.set;
  }
  return null;
}

/**
 * Move focus as a person does (`focus` or `blur`): forms that commit on blur take the value.
 * When the page has no focus to give, the events are sent all the same.
 * @param {HTMLElement} el @param {'focus' | 'blur'} how
 */
function moveFocus(el, how) {
  const [own, bubbling] = how === 'focus' ? ['focus', 'focusin'] : ['blur', 'focusout'];
  let got = false;
  const mark = () => (got = true);
  el.addEventListener(own, mark, { once: true });
  el[how]();
  el.removeEventListener(own, mark);
  if (!got) {
    el.dispatchEvent(new FocusEvent(own));
    el.dispatchEvent(new FocusEvent(bubbling, { bubbles: true }));
  }
}
const focus = (el) => moveFocus(el, 'focus');
const leave = (el) => moveFocus(el, 'blur');

function key(el, k) {
  const init = {
    key: k,
    code: k,
    bubbles: true,
    cancelable: true,
    keyCode: k === 'Enter' ? 13 : k === 'ArrowDown' ? 40 : k === 'Escape' ? 27 : 32,
  };
  el.dispatchEvent(new KeyboardEvent('keydown', init));
  el.dispatchEvent(new KeyboardEvent('keyup', init));
}

function setValue(el, value) {
  const set = nativeSetter(el);
  if (set && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) set.call(el, value);
  else el.textContent = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
}

/** A text box: focus, the native setter, input, change, blur. */
function type(el, value) {
  focus(el);
  setValue(el, value);
  el.dispatchEvent(new Event('change', { bubbles: true }));
  leave(el);
}

/** A free-text combo box (Fluent ComboBox): type, then Enter, then blur commit the text. */
function typeInCombo(el, value) {
  focus(el);
  setValue(el, value);
  key(el, 'Enter');
  el.dispatchEvent(new Event('change', { bubbles: true }));
  leave(el);
}

/** A pointer click, with the down and up events Fx controls listen for. */
function click(el) {
  const r = el.getBoundingClientRect();
  const at = {
    bubbles: true,
    cancelable: true,
    view: window,
    clientX: r.left + r.width / 2,
    clientY: r.top + r.height / 2,
    button: 0,
  };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
  el.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new MouseEvent('mouseup', at));
  el.dispatchEvent(new MouseEvent('click', at));
}

const visible = (el) => el.isConnected && (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true }));

/** Wait until `find()` returns something, watching the DOM (no polling). */
function waitFor(find, ms = POPUP_MS) {
  return new Promise((resolve) => {
    const hit = find();
    if (hit) return resolve(hit);
    const obs = new MutationObserver(() => {
      const h = find();
      if (h) {
        obs.disconnect();
        clearTimeout(t);
        resolve(h);
      }
    });
    obs.observe(document, { subtree: true, childList: true, attributes: true });
    const t = setTimeout(() => {
      obs.disconnect();
      resolve(null);
    }, ms);
  });
}

const optionText = (o) => norm(o.getAttribute('aria-label') || o.textContent);

/**
 * The option this drop-down opened: in the list it controls, else among options that became
 * visible since it was opened, wherever they render (a layer at the end of <body>). Options
 * that were there before (the portal search box's history) are never candidates.
 */
function findOption(trigger, value, before) {
  const listId = trigger.getAttribute('aria-controls') || trigger.getAttribute('aria-owns');
  const list = listId ? document.getElementById(listId) : null;
  const pool =
    list && visible(list)
      ? [...list.querySelectorAll(OPTIONS)]
      : [...document.querySelectorAll(OPTIONS)].filter((o) => !before.has(o));
  return pool.find((o) => visible(o) && optionText(o) === norm(value)) ?? null;
}

async function choose(el, value) {
  if (el.tagName === 'SELECT') {
    const opt = [...el.options].find((o) => norm(o.text) === norm(value));
    if (!opt) return false;
    focus(el);
    el.value = opt.value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    leave(el);
    return true;
  }
  if (el.tagName === 'INPUT') {
    typeInCombo(el, value);
    return true;
  }
  const before = new Set([...document.querySelectorAll(OPTIONS)].filter(visible));
  click(el);
  let option = await waitFor(() => findOption(el, value, before));
  if (!option) {
    // Keyboard fallback: some drop-downs open on Alt+ArrowDown, Enter or Space only.
    focus(el);
    for (const k of ['ArrowDown', 'Enter', ' ']) {
      if (el.getAttribute('aria-expanded') === 'true') break;
      key(el, k);
    }
    option = await waitFor(() => findOption(el, value, before));
  }
  if (!option) {
    if (el.getAttribute('aria-expanded') === 'true') key(el, 'Escape');
    return false;
  }
  option.scrollIntoView?.({ block: 'nearest' });
  click(option);
  return true;
}

/** The last check before a click: the control still has the label the core allowed. */
function mayClick(el, label) {
  if (/** @type {any} */ (el).type === 'submit' || el.closest('[role=search]')) return false;
  return cleanLabel(accessibleName(el)).toLowerCase() === cleanLabel(label).toLowerCase();
}

function highlight(el) {
  el.animate?.([{ boxShadow: '0 0 0 3px rgba(76,110,245,.9)' }, { boxShadow: '0 0 0 3px rgba(76,110,245,0)' }], {
    duration: 1500,
    easing: 'ease-out',
  });
}

/**
 * @param {import('../messages.js').Fill[]} fills
 * @param {Map<string, Element>} elements
 * @returns {Promise<string[]>} the keys it tried, in order, whether or not the page took them
 *   (a try counts toward the retries); it stops at the first control that is gone
 */
export async function apply(fills, elements) {
  const tried = [];
  for (const f of fills) {
    const el = /** @type {HTMLElement} */ (elements.get(f.key));
    // The page drew itself again (a row was added): the rest of the plan is stale, and the
    // next round plans again from what the page shows now.
    if (!el?.isConnected) break;
    tried.push(f.key);
    if (f.action === 'text') {
      if (el.tagName === 'INPUT' && el.getAttribute('role') === 'combobox') typeInCombo(el, f.value);
      else type(el, f.value);
    } else if (f.action === 'choose') {
      if (!(await choose(el, f.value))) continue;
    } else if (f.action === 'check' || f.action === 'radio') {
      const on = /** @type {any} */ (el).checked === true || el.getAttribute('aria-checked') === 'true';
      if (!on) click(el);
    } else if (f.action === 'add-row') {
      if (!mayClick(el, f.label)) continue;
      click(el);
    } else continue;
    highlight(el);
  }
  return tried;
}
