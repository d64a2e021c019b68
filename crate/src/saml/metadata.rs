//! Entra federation metadata (the app's "Federation Metadata XML", or the tenant document):
//! entity, endpoints and signing certificates, read without ever expanding entities.

use roxmltree::{Document, Node};
use serde::Serialize;

use crate::cert::certificate::{decode_base64, inspect_der, CertificateReport};
use crate::common::codes;
use crate::common::finding::{message, CoreError, Finding};
use crate::common::xml::{self, children, is, Endpoint, XmlError, MD};
use crate::entra::{classify, is_guid};

const DS_NS: &str = "http://www.w3.org/2000/09/xmldsig#";
/// Entra's documents are 15–25 KB; anything past this is not metadata.
pub const MAX_METADATA_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataReport {
    pub entity_id: String,
    pub tenant_id: Option<String>,
    pub single_sign_on_services: Vec<Endpoint>,
    pub single_logout_services: Vec<Endpoint>,
    /// The HTTP-Redirect SSO location (the portal's Login URL), else the first one.
    pub sso_url: Option<String>,
    /// Distinct signing certificates, in document order.
    pub certificates: Vec<CertificateReport>,
    /// Index into `certificates` of the one to use: valid now, latest notAfter.
    pub chosen_certificate: Option<usize>,
    /// The metadata's own findings, then the chosen certificate's.
    pub findings: Vec<Finding>,
}

impl MetadataReport {
    pub fn chosen(&self) -> Option<&CertificateReport> {
        self.chosen_certificate.and_then(|i| self.certificates.get(i))
    }
}

/// Parse federation metadata and judge it, and its certificates, at `now_ms`.
pub fn parse_metadata(xml: &str, now_ms: i64) -> Result<MetadataReport, CoreError> {
    if xml.len() > MAX_METADATA_BYTES {
        return Err(CoreError::new(
            codes::TOO_LARGE,
            message(
                "This file is over {kb} KB; Entra federation metadata is about 20 KB. \
                 Download \"Federation Metadata XML\" from the [SamlCertificates] section.",
                &[("kb", &(MAX_METADATA_BYTES / 1024).to_string())],
            ),
        ));
    }
    let text = xml.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(CoreError::new(
            codes::EMPTY,
            message(
                "The metadata is empty. Download \"Federation Metadata XML\" from Entra's [SamlCertificates] section.",
                &[],
            ),
        ));
    }
    let doc = parse_xml(text)?;
    let entity = find_entity(&doc).ok_or_else(|| {
        CoreError::new(
            codes::NOT_METADATA,
            message(
                "This XML is not SAML federation metadata (no EntityDescriptor with an IDPSSODescriptor). \
                 Download \"Federation Metadata XML\" from Entra's [SamlCertificates] section.",
                &[],
            ),
        )
    })?;
    let entity_id = entity.attribute("entityID").unwrap_or_default().trim().to_string();
    let idp = children(entity, MD, "IDPSSODescriptor").next();
    let endpoints = |name: &'static str| -> Vec<Endpoint> {
        idp.into_iter().flat_map(|d| children(d, MD, name)).map(Endpoint::of).collect()
    };
    let single_sign_on_services = endpoints("SingleSignOnService");
    let single_logout_services = endpoints("SingleLogoutService");
    let sso_url = single_sign_on_services
        .iter()
        .find(|e| e.binding.ends_with("HTTP-Redirect"))
        .or_else(|| single_sign_on_services.first())
        .map(|e| e.location.clone());

    let mut findings = Vec::new();
    let certificates = read_certificates(idp, now_ms, &mut findings);
    let tenant_id = whose_metadata(&entity_id, sso_url.as_deref(), &mut findings);
    if single_sign_on_services.is_empty() {
        findings.push(Finding::error(
            codes::NO_SSO_URL,
            "The metadata lists no SingleSignOnService, so there is no Login \
            URL to give Twilio. Download the app's \"Federation Metadata XML\" again.",
        ));
    }

    let chosen_certificate = choose(&certificates, now_ms);
    judge_chosen(&certificates, chosen_certificate, &mut findings);

    Ok(MetadataReport {
        entity_id,
        tenant_id,
        single_sign_on_services,
        single_logout_services,
        sso_url,
        certificates,
        chosen_certificate,
        findings,
    })
}

/// The IDP descriptor's signing certificates, each once; one that cannot be read is a warning.
fn read_certificates(idp: Option<Node<'_, '_>>, now_ms: i64, findings: &mut Vec<Finding>) -> Vec<CertificateReport> {
    let mut certificates: Vec<CertificateReport> = Vec::new();
    for text in idp.into_iter().flat_map(signing_certificates) {
        match decode_base64(&text).and_then(|der| inspect_der(&der, now_ms)) {
            Ok(c) if certificates.iter().any(|k| k.thumbprint_sha1 == c.thumbprint_sha1) => {}
            Ok(c) => certificates.push(c),
            Err(e) => findings.push(Finding::warning(
                codes::UNREADABLE_CERTIFICATE,
                format!("One signing certificate in the metadata could not be read: {}", e.message),
            )),
        }
    }

    certificates
}

/// Whose metadata it is: the tenant's own (its GUID), or the tenant-independent one, or another
/// identity provider's.
fn whose_metadata(entity_id: &str, sso_url: Option<&str>, findings: &mut Vec<Finding>) -> Option<String> {
    let id = classify(entity_id);
    let tenant_id = id.tenant_id.clone().filter(|t| is_guid(t)).map(|t| t.to_ascii_lowercase());
    let sso_common = sso_url.is_some_and(|u| {
        let l = u.to_ascii_lowercase();
        ["/common/", "/organizations/", "/consumers/"].iter().any(|s| l.contains(s))
    });
    if entity_id.contains("{tenantid}") || sso_common {
        findings.push(Finding::error(
            codes::TENANT_INDEPENDENT,
            message(
                "This is Entra's tenant-independent metadata (its entityID holds {tenantid}, or its sign-in URL says \
                 common), not your app's. In the app's [SamlCertificates] section, use \"[MetadataUrl]\" or download \
                 \"Federation Metadata XML\".",
                &[],
            ),
        ));
    } else if id.kind != "entraIdentifier" || tenant_id.is_none() {
        findings.push(Finding::error(
            codes::NOT_ENTRA,
            message(
                "This metadata is from another identity provider (entityID \"{entity_id}\"), not Microsoft Entra ID. \
                 Download \"Federation Metadata XML\" from the Entra app's [SamlCertificates] section.",
                &[("entity_id", entity_id)],
            ),
        ));
    }
    tenant_id
}

/// The certificate chosen, or none: its findings, and a note when several are listed.
fn judge_chosen(certificates: &[CertificateReport], chosen: Option<usize>, findings: &mut Vec<Finding>) {
    match chosen.and_then(|i| certificates.get(i)) {
        None => findings.push(Finding::error(
            codes::NO_SIGNING_CERTIFICATE,
            message(
                "The metadata holds no signing certificate. In Entra → [SamlCertificates], make sure a certificate \
                 is Active, then download the metadata again.",
                &[],
            ),
        )),
        Some(c) => {
            if certificates.len() > 1 {
                findings.push(Finding::info(
                    codes::ROLLOVER,
                    message(
                        "The metadata lists {n} signing certificates, as during a certificate rollover. The one \
                         valid now with the latest expiry is chosen (thumbprint {thumbprint}, expires {expires}). \
                         Make sure it is the Active one in Entra's [SamlCertificates] section.",
                        &[
                            ("n", &certificates.len().to_string()),
                            ("thumbprint", &c.thumbprint_sha1),
                            ("expires", &c.not_after),
                        ],
                    ),
                ));
            }
            findings.extend(c.findings.iter().cloned());
        }
    }
}

/// Refuses DTDs outright, so no entity is ever declared or expanded.
fn parse_xml(text: &str) -> Result<Document<'_>, CoreError> {
    xml::parse(text, 200_000).map_err(|e| match e {
        XmlError::Dtd => CoreError::new(
            codes::DOCTYPE_NOT_ALLOWED,
            "This XML has a DOCTYPE, which Entra's metadata never has. It is refused for safety; download \
                \"Federation Metadata XML\" from Entra again.",
        ),
        XmlError::At { row, col } => CoreError::new(
            codes::NOT_XML,
            message(
                "This is not readable XML (it breaks at line {row}, column {col}). Download \"Federation Metadata \
                 XML\" from Entra's [SamlCertificates] section, or copy the [MetadataUrl].",
                &[("row", &row.to_string()), ("col", &col.to_string())],
            ),
        ),
    })
}

/// The EntityDescriptor that describes an IdP: the root, or one inside EntitiesDescriptor.
fn find_entity<'a>(doc: &'a Document<'a>) -> Option<Node<'a, 'a>> {
    doc.root_element()
        .descendants()
        .filter(|n| is(n, MD, "EntityDescriptor"))
        .find(|n| children(*n, MD, "IDPSSODescriptor").next().is_some())
}

/// X509Certificate texts of the KeyDescriptors used for signing (or with no `use`).
fn signing_certificates(idp: Node<'_, '_>) -> Vec<String> {
    children(idp, MD, "KeyDescriptor")
        .filter(|k| k.attribute("use").is_none_or(|u| u == "signing"))
        .flat_map(|k| k.descendants().filter(|n| is(n, DS_NS, "X509Certificate")).collect::<Vec<_>>())
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

/// The certificate valid at `now_ms` with the latest notAfter; if none is valid, the latest.
fn choose(certs: &[CertificateReport], now_ms: i64) -> Option<usize> {
    let latest = |valid_only: bool| {
        certs
            .iter()
            .enumerate()
            .filter(|(_, c)| !valid_only || c.valid_at(now_ms))
            .max_by_key(|(i, c)| (c.not_after_secs, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    };
    latest(true).or_else(|| latest(false))
}
