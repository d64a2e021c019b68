//! The SSO connection SID (`JQ` + 32 hex digits, from Flex Console → Manage → Single sign-on →
//! "Set up your identity provider") → the Entity ID `urn:flex:JQ…` and the ACS URL
//! `https://login.flex.<region>.twilio.com/login/callback?connection=JQ…`. The retired
//! Account-based URLs (`https://iam.twilio.com/v1/Accounts/AC…/saml2`) are recognised and flagged.

use crate::common::codes;
use crate::common::finding::{CoreError, Finding};
use crate::product::{paste, Product, SpUrls};

pub const SID_PREFIX: &str = "JQ";
const SID_LEN: usize = 34;
/// The only region Twilio's guide shows.
pub const DEFAULT_REGION: &str = "us1";
const ENTITY_ID_PREFIX: &str = "urn:flex:";
const ACS_HOST_PREFIX: &str = "login.flex.";
const ACS_HOST_SUFFIX: &str = ".twilio.com";
const ACS_PATH: &str = "/login/callback?connection=";
const ACS_PARAM: &str = "connection=";
const LEGACY_BASE: &str = "https://iam.twilio.com/v1/Accounts/";
const LEGACY_ACS_SUFFIX: &str = "/saml2";
const LEGACY_ENTITY_SUFFIX: &str = "/saml2/metadata";
const ACCOUNT_PREFIX: &str = "AC";
const WHERE: &str = "The SSO connection SID starts with JQ; Flex Console → Manage → Single sign-on → \"Set up your \
    identity provider\" shows it at the end of the Entity ID and of the ACS URL.";

/// True when a cleaned value is Flex's: a `JQ…` SID, one of its URLs, or a legacy Account-based URL.
pub fn recognizes(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.contains(ENTITY_ID_PREFIX)
        || lower.contains(ACS_HOST_PREFIX)
        || lower.contains(&legacy_marker().to_ascii_lowercase())
        || lower.starts_with(&SID_PREFIX.to_ascii_lowercase())
}

/// A value a page shows that is one of Flex's two URLs (the Entity ID `urn:flex:JQ…` or the ACS URL
/// on login.flex), read as such; never a bare SID or a legacy URL, which any page may mention.
pub fn shown_url(value: &str) -> Option<SpUrls> {
    let lower = value.trim().to_ascii_lowercase();
    let is_url = lower.starts_with(ENTITY_ID_PREFIX) || lower.starts_with(&format!("https://{ACS_HOST_PREFIX}"));
    is_url.then(|| urls(value, None).ok()).flatten().filter(|u| !u.legacy)
}

/// A SID, a pasted Entity ID or ACS URL, or a legacy URL → Flex's URLs. `region` is the one the
/// admin chose, if any; a pasted ACS URL brings its own.
pub fn urls(input: &str, region: Option<&str>) -> Result<SpUrls, CoreError> {
    let (s, mut normalized) = paste::clean(input);
    if s.is_empty() {
        return Err(CoreError::new(codes::EMPTY, format!("Enter the SSO connection SID. {WHERE}")));
    }
    if let Some(account) = paste::after(&s, legacy_marker(), &['/', '?', '#']) {
        return legacy(account, normalized);
    }
    let mut url_region = None;
    let raw = if let Some(sid) = paste::after(&s, ENTITY_ID_PREFIX, &['/', '?', '#', '&']) {
        normalized.push("took the SID from the pasted Entity ID".to_string());
        sid
    } else if let (Some(host), Some(sid)) =
        (paste::after(&s, ACS_HOST_PREFIX, &['.', '/']), paste::after(&s, ACS_PARAM, &['&', '#']))
    {
        normalized.push("took the SID and the region from the pasted ACS URL".to_string());
        url_region = Some(host);
        sid
    } else {
        s.as_str()
    };
    let sid = checked_sid(raw, SID_PREFIX, "SSO connection SID", &mut normalized)?;
    let region = chosen_region(url_region, region)?;
    let mut findings = Vec::new();
    if region != DEFAULT_REGION {
        findings.push(Finding::info(
            codes::FLEX_REGION,
            format!(
                "Region {region}: Twilio's guide shows only {DEFAULT_REGION}. Check that this ACS URL is the one \
                    Flex Console → Manage → Single sign-on shows."
            ),
        ));
    }
    Ok(SpUrls {
        product: Product::Flex,
        sp_entity_id: format!("{ENTITY_ID_PREFIX}{sid}"),
        reply_url: format!("https://{ACS_HOST_PREFIX}{region}{ACS_HOST_SUFFIX}{ACS_PATH}{sid}"),
        sid,
        region: Some(region),
        legacy: false,
        normalized,
        findings,
    })
}

/// `iam.twilio.com/v1/Accounts/`: what every legacy URL holds before the Account SID.
fn legacy_marker() -> &'static str {
    LEGACY_BASE.trim_start_matches("https://")
}

fn legacy(account: &str, mut normalized: Vec<String>) -> Result<SpUrls, CoreError> {
    normalized.push("took the Account SID from the pasted legacy URL".to_string());
    let sid = checked_sid(account, ACCOUNT_PREFIX, "Account SID", &mut normalized)?;
    Ok(SpUrls {
        product: Product::Flex,
        sp_entity_id: format!("{LEGACY_BASE}{sid}{LEGACY_ENTITY_SUFFIX}"),
        reply_url: format!("{LEGACY_BASE}{sid}{LEGACY_ACS_SUFFIX}"),
        sid,
        region: None,
        legacy: true,
        normalized,
        findings: vec![Finding::warning(
            codes::FLEX_LEGACY_URLS,
            "These are Flex's legacy Account-based SSO URLs; Twilio asked every Flex customer to move off them \
                before June 2025. In Flex Console → Manage → Single sign-on, start the new setup: it shows an Entity \
                ID urn:flex:JQ… and an ACS URL on login.flex.us1.twilio.com, to put in Basic SAML Configuration \
                instead.",
        )],
    })
}

/// `prefix` + 32 hex digits, with the prefix upper case and the digits lower case, as Twilio writes them.
fn checked_sid(raw: &str, prefix: &str, name: &str, normalized: &mut Vec<String>) -> Result<String, CoreError> {
    let count = raw.chars().count();
    if count != SID_LEN {
        return Err(CoreError::new(
            codes::WRONG_LENGTH,
            format!("A Flex {name} is {SID_LEN} characters ({prefix} and 32 hex digits); this has {count}. {WHERE}"),
        ));
    }
    let head: String = raw.chars().take(2).collect::<String>().to_ascii_uppercase();
    let digits: String = raw.chars().skip(2).collect();
    if head == ACCOUNT_PREFIX && prefix != ACCOUNT_PREFIX {
        return Err(CoreError::new(
            codes::ACCOUNT_SID,
            format!(
                "This is an Account SID (AC…). Only Flex's retired legacy URLs were made from it; today's \
                    setup uses the SSO connection SID. {WHERE}"
            ),
        ));
    }
    if head != prefix {
        return Err(CoreError::new(
            codes::WRONG_PREFIX,
            format!("A Flex {name} starts with {prefix}, not \"{head}\". {WHERE}"),
        ));
    }
    if let Some((pos, bad)) = digits.chars().enumerate().find(|(_, c)| !c.is_ascii_hexdigit()) {
        return Err(CoreError::new(
            codes::NOT_HEX,
            format!(
                "After {prefix} a Flex {name} has only hexadecimal digits (0-9, a-f); character {} is \"{bad}\". \
                    Check for a typo such as O for 0 or l for 1.",
                pos + 3
            ),
        ));
    }
    if !raw.starts_with(prefix) {
        normalized.push(format!("made the prefix upper case ({prefix})"));
    }
    if digits.chars().any(|c| c.is_ascii_uppercase()) {
        normalized.push("made the hex digits lower case, as Twilio writes them".to_string());
    }
    Ok(format!("{prefix}{}", digits.to_ascii_lowercase()))
}

/// The region from a pasted ACS URL or the admin's choice (they must agree), else us1.
fn chosen_region(from_url: Option<&str>, chosen: Option<&str>) -> Result<String, CoreError> {
    let from_url = from_url.map(str::to_ascii_lowercase);
    let chosen = chosen.map(|r| r.trim().to_ascii_lowercase()).filter(|r| !r.is_empty());
    for r in from_url.iter().chain(chosen.iter()) {
        if !is_region(r) {
            return Err(CoreError::new(
                codes::BAD_REGION,
                format!(
                    "\"{r}\" is not a Flex region: a region is two letters and a digit, such as {DEFAULT_REGION}, as \
                        in login.flex.{DEFAULT_REGION}.twilio.com."
                ),
            ));
        }
    }
    match (from_url, chosen) {
        (Some(u), Some(c)) if u != c => Err(CoreError::new(
            codes::REGION_MISMATCH,
            format!("The pasted ACS URL is for region {u}, but the region chosen is {c}. Use the ACS URL's."),
        )),
        (Some(r), _) | (None, Some(r)) => Ok(r),
        (None, None) => Ok(DEFAULT_REGION.to_string()),
    }
}

/// Two or three lower-case letters and one or two digits: us1, ie1, au1.
fn is_region(r: &str) -> bool {
    let letters = r.chars().take_while(char::is_ascii_lowercase).count();
    let digits = r.chars().skip(letters).take_while(char::is_ascii_digit).count();
    (2..=3).contains(&letters) && (1..=2).contains(&digits) && letters + digits == r.len()
}
