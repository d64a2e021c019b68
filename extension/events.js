// The core's setup events, one constructor each: the panel, the router and the sign-in code
// build events only here, so a name is typed once on this side. The core reads them
// (crate/src/js_read/inputs.rs, `event`); a test feeds each constructor's output to applySetupEvent.

/** @typedef {'todo' | 'in-progress' | 'done' | 'attention'} StepStatus */

/** The Twilio product the setup is for. @param {'frontline' | 'flex'} product */
export const setProduct = (product) => ({ type: 'setProduct', product });

/** @param {string} value */
export const setRealmSid = (value) => ({ type: 'setRealmSid', value });

/** Flex's region (empty: us1, or the pasted ACS URL's). @param {string} value */
export const setRegion = (value) => ({ type: 'setRegion', value });

/** @param {string} value */
export const setWorkspaceId = (value) => ({ type: 'setWorkspaceId', value });

/** @param {string} value */
export const setAppName = (value) => ({ type: 'setAppName', value });

/**
 * The Login URL and the Microsoft Entra Identifier, either or both, and where they were typed.
 * @param {{ loginUrl?: string, entraIdentifier?: string }} values
 * @param {string} where
 */
export const setIdpValues = ({ loginUrl, entraIdentifier }, where) => ({
  type: 'setIdpValues',
  loginUrl,
  entraIdentifier,
  where,
});

/**
 * A certificate as pasted text or as a file's bytes.
 * @param {{ text?: string, bytes?: number[] }} input
 * @param {string} source
 */
export const setCertificate = ({ text, bytes }, source) => ({ type: 'setCertificate', text, bytes, source });

export const clearCertificate = () => ({ type: 'clearCertificate' });

/**
 * @param {string} xml the federation metadata
 * @param {string} source
 */
export const certificateFromMetadata = (xml, source) => ({ type: 'certificateFromMetadata', xml, source });

/** @param {string} id a conflict's id, such as "basic-saml/reply-url" */
export const approveReplace = (id) => ({ type: 'approveReplace', id });

/**
 * @param {string} text a base64 SAMLResponse
 * @param {string} source
 */
export const signInResponse = (text, source) => ({ type: 'signInResponse', text, source });

/**
 * Twilio's SAMLRequest on its way to Entra (a sign-in URL, or a posted value), during a test sign-in.
 * @param {string} text @param {string} source
 */
export const signInRequest = (text, source) => ({ type: 'signInRequest', text, source });

/**
 * A sign-in Entra refused: its error page's text, a copied error, or a sign-in URL.
 * @param {string} text @param {string} source
 */
export const signInFailure = (text, source) => ({ type: 'signInFailure', text, source });

/** A recorded sign-in (SAML-tracer export, HAR): the core keeps only its verdict.
 *  @param {string} text @param {string} source */
export const signInTrace = (text, source) => ({ type: 'signInTrace', text, source });

/** "Mark as fixed, try again": the diagnosis is set aside. */
export const clearSignInFailure = () => ({ type: 'clearSignInFailure' });

/**
 * @param {string} step
 * @param {StepStatus} outcome
 * @param {string} what
 * @param {string} where
 */
export const observed = (step, outcome, what, where) => ({ type: 'observed', step, outcome, what, where });

/** @param {string} step */
export const markDone = (step) => ({ type: 'markDone', step });

/** @param {string} step */
export const undo = (step) => ({ type: 'undo', step });

/**
 * @typedef {ReturnType<typeof setProduct | typeof setRealmSid | typeof setRegion | typeof setWorkspaceId
 *   | typeof setAppName | typeof setIdpValues | typeof setCertificate | typeof clearCertificate
 *   | typeof certificateFromMetadata | typeof approveReplace
 *   | typeof signInResponse | typeof signInRequest | typeof signInFailure | typeof signInTrace
 *   | typeof clearSignInFailure
 *   | typeof observed | typeof markDone | typeof undo>} SetupEvent
 */

/** The daily look at the certificate (worker/watch.js): the core starts a renewal when it is due. */
export const checkCertificate = () => ({ type: 'checkCertificate' });
