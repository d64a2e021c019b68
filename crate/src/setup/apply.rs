//! Events in, new setup out: what each event changes, what it proves, and the renewal it leads on.

use super::*;
use crate::cert::certificate::{decode, inspect_certificate, CertInput, CertificateReport};
use crate::common::codes;
use crate::common::finding::{CoreError, Finding, Severity};
use crate::common::ids::Step;
use crate::entra::links;
use crate::entra::portal::with_labels;
use crate::saml::metadata::parse_metadata;
use crate::saml::response::{check_response, Expectations};
use crate::setup::checklist::{ChecklistEvent, Status};
use crate::setup::idp::{check_idp_values, metadata_agreement, IdpCheck, IdpInput};
use crate::setup::renewal::{self, Renewal};

/// Apply one event. Only an unreadable certificate or an unknown step is an error; the
/// setup is then unchanged.
pub fn apply_event(setup: Setup, event: &SetupEvent, now: i64) -> Result<Setup, CoreError> {
    let mut s = Setup { checklist: setup.checklist.normalized(), ..setup };
    // The panel shows a due renewal before anything stored it: its steps can be marked at once.
    if matches!(event, SetupEvent::Checklist(e) if e.step().is_renewal()) {
        start_renewal_if_due(&mut s, now);
    }
    // A test sign-in's outcome, for the renewal to follow.
    let mut signed_in: Option<(Status, String)> = None;
    match event {
        SetupEvent::SetProduct(p) => {
            s.product = Some(*p);
            s = observe_sp_metadata(s, now)?;
        }
        SetupEvent::SetRealmSid { value } => {
            s.sp_input = value.trim().to_string();
            s = observe_sp_metadata(s, now)?;
        }
        SetupEvent::SetRegion { value } => s.region = value.trim().to_string(),
        SetupEvent::SetWorkspaceId { value } => s.workspace_id = value.trim().to_string(),
        SetupEvent::SetAppName { value } => s.app_name = value.trim().to_string(),
        SetupEvent::SetIdpValues { login_url, entra_identifier, place } => {
            if let Some(v) = login_url {
                s.login_url = v.trim().to_string();
            }
            if let Some(v) = entra_identifier {
                s.entra_identifier = v.trim().to_string();
            }
            s = observe_idp(s, place.as_deref().unwrap_or("side panel"), now)?;
        }
        SetupEvent::SetCertificate { text, bytes, source } => s = set_certificate(s, text, bytes, source, now)?,
        SetupEvent::ClearCertificate => {
            s.certificate_pem = None;
            s.certificate_source = None;
            s.checklist = s.checklist.apply(&ChecklistEvent::Undo { step: Step::Certificate }, now)?;
        }
        SetupEvent::CertificateFromMetadata { xml, source } => s = certificate_from_metadata(s, xml, source, now)?,
        SetupEvent::SetPortalCapture { thumbprint, expiration, metadata_url } => {
            s.portal = portal_capture(&s.portal, thumbprint, expiration, metadata_url);
        }
        SetupEvent::SetPortalLang(lang) => s.portal.lang = *lang,
        SetupEvent::SetPortalApp(ids) => s.portal.app = Some(links::merge(s.portal.app.as_ref(), ids.clone())),
        SetupEvent::PortalCertificates { certs, .. } => {
            if let Some(active) = certs.iter().find(|c| c.active) {
                s.portal.thumbprint = Some(active.thumbprint.clone());
                s.portal.expiration = Some(active.expiration.clone()).filter(|e| !e.is_empty());
            }
        }
        SetupEvent::CheckCertificate => {}
        SetupEvent::SignInResponse { text, source } => {
            let (next, outcome) = sign_in_response(s, text, source, now)?;
            s = next;
            signed_in = Some(outcome);
        }
        SetupEvent::SignInRequest { text, source } => s = sign_in_request(s, text, source, now)?,
        SetupEvent::SignInFailure { text, source } => s = sign_in_failure(s, text, source, now)?,
        SetupEvent::SignInTrace { text, source } => s = sign_in_trace(s, text, source, now)?,
        SetupEvent::ClearSignInFailure => s.sign_in_failure = None,
        SetupEvent::ApproveReplace { id } => {
            if !s.conflicts.iter().any(|c| &c.id == id) {
                return Err(CoreError::new(
                    codes::UNKNOWN_CONFLICT,
                    "That conflict is no longer there; collect the page again.",
                ));
            }
            if !s.replace.contains(id) {
                s.replace.push(id.clone());
            }
        }
        SetupEvent::Checklist(e) if e.step().is_renewal() => {
            let r = s.renewal.take().ok_or_else(|| {
                CoreError::new(codes::NO_RENEWAL, "No certificate renewal is under way for this setup.")
            })?;
            s.renewal = Some(r.apply(e, now)?);
        }
        SetupEvent::Checklist(e) => s = observe_main(s, e.clone(), now)?,
    }
    s = follow_renewal(s, event, signed_in, now)?;
    s.updated_at = now;
    Ok(s)
}

/// One of the setup's own steps. While a renewal is under way, Twilio's page and the test
/// sign-in are expected to disagree for a while: a done step is then not taken back, and the
/// renewal's steps record what was seen.
fn observe_main(mut s: Setup, e: ChecklistEvent, now: i64) -> Result<Setup, CoreError> {
    if let ChecklistEvent::Observed { step: step @ (Step::TwilioSso | Step::TestSignIn), outcome, .. } = &e {
        if s.renewal.is_some() && *outcome != Status::Done && s.checklist.status_of(*step) == Status::Done {
            return Ok(s);
        }
    }
    s.checklist = s.checklist.apply(&e, now)?;
    Ok(s)
}

/// The admin's certificate (pasted, dropped): inspected, and its PEM kept (the certificate's own
/// bytes, never a key or trailing data).
fn set_certificate(
    mut s: Setup,
    text: &Option<String>,
    bytes: &Option<Vec<u8>>,
    source: &str,
    now: i64,
) -> Result<Setup, CoreError> {
    let input = match (bytes, text) {
        (Some(b), _) => CertInput::Bytes(b),
        (None, Some(t)) => CertInput::Text(t),
        (None, None) => return Err(CoreError::new(codes::EMPTY, "No certificate was given.")),
    };
    let report = inspect_certificate(input, now)?;
    s.certificate_pem = Some(report.pem.clone());
    s.certificate_source = Some(source.to_string());
    let (outcome, what) = judge_certificate(&report);
    s.checklist = s.checklist.apply(&observed(Step::Certificate, outcome, what, source), now)?;
    Ok(s)
}

/// What the SAML pane showed, over what an earlier look captured: an empty value keeps the old one.
fn portal_capture(
    old: &PortalCapture,
    thumbprint: &Option<String>,
    expiration: &Option<String>,
    metadata_url: &Option<String>,
) -> PortalCapture {
    let keep =
        |new: &Option<String>, old: &Option<String>| new.clone().filter(|v| !v.trim().is_empty()).or(old.clone());
    PortalCapture {
        thumbprint: keep(thumbprint, &old.thumbprint).map(|t| t.replace([' ', ':'], "").to_ascii_uppercase()),
        expiration: keep(expiration, &old.expiration),
        metadata_url: keep(metadata_url, &old.metadata_url),
        ..old.clone()
    }
}

/// Twilio's request, captured by the watch: kept, and a wrong Reply URL named before Entra
/// answers; never over a sign-in a verified response already proved.
fn sign_in_request(mut s: Setup, text: &str, source: &str, now: i64) -> Result<Setup, CoreError> {
    let (request, problem) = crate::setup::signin_failure::captured(text, source, &s.urls()?, now)?;
    s.sign_in_request = Some(request);
    if let Some(p) = problem.filter(|_| !s.signed_in_verified()) {
        let what = format!("Twilio's request: {p}");
        s = observe_main(s, observed(Step::TestSignIn, Status::Attention, what, source), now)?;
    }
    Ok(s)
}

/// A sign-in Entra refused: the diagnosis, with the request captured before it.
fn sign_in_failure(mut s: Setup, text: &str, source: &str, now: i64) -> Result<Setup, CoreError> {
    let (urls, lang) = (s.urls().ok(), s.portal.lang);
    let login = Some(s.login_url.clone()).filter(|l| !l.is_empty());
    let f = crate::setup::signin_failure::failed(
        text,
        source,
        urls.as_ref(),
        lang,
        login,
        s.sign_in_request.as_ref(),
        now,
    )?;
    let what = match f.code {
        Some(c) => format!("Entra refused the sign-in (AADSTS{c}): {}", f.summary),
        None => f.summary.clone(),
    };
    s.sign_in_failure = Some(f);
    observe_main(s, observed(Step::TestSignIn, Status::Attention, what, source), now)
}

/// A test sign-in's response, checked: only the result is kept. Returns the outcome, which the
/// renewal follows.
fn sign_in_response(mut s: Setup, text: &str, source: &str, now: i64) -> Result<(Setup, (Status, String)), CoreError> {
    let expect = Expectations {
        service_provider: s.urls()?,
        entra_identifier: Some(s.entra_identifier.clone()).filter(|i| !i.is_empty()),
        certificate_der: s
            .certificate_pem
            .as_deref()
            .and_then(|p| decode(CertInput::Text(p)).ok())
            .and_then(|d| d.into_iter().next()),
    };
    let r = check_response(text, &expect, now)?;
    let errors: Vec<&Finding> = r.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    if errors.is_empty() && r.redacted && s.signed_in_verified() {
        return Ok((s, (Status::Done, REDACTED_COPY.to_string()))); // a copy of a verified sign-in changes nothing
    }
    let (outcome, what) = if errors.is_empty() && r.redacted {
        (Status::Attention, REDACTED_COPY.to_string())
    } else if errors.is_empty() {
        (
            Status::Done,
            format!(
                "Sign-in as {} checked: every check passes. {}",
                r.name_id.as_deref().unwrap_or("?"),
                r.signature_note
            ),
        )
    } else {
        let codes: Vec<&str> = errors.iter().map(|f| f.code).collect();
        (Status::Attention, format!("Sign-in as {} fails: {}", r.name_id.as_deref().unwrap_or("?"), codes.join(", ")))
    };
    s.sign_in = Some(SignIn {
        at: now,
        source: source.to_string(),
        status: r.status.clone(),
        issuer: r.issuer.clone(),
        audience: r.audience.clone(),
        name_id: r.name_id.clone(),
        attributes: r
            .attributes
            .iter()
            .map(|a| SignInAttribute { name: a.name.clone(), values: a.values.clone() })
            .collect(),
        signature_note: r.signature_note.clone(),
        findings: r
            .findings
            .iter()
            .map(|f| StoredFinding {
                code: f.code.into(),
                severity: f.severity.label().into(),
                message: f.message.clone(),
            })
            .collect(),
    });
    if outcome == Status::Done {
        s.sign_in_failure = None;
    }
    let s = observe_main(s, observed(Step::TestSignIn, outcome, what.clone(), source), now)?;
    Ok((s, (outcome, what)))
}

/// The events that start or lead on a renewal; the rest (values typed, steps observed) never do.
fn follows(event: &SetupEvent) -> bool {
    match event {
        SetupEvent::CheckCertificate
        | SetupEvent::PortalCertificates { .. }
        | SetupEvent::SetPortalCapture { .. }
        | SetupEvent::SetCertificate { .. }
        | SetupEvent::CertificateFromMetadata { .. }
        | SetupEvent::SignInResponse { .. } => true,
        SetupEvent::Checklist(e) => e.step().is_renewal() || e.step() == Step::TwilioSso,
        _ => false,
    }
}

/// Starts the renewal when the setup's certificate is due; returns that certificate.
fn start_renewal_if_due(s: &mut Setup, now: i64) -> Option<CertificateReport> {
    let cert = renewal::current(s.certificate_pem.as_deref(), now);
    if s.renewal.is_none() {
        s.renewal = cert.as_ref().filter(|c| renewal::due(c)).map(|c| Renewal::start(c, now));
    }
    cert
}

/// The renewal: started when the certificate is due, led on by what the pages show, and
/// closed once a sign-in verifies against the new certificate.
fn follow_renewal(
    mut s: Setup,
    event: &SetupEvent,
    signed_in: Option<(Status, String)>,
    now: i64,
) -> Result<Setup, CoreError> {
    // Inspecting the certificate verifies its signature: only the events the renewal follows pay.
    if !follows(event) {
        return Ok(s);
    }
    let cert = start_renewal_if_due(&mut s, now);
    let Some(r) = s.renewal.take() else {
        return Ok(s);
    };
    let pane = with_labels("Azure portal — [SamlCertificates]", s.portal.lang);
    let r = match event {
        SetupEvent::PortalCertificates { certs, place } => r.saw_list(certs, place, now)?,
        SetupEvent::SetPortalCapture { .. } => match s.portal.thumbprint.clone() {
            Some(t) => r.saw_active(&t, &pane, now)?,
            None => r,
        },
        SetupEvent::SetCertificate { source, .. } | SetupEvent::CertificateFromMetadata { source, .. } => match &cert {
            Some(c) => r.took(c, source, now)?,
            None => r,
        },
        SetupEvent::Checklist(ChecklistEvent::Observed { step: Step::TwilioSso, outcome, what, place, .. }) => {
            r.twilio(*outcome, what, place, now)?
        }
        SetupEvent::SignInResponse { source, .. } => match &signed_in {
            Some((outcome, what)) => r.sign_in(*outcome, what, source, now)?,
            None => r,
        },
        _ => r,
    };
    if !r.finished() {
        s.renewal = Some(r);
        return Ok(s);
    }
    let what = format!(
        "Renewed: {} replaces {}, verified by a test sign-in",
        r.new_thumbprint.as_deref().unwrap_or("?"),
        r.old_thumbprint
    );
    s.checklist = s.checklist.apply(&observed(Step::Certificate, Status::Done, what, "certificate renewal"), now)?;
    Ok(s)
}

/// Take the signing certificate out of federation metadata: the one whose thumbprint the
/// portal shows (else the metadata's own choice), cross-checked with the captured values.
fn certificate_from_metadata(mut s: Setup, xml: &str, source: &str, now: i64) -> Result<Setup, CoreError> {
    let md = parse_metadata(xml, now)?;
    let wanted = s.portal.thumbprint.clone();
    let picked = match &wanted {
        Some(t) => md.certificates.iter().find(|c| &c.thumbprint_sha1 == t),
        None => md.chosen(),
    };
    let mut problems: Vec<String> = Vec::new();
    let cert = match (picked, &wanted) {
        (Some(c), _) => c,
        (None, Some(t)) => {
            problems.push(format!(
                "none of the metadata's {} signing certificates has the thumbprint the portal shows \
                ({t}); download the metadata of this app again",
                md.certificates.len()
            ));
            md.chosen().ok_or_else(|| {
                CoreError::new(codes::NO_SIGNING_CERTIFICATE, "The metadata holds no signing certificate.")
            })?
        }
        (None, None) => {
            return Err(CoreError::new(codes::NO_SIGNING_CERTIFICATE, "The metadata holds no signing certificate."))
        }
    };
    problems.extend(metadata_agreement(&md, &s.login_url, &s.entra_identifier).into_iter().map(|f| f.message));
    let der = crate::cert::certificate::decode_base64(
        cert.pem.lines().filter(|l| !l.starts_with("-----")).collect::<String>().as_str(),
    )?;
    let report = inspect_certificate(CertInput::Bytes(&der), now)?;
    s.certificate_pem = Some(report.pem.clone());
    s.certificate_source = Some(source.to_string());
    let (mut outcome, mut what) = judge_certificate(&report);
    if !problems.is_empty() {
        outcome = Status::Attention;
        what = format!("{what}; {}", problems.join("; "));
    }
    s.checklist = s.checklist.apply(&observed(Step::Certificate, outcome, what, source), now)?;
    Ok(s)
}

fn observed(step: Step, outcome: Status, what: String, place: &str) -> ChecklistEvent {
    ChecklistEvent::Observed { step, outcome, what, place: place.into(), missing_claims: Vec::new() }
}

fn judge_certificate(r: &CertificateReport) -> (Status, String) {
    let summary = format!("{} — thumbprint {}, expires {}", r.subject, r.thumbprint_sha1, r.not_after);
    match r.findings.iter().find(|f| f.severity == Severity::Error) {
        Some(f) => (Status::Attention, format!("{summary}: {}", f.message)),
        None => (Status::Done, summary),
    }
}

/// Once both values are known, the core judges them and records the outcome on `capture-idp`.
fn observe_idp(s: Setup, place: &str, now: i64) -> Result<Setup, CoreError> {
    if s.login_url.is_empty() || s.entra_identifier.is_empty() {
        return Ok(s);
    }
    let check = idp_check(&s, now);
    let (outcome, what) = match check.findings.iter().find(|f| f.severity == Severity::Error) {
        Some(f) => (Status::Attention, f.message.clone()),
        None => (
            Status::Done,
            format!("Login URL and identifier agree (tenant {})", check.tenant_id.as_deref().unwrap_or("?")),
        ),
    };
    let checklist = s.checklist.clone().apply(&observed(Step::CaptureIdp, outcome, what, place), now)?;
    Ok(Setup { checklist, ..s })
}

pub(super) fn idp_check(s: &Setup, now: i64) -> IdpCheck {
    check_idp_values(
        &IdpInput { login_url: s.login_url.clone(), entra_identifier: s.entra_identifier.clone(), metadata_xml: None },
        now,
    )
}

/// Console's first step is its SP metadata: done once the setup holds metadata the core reads.
fn observe_sp_metadata(s: Setup, now: i64) -> Result<Setup, CoreError> {
    if s.product() != Product::Console || s.sp_input.is_empty() {
        return Ok(s);
    }
    let (outcome, what) = match s.urls() {
        Ok(u) => (Status::Done, format!("SP metadata read: Identifier {}, Reply URL {}", u.sp_entity_id, u.reply_url)),
        Err(e) => (Status::Attention, e.message),
    };
    let event = ChecklistEvent::Observed {
        step: Step::SpMetadata,
        outcome,
        what,
        place: "side panel".into(),
        missing_claims: Vec::new(),
    };
    let checklist = s.checklist.clone().apply(&event, now)?;
    Ok(Setup { checklist, ..s })
}

/// A redacted copy of a response (an export for support) passes, but proves no sign-in of this setup.
const REDACTED_COPY: &str = "A redacted copy passes every check it allows (its values are shapes, its signatures \
    judged by their key only), but proves no sign-in: run the test sign-in, or give the export with its values.";

/// A recorded sign-in: its verdict, as a failure to fix or as the test sign-in's evidence. The
/// file itself is never kept, nor its timeline.
#[cfg(feature = "xmldsig")]
fn sign_in_trace(mut s: Setup, text: &str, source: &str, now: i64) -> Result<Setup, CoreError> {
    let r = crate::setup::trace::check_trace(text, &crate::setup::trace::input_of(&s), now)?;
    let v = r.verdict;
    if v.redacted && s.signed_in_verified() {
        return Ok(s); // a copy of a verified sign-in changes nothing
    }
    let outcome = if v.ok && !v.redacted { Status::Done } else { Status::Attention };
    let what = if v.redacted { format!("{source}: {REDACTED_COPY}") } else { format!("{source}: {}", v.summary) };
    if !v.ok && v.step.is_some() {
        s.sign_in_failure = Some(SignInFailure {
            at: now,
            source: source.to_string(),
            code: v.code,
            twilio_code: v.twilio_code,
            step: v.step,
            summary: v.summary,
            values: v
                .values
                .into_iter()
                .map(|c| ComparedValue { what: c.what, expected: c.expected, actual: c.actual })
                .collect(),
            fix: v.fix,
            lookup_url: v.lookup_url,
            ..SignInFailure::default()
        });
    }
    observe_main(s, observed(Step::TestSignIn, outcome, what, source), now)
}

#[cfg(not(feature = "xmldsig"))]
fn sign_in_trace(_: Setup, _: &str, _: &str, _: i64) -> Result<Setup, CoreError> {
    Err(CoreError::new(
        codes::NEEDS_FULL_CORE,
        "This part of the extension cannot read a trace. Reload the extension from chrome://extensions and try again.",
    ))
}
