// Apply: carry out the core's plan the way a person would, so React (native value setter
// + input), Knockout (change) and dirty-tracking forms all see a real edit. Never clicks
// anything but the planned fields and the options of the dropdowns it was told to set.

const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

function nativeSetter(el) {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, 'value');
    if (d?.set) return d.set;
  }
  return null;
}

function type(el, value) {
  el.focus();
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  const set = nativeSetter(el);
  if (set) set.call(el, value);
  else el.textContent = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  el.blur();
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

function click(el) {
  for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) el.dispatchEvent(new MouseEvent(t, { bubbles: true, cancelable: true, view: window }));
  el.click();
}

/** Wait until `find()` returns something (the dropdown's list renders after a click). */
function waitFor(find, ms = 1500) {
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

async function choose(el, value) {
  if (el.tagName === 'SELECT') {
    const opt = [...el.options].find((o) => norm(o.text) === norm(value));
    if (!opt) return false;
    el.focus();
    el.value = opt.value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    el.blur();
    return true;
  }
  click(el);
  const listId = el.getAttribute('aria-controls') || el.getAttribute('aria-owns');
  const option = await waitFor(() => {
    const scope = (listId && document.getElementById(listId)) || document;
    return [...scope.querySelectorAll('[role=option]')].find((o) => norm(o.textContent) === norm(value));
  });
  if (!option) return false;
  click(option);
  return true;
}

function highlight(el) {
  el.animate?.([{ boxShadow: '0 0 0 3px rgba(76,110,245,.9)' }, { boxShadow: '0 0 0 3px rgba(76,110,245,0)' }], { duration: 1500, easing: 'ease-out' });
}

/**
 * @param {{key: string, action: string, value: string}[]} fills
 * @param {Map<string, Element>} elements
 * @returns {Promise<string[]>} keys that were acted on
 */
export async function apply(fills, elements) {
  const done = [];
  for (const f of fills) {
    const el = /** @type {HTMLElement} */ (elements.get(f.key));
    if (!el?.isConnected) continue;
    if (f.action === 'text') type(el, f.value);
    else if (f.action === 'choose') {
      if (!(await choose(el, f.value))) continue;
    } else if (f.action === 'check' || f.action === 'radio') {
      const on = /** @type {any} */ (el).checked ?? el.getAttribute('aria-checked') === 'true';
      if (!on) click(el);
    } else continue;
    highlight(el);
    done.push(f.key);
  }
  return done;
}
