//! Realm SID (`JB` + 32 hex digits, from the Frontline Console SSO page) → the two
//! service-provider URLs that go into Entra's Basic SAML Configuration.

use serde::Serialize;

use crate::common::codes;
use crate::common::finding::CoreError;
use crate::product::paste;

pub const ENTITY_ID_PREFIX: &str = "https://iam.twilio.com/v2/saml2/metadata/";
pub const REPLY_URL_PREFIX: &str = "https://iam.twilio.com/v2/saml2/authenticate/";
/// Every Realm SID starts with this.
pub const SID_PREFIX: &str = "JB";
const SID_LEN: usize = 34;

/// A valid Realm SID with the URLs derived from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RealmUrls {
    pub realm_sid: String,
    /// Identifier (Entity ID) in Entra; Twilio's SP entity ID and the SAML audience.
    pub sp_entity_id: String,
    /// Reply URL (Assertion Consumer Service URL) in Entra.
    pub reply_url: String,
    /// What was changed to get from the input to `realm_sid`, in plain words.
    pub normalized: Vec<String>,
}

/// Other Twilio SID prefixes an admin may paste by mistake, and what they are.
const KNOWN_PREFIXES: &[(&str, &str)] = &[
    ("JQ", "a Flex SSO connection SID"),
    ("SK", "an API Key SID"),
    ("PN", "a phone number SID"),
    ("MG", "a Messaging Service SID"),
    ("IS", "a Conversations Service SID"),
    ("CH", "a Conversation SID"),
    ("WS", "a TaskRouter Workspace SID (not the Frontline Workspace ID)"),
    ("US", "a user SID"),
    ("FW", "a Flex workspace SID"),
];

const WHERE: &str = "The Realm SID starts with JB and is shown on the Frontline Console SSO configuration page.";

/// Validate and normalize a Realm SID, or a pasted Entity ID / Reply URL holding one.
pub fn realm_urls(input: &str) -> Result<RealmUrls, CoreError> {
    let (sid, mut normalized) = clean(input);
    if sid.is_empty() {
        return Err(CoreError::new(codes::EMPTY, format!("Enter the Realm SID. {WHERE}")));
    }
    let count = sid.chars().count();
    if count != SID_LEN {
        let hint =
            if sid.contains("://") { " That looks like a URL, but not a Twilio Entity ID or Reply URL." } else { "" };
        return Err(CoreError::new(
            codes::WRONG_LENGTH,
            format!(
                "A Realm SID is {SID_LEN} characters (JB and 32 hex digits); this has {count}.{hint} Copy it again in \
                    full. {WHERE}"
            ),
        ));
    }
    let prefix: String = sid.chars().take(2).collect::<String>().to_ascii_uppercase();
    let digits: String = sid.chars().skip(2).collect();
    if prefix == "AC" {
        return Err(CoreError::new(
            codes::ACCOUNT_SID,
            format!("This is an Account SID (AC…), not the Realm SID. {WHERE}"),
        ));
    }
    if prefix != SID_PREFIX {
        let what = KNOWN_PREFIXES
            .iter()
            .find(|(p, _)| *p == prefix)
            .map(|(_, what)| format!("This looks like {what}, not the Realm SID."))
            .unwrap_or_else(|| format!("A Realm SID starts with JB, not \"{prefix}\"."));
        return Err(CoreError::new(codes::WRONG_PREFIX, format!("{what} {WHERE}")));
    }
    if let Some((pos, bad)) = digits.chars().enumerate().find(|(_, c)| !c.is_ascii_hexdigit()) {
        return Err(CoreError::new(
            codes::NOT_HEX,
            format!(
                "After JB a Realm SID has only hexadecimal digits (0-9, a-f); character {} is \"{bad}\". Check for a \
                    typo such as O for 0 or l for 1.",
                pos + 3
            ),
        ));
    }
    if !sid.starts_with(SID_PREFIX) {
        normalized.push("made the prefix upper case (JB)".to_string());
    }
    if digits.chars().any(|c| c.is_ascii_uppercase()) {
        normalized.push("made the hex digits lower case, as Twilio writes them".to_string());
    }
    let realm_sid = format!("{SID_PREFIX}{}", digits.to_ascii_lowercase());
    Ok(RealmUrls {
        sp_entity_id: format!("{ENTITY_ID_PREFIX}{realm_sid}"),
        reply_url: format!("{REPLY_URL_PREFIX}{realm_sid}"),
        realm_sid,
        normalized,
    })
}

/// True when a cleaned value is Frontline's: a `JB…` SID or one of its URLs.
pub fn recognizes(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [ENTITY_ID_PREFIX, REPLY_URL_PREFIX].iter().any(|p| lower.contains(p.trim_start_matches("https://")))
        || lower.starts_with(&SID_PREFIX.to_ascii_lowercase())
}

/// Strip what copy-paste adds (space, quotes, invisible marks) and take the SID out of
/// a pasted Twilio URL. Returns the candidate SID and notes on what changed.
fn clean(input: &str) -> (String, Vec<String>) {
    let (s, mut notes) = paste::clean(input);
    for (prefix, name) in [(ENTITY_ID_PREFIX, "Entity ID"), (REPLY_URL_PREFIX, "Reply URL")] {
        if let Some(sid) = paste::after(&s, prefix.trim_start_matches("https://"), &['/', '?', '#']) {
            notes.push(format!("took the SID from the pasted {name}"));
            return (sid.to_string(), notes);
        }
    }
    (s, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SID: &str = "JB0123456789abcdef0123456789abcdef";

    #[test]
    fn computes_urls() {
        let r = realm_urls(SID).unwrap();
        assert_eq!(r.sp_entity_id, format!("https://iam.twilio.com/v2/saml2/metadata/{SID}"));
        assert_eq!(r.reply_url, format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"));
        assert!(r.normalized.is_empty());
    }

    #[test]
    fn normalizes_case_quotes_and_space() {
        let r = realm_urls("  \"jb0123456789ABCDEF0123456789abcdef\" \n").unwrap();
        assert_eq!(r.realm_sid, SID);
        assert!(r.normalized.iter().any(|n| n.contains("quotes")));
        assert!(r.normalized.iter().any(|n| n.contains("prefix")));
        assert!(r.normalized.iter().any(|n| n.contains("lower case")));
    }

    #[test]
    fn takes_sid_from_pasted_urls() {
        for url in [
            format!("https://iam.twilio.com/v2/saml2/metadata/{SID}"),
            format!("HTTPS://IAM.TWILIO.COM/v2/saml2/authenticate/{SID}/"),
            format!("iam.twilio.com/v2/saml2/authenticate/{SID}?x=1"),
        ] {
            let r = realm_urls(&url).unwrap();
            assert_eq!(r.realm_sid, SID, "{url}");
            assert!(r.normalized.iter().any(|n| n.starts_with("took the SID")));
        }
    }

    #[test]
    fn each_unusable_sid_gets_its_code_and_says_what_it_is() {
        let cases = [
            ("nothing", "", "empty", ""),
            ("only quotes and spaces", "  '' ", "empty", ""),
            ("too short", "JB123", "wrong_length", "34 characters"),
            ("a letter past f", "JB0123456789abcdef0123456789abcdeg", "not_hex", "character 34"),
            ("an Account SID", "AC0123456789abcdef0123456789abcdef", "account_sid", "Account SID"),
            ("a Flex SSO connection", "JQ0123456789abcdef0123456789abcdef", "wrong_prefix", "Flex SSO connection"),
            ("an unknown prefix", "ZZ0123456789abcdef0123456789abcdef", "wrong_prefix", "not \"ZZ\""),
            ("letters beyond ASCII", "ÄÖ0123456789abcdef0123456789abcdef", "wrong_prefix", "starts with JB"),
        ];
        for (name, input, code, says) in cases {
            let e = realm_urls(input).unwrap_err();
            assert_eq!(e.code, code, "{name}");
            assert!(e.message.contains(says), "{name}: {}", e.message);
        }
    }
}
