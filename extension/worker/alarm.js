// The certificate watch's alarm (its work is in watch.js): registered once, kept by Chrome
// across worker stops and browser restarts, and fired once a day. Chrome wakes the worker
// for it: no timer keeps the worker alive.
import { CERT_WATCH_ALARM, CERT_WATCH_PERIOD_MIN } from '../messages.js';

export async function ensureWatch() {
  const existing = await chrome.alarms.get(CERT_WATCH_ALARM);
  if (!existing)
    await chrome.alarms.create(CERT_WATCH_ALARM, { delayInMinutes: 1, periodInMinutes: CERT_WATCH_PERIOD_MIN });
}
