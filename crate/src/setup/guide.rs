//! What the panel leads with: each step with the values to paste and a link into the app's own
//! blade, the next step and the ones that need attention, the toolbar badge, and the
//! certificate watch with its renewal. Derived from a setup at a moment, never stored.

use serde::Serialize;

use crate::cert::certificate::CertificateReport;
use crate::common::ids::Step;
use crate::entra::links::{portal_link, AppIds};
use crate::entra::portal::{with_labels, Label, Lang};
use crate::product::console::admin_center;
use crate::product::frontline::console as twilio;
use crate::product::{Product, SpUrls};
use crate::setup::checklist::{Checklist, Dest, Evidence, Status, StepInfo};
use crate::setup::renewal::{self, Renewal};

/// What a setup knows that the guide shows: the setup module fills it in (the guide never
/// reads a setup itself, so neither module depends on the other's internals).
pub struct Known<'a> {
    pub lang: Lang,
    pub product: Product,
    pub app: Option<&'a AppIds>,
    pub realm: Option<&'a SpUrls>,
    pub app_name: &'a str,
    pub workspace_id: &'a str,
    pub login_url: &'a str,
    pub entra_identifier: &'a str,
    pub certificate_pem: Option<&'a str>,
}

/// A value the admin pastes on that step's page, under the page's own label.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PasteValue {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub label: &'static str,
    pub url: String,
    /// Opens this app's own blade; false while only the list can be linked.
    pub exact: bool,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub id: Step,
    pub number: usize,
    /// In the portal's language where they name its places.
    pub title: String,
    pub instruction: String,
    /// What the extension does on that page.
    pub assist: String,
    pub status: Status,
    pub status_label: &'static str,
    pub manual: bool,
    pub evidence: Vec<Evidence>,
    pub link: Option<LinkView>,
    pub values: Vec<PasteValue>,
    pub updated_at: Option<i64>,
    pub done_at: Option<i64>,
}

/// The toolbar button's badge: progress, "!" for attention, a warning colour for a
/// certificate that expires within 60 days.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    pub text: String,
    /// `progress`, `done`, `attention` or `certificate`.
    pub level: &'static str,
    pub color: &'static str,
}

/// The active certificate's remaining life.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertWatch {
    pub thumbprint: String,
    pub not_after: String,
    pub days_left: i64,
    /// `ok`, `renew` (within 60 days) or `expired`.
    pub level: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenewalView {
    pub started_at: i64,
    pub old_thumbprint: String,
    pub old_not_after: String,
    /// Days until the expiring certificate's end; negative once it has expired.
    pub old_days_left: i64,
    pub new_thumbprint: Option<String>,
    pub done: usize,
    pub total: usize,
    pub steps: Vec<StepView>,
}

/// Every step of a checklist as the panel shows it.
pub fn step_views(known: &Known, infos: &[StepInfo], checklist: &Checklist) -> Vec<StepView> {
    let lang = known.lang;
    infos
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let state = checklist.step(info.id);
            let status = state.map(|s| s.status()).unwrap_or_default();
            StepView {
                id: info.id,
                number: i + 1,
                title: with_labels(info.title, lang),
                instruction: with_labels(info.instruction, lang),
                assist: with_labels(info.assist, lang),
                status,
                status_label: status.label(),
                manual: state.is_some_and(|s| s.manual.is_some()),
                evidence: state.map(|s| s.evidence.clone()).unwrap_or_default(),
                link: link(info.dest, known),
                values: values(info.id, known),
                updated_at: state.and_then(|s| s.updated_at),
                done_at: state.and_then(|s| s.done_at),
            }
        })
        .collect()
}

fn link(dest: Dest, known: &Known) -> Option<LinkView> {
    match dest {
        Dest::Portal(place) => {
            let (url, exact) = portal_link(place, known.app);
            Some(LinkView { label: if exact { "Open this app's blade" } else { "Open in Azure portal" }, url, exact })
        }
        Dest::Twilio => {
            let facts = known.product.facts();
            Some(LinkView { label: facts.texts.twilio_link, url: facts.console_sso_url.to_string(), exact: true })
        }
        Dest::Nowhere => None,
    }
}

/// The values to paste on a step's page, under its labels; only values already known.
fn values(step: Step, known: &Known) -> Vec<PasteValue> {
    let portal = |label: Label, value: &str| (label.in_lang(known.lang).to_string(), value.to_string());
    let twilio =
        |words: twilio::Words, value: &str| (words.first().copied().unwrap_or_default().to_string(), value.to_string());
    let cert = known.certificate_pem.unwrap_or_default();
    let facts = known.product.facts();
    let pairs: Vec<(String, String)> = match step {
        Step::CreateApp => vec![portal(Label::AppName, known.app_name)],
        Step::BasicSaml => known.realm.map_or_else(Vec::new, |r| {
            vec![portal(Label::Identifier, &r.sp_entity_id), portal(Label::ReplyUrl, &r.reply_url)]
        }),
        Step::Signing => {
            let option = facts.signing_option.in_lang(known.lang);
            vec![portal(Label::SigningOption, option), portal(Label::SigningAlgorithm, facts.signing_algorithm)]
        }
        Step::Claims => facts
            .claims
            .iter()
            .flat_map(|c| [portal(Label::ClaimName, c.name), portal(Label::SourceAttribute, c.source_attribute)])
            .collect(),
        Step::AppRole => facts
            .roles
            .iter()
            .flat_map(|r| {
                [
                    portal(Label::RoleDisplayName, r.display_name),
                    portal(Label::RoleValue, r.value),
                    portal(Label::RoleDescription, r.description),
                ]
            })
            .collect(),
        Step::TwilioSso if known.product == Product::Frontline => vec![
            twilio(twilio::WORKSPACE_ID, known.workspace_id),
            twilio(twilio::SSO_URL, known.login_url),
            twilio(twilio::ISSUER, known.entra_identifier),
            twilio(twilio::CERTIFICATE, cert),
        ],
        Step::NameId => facts.name_id.map_or_else(Vec::new, |n| {
            vec![
                portal(Label::NameIdFormat, n.format.in_lang(known.lang)),
                portal(Label::SourceAttribute, n.source_attribute),
            ]
        }),
        // Admin Center's SSO profile, in its own words.
        Step::TwilioSso if known.product == Product::Console => vec![
            twilio(admin_center::ISSUER, known.entra_identifier),
            twilio(admin_center::SSO_URL, known.login_url),
            twilio(admin_center::CERTIFICATE, cert),
        ],
        Step::TwilioSso => vec![
            twilio(twilio::SSO_URL, known.login_url),
            twilio(twilio::ISSUER, known.entra_identifier),
            twilio(twilio::CERTIFICATE, cert),
        ],
        Step::RenewTwilio => vec![twilio(twilio::CERTIFICATE, cert)],
        _ => Vec::new(),
    };
    pairs.into_iter().filter(|(_, v)| !v.is_empty()).map(|(label, value)| PasteValue { label, value }).collect()
}

/// The step to do next: the renewal's while one is under way, else the setup's first not done.
pub fn next_step(steps: &[StepView], renewal: Option<&RenewalView>) -> Option<Step> {
    let first = |list: &[StepView]| list.iter().find(|s| s.status != Status::Done).map(|s| s.id);
    renewal.and_then(|r| first(&r.steps)).or_else(|| first(steps))
}

pub fn cert_watch(cert: Option<&CertificateReport>) -> Option<CertWatch> {
    let c = cert?;
    let level = match c.days_until_expiry {
        d if d < 0 => "expired",
        _ if renewal::due(c) => "renew",
        _ => "ok",
    };
    Some(CertWatch {
        thumbprint: c.thumbprint_sha1.clone(),
        not_after: c.not_after.clone(),
        days_left: c.days_until_expiry,
        level,
    })
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub fn renewal_view(known: &Known, renewal: Option<&Renewal>, now: i64) -> Option<RenewalView> {
    let r = renewal?;
    let steps = step_views(known, &crate::setup::checklist::RENEWAL_STEPS, &r.checklist);
    Some(RenewalView {
        started_at: r.started_at,
        old_thumbprint: r.old_thumbprint.clone(),
        old_not_after: r.old_not_after.clone(),
        old_days_left: r.old_expires_at.saturating_sub(now).div_euclid(DAY_MS),
        new_thumbprint: r.new_thumbprint.clone(),
        done: r.checklist.done_count(&Step::RENEWAL),
        total: steps.len(),
        steps,
    })
}

const RED: &str = "#B3261E";
const AMBER: &str = "#B26A00";
const BLUE: &str = "#1F5FD1";
const GREEN: &str = "#1E7D32";

pub fn badge(done: usize, total: usize, attention: bool, watch: Option<&CertWatch>) -> Badge {
    let text = if attention { "!".to_string() } else { format!("{done}/{total}") };
    let (level, color) = if attention {
        ("attention", RED)
    } else if watch.is_some_and(|w| w.level != "ok") {
        ("certificate", AMBER)
    } else if done == total {
        ("done", GREEN)
    } else {
        ("progress", BLUE)
    };
    Badge { text, level, color }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch(level: &'static str) -> CertWatch {
        CertWatch { thumbprint: "T".into(), not_after: "2030".into(), days_left: 10, level }
    }

    #[test]
    fn the_badge_shows_progress_attention_and_an_expiring_certificate() {
        let cases = [
            ("progress", 6, false, None, "6/11", "progress"),
            ("attention wins", 6, true, Some(watch("renew")), "!", "attention"),
            ("certificate within 60 days", 11, false, Some(watch("renew")), "11/11", "certificate"),
            ("expired", 4, false, Some(watch("expired")), "4/11", "certificate"),
            ("all done", 11, false, Some(watch("ok")), "11/11", "done"),
        ];
        for (name, done, attention, w, text, level) in cases {
            let b = badge(done, 11, attention, w.as_ref());
            assert_eq!((b.text.as_str(), b.level), (text, level), "{name}");
        }
    }
}
