//! What the panel renders, derived from a setup at a moment: never stored.

use serde::Serialize;

use super::apply::idp_check;
use super::*;
use crate::cert::certificate::{inspect_certificate, CertInput, CertificateReport};
use crate::common::finding::{CoreError, Finding};
use crate::common::ids::Step;
use crate::entra::lookup_url;
use crate::entra::portal::{Label, Lang};
use crate::product::{self, Product, SpSource, SpUrls};
use crate::setup::checklist::{self, Status};
use crate::setup::guide::{self, Badge, Known, RenewalView, StepView};
use crate::setup::idp::IdpCheck;
use crate::setup::plan::check_workspace_id;
use crate::setup::renewal::{self, Renewal};

/// The setup's URLs, or why its SID gives none (nothing while no SID is typed).
fn realm_of(setup: &Setup) -> (Option<SpUrls>, Option<CoreError>) {
    if setup.sp_input.is_empty() {
        return (None, None);
    }
    match setup.urls() {
        Ok(r) => (Some(r), None),
        Err(e) => (None, Some(e)),
    }
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
    /// Where the admin finds the SID (or the SP metadata).
    pub sid_help: &'static str,
    /// Whether the values come from SP metadata (a text area and a file) rather than a SID.
    pub from_metadata: bool,
    /// Why the checklist asks for no claims or roles, when it asks for none.
    pub not_asked: &'static str,
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
    let (realm, realm_error) = realm_of(setup);
    let switch_to = product::detect(&setup.sp_input).filter(|p| *p != setup.product());
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
    let done = checklist.done_count(facts.steps);
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
        from_metadata: facts.source == SpSource::Metadata,
        not_asked: facts.texts.not_asked,
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
        sign_in_failure: setup.sign_in_failure.clone().map(|f| SignInFailure { lookup_url: failure_lookup(&f), ..f }),
        steps,
        next,
        attention,
        badge,
        certificate_watch,
        renewal,
        portal_labels: PortalLabels::new(setup.portal.lang),
    }
}

/// A failure's lookup page, made again from its code: Microsoft's for an AADSTS code, Twilio's
/// dictionary for Twilio's.
fn failure_lookup(f: &SignInFailure) -> Option<String> {
    f.code.map(lookup_url).or_else(|| f.twilio_code.map(product::twilio_error_url))
}
