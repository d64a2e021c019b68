// Shared by the replica blades. The tenant's saved configuration lives on the test server
// (/_state), as the portal's lives behind Graph; blades read and write it, tests seed it.
// Replicas of what shared/portal-facts.md says, and no easier.
(function () {
  function request(method, body) {
    const x = new XMLHttpRequest();
    x.open(method, '/_state', false); // synchronous: blades are tiny and this keeps them simple
    x.setRequestHeader('content-type', 'application/json');
    x.send(body === undefined ? null : JSON.stringify(body));
    return JSON.parse(x.responseText);
  }
  window.replica = {
    load: () => request('GET'),
    save: (s) => request('PUT', s),
    update(fn) {
      const s = this.load();
      fn(s);
      this.save(s);
    },
    /** Record a click on a button that commits (Save, Create, Apply, Add…): the extension never does. */
    click(name) {
      this.update((s) => s.clicks.push({ name, blade: location.pathname, at: Date.now() }));
    },
    /** Blades render late, like the portal's: never at DOMContentLoaded. */
    later(fn, ms = 250) {
      setTimeout(fn, ms);
    },
    go(blade) {
      location.href = `${blade}.html`;
    },
  };
})();
