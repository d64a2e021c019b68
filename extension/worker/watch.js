// The certificate watch: once a day, through chrome.alarms (Chrome wakes the worker for it;
// no timer keeps the worker alive), the active setup's certificate is looked at. The core
// starts the renewal when it is due; the badge shows it; a notification only when the admin
// turned on "Remind me" and granted the optional permission.
import { checkCertificate } from '../events.js';
import { CERT_WATCH_ALARM } from '../messages.js';
import { refreshBadge } from './badge.js';
import { now } from './clock.js';
import { loadCore } from './core.js';
import { applyToActive } from './setup-events.js';
import { read, update } from './store.js';

/** @param {chrome.alarms.Alarm} alarm */
export async function onAlarm(alarm) {
  if (alarm.name !== CERT_WATCH_ALARM) return;
  await applyToActive(checkCertificate());
  await refreshBadge();
  await remind();
}

/** At most one notification a day, and only when asked for. */
async function remind() {
  const [core, state, at] = await Promise.all([loadCore(), read(), now()]);
  if (!state.prefs?.remind || !(await chrome.permissions.contains({ permissions: ['notifications'] }))) return;
  const watch = (await core.setupView(state.setups[state.activeId], at)).certificateWatch;
  const today = new Date(at).toISOString().slice(0, 10);
  if (!watch || watch.level === 'ok' || state.remindedOn === today) return;
  await update((s) => ({ ...s, remindedOn: today }));
  const when = watch.level === 'expired' ? `expired on ${watch.notAfter}` : `expires in ${watch.daysLeft} days`;
  chrome.notifications.create(CERT_WATCH_ALARM, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('extension/icons/icon-128.png'),
    title: 'Frontline SSO: renew the signing certificate',
    message: `The certificate Entra signs Frontline sign-ins with ${when}. Open the side panel to renew it.`,
  });
}
