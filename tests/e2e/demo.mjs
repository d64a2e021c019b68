// `./build.sh demo`: the replica pages and Chromium with the extension loaded, so anyone can
// walk the whole setup without a tenant. Headful when a display exists; Ctrl+C ends it.
import { launch, openPanel } from './harness.mjs';
import { REPLICA_HOSTS, startServer } from './server.mjs';

const server = await startServer();
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const ext = await launch({ hostRules: server.hostRules(REPLICA_HOSTS), grantOptional: true, headless });
const panel = await openPanel(ext);
const twilio = await ext.context.newPage();
await twilio.goto('https://console.twilio.com/frontline/sso');
const portal = await ext.context.newPage();
await portal.goto('https://portal.azure.com/#blade=create-app');
console.log(`Frontline SSO Assistant demo (${headless ? 'headless: no display found' : 'headful'}).
  Panel:   ${ext.url('extension/panel/panel.html')}
  Twilio:  https://console.twilio.com/frontline/sso (Frontline), /flex/sso/setup and /flex/sso/idp (Flex),
           /admin/sso (Twilio Console: Admin Center's SSO profile)
  Azure:   https://portal.azure.com/#blade=<create-app|sso-method|saml|basic-edit|signing-edit|claims|name-id|app-roles|users>
           add &dialect=fx (Knockout blades in the page) or &dialect=fluent (React blades in iframes),
           and &search=open&pane=open for the search box's recent searches and a context pane
The replica hosts resolve to this machine only inside this browser. Press Ctrl+C to stop.`);
if (process.env.DEMO_EXIT_AFTER_MS) setTimeout(async () => { await ext.close(); await server.close(); process.exit(0); }, Number(process.env.DEMO_EXIT_AFTER_MS));
process.on('SIGINT', async () => {
  await ext.close();
  await server.close();
  process.exit(0);
});
void panel;
