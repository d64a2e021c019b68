//! Read-only views: the SAML pane's sections, the claims, roles and assignments tables.
//! They prove what was saved, and hold the values Twilio needs.

use super::super::{has_heading, norm, observed, place, Plan, Snapshot, Table};
use super::labels::{self as l, Words};
use crate::checklist::Status;
use crate::plan::{SIGNING_ALGORITHM, SIGNING_OPTION};
use crate::realm::realm_urls;
use crate::setup::{Setup, SetupEvent};

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    saml_pane(setup, snap)
        .or_else(|| sso_method(snap))
        .or_else(|| claims_table(snap))
        .or_else(|| roles_table(snap))
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

fn value(pairs: &[(String, String, String)], labels: Words) -> Option<&str> {
    let labels: Vec<String> = labels.iter().map(|l| norm(l)).collect();
    pairs.iter().find(|(_, l, _)| labels.contains(l)).map(|(_, _, v)| v.as_str())
}

/// Entra shows "Required" or "Optional" in a section where nothing is saved yet.
fn saved(v: Option<&str>) -> Option<&str> {
    v.filter(|v| !v.is_empty() && !l::UNSET.iter().any(|u| norm(u) == norm(v)))
}

fn saml_pane(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    if !has_heading(snap, l::SAML_PANE) {
        return None;
    }
    let at = place(snap);
    let p = pairs(snap);
    let mut events = vec![
        observed("create-app", Status::Done, "The application exists (its single sign-on page is open)", &at),
        observed("choose-saml", Status::Done, "SAML is the single sign-on method", &at),
    ];
    // 1. Basic SAML Configuration: exactly the computed values, or the difference.
    if let Ok(realm) = realm_urls(&setup.realm_sid_input) {
        let id = saved(value(&p, l::IDENTIFIER));
        let acs = saved(value(&p, l::REPLY_URL));
        let mut problems = Vec::new();
        for (label, got, want) in
            [("Identifier (Entity ID)", id, &realm.entity_id), ("Reply URL", acs, &realm.reply_url)]
        {
            match got {
                None => problems.push(format!("{label} is not set")),
                Some(g) if g != want.as_str() => problems.push(format!("{label} is \"{g}\" but should be \"{want}\"")),
                Some(_) => {}
            }
        }
        events.push(if problems.is_empty() {
            observed("basic-saml", Status::Done, "Saved Identifier and Reply URL match the Realm SID", &at)
        } else if id.is_none() && acs.is_none() {
            observed("basic-saml", Status::Todo, "Basic SAML Configuration is not filled in yet", &at)
        } else {
            observed("basic-saml", Status::Attention, problems.join("; "), &at)
        });
    }
    // 3. SAML Certificates: signing option and algorithm, and what Twilio needs later.
    if let Some(option) = value(&p, l::SIGNING_OPTION) {
        let alg = value(&p, l::SIGNING_ALGORITHM).unwrap_or_default();
        let ok = norm(option) == norm(SIGNING_OPTION) && norm(alg) == norm(SIGNING_ALGORITHM);
        events.push(if ok {
            observed("signing", Status::Done, format!("Saved: {option}, {alg}"), &at)
        } else {
            observed(
                "signing",
                Status::Attention,
                format!("Saved: {option}, {alg}; Frontline needs \"{SIGNING_OPTION}\" with {SIGNING_ALGORITHM} (SAML Certificates → Edit)"),
                &at,
            )
        });
    }
    let thumbprint = saved(value(&p, l::THUMBPRINT));
    let expiration = saved(value(&p, l::EXPIRATION));
    let metadata_url = saved(value(&p, l::METADATA_URL));
    if thumbprint.is_some() || metadata_url.is_some() {
        events.push(SetupEvent::SetPortalCapture {
            thumbprint: thumbprint.map(str::to_string),
            expiration: expiration.map(str::to_string),
            metadata_url: metadata_url.map(str::to_string),
        });
    }
    // 4. Set up <app>: the two values Twilio needs, under either name of the identifier.
    let login = saved(value(&p, l::LOGIN_URL));
    let ident = saved(value(&p, l::ENTRA_IDENTIFIER));
    if login.is_some() || ident.is_some() {
        events.push(SetupEvent::SetIdpValues {
            login_url: login.map(str::to_string),
            identifier: ident.map(str::to_string),
            place: Some(at.clone()),
        });
    }
    // 2. Attributes & Claims, when the pane lists them.
    let claims: Vec<(String, String)> = p
        .iter()
        .filter(|(s, _, _)| l::CLAIMS_SECTION.iter().any(|c| s.contains(&norm(c))))
        .map(|(_, l, v)| (l.clone(), v.clone()))
        .collect();
    if !claims.is_empty() {
        events.push(claims_event(&claims, &at));
    }
    Some(Plan { form: Some("saml-pane"), events, ..Plan::default() })
}

fn sso_method(snap: &Snapshot) -> Option<Plan> {
    if !has_heading(snap, l::SSO_METHOD) {
        return None;
    }
    let events = vec![observed(
        "create-app",
        Status::Done,
        "The application exists (choose its single sign-on method)",
        &place(snap),
    )];
    Some(Plan { form: Some("sso-method"), events, ..Plan::default() })
}

/// The first table with all these columns (each by any of its wordings).
fn table_with<'a>(snap: &'a Snapshot, columns: &[Words]) -> Option<&'a Table> {
    snap.tables.iter().find(|t| columns.iter().all(|c| column(t, c).is_some()))
}

fn column(t: &Table, header: Words) -> Option<usize> {
    t.headers.iter().position(|h| header.iter().any(|w| norm(h) == norm(w)))
}

fn cell(row: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| row.get(i)).map(|s| s.trim()).unwrap_or_default()
}

/// `email` = user.mail and `roles` = user.assignedroles (or the constant "agent"), by their
/// exact short names: the long emailaddress URI does not count.
fn claims_event(claims: &[(String, String)], at: &str) -> SetupEvent {
    let find = |name: &str| claims.iter().find(|(n, _)| n == name).map(|(_, v)| norm(v).trim_matches('"').to_string());
    let mut missing = Vec::new();
    let mut wrong = Vec::new();
    match find("email") {
        None => missing.push("email is missing"),
        Some(v) if v != "user.mail" => wrong.push(format!("email is {v}, should be user.mail")),
        Some(_) => {}
    }
    match find("roles") {
        None => missing.push("roles is missing"),
        Some(v) if v != "user.assignedroles" && v != "agent" => {
            wrong.push(format!("roles is {v}, should be user.assignedroles"))
        }
        Some(_) => {}
    }
    let long_only =
        find("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress").is_some() && find("email").is_none();
    let mut notes: Vec<String> = missing.iter().map(|m| m.to_string()).chain(wrong.iter().cloned()).collect();
    if long_only {
        notes.push("the long emailaddress claim does not count: Frontline reads the short name \"email\"".into());
    }
    if notes.is_empty() {
        observed("claims", Status::Done, "Claims email = user.mail and roles are saved", at)
    } else if wrong.is_empty() {
        observed("claims", Status::InProgress, format!("Additional claims: {}", notes.join("; ")), at)
    } else {
        observed("claims", Status::Attention, format!("Additional claims: {}", notes.join("; ")), at)
    }
}

fn claims_table(snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[l::CLAIM_NAME_COLUMN, l::VALUE_COLUMN])?;
    let (n, v) = (column(t, l::CLAIM_NAME_COLUMN), column(t, l::VALUE_COLUMN));
    let claims: Vec<(String, String)> = t.rows.iter().map(|r| (norm(cell(r, n)), cell(r, v).to_string())).collect();
    Some(Plan { form: Some("claims-list"), events: vec![claims_event(&claims, &place(snap))], ..Plan::default() })
}

fn roles_table(snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[l::DISPLAY_NAME_COLUMN, l::VALUE_COLUMN, l::MEMBER_TYPES_COLUMN])?;
    let (name, val, types) =
        (column(t, l::DISPLAY_NAME_COLUMN), column(t, l::VALUE_COLUMN), column(t, l::MEMBER_TYPES_COLUMN));
    let state = column(t, l::ROLE_STATE);
    let agent = t.rows.iter().find(|r| cell(r, val) == "agent");
    let at = place(snap);
    let event = match agent {
        None => observed("app-role", Status::Todo, "No app role with the value agent yet", &at),
        Some(r) => {
            let enabled = state.is_none() || l::ENABLED.iter().any(|e| norm(cell(r, state)) == norm(e));
            let users = norm(cell(r, types)).contains("users");
            if enabled && users {
                observed(
                    "app-role",
                    Status::Done,
                    format!("App role {} (agent) for {} is enabled", cell(r, name), cell(r, types)),
                    &at,
                )
            } else {
                observed(
                    "app-role",
                    Status::Attention,
                    "The app role agent exists but is disabled or not for Users/Groups",
                    &at,
                )
            }
        }
    };
    Some(Plan { form: Some("app-roles"), events: vec![event], ..Plan::default() })
}

fn assignments(snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[l::DISPLAY_NAME_COLUMN, l::OBJECT_TYPE_COLUMN, l::ROLE_ASSIGNED_COLUMN])?;
    let role = column(t, l::ROLE_ASSIGNED_COLUMN);
    let agents = t.rows.iter().filter(|r| norm(cell(r, role)) == "agent").count();
    let at = place(snap);
    let event = if agents > 0 {
        observed(
            "assign-users",
            Status::Done,
            format!("{agents} of {} assignments have the role Agent", t.rows.len()),
            &at,
        )
    } else if t.rows.is_empty() {
        observed("assign-users", Status::Todo, "No users or groups are assigned yet", &at)
    } else {
        observed(
            "assign-users",
            Status::Attention,
            format!("None of the {} assignments has the role Agent", t.rows.len()),
            &at,
        )
    };
    Some(Plan { form: Some("assignments"), events: vec![event], ..Plan::default() })
}
