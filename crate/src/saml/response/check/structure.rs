//! The response's structure: no markup where values are, the status, the Destination, and
//! exactly one Assertion where Entra puts it (signature wrapping hides a second one).

use super::*;

/// Comments, processing instructions and markup inside values: what no signature covers.
pub(super) fn check_markup(resp: Node<'_, '_>, f: &mut Vec<Finding>) {
    // Exclusive C14N drops comments, so a comment inside a signed value changes what a
    // reader sees without breaking the signature. Values below are read as it covers them.
    if resp.descendants().any(|n| n.is_comment() || n.is_pi()) {
        f.push(Finding::error(
            codes::XML_COMMENT,
            "The response holds an XML comment or processing instruction. Entra never sends one, and no signature \
                covers it, so it can hide part of a signed value. Treat this response as altered: sign in again and \
                check the new one.",
        ));
    }

    if resp.descendants().any(|n| VALUES.iter().any(|(ns, name)| is(&n, ns, name)) && value_text(n).is_none()) {
        f.push(Finding::error(
            codes::MARKUP_IN_VALUE,
            "A value in the response (an Issuer, Audience, NameID, attribute value or status message) holds \
            markup, which Entra never sends; it is not shown. Treat this response as altered: sign in again \
            and check the new one.",
        ));
    }
}

/// The status, exactly Success, else Entra's refusal with its AADSTS message.
pub(super) fn check_status(resp: Node<'_, '_>, f: &mut Vec<Finding>) -> (String, Option<String>, bool) {
    // Status, and the AADSTS error when there is one.
    let status_code = child(resp, SAMLP, "Status").and_then(|s| child(s, SAMLP, "StatusCode"));
    let status = status_code.and_then(|c| c.attribute("Value")).unwrap_or_default().to_string();
    let status_message =
        child(resp, SAMLP, "Status").and_then(|s| child(s, SAMLP, "StatusMessage")).and_then(value_text);
    let success = status == SUCCESS;
    if !success {
        let sub = status_code
            .and_then(|c| child(c, SAMLP, "StatusCode"))
            .and_then(|c| c.attribute("Value"))
            .unwrap_or_default();
        f.push(Finding::error(
            codes::STATUS_NOT_SUCCESS,
            format!(
                "Entra refused the sign-in ({}{}): {}. Fix what the AADSTS message names, often the user's assignment \
                    (Users and groups) or the Identifier.",
                short(&status),
                if sub.is_empty() { String::new() } else { format!(" / {}", short(sub)) },
                status_message.clone().unwrap_or_else(|| "no message".into())
            ),
        ));
    }

    (status, status_message, success)
}

/// The Destination: the product's Reply URL, exactly.
pub(super) fn check_destination(resp: Node<'_, '_>, realm: &SpUrls, f: &mut Vec<Finding>) -> Option<String> {
    let destination = resp.attribute("Destination").map(str::to_string);
    if destination.as_deref() != Some(realm.reply_url.as_str()) {
        f.push(Finding::error(
            codes::DESTINATION_MISMATCH,
            message(
                "The response was sent to {got} but Twilio's Reply URL is {want}. In Entra → [BasicSaml], set \
                 [ReplyUrl] to exactly that.",
                &[("got", destination.as_deref().unwrap_or("(no Destination)")), ("want", &realm.reply_url)],
            ),
        ));
    }

    destination
}

/// Exactly one Assertion, as a direct child of the Response.
pub(super) fn check_assertions<'a, 'i>(
    resp: Node<'a, 'i>,
    success: bool,
    f: &mut Vec<Finding>,
) -> Option<Node<'a, 'i>> {
    // Exactly one Assertion, as a direct child of the Response: anything else is how
    // signature-wrapping attacks hide a second, unsigned one.
    let direct: Vec<Node<'_, '_>> = resp.children().filter(|n| is(n, SAML, "Assertion")).collect();
    let anywhere = resp.descendants().filter(|n| is(n, SAML, "Assertion")).count();
    let assertion = direct.first().copied();
    if direct.len() > 1 {
        f.push(Finding::error(
            codes::MULTIPLE_ASSERTIONS,
            format!(
                "The response holds {} assertions; Entra sends exactly one. Treat this response as altered: \
                sign in again and check the new one.",
                direct.len()
            ),
        ));
    }
    if anywhere > direct.len() {
        f.push(Finding::error(
            codes::ASSERTION_MISPLACED,
            "An Assertion sits somewhere other than directly inside the Response, where Entra never puts one. Treat \
                this response as altered: sign in again and check the new one.",
        ));
    }
    if success && assertion.is_none() {
        f.push(Finding::error(
            codes::NO_ASSERTION,
            "The response says Success but carries no assertion, so nobody is signed in. Sign in again from the \
                app's User access URL and check the new response.",
        ));
    }
    assertion
}
