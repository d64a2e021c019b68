// Shared by the replica blades in both dialects. The tenant's saved configuration lives on
// the test server (/_state), as the portal's lives behind Graph; blades read and write it,
// tests seed it. Replicas of what shared/portal-facts.md says, and no easier.
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
    /** Record a click on a button that commits or discards: the extension never does. */
    click(name) {
      this.update((s) => s.clicks.push({ name, blade: location.pathname + location.search + location.hash, at: Date.now() }));
    },
    /** Record a click on a control that only extends the form ("Add identifier"). */
    extend(name) {
      this.update((s) => s.extends.push({ name, at: Date.now() }));
    },
    /** Blades render late, like the portal's: never at DOMContentLoaded. */
    later(fn, ms = 250) {
      setTimeout(fn, ms);
    },
    /** The tenant's portal language ('en', 'de', 'ja'), read once per page. */
    lang() {
      if (!this.langCache) this.langCache = this.load().lang ?? 'en';
      return this.langCache;
    },
    /** How the tenant's blades wrap their values: 'wrapped' (sections with a head and a body,
     *  values beside copy buttons, captions and values in sibling columns, select-only
     *  drop-downs marked aria-readonly in Fx), else as they always were. Read once per page. */
    shape() {
      if (this.shapeCache === undefined) this.shapeCache = this.load().shape ?? '';
      return this.shapeCache;
    },
    /** Open another blade: in the portal's top page (Fx) or in this blade's frame (Fluent). */
    go(blade) {
      if (window.fxShell) window.fxShell.open(blade);
      else location.href = `blade.html?blade=${blade}`;
    },
  };
  /** A string the portal shows, in the tenant's language (see i18n.js). */
  window.tr = (text) => (window.replicaTranslate ? window.replicaTranslate(window.replica.lang(), text) : text);
})();
