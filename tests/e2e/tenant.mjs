// The replica tenant: what the replica Azure portal "has saved". The test server keeps it
// (blades read and write it over HTTP, as the portal talks to Graph), and tests seed and
// inspect it directly.

export const TENANT = '11111111-2222-4333-8444-555555555555';

export function freshTenant() {
  return {
    tenant: TENANT,
    app: 'FrontlineSSO Setup',
    identifierLabel: 'Microsoft Entra Identifier',
    basic: { identifiers: [], replyUrls: [], signOnUrl: '', relayState: '', logoutUrl: '' },
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
    clicks: [],
    twilio: {
      realmSid: 'JB0123456789abcdef0123456789abcdef',
      company: 'owlpress',
      /** 'console' (the 2022 screenshot's labels) or 'guide' (the Twilio guide's). */
      labels: 'console',
      saved: { workspaceId: '', issuer: '', ssoUrl: '', certificate: '' },
    },
  };
}
