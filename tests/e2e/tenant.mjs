// The replica tenant: what the replica Azure portal "has saved". The test server keeps it
// (blades read and write it over HTTP, as the portal talks to Graph), and tests seed and
// inspect it directly.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const TENANT = '11111111-2222-4333-8444-555555555555';
/** Twilio's SP metadata, as an Admin Center SSO profile shows it (inferred: see its README). */
export const CONSOLE_METADATA = readFileSync(resolve(import.meta.dirname, '../fixtures/console/twilio-sp-metadata.xml'), 'utf8');

/** The Azure portal's dialects: Knockout blades in the top page, React/Fluent blades in iframes. */
export const AZURE_DIALECTS = ['fx', 'fluent'];
/** The Twilio Console's: the 2022 Paste page, and today's. */
export const TWILIO_DIALECTS = ['paste2022', 'today'];

export function freshTenant() {
  return {
    /** How the replica portal draws its blades: 'fx' or 'fluent'. */
    dialect: 'fluent',
    /** The portal's language: 'en', or one of replica/_shared/i18n.js ('de', 'ja'). */
    lang: 'en',
    /** '' or 'wrapped': sections with a head (number, heading, Edit) and a body, values beside
     *  copy buttons, captions and values in sibling columns, Fx drop-downs marked aria-readonly. */
    shape: '',
    tenant: TENANT,
    app: 'FrontlineSSO Setup',
    /** The enterprise app's ids, as the portal's URLs show them on its blades. */
    objectId: 'c0ffee00-1111-4222-8333-444455556666',
    appId: 'a11ce000-7777-4888-9999-aaaabbbbcccc',
    identifierLabel: 'Microsoft Entra Identifier',
    basic: { identifiers: [], replyUrls: [], signOnUrl: '', relayState: '', logoutUrl: '' },
    /** The required claim, Unique User Identifier (Name ID): Entra's default until changed. */
    nameId: { format: 'Default', attr: 'user.userprincipalname' },
    signing: { option: 'Sign SAML assertion', algorithm: 'SHA-256' },
    certificate: { thumbprint: '', expiration: '', metadataHost: 'login.microsoftonline.com', metadataFile: 'good' },
    claims: [
      { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', type: 'SAML', value: 'user.mail' },
      { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', type: 'SAML', value: 'user.givenname' },
      { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', type: 'SAML', value: 'user.userprincipalname' },
      { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', type: 'SAML', value: 'user.surname' },
    ],
    roles: [],
    assignments: Array.from({ length: 120 }, (_, i) => ({ name: `Frontline User ${String(i + 1).padStart(3, '0')}`, type: 'User', role: 'Default Access' })),
    /** Clicks on controls that commit or discard (Save, Create, …): only the admin's. */
    clicks: [],
    /** Clicks on controls that only extend the unsaved form ("Add identifier"). */
    extends: [],
    twilio: {
      realmSid: 'JB0123456789abcdef0123456789abcdef',
      company: 'owlpress',
      /** 'paste2022' (the 2022 screenshot: labels with "Required: ", captions) or 'today'
       *  ("Single Sign-On URL", "Identity Provider Issuer", a description list). */
      dialect: 'paste2022',
      /** '' or 'card': the Realm SID and company name in a card (rows with a copy button in
       *  paste2022, a flat two-column grid today). */
      shape: '',
      saved: { workspaceId: '', issuer: '', ssoUrl: '', certificate: '' },
      /** Flex's single sign-on pages (issue 15): the connection they show, and the IdP values saved. */
      flex: {
        connectionSid: 'JQ0123456789abcdef0123456789abcdef',
        region: 'us1',
        /** "Set up your identity provider": 'list' (a description list), 'fields' (read-only boxes)
         *  or 'card' (rows of caption, value and an icon copy button). */
        dialect: 'list',
        /** The IdP data page: 'legacy' (the legacy SSO form's names) or 'today' (short names). */
        idpDialect: 'today',
        saved: { issuer: '', ssoUrl: '', certificate: '' },
      },
      /** Admin Center's SSO profile (Console SSO, issue 29): 'cards' or 'wizard' (both inferred),
       *  the SP metadata it shows, and the IdP values saved. */
      console: { dialect: 'cards', metadata: CONSOLE_METADATA, saved: { issuer: '', ssoUrl: '', certificate: '' } },
    },
  };
}
