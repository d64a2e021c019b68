//! XML signature verification, delegated to the `xml-sec` crate (pure Rust, exclusive C14N,
//! RSA-SHA256 with an explicitly pinned key). Nothing here canonicalizes or hashes XML itself.

use xml_sec::api::Operation;
use xml_sec::policy::{PolicyCompileContext, PolicyCompiler, PolicyProfile};
use xml_sec::provider::RustCryptoProvider;
use xml_sec::xmldsig::{DsigStatus, FailureReason, SignatureAlgorithm, VerificationKey, VerificationRequest};
use xml_sec::XmlSecurity;

/// What one pass over a document found: each signature's own outcome, in document order,
/// and for each requested element whether a valid signature made with the key covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Each signature's outcome.
    pub signatures: Vec<Checked>,
    /// One per requested ID, in the order asked.
    pub covered: Vec<bool>,
}

/// One signature's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    Valid,
    /// The key signed the SignedInfo, but a signed element's digest differs: its content changed.
    ContentChanged,
    /// The library's reason.
    Invalid(String),
}

/// Verify every signature in `xml` with the key in `spki_der` (a DER SubjectPublicKeyInfo),
/// and say which of the elements with `ids` a valid signature covers. `Err` is a document
/// the library refuses as a whole (or an ID that is missing or not unique).
pub fn verify_document(xml: &str, ids: &[&str], spki_der: &[u8]) -> Result<Outcome, String> {
    let provider = RustCryptoProvider;
    let ctx = PolicyCompileContext { external_resources: false, target_evidence: true };
    let policies = PolicyCompiler::new(PolicyProfile::Modern, &provider, None)
        .and_then(|c| c.compile(&ctx))
        .map_err(|e| e.to_string())?;
    let security = XmlSecurity::new(&policies, &provider).map_err(|e| e.to_string())?;
    let key = VerificationKey {
        algorithm: SignatureAlgorithm::RsaSha256,
        public_key_bytes: spki_der.to_vec(),
        certificate_der: None,
        name: None,
    };
    let document = security.parse_document(xml.to_string(), Operation::Verify).map_err(|e| e.to_string())?;
    let mut targets = Vec::with_capacity(ids.len());
    for id in ids {
        match document.with_view(|view| view.node_for_id(id, &[])) {
            Some(t) => targets.push(t),
            None => return Err(format!("no single element has the ID {id}")),
        }
    }
    let verifier = security.verifier().map_err(|e| e.to_string())?;
    let evidence = verifier
        .key(&key)
        .verify(&document, &VerificationRequest { expected_targets: &targets, ..Default::default() })
        .map_err(|e| e.to_string())?;
    let signatures = evidence
        .signatures()
        .iter()
        .map(|s| match s.result() {
            Ok(r) if r.status == DsigStatus::Valid => Checked::Valid,
            Ok(r) if matches!(r.status, DsigStatus::Invalid(FailureReason::ReferenceDigestMismatch { .. })) => {
                Checked::ContentChanged
            }
            Ok(r) => Checked::Invalid(format!("{:?}", r.status)),
            Err(e) => Checked::Invalid(e.to_string()),
        })
        .collect();
    let mut covered = Vec::with_capacity(targets.len());
    for t in targets {
        covered.push(evidence.covers_element(&document, t).map_err(|e| e.to_string())?);
    }
    Ok(Outcome { signatures, covered })
}
