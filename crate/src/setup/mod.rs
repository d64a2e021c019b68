//! One setup (one product, one SID): what the admin entered or the pages showed, plus its
//! checklist. Events in, new setup out; the view and the summary are derived, never stored.
//! Around it: the checklist, the guide the panel leads with, the plan (the CLI's and the API's),
//! the certificate renewal, the IdP values' check, the typed ids, and a failed sign-in's
//! diagnosis.

pub mod checklist;
#[cfg(feature = "xmldsig")]
pub mod diagnose;
pub mod guide;
pub mod idp;
pub mod ids;
pub mod plan;
pub mod renewal;
pub mod signin_failure;
mod summary;

pub use summary::summary_markdown;

use serde::{Deserialize, Serialize};

use crate::cert::certificate::{decode, inspect_certificate, CertInput, CertificateReport};
use crate::common::codes;
use crate::common::finding::{CoreError, Finding, Severity};
use crate::entra::links::{self, AppIds};
use crate::entra::lookup_url;
use crate::entra::portal::{with_labels, Label, Lang};
use crate::product::{self, sp_urls, Product, SpUrls};
use crate::saml::metadata::parse_metadata;
use crate::saml::response::{check_response, Expectations};
use crate::setup::checklist::{Checklist, ChecklistEvent, Status};
use crate::setup::guide::{Badge, Known, RenewalView, StepView};
use crate::setup::idp::{check_idp_values, metadata_agreement, IdpCheck, IdpInput};
use crate::setup::ids::{FormId, Step};
use crate::setup::plan::check_workspace_id;
use crate::setup::renewal::{ListedCert, Renewal};
pub use crate::setup::signin_failure::{CapturedRequest, ComparedValue, SignInFailure};

/// The stored form. Raw inputs are kept as typed, so nothing the admin typed is lost;
/// validity is recomputed by `view`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Setup {
    pub id: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The Twilio product the admin chose for this setup. Until then, the SID typed names it
    /// (a pasted `JQ…` picks Flex by itself), else Frontline: setups stored before products existed
    /// are Frontline's (see `product()`).
    pub product: Option<Product>,
    /// The product's SID as typed: a Realm SID (JB…), an SSO connection SID (JQ…), or a URL holding one.
    pub realm_sid_input: String,
    /// Flex's region as chosen (empty: us1, or the pasted ACS URL's).
    pub region: String,
    pub workspace_id: String,
    pub app_name: String,
    pub login_url: String,
    pub entra_identifier: String,
    /// Normalized PEM of the certificate the admin gave, if it could be read.
    pub certificate_pem: Option<String>,
    /// Where it came from: "file entra.cer", "paste", "metadata …".
    pub certificate_source: Option<String>,
    /// Read from the portal's SAML Certificates section.
    pub portal: PortalCapture,
    /// Fields that hold a different value than the plan: never overwritten until approved.
    pub conflicts: Vec<Conflict>,
    /// Conflict ids the admin approved with "Replace".
    pub replace: Vec<String>,
    /// The last test sign-in's check (never the raw response).
    pub sign_in: Option<SignIn>,
    /// Twilio's request of the last test sign-in, as captured (a request holds nothing secret).
    pub sign_in_request: Option<CapturedRequest>,
    /// The last sign-in that failed at Entra, diagnosed; cleared by a sign-in that passes.
    pub sign_in_failure: Option<SignInFailure>,
    pub checklist: Checklist,
    /// The certificate rollover under way, from 60 days before the certificate expires.
    pub renewal: Option<Renewal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SignIn {
    pub at: i64,
    pub source: String,
    pub status: String,
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub name_id: Option<String>,
    pub attributes: Vec<SignInAttribute>,
    pub signature_note: String,
    pub findings: Vec<StoredFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SignInAttribute {
    pub name: String,
    pub values: Vec<String>,
}

/// A finding as stored (findings themselves carry `&'static` codes, for the core's own use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct StoredFinding {
    pub code: String,
    pub severity: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PortalCapture {
    pub thumbprint: Option<String>,
    pub expiration: Option<String>,
    pub metadata_url: Option<String>,
    /// The language the Azure portal was last seen in: steps and hints name its places so.
    pub lang: Lang,
    /// The app's ids from the portal's URL, for links into its own blades.
    pub app: Option<AppIds>,
}

/// A field that already holds something else. Shown in the panel with a "Replace" action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Stable: "<form>/<field>", e.g. "basic-saml/reply-url".
    pub id: String,
    pub form: FormId,
    pub step: Step,
    pub field: String,
    pub current: String,
    pub wanted: String,
    pub at: i64,
}

/// Read from `{type, ...}` objects by `js_read::inputs::event`, which the bindings call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupEvent {
    /// The product the setup is for (the panel's first question, or its one-click switch).
    SetProduct(Product),
    SetRealmSid {
        value: String,
    },
    /// Flex's region.
    SetRegion {
        value: String,
    },
    SetWorkspaceId {
        value: String,
    },
    SetAppName {
        value: String,
    },
    /// Login URL and/or identifier, typed in the panel or captured from the portal.
    SetIdpValues {
        login_url: Option<String>,
        entra_identifier: Option<String>,
        place: Option<String>,
    },
    /// A certificate as text (PEM/base64) or bytes (DER, or text as bytes).
    SetCertificate {
        text: Option<String>,
        bytes: Option<Vec<u8>>,
        source: String,
    },
    ClearCertificate,
    /// The certificate from the app's federation metadata, picked by the portal's thumbprint.
    CertificateFromMetadata {
        xml: String,
        source: String,
    },
    /// Values read from the portal's SAML Certificates section.
    SetPortalCapture {
        thumbprint: Option<String>,
        expiration: Option<String>,
        metadata_url: Option<String>,
    },
    /// The Azure portal's language, from a page recognised in it.
    SetPortalLang(Lang),
    /// The app's ids, from the URL of a portal page that showed one of its forms.
    SetPortalApp(AppIds),
    /// The certificate list of the SAML Certificates edit blade.
    PortalCertificates {
        certs: Vec<ListedCert>,
        place: String,
    },
    /// The daily look at the certificate: starts the renewal when it is due.
    CheckCertificate,
    /// A SAMLResponse from a test sign-in (captured or pasted): checked, and only the result kept.
    SignInResponse {
        text: String,
        source: String,
    },
    /// Twilio's SAMLRequest on its way to Entra, during a test sign-in: checked before any error.
    SignInRequest {
        text: String,
        source: String,
    },
    /// A sign-in that failed at Entra: the error page's text, a copied error, or a sign-in URL.
    SignInFailure {
        text: String,
        source: String,
    },
    /// "Mark as fixed, try again": the diagnosis is set aside.
    ClearSignInFailure,
    /// The admin's "Replace" for one conflict.
    ApproveReplace {
        id: String,
    },
    Checklist(ChecklistEvent),
}

impl Setup {
    /// The product: the admin's choice, else the one the SID typed names, else Frontline.
    pub fn product(&self) -> Product {
        self.product.or_else(|| product::detect(&self.realm_sid_input)).unwrap_or_default()
    }

    /// The product's URLs from the SID as typed, in the setup's product and region.
    pub fn urls(&self) -> Result<SpUrls, CoreError> {
        sp_urls(&self.realm_sid_input, Some(self.product()), Some(self.region.as_str()).filter(|r| !r.is_empty()))
    }

    /// Whether a checked response made the test sign-in done: every check passed.
    pub fn signed_in_verified(&self) -> bool {
        let done = self.checklist.status_of(Step::TestSignIn) == Status::Done;
        done && self.sign_in.as_ref().is_some_and(|i| i.findings.iter().all(|f| f.severity != Severity::Error.label()))
    }

    /// The app's name: the admin's choice, else the product's default.
    pub fn app_name(&self) -> &str {
        if self.app_name.is_empty() {
            self.product().facts().default_app_name
        } else {
            &self.app_name
        }
    }
}

pub fn new_setup(id: &str, now: i64) -> Setup {
    Setup { id: id.to_string(), created_at: now, updated_at: now, checklist: Checklist::new(), ..Default::default() }
}

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
        SetupEvent::SetProduct(p) => s.product = Some(*p),
        SetupEvent::SetRealmSid { value } => s.realm_sid_input = value.trim().to_string(),
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
    let f = crate::setup::signin_failure::failed(text, source, urls.as_ref(), lang, s.sign_in_request.as_ref(), now)?;
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
    let (outcome, what) = if errors.is_empty() {
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

fn idp_check(s: &Setup, now: i64) -> IdpCheck {
    check_idp_values(
        &IdpInput { login_url: s.login_url.clone(), entra_identifier: s.entra_identifier.clone(), metadata_xml: None },
        now,
    )
}

/// Everything the panel shows, derived from a stored setup at `now`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SetupView {
    pub done: usize,
    pub total: usize,
    pub product: Product,
    /// False until the admin picks a product (the panel asks first); the SID typed names it till then.
    pub product_chosen: bool,
    /// "Frontline", "Flex".
    pub product_name: &'static str,
    /// What the product calls its SID: "Realm SID", "SSO connection SID".
    pub sid_name: &'static str,
    pub sid_prefix: &'static str,
    /// Where the admin finds the SID.
    pub sid_help: &'static str,
    pub realm: Option<SpUrls>,
    pub realm_error: Option<CoreError>,
    /// The product the SID as typed belongs to, when it is the other one: the panel offers the switch.
    pub switch_to: Option<Product>,
    pub switch_to_name: Option<&'static str>,
    pub workspace_findings: Vec<Finding>,
    pub app_name: String,
    pub idp: Option<IdpCheck>,
    pub certificate: Option<CertificateReport>,
    /// The certificate's thumbprint differs from the one the portal shows.
    pub thumbprint_mismatch: bool,
    pub portal: PortalCapture,
    pub conflicts: Vec<Conflict>,
    pub sign_in: Option<SignIn>,
    /// A checked response made the test sign-in done: the watch has nothing more to wait for.
    pub signed_in_verified: bool,
    pub sign_in_failure: Option<SignInFailure>,
    pub steps: Vec<StepView>,
    /// The step the panel opens on: the renewal's while one is under way.
    pub next: Option<Step>,
    /// Steps (of the setup or the renewal) that need attention, pinned above the next one.
    pub attention: Vec<Step>,
    pub badge: Badge,
    pub certificate_watch: Option<guide::CertWatch>,
    /// The certificate rollover, from 60 days before the certificate expires.
    pub renewal: Option<RenewalView>,
    /// The portal's labels the panel names, in the language the portal was last seen in.
    pub portal_labels: PortalLabels,
}

/// The Azure portal's labels for the values the panel shows, so the admin finds each field.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortalLabels {
    pub lang: &'static str,
    pub basic_saml: &'static str,
    pub sp_entity_id: &'static str,
    pub reply_url: &'static str,
    pub login_url: &'static str,
    pub entra_identifier: &'static str,
    pub thumbprint: &'static str,
    pub expiration: &'static str,
    pub metadata_url: &'static str,
}

impl PortalLabels {
    fn new(lang: Lang) -> Self {
        Self {
            lang: lang.code(),
            basic_saml: Label::BasicSaml.in_lang(lang),
            sp_entity_id: Label::Identifier.in_lang(lang),
            reply_url: Label::ReplyUrl.in_lang(lang),
            login_url: Label::LoginUrl.in_lang(lang),
            entra_identifier: Label::EntraIdentifier.in_lang(lang),
            thumbprint: Label::Thumbprint.in_lang(lang),
            expiration: Label::Expiration.in_lang(lang),
            metadata_url: Label::MetadataUrl.in_lang(lang),
        }
    }
}

pub fn view(setup: &Setup, now: i64) -> SetupView {
    let checklist = setup.checklist.clone().normalized();
    let (realm, realm_error) = if setup.realm_sid_input.is_empty() {
        (None, None)
    } else {
        match setup.urls() {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e)),
        }
    };
    let switch_to = product::detect(&setup.realm_sid_input).filter(|p| *p != setup.product());
    let product_chosen = setup.product.is_some();
    let facts = setup.product().facts();
    let step_infos = checklist::steps(setup.product());
    let idp = (!setup.login_url.is_empty() || !setup.entra_identifier.is_empty()).then(|| idp_check(setup, now));
    let certificate =
        setup.certificate_pem.as_deref().and_then(|pem| inspect_certificate(CertInput::Text(pem), now).ok());
    let known = Known {
        lang: setup.portal.lang,
        product: setup.product(),
        app: setup.portal.app.as_ref(),
        realm: realm.as_ref(),
        app_name: setup.app_name(),
        workspace_id: &setup.workspace_id,
        login_url: &setup.login_url,
        entra_identifier: &setup.entra_identifier,
        certificate_pem: setup.certificate_pem.as_deref(),
    };
    let steps = guide::step_views(&known, &step_infos, &checklist);
    // A renewal shows from the day it is due, before any event has stored it.
    let due = certificate.as_ref().filter(|c| renewal::due(c)).map(|c| Renewal::start(c, now));
    let renewal = guide::renewal_view(&known, setup.renewal.as_ref().or(due.as_ref()), now);
    let next = guide::next_step(&steps, renewal.as_ref());
    let renewal_steps = renewal.iter().flat_map(|r| r.steps.iter());
    let attention: Vec<Step> =
        steps.iter().chain(renewal_steps).filter(|s| s.status == Status::Attention).map(|s| s.id).collect();
    let certificate_watch = guide::cert_watch(certificate.as_ref());
    let done = checklist.done_count();
    let badge = guide::badge(done, step_infos.len(), !attention.is_empty(), certificate_watch.as_ref());
    SetupView {
        done,
        total: step_infos.len(),
        product: setup.product(),
        product_chosen,
        product_name: facts.name,
        sid_name: facts.sid_name,
        sid_prefix: facts.sid_prefix,
        sid_help: facts.texts.sid_help,
        realm,
        realm_error,
        switch_to,
        switch_to_name: switch_to.map(|p| p.facts().name),
        workspace_findings: if setup.workspace_id.is_empty() || setup.product() != Product::Frontline {
            Vec::new()
        } else {
            check_workspace_id(&setup.workspace_id)
        },
        app_name: setup.app_name().to_string(),
        thumbprint_mismatch: matches!(
            (&certificate, &setup.portal.thumbprint),
            (Some(c), Some(t)) if &c.thumbprint_sha1 != t
        ),
        idp,
        certificate,
        portal: setup.portal.clone(),
        conflicts: setup.conflicts.clone(),
        sign_in: setup.sign_in.clone(),
        signed_in_verified: setup.signed_in_verified(),
        // Its lookup link is made again from the code: a stored link is never shown as it is.
        sign_in_failure: setup
            .sign_in_failure
            .clone()
            .map(|f| SignInFailure { lookup_url: f.code.map(lookup_url), ..f }),
        steps,
        next,
        attention,
        badge,
        certificate_watch,
        renewal,
        portal_labels: PortalLabels::new(setup.portal.lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SID: &str = "JB0123456789abcdef0123456789abcdef";
    const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

    fn apply(s: Setup, e: SetupEvent) -> Setup {
        apply_event(s, &e, 1_000).unwrap()
    }

    #[test]
    fn values_are_kept_as_typed_and_judged_in_the_view() {
        let s = apply(new_setup("a", 0), SetupEvent::SetRealmSid { value: "AC0123".into() });
        assert_eq!(s.realm_sid_input, "AC0123");
        let v = view(&s, 0);
        assert_eq!(v.realm_error.unwrap().code, "wrong_length");
        let s = apply(s, SetupEvent::SetRealmSid { value: SID.into() });
        assert_eq!(view(&s, 0).realm.unwrap().sid, SID);
    }

    #[test]
    fn idp_values_drive_capture_idp() {
        let s = apply(
            new_setup("a", 0),
            SetupEvent::SetIdpValues {
                login_url: Some(format!("https://login.microsoftonline.com/{T}/saml2")),
                entra_identifier: Some(format!("https://sts.windows.net/{T}")),
                place: None,
            },
        );
        assert_eq!(s.checklist.step(Step::CaptureIdp).unwrap().status(), Status::Attention);
        let s = apply(
            s,
            SetupEvent::SetIdpValues {
                login_url: None,
                entra_identifier: Some(format!("https://sts.windows.net/{T}/")),
                place: None,
            },
        );
        assert_eq!(s.checklist.step(Step::CaptureIdp).unwrap().status(), Status::Done);
        assert_eq!(view(&s, 0).done, 1);
    }

    #[test]
    fn bad_certificates_change_nothing() {
        let s = new_setup("a", 0);
        let e = apply_event(
            s.clone(),
            &SetupEvent::SetCertificate { text: Some("nope!".into()), bytes: None, source: "paste".into() },
            1,
        );
        assert_eq!(e.unwrap_err().code, "not_base64");
    }

    #[test]
    fn summary_holds_every_value_and_step() {
        let mut s = new_setup("a", 0);
        for e in [
            SetupEvent::SetRealmSid { value: SID.into() },
            SetupEvent::SetWorkspaceId { value: "owlpress".into() },
            SetupEvent::SetIdpValues {
                login_url: Some(format!("https://login.microsoftonline.com/{T}/saml2")),
                entra_identifier: Some(format!("https://sts.windows.net/{T}/")),
                place: None,
            },
        ] {
            s = apply(s, e);
        }
        let md = summary_markdown(&s, 0);
        for needle in [
            SID,
            "owlpress",
            "https://iam.twilio.com/v2/saml2/metadata/",
            "https://iam.twilio.com/v2/saml2/authenticate/",
            T,
            "1 of 11 done",
        ] {
            assert!(md.contains(needle), "{needle} missing from\n{md}");
        }
        for info in checklist::steps(Product::Frontline) {
            let title = with_labels(info.title, Lang::En);
            assert!(md.contains(&title), "{title}");
        }
        assert!(!md.contains("[BasicSaml]"), "labels are put in: {md}");
    }
}
