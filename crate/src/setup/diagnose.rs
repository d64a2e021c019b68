//! When a sign-in fails at Entra, before any response reaches Twilio: Microsoft's error page
//! (or its text, pasted) says `AADSTS<code>: <message>`. With Twilio's request and the values
//! this realm's app must have, the code becomes one diagnosis: the step to fix, the values side
//! by side, and where in the portal to change them. Codes and meanings are from entra-docs
//! `reference-error-codes.md` and its troubleshooting articles; Microsoft warns they change, so
//! any other code is named with its lookup URL, never dropped.

use serde::Serialize;

use crate::common::codes;
use crate::common::ids::Step;
use crate::entra::lookup_url;
use crate::entra::portal::{with_labels, Lang};
use crate::product::SpUrls;
use crate::saml::request::RequestReport;

/// Error pages and pasted details are short; the cap keeps hostile input cheap.
const MAX_ERROR_TEXT: usize = 16 * 1024;

/// The error, as Microsoft's page or its troubleshooting details show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct EntraError {
    pub code: u32,
    pub message: String,
    pub request_id: Option<String>,
    pub correlation_id: Option<String>,
    pub timestamp: Option<String>,
}

/// One value as it is, beside what it must be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Compared {
    pub what: String,
    pub expected: String,
    pub actual: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// The AADSTS code, when Entra refused the sign-in.
    pub code: Option<u32>,
    /// Twilio's error code, when Twilio refused the response (`twilio_errors`).
    pub twilio_code: Option<u32>,
    /// The checklist step to fix.
    pub step: Step,
    pub summary: String,
    pub values: Vec<Compared>,
    /// Where and what to change, naming the portal's places in its language.
    pub fix: String,
    pub lookup_url: Option<String>,
}

/// What the diagnosis compares with: the realm, and what the app is known to have saved.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// The setup's resolved service-provider URLs, when its SID is valid.
    pub service_provider: Option<SpUrls>,
    /// The app's saved Reply URLs and Identifiers, when known (the SAML pane, or the CLI's flags).
    pub reply_urls: Vec<String>,
    pub identifiers: Vec<String>,
    pub lang: Lang,
    /// The Login URL the setup holds (what Twilio's Single Sign-On URL must be), when known.
    pub login_url: Option<String>,
}

/// The AADSTS code and its message, and the troubleshooting details, from an error page's text
/// or a pasted block. None when the text names no AADSTS code.
pub fn read_error(text: &str) -> Option<EntraError> {
    // Cut on a character boundary: a cut inside one would otherwise read the whole text.
    let end = (0..=MAX_ERROR_TEXT.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let text = text.get(..end).unwrap_or_default();
    let at = text.find("AADSTS")?;
    let rest = text.get(at + 6..)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).take(9).collect();
    let code = digits.parse().ok()?;
    let message = rest
        .get(digits.len()..)
        .unwrap_or_default()
        .trim_start_matches([':', ' '])
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let detail = |name: &str| {
        text.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim().eq_ignore_ascii_case(name) && !v.trim().is_empty()).then(|| v.trim().to_string())
        })
    };
    Some(EntraError {
        code,
        message,
        request_id: detail("Request Id"),
        correlation_id: detail("Correlation Id"),
        timestamp: detail("Timestamp"),
    })
}

/// What a code says: the step, a summary, the values side by side and the fix.
type Answer = (Step, String, Vec<Compared>, &'static str);

/// What the diagnosis compares: the setup's values and what Twilio's request asked.
struct Ctx<'a> {
    known: &'a Known,
    error: Option<&'a EntraError>,
    request: Option<&'a RequestReport>,
    entity: String,
    reply: String,
    asked_acs: String,
    asked_issuer: String,
}

impl Ctx<'_> {
    fn compare(&self, what: &str, expected: &str, actual: String) -> Compared {
        Compared { what: with_labels(what, self.known.lang), expected: expected.to_string(), actual }
    }

    /// The app's saved values; unknown lists: the code itself says the value is not among them.
    fn saved_or_missing(&self, list: &[String], what: &str) -> String {
        if list.is_empty() {
            format!("not among the app's {what} (AADSTS{})", self.error.map(|e| e.code).unwrap_or_default())
        } else {
            list.join(", ")
        }
    }
}

/// One diagnosis: from the error when there is one, else from the request's own findings.
pub fn diagnose(error: Option<&EntraError>, request: Option<&RequestReport>, known: &Known) -> Diagnosis {
    let urls = known.service_provider.as_ref();
    let ctx = Ctx {
        known,
        error,
        request,
        entity: urls.as_ref().map(|u| u.sp_entity_id.clone()).unwrap_or_default(),
        reply: urls.as_ref().map(|u| u.reply_url.clone()).unwrap_or_default(),
        asked_acs: request.and_then(|r| r.assertion_consumer_service_url.clone()).unwrap_or_default(),
        asked_issuer: request.and_then(|r| r.issuer.clone()).unwrap_or_default(),
    };
    let l = |t: &str| with_labels(t, known.lang);
    let code = error.map(|e| e.code);
    let (step, summary, values, fix) = match code {
        Some(c) => compared(c, &ctx).unwrap_or_else(|| plain(c, &ctx)),
        None => from_request(&ctx),
    };
    let values = values.into_iter().filter(|c| !c.actual.is_empty() && c.actual != c.expected).collect();
    Diagnosis { code, twilio_code: None, step, summary, values, fix: l(fix), lookup_url: code.map(lookup_url) }
}

/// The codes whose values can be compared side by side.
fn compared(code: u32, ctx: &Ctx) -> Option<Answer> {
    let (known, request) = (ctx.known, ctx.request);
    let (entity, reply) = (&ctx.entity, &ctx.reply);
    let (asked_acs, asked_issuer) = (ctx.asked_acs.clone(), ctx.asked_issuer.clone());
    Some(match code {
        50011 => (
            Step::BasicSaml,
            "The Reply URL Twilio asks Entra to post to is not one of the app's Reply URLs (they are compared \
                exactly, case included)."
                .into(),
            vec![
                ctx.compare("Twilio asks to post to", reply, asked_acs),
                ctx.compare("[ReplyUrl] in the app", reply, ctx.saved_or_missing(&known.reply_urls, "Reply URLs")),
            ],
            "Entra → the app → Single sign-on → [BasicSaml] → Edit: add the Reply URL exactly as shown, make it \
                Default, Save; then try again.",
        ),
        700016 | 650056 => (
            Step::BasicSaml,
            "No app in this tenant has Twilio's Issuer as its Identifier (or the request's Issuer is not one).".into(),
            vec![
                ctx.compare("Twilio signs in as", entity, asked_issuer),
                ctx.compare("[Identifier] in the app", entity, ctx.saved_or_missing(&known.identifiers, "Identifiers")),
            ],
            "Entra → the app → Single sign-on → [BasicSaml] → Edit: set the [Identifier] exactly as shown, Save. If \
                it is there already, Twilio's SSO URL may name another tenant: compare it with the app's Login URL.",
        ),
        75011 => (
            Step::TestSignIn,
            "Twilio asked for a way of signing in (RequestedAuthnContext) other than the one the user used.".into(),
            request
                .map(|r| {
                    vec![ctx.compare("Twilio asks for", "(no particular method)", r.requested_authn_context.join(", "))]
                })
                .unwrap_or_default(),
            "Sign out of Microsoft in this browser and sign in to Frontline again with a password; if it persists, \
                ask Twilio support about the requested authentication context.",
        ),
        _ => return None,
    })
}

/// The codes that name a step and a fix, with nothing to compare.
fn plain(code: u32, ctx: &Ctx) -> Answer {
    let error = ctx.error;
    match code {
        50105 => (
            Step::AssignUsers,
            "The user is not assigned to the app, or not to a role in it.".into(),
            Vec::new(),
            "Entra → the app → Users and groups → Add user/group: the user (or a group they are in), with the role \
                Agent; then sign in again.",
        ),
        501241 => (
            Step::Claims,
            "The Unique User Identifier (Name ID) has no source for this user.".into(),
            Vec::new(),
            "Entra → the app → Single sign-on → [ClaimsSection] → Unique User Identifier (Name ID): choose a source \
                the user has, such as user.userprincipalname or user.mail.",
        ),
        76021 => (
            Step::Signing,
            "Entra requires signed requests for this app, and Twilio's request is not signed.".into(),
            Vec::new(),
            "Entra → the app → Single sign-on → [SamlCertificates] → Verification certificates: turn off \"Require \
                verification certificates\".",
        ),
        750054 => (
            Step::TwilioSso,
            "The sign-in address was opened without Twilio's request (no SAMLRequest in its query string).".into(),
            Vec::new(),
            "Start the sign-in from the Frontline app, not from the Login URL; and check that Twilio's SSO URL is \
                the Login URL from Entra.",
        ),
        75016 | 900236 | 75005 | 90014 => (
            Step::TwilioSso,
            "Entra could not accept Twilio's request as sent (a NameID policy, a property or a field it refuses or \
                misses)."
                .into(),
            Vec::new(),
            "Check Twilio's SSO URL and Identity Provider Issuer against the values from Entra; if they match, send \
                the request shown here to Twilio support.",
        ),
        _ => (
            Step::TestSignIn,
            error.map(|e| format!("Entra refused the sign-in: {}", e.message)).unwrap_or_default(),
            Vec::new(),
            "This code is not one the assistant knows: its lookup page says what it means.",
        ),
    }
}

/// No error code: the request's own first finding, if any.
fn from_request(ctx: &Ctx) -> Answer {
    let (entity, reply) = (&ctx.entity, &ctx.reply);
    let (asked_acs, asked_issuer) = (ctx.asked_acs.clone(), ctx.asked_issuer.clone());
    match ctx.request.and_then(|r| r.findings.iter().find(|f| f.code.starts_with("request_"))) {
        Some(f) => (
            if f.code == codes::REQUEST_DESTINATION_UNKNOWN { Step::TwilioSso } else { Step::BasicSaml },
            f.message.clone(),
            vec![ctx.compare("[Identifier]", entity, asked_issuer), ctx.compare("[ReplyUrl]", reply, asked_acs)],
            "Fix the value named above, then try again.",
        ),
        None => (Step::TestSignIn, "No error was found in what was given.".into(), Vec::new(), ""),
    }
}

/// Whether a page without an AADSTS code says it does not exist (an HTTP 404 at the sign-in host).
pub fn is_not_found(text: &str) -> bool {
    let t = text.get(..MAX_ERROR_TEXT.min(text.len())).unwrap_or(text).to_lowercase();
    t.contains("404") || t.contains("not found") || t.contains("can't be found") || t.contains("cannot be found")
}

/// Twilio sent the sign-in to a page of the sign-in host that does not exist: the Single Sign-On
/// URL Twilio holds is not Entra's Login URL (Twilio's troubleshooting page: "404 at the IdP").
pub fn not_found(request: Option<&RequestReport>, known: &Known) -> Diagnosis {
    let sent_to = request.and_then(|r| r.destination.clone()).unwrap_or_default();
    let expected = known.login_url.clone().unwrap_or_default();
    let values = if sent_to.is_empty() || sent_to == expected {
        Vec::new()
    } else {
        vec![Compared { what: "Twilio sent the sign-in to".into(), expected, actual: sent_to }]
    };
    Diagnosis {
        code: None,
        twilio_code: None,
        step: Step::TwilioSso,
        summary: "Twilio sent the sign-in to a page that does not exist (404): the Single Sign-On URL Twilio holds \
            is not Entra's Login URL (or the Issuer names another tenant)."
            .into(),
        values,
        fix: with_labels(
            "In Twilio, set the Single Sign-On URL to the app's [LoginUrl] and the Issuer to the [EntraIdentifier] \
                (the values in this panel), Save, and test again.",
            known.lang,
        ),
        lookup_url: None,
    }
}
