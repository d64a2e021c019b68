//! A service provider's SAML metadata (Twilio's, as the Console SSO profile shows it and offers
//! to download): its entity ID, the HTTP-POST AssertionConsumerService Entra posts to, whether it
//! wants assertions signed, and the NameID formats it names. Read with the same XML safety as
//! Entra's metadata (no DTD, a node limit, a size cap), and judged with named findings.

use roxmltree::Node;
use serde::Serialize;

use crate::common::codes;
use crate::common::finding::{CoreError, Finding};
use crate::common::xml::{self, children, is, Endpoint, XmlError, MD};

/// Twilio's SP metadata is a few KB; anything past this is not it.
pub const MAX_SP_METADATA_BYTES: usize = 256 * 1024;
const POST_BINDING: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
pub const EMAIL_FORMAT: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
/// Where the admin gets the right document, said by every error.
const WHERE: &str = "Copy or download the SP metadata from Twilio's Admin Center → Single Sign-On → your SSO profile.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpMetadata {
    /// Identifier (Entity ID) in Entra; the audience of every response.
    pub entity_id: String,
    /// The HTTP-POST AssertionConsumerService chosen: Entra's Reply URL.
    pub acs_url: String,
    /// Every AssertionConsumerService listed, in document order.
    pub acs: Vec<Endpoint>,
    pub want_assertions_signed: Option<bool>,
    pub authn_requests_signed: Option<bool>,
    pub name_id_formats: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Read SP metadata: its values, or a typed error naming what the text is instead.
pub fn parse_sp_metadata(xml: &str) -> Result<SpMetadata, CoreError> {
    let doc = read_document(xml)?;
    let root = doc.root_element();
    let entities = root.descendants().filter(|n| is(n, MD, "EntityDescriptor"));
    let Some((entity, sp)) =
        entities.filter_map(|e| children(e, MD, "SPSSODescriptor").next().map(|sp| (e, sp))).next()
    else {
        return Err(not_sp(root));
    };
    let entity_id = entity.attribute("entityID").unwrap_or_default().trim().to_string();
    if entity_id.is_empty() {
        let msg = format!("This SP metadata has no entityID, so there is no Identifier to give Entra. {WHERE}");
        return Err(CoreError::new(codes::NOT_SP_METADATA, msg));
    }
    let acs: Vec<Endpoint> = children(sp, MD, "AssertionConsumerService").map(Endpoint::of).collect();
    let posts: Vec<Node> = children(sp, MD, "AssertionConsumerService")
        .filter(|n| n.attribute("Binding").is_some_and(|b| b.trim() == POST_BINDING))
        .filter(|n| n.attribute("Location").is_some_and(|l| !l.trim().is_empty()))
        .collect();
    let Some(chosen) = choose_acs(&posts) else {
        let msg = format!(
            "This SP metadata lists no HTTP-POST AssertionConsumerService, the Reply URL Entra posts sign-ins to. \
                {WHERE}"
        );
        return Err(CoreError::new(codes::NO_ACS, msg));
    };
    let acs_url = chosen.attribute("Location").unwrap_or_default().trim().to_string();
    https_only(&acs_url)?;
    let name_id_formats: Vec<String> = children(sp, MD, "NameIDFormat")
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let flag = |name: &str| sp.attribute(name).map(|v| v.trim() == "true" || v.trim() == "1");
    let findings = judge(&entity_id, &acs_url, posts.len(), &name_id_formats);
    Ok(SpMetadata {
        entity_id,
        acs_url,
        acs,
        want_assertions_signed: flag("WantAssertionsSigned"),
        authn_requests_signed: flag("AuthnRequestsSigned"),
        name_id_formats,
        findings,
    })
}

/// The text as an XML document, within the size cap, with no DTD: else what it is instead.
fn read_document(xml: &str) -> Result<roxmltree::Document<'_>, CoreError> {
    if xml.len() > MAX_SP_METADATA_BYTES {
        let kb = MAX_SP_METADATA_BYTES / 1024;
        let msg = format!("This is over {kb} KB; Twilio's SP metadata is a few KB. {WHERE}");
        return Err(CoreError::new(codes::TOO_LARGE, msg));
    }
    let text = xml.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(CoreError::new(codes::EMPTY, format!("The SP metadata is empty. {WHERE}")));
    }
    xml::parse(text, 20_000).map_err(|e| match e {
        XmlError::Dtd => CoreError::new(
            codes::DOCTYPE_NOT_ALLOWED,
            format!("This XML has a DOCTYPE, which SP metadata never needs; it is refused for safety. {WHERE}"),
        ),
        XmlError::At { row, col } => CoreError::new(
            codes::NOT_XML,
            format!("This is not readable XML (it breaks at line {row}, column {col}). {WHERE}"),
        ),
    })
}

/// The metadata's findings: several ACS, hosts, NameID formats.
fn judge(entity_id: &str, acs_url: &str, posts: usize, name_id_formats: &[String]) -> Vec<Finding> {
    let mut findings = Vec::new();
    if posts > 1 {
        findings.push(Finding::warning(
            codes::SEVERAL_ACS,
            format!(
                "The SP metadata lists {posts} HTTP-POST AssertionConsumerServices; the default one is used as the \
                    Reply URL: {acs_url}. Make sure it is the one the SSO profile shows."
            ),
        ));
    }
    judge_hosts(entity_id, acs_url, &mut findings);
    if !name_id_formats.is_empty() && !name_id_formats.iter().any(|f| f == EMAIL_FORMAT) {
        findings.push(Finding::warning(
            codes::SP_NAME_ID_FORMAT,
            format!(
                "The SP metadata names NameID formats {}, not the email address one; Twilio's guide wants the NameID \
                    to be the user's email address ({EMAIL_FORMAT}).",
                name_id_formats.join(", ")
            ),
        ));
    }
    findings
}

/// The default ACS (`isDefault="true"`), else the lowest `index`, else the first.
fn choose_acs<'a, 'i>(posts: &[Node<'a, 'i>]) -> Option<Node<'a, 'i>> {
    let default = posts.iter().find(|n| n.attribute("isDefault").is_some_and(|v| v.trim() == "true"));
    let index = |n: &Node| n.attribute("index").and_then(|i| i.trim().parse::<u32>().ok()).unwrap_or(u32::MAX);
    default.or_else(|| posts.iter().min_by_key(|n| index(n))).copied()
}

/// What the document is when it is not SP metadata: Entra's own (IdP) metadata is named.
fn not_sp(root: Node) -> CoreError {
    if root.descendants().any(|n| is(&n, MD, "IDPSSODescriptor")) {
        return CoreError::new(
            codes::IDP_METADATA_GIVEN,
            format!(
                "This is identity provider metadata (Entra's Federation Metadata XML, say), not Twilio's SP \
                    metadata. It goes the other way: its values go into the SSO profile. {WHERE}"
            ),
        );
    }
    CoreError::new(
        codes::NOT_SP_METADATA,
        format!("This XML is not SAML SP metadata (no EntityDescriptor with an SPSSODescriptor). {WHERE}"),
    )
}

/// Entra refuses a Reply URL that is not https (but for localhost), and so does the assistant.
fn https_only(acs_url: &str) -> Result<(), CoreError> {
    if acs_url.to_ascii_lowercase().starts_with("https://") {
        return Ok(());
    }
    Err(CoreError::new(
        codes::SP_NOT_HTTPS,
        format!(
            "The SP metadata's AssertionConsumerService is \"{acs_url}\", not an https URL; Entra takes only https \
                Reply URLs and Twilio's are https. {WHERE}"
        ),
    ))
}

/// Twilio's SP values live on twilio.com: an ACS elsewhere is someone else's metadata.
fn judge_hosts(entity_id: &str, acs_url: &str, findings: &mut Vec<Finding>) {
    let host = acs_url.split("://").nth(1).and_then(|r| r.split(['/', '?', '#', ':']).next()).unwrap_or_default();
    let host = host.to_ascii_lowercase();
    if host != "twilio.com" && !host.ends_with(".twilio.com") {
        findings.push(Finding::warning(
            codes::SP_NOT_TWILIO,
            format!(
                "The ACS is on {host}, not on twilio.com: this may be another service's metadata. Sign-ins to it \
                    are not captured; paste the response instead. {WHERE}"
            ),
        ));
    }
    if entity_id.to_ascii_lowercase().starts_with("http://") {
        findings.push(Finding::warning(
            codes::SP_NOT_HTTPS,
            format!("The entity ID \"{entity_id}\" is an http URL; Twilio's are https or URNs. {WHERE}"),
        ));
    }
}

#[cfg(test)]
mod tests;
