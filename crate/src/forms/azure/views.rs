//! Read-only views: the SAML pane's sections, the claims, roles and assignments tables.
//! They prove what was saved, and hold the values Twilio needs.

use super::super::{has_heading, norm, observed, place, Plan, Snapshot, Table, Wording};
use super::lang_of;
use crate::certificate::thumbprint_in;
use crate::checklist::{ChecklistEvent, Status};
use crate::entra::portal::{with_labels, Label as L};
use crate::ids::{FormId, Step};
use crate::product::frontline::{
    self, realm_urls, AGENT, EMAIL, LONG_EMAIL_CLAIM, ROLES, SIGNING_ALGORITHM, SIGNING_OPTION,
};
use crate::renewal::ListedCert;
use crate::setup::{Setup, SetupEvent};

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    saml_pane(setup, snap)
        .or_else(|| sso_method(snap))
        .or_else(|| claims_table(snap))
        .or_else(|| roles_table(setup, snap))
        .or_else(|| assignments(snap))
}

/// (section, label, value) from definition lists and read-only fields alike.
fn pairs(snap: &Snapshot) -> Vec<(String, String, String)> {
    let mut out: Vec<_> =
        snap.texts.iter().map(|t| (norm(&t.section), norm(&t.label), t.value.trim().to_string())).collect();
    out.extend(
        snap.fields
            .iter()
            .filter(|f| f.readonly)
            .map(|f| (norm(&f.section), norm(&f.name), f.value.trim().to_string())),
    );
    out
}

fn value(pairs: &[(String, String, String)], label: L) -> Option<&str> {
    let labels = label.normed();
    pairs.iter().find(|(_, l, _)| labels.contains(l)).map(|(_, _, v)| v.as_str())
}

/// A value outside one section. In German, Spanish, French and Portuguese the Sign on URL of
/// Basic SAML Configuration and the Login URL of "Set up <app>" read the same.
fn value_outside(pairs: &[(String, String, String)], label: L, section: L) -> Option<&str> {
    let (labels, sections) = (label.normed(), section.normed());
    let inside = |s: &String| sections.iter().any(|w| s.contains(w.as_str()));
    pairs.iter().find(|(s, l, _)| labels.contains(l) && !inside(s)).map(|(_, _, v)| v.as_str())
}

/// Entra shows "Required" or "Optional" in a section where nothing is saved yet.
fn saved(v: Option<&str>) -> Option<&str> {
    v.filter(|v| !v.is_empty() && !L::Unset.names(v))
}

fn saml_pane(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    if !has_heading(snap, L::SamlPane) {
        return None;
    }
    let at = place(snap);
    let p = pairs(snap);
    let lang = lang_of(snap, setup);
    let mut events = vec![
        observed(Step::CreateApp, Status::Done, "The application exists (its single sign-on page is open)", &at),
        observed(Step::ChooseSaml, Status::Done, "SAML is the single sign-on method", &at),
    ];
    // 1. Basic SAML Configuration: exactly the computed values, or the difference.
    if let Ok(realm) = realm_urls(&setup.realm_sid_input) {
        let id = saved(value(&p, L::Identifier));
        let acs = saved(value(&p, L::ReplyUrl));
        let mut problems = Vec::new();
        for (label, got, want) in
            [(L::Identifier.in_lang(lang), id, &realm.sp_entity_id), (L::ReplyUrl.in_lang(lang), acs, &realm.reply_url)]
        {
            match got {
                None => problems.push(format!("{label} is not set")),
                Some(g) if g != want.as_str() => problems.push(format!("{label} is \"{g}\" but should be \"{want}\"")),
                Some(_) => {}
            }
        }
        events.push(if problems.is_empty() {
            observed(Step::BasicSaml, Status::Done, "Saved Identifier and Reply URL match the Realm SID", &at)
        } else if id.is_none() && acs.is_none() {
            observed(Step::BasicSaml, Status::Todo, with_labels("[BasicSaml] is not filled in yet", lang), &at)
        } else {
            observed(Step::BasicSaml, Status::Attention, problems.join("; "), &at)
        });
    }
    // 3. SAML Certificates: signing option and algorithm, and what Twilio needs later.
    if let Some(option) = value(&p, L::SigningOption) {
        let alg = value(&p, L::SigningAlgorithm).unwrap_or_default();
        let ok = SIGNING_OPTION.names(option) && norm(alg) == norm(SIGNING_ALGORITHM);
        events.push(if ok {
            observed(Step::Signing, Status::Done, format!("Saved: {option}, {alg}"), &at)
        } else {
            observed(
                Step::Signing,
                Status::Attention,
                format!(
                    "Saved: {option}, {alg}; Frontline needs \"{}\" with {SIGNING_ALGORITHM} ({} → Edit)",
                    frontline::signing_option(lang),
                    L::SamlCertificates.in_lang(lang),
                ),
                &at,
            )
        });
    }
    let thumbprint = saved(value(&p, L::Thumbprint));
    let expiration = saved(value(&p, L::Expiration));
    let metadata_url = saved(value(&p, L::MetadataUrl));
    if thumbprint.is_some() || metadata_url.is_some() {
        events.push(SetupEvent::SetPortalCapture {
            thumbprint: thumbprint.map(str::to_string),
            expiration: expiration.map(str::to_string),
            metadata_url: metadata_url.map(str::to_string),
        });
    }
    events.extend(certificate_list(snap));
    // 4. Set up <app>: the two values Twilio needs, under either name of the identifier.
    let login = saved(value_outside(&p, L::LoginUrl, L::BasicSaml));
    let ident = saved(value(&p, L::EntraIdentifier));
    if login.is_some() || ident.is_some() {
        events.push(SetupEvent::SetIdpValues {
            login_url: login.map(str::to_string),
            entra_identifier: ident.map(str::to_string),
            place: Some(at.clone()),
        });
    }
    // 2. Attributes & Claims, when the pane lists them.
    let claims: Vec<(String, String)> = p
        .iter()
        .filter(|(s, _, _)| L::ClaimsSection.normed().iter().any(|c| s.contains(c.as_str())))
        .map(|(_, l, v)| (l.clone(), v.clone()))
        .collect();
    if !claims.is_empty() {
        events.push(claims_event(&claims, &at));
    }
    Some(Plan { form: Some(FormId::SamlPane), events, ..Plan::default() })
}

/// The certificate list of the SAML Certificates edit blade: each row's thumbprint, status and
/// expiry. A row whose thumbprint is not 40 hex digits is not a certificate.
pub(super) fn certificate_list(snap: &Snapshot) -> Option<SetupEvent> {
    let t = table_with(snap, &[L::Thumbprint, L::CertStatus])?;
    let (tp, status, expiry) = (column(t, L::Thumbprint), column(t, L::CertStatus), column(t, L::Expiration));
    let certs: Vec<ListedCert> = t
        .rows
        .iter()
        .filter_map(|row| {
            Some(ListedCert {
                thumbprint: thumbprint_in(cell(row, tp))?,
                active: L::CertActive.names(cell(row, status)),
                expiration: cell(row, expiry).to_string(),
            })
        })
        .collect();
    (!certs.is_empty()).then(|| SetupEvent::PortalCertificates { certs, place: place(snap) })
}

fn sso_method(snap: &Snapshot) -> Option<Plan> {
    if !has_heading(snap, L::SsoMethod) {
        return None;
    }
    let events = vec![observed(
        Step::CreateApp,
        Status::Done,
        "The application exists (choose its single sign-on method)",
        &place(snap),
    )];
    Some(Plan { form: Some(FormId::SsoMethod), events, ..Plan::default() })
}

/// The first table with all these columns (each by any of its wordings).
fn table_with<'a>(snap: &'a Snapshot, columns: &[L]) -> Option<&'a Table> {
    snap.tables.iter().find(|t| columns.iter().all(|c| column(t, *c).is_some()))
}

fn column(t: &Table, header: L) -> Option<usize> {
    t.headers.iter().position(|h| header.names(h))
}

fn cell(row: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or_default()
}

/// Frontline's claims with their source attributes (roles may be the constant role value), by their
/// exact short names: the long emailaddress URI does not count.
fn claims_event(claims: &[(String, String)], at: &str) -> SetupEvent {
    let find = |name: &str| claims.iter().find(|(n, _)| n == name).map(|(_, v)| norm(v).trim_matches('"').to_string());
    let mut missing: Vec<String> = Vec::new();
    let mut wrong = Vec::new();
    // The roles claim may also be the constant "agent".
    for (claim, also) in [(EMAIL, None), (ROLES, Some(AGENT.value))] {
        let (name, want) = (claim.name, claim.source_attribute);
        match find(name) {
            None => missing.push(name.into()),
            Some(v) if v != want && Some(v.as_str()) != also => wrong.push(format!("{name} is {v}, should be {want}")),
            Some(_) => {}
        }
    }
    let long_only = find(LONG_EMAIL_CLAIM).is_some() && find(EMAIL.name).is_none();
    let mut notes: Vec<String> =
        missing.iter().map(|m| format!("{m} is missing")).chain(wrong.iter().cloned()).collect();
    if long_only {
        notes.push("the long emailaddress claim does not count: Frontline reads the short name \"email\"".into());
    }
    let (outcome, what) = if notes.is_empty() {
        (Status::Done, format!("Claims {} = {} and {} are saved", EMAIL.name, EMAIL.source_attribute, ROLES.name))
    } else if wrong.is_empty() {
        (Status::InProgress, format!("Additional claims: {}", notes.join("; ")))
    } else {
        (Status::Attention, format!("Additional claims: {}", notes.join("; ")))
    };
    // Which claims are missing goes along as a fact: the claim form adds the next one from it.
    let (step, place, missing_claims) = (Step::Claims, at.to_string(), missing);
    SetupEvent::Checklist(ChecklistEvent::Observed { step, outcome, what, place, missing_claims })
}

fn claims_table(snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[L::ClaimNameColumn, L::ValueColumn])?;
    let (n, v) = (column(t, L::ClaimNameColumn), column(t, L::ValueColumn));
    let claims: Vec<(String, String)> = t.rows.iter().map(|r| (norm(cell(r, n)), cell(r, v).to_string())).collect();
    Some(Plan { form: Some(FormId::ClaimsList), events: vec![claims_event(&claims, &place(snap))], ..Plan::default() })
}

fn roles_table(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[L::DisplayNameColumn, L::ValueColumn, L::MemberTypesColumn])?;
    let (name, val, types) =
        (column(t, L::DisplayNameColumn), column(t, L::ValueColumn), column(t, L::MemberTypesColumn));
    let state = column(t, L::RoleState);
    let agent = t.rows.iter().find(|r| cell(r, val) == AGENT.value);
    let at = place(snap);
    let event = match agent {
        None => observed(Step::AppRole, Status::Todo, "No app role with the value agent yet", &at),
        Some(r) => {
            let enabled = state.is_none() || L::Enabled.names(cell(r, state));
            let users = L::MemberTypesUsers.normed().iter().any(|u| norm(cell(r, types)).contains(u.as_str()));
            if enabled && users {
                observed(
                    Step::AppRole,
                    Status::Done,
                    format!("App role {} (agent) for {} is enabled", cell(r, name), cell(r, types)),
                    &at,
                )
            } else {
                observed(
                    Step::AppRole,
                    Status::Attention,
                    with_labels(
                        "The app role agent exists but is disabled or not for [MemberTypesUsers]",
                        lang_of(snap, setup),
                    ),
                    &at,
                )
            }
        }
    };
    Some(Plan { form: Some(FormId::AppRoles), events: vec![event], ..Plan::default() })
}

fn assignments(snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[L::DisplayNameColumn, L::ObjectTypeColumn, L::RoleAssignedColumn])?;
    let role = column(t, L::RoleAssignedColumn);
    let agents = t.rows.iter().filter(|r| norm(cell(r, role)) == AGENT.value).count();
    let at = place(snap);
    let event = if agents > 0 {
        observed(
            Step::AssignUsers,
            Status::Done,
            format!("{agents} of {} assignments have the role Agent", t.rows.len()),
            &at,
        )
    } else if t.rows.is_empty() {
        observed(Step::AssignUsers, Status::Todo, "No users or groups are assigned yet", &at)
    } else {
        observed(
            Step::AssignUsers,
            Status::Attention,
            format!("None of the {} assignments has the role Agent", t.rows.len()),
            &at,
        )
    };
    Some(Plan { form: Some(FormId::Assignments), events: vec![event], ..Plan::default() })
}
