// The hosts the extension works on, in one place. manifest.json's content_scripts
// matches must list exactly these (a unit test checks), and the worker trusts content
// scripts only from them. Exact host names or "*." suffixes; never a look-alike such as
// portal.azure.com.example.test.

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
 * @returns {'azure' | 'twilio' | null}
 */
export function consoleOf(url) {
  let u;
  try {
    u = new URL(url ?? '');
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if (hostMatches(u.hostname, AZURE_HOSTS)) return 'azure';
  if (u.hostname === 'console.twilio.com') return 'twilio';
  if (u.hostname === 'www.twilio.com' && u.pathname.startsWith('/console/frontline/')) return 'twilio';
  return null;
}
