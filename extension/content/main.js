// Content script (a classic script, all frames on the supported hosts). It loads the
// shared message definitions as a module, so message names are defined once.
// For now it only tells the worker a supported page is open.
(async () => {
  if (window.__frontlineSsoContent) return; // injected once per frame
  window.__frontlineSsoContent = true;
  const { MSG, send } = await import(chrome.runtime.getURL('extension/messages.js'));
  send(MSG.PAGE_HELLO, { title: document.title }).catch(() => {});
})();
