//! The Twilio Console's Frontline SSO page: capture the Realm SID and company name it
//! shows, fill the four fields from what Entra produced, refuse when those values are wrong,
//! and prove the saved configuration.

use super::super::{editable, named, norm, observed, Plan, Snapshot};
use super::{conflict_fields, exact, refusal, same_pem, Filler};
use crate::common::ids::{FormId, Step};
use crate::product::frontline::{realm_urls, CONSOLE_SSO_PLACE};
use crate::setup::checklist::Status;
use crate::setup::{Conflict, Setup, SetupEvent};

use crate::product::frontline::console as l;

pub(super) fn plan(setup: &Setup, snap: &Snapshot, now: i64) -> Option<Plan> {
    let sso = named(snap, l::SSO_URL).find(editable)?;
    let issuer = named(snap, l::ISSUER).find(editable)?;
    let cert = named(snap, l::CERTIFICATE).find(editable)?;
    let mut plan = Plan { form: Some(FormId::TwilioSso), ..Plan::default() };

    // The Realm SID and company name the page shows (read-only text or fields).
    let setup_sid = realm_sid(setup, snap, &mut plan);
    let company = shown(snap, l::COMPANY);
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

    let mut fill = Filler::new(setup, FormId::TwilioSso, "twilio-sso", plan);
    if let Some(w) = named(snap, l::WORKSPACE_ID).find(editable).filter(|_| !workspace.is_empty()) {
        fill.want(w, "workspace-id", &workspace, exact, true);
    }
    fill.want(sso, "sso-url", login, exact, false);
    fill.want(issuer, "issuer", ident, exact, false);
    fill.want(cert, "certificate", pem, same_pem, false);
    let all_satisfied = fill.all_satisfied();
    let mut plan = fill.plan;

    let saved = snap.headings.iter().map(|h| &h.text).chain(snap.notices.iter()).any(|t| norm(t).contains(l::SAVED));
    plan.events.extend(outcome(&plan, all_satisfied, saved, &setup_sid));
    Some(plan)
}

/// What the page proves once filled: other values there, the values saved, or entered only.
fn outcome(plan: &Plan, all_satisfied: bool, saved: bool, setup_sid: &str) -> Option<SetupEvent> {
    Some(if !plan.conflicts.is_empty() {
        observed(
            Step::TwilioSso,
            Status::Attention,
            format!("{} already hold other values; check them, or use Replace in the panel", conflict_fields(plan)),
            CONSOLE_SSO_PLACE,
        )
    } else if all_satisfied && saved {
        observed(
            Step::TwilioSso,
            Status::Done,
            format!("Saved: SSO URL, issuer and certificate match Entra (realm {setup_sid})"),
            CONSOLE_SSO_PLACE,
        )
    } else if all_satisfied {
        observed(
            Step::TwilioSso,
            Status::InProgress,
            "Workspace ID, SSO URL, issuer and certificate entered; press Save",
            CONSOLE_SSO_PLACE,
        )
    } else {
        return None;
    })
}

/// A value the page shows by one of `labels`: read-only text or a field that shows a value.
fn shown(snap: &Snapshot, labels: &[&str]) -> Option<String> {
    let labels: Vec<String> = labels.iter().map(|l| norm(l)).collect();
    snap.texts
        .iter()
        .find(|t| labels.contains(&norm(&t.label)))
        .map(|t| t.value.trim().to_string())
        .or_else(|| {
            snap.fields
                .iter()
                .find(|f| f.shows_value() && labels.contains(&norm(&f.name)))
                .map(|f| f.value.trim().to_string())
        })
        .filter(|v| !v.is_empty())
}

/// The Realm SID the console shows, against the panel's: taken when the panel has none (or the
/// admin chose Replace), else a conflict. Returns the SID the setup then has.
fn realm_sid(setup: &Setup, snap: &Snapshot, plan: &mut Plan) -> String {
    let Some(console_sid) = shown(snap, l::REALM_SID).and_then(|s| realm_urls(&s).ok()).map(|r| r.realm_sid) else {
        return setup.sp_input.clone();
    };
    let panel_sid = realm_urls(&setup.sp_input).ok().map(|r| r.realm_sid);
    let id = "twilio/realm-sid".to_string();
    match panel_sid {
        Some(p) if p == console_sid => plan.resolved.push(id),
        _ if setup.sp_input.trim().is_empty() || setup.replace.contains(&id) => {
            plan.events.push(SetupEvent::SetRealmSid { value: console_sid.clone() });
            plan.resolved.push(id);
            return console_sid;
        }
        _ => plan.conflicts.push(Conflict {
            id,
            form: FormId::TwilioSso,
            step: Step::TwilioSso,
            field: "Realm SID".into(),
            current: setup.sp_input.clone(),
            wanted: console_sid,
            at: 0,
        }),
    }
    setup.sp_input.clone()
}
