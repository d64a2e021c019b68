//! Redaction of a response for sharing: each NameID and attribute value becomes its shape
//! (`‹email›`, `‹text 2›`). Equal values get the same shape and different ones a different number,
//! so that a check of the shared copy reaches the same verdict (the NameID is or is not the email
//! claim; a claim is empty or not) without holding anyone's data. The product's own role values
//! (`agent`) are configuration, not personal, and stay. Everything else stays byte for byte:
//! the signatures and the certificate, so support still sees which key signed it.

use std::ops::Range;

use roxmltree::Node;

use crate::common::codes;
use crate::common::finding::CoreError;
use crate::common::xml::{parse, XmlError};
use crate::entra::USER_ASSIGNED_ROLES;
use crate::product::Facts;
use crate::saml::xml::{is, value_text, SAML, SAMLP};

const OPEN: char = '‹';
const CLOSE: char = '›';

/// What a redacted value was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Email,
    /// A guest's user principal name (`…#EXT#@….onmicrosoft.com`).
    GuestUpn,
    Guid,
    Url,
    Text,
}

impl Shape {
    const ALL: [Shape; 5] = [Shape::Email, Shape::GuestUpn, Shape::Guid, Shape::Url, Shape::Text];

    fn label(self) -> &'static str {
        match self {
            Shape::Email => "email",
            Shape::GuestUpn => "#EXT# email",
            Shape::Guid => "guid",
            Shape::Url => "url",
            Shape::Text => "text",
        }
    }

    fn of_value(v: &str) -> Shape {
        if plain_email(v) {
            if v.contains("#EXT#") {
                Shape::GuestUpn
            } else {
                Shape::Email
            }
        } else if is_guid(v) {
            Shape::Guid
        } else if v.contains("://") {
            Shape::Url
        } else {
            Shape::Text
        }
    }
}

/// The shape a redacted value stands for: `‹email›` and `‹email 2›` are emails; anything else is
/// a value as sent.
pub fn shape_of(value: &str) -> Option<Shape> {
    let inner = value.trim().strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
    let label = match inner.rsplit_once(' ') {
        Some((label, n)) if n.parse::<u32>().is_ok() => label,
        _ => inner,
    };
    Shape::ALL.into_iter().find(|s| s.label() == label)
}

/// An email address, or the shape of one.
pub fn looks_like_email(v: &str) -> bool {
    shape_of(v).map_or_else(|| plain_email(v), |s| matches!(s, Shape::Email | Shape::GuestUpn))
}

/// One @, with something on both sides, a dot in the domain and no space.
fn plain_email(v: &str) -> bool {
    match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.contains('@') && !v.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

fn is_guid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12]) && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The elements whose text is the user's data.
fn is_value(n: &Node<'_, '_>) -> bool {
    is(n, SAML, "NameID") || is(n, SAML, "AttributeValue")
}

/// Whether a response's values were redacted: a NameID or attribute value is a shape.
pub fn is_redacted(doc: &roxmltree::Document<'_>) -> bool {
    doc.descendants().filter(is_value).filter_map(value_text).any(|v| shape_of(&v).is_some())
}

/// The response XML with every NameID and attribute value replaced by its shape, but the
/// product's role values in its roles claim.
pub fn redact(xml: &str, facts: &Facts) -> Result<String, CoreError> {
    let doc = parse(xml, 100_000).map_err(|e| match e {
        XmlError::Dtd => CoreError::new(codes::DOCTYPE_NOT_ALLOWED, "The response has a DOCTYPE: it is refused."),
        XmlError::At { row, col } => {
            CoreError::new(codes::NOT_XML, format!("The response is not readable XML (line {row}, column {col})."))
        }
    })?;
    if !is(&doc.root_element(), SAMLP, "Response") {
        return Err(CoreError::new(codes::NOT_SAML_RESPONSE, "This XML is not a SAML Response (samlp:Response)."));
    }
    let mut seen: Vec<(Shape, String)> = Vec::new();
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for n in doc.descendants().filter(is_value) {
        let (Some(first), Some(last)) = (n.first_child(), n.last_child()) else { continue };
        let span = first.range().start..last.range().end;
        if spans.last().is_some_and(|(r, _)| span.start < r.end) {
            continue; // inside a value already replaced
        }
        let text: String = n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect();
        let value = text.trim();
        if value.is_empty() || is_role(n, value, facts) {
            continue;
        }
        let shape = Shape::of_value(value);
        let key = (shape, value.to_lowercase());
        let k = match seen.iter().filter(|(s, _)| *s == shape).position(|s| *s == key) {
            Some(i) => i + 1,
            None => {
                seen.push(key);
                seen.iter().filter(|(s, _)| *s == shape).count()
            }
        };
        let number = if k == 1 { String::new() } else { format!(" {k}") };
        spans.push((span, format!("{OPEN}{}{number}{CLOSE}", shape.label())));
    }
    let mut out = String::with_capacity(xml.len());
    let mut at = 0;
    for (span, shape) in spans {
        out.push_str(xml.get(at..span.start).unwrap_or_default());
        out.push_str(&shape);
        at = span.end;
    }
    out.push_str(xml.get(at..).unwrap_or_default());
    Ok(out)
}

/// One of the product's role values, in its roles claim (the one whose source is the assigned roles).
fn is_role(n: Node<'_, '_>, value: &str, facts: &Facts) -> bool {
    let claim = n.parent_element().filter(|p| is(p, SAML, "Attribute")).and_then(|p| p.attribute("Name"));
    let roles_claim = facts.claims.iter().any(|c| Some(c.name) == claim && c.source_attribute == USER_ASSIGNED_ROLES);
    roles_claim && facts.roles.iter().any(|r| r.value == value)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn each_value_gets_its_shape_and_equal_values_the_same_one() {
        let facts = crate::product::Product::Frontline.facts();
        let value = |name: &str, v: &str| {
            format!("<Attribute Name=\"{name}\"><AttributeValue>{v}</AttributeValue></Attribute>")
        };
        let xml = format!(
            "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns=\"{SAML}\"><Assertion>\
             <Subject><NameID>Ada@Owl.test</NameID></Subject>{}</Assertion></samlp:Response>",
            [
                value("email", "ada@owl.test"),
                value("other", "bob@owl.test"),
                value("guest", "a_b#EXT#@x.onmicrosoft.com"),
                value("oid", "74a35d48-1914-4115-82f1-1b8a01449f3d"),
                value("idp", "https://sts.windows.net/x/"),
                value("name", "Ada <!-- a comment --> Lovelace"),
                value("roles", "agent"),
                value("roles", "viewer"),
                value("empty", ""),
            ]
            .concat()
        );
        let out = redact(&xml, facts).unwrap();
        // (name, the value as exported)
        let cases: [(&str, &str); 9] = [
            ("the NameID", "<NameID>‹email›</NameID>"),
            ("the same email, in another case", "\"email\"><AttributeValue>‹email›<"),
            ("another email", "\"other\"><AttributeValue>‹email 2›<"),
            ("a guest's name", "\"guest\"><AttributeValue>‹#EXT# email›<"),
            ("an object ID", "\"oid\"><AttributeValue>‹guid›<"),
            ("a URL", "\"idp\"><AttributeValue>‹url›<"),
            ("a name split by a comment", "\"name\"><AttributeValue>‹text›<"),
            ("the product's role", "\"roles\"><AttributeValue>agent<"),
            ("another role", "\"roles\"><AttributeValue>‹text 2›<"),
        ];
        for (name, want) in cases {
            assert!(out.contains(want), "{name}: {out}");
        }
        assert!(out.contains("<AttributeValue></AttributeValue>"), "an empty value stays empty");
        let shapes = [("‹email›", Some(Shape::Email)), ("‹text 12›", Some(Shape::Text)), ("‹nope›", None)];
        for (text, shape) in shapes {
            assert_eq!(shape_of(text), shape, "{text}");
        }
        assert!(looks_like_email("‹#EXT# email 3›") && !looks_like_email("‹guid›"));
    }
}
