// Benchmark (not a test): time from a form appearing in the replica portal to its fields
// being filled and verified by the extension (the core's "entered; press Save" evidence
// stored), in each dialect of the replica portal. The blade's own render time is left out:
// the clock starts when the form's title is on the page. Run with `./build.sh bench` after a
// build. Prints figures; nothing passes or fails.
import { launch, openPanel } from '../e2e/harness.mjs';
import { REPLICA_HOSTS, startServer } from '../e2e/server.mjs';
import { AZURE_DIALECTS } from '../e2e/tenant.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const SID = 'JB0123456789abcdef0123456789abcdef';

const server = await startServer();
const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
// In every frame: note when the Basic SAML form's title appears, and when both URLs are in
// (in the Fx dialect a new app has no rows: the extension adds them first).
await ext.context.addInitScript(() => {
  const tick = () => {
    const title = [...document.querySelectorAll('h1, h2')].find((h) => h.textContent === 'Basic SAML Configuration');
    const filled = [...document.querySelectorAll('input')].filter((i) => i.value.startsWith('https://iam.twilio.com/v2/saml2/')).length >= 2;
    if (title && !window.__appeared) window.__appeared = Date.now();
    if (filled && !window.__filled) window.__filled = Date.now();
    if (!window.__filled) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const panel = await openPanel(ext);
const page = await ext.context.newPage();

async function once(dialect) {
  server.seed({ dialect });
  await panel.evaluate(async (sid) => {
    await chrome.runtime.sendMessage({ type: 'setup/reset' });
    await chrome.runtime.sendMessage({ type: 'setup/event', event: { type: 'setRealmSid', value: sid } });
  }, SID);
  await page.goto('about:blank');
  await page.goto('https://portal.azure.com/#blade=basic-edit');
  const frame = await (async () => {
    for (;;) {
      for (const f of page.frames()) if (await f.evaluate(() => Boolean(window.__appeared)).catch(() => false)) return f;
      await page.waitForTimeout(10);
    }
  })();
  await frame.waitForFunction(() => window.__filled, null, { timeout: 10000 });
  const { appeared, filled } = await frame.evaluate(() => ({ appeared: window.__appeared, filled: window.__filled }));
  const verifiedAt = await panel.evaluate(async () => {
    for (;;) {
      const s = (await chrome.storage.local.get('frontlineSso')).frontlineSso;
      const ev = s.setups[s.activeId].checklist.steps.find((x) => x.id === 'basic-saml').evidence.at(-1);
      if (ev?.outcome === 'in-progress') return ev.at;
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  return { fill: filled - appeared, verify: verifiedAt - appeared };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]} ms, p90 ${s[Math.floor(s.length * 0.9)]} ms, min ${s[0]} ms, max ${s.at(-1)} ms`;
};
const results = Object.fromEntries(AZURE_DIALECTS.map((d) => [d, { fill: [], verify: [] }]));
// Interleaved, so that both dialects see the same machine.
for (let i = 0; i < RUNS; i++) {
  for (const dialect of AZURE_DIALECTS) {
    const r = await once(dialect);
    results[dialect].fill.push(r.fill);
    results[dialect].verify.push(r.verify);
  }
}
await ext.close();
await server.close();

console.log(`Basic SAML Configuration blade, ${RUNS} runs per dialect (headless Chromium, replica portal):`);
for (const [dialect, r] of Object.entries(results)) {
  console.log(`  ${dialect.padEnd(6)} form appears → both fields filled:            ${stats(r.fill)}`);
  console.log(`  ${dialect.padEnd(6)} form appears → filled and verified (stored):  ${stats(r.verify)}`);
}
