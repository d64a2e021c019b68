//! The claims: the exact short names the product reads, and a role it knows.

use super::*;

/// The attributes: the exact short names the product reads, and a role it knows.
pub(super) fn check_attributes(assertion: Option<Node<'_, '_>>, facts: &Facts, f: &mut Vec<Finding>) -> Vec<Attribute> {
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

/// The claim that carries the app roles, in every product.
const ROLES: &str = "roles";
const EMAIL: &str = "email";

/// A product's claim missing from the assertion, with how to add it.
pub(super) fn missing_claim(facts: &Facts, claim: &Claim, has_long_email: bool) -> Finding {
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
pub(super) fn no_role(facts: &Facts, got: &[String]) -> Finding {
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

pub(super) fn role_name(r: &AppRole) -> String {
    format!("{} ({})", r.display_name, r.value)
}
