// Benchmark (not a test): what the extension costs the portal's busy top page (issue 26). The
// replica portal with `#busy=<rows>` (replica/_shared/busy.js: a sidebar, favourites, a resource
// grid of ROWS rows, notifications; a spinner ticking every 100 ms, text ticks every second, a
// tooltip every 3 s), with the Fx Basic SAML blade open and already holding its values, in a
// browser with the extension and one without, in interleaved rounds. From CDP: the page's
// main-thread time (Performance.getMetrics TaskDuration) over IDLE_S seconds of the admin doing
// nothing, and the longest main-thread task (a trace); then one relevant change (the portal
// redrawing the Identifier box) and what it costs; then the blade opened on the busy page and
// the time until it is filled. Run with `./build.sh bench`; nothing passes or fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, launch, openPanel } from '../e2e/harness.mjs';
import { REPLICA_HOSTS, startServer } from '../e2e/server.mjs';
import { freshTenant } from '../e2e/tenant.mjs';

const ROWS = Number(process.env.ROWS ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const IDLE_S = Number(process.env.IDLE_S ?? 8);
const SID = 'JB0123456789abcdef0123456789abcdef';
const ID = `https://iam.twilio.com/v2/saml2/metadata/${SID}`;
const ACS = `https://iam.twilio.com/v2/saml2/authenticate/${SID}`;
const URL_OF = (blade) => `https://portal.azure.com/#blade=${blade}&dialect=fx&busy=${ROWS}`;

const server = await startServer();
const seedSaved = () =>
  server.seed({
    ...freshTenant(),
    dialect: 'fx',
    basic: { ...freshTenant().basic, identifiers: [{ value: ID, isDefault: true }], replyUrls: [{ value: ACS, isDefault: true }] },
  });
seedSaved();

// EXT_DIR=<a built dist/> measures another build of the extension (an earlier one, say).
const withExt = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), extDir: process.env.EXT_DIR });
const panel = await openPanel(withExt);
await panel.evaluate((sid) => chrome.runtime.sendMessage({ type: 'setup/event', event: { type: 'setRealmSid', value: sid } }), SID);
await panel.close();
const bareDir = mkdtempSync(join(tmpdir(), 'fsa-bare-'));
const bare = await chromium.launchPersistentContext(bareDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    `--host-resolver-rules=${server.hostRules(REPLICA_HOSTS).join(', ')}`,
    '--ignore-certificate-errors',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const BROWSERS = [
  ['without the extension', bare],
  ['with the extension', withExt.context],
];

/** A page on the busy portal with the Basic SAML blade drawn, and a CDP session on it. */
async function open(context, blade = 'basic-edit') {
  const page = await context.newPage();
  await page.goto(URL_OF(blade));
  await page.locator('#journey .fxs-blade h2').last().waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

const taskSeconds = async (cdp) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;

/** The longest main-thread task (ms) while `during` runs, from a trace of the page's renderer. */
async function longestTask(cdp, during) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await done;
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && /RunTask/.test(e.name));
  return Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000));
}

const idle = Object.fromEntries(BROWSERS.map(([name]) => [name, { share: [], longest: [] }]));
const change = Object.fromEntries(BROWSERS.map(([name]) => [name, { ms: [], longest: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, context] of BROWSERS) {
    seedSaved();
    const { page, cdp } = await open(context);
    await page.waitForTimeout(3000); // the extension's first look, and the blade's own settling
    // The admin does nothing.
    const before = await taskSeconds(cdp);
    const longest = await longestTask(cdp, () => page.waitForTimeout(IDLE_S * 1000));
    idle[name].share.push(((await taskSeconds(cdp)) - before) / IDLE_S);
    idle[name].longest.push(longest);
    // One relevant change: the portal draws the Identifier box anew (same value, new element).
    const t0 = await taskSeconds(cdp);
    const longestChange = await longestTask(cdp, async () => {
      await page.evaluate(() => {
        const box = document.querySelector('#journey .fxs-blade:last-child input.azc-input');
        const again = box.cloneNode(true);
        again.value = box.value;
        box.replaceWith(again);
      });
      await page.waitForTimeout(1000);
    });
    change[name].ms.push(((await taskSeconds(cdp)) - t0) * 1000);
    change[name].longest.push(longestChange);
    await page.close();
  }
}

/** The Basic SAML blade opened on the busy page: until both URLs are in and verified. */
const fills = [];
for (let round = 0; round < ROUNDS; round++) {
  server.seed({ ...freshTenant(), dialect: 'fx' });
  const page = await withExt.context.newPage();
  await page.goto(URL_OF('saml'));
  await page.locator('#journey .fxs-blade h2').first().waitFor();
  await page.waitForTimeout(1000);
  const start = Date.now();
  await page.evaluate(() => window.fxShell.open('basic-edit'));
  await page.waitForFunction(
    (want) => [...document.querySelectorAll('input')].filter((i) => want.includes(i.value)).length >= 2,
    [ID, ACS],
    { timeout: 20000, polling: 10 },
  );
  fills.push(Date.now() - start);
  await page.close();
}

await withExt.close();
await bare.close();
rmSync(bareDir, { recursive: true, force: true });
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x, d = 1) => x.toFixed(d);
const elements = ROWS * 12 + 1500;
console.log(`Busy portal page (~${elements} elements, ${ROWS} grid rows; spinner 100 ms, ticks 1 s, tooltip 3 s), ` +
  `Fx Basic SAML blade open; ${ROUNDS} interleaved rounds, medians:`);
for (const [name] of BROWSERS) {
  const i = idle[name];
  const c = change[name];
  console.log(`  ${name.padEnd(22)} idle: ${f(median(i.share) * 100)}% of a core, longest task ${f(median(i.longest))} ms; ` +
    `one redrawn field: ${f(median(c.ms))} ms of main thread in 1 s, longest task ${f(median(c.longest))} ms`);
}
const [bareName, extName] = BROWSERS.map(([n]) => n);
const overhead = median(idle[extName].share.map((s, k) => s - idle[bareName].share[k])) * 100;
const changeCost = median(change[extName].ms.map((m, k) => m - change[bareName].ms[k]));
console.log(`  the extension adds: ${f(overhead, 2)}% of a core idle (paired rounds); ${f(changeCost)} ms for one redrawn field`);
console.log(`  Basic SAML blade opened on the busy page → both URLs filled: median ${median(fills)} ms (max ${Math.max(...fills)} ms)`);
