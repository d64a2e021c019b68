// The Fx (Knockout) dialect: blades drawn in the portal's own top page, next to other open
// blades, the search box and a context pane. What makes it hard, from shared/portal-facts.md:
// labels are divs (not <label>) ending in ":" with a "*" and aria-hidden balloon text, some
// controls have no ARIA link to theirs; drop-downs are div[role=combobox] whose options are
// div[role=treeitem] in a popup at the end of the page, opened on mousedown and chosen on
// mousedown + mouseup; radios are li[role=radio]; text boxes take their value on change or
// blur, and a value set without them vanishes on the next render; Save and Discard are
// div[role=button] command-bar items disabled by a class; read-only values are "essentials"
// div pairs; a new app has no Identifier or Reply URL rows. The model is Knockout observables.
(function () {
  /** The saved configuration, without the click logs: what a pane shows. */
  const saved = (t) => JSON.stringify({ ...t, clicks: undefined, extends: undefined });
  let uid = 0;
  const id = (p) => `${p}-${++uid}`;
  /** The list of a drop-down shows this long after it is opened (the tenant's `popupDelay`). */
  const popupDelay = () => replica.load().popupDelay ?? 300;

  function el(tag, attrs = {}, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      if (k === 'text') n.textContent = v;
      else if (k === 'class') n.className = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? '' : v);
    }
    n.append(...kids.filter((c) => c != null));
    return n;
  }

  /** An Fx label: a div, the text with a colon, a required star, the balloon's text hidden. */
  function labelBox(text, required, balloon = `${tr('Learn more about')} ${text}`) {
    const lid = id('lbl');
    const box = el('div', { class: 'azc-form-labelcontainer', id: lid },
      el('span', { text: `${text}:` }),
      required ? el('span', { class: 'req', text: ' *' }) : null,
      el('span', { class: 'balloon', 'aria-hidden': 'true', text: balloon }));
    return { lid, box };
  }

  /** A command-bar item or link: a div with role button, disabled by a class. */
  function fxButton(text, onClick, disabled = false, label) {
    const b = el('div', { role: 'button', tabindex: '0', class: `fxs-button${disabled ? ' fxs-button-disabled' : ''}`, 'aria-label': label, text });
    b.addEventListener('click', () => { if (!b.classList.contains('fxs-button-disabled')) onClick(); });
    return b;
  }

  /** A text box that takes its value on change or blur, as an Fx TextBox does. */
  function textBox(w, model, edited, { labelled = true } = {}) {
    const { lid, box } = labelBox(w.label, w.required);
    const input = el(w.multiline ? 'textarea' : 'input', { 'aria-labelledby': labelled ? lid : undefined, class: 'azc-input' });
    input.value = model[w.key]();
    const commit = () => { if (input.value !== model[w.key]()) { model[w.key](input.value); edited(); } };
    input.addEventListener('change', commit);
    input.addEventListener('blur', commit);
    return el('div', { class: 'azc-form-element' }, box, input);
  }

  let openPopup = null;
  function closePopup() {
    openPopup?.remove();
    openPopup = null;
  }

  /** An Fx drop-down: opened on mousedown (or a key); an option is chosen by mousedown + mouseup. */
  function dropDown(w, model, edited) {
    const { lid, box } = labelBox(w.label, w.required);
    // ARIA 1.0 widgets marked a select-only drop-down aria-readonly ("no typed text"): it still opens.
    const readonly = replica.shape() === 'wrapped' ? 'true' : undefined;
    const input = el('div', { role: 'combobox', tabindex: '0', class: 'fxc-dropdown-input', 'aria-labelledby': lid, 'aria-expanded': 'false', 'aria-haspopup': 'tree', 'aria-readonly': readonly });
    const show = () => { input.textContent = model[w.key]() || tr('Select an option'); };
    show();
    const open = () => {
      if (input.getAttribute('aria-expanded') === 'true') return;
      closePopup();
      input.setAttribute('aria-expanded', 'true');
      setTimeout(() => {
        let down = null;
        const popup = el('div', { class: 'fxc-dropdown-popup', role: 'tree' },
          ...w.options.map((o) => {
            const item = el('div', { role: 'treeitem', class: 'fxc-dropdown-option', 'aria-selected': String(o === model[w.key]()), text: o });
            item.addEventListener('mousedown', () => { down = item; });
            item.addEventListener('mouseup', () => {
              if (down !== item) return;
              if (o !== model[w.key]()) { model[w.key](o); edited(); }
              show();
              input.setAttribute('aria-expanded', 'false');
              closePopup();
            });
            return item;
          }));
        const r = input.getBoundingClientRect();
        Object.assign(popup.style, { left: `${r.left + scrollX}px`, top: `${r.bottom + scrollY}px` });
        document.body.append(popup); // elsewhere in the page, not in the blade
        openPopup = popup;
      }, popupDelay());
    };
    input.addEventListener('mousedown', open);
    input.addEventListener('keydown', (ev) => { if (['ArrowDown', 'Enter', ' '].includes(ev.key)) open(); });
    return el('div', { class: 'azc-form-element' }, box, input);
  }

  function radios(w, model, edited) {
    const { lid, box } = labelBox(w.label, false);
    const list = el('ul', { role: 'radiogroup', 'aria-labelledby': lid, class: 'azc-optionPicker' });
    const paint = () => {
      list.replaceChildren(...w.options.map((o) => {
        const li = el('li', { role: 'radio', tabindex: '0', 'aria-checked': String(model[w.key]() === o), text: o });
        li.addEventListener('click', () => { if (model[w.key]() !== o) { model[w.key](o); edited(); paint(); } });
        return li;
      }));
    };
    paint();
    return el('div', { class: 'azc-form-element' }, box, list);
  }

  function checkBox(label, get, set) {
    const sid = id('cb');
    const box = el('div', { role: 'checkbox', tabindex: '0', class: 'azc-checkBox', 'aria-labelledby': sid, 'aria-checked': String(Boolean(get())) });
    box.addEventListener('click', () => { set(!get()); box.setAttribute('aria-checked', String(Boolean(get()))); });
    return el('div', { class: 'azc-form-element inline' }, box, el('span', { id: sid, text: label }));
  }

  /** Multi-row list: a header label, rows of text boxes, and its "Add …" link. As Knockout's
   *  foreach does, a new row is inserted and the existing rows' elements stay. */
  function rows(w, model, edited) {
    const { lid, box } = labelBox(w.label, w.required);
    const list = model[w.key];
    const boxes = [];
    const row = (r, i) => {
      const input = el('input', { 'aria-labelledby': lid, class: 'azc-input' });
      input.value = r.value;
      const commit = () => { if (input.value !== list()[i].value) { list()[i].value = input.value; edited(); } };
      input.addEventListener('change', commit);
      input.addEventListener('blur', commit);
      const index = w.index ? el('input', { 'aria-label': tr('Index'), class: 'azc-input small' }) : null;
      const def = checkBox(tr('Default'), () => list()[i].isDefault, (on) => {
        list().forEach((x, j) => { x.isDefault = j === i ? on : on ? false : x.isDefault; });
        boxes.forEach((b, j) => b.setAttribute('aria-checked', String(Boolean(list()[j].isDefault))));
        edited();
      });
      boxes.push(def.querySelector('[role=checkbox]'));
      return el('div', { class: 'azc-grid-row' }, input, index, def);
    };
    const grid = el('div', { class: 'azc-editableGrid' }, ...list().map(row));
    const add = fxButton(w.add, () => {
      replica.extend(w.add);
      list.push({ value: '', isDefault: false });
      grid.append(row(list()[list().length - 1], list().length - 1));
    });
    return el('div', { class: 'azc-form-element' }, box, grid, add);
  }

  /** A copy button: an icon with only an aria-label. */
  const copyButton = (value) => fxButton('', () => navigator.clipboard?.writeText(value), false, tr('Copy to clipboard'));

  /** Essentials: label and value as a pair of divs; wrapped, each value beside a copy button. */
  const essentials = (w) => el('div', { class: 'fxc-essentials' }, ...w.items.map(([k, v]) => el('div', { class: 'fxc-essentials-item' },
    el('div', { class: 'fxc-essentials-label-container' }, el('span', { text: k }), el('span', { class: 'balloon', 'aria-hidden': 'true', text: 'Info' })),
    replica.shape() === 'wrapped'
      ? el('div', { class: 'fxc-essentials-value' }, el('span', { text: v ?? '' }), copyButton(v ?? ''))
      : el('div', { class: 'fxc-essentials-value', text: v ?? '' }))));

  function copyable(w) {
    // Wrapped: caption and value in sibling columns, the value as text beside its copy button.
    if (replica.shape() === 'wrapped')
      return el('div', { class: 'fxc-columns' }, el('div', { class: 'fxc-column' }, el('span', { text: w.label })),
        el('div', { class: 'fxc-column' }, el('div', { text: w.value }), copyButton(w.value)));
    const { lid, box } = labelBox(w.label, false);
    const input = el('input', { 'aria-labelledby': lid, readonly: true, class: 'azc-input' });
    input.value = w.value;
    return el('div', { class: 'azc-form-element' }, box, input, fxButton('', () => navigator.clipboard?.writeText(w.value), false, tr('Copy to clipboard')));
  }

  const table = (w) => el('table', { role: 'grid', 'aria-label': w.label, class: 'fxc-grid' },
    el('thead', {}, el('tr', {}, ...w.headers.map((h) => el('th', { text: h })))),
    el('tbody', {}, ...w.rows.map((r) => el('tr', {}, ...r.map((c) => el('td', { text: c }))))));

  /** One blade, rendered into `host`; structural changes render it again from the model. */
  function blade(name, host, shell) {
    const spec = window.BLADES[name];
    let s = replica.load();
    const init = spec.init(s, 'fx');
    const model = {};
    for (const [k, v] of Object.entries(init)) model[k] = Array.isArray(v) ? ko.observableArray(v) : ko.observable(v);
    const dirty = ko.observable(false);
    const plain = () => Object.fromEntries(Object.entries(model).map(([k, o]) => [k, o()]));
    const edited = () => { dirty(true); paintCommands(); };
    const commands = el('div', { class: 'fxs-commandBar', role: 'toolbar', 'aria-label': 'Commands' });
    const body = el('div', { class: 'fxs-blade-content' });
    const title = el('h2', { class: 'fxs-blade-title' });
    function paintCommands() {
      commands.replaceChildren(...spec.commands(s, plain(), dirty()).map((c) => fxButton(c.label, () => {
        if (c.commit) replica.click(c.name ?? c.label);
        const m = plain();
        const next = c.run(m);
        if (next) return shell.open(next);
        for (const [k, v] of Object.entries(m)) model[k](v);
        s = replica.load();
        dirty(false);
        render();
      }, !c.enabled)));
    }
    const act = (w) => {
      if (w.commit) replica.click(w.name ?? w.label);
      if (w.run) { w.run(); s = replica.load(); render(); }
      if (w.go) shell.open(w.go);
      if (w.set) { for (const [k, v] of Object.entries(w.set)) model[k](v); dirty(false); render(); }
    };
    function widget(w) {
      switch (w.t) {
        case 'heading': return el(`h${w.level}`, { text: w.text });
        case 'para': return el('p', { text: w.text });
        case 'status': return el('p', { role: 'status', text: w.text });
        // The app role's Description has no ARIA link to its label: only the caption before it says what it is.
        case 'text': return textBox(w, model, edited, { labelled: w.key !== 'description' });
        case 'dropdown': case 'combo': return dropDown(w, model, edited);
        case 'radio': return radios(w, model, edited);
        case 'checkbox': return checkBox(w.label, () => model[w.key](), (on) => { model[w.key](on); edited(); });
        case 'rows': return rows(w, model, edited);
        case 'pairs': return essentials(w);
        case 'copy': return copyable(w);
        case 'table': return table(w);
        case 'vgrid': return window.makeVGrid(w.label, w.headers, w.rows);
        case 'links': return el('p', {}, ...w.items.map((l) => el('a', { href: '#', text: l, style: 'margin-right:8px' })));
        case 'button': { const b = fxButton(w.label, () => act(w)); if (w.aria) b.setAttribute('aria-label', w.aria); return b; }
        case 'group': return el('div', { class: 'group' }, ...w.items.map(widget));
        case 'section': {
          const edit = w.edit ? fxButton(tr('Edit'), () => shell.open(w.edit)) : null;
          // Wrapped: a head (the step's number, the heading, Edit) and a body of values.
          if (replica.shape() === 'wrapped')
            return el('div', { class: 'fxc-section' },
              el('div', { class: 'fxc-section-head' }, w.n ? el('span', { class: 'fxc-step', text: String(w.n) }) : null, el('h3', { text: w.title }), edit),
              el('div', { class: 'fxc-section-body' }, ...w.body.map(widget)));
          return el('div', { class: 'fxc-section' }, el('h3', { text: w.n ? `${w.n}. ${w.title}` : w.title }), ...w.body.map(widget), edit);
        }
        case 'panel': return el('div', { class: 'fxc-section' }, el('h3', { text: w.title }), ...w.body.map(widget));
        default: return null;
      }
    }
    function render() {
      title.textContent = spec.title(s, plain());
      body.replaceChildren(...spec.body(s, plain()).map(widget));
      paintCommands();
    }
    render();
    if (spec.live) {
      let shown = saved(s);
      const t = setInterval(() => {
        if (!host.isConnected) return clearInterval(t);
        const now = replica.load();
        const j = saved(now);
        if (j !== shown) { shown = j; s = now; render(); }
      }, 400);
    }
    host.replaceChildren(title, commands, body);
    host.dataset.blade = name;
  }

  window.renderFxBlade = blade;
  window.fxClosePopup = closePopup;
})();
