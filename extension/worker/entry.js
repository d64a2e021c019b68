// Service worker entry: wires Chrome events to the router. Holds no state: Chrome stops
// this worker after ~30 s idle, and everything that matters lives in chrome.storage.
import { MSG, STORAGE_KEY } from '../messages.js';
import { refreshBadge } from './badge.js';
import { route } from './router.js';
import { watchSignIns } from './signin.js';
import { watchSignInFailures } from './signin-failure.js';
import { ensureWatch } from './alarm.js';
import { onAlarm } from './watch.js';
import { warmModules } from '../module-cache.js';

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  route(msg, sender).then(sendResponse, (e) =>
    sendResponse({ ok: false, error: { code: 'internal', message: String(e) } }),
  );
  return true; // the reply is async
});

// The stored setups are for the extension's own pages and worker: content scripts never need
// storage, and Chrome then refuses them any access (local storage is open to them by default).
chrome.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});

// The toolbar button opens the side panel. Set on every start: it is cheap and idempotent.
chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

// The keyboard shortcut fills the page in the tab it was pressed in.
chrome.commands?.onCommand.addListener((command, tab) => {
  if (command === 'fill-page' && tab?.id !== undefined)
    chrome.tabs.sendMessage(tab.id, { type: MSG.CONTENT_FILL }).catch(() => {});
});

// Test sign-in capture, when its optional permission is held: now, and as soon as granted.
watchSignIns();
watchSignInFailures();
chrome.permissions.onAdded.addListener(() => {
  watchSignIns();
  watchSignInFailures();
});

// The certificate watch: a daily alarm, and the badge redrawn after every write.
chrome.alarms.onAlarm.addListener((alarm) => onAlarm(alarm).catch(() => {}));
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && STORAGE_KEY in changes) refreshBadge().catch(() => {});
});
// Nothing runs at a plain worker start: the badge and the alarm outlive the worker, and the
// wasm loads on the first message. Both are set again when the browser or extension starts
// (Chrome may clear alarms at a browser restart).
const started = () => {
  ensureWatch().catch(() => {});
  refreshBadge().catch(() => {});
};
chrome.runtime.onStartup.addListener(started);
chrome.runtime.onInstalled.addListener(() => {
  started();
  // A new build's modules go into the module cache now, not on the admin's first message.
  warmModules().catch(() => {});
});
