//! Console's service-provider values: Twilio's SP metadata → the Identifier (its entity ID) and
//! the Reply URL (its HTTP-POST ACS). The entity ID is what names the values, where Frontline's
//! and Flex's are named by a SID.

use super::metadata::{parse_sp_metadata, SpMetadata};
use crate::common::codes;
use crate::common::finding::CoreError;
use crate::product::{paste, Product, SpUrls};

/// True when a value is XML (past invisible marks and spaces): only SP metadata makes a Console
/// setup's values, and any other XML (Entra's own metadata, say) is named by the parser as such.
pub fn recognizes(s: &str) -> bool {
    s.trim_start_matches(|c: char| paste::is_invisible(c) || c.is_whitespace()).starts_with('<')
}

/// The SP metadata, read. A SID or a URL is not it: Console's values come from the metadata whole.
pub fn metadata_of(input: &str) -> Result<SpMetadata, CoreError> {
    // Not `paste::clean`: its quote trimming would take the XML's own angle brackets, and a
    // mark inside a value is the document's (reported as it is), so only leading ones go.
    let s = input.trim_start_matches(|c: char| paste::is_invisible(c) || c.is_whitespace()).trim_end();
    if !s.is_empty() && !recognizes(s) {
        return Err(CoreError::new(
            codes::NOT_SP_METADATA,
            "Twilio Console's values come from its SP metadata (XML), not from a SID or a URL. Copy or download the \
                SP metadata from Admin Center → Single Sign-On → your SSO profile.",
        ));
    }
    parse_sp_metadata(s)
}

/// SP metadata → the two values Entra needs, with the metadata's findings.
pub fn urls(input: &str) -> Result<SpUrls, CoreError> {
    let m = metadata_of(input)?;
    Ok(SpUrls {
        product: Product::Console,
        sid: m.entity_id.clone(),
        sp_entity_id: m.entity_id,
        reply_url: m.acs_url,
        region: None,
        legacy: false,
        normalized: Vec::new(),
        findings: m.findings,
    })
}
