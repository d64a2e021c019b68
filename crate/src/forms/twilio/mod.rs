//! The Twilio Console's Frontline SSO page: capture the Realm SID and company name it
//! shows, fill the four fields from what Entra produced, refuse when those values are wrong,
//! and prove the saved configuration.

use super::{named, norm, observed, Field, FillAction, Plan, Snapshot};
use crate::certificate::{inspect_certificate, CertInput};
use crate::checklist::Status;
use crate::finding::{message, Severity};
use crate::idp::{check_idp_values, IdpInput};
use crate::ids::{FormId, Step};
use crate::product::frontline::{realm_urls, CONSOLE_SSO_PLACE};
use crate::setup::{Conflict, Setup, SetupEvent};

use crate::product::frontline::console as l;

pub(super) fn plan(setup: &Setup, snap: &Snapshot, now: i64) -> Option<Plan> {
    let sso = named(snap, l::SSO_URL).find(|f| !f.readonly)?;
    let issuer = named(snap, l::ISSUER).find(|f| !f.readonly)?;
    let cert = named(snap, l::CERTIFICATE).find(|f| !f.readonly)?;
    let mut plan = Plan { form: Some(FormId::TwilioSso), ..Plan::default() };

    // The Realm SID and company name the page shows (read-only text or fields).
    let shown = |labels: &[&str]| -> Option<String> {
        let labels: Vec<String> = labels.iter().map(|l| norm(l)).collect();
        snap.texts
            .iter()
            .find(|t| labels.contains(&norm(&t.label)))
            .map(|t| t.value.trim().to_string())
            .or_else(|| {
                snap.fields
                    .iter()
                    .find(|f| f.readonly && labels.contains(&norm(&f.name)))
                    .map(|f| f.value.trim().to_string())
            })
            .filter(|v| !v.is_empty())
    };
    let mut setup_sid = setup.realm_sid_input.clone();
    if let Some(console_sid) = shown(l::REALM_SID).and_then(|s| realm_urls(&s).ok()).map(|r| r.realm_sid) {
        let panel_sid = realm_urls(&setup.realm_sid_input).ok().map(|r| r.realm_sid);
        let id = "twilio/realm-sid".to_string();
        match panel_sid {
            Some(p) if p == console_sid => plan.resolved.push(id),
            _ if setup.realm_sid_input.trim().is_empty() || setup.replace.contains(&id) => {
                plan.events.push(SetupEvent::SetRealmSid { value: console_sid.clone() });
                plan.resolved.push(id);
                setup_sid = console_sid;
            }
            _ => plan.conflicts.push(Conflict {
                id,
                form: FormId::TwilioSso,
                step: Step::TwilioSso,
                field: "Realm SID".into(),
                current: setup.realm_sid_input.clone(),
                wanted: console_sid,
                at: 0,
            }),
        }
    }
    let company = shown(l::COMPANY);
    if setup.workspace_id.is_empty() {
        if let Some(c) = &company {
            plan.events.push(SetupEvent::SetWorkspaceId { value: c.clone() });
        }
    }
    if !plan.conflicts.is_empty() {
        plan.events.push(observed(
            Step::TwilioSso,
            Status::Attention,
            "The Frontline Console shows another Realm SID than the panel; check which is right (Replace takes the \
                console's)",
            CONSOLE_SSO_PLACE,
        ));
        return Some(plan);
    }

    // Refuse to fill from values with error findings, and say what to fix.
    let problems = refusal(setup, now);
    if !problems.is_empty() {
        plan.events.push(observed(
            Step::TwilioSso,
            Status::Attention,
            format!("Not filled: {}", problems.join("; ")),
            CONSOLE_SSO_PLACE,
        ));
        return Some(plan);
    }
    let (Some(pem), login, ident) =
        (setup.certificate_pem.as_deref(), setup.login_url.as_str(), setup.entra_identifier.as_str())
    else {
        return Some(plan);
    };
    let workspace =
        if setup.workspace_id.is_empty() { company.unwrap_or_default() } else { setup.workspace_id.clone() };

    let mut satisfied = 0;
    let mut wanted = 0;
    // `only_if_empty`: the console's own value wins (the Workspace ID agents already use).
    let mut want = |f: &Field, slug: &str, value: &str, same: &dyn Fn(&str, &str) -> bool, only_if_empty: bool| {
        wanted += 1;
        let current = f.value.trim();
        let id = format!("twilio-sso/{slug}");
        if same(current, value) || (only_if_empty && !current.is_empty()) {
            satisfied += 1;
            plan.resolved.push(id);
        } else if current.is_empty() || setup.replace.contains(&id) {
            plan.fills.push(super::Fill {
                key: f.key.clone(),
                action: FillAction::Text,
                value: value.into(),
                label: f.name.clone(),
            });
        } else {
            plan.conflicts.push(Conflict {
                id,
                form: FormId::TwilioSso,
                step: Step::TwilioSso,
                field: f.name.clone(),
                current: current.into(),
                wanted: value.into(),
                at: 0,
            });
        }
    };
    let exact = |a: &str, b: &str| a == b;
    let same_pem = |a: &str, b: &str| strip_ws(a) == strip_ws(b);
    if let Some(w) = named(snap, l::WORKSPACE_ID).find(|f| !f.readonly).filter(|_| !workspace.is_empty()) {
        want(w, "workspace-id", &workspace, &exact, true);
    }
    want(sso, "sso-url", login, &exact, false);
    want(issuer, "issuer", ident, &exact, false);
    want(cert, "certificate", pem, &same_pem, false);

    let saved = snap.headings.iter().map(|h| &h.text).chain(snap.notices.iter()).any(|t| norm(t).contains(l::SAVED));
    let event = if !plan.conflicts.is_empty() {
        let fields: Vec<&str> = plan.conflicts.iter().map(|c| c.field.as_str()).collect();
        observed(
            Step::TwilioSso,
            Status::Attention,
            format!("{} already hold other values; check them, or use Replace in the panel", fields.join(", ")),
            CONSOLE_SSO_PLACE,
        )
    } else if satisfied == wanted && saved {
        observed(
            Step::TwilioSso,
            Status::Done,
            format!("Saved: SSO URL, issuer and certificate match Entra (realm {setup_sid})"),
            CONSOLE_SSO_PLACE,
        )
    } else if satisfied == wanted {
        observed(
            Step::TwilioSso,
            Status::InProgress,
            "Workspace ID, SSO URL, issuer and certificate entered; press Save",
            CONSOLE_SSO_PLACE,
        )
    } else {
        return Some(plan);
    };
    plan.events.push(event);
    Some(plan)
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Why the values Twilio would get are not safe to use, in the admin's words; empty if they are.
fn refusal(setup: &Setup, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    if setup.login_url.is_empty() || setup.entra_identifier.is_empty() {
        let text =
            "the [LoginUrl] and [EntraIdentifier] are not captured yet (open the app's SAML page in the Azure portal)";
        out.push(message(text, &[]));
    } else {
        let check = check_idp_values(
            &IdpInput {
                login_url: setup.login_url.clone(),
                entra_identifier: setup.entra_identifier.clone(),
                metadata_xml: None,
            },
            now,
        );
        out.extend(check.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.clone()));
    }
    match setup.certificate_pem.as_deref() {
        None => {
            out.push("there is no signing certificate yet (fetch it from Entra, or drop the .cer on the panel)".into())
        }
        Some(pem) => match inspect_certificate(CertInput::Text(pem), now) {
            Err(e) => out.push(e.message),
            Ok(c) => {
                out.extend(c.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.clone()));
                if let Some(t) = &setup.portal.thumbprint {
                    if &c.thumbprint_sha1 != t {
                        out.push(format!(
                            "the certificate's thumbprint {} differs from the active one the Azure portal shows \
                                ({t}); use the active certificate",
                            c.thumbprint_sha1
                        ));
                    }
                }
            }
        },
    }
    out
}
