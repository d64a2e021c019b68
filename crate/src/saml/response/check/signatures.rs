//! The signatures: both there, strong algorithms, the pinned certificate, and verified with it.

use super::*;

/// The response, its assertion, and the signature of each; and whether its values were redacted
/// (then a signed element's digest cannot match, and only the key that signed is judged).
pub(super) struct Signed<'a, 'i> {
    pub(super) resp: Node<'a, 'i>,
    pub(super) assertion: Option<Node<'a, 'i>>,
    pub(super) resp_sig: Option<Node<'a, 'i>>,
    pub(super) assertion_sig: Option<Node<'a, 'i>>,
    pub(super) redacted: bool,
}

impl<'a, 'i> Signed<'a, 'i> {
    pub(super) fn of(resp: Node<'a, 'i>, assertion: Option<Node<'a, 'i>>, redacted: bool) -> Self {
        let resp_sig = child(resp, DS, "Signature");
        let assertion_sig = assertion.and_then(|a| child(a, DS, "Signature"));
        Signed { resp, assertion, resp_sig, assertion_sig, redacted }
    }
}

/// Both signatures there, with strong algorithms; true when one is weak (it is then not verified).
pub(super) fn check_signing(signed: &Signed<'_, '_>, facts: &Facts, f: &mut Vec<Finding>) -> bool {
    let Signed { assertion, resp_sig, assertion_sig, .. } = *signed;
    if resp_sig.is_none() {
        f.push(Finding::error(
            codes::RESPONSE_NOT_SIGNED,
            message(
                &format!(
                    "The response itself is not signed; {} \
            requires both the response and the assertion to be signed. {FIX_SIGNING}",
                    facts.name
                ),
                &[],
            ),
        ));
    }
    if assertion.is_some() && assertion_sig.is_none() {
        f.push(Finding::error(
            codes::ASSERTION_NOT_SIGNED,
            message(
                &format!(
                    "The assertion is not signed; {} \
            requires both the response and the assertion to be signed. {FIX_SIGNING}",
                    facts.name
                ),
                &[],
            ),
        ));
    }
    let mut weak_alg = false;
    for sig in [resp_sig, assertion_sig].into_iter().flatten() {
        let alg = |name: &str| {
            sig.descendants()
                .find(|n| is(n, DS, name))
                .and_then(|n| n.attribute("Algorithm"))
                .unwrap_or_default()
                .to_string()
        };
        let (method, digest) = (alg("SignatureMethod"), alg("DigestMethod"));
        let weak = |a: &str| a.contains("sha1") || a.contains("md5");
        if weak(&method) || weak(&digest) {
            weak_alg = true;
            f.push(Finding::error(
                codes::WEAK_SIGNATURE_ALGORITHM,
                message(
                    "The response is signed with {method} / {digest}. In Entra → [SamlCertificates] → Edit, set \
                     [SigningAlgorithm] to {want}.",
                    &[("method", short(&method)), ("digest", short(&digest)), ("want", SIGNING_ALGORITHM)],
                ),
            ));
            break;
        }
    }
    weak_alg
}

/// The signatures: both there, strong algorithms, the pinned certificate, and verified with it.
/// Returns the verdict, its note and the thumbprint of the certificate the response names.
pub(super) fn check_signatures(
    xml: &str,
    doc: &Document<'_>,
    signed: &Signed<'_, '_>,
    facts: &Facts,
    expect: &Expectations,
    now_ms: i64,
    f: &mut Vec<Finding>,
) -> (Option<bool>, String, Option<String>) {
    let Signed { resp_sig, assertion_sig, .. } = *signed;
    let weak_alg = check_signing(signed, facts, f);
    let key_info_der = [assertion_sig, resp_sig]
        .into_iter()
        .flatten()
        .find_map(|s| s.descendants().find(|n| is(n, DS, "X509Certificate")).and_then(|n| n.text()))
        .and_then(|t| decode_base64(t).ok());
    let key_info_thumbprint =
        key_info_der.as_deref().and_then(|d| inspect_der(d, now_ms).ok()).map(|c| c.thumbprint_sha1);
    let configured = expect.certificate_der.as_deref().and_then(|d| inspect_der(d, now_ms).ok());
    if let (Some(k), Some(c)) = (&key_info_thumbprint, &configured) {
        if k != &c.thumbprint_sha1 {
            f.push(Finding::error(
                codes::CERTIFICATE_MISMATCH,
                format!(
                    "The response was signed with certificate {k}, but Twilio has {}. Make the certificate Twilio \
                    has the Active one in Entra, or give Twilio the active one.",
                    c.thumbprint_sha1
                ),
            ));
        }
    }
    let (signature_verified, signature_note) = if weak_alg {
        (None, "Not verified: SHA-1 and MD5 signatures are refused as weak".to_string())
    } else if expect.certificate_der.is_none() {
        (None, "Not verified: no certificate is pinned to check it with".to_string())
    } else {
        verify_signatures(xml, doc, signed, expect)
    };
    if expect.certificate_der.is_none() && (resp_sig.is_some() || assertion_sig.is_some()) {
        // Anyone can sign with a certificate of their own and put it in KeyInfo.
        f.push(Finding::error(
            codes::NO_PINNED_CERTIFICATE,
            format!(
                "The signature was not checked: no certificate is pinned yet, and the one inside a response proves \
                    nothing. Give the assistant Entra's \"Certificate (Base64)\" or the App Federation Metadata \
                    Url, then sign in again.{}",
                key_info_thumbprint
                    .as_deref()
                    .map(|t| format!(
                        " This response names certificate \
                    {t}."
                    ))
                    .unwrap_or_default()
            ),
        ));
    }
    if signature_verified == Some(false) {
        f.push(Finding::error(
            codes::SIGNATURE_INVALID,
            format!(
                "A signature in the response does not verify: \
            {signature_note}. The response was altered, or signed with another key."
            ),
        ));
    }

    (signature_verified, signature_note, key_info_thumbprint)
}

/// Verify every signature in the document with the pinned certificate's key, and check
/// that the response's and the assertion's signatures cover them. A failure names the
/// signature that failed.
pub(super) fn verify_signatures(
    xml: &str,
    doc: &Document<'_>,
    signed: &Signed<'_, '_>,
    expect: &Expectations,
) -> (Option<bool>, String) {
    use crate::saml::dsig::Checked;
    let Signed { resp, assertion, resp_sig, assertion_sig, redacted } = *signed;
    let Some(spki) = expect.certificate_der.as_deref().and_then(spki_of) else {
        return (None, "Not verified: the pinned certificate's public key could not be read".into());
    };
    let mut ids = Vec::new();
    let mut parts = Vec::new();
    for (sig, el, what) in [(resp_sig, Some(resp), "response"), (assertion_sig, assertion, "assertion")] {
        let (Some(_), Some(el)) = (sig, el) else { continue };
        let Some(id) = el.attribute("ID") else {
            return (Some(false), format!("the signed {what} has no ID"));
        };
        ids.push(id);
        parts.push(what);
    }
    if parts.is_empty() {
        return (None, "Not verified: nothing in the response is signed".into());
    }
    let outcome = match crate::saml::dsig::verify_document(xml, &ids, &spki) {
        Ok(o) => o,
        Err(e) => return (Some(false), format!("the signatures could not be checked ({e})")),
    };
    let found: Vec<Node<'_, '_>> = doc.descendants().filter(|n| is(n, DS, "Signature")).collect();
    if found.len() != outcome.signatures.len() {
        return (Some(false), "the signatures could not be matched to their elements".into());
    }
    // Redacted values change the digests, and only them: the key that signed is still judged.
    let failing = |c: &Checked| *c != Checked::Valid && !(redacted && *c == Checked::ContentChanged);
    let failed: Vec<String> = found
        .iter()
        .zip(&outcome.signatures)
        .filter(|(_, r)| failing(r))
        .map(|(n, _)| match n.parent_element() {
            Some(p) if p == resp => "the response signature".to_string(),
            Some(p) if Some(p) == assertion => "the assertion signature".to_string(),
            Some(p) => format!("a signature inside <{}>", p.tag_name().name()),
            None => "a signature".to_string(),
        })
        .collect();
    if !failed.is_empty() {
        let verb = if failed.len() == 1 { "does" } else { "do" };
        return (Some(false), format!("{} {verb} not verify with the pinned certificate", failed.join(" and ")));
    }
    if redacted && outcome.signatures.contains(&Checked::ContentChanged) {
        return (
            None,
            "Not verified: its values were redacted for sharing, so what was signed cannot be compared; the \
                signatures themselves were made with the pinned certificate's key"
                .into(),
        );
    }
    if let Some((what, _)) = parts.iter().zip(&outcome.covered).find(|(_, c)| !**c) {
        return (Some(false), format!("the {what} signature does not cover the {what}"));
    }
    (Some(true), format!("Verified ({}) with the pinned certificate: exclusive C14N, RSA-SHA256", parts.join(" and ")))
}

pub(super) fn spki_of(der: &[u8]) -> Option<Vec<u8>> {
    use x509_parser::prelude::FromDer;
    x509_parser::certificate::X509Certificate::from_der(der).ok().map(|(_, c)| c.public_key().raw.to_vec())
}
