// Content script entry (a classic script, all frames on the supported hosts). The real
// code is ES modules, loaded from the extension so message names are defined once.
(async () => {
  if (window.__frontlineSsoContent) return; // injected once per frame
  window.__frontlineSsoContent = true;
  const { start } = await import(chrome.runtime.getURL('extension/content/pipeline.js'));
  start();
})();
