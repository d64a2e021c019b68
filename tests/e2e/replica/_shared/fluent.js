// The Fluent UI v8 dialect: React blades in the portal's cross-origin iframes. What makes it
// hard, from shared/portal-facts.md: controlled inputs (a plain `.value =` is ignored);
// drop-downs named by aria-labelledby = label + the span that shows the value, whose options
// are `button role=option` in a layer at the end of <body>, rendered late, with aria-controls
// only while open; a free-text ComboBox that commits on Enter or blur; Save disabled until a
// real edit; read-only values as a label element beside a value and read-only TextFields.
(function () {
  /** The saved configuration, without the click logs: what a pane shows. */
  const saved = (t) => JSON.stringify({ ...t, clicks: undefined, extends: undefined });
  const e = React.createElement;
  /** The list of a drop-down shows this long after the click (the portal's layers are slow);
   *  the tenant's `popupDelay` makes it slower still. */
  const popupDelay = () => replica.load().popupDelay ?? 700;
  let uid = 0;
  const useId = (p) => React.useMemo(() => `${p}-${++uid}`, []);

  function Label({ id, htmlFor, text, required }) {
    return e('label', { id, htmlFor, className: 'ms-Label' }, text, required ? e('span', { className: 'req', 'aria-hidden': 'true' }, ' *') : null);
  }

  function TextField({ w, value, set }) {
    const id = useId('tf');
    return e('div', { className: 'ms-TextField' },
      e(Label, { id: `${id}-label`, htmlFor: id, text: w.label, required: w.required }),
      e(w.multiline ? 'textarea' : 'input', { id, value, placeholder: w.placeholder, 'aria-required': w.required ? 'true' : undefined, onChange: (ev) => set(w.key, ev.target.value) }));
  }

  function Dropdown({ w, value, set }) {
    const id = useId('dd');
    const [open, setOpen] = React.useState(false);
    const [shown, setShown] = React.useState(false);
    React.useEffect(() => {
      if (!open) return setShown(false);
      const t = setTimeout(() => setShown(true), popupDelay());
      return () => clearTimeout(t);
    }, [open]);
    const layer = shown && ReactDOM.createPortal(
      e('div', { className: 'ms-Layer ms-Callout' },
        e('div', { role: 'listbox', id: `${id}-list`, 'aria-labelledby': `${id}-label` },
          w.options.map((o) => e('button', { type: 'button', role: 'option', key: o, 'aria-selected': String(o === value), className: 'ms-Dropdown-item',
            onClick: () => { set(w.key, o); setOpen(false); } }, e('span', null, o))))),
      document.body);
    return e('div', { className: 'ms-Dropdown-container' },
      e(Label, { id: `${id}-label`, text: w.label, required: w.required }),
      e('div', { role: 'combobox', tabIndex: 0, className: 'ms-Dropdown', 'aria-labelledby': `${id}-label ${id}-title`, 'aria-expanded': String(open), 'aria-haspopup': 'listbox', 'aria-controls': shown ? `${id}-list` : undefined,
        onClick: () => setOpen(!open) },
      e('span', { id: `${id}-title`, className: 'ms-Dropdown-title' }, value || tr('Select an option')),
      e('span', { className: 'ms-Dropdown-caretDownWrapper', 'aria-hidden': 'true' }, e('i', { className: 'caret' }))),
      layer);
  }

  /** Fluent ComboBox with allowFreeform: a click only focuses; Enter or blur commits the text. */
  function ComboBox({ w, value, set }) {
    const id = useId('cb');
    const [pending, setPending] = React.useState(value);
    React.useEffect(() => setPending(value), [value]);
    const commit = () => { if (pending !== value) set(w.key, pending); };
    return e('div', { className: 'ms-ComboBox-container' },
      e(Label, { id: `${id}-label`, htmlFor: id, text: w.label, required: w.required }),
      e('div', { className: 'ms-ComboBox' },
        e('input', { id, role: 'combobox', 'aria-labelledby': `${id}-label`, 'aria-autocomplete': 'both', 'aria-expanded': 'false', value: pending,
          onChange: (ev) => setPending(ev.target.value), onKeyDown: (ev) => { if (ev.key === 'Enter') commit(); }, onBlur: commit })));
  }

  function ChoiceGroup({ w, value, set }) {
    const id = useId('cg');
    return e('div', { className: 'ms-ChoiceGroup' },
      e(Label, { id: `${id}-label`, text: w.label }),
      e('div', { role: 'radiogroup', 'aria-labelledby': `${id}-label` },
        w.options.map((o, i) => e('div', { key: o, className: 'ms-ChoiceField' },
          e('input', { type: 'radio', id: `${id}-${i}`, name: id, checked: value === o, onChange: () => set(w.key, o) }),
          e('label', { htmlFor: `${id}-${i}` }, o)))));
  }

  function Checkbox({ w, value, set }) {
    const id = useId('cx');
    return e('div', { className: 'ms-Checkbox' },
      e('input', { type: 'checkbox', id, checked: Boolean(value), onChange: (ev) => set(w.key, ev.target.checked) }),
      e('label', { htmlFor: id }, w.label));
  }

  function Rows({ w, rows, set }) {
    const change = (i, patch) => set(w.key, rows.map((r, j) => (j === i ? { ...r, ...patch } : patch.isDefault ? { ...r, isDefault: false } : r)));
    return e('div', { className: 'card' },
      e('h2', null, w.label),
      e('div', { role: 'grid', 'aria-label': w.label },
        rows.map((r, i) => e('div', { role: 'row', key: i },
          e('div', { role: 'gridcell' }, e('input', { 'aria-label': w.label, value: r.value, onChange: (ev) => change(i, { value: ev.target.value }) })),
          w.index ? e('div', { role: 'gridcell' }, e('input', { 'aria-label': tr('Index'), value: r.index ?? '', style: { width: '40px' }, onChange: (ev) => change(i, { index: ev.target.value }) })) : null,
          e('div', { role: 'gridcell' }, e('label', { className: 'inline' },
            e('input', { type: 'checkbox', 'aria-label': tr('Default'), checked: Boolean(r.isDefault), onChange: (ev) => change(i, { isDefault: ev.target.checked }) }), tr('Default')))))),
      e('button', { type: 'button', onClick: () => { replica.extend(w.add); set(w.key, [...rows, { value: '', isDefault: false }], false); } }, w.add));
  }

  /** A copy button: an icon with only an aria-label. */
  const CopyButton = ({ value }) => e('button', { type: 'button', className: 'ms-Button--icon', 'aria-label': tr('Copy to clipboard'), onClick: () => navigator.clipboard?.writeText(value) },
    e('i', { 'data-icon-name': 'Copy', 'aria-hidden': 'true' }, '⧉'));

  /** Read-only values: a label element beside its value (no `for`: nothing to focus); wrapped,
   *  each value beside a copy button. */
  const Pairs = ({ w }) => e('div', { className: 'pairs' }, w.items.map(([k, v], i) => e('div', { className: 'pair', key: i }, e('label', null, k),
    replica.shape() === 'wrapped' ? e('div', null, e('span', null, v), e(CopyButton, { value: v })) : e('div', null, v))));

  function Copy({ w }) {
    // Wrapped: caption and value in sibling columns, the value as text beside its copy button.
    if (replica.shape() === 'wrapped')
      return e('div', { className: 'ms-Stack columns' }, e('div', { className: 'column' }, e('span', null, w.label)),
        e('div', { className: 'column' }, e('div', null, w.value), e(CopyButton, { value: w.value })));
    const id = useId('cp');
    return e('div', { className: 'ms-TextField' },
      e(Label, { htmlFor: id, text: w.label }),
      e('input', { id, value: w.value, readOnly: true }),
      e('button', { type: 'button', 'aria-label': `${tr('Copy')} ${w.label}`, onClick: () => navigator.clipboard?.writeText(w.value) }, tr('Copy')));
  }

  const Table = ({ w }) => e('div', { role: 'grid', 'aria-label': w.label, className: 'ms-DetailsList', 'aria-rowcount': w.rows.length + 1 },
    e('div', { role: 'row', className: 'head' }, w.headers.map((h) => e('div', { role: 'columnheader', key: h }, h))),
    e('div', { role: 'rowgroup' }, w.rows.map((r, i) => e('div', { role: 'row', key: i }, r.map((c, j) => e('div', { role: 'gridcell', key: j }, c))))));

  function VGrid({ w }) {
    const ref = React.useRef(null);
    React.useEffect(() => { ref.current.replaceChildren(window.makeVGrid(w.label, w.headers, w.rows)); }, []);
    return e('div', { ref });
  }

  function Widget({ w, v, set, act }) {
    switch (w.t) {
      case 'heading': return e(`h${w.level}`, null, w.text);
      case 'para': return e('p', null, w.text);
      case 'status': return e('p', { role: 'status' }, w.text);
      case 'text': return e(TextField, { w, value: v[w.key], set });
      case 'dropdown': return e(Dropdown, { w, value: v[w.key], set });
      case 'combo': return e(ComboBox, { w, value: v[w.key], set });
      case 'radio': return e(ChoiceGroup, { w, value: v[w.key], set });
      case 'checkbox': return e(Checkbox, { w, value: v[w.key], set });
      case 'rows': return e(Rows, { w, rows: v[w.key], set });
      case 'pairs': return e(Pairs, { w });
      case 'copy': return e(Copy, { w });
      case 'table': return e(Table, { w });
      case 'vgrid': return e(VGrid, { w });
      case 'links': return e('p', null, w.items.map((l) => e('a', { href: '#', key: l, style: { marginRight: '8px' } }, l)));
      case 'button': return e('button', { type: 'button', 'aria-label': w.aria, onClick: () => act(w) }, w.label);
      case 'group': return e('div', { className: 'group' }, w.items.map((x, i) => e(Widget, { key: i, w: x, v, set, act })));
      case 'section': {
        const body = w.body.map((x, i) => e(Widget, { key: i, w: x, v, set, act }));
        const edit = w.edit ? e('button', { type: 'button', onClick: () => replica.go(w.edit) }, tr('Edit')) : null;
        // Wrapped: a head (the step's number, the heading, Edit) and a body of values.
        if (replica.shape() === 'wrapped')
          return e('div', { className: 'section' }, e('div', { className: 'section-head' }, w.n ? e('span', { className: 'step' }, String(w.n)) : null, e('h3', null, w.title), edit),
            e('div', { className: 'section-body' }, body));
        return e('div', { className: 'section' }, e('h3', null, w.n ? `${w.n}. ${w.title}` : w.title), body, edit);
      }
      case 'panel': return e('div', { role: 'dialog', 'aria-label': w.title, className: 'ms-Panel' }, e('h2', null, w.title),
        w.body.map((x, i) => e(Widget, { key: i, w: x, v, set, act })));
      default: return null;
    }
  }

  function Blade({ name }) {
    const spec = window.BLADES[name];
    const [s, setS] = React.useState(() => replica.load());
    const [v, setV] = React.useState(() => spec.init(s, 'fluent'));
    const [dirty, setDirty] = React.useState(false);
    React.useEffect(() => {
      if (!spec.live) return;
      let shown = saved(s);
      const t = setInterval(() => { const now = replica.load(); const j = saved(now); if (j !== shown) { shown = j; setS(now); } }, 400);
      return () => clearInterval(t);
    }, []);
    const set = (key, value, edit = true) => { setV((old) => ({ ...old, [key]: value })); if (edit) setDirty(true); };
    const act = (w) => {
      if (w.commit) replica.click(w.name ?? w.label);
      if (w.run) { w.run(); setS(replica.load()); }
      if (w.go) replica.go(w.go);
      if (w.set) { setV((old) => ({ ...old, ...w.set })); setDirty(false); }
    };
    const run = (c) => {
      if (c.commit) replica.click(c.name ?? c.label);
      const m = { ...v };
      const next = c.run(m);
      if (next) replica.go(next === name ? `${name}` : next);
      else { setV(m); setDirty(false); setS(replica.load()); }
    };
    return e('div', { className: 'blade fluent' },
      e('h1', null, spec.title(s, v)),
      e('div', { className: 'ms-CommandBar' }, spec.commands(s, v, dirty).map((c) => e('button', { type: 'button', key: c.label, disabled: !c.enabled, onClick: () => run(c) }, c.label))),
      spec.body(s, v).map((w, i) => e(Widget, { key: `${name}-${v.adding ?? ''}-${v.creating ?? ''}-${i}`, w, v, set, act })));
  }

  window.renderFluent = (name, root) => ReactDOM.createRoot(root).render(e(Blade, { name }));
})();
