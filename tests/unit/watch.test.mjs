// The daily certificate watch: a chrome.alarms alarm that Chrome fires (waking the worker),
// registered once; no timer in the worker keeps it alive.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const WORKER = resolve(import.meta.dirname, '../../extension/worker');

/** A fake chrome.alarms that records what the worker asks for. */
function fakeChrome(existing) {
  const created = [];
  globalThis.chrome = {
    alarms: { get: async () => existing, create: async (name, info) => created.push({ name, ...info }) },
  };
  return created;
}

test('the watch is one daily alarm, created once and kept by Chrome', async () => {
  const { ensureWatch } = await import('../../extension/worker/alarm.js');
  const { CERT_WATCH_ALARM } = await import('../../extension/messages.js');
  const created = fakeChrome(undefined);
  await ensureWatch();
  assert.deepEqual(created, [{ name: CERT_WATCH_ALARM, delayInMinutes: 1, periodInMinutes: 24 * 60 }]);
  const again = fakeChrome({ name: CERT_WATCH_ALARM, periodInMinutes: 24 * 60 });
  await ensureWatch();
  assert.deepEqual(again, [], 'an existing alarm is left as it is');
});

test('no worker file keeps the worker alive with an interval', () => {
  for (const name of readdirSync(WORKER)) {
    const source = readFileSync(join(WORKER, name), 'utf8');
    assert.doesNotMatch(source, /setInterval\s*\(/, `${name} uses setInterval`);
  }
  // The only timers: the metadata fetch's one-shot retry, seconds long; the page report kept
  // after a reply; and the sign-in watch's wait (at most 5 s) for the core to take a request.
  const timers = readdirSync(WORKER).filter((n) => /setTimeout\s*\(/.test(readFileSync(join(WORKER, n), 'utf8')));
  assert.deepEqual(timers.sort(), ['metadata-fetch.js', 'router.js', 'signin-failure.js']);
});

test('the store build has no test clock: an offset in session storage moves nothing', async () => {
  const { CLOCK_OFFSET_KEY } = await import('../../extension/messages.js');
  const tenYears = 10 * 365 * 24 * 3600 * 1000;
  globalThis.chrome = /** @type {any} */ ({
    storage: { session: { get: async () => ({ [CLOCK_OFFSET_KEY]: tenYears }) } },
  });
  const { now } = await import('../../extension/worker/clock.js');
  const { TEST_CLOCK } = await import('../../extension/worker/build-kind.js');
  assert.equal(TEST_CLOCK, false, 'only the test harness copy turns it on');
  assert.ok(Math.abs((await now()) - Date.now()) < 60_000);
});
