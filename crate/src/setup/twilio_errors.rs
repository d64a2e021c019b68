//! The errors Twilio shows when it refuses a SAML response, by code: the step to fix and the
//! value to compare. Twilio's error dictionary is at twilio.com/docs/api/errors/<code>; the two
//! codes here are the ones admins report from Frontline and Flex sign-ins ("70251 no valid
//! certificate for identity realm", "70004 invalid issuer"). Their pages could not be read from
//! here, so their wording and meaning are INFERRED from those reports and from what Twilio checks;
//! any other 70xxx code is named with its dictionary link, never dropped.

use serde::Serialize;

use crate::common::ids::Step;
use crate::entra::portal::with_labels;
use crate::product::twilio_error_url;
use crate::setup::diagnose::{Diagnosis, Known};

/// Error texts are short; a long page is read this far.
const MAX_TEXT: usize = 16 * 1024;

/// A Twilio error as a page or a pasted text shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TwilioError {
    pub code: u32,
    /// The rest of its line, as shown.
    pub message: String,
}

/// A five-digit code of Twilio's identity range (70000–70999) standing alone in the text (not
/// inside a longer number, not after "AADSTS"), with the rest of its line.
pub fn read_twilio_error(text: &str) -> Option<TwilioError> {
    let end = (0..=MAX_TEXT.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let text = text.get(..end).unwrap_or_default();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|t| t.find("70")) {
        let start = at + found;
        let stop = start + 5;
        at = start + 2;
        let digits = text.get(start..stop).unwrap_or_default();
        let alone = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_none_or(|b| !b.is_ascii_alphanumeric());
        let after_aadsts = text.get(..start).is_some_and(|b| b.ends_with("AADSTS"));
        if digits.len() == 5
            && digits.bytes().all(|b| b.is_ascii_digit())
            && alone(start.checked_sub(1))
            && alone(Some(stop))
            && !after_aadsts
        {
            let code = digits.parse().ok()?;
            let line = text.get(stop..).unwrap_or_default().lines().next().unwrap_or_default();
            let message = line.trim_start_matches([':', ' ', '-', '—']).trim().to_string();
            return Some(TwilioError { code, message });
        }
    }
    None
}

/// What a Twilio code means for this setup: the step, the values side by side, the fix.
pub fn diagnose_twilio(error: &TwilioError, response_issuer: Option<&str>, known: &Known) -> Diagnosis {
    let lang = known.lang;
    let (step, summary, values, fix) = match error.code {
        70251 => (
            Step::TwilioSso,
            "Twilio found no valid certificate for this realm: the X.509 certificate in Twilio is missing, expired, \
                or not the one Entra signs with."
                .to_string(),
            Vec::new(),
            "Download \"Certificate (Base64)\" from Entra's [SamlCertificates] (the Active one), check it in this \
                panel, and put it in Twilio's X.509 Certificate field; Save, then sign in again.",
        ),
        70004 => (
            Step::TwilioSso,
            format!(
                "Twilio refused the response's Issuer{}: the Identity Provider Issuer in Twilio is not exactly the \
                    [EntraIdentifier] (a missing trailing slash, another tenant).",
                response_issuer.map(|i| format!(" ({i})")).unwrap_or_default()
            ),
            Vec::new(),
            "Copy the [EntraIdentifier] from Entra (section 4 of the SAML page) into Twilio's Identity Provider \
                Issuer, exactly, trailing slash included; Save, then sign in again.",
        ),
        _ => (
            Step::TestSignIn,
            format!("Twilio refused the sign-in (error {}): {}", error.code, error.message),
            Vec::new(),
            "This code is not one the assistant knows: its page in Twilio's error dictionary says what it means.",
        ),
    };
    Diagnosis {
        code: None,
        twilio_code: Some(error.code),
        step,
        summary: with_labels(&summary, lang),
        values,
        fix: with_labels(fix, lang),
        lookup_url: Some(twilio_error_url(error.code)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_twilio_code_is_read_where_it_stands_alone() {
        let cases: [(&str, &str, Option<u32>); 7] = [
            ("Twilio's wording", "Error 70251: no valid certificate for identity realm", Some(70251)),
            ("a pasted line", "70004 invalid issuer", Some(70004)),
            ("another 70xxx code", "Twilio error - 70999 something new", Some(70999)),
            ("an AADSTS code is Microsoft's", "AADSTS70011: The provided value is invalid", None),
            ("inside a longer number", "Request 1700044 failed", None),
            ("inside a word", "id x70251y", None),
            ("no code", "Sorry, something went wrong.", None),
        ];
        for (name, text, want) in cases {
            assert_eq!(read_twilio_error(text).map(|e| e.code), want, "{name}");
        }
        let e = read_twilio_error("Error 70251: no valid certificate for identity realm").map(|e| e.message);
        assert_eq!(e.as_deref(), Some("no valid certificate for identity realm"));
    }
}
