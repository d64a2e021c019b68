// The hosts the extension works on, in one place. build.sh writes the manifest's host lists
// from these (scripts/manifest.mjs), and the worker trusts content scripts only from them.
// Exact host names or "*." suffixes; never a look-alike such as portal.azure.com.example.test.

/** Azure portal, Entra admin center, and the cross-origin iframes their blades render in. */
export const AZURE_HOSTS = Object.freeze([
  'portal.azure.com',
  'entra.microsoft.com',
  '*.reactblade.portal.azure.net',
  '*.reactblade-ms.portal.azure.net',
  '*.reactblade-rc.portal.azure.net',
  '*.hosting.portal.azure.net',
  '*.ext.azure.com',
]);

/** Twilio Console (Frontline SSO page), and the older www.twilio.com/console URL. */
export const TWILIO_HOSTS = Object.freeze(['console.twilio.com', 'www.twilio.com']);

/** On www.twilio.com, only the older Frontline console pages are the console. */
export const TWILIO_OLD_CONSOLE_PATH = '/console/frontline/';

/** Microsoft's sign-in hosts (global and its older name, US Government, China and its older
 *  name): metadata and test sign-ins. The same as the core's (crate/src/entra/mod.rs); a test checks. */
export const SIGN_IN_HOSTS = Object.freeze([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
]);

/** Twilio's SAML service provider: Frontline's test sign-ins (and legacy Flex's) are posted to it. */
export const TWILIO_IAM_HOST = 'iam.twilio.com';

/** Flex's ACS hosts, one per region Twilio runs Flex in: Flex's test sign-ins are posted to them.
 *  A region not listed here is checked by pasting the response. */
export const FLEX_LOGIN_HOSTS = Object.freeze([
  'login.flex.us1.twilio.com',
  'login.flex.ie1.twilio.com',
  'login.flex.au1.twilio.com',
]);

/** Twilio's own login host: where Twilio Console SSO's test sign-ins are posted (the ACS its SP
 *  metadata names; inferred from Flex's Auth0-style ACS, since no public page prints Console's).
 *  A profile whose metadata names another ACS host is checked by pasting the response. */
export const CONSOLE_LOGIN_HOST = 'login.twilio.com';

/** Every host a test sign-in is posted to: the ACS hosts of all three products. */
export const TWILIO_ACS_HOSTS = Object.freeze([TWILIO_IAM_HOST, CONSOLE_LOGIN_HOST, ...FLEX_LOGIN_HOSTS]);

/**
 * @param {string} hostname
 * @param {readonly string[]} patterns
 */
export function hostMatches(hostname, patterns) {
  const h = hostname.toLowerCase();
  return patterns.some((p) => (p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p));
}

/**
 * Which console a page URL belongs to, or null. Only https pages count.
 * @param {string | undefined} url
 * @returns {import('./messages.js').Console | null}
 */
export function consoleOf(url) {
  const byHost = consoleOfOrigin(url);
  if (byHost !== 'twilio') return byHost;
  // On www.twilio.com, only the older Frontline console pages.
  const u = new URL(/** @type {string} */ (url));
  return u.hostname !== 'www.twilio.com' || u.pathname.startsWith(TWILIO_OLD_CONSOLE_PATH) ? byHost : null;
}

/**
 * The console an origin (or a URL, whose path is then ignored) belongs to, by host only.
 * Frames' ancestors are known to a page only as origins (location.ancestorOrigins).
 * @param {string | undefined} origin
 * @returns {import('./messages.js').Console | null}
 */
export function consoleOfOrigin(origin) {
  let u;
  try {
    u = new URL(origin ?? '');
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if (hostMatches(u.hostname, AZURE_HOSTS)) return 'azure';
  if (hostMatches(u.hostname, TWILIO_HOSTS)) return 'twilio';
  return null;
}

/**
 * The console a frame may work for: its own URL's, and only when every ancestor is on that
 * same console's hosts. A console framed by any other site gets nothing.
 * @param {string | undefined} url the frame's URL
 * @param {readonly string[]} ancestors its ancestors' origins, nearest first
 * @returns {import('./messages.js').Console | null}
 */
export function frameConsole(url, ancestors) {
  const own = consoleOf(url);
  return own && ancestors.every((o) => consoleOfOrigin(o) === own) ? own : null;
}

/**
 * True for an https origin on one of Microsoft's sign-in hosts.
 * @param {string | undefined} origin
 */
export function isSignInOrigin(origin) {
  try {
    const u = new URL(origin ?? '');
    return u.protocol === 'https:' && SIGN_IN_HOSTS.includes(u.hostname) && u.port === '';
  } catch {
    return false;
  }
}

/** The hosts a link in the panel may open: the portals, Microsoft's sign-in hosts (its error
 *  lookup) and the Twilio Console. Exact names only. */
export const LINK_HOSTS = Object.freeze([
  ...AZURE_HOSTS.filter((h) => !h.startsWith('*.')),
  ...SIGN_IN_HOSTS,
  ...TWILIO_HOSTS,
]);

/**
 * Whether the panel may show a link to `url`: https, no port, on LINK_HOSTS.
 * @param {string | undefined} url
 */
export function isLinkUrl(url) {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'https:' && u.port === '' && LINK_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/** The manifest's content-script matches: every console host, the older console by its path. */
export function contentScriptMatches() {
  const pattern = (h) => (h === 'www.twilio.com' ? `https://${h}${TWILIO_OLD_CONSOLE_PATH}*` : `https://${h}/*`);
  return [...AZURE_HOSTS, ...TWILIO_HOSTS].map(pattern);
}

/** The manifest's optional host permissions: asked for on use (metadata, test sign-in). */
export function optionalHostPermissions() {
  return [...SIGN_IN_HOSTS, ...TWILIO_ACS_HOSTS].map((h) => `https://${h}/*`);
}

/**
 * The origins a test sign-in needs: Microsoft's sign-in hosts, and the host the response is posted
 * to (the setup's Reply URL), if it is one of Twilio's; only those are asked for.
 * @param {string | undefined} replyUrl
 */
export function signInOrigins(replyUrl) {
  let host = TWILIO_IAM_HOST;
  try {
    const h = new URL(replyUrl ?? '').hostname;
    if (TWILIO_ACS_HOSTS.includes(h)) host = h;
  } catch {
    // no Reply URL yet: the start will say why
  }
  return [...SIGN_IN_HOSTS, host].map((h) => `https://${h}/*`);
}

/** Whether a URL is on a host test sign-ins are posted to. @param {string | undefined} url */
export function isAcsHost(url) {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'https:' && u.port === '' && TWILIO_ACS_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}
