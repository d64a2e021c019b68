// Benchmark (not a test): time from a form appearing in the replica portal to its fields
// being filled and verified by the extension (the core's "entered; press Save" evidence
// stored). Run with `./build.sh bench` after a build. Prints figures; nothing passes or fails.
import { launch, openPanel } from '../e2e/harness.mjs';
import { REPLICA_HOSTS, startServer } from '../e2e/server.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const SID = 'JB0123456789abcdef0123456789abcdef';

const server = await startServer();
const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS) });
// In every blade: note when the form's first field appears and when both URLs are in.
await ext.context.addInitScript(() => {
  if (!location.hostname.endsWith('.reactblade.portal.azure.net')) return;
  const tick = () => {
    const id = document.querySelector('input[aria-label="Identifier (Entity ID)"]');
    const acs = document.querySelector('input[aria-label="Reply URL (Assertion Consumer Service URL)"]');
    if (id && !window.__appeared) window.__appeared = Date.now();
    if (id?.value && acs?.value && !window.__filled) window.__filled = Date.now();
    if (!window.__filled) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const panel = await openPanel(ext);
const page = await ext.context.newPage();
const fill = [];
const verify = [];
for (let i = 0; i < RUNS; i++) {
  server.seed();
  await panel.evaluate(async (sid) => {
    await chrome.runtime.sendMessage({ type: 'setup/reset' });
    await chrome.runtime.sendMessage({ type: 'setup/event', event: { type: 'setRealmSid', value: sid } });
  }, SID);
  await page.goto('about:blank');
  await page.goto('https://portal.azure.com/#blade=basic-edit');
  const frame = await (async () => {
    for (;;) {
      const f = page.frames().find((x) => x.url().includes('reactblade.portal.azure.net/basic-edit'));
      if (f) return f;
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
  fill.push(filled - appeared);
  verify.push(verifiedAt - appeared);
}
await ext.close();
await server.close();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]} ms, p90 ${s[Math.floor(s.length * 0.9)]} ms, min ${s[0]} ms, max ${s.at(-1)} ms`;
};
console.log(`Basic SAML Configuration blade, ${RUNS} runs (headless Chromium, replica portal):`);
console.log(`  form appears → both fields filled:            ${stats(fill)}`);
console.log(`  form appears → filled and verified (stored):  ${stats(verify)}`);
