// A virtualized grid, as the portal's: only the rows in view (plus a few) are in the DOM,
// and aria-rowcount says how many there are. Shared by both dialects.
(function () {
  const ROW = 34;
  const BUFFER = 4;
  window.makeVGrid = function makeVGrid(label, headers, rows) {
    const div = (role, cls, text) => {
      const d = document.createElement('div');
      if (role) d.setAttribute('role', role);
      if (cls) d.className = cls;
      if (text !== undefined) d.textContent = text;
      return d;
    };
    const grid = div('grid');
    grid.setAttribute('aria-label', label);
    grid.setAttribute('aria-rowcount', String(rows.length + 1));
    const head = div('row', 'vhead');
    head.setAttribute('aria-rowindex', '1');
    for (const t of headers) head.append(div('columnheader', '', t));
    const viewport = div('', 'viewport');
    const spacer = div('', 'spacer');
    spacer.style.height = `${rows.length * ROW}px`;
    const body = div('rowgroup');
    spacer.append(body);
    viewport.append(spacer);
    grid.append(head, viewport);
    function paint() {
      const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - BUFFER);
      const last = Math.min(rows.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + BUFFER);
      body.replaceChildren(...rows.slice(first, last).map((r, i) => {
        const row = div('row', 'vrow');
        row.style.top = `${(first + i) * ROW}px`;
        row.setAttribute('aria-rowindex', String(first + i + 2));
        for (const v of r) row.append(div('gridcell', '', v));
        return row;
      }));
    }
    viewport.addEventListener('scroll', paint);
    requestAnimationFrame(paint);
    return grid;
  };
})();
