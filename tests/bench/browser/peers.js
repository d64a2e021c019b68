// The peers, doing the same work as the core for one certificate: parse the DER, read the
// subject, issuer, serial, validity and key algorithm, compute SHA-1 and SHA-256 of the DER,
// and verify the RSA self-signature. Bundled by esbuild for the bench only; never shipped.
import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it
import * as x509 from '@peculiar/x509';
import forge from 'node-forge';
import * as pkijs from 'pkijs';

/** @param {Uint8Array} der */
async function peculiar(der) {
  const c = new x509.X509Certificate(der);
  const fields = [c.subject, c.issuer, c.serialNumber, c.notBefore, c.notAfter, c.publicKey.algorithm.name];
  const [sha1, sha256] = await Promise.all([c.getThumbprint('SHA-1'), c.getThumbprint('SHA-256')]);
  const valid = await c.verify({ signatureOnly: true });
  return fields.length === 6 && sha1.byteLength === 20 && sha256.byteLength === 32 && valid;
}

/** @param {Uint8Array} der */
async function nodeForge(der) {
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b); // forge takes a binary string
  const c = forge.pki.certificateFromAsn1(forge.asn1.fromDer(bin));
  const name = (n) => n.attributes.map((a) => `${a.shortName ?? a.type}=${a.value}`).join(', ');
  const fields = [name(c.subject), name(c.issuer), c.serialNumber, c.validity.notBefore, c.validity.notAfter];
  const sha1 = forge.md.sha1.create().update(bin).digest().toHex();
  const sha256 = forge.md.sha256.create().update(bin).digest().toHex();
  const valid = c.verify(c);
  return fields.length === 5 && sha1.length === 40 && sha256.length === 64 && valid;
}

/** @param {Uint8Array} der */
async function pkiJs(der) {
  const c = pkijs.Certificate.fromBER(der);
  const name = (n) => n.typesAndValues.map((t) => `${t.type}=${t.value.valueBlock.value}`).join(', ');
  const fields = [name(c.subject), name(c.issuer), c.serialNumber.valueBlock.valueHexView, c.notBefore.value];
  const [sha1, sha256] = await Promise.all([crypto.subtle.digest('SHA-1', der), crypto.subtle.digest('SHA-256', der)]);
  const valid = await c.verify();
  return fields.length === 4 && sha1.byteLength === 20 && sha256.byteLength === 32 && valid;
}

export const peers = { '@peculiar/x509': peculiar, 'node-forge': nodeForge, pkijs: pkiJs };
