//! XML signature verification, delegated to the `xml-sec` crate (pure Rust, exclusive C14N,
//! RSA-SHA256 with an explicitly pinned key). Nothing here canonicalizes or hashes XML itself.

use xml_sec::api::Operation;
use xml_sec::policy::{PolicyCompileContext, PolicyCompiler, PolicyProfile};
use xml_sec::provider::RustCryptoProvider;
use xml_sec::xmldsig::{SignatureAlgorithm, VerificationKey, VerificationRequest};
use xml_sec::XmlSecurity;

/// Verify that the element with `id` is covered by a valid signature made with the key in
/// `spki_der` (a DER SubjectPublicKeyInfo). `Err` carries the library's reason.
pub fn verify_element(xml: &str, id: &str, spki_der: &[u8]) -> Result<bool, String> {
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
    let Some(target) = document.with_view(|view| view.node_for_id(id, &[])) else {
        return Err(format!("no single element has the ID {id}"));
    };
    let verifier = security.verifier().map_err(|e| e.to_string())?;
    let evidence = verifier
        .key(&key)
        .verify(&document, &VerificationRequest { expected_targets: &[target], ..Default::default() })
        .map_err(|e| e.to_string())?;
    evidence.accepted(&document).map_err(|e| e.to_string())
}
