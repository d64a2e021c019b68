// The portal's busy top page (issue 26), around the blades: a sidebar of services, a favourites
// bar, a resource grid with a checkbox, an icon, a link and "More actions" on every row, and a
// notifications pane; and its shell's constant mutations, none of them touching a setup form: a
// progress spinner whose aria-valuenow and classes change every 100 ms, a "Last refreshed" time
// and a counter that tick every second, and a tooltip that comes and goes every 3 s.
// `#busy=<rows>` in the portal's address draws it (replica/portal.azure.com/index.html).
(function () {
  const SERVICES = ['Virtual machines', 'Storage accounts', 'App Services', 'SQL databases', 'Key vaults', 'Monitor',
    'Microsoft Entra ID', 'Resource groups', 'Subscriptions', 'Cost Management', 'Function App', 'Kubernetes services'];
  const el = (tag, attrs = {}, ...kids) => {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') n.textContent = v;
      else if (k === 'class') n.className = v;
      else n.setAttribute(k, v);
    }
    n.append(...kids);
    return n;
  };
  const icon = () => {
    const s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    s.setAttribute('width', '16');
    s.setAttribute('height', '16');
    s.setAttribute('aria-hidden', 'true');
    s.append(document.createElementNS('http://www.w3.org/2000/svg', 'path'));
    return s;
  };
  const timers = [];

  /** Draw the busy parts around `journey`; returns how to stop their timers. */
  window.makeBusyShell = function makeBusyShell(journey, rows) {
    const services = el('nav', { 'aria-label': 'Services', class: 'busy-sidebar' },
      el('ul', {}, ...Array.from({ length: 180 }, (_, i) =>
        el('li', {}, el('a', { href: '#' }, icon(), el('span', { text: `${SERVICES[i % SERVICES.length]} ${i + 1}` }))))));
    const favourites = el('nav', { 'aria-label': 'Favorites', class: 'busy-favourites' },
      ...Array.from({ length: 30 }, (_, i) => el('a', { href: '#' }, icon(), el('span', { text: SERVICES[i % SERVICES.length] }))));
    const spinner = el('div', { role: 'progressbar', 'aria-label': 'Loading', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0', class: 'busy-spinner' });
    const refreshed = el('span', { class: 'busy-refreshed', text: 'Last refreshed: 0:00:00' });
    const counter = el('span', { class: 'busy-counter', text: `${rows} resources` });
    const grid = el('div', { role: 'grid', 'aria-label': 'Resources', 'aria-rowcount': String(rows + 1) },
      el('div', { role: 'row' }, ...['', 'Name', 'Type', 'Resource group', 'Location', ''].map((h) => el('div', { role: 'columnheader', text: h }))),
      ...Array.from({ length: rows }, (_, i) => el('div', { role: 'row', 'aria-rowindex': String(i + 2) },
        el('div', { role: 'gridcell' }, el('input', { type: 'checkbox', 'aria-label': `Select resource-${i + 1}` })),
        el('div', { role: 'gridcell' }, icon(), el('a', { href: '#', text: `resource-${i + 1}` })),
        el('div', { role: 'gridcell', text: SERVICES[i % SERVICES.length] }),
        el('div', { role: 'gridcell', text: `rg-${i % 17}` }),
        el('div', { role: 'gridcell', text: i % 2 ? 'West Europe' : 'East US' }),
        el('div', { role: 'gridcell' }, el('button', { type: 'button', 'aria-label': 'More actions', text: '…' })))));
    const resources = el('section', { 'aria-label': 'All resources', class: 'busy-resources' },
      el('h2', { text: 'All resources' }),
      el('div', { role: 'toolbar', 'aria-label': 'Resource commands' }, ...['Create', 'Manage view', 'Refresh', 'Export to CSV'].map((b) => el('button', { type: 'button', text: b }))),
      el('p', {}, spinner, ' ', refreshed, ' ', counter),
      grid);
    const notifications = el('aside', { 'aria-label': 'Notifications', class: 'busy-notifications' },
      el('h2', { text: 'Notifications' }),
      ...Array.from({ length: 20 }, (_, i) => el('div', { class: 'busy-note' }, el('strong', { text: `Deployment ${i + 1} succeeded` }), el('p', { text: `Resource group rg-${i}` }))));
    journey.before(favourites, services);
    journey.after(resources, notifications);
    let tick = 0;
    const started = Date.now();
    timers.push(setInterval(() => {
      tick = (tick + 7) % 100;
      spinner.setAttribute('aria-valuenow', String(tick));
      spinner.className = `busy-spinner frame-${tick % 8}`;
    }, 100));
    timers.push(setInterval(() => {
      const s = Math.floor((Date.now() - started) / 1000);
      refreshed.textContent = `Last refreshed: 0:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      counter.textContent = `${rows} resources (${s} s)`;
    }, 1000));
    timers.push(setInterval(() => {
      const tip = el('div', { role: 'tooltip', class: 'busy-tooltip', text: 'Pin to dashboard' });
      document.body.append(tip);
      setTimeout(() => tip.remove(), 1000);
    }, 3000));
    return () => timers.splice(0).forEach(clearInterval);
  };
})();
