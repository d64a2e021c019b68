//! Reading SAML XML the same way everywhere (responses and requests): elements by namespace and
//! name, and values read whole, as a signature's canonical form holds them.

use roxmltree::Node;

pub const SAMLP: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
pub const SAML: &str = "urn:oasis:names:tc:SAML:2.0:assertion";

pub use crate::common::xml::is;

pub fn child<'a, 'i>(n: Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, ns, name))
}

/// A value element's text, as the signature's canonical form holds it: split by a comment or
/// a CDATA section, it is read whole, never its first piece only. `None` when the element
/// holds markup (Entra's values never do), so that no value is made up from pieces.
pub fn value_text(n: Node<'_, '_>) -> Option<String> {
    if n.children().any(|c| c.is_element()) {
        return None;
    }
    Some(n.children().filter(|c| c.is_text()).filter_map(|c| c.text()).collect::<String>().trim().to_string())
}
