//! The trace's verdict: the first thing that went wrong, in the order the browser went, as the
//! step to fix (the same diagnoses as a failure the extension saw itself), or that it works.

use serde::Serialize;

use super::Seen;
use crate::common::codes;
use crate::common::finding::{Finding, Severity};
use crate::common::ids::Step;
use crate::saml::request::RequestReport;
use crate::setup::diagnose::{diagnose, not_found, Compared, Diagnosis};
use crate::setup::twilio_errors::diagnose_twilio;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// The sign-in works as configured: a response passed every check.
    pub ok: bool,
    /// The checklist step to fix.
    pub step: Option<Step>,
    pub summary: String,
    pub fix: String,
    pub values: Vec<Compared>,
    pub code: Option<u32>,
    pub twilio_code: Option<u32>,
    pub lookup_url: Option<String>,
    /// Judged from a redacted copy: its values by their shape, its signatures by their key only.
    pub redacted: bool,
}

/// The step a response finding is fixed at.
fn step_for(code: &str) -> Step {
    match code {
        codes::DESTINATION_MISMATCH | codes::AUDIENCE_MISMATCH => Step::BasicSaml,
        codes::ISSUER_MISMATCH | codes::CERTIFICATE_MISMATCH | codes::NO_PINNED_CERTIFICATE => Step::TwilioSso,
        codes::RESPONSE_NOT_SIGNED
        | codes::ASSERTION_NOT_SIGNED
        | codes::WEAK_SIGNATURE_ALGORITHM
        | codes::ENCRYPTED_ASSERTION => Step::Signing,
        codes::MISSING_EMAIL | codes::MISSING_ROLES | codes::MISSING_CLAIM => Step::Claims,
        codes::ROLE_NOT_AGENT | codes::ROLE_NOT_PRODUCT => Step::AssignUsers,
        codes::NAME_ID_NOT_EMAIL | codes::NAME_ID_FORMAT => Step::NameId,
        _ => Step::TestSignIn,
    }
}

fn from(d: Diagnosis) -> Verdict {
    Verdict {
        ok: false,
        step: Some(d.step),
        summary: d.summary,
        fix: d.fix,
        values: d.values,
        code: d.code,
        twilio_code: d.twilio_code,
        lookup_url: d.lookup_url,
        redacted: false,
    }
}

fn plain(ok: bool, step: Option<Step>, summary: String) -> Verdict {
    Verdict {
        ok,
        step,
        summary,
        fix: String::new(),
        values: Vec::new(),
        code: None,
        twilio_code: None,
        lookup_url: None,
        redacted: false,
    }
}

/// The first error of a response, leaving out the missing pinned certificate when none was given
/// (then the signatures are simply not judged, and the verdict says so).
fn first_error(findings: &[Finding], pinned: bool) -> Option<&Finding> {
    findings.iter().find(|f| f.severity == Severity::Error && (pinned || f.code != codes::NO_PINNED_CERTIFICATE))
}

pub(super) fn judge(
    seen: &[(usize, &super::Exchange, Seen)],
    input: &super::TraceInput,
    has_sp: bool,
    inferred: bool,
) -> Verdict {
    let known = &input.known;
    let pinned = input.certificate_der.is_some();
    let mut request: Option<&RequestReport> = None;
    let mut last_issuer: Option<&str> = None;
    let mut passed = false;
    let mut redacted = false;
    for (_, _, s) in seen {
        match s {
            Seen::Request(r) => {
                request = Some(r);
                if r.findings.iter().any(|f| f.severity == Severity::Error) {
                    return from(diagnose(None, Some(r), known));
                }
            }
            Seen::EntraError(e) => return from(diagnose(Some(e), request, known)),
            Seen::NotFound => return from(not_found(request, known)),
            Seen::TwilioError(t) => return from(diagnose_twilio(t, last_issuer, known)),
            Seen::Response(r) => {
                last_issuer = r.issuer.as_deref();
                if let Some(f) = first_error(&r.findings, pinned) {
                    return plain(false, Some(step_for(f.code)), f.message.clone());
                }
                passed = true;
                redacted |= r.redacted;
            }
        }
    }
    let by = if inferred { " (the setup's values taken from the trace itself)" } else { "" };
    match (passed, has_sp) {
        (true, _) if pinned && redacted => Verdict {
            redacted: true,
            ..plain(
                true,
                None,
                format!(
                    "The response passes every check{by}. Its values were redacted for sharing: they were judged by \
                        their shape, and the signatures by the key that made them (the pinned certificate's), not by \
                        what they signed."
                ),
            )
        },
        (true, _) if pinned => plain(true, None, format!("The response passes every check{by}.")),
        (true, _) => plain(
            true,
            None,
            format!(
                "The response passes every check{by} but its signatures, which were not judged: give the app's \
                    signing certificate to verify them."
            ),
        ),
        (false, false) => plain(
            false,
            None,
            "The trace names no Frontline or Flex values, and none were given: give the setup's SID (or the \
                Console's SP metadata) to judge the response."
                .to_string(),
        ),
        (false, true) => plain(
            false,
            Some(Step::TestSignIn),
            "The trace ends before a response reached Twilio: record the whole sign-in, from Twilio's page to \
                Twilio's page."
                .to_string(),
        ),
    }
}
