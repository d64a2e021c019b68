//! Reading untrusted XML one safe way (metadata of either side): DTDs refused, so no entity is
//! ever declared or expanded, and a cap on nodes; elements found by namespace and name.

use roxmltree::{Document, Node, ParsingOptions};
use serde::Serialize;

/// SAML metadata's namespace, of either side's document.
pub const MD: &str = "urn:oasis:names:tc:SAML:2.0:metadata";

/// Why a text could not be read as XML.
pub enum XmlError {
    /// A DOCTYPE: refused for safety.
    Dtd,
    /// Not well-formed: where it breaks.
    At { row: u32, col: u32 },
}

pub fn parse(text: &str, nodes_limit: u32) -> Result<Document<'_>, XmlError> {
    let opts = ParsingOptions { allow_dtd: false, nodes_limit, ..ParsingOptions::default() };
    Document::parse_with_options(text, opts).map_err(|e| match e {
        roxmltree::Error::DtdDetected => XmlError::Dtd,
        other => XmlError::At { row: other.pos().row, col: other.pos().col },
    })
}

pub fn is(n: &Node<'_, '_>, ns: &str, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(ns)
}

pub fn children<'a, 'i>(n: Node<'a, 'i>, ns: &'static str, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(move |c| is(c, ns, name))
}

/// A metadata endpoint (a SingleSignOnService, an AssertionConsumerService): its binding and
/// its location, trimmed, as either side's metadata lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    pub binding: String,
    pub location: String,
}

impl Endpoint {
    pub fn of(n: Node<'_, '_>) -> Self {
        let attr = |name: &str| n.attribute(name).unwrap_or_default().trim().to_string();
        Self { binding: attr("Binding"), location: attr("Location") }
    }
}
