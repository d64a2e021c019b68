//! The assertion's conditions: its Issuer, its Audience and its validity window.

use super::*;

/// The Issuer: there, and the one Twilio expects.
pub(super) fn check_issuer(
    resp: Node<'_, '_>,
    assertion: Option<Node<'_, '_>>,
    expect: &Expectations,
    f: &mut Vec<Finding>,
) -> Option<String> {
    let issuer = text_of(assertion.and_then(|a| child(a, SAML, "Issuer")).or_else(|| child(resp, SAML, "Issuer")));
    // SAML requires the assertion's Issuer; Twilio finds the identity provider by it.
    let assertion_issuer = assertion.and_then(|a| child(a, SAML, "Issuer")).and_then(value_text);
    if (assertion.is_some() && assertion_issuer.is_none()) || issuer.is_none() {
        let whose = if assertion.is_some() { "assertion" } else { "response" };
        let text = format!(
            "The {whose} names no Issuer, so Twilio cannot tell which identity provider sent it. Entra always names \
            itself: this response was not made by Entra as it is, or was altered on the way."
        );
        // A failed sign-in's response may leave it out; an assertion never may.
        f.push(if assertion.is_some() {
            Finding::error(codes::NO_ISSUER, text)
        } else {
            Finding::warning(codes::NO_ISSUER, text)
        });
    }
    if let (Some(want), Some(got)) = (&expect.entra_identifier, &issuer) {
        if want != got {
            f.push(Finding::error(
                codes::ISSUER_MISMATCH,
                message(
                    "The response's Issuer is {got} but Twilio expects {want} (the Identity Provider Issuer). Copy \
                     \"[EntraIdentifier]\" from Entra's \"Set up\" section into Twilio again.",
                    &[("got", got), ("want", want)],
                ),
            ));
        }
    }

    issuer
}

/// The Audience: the product's Entity ID.
pub(super) fn check_audience(
    assertion: Option<Node<'_, '_>>,
    conditions: Option<Node<'_, '_>>,
    realm: &SpUrls,
    f: &mut Vec<Finding>,
) -> Option<String> {
    let audience = text_of(conditions.and_then(|c| c.descendants().find(|n| is(n, SAML, "Audience"))));
    // A failed sign-in carries no assertion: its status is the finding that matters.
    let has_assertion = assertion.is_some();
    match &audience {
        _ if !has_assertion => {}
        Some(a) if a == &realm.sp_entity_id => {}
        Some(a) if a.starts_with("spn:") => f.push(Finding::error(
            codes::AUDIENCE_MISMATCH,
            message(
                "The Audience is {got}: Entra used the application ID because the sign-in request's issuer matched \
                 no Identifier. In Entra → [BasicSaml], set [Identifier] to {want}.",
                &[("got", a), ("want", &realm.sp_entity_id)],
            ),
        )),
        other => f.push(Finding::error(
            codes::AUDIENCE_MISMATCH,
            message(
                "The Audience is {got} but Twilio's Entity ID is {want}. In Entra → [BasicSaml], set [Identifier] \
                 to exactly that.",
                &[("got", other.as_deref().unwrap_or("(none)")), ("want", &realm.sp_entity_id)],
            ),
        )),
    }

    audience
}

/// NotBefore and NotOnOrAfter: readable, and now within them (with the clock skew allowed).
pub(super) fn check_times(
    conditions: Option<Node<'_, '_>>,
    now_ms: i64,
    f: &mut Vec<Finding>,
) -> (Option<String>, Option<String>) {
    let not_before = conditions.and_then(|c| c.attribute("NotBefore")).map(str::to_string);
    let not_on_or_after = conditions.and_then(|c| c.attribute("NotOnOrAfter")).map(str::to_string);
    let mut time = |name: &str, value: Option<&str>| match value.map(parse_rfc3339_ms) {
        Some(Err(_)) => {
            f.push(Finding::error(
                codes::UNREADABLE_TIME,
                format!(
                    "The assertion's {name} is not a readable time, so its validity cannot be judged. Entra \
                    never sends such a value: sign in again and check the new response."
                ),
            ));
            None
        }
        Some(Ok(ms)) => Some(ms),
        None => None,
    };
    let (nb, na) = (time("NotBefore", not_before.as_deref()), time("NotOnOrAfter", not_on_or_after.as_deref()));
    if nb.is_some_and(|nb| now_ms + SKEW_MS < nb) {
        f.push(Finding::error(
            codes::ASSERTION_NOT_YET_VALID,
            "The assertion is not valid yet (more than 5 minutes ahead \
            of this computer's clock). Check the clocks, then sign in again.",
        ));
    }
    if na.is_some_and(|na| now_ms - SKEW_MS >= na) {
        f.push(Finding::error(
            codes::ASSERTION_EXPIRED,
            "The assertion has expired (its NotOnOrAfter has passed). Sign in again to get a fresh response.",
        ));
    }

    (not_before, not_on_or_after)
}
