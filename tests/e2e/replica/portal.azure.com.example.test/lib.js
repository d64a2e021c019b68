// The look-alike host's copy of the blade helpers: an in-memory store, nothing shared.
(function () {
  let state = { dialect: 'fluent', basic: { identifiers: [], replyUrls: [], signOnUrl: '' }, clicks: [], extends: [] };
  window.replica = {
    load: () => structuredClone(state),
    save: (s) => { state = s; },
    update(fn) { const s = this.load(); fn(s); this.save(s); },
    click(name) { this.update((s) => s.clicks.push({ name })); },
    extend(name) { this.update((s) => s.extends.push({ name })); },
    later(fn, ms = 250) { setTimeout(fn, ms); },
    go() {},
    lang: () => 'en',
  };
  window.tr = (text) => text;
})();
