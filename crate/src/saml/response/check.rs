//! The checks on a decoded SAML response (see mod.rs for why they are feature-gated).

use roxmltree::{Document, Node, ParsingOptions};

use super::{Attribute, Expectations, ResponseReport, MAX_RESPONSE_BYTES, SKEW_MS};
use crate::cert::certificate::{decode_base64, inspect_der};
use crate::common::codes;
use crate::common::finding::{has_errors, message, CoreError, Finding};
use crate::common::timefmt::parse_rfc3339_ms;
use crate::product::frontline::{LONG_EMAIL_CLAIM, SIGNING_ALGORITHM};
use crate::product::{AppRole, Claim, Facts, SpUrls};
use crate::saml::xml::{child, is, value_text, SAML, SAMLP};

const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
const SUCCESS: &str = "urn:oasis:names:tc:SAML:2.0:status:Success";
const FIX_SIGNING: &str = "In Entra → the app → Single sign-on → [SamlCertificates] → Edit, set [SigningOption] to \
        \"[SignResponseAndAssertion]\".";

/// Base64, a URL-encoded form body (`SAMLResponse=…`), or the XML itself → XML text.
pub fn decode_response(input: &str) -> Result<String, CoreError> {
    let text = input.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(CoreError::new(codes::EMPTY, "Paste the SAMLResponse: base64, the form body, or the XML."));
    }
    if text.len() > MAX_RESPONSE_BYTES * 2 {
        return Err(too_large());
    }
    if text.starts_with('<') {
        return Ok(text.to_string());
    }
    let b64 = if text.contains("SAMLResponse=") {
        form_urlencoded::parse(text.as_bytes())
            .find(|(k, _)| k == "SAMLResponse")
            .map(|(_, v)| v.into_owned())
            .ok_or_else(|| CoreError::new(codes::NOT_BASE64, "The form body has no SAMLResponse value."))?
    } else {
        text.to_string()
    };
    let bytes = decode_base64(&b64).map_err(|_| {
        CoreError::new(
            codes::NOT_BASE64,
            "This is not a base64 SAMLResponse. Paste the value of the SAMLResponse form \
            field, the whole form body, or the XML.",
        )
    })?;
    let xml = String::from_utf8(bytes)
        .map_err(|_| CoreError::new(codes::NOT_XML, "The SAMLResponse decodes to bytes that are not XML text."))?;
    Ok(xml.trim_start_matches('\u{feff}').to_string())
}

/// Decode and check a SAML response at `now_ms`: each concern checks its part and pushes its
/// findings into one list.
pub fn check_response(input: &str, expect: &Expectations, now_ms: i64) -> Result<ResponseReport, CoreError> {
    let xml = decode_response(input)?;
    if xml.len() > MAX_RESPONSE_BYTES {
        return Err(too_large());
    }
    let doc = parse(&xml)?;
    let resp = doc.root_element();
    if !is(&resp, SAMLP, "Response") {
        return Err(CoreError::new(codes::NOT_SAML_RESPONSE, "This XML is not a SAML Response (samlp:Response)."));
    }
    // The product names the URLs, claims and roles to expect.
    let realm = &expect.service_provider;
    let facts = realm.product.facts();
    if child(resp, SAML, "EncryptedAssertion").is_some() {
        return Err(CoreError::new(
            codes::ENCRYPTED_ASSERTION,
            format!(
                "The assertion is encrypted, so it cannot be checked, and {} does not decrypt it. In Entra → the \
                    app → Single sign-on → Token encryption, turn token encryption off for this app.",
                facts.name
            ),
        ));
    }
    let mut f = Vec::new();
    check_markup(resp, &mut f);
    let (status, status_message, success) = check_status(resp, &mut f);
    let destination = check_destination(resp, realm, &mut f);
    let assertion = check_assertions(resp, success, &mut f);
    let issuer = check_issuer(resp, assertion, expect, &mut f);
    let conditions = assertion.and_then(|a| child(a, SAML, "Conditions"));
    let audience = check_audience(assertion, conditions, realm, &mut f);
    let (not_before, not_on_or_after) = check_times(conditions, now_ms, &mut f);
    let signed = Signed::of(resp, assertion);
    let (signature_verified, signature_note, key_info_thumbprint) =
        check_signatures(&xml, &doc, &signed, facts, expect, now_ms, &mut f);
    let attributes = check_attributes(assertion, facts, &mut f);
    let name_id = text_of(assertion.and_then(|a| a.descendants().find(|n| is(n, SAML, "NameID"))));
    let ok = !has_errors(&f);
    Ok(ResponseReport {
        status: if success { "Success".to_string() } else { status.clone() },
        status_message,
        destination,
        issuer,
        audience,
        name_id,
        not_before,
        not_on_or_after,
        attributes,
        response_signed: signed.resp_sig.is_some(),
        assertion_signed: signed.assertion_sig.is_some(),
        signature_verified,
        signature_note,
        key_info_thumbprint,
        findings: f,
        ok,
    })
}

/// A node's value as the signature covers it.
fn text_of(n: Option<Node<'_, '_>>) -> Option<String> {
    n.and_then(value_text)
}

/// The XML, read with no DTD and a node limit.
fn parse(xml: &str) -> Result<Document<'_>, CoreError> {
    Document::parse_with_options(
        xml,
        ParsingOptions { allow_dtd: false, nodes_limit: 100_000, ..ParsingOptions::default() },
    )
    .map_err(|e| match e {
        roxmltree::Error::DtdDetected => CoreError::new(
            codes::DOCTYPE_NOT_ALLOWED,
            "The response has a DOCTYPE, which \
                Entra never sends. It is refused for safety: no entity is ever expanded.",
        ),
        other => CoreError::new(
            codes::NOT_XML,
            format!(
                "The response is not readable XML (it breaks at line {}, \
                column {}).",
                other.pos().row,
                other.pos().col
            ),
        ),
    })
}

/// Comments, processing instructions and markup inside values: what no signature covers.
fn check_markup(resp: Node<'_, '_>, f: &mut Vec<Finding>) {
    // Exclusive C14N drops comments, so a comment inside a signed value changes what a
    // reader sees without breaking the signature. Values below are read as it covers them.
    if resp.descendants().any(|n| n.is_comment() || n.is_pi()) {
        f.push(Finding::error(
            codes::XML_COMMENT,
            "The response holds an XML comment or processing instruction. Entra never sends one, and no signature \
                covers it, so it can hide part of a signed value. Treat this response as altered: sign in again and \
                check the new one.",
        ));
    }

    if resp.descendants().any(|n| VALUES.iter().any(|(ns, name)| is(&n, ns, name)) && value_text(n).is_none()) {
        f.push(Finding::error(
            codes::MARKUP_IN_VALUE,
            "A value in the response (an Issuer, Audience, NameID, attribute value or status message) holds \
            markup, which Entra never sends; it is not shown. Treat this response as altered: sign in again \
            and check the new one.",
        ));
    }
}

/// The status, exactly Success, else Entra's refusal with its AADSTS message.
fn check_status(resp: Node<'_, '_>, f: &mut Vec<Finding>) -> (String, Option<String>, bool) {
    // Status, and the AADSTS error when there is one.
    let status_code = child(resp, SAMLP, "Status").and_then(|s| child(s, SAMLP, "StatusCode"));
    let status = status_code.and_then(|c| c.attribute("Value")).unwrap_or_default().to_string();
    let status_message =
        child(resp, SAMLP, "Status").and_then(|s| child(s, SAMLP, "StatusMessage")).and_then(value_text);
    let success = status == SUCCESS;
    if !success {
        let sub = status_code
            .and_then(|c| child(c, SAMLP, "StatusCode"))
            .and_then(|c| c.attribute("Value"))
            .unwrap_or_default();
        f.push(Finding::error(
            codes::STATUS_NOT_SUCCESS,
            format!(
                "Entra refused the sign-in ({}{}): {}. Fix what the AADSTS message names, often the user's assignment \
                    (Users and groups) or the Identifier.",
                short(&status),
                if sub.is_empty() { String::new() } else { format!(" / {}", short(sub)) },
                status_message.clone().unwrap_or_else(|| "no message".into())
            ),
        ));
    }

    (status, status_message, success)
}

/// The Destination: the product's Reply URL, exactly.
fn check_destination(resp: Node<'_, '_>, realm: &SpUrls, f: &mut Vec<Finding>) -> Option<String> {
    let destination = resp.attribute("Destination").map(str::to_string);
    if destination.as_deref() != Some(realm.reply_url.as_str()) {
        f.push(Finding::error(
            codes::DESTINATION_MISMATCH,
            message(
                "The response was sent to {got} but Twilio's Reply URL is {want}. In Entra → [BasicSaml], set \
                 [ReplyUrl] to exactly that.",
                &[("got", destination.as_deref().unwrap_or("(no Destination)")), ("want", &realm.reply_url)],
            ),
        ));
    }

    destination
}

/// Exactly one Assertion, as a direct child of the Response.
fn check_assertions<'a, 'i>(resp: Node<'a, 'i>, success: bool, f: &mut Vec<Finding>) -> Option<Node<'a, 'i>> {
    // Exactly one Assertion, as a direct child of the Response: anything else is how
    // signature-wrapping attacks hide a second, unsigned one.
    let direct: Vec<Node<'_, '_>> = resp.children().filter(|n| is(n, SAML, "Assertion")).collect();
    let anywhere = resp.descendants().filter(|n| is(n, SAML, "Assertion")).count();
    let assertion = direct.first().copied();
    if direct.len() > 1 {
        f.push(Finding::error(
            codes::MULTIPLE_ASSERTIONS,
            format!(
                "The response holds {} assertions; Entra sends exactly one. Treat this response as altered: \
                sign in again and check the new one.",
                direct.len()
            ),
        ));
    }
    if anywhere > direct.len() {
        f.push(Finding::error(
            codes::ASSERTION_MISPLACED,
            "An Assertion sits somewhere other than directly inside the Response, where Entra never puts one. Treat \
                this response as altered: sign in again and check the new one.",
        ));
    }
    if success && assertion.is_none() {
        f.push(Finding::error(
            codes::NO_ASSERTION,
            "The response says Success but carries no assertion, so nobody is signed in. Sign in again from the \
                app's User access URL and check the new response.",
        ));
    }
    assertion
}

/// The Issuer: there, and the one Twilio expects.
fn check_issuer(
    resp: Node<'_, '_>,
    assertion: Option<Node<'_, '_>>,
    expect: &Expectations,
    f: &mut Vec<Finding>,
) -> Option<String> {
    let issuer = text_of(assertion.and_then(|a| child(a, SAML, "Issuer")).or_else(|| child(resp, SAML, "Issuer")));
    // SAML requires the assertion's Issuer; Twilio finds the identity provider by it.
    let assertion_issuer = assertion.and_then(|a| child(a, SAML, "Issuer")).and_then(value_text);
    if (assertion.is_some() && assertion_issuer.is_none()) || issuer.is_none() {
        let whose = if assertion.is_some() { "assertion" } else { "response" };
        let text = format!(
            "The {whose} names no Issuer, so Twilio cannot tell which identity provider sent it. Entra always names \
            itself: this response was not made by Entra as it is, or was altered on the way."
        );
        // A failed sign-in's response may leave it out; an assertion never may.
        f.push(if assertion.is_some() {
            Finding::error(codes::NO_ISSUER, text)
        } else {
            Finding::warning(codes::NO_ISSUER, text)
        });
    }
    if let (Some(want), Some(got)) = (&expect.entra_identifier, &issuer) {
        if want != got {
            f.push(Finding::error(
                codes::ISSUER_MISMATCH,
                message(
                    "The response's Issuer is {got} but Twilio expects {want} (the Identity Provider Issuer). Copy \
                     \"[EntraIdentifier]\" from Entra's \"Set up\" section into Twilio again.",
                    &[("got", got), ("want", want)],
                ),
            ));
        }
    }

    issuer
}

/// The Audience: the product's Entity ID.
fn check_audience(
    assertion: Option<Node<'_, '_>>,
    conditions: Option<Node<'_, '_>>,
    realm: &SpUrls,
    f: &mut Vec<Finding>,
) -> Option<String> {
    let audience = text_of(conditions.and_then(|c| c.descendants().find(|n| is(n, SAML, "Audience"))));
    // A failed sign-in carries no assertion: its status is the finding that matters.
    let has_assertion = assertion.is_some();
    match &audience {
        _ if !has_assertion => {}
        Some(a) if a == &realm.sp_entity_id => {}
        Some(a) if a.starts_with("spn:") => f.push(Finding::error(
            codes::AUDIENCE_MISMATCH,
            message(
                "The Audience is {got}: Entra used the application ID because the sign-in request's issuer matched \
                 no Identifier. In Entra → [BasicSaml], set [Identifier] to {want}.",
                &[("got", a), ("want", &realm.sp_entity_id)],
            ),
        )),
        other => f.push(Finding::error(
            codes::AUDIENCE_MISMATCH,
            message(
                "The Audience is {got} but Twilio's Entity ID is {want}. In Entra → [BasicSaml], set [Identifier] \
                 to exactly that.",
                &[("got", other.as_deref().unwrap_or("(none)")), ("want", &realm.sp_entity_id)],
            ),
        )),
    }

    audience
}

/// NotBefore and NotOnOrAfter: readable, and now within them (with the clock skew allowed).
fn check_times(
    conditions: Option<Node<'_, '_>>,
    now_ms: i64,
    f: &mut Vec<Finding>,
) -> (Option<String>, Option<String>) {
    let not_before = conditions.and_then(|c| c.attribute("NotBefore")).map(str::to_string);
    let not_on_or_after = conditions.and_then(|c| c.attribute("NotOnOrAfter")).map(str::to_string);
    let mut time = |name: &str, value: Option<&str>| match value.map(parse_rfc3339_ms) {
        Some(Err(_)) => {
            f.push(Finding::error(
                codes::UNREADABLE_TIME,
                format!(
                    "The assertion's {name} is not a readable time, so its validity cannot be judged. Entra \
                    never sends such a value: sign in again and check the new response."
                ),
            ));
            None
        }
        Some(Ok(ms)) => Some(ms),
        None => None,
    };
    let (nb, na) = (time("NotBefore", not_before.as_deref()), time("NotOnOrAfter", not_on_or_after.as_deref()));
    if nb.is_some_and(|nb| now_ms + SKEW_MS < nb) {
        f.push(Finding::error(
            codes::ASSERTION_NOT_YET_VALID,
            "The assertion is not valid yet (more than 5 minutes ahead \
            of this computer's clock). Check the clocks, then sign in again.",
        ));
    }
    if na.is_some_and(|na| now_ms - SKEW_MS >= na) {
        f.push(Finding::error(
            codes::ASSERTION_EXPIRED,
            "The assertion has expired (its NotOnOrAfter has passed). Sign in again to get a fresh response.",
        ));
    }

    (not_before, not_on_or_after)
}

/// The response, its assertion, and the signature of each.
struct Signed<'a, 'i> {
    resp: Node<'a, 'i>,
    assertion: Option<Node<'a, 'i>>,
    resp_sig: Option<Node<'a, 'i>>,
    assertion_sig: Option<Node<'a, 'i>>,
}

impl<'a, 'i> Signed<'a, 'i> {
    fn of(resp: Node<'a, 'i>, assertion: Option<Node<'a, 'i>>) -> Self {
        let resp_sig = child(resp, DS, "Signature");
        let assertion_sig = assertion.and_then(|a| child(a, DS, "Signature"));
        Signed { resp, assertion, resp_sig, assertion_sig }
    }
}

/// Both signatures there, with strong algorithms; true when one is weak (it is then not verified).
fn check_signing(signed: &Signed<'_, '_>, facts: &Facts, f: &mut Vec<Finding>) -> bool {
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
fn check_signatures(
    xml: &str,
    doc: &Document<'_>,
    signed: &Signed<'_, '_>,
    facts: &Facts,
    expect: &Expectations,
    now_ms: i64,
    f: &mut Vec<Finding>,
) -> (Option<bool>, String, Option<String>) {
    let Signed { resp, assertion, resp_sig, assertion_sig } = *signed;
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
        verify_signatures(xml, doc, resp, assertion, resp_sig, assertion_sig, expect)
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

/// The attributes: the exact short names the product reads, and a role it knows.
fn check_attributes(assertion: Option<Node<'_, '_>>, facts: &Facts, f: &mut Vec<Finding>) -> Vec<Attribute> {
    let has_assertion = assertion.is_some();
    // Attributes: the exact short names the product reads.
    let attributes: Vec<Attribute> = assertion
        .into_iter()
        .flat_map(|a| a.descendants().filter(|n| is(n, SAML, "Attribute")).collect::<Vec<_>>())
        .map(|n| Attribute {
            name: n.attribute("Name").unwrap_or_default().to_string(),
            values: n.children().filter(|v| is(v, SAML, "AttributeValue")).filter_map(value_text).collect(),
        })
        .collect();
    let get = |name: &str| attributes.iter().find(|a| a.name == name);
    for claim in facts.claims.iter().filter(|c| has_assertion && get(c.name).is_none()) {
        f.push(missing_claim(facts, claim, get(LONG_EMAIL_CLAIM).is_some()));
    }
    if let Some(r) = facts.claims.iter().find(|c| c.name == ROLES).and_then(|c| get(c.name)) {
        if !r.values.iter().any(|v| facts.roles.iter().any(|role| role.value == v)) {
            f.push(no_role(facts, &r.values));
        }
    }

    attributes
}

/// Verify every signature in the document with the pinned certificate's key, and check
/// that the response's and the assertion's signatures cover them. A failure names the
/// signature that failed.
fn verify_signatures(
    xml: &str,
    doc: &Document<'_>,
    resp: Node<'_, '_>,
    assertion: Option<Node<'_, '_>>,
    resp_sig: Option<Node<'_, '_>>,
    assertion_sig: Option<Node<'_, '_>>,
    expect: &Expectations,
) -> (Option<bool>, String) {
    let Some(spki) = expect.certificate_der.as_deref().and_then(spki_of) else {
        return (None, "Not verified: the pinned certificate's public key could not be read".into());
    };
    let mut ids = Vec::new();
    let mut signed = Vec::new();
    for (sig, el, what) in [(resp_sig, Some(resp), "response"), (assertion_sig, assertion, "assertion")] {
        let (Some(_), Some(el)) = (sig, el) else { continue };
        let Some(id) = el.attribute("ID") else {
            return (Some(false), format!("the signed {what} has no ID"));
        };
        ids.push(id);
        signed.push(what);
    }
    if signed.is_empty() {
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
    let failed: Vec<String> = found
        .iter()
        .zip(&outcome.signatures)
        .filter(|(_, r)| r.is_err())
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
    if let Some((what, _)) = signed.iter().zip(&outcome.covered).find(|(_, c)| !**c) {
        return (Some(false), format!("the {what} signature does not cover the {what}"));
    }
    (Some(true), format!("Verified ({}) with the pinned certificate: exclusive C14N, RSA-SHA256", signed.join(" and ")))
}

fn spki_of(der: &[u8]) -> Option<Vec<u8>> {
    use x509_parser::prelude::FromDer;
    x509_parser::certificate::X509Certificate::from_der(der).ok().map(|(_, c)| c.public_key().raw.to_vec())
}

/// The value elements the report shows.
const VALUES: [(&str, &str); 5] =
    [(SAML, "Issuer"), (SAML, "Audience"), (SAML, "NameID"), (SAML, "AttributeValue"), (SAMLP, "StatusMessage")];

/// The last part of a URI: "urn:…:status:Success" → "Success", "…#rsa-sha256" → "rsa-sha256".
fn short(uri: &str) -> &str {
    uri.rsplit([':', '#', '/']).next().unwrap_or(uri)
}

fn too_large() -> CoreError {
    CoreError::new(
        codes::TOO_LARGE,
        format!("This is larger than {} KB, far larger than a SAML response.", MAX_RESPONSE_BYTES / 1024),
    )
}

/// The claim that carries the app roles, in every product.
const ROLES: &str = "roles";
const EMAIL: &str = "email";

/// A product's claim missing from the assertion, with how to add it.
fn missing_claim(facts: &Facts, claim: &Claim, has_long_email: bool) -> Finding {
    let long = if claim.name == EMAIL && has_long_email { LONG_NOTE } else { "" };
    let role = facts.roles.first().map(|r| r.display_name).unwrap_or_default();
    let values = [("name", claim.name), ("long", long), ("source", claim.source_attribute), ("role", role)];
    match claim.name {
        EMAIL => Finding::error(codes::MISSING_EMAIL, message(ADD_CLAIM, &values)),
        ROLES => Finding::error(codes::MISSING_ROLES, message(ADD_ROLES_CLAIM, &values)),
        _ => Finding::error(codes::MISSING_CLAIM, message(ADD_CLAIM, &values)),
    }
}

const LONG_NOTE: &str = " (the long …/claims/emailaddress one does not count)";
const ADD_CLAIM: &str = "No attribute is named exactly \"{name}\"{long}. In Entra → [ClaimsSection], add a claim \
    named {name} (namespace empty) with source attribute {source}.";
const ADD_ROLES_CLAIM: &str = "No attribute is named exactly \"{name}\". In Entra → [ClaimsSection], add a claim \
    named {name} (namespace empty) with source attribute {source}, and assign the user the {role} role.";

/// The roles claim holds none of the product's roles.
fn no_role(facts: &Facts, got: &[String]) -> Finding {
    match facts.roles {
        [only] => Finding::error(
            codes::ROLE_NOT_AGENT,
            format!(
                "The roles attribute holds {got:?}, not {value}. In Entra → Users and groups, assign this user the \
                {name} role (app role value {value}).",
                value = only.value,
                name = only.display_name
            ),
        ),
        roles => Finding::error(
            codes::ROLE_NOT_PRODUCT,
            format!(
                "The roles attribute holds {got:?}, none of {values}. In Entra → Users and groups, assign this user \
                one of {product}'s roles: {names}.",
                values = roles.iter().map(|r| r.value).collect::<Vec<_>>().join(", "),
                product = facts.name,
                names = roles.iter().map(role_name).collect::<Vec<_>>().join(", "),
            ),
        ),
    }
}

fn role_name(r: &AppRole) -> String {
    format!("{} ({})", r.display_name, r.value)
}
