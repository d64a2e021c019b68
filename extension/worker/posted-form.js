// What a test sign-in's posted form hands the core: the SAMLResponse, and the RelayState it
// came back with. Kept apart from the listener so that it is tested without Chrome.

/**
 * The posted form as the core reads it: the SAMLResponse, and the RelayState when the form had one
 * (an SP-initiated test must bring back Twilio's; the core judges it), as a form body.
 * @param {Record<string, unknown[]> | undefined} form
 * @returns {string | undefined}
 */
export function postedForm(form) {
  const response = form?.SAMLResponse?.[0];
  if (typeof response !== 'string' || response.length > 1024 * 1024) return undefined;
  const relay = form?.RelayState?.[0];
  const body = new URLSearchParams({ SAMLResponse: response });
  if (typeof relay === 'string') body.set('RelayState', relay.slice(0, 4096));
  return body.toString();
}
