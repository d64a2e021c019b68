//! The NameID, for a product that matches its users by it (Console: the user's email address, in
//! the emailAddress format), and the RelayState an SP-initiated test must bring back.

use super::*;
use crate::product::NameIdRule;
use crate::saml::response::redact::looks_like_email;

/// Where a NameID's fix is made in Entra.
const FIX: &str = "In Entra → [ClaimsSection] → [NameIdClaim]: [NameIdFormat] \"[EmailAddressFormat]\", source \
    attribute {source}.";

/// The NameID is the user's email address, in the email format.
pub(super) fn check_name_id(
    assertion: Option<Node<'_, '_>>,
    attributes: &[Attribute],
    rule: &NameIdRule,
    f: &mut Vec<Finding>,
) {
    let Some(node) = assertion.and_then(|a| a.descendants().find(|n| is(n, SAML, "NameID"))) else {
        return;
    };
    let fix = message(FIX, &[("source", rule.source_attribute)]);
    let format = node.attribute("Format").unwrap_or_default().trim();
    if format != rule.format_uri {
        let shown = if format.is_empty() { "not given".to_string() } else { short(format).to_string() };
        f.push(Finding::error(
            codes::NAME_ID_FORMAT,
            format!("The NameID's format is {shown}; Twilio Console wants emailAddress. {fix}"),
        ));
    }
    let Some(value) = value_text(node) else { return };
    let email = attributes
        .iter()
        .find(|a| a.name == LONG_EMAIL_CLAIM || a.name == "email")
        .and_then(|a| a.values.first())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let why = if !looks_like_email(&value) {
        Some(format!("The NameID \"{value}\" is not an email address."))
    } else if value.contains("#EXT#") {
        Some(format!("The NameID \"{value}\" is a guest's user principal name (#EXT#), not the email address."))
    } else {
        email.filter(|e| !e.eq_ignore_ascii_case(&value)).map(|e| {
            format!(
                "The NameID \"{value}\" is not the user's email address ({e}, as the email claim says): it is likely \
                    the user principal name."
            )
        })
    };
    if let Some(why) = why {
        let msg = format!("{why} Twilio finds the user by email, so the sign-in fails. {fix}");
        f.push(Finding::error(codes::NAME_ID_NOT_EMAIL, msg));
    }
}

/// An SP-initiated test: the form Entra posted must carry the RelayState Twilio sent. Only a form
/// body can say; a SAMLResponse pasted alone says nothing of it.
pub(super) fn check_relay_state(input: &str, f: &mut Vec<Finding>) {
    let text = input.trim();
    if text.starts_with('<') || !text.contains("SAMLResponse=") {
        return;
    }
    let relay = form_urlencoded::parse(text.as_bytes()).find(|(k, _)| k == "RelayState").map(|(_, v)| v.into_owned());
    if relay.as_deref().is_none_or(|r| r.trim().is_empty()) {
        f.push(Finding::error(
            codes::RELAY_STATE_MISSING,
            "Entra sent the response without the RelayState Twilio's test started with, so Twilio refuses it. Start \
                the test from the SSO profile's Test SSO Connection (SP-initiated), not from Entra's Test button or \
                My Apps, and leave Relay State empty in [BasicSaml].",
        ));
    }
}
