// React pieces shared by the React blades: the portal's custom dropdown (not a <select>:
// its options exist only while it is open).
(function () {
  const e = React.createElement;
  function Dropdown({ id, label, value, options, onChange }) {
    const [open, setOpen] = React.useState(false);
    return e('div', { className: 'dd' },
      e('label', { id: `${id}-label` }, label),
      e('div', { role: 'combobox', tabIndex: 0, 'aria-labelledby': `${id}-label`, 'aria-expanded': String(open), 'aria-haspopup': 'listbox', 'aria-controls': `${id}-list`, onClick: () => setOpen(!open) }, value || 'Select an option'),
      open && e('ul', { role: 'listbox', id: `${id}-list` },
        options.map((o) => e('li', { role: 'option', key: o, 'aria-selected': String(o === value), onClick: () => { onChange(o); setOpen(false); } }, o))));
  }
  window.parts = { e, Dropdown };
})();
