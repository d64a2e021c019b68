// An HTTPS server on 127.0.0.1 that serves the replica pages under tests/e2e/replica/<host>/,
// chosen by the Host header. Chromium maps the real hostnames here (--host-resolver-rules),
// so the URL bar shows https://portal.azure.com/... and the manifest's real matches apply.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import {
  CONSOLE_ACS,
  CONSOLE_ATTRS,
  CONSOLE_ENTITY,
  FLEX_ATTRS,
  GOOD_ATTRS,
  RENEWED_CERT,
  RENEWED_KEY,
  freshGoodResponse,
} from '../fixtures/saml-responses.mjs';
import { freshTenant } from './tenant.mjs';

const REPLICA = resolve(import.meta.dirname, 'replica');
const MODULES = resolve(import.meta.dirname, '../../node_modules');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
/** Metadata documents the replica tenant serves, by ?appid=. */
const METADATA = {
  good: join(FIXTURES, 'generated/metadata_rollover.xml'),
  ssoready: join(FIXTURES, 'realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml'),
  // The same document, answered after 3 s: long enough to stop the worker mid-fetch.
  slow: join(FIXTURES, 'generated/metadata_rollover.xml'),
};
/** During a renewal the app's metadata lists both certificates, the old and the new. */
const ROLLOVER = {
  renewal: [join(FIXTURES, 'generated/responses/test-signing-cert.pem'), RENEWED_CERT],
  // The app whose responses the replica Entra signs: a journey can end verified.
  signing: [join(FIXTURES, 'generated/responses/test-signing-cert.pem')],
};
/** The rollover metadata's document, with these certificates in its two signing keys. */
function rolloverMetadata(pems) {
  const body = (f) => readFileSync(f, 'utf8').replace(/-----[^-]+-----|\s/g, '');
  let i = 0;
  return readFileSync(METADATA.good, 'utf8').replace(/<X509Certificate>[^<]*<\/X509Certificate>/g, () => `<X509Certificate>${body(pems[i++ % pems.length])}</X509Certificate>`);
}
/** Folders that borrow the files they lack from another. */
const FALLBACK = { 'portal.azure.com.example.test': '_.reactblade.portal.azure.net' };
/** SAML responses the replica sign-in page posts, by ?fixture=: made fresh, valid now. */
const RESPONSES = {
  good: () => freshGoodResponse(),
  missing_roles: () =>
    freshGoodResponse(
      Date.now(),
      GOOD_ATTRS.filter((a) => !a.includes('"roles"')),
    ),
  // After a renewal: signed with the new key, valid at the test's clock (?at=<ms>).
  renewed: (q) => freshGoodResponse(Number(q.get('at')) || Date.now(), GOOD_ATTRS, { key: RENEWED_KEY, cert: RENEWED_CERT }),
};
/** The real frameworks the portal uses, served to the replicas on every host. */
const VENDOR = {
  '/_vendor/react.js': 'react/umd/react.production.min.js',
  '/_vendor/react-dom.js': 'react-dom/umd/react-dom.production.min.js',
  '/_vendor/knockout.js': 'knockout/build/output/knockout-latest.js',
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

/**
 * Microsoft's sign-in error page, as its public descriptions show it: "Sorry, but we're having
 * trouble signing you in.", the AADSTS line, and the troubleshooting details. A text box with a
 * value stands in for the page's own fields, which the extension must never read.
 */
function errorPage(code, message) {
  const esc = (t) => t.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><title>Sign in to your account</title>
<body><h1>Sign in</h1><input type="text" aria-label="Sign-in name" value="FIELD-VALUE-NEVER-READ">
<p>Sorry, but we're having trouble signing you in.</p>
<p>AADSTS${code}: ${esc(message)}</p>
<h2>Troubleshooting details</h2><p>If you contact your administrator, send this info to them.</p>
<div>Request Id: 5a8e0f7c-0000-4000-8000-000000000001</div>
<div>Correlation Id: 7f1e2d3c-0000-4000-8000-000000000002</div>
<div>Timestamp: 2026-11-30T10:00:00Z</div>
<div>Message: AADSTS${code}: ${esc(message)}</div></body></html>`;
}

/** Each code of the diagnosis table, with Microsoft's wording as its docs give it (shortened). */
const AADSTS = {
  50011: "The redirect URI specified in the request does not match the redirect URIs configured for the application.",
  700016: "Application with identifier was not found in the directory.",
  650056: 'Misconfigured application. This could be due to one of the following: the client has not listed any permissions.',
  50105: 'The signed in user is not assigned to a role for the application.',
  75011: 'Authentication method by which the user authenticated with the service doesn\'t match requested authentication method.',
  501241: 'Mandatory Input \'NameID\' missing from transformation.',
  76021: 'The request sent by client is not signed while the application requires signed requests.',
  75016: 'SAML2 Authentication Request has invalid NameIdPolicy.',
  900236: 'The SAML authentication request property is not supported and must not be set.',
  75005: 'Saml message sent to the Identity Provider is not supported.',
  750054: 'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
  90014: 'The required field is missing from the credential.',
};

/** A SAMLRequest's XML: HTTP-POST carries it as it is; HTTP-Redirect deflates it. Null if unreadable. */
function requestXml(samlRequest) {
  try {
    const bytes = Buffer.from(samlRequest ?? '', 'base64');
    return bytes.subarray(0, 1).toString() === '<' ? bytes.toString('utf8') : inflateRawSync(bytes).toString('utf8');
  } catch {
    return null;
  }
}

/** What the replica Entra answers Twilio's request: an error page, or null to sign in. */
function entraAnswer(samlRequest, tenant, forced) {
  // A test may ask for any code of the table (`&aadsts=N`), as the real tenant would give it.
  if (AADSTS[forced]) return errorPage(Number(forced), AADSTS[forced]);
  const xml = requestXml(samlRequest);
  if (xml === null) {
    return errorPage(750054, 'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.');
  }
  const issuer = /<saml:Issuer>([^<]*)<\/saml:Issuer>/.exec(xml)?.[1] ?? '';
  const acs = /AssertionConsumerServiceURL="([^"]*)"/.exec(xml)?.[1] ?? '';
  if (!tenant.basic.identifiers.some((i) => i.value === issuer))
    return errorPage(700016, `Application with identifier '${issuer}' was not found in the directory '${tenant.tenant}'.`);
  if (!tenant.basic.replyUrls.some((r) => r.value === acs))
    return errorPage(50011, `The redirect URI '${acs}' specified in the request does not match the redirect URIs configured for the application.`);
  if (tenant.signInAssigned === false)
    return errorPage(50105, "Your administrator has configured the application to block users unless they are specifically granted access ('AppRoleAssignmentRequired').");
  return null;
}

/** A throwaway self-signed certificate, made with openssl at test time. */
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), 'fsa-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=replica.test',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** The page Entra's sign-in ends with: a form that posts a SAMLResponse to Twilio's ACS. A Flex
 *  SSO connection (`sid=JQ…`, `region=`) gets Flex's ACS, audience and claims. */
function autoPost(q) {
  // Twilio Console's request (its SP metadata's entity ID), or `sid=console`: Console's ACS and
  // audience, NameID = the email address, and the RelayState the request came with.
  const issuer = /<saml:Issuer>([^<]*)<\/saml:Issuer>/.exec(requestXml(q.get('SAMLRequest')) ?? '')?.[1];
  if (q.get('sid') === 'console' || issuer === CONSOLE_ENTITY) {
    const nameId = q.get('fixture') === 'upn' ? 'agent@owlpress.onmicrosoft.com' : undefined;
    const xml = freshGoodResponse(Date.now(), CONSOLE_ATTRS, {}, { acs: CONSOLE_ACS, audience: CONSOLE_ENTITY, nameId });
    const relay = (q.get('RelayState') ?? '').replaceAll('"', '&quot;');
    return `<!doctype html><title>Working...</title>
<form method="POST" action="${CONSOLE_ACS}"><input type="hidden" name="SAMLResponse" value="${Buffer.from(xml).toString('base64')}"><input type="hidden" name="RelayState" value="${relay}"></form>
<script>document.forms[0].submit()</script>`;
  }
  const sid = q.get('sid') || 'JB0123456789abcdef0123456789abcdef';
  if (sid.startsWith('JQ')) {
    const acs = `https://login.flex.${q.get('region') || 'us1'}.twilio.com/login/callback?connection=${sid}`;
    const xml = freshGoodResponse(Date.now(), FLEX_ATTRS, {}, { acs, audience: `urn:flex:${sid}` });
    return `<!doctype html><title>Working...</title>
<form method="POST" action="${acs.replaceAll('&', '&amp;')}"><input type="hidden" name="SAMLResponse" value="${Buffer.from(xml).toString('base64')}"><input type="hidden" name="RelayState" value=""></form>
<script>document.forms[0].submit()</script>`;
  }
  const xml = Buffer.from((RESPONSES[q.get('fixture') ?? 'good'] ?? RESPONSES.good)(q));
  const acs = `https://iam.twilio.com/v2/saml2/authenticate/${sid}`;
  return `<!doctype html><title>Working...</title>
<form method="POST" action="${acs}"><input type="hidden" name="SAMLResponse" value="${xml.toString('base64')}"><input type="hidden" name="RelayState" value=""></form>
<script>document.forms[0].submit()</script>`;
}

/**
 * Start the server on a free port.
 * @returns {Promise<{port: number, seed: (patch?: object) => void, tenant: () => any,
 *   metadataRequests: (appid: string) => number, hostRules: (hosts: string[]) => string[], close: () => Promise<void>}>}
 */
export async function startServer() {
  /** The replica tenant's saved configuration (see tenant.mjs). */
  let tenant = freshTenant();
  /** Every metadata request, by appid, in order. */
  const metadataRequests = [];
  const server = createServer(selfSigned(), async (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].toLowerCase();
    // Hosts in a family (sandbox-1.reactblade…, sandbox-2.reactblade-ms…) share one folder.
    let folder = existsSync(join(REPLICA, host))
      ? host
      : host.replace(/^[^.]+/, '_').replace(/^_\.reactblade-(ms|rc)\./, '_.reactblade.');
    let path = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    // The older Twilio URL serves the same console page.
    if (host === 'www.twilio.com' && path.startsWith('/console/frontline/')) {
      folder = 'console.twilio.com';
      path = path.slice('/console'.length);
    }
    if (path === '/_state') {
      if (req.method === 'PUT') {
        let body = '';
        for await (const chunk of req) body += chunk;
        tenant = JSON.parse(body);
      }
      res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(tenant));
      return;
    }
    // Entra's App Federation Metadata Url: ?appid= picks which metadata the "tenant" serves.
    if (host.startsWith('login.microsoftonline.') && path.toLowerCase().endsWith('/federationmetadata.xml')) {
      const appid = new URL(req.url ?? '/', 'https://x').searchParams.get('appid') ?? '';
      const file = METADATA[appid] ?? (ROLLOVER[appid] && 'rollover');
      if (!file) return void res.writeHead(404).end('no such app');
      metadataRequests.push(appid);
      if (appid === 'slow') await new Promise((r) => setTimeout(r, 3000));
      const xml = ROLLOVER[appid] ? rolloverMetadata(ROLLOVER[appid]) : readFileSync(file);
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(xml);
      return;
    }
    const q = new URL(req.url ?? '/', 'https://x').searchParams;
    // Entra's sign-in endpoint: posts a chosen SAMLResponse to Twilio's ACS, as Entra does.
    if (host.startsWith('login.microsoftonline.') && path.endsWith('/saml2')) {
      // The request and its RelayState, from the URL (HTTP-Redirect) or the posted form (HTTP-POST).
      const params = new URLSearchParams(q);
      if (req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
      }
      const request = params.get('SAMLRequest');
      const refused = request ? entraAnswer(request, tenant, q.get('aadsts')) : null;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(refused ?? autoPost(params));
      return;
    }
    // Any other page of the sign-in host does not exist: a Single Sign-On URL mistyped in Twilio
    // ends here (Twilio's troubleshooting page: "a 404 at the IdP"). IIS-style, as inferred.
    if (host.startsWith('login.microsoftonline.')) {
      req.resume();
      res
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>404 - File or directory not found.</title><h1>Server Error</h1><h2>404 - File or directory not found.</h2><p>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</p>');
      return;
    }
    // Attacks from a look-alike host: the same post, forged (in a hidden iframe with ?hidden=1),
    // and any page framed (/_frame?src=…), to prove neither counts.
    if (host.endsWith('.example.test') && path === '/_forge') {
      const page = q.get('hidden')
        ? `<!doctype html><title>Nothing to see</title><iframe hidden src="/_forge?${new URLSearchParams({ fixture: q.get('fixture') ?? 'good', sid: q.get('sid') ?? '' })}"></iframe>`
        : autoPost(q);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (host.endsWith('.example.test') && path === '/_frame') {
      const src = String(q.get('src') ?? '').replace(/"/g, '');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><title>Framed</title><h1>Look-alike</h1><iframe title="console" src="${src}" width="1100" height="900"></iframe>`,
        );
      return;
    }
    // Twilio starting a sign-in (SP-initiated), as its hosts do: a redirect to Entra with the
    // SAMLRequest in the URL (HTTP-Redirect), or a form that posts it (HTTP-POST). A look-alike
    // host does the same, to prove that only Twilio's own start counts.
    if (path === '/_start' && (isTwilioAcsHost(host) || host.endsWith('.example.test'))) {
      const to = String(q.get('to') ?? '');
      if (!/^https:\/\/login\.microsoftonline\.com\//.test(to)) return void res.writeHead(400).end('bad target');
      if (q.get('post') === null) return void res.writeHead(302, { location: to }).end();
      const target = new URL(to);
      const request = target.searchParams.get('SAMLRequest') ?? '';
      target.searchParams.delete('SAMLRequest');
      const page = `<!doctype html><title>Working...</title><form method="POST" action="${target.href.replaceAll('&', '&amp;')}">
<input type="hidden" name="SAMLRequest" value="${request.replaceAll('"', '&quot;')}"></form><script>document.forms[0].submit()</script>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    // Twilio Console's test (Test SSO Connection): an SP-initiated sign-in, posted (HTTP-POST) to
    // the Single Sign-On URL the SSO profile holds, with a RelayState that must come back.
    if (host === 'login.twilio.com' && path === '/_test-sso') {
      const to = tenant.twilio.console.saved.ssoUrl;
      if (!/^https:\/\//.test(to)) return void res.writeHead(400).end('The SSO profile has no Single Sign-On URL yet.');
      const id = `_t${Date.now()}`;
      const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${to}" AssertionConsumerServiceURL="${CONSOLE_ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${CONSOLE_ENTITY}</saml:Issuer><samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/></samlp:AuthnRequest>`;
      const page = `<!doctype html><title>Working...</title><form method="POST" action="${to.replaceAll('"', '&quot;')}">
<input type="hidden" name="SAMLRequest" value="${Buffer.from(xml).toString('base64')}"><input type="hidden" name="RelayState" value="test-sso-${id}"></form><script>document.forms[0].submit()</script>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    // Twilio Console's ACS: accepts the post, as Twilio's login does.
    if (host === 'login.twilio.com') {
      req.resume();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Twilio</title><h1>Signed in to the Twilio Console (replica)</h1>');
      return;
    }
    // Flex's ACS: accepts the post, as Flex's login does.
    if (/^login\.flex\.[a-z0-9]+\.twilio\.com$/.test(host)) {
      req.resume();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Flex</title><h1>Signed in to Flex (replica)</h1>');
      return;
    }
    // Twilio's ACS: accepts the post, as Frontline does.
    if (host === 'iam.twilio.com') {
      req.resume();
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Frontline</title><h1>Signed in to Frontline (replica)</h1>');
      return;
    }
    // The blades' shared code, on every host; a host with its own copy (the look-alike's
    // in-memory lib.js) keeps it.
    if (path.startsWith('/_shared/')) {
      const own = join(REPLICA, folder, path.slice('/_shared/'.length));
      const file = existsSync(own) ? own : normalize(join(REPLICA, path));
      if (!file.startsWith(REPLICA) || !existsSync(file)) return void res.writeHead(404).end('no such file');
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/plain', 'cache-control': 'no-store' })
        .end(readFileSync(file));
      return;
    }
    if (VENDOR[path]) {
      res
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' })
        .end(readFileSync(join(MODULES, VENDOR[path])));
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    else if (!extname(path) && existsSync(join(REPLICA, folder, path, 'index.html'))) path += '/index.html';
    let file = normalize(join(REPLICA, folder, path));
    // The look-alike host has its own lib.js (nothing shared) and borrows the blades.
    if (!existsSync(file) && FALLBACK[folder]) {
      folder = FALLBACK[folder];
      file = normalize(join(REPLICA, folder, path));
    }
    if (!file.startsWith(join(REPLICA, folder)) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`replica: no ${host}${path}`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port,
    /** Start the replica tenant over, with `patch` merged in. */
    seed(patch = {}) {
      tenant = { ...freshTenant(), ...patch };
    },
    /** What the replica tenant holds now (saved values, clicks on commit buttons). */
    tenant: () => structuredClone(tenant),
    /** How many times the metadata of `appid` was asked for. */
    metadataRequests: (appid) => metadataRequests.filter((a) => a === appid).length,
    hostRules: (hosts) => hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** @param {string} host */
const isTwilioAcsHost = (host) =>
  host === 'iam.twilio.com' || host === 'login.twilio.com' || /^login\.flex\.[a-z0-9]+\.twilio\.com$/.test(host);

/**
 * The URL that has Twilio start a sign-in to `loginUrl` (a sign-in URL with its SAMLRequest):
 * from `host` (Twilio's by default), by redirect or, with `post`, by a posted form.
 * @param {string} loginUrl @param {{ host?: string, post?: boolean }} [how]
 */
export const startedBy = (loginUrl, { host = 'iam.twilio.com', post = false } = {}) =>
  `https://${host}/_start?${new URLSearchParams({ to: loginUrl, ...(post && { post: '1' }) })}`;

/** Every hostname the replicas answer for (look-alikes included, to prove nothing runs there). */
export const REPLICA_HOSTS = [
  'portal.azure.com',
  '*.reactblade.portal.azure.net',
  '*.reactblade-ms.portal.azure.net',
  '*.reactblade-rc.portal.azure.net',
  'entra.microsoft.com',
  'console.twilio.com',
  'www.twilio.com',
  'login.microsoftonline.com',
  'iam.twilio.com',
  'login.twilio.com',
  'login.flex.us1.twilio.com',
  'portal.azure.com.example.test',
  'console.twilio.com.example.test',
];
