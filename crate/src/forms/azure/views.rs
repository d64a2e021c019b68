//! Read-only views: the SAML pane's sections, the claims, roles and assignments tables.
//! They prove what was saved, and hold the values Twilio needs.

use super::super::{has_heading, norm, observed, place, AppClaim, Plan, Snapshot, Table, Wording};
use super::lang_of;
use crate::cert::certificate::thumbprint_in;
use crate::common::ids::{FormId, Step};
use crate::entra::links::app_ids_in;
use crate::entra::portal::{with_labels, Label as L, Lang};
use crate::product::frontline::LONG_EMAIL_CLAIM;
use crate::product::{sp_urls, AppRole, Facts};
use crate::setup::checklist::{ChecklistEvent, Status};
use crate::setup::renewal::ListedCert;
use crate::setup::{Conflict, Setup, SetupEvent};

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    saml_pane(setup, snap)
        .or_else(|| sso_method(snap))
        .or_else(|| claims_table(setup, snap))
        .or_else(|| roles_table(setup, snap))
        .or_else(|| assignments(setup, snap))
}

/// (section, label, value) from definition lists and read-only fields alike.
fn pairs(snap: &Snapshot) -> Vec<(String, String, String)> {
    let mut out: Vec<_> =
        snap.texts.iter().map(|t| (norm(&t.section), norm(&t.label), t.value.trim().to_string())).collect();
    out.extend(
        snap.fields
            .iter()
            .filter(|f| f.shows_value())
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
    let facts = setup.product().facts();
    let app = whose_pane(setup, snap, &p);
    if app != AppClaim::Own {
        return Some(another_app(setup, &p));
    }
    let mut events = vec![
        observed(Step::CreateApp, Status::Done, "The application exists (its single sign-on page is open)", &at),
        observed(Step::ChooseSaml, Status::Done, "SAML is the single sign-on method", &at),
    ];
    // 1. Basic SAML Configuration: exactly the computed values, or the difference.
    events.extend(basic_saml(setup, &p, lang, &at));
    // 3. SAML Certificates: signing option and algorithm, and what Twilio needs later.
    events.extend(signing(setup, &p, lang, &at));
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
    if !claims.is_empty() && !facts.claims.is_empty() {
        events.push(claims_event(facts, &claims, &at));
    }
    events.extend(name_id_event(facts, &p, &at));
    let resolved = vec![OTHER_APP.to_string()];
    Some(Plan { form: Some(FormId::SamlPane), events, resolved, app, ..Plan::default() })
}

/// Section 1 of the pane: the saved Identifier and Reply URL against the computed ones.
fn basic_saml(setup: &Setup, p: &[(String, String, String)], lang: Lang, at: &str) -> Option<SetupEvent> {
    let realm = setup.urls().ok()?;
    let id = saved(value(p, L::Identifier));
    let acs = saved(value(p, L::ReplyUrl));
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
    Some(if problems.is_empty() {
        let what = format!("Saved Identifier and Reply URL match the {}", setup.product().facts().sid_name);
        observed(Step::BasicSaml, Status::Done, what, at)
    } else if id.is_none() && acs.is_none() {
        observed(Step::BasicSaml, Status::Todo, with_labels("[BasicSaml] is not filled in yet", lang), at)
    } else {
        observed(Step::BasicSaml, Status::Attention, problems.join("; "), at)
    })
}

/// Section 3 of the pane: the saved signing option and algorithm against the product's.
fn signing(setup: &Setup, p: &[(String, String, String)], lang: Lang, at: &str) -> Option<SetupEvent> {
    let facts = setup.product().facts();
    let option = value(p, L::SigningOption)?;
    let alg = value(p, L::SigningAlgorithm).unwrap_or_default();
    let ok = facts.signing_option.names(option) && norm(alg) == norm(facts.signing_algorithm);
    Some(if ok {
        observed(Step::Signing, Status::Done, format!("Saved: {option}, {alg}"), at)
    } else {
        let what = format!(
            "Saved: {option}, {alg}; {} needs \"{}\" with {} ({} → Edit)",
            facts.name,
            facts.signing_option.in_lang(lang),
            facts.signing_algorithm,
            L::SamlCertificates.in_lang(lang),
        );
        observed(Step::Signing, Status::Attention, what, at)
    })
}

/// The conflict raised by another app's SAML pane; Replace makes it the setup's app.
const OTHER_APP: &str = "saml-pane/app";

/// Whether the pane is the setup's own app's. Yes when its saved Identifier is this setup's
/// Entity ID, or the admin said so (Replace). Else the portal's address (Chrome's, never the
/// page's word) decides when both it and the setup name an app: the same app or not. Where no
/// app is known yet, only an Identifier of another Twilio realm or connection makes it another
/// app's: none saved (the app just created), a typo of ours or an old value being replaced are
/// the setup's app being configured.
fn whose_pane(setup: &Setup, snap: &Snapshot, p: &[(String, String, String)]) -> AppClaim {
    let identifier = saved(value(p, L::Identifier));
    let ours = setup.urls().ok();
    let by_identifier = ours.as_ref().is_some_and(|u| identifier == Some(u.sp_entity_id.as_str()));
    let ids_say = match (app_ids_in(&snap.top_url), setup.portal.app.as_ref()) {
        (Some(shown), Some(stored)) => Some(shown.app_id == stored.app_id),
        _ => None,
    };
    let another_realm = || {
        let theirs = identifier.and_then(|i| sp_urls(i, None, None).ok());
        matches!((theirs, &ours), (Some(t), Some(o)) if t.sid != o.sid || t.product != o.product)
    };
    let own = by_identifier || setup.replace.iter().any(|r| r == OTHER_APP) || ids_say.unwrap_or(!another_realm());
    if own {
        AppClaim::Own
    } else {
        AppClaim::Other
    }
}

/// Another app's pane (another app of the tenant, or another tenant's): nothing of it is taken
/// (no IdP values, no thumbprint, no metadata URL to fetch), only a conflict the admin can Replace.
fn another_app(setup: &Setup, p: &[(String, String, String)]) -> Plan {
    let mine = setup.urls().map(|u| u.sp_entity_id).unwrap_or_default();
    let theirs = saved(value(p, L::Identifier)).unwrap_or("none saved");
    let conflict = Conflict {
        id: OTHER_APP.into(),
        form: FormId::SamlPane,
        step: Step::BasicSaml,
        field: "App whose single sign-on page is open (Identifier)".into(),
        current: if mine.is_empty() { "this setup's app".into() } else { mine },
        wanted: theirs.to_string(),
        at: 0,
    };
    Plan { form: Some(FormId::SamlPane), conflicts: vec![conflict], app: AppClaim::Other, ..Plan::default() }
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

/// The product's claims with their source attributes (roles may be a constant role value), by their
/// exact short names: the long emailaddress URI does not count.
fn claims_event(facts: &Facts, claims: &[(String, String)], at: &str) -> SetupEvent {
    let find = |name: &str| claims.iter().find(|(n, _)| n == name).map(|(_, v)| norm(v).trim_matches('"').to_string());
    let mut missing: Vec<String> = Vec::new();
    let mut wrong = Vec::new();
    for claim in facts.claims {
        let (name, want) = (claim.name, claim.source_attribute);
        // The roles claim may also be a constant role value ("agent").
        let constant = |v: &str| name == ROLES && facts.roles.iter().any(|r| r.value == v);
        match find(name) {
            None => missing.push(name.into()),
            Some(v) if v != want && !constant(&v) => wrong.push(format!("{name} is {v}, should be {want}")),
            Some(_) => {}
        }
    }
    let long_only = find(LONG_EMAIL_CLAIM).is_some() && find(EMAIL).is_none();
    let mut notes: Vec<String> =
        missing.iter().map(|m| format!("{m} is missing")).chain(wrong.iter().cloned()).collect();
    if long_only {
        notes
            .push(format!("the long emailaddress claim does not count: {} reads the short name \"email\"", facts.name));
    }
    let (outcome, what) = if notes.is_empty() {
        (Status::Done, format!("Claims {} are saved", saved_claims(facts)))
    } else if wrong.is_empty() {
        (Status::InProgress, format!("Additional claims: {}", notes.join("; ")))
    } else {
        (Status::Attention, format!("Additional claims: {}", notes.join("; ")))
    };
    // Which claims are missing goes along as a fact: the claim form adds the next one from it.
    let (step, place, missing_claims) = (Step::Claims, at.to_string(), missing);
    SetupEvent::Checklist(ChecklistEvent::Observed { step, outcome, what, place, missing_claims })
}

const EMAIL: &str = "email";
const ROLES: &str = "roles";

/// The saved Unique User Identifier (Name ID), for a product that reads it: its source attribute,
/// with `[nameid-format:emailAddress]` where the blade shows the format.
fn name_id_event(facts: &Facts, p: &[(String, String, String)], at: &str) -> Option<SetupEvent> {
    let rule = facts.name_id?;
    let shown = value(p, L::NameIdClaim)?;
    let (source, format) = match shown.split_once('[') {
        Some((s, f)) => (s.trim(), Some(f.trim_end_matches(']').trim())),
        None => (shown.trim(), None),
    };
    let want_format = rule.format_uri.rsplit(':').next().unwrap_or_default();
    let format_ok = format.is_none_or(|f| norm(f.rsplit(':').next().unwrap_or_default()) == norm(want_format));
    let source_ok = norm(source) == norm(rule.source_attribute);
    Some(if source_ok && format_ok {
        observed(Step::NameId, Status::Done, format!("Saved: NameID = {shown}"), at)
    } else {
        let what = format!(
            "Saved: NameID = {shown}; {} needs {} in the {want_format} format",
            facts.name, rule.source_attribute
        );
        observed(Step::NameId, Status::Attention, what, at)
    })
}

/// "email = user.mail and roles": each claim with its source, but roles (which may be a constant).
fn saved_claims(facts: &Facts) -> String {
    let named: Vec<String> = facts
        .claims
        .iter()
        .map(|c| if c.name == ROLES { c.name.to_string() } else { format!("{} = {}", c.name, c.source_attribute) })
        .collect();
    match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => named.join(""),
    }
}

fn claims_table(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[L::ClaimNameColumn, L::ValueColumn])?;
    let (n, v) = (column(t, L::ClaimNameColumn), column(t, L::ValueColumn));
    let claims: Vec<(String, String)> = t.rows.iter().map(|r| (norm(cell(r, n)), cell(r, v).to_string())).collect();
    let (facts, at) = (setup.product().facts(), place(snap));
    let mut events: Vec<SetupEvent> = Vec::new();
    if !facts.claims.is_empty() {
        events.push(claims_event(facts, &claims, &at));
    }
    events.extend(name_id_event(facts, &pairs(snap), &at));
    Some(Plan { form: Some(FormId::ClaimsList), events, ..Plan::default() })
}

/// The app roles list: each of the product's roles, by its value, enabled and for users. Which are
/// missing goes along as a fact: the app role form fills the next one from it.
fn roles_table(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[L::DisplayNameColumn, L::ValueColumn, L::MemberTypesColumn])?;
    let (name, val, types) =
        (column(t, L::DisplayNameColumn), column(t, L::ValueColumn), column(t, L::MemberTypesColumn));
    let state = column(t, L::RoleState);
    let facts = setup.product().facts();
    let row_of = |role: &AppRole| t.rows.iter().find(|r| cell(r, val) == role.value);
    let usable = |r: &Vec<String>| {
        let enabled = state.is_none() || L::Enabled.names(cell(r, state));
        enabled && L::MemberTypesUsers.normed().iter().any(|u| norm(cell(r, types)).contains(u.as_str()))
    };
    let missing: Vec<String> = facts.roles.iter().filter(|r| row_of(r).is_none()).map(|r| r.value.into()).collect();
    let unusable: Vec<&str> =
        facts.roles.iter().filter(|r| row_of(r).is_some_and(|row| !usable(row))).map(|r| r.value).collect();
    let lang = lang_of(snap, setup);
    let values = |list: &[&str]| and_list(list);
    let all: Vec<&str> = facts.roles.iter().map(|r| r.value).collect();
    let (outcome, what) = match (facts.roles, missing.len(), unusable.is_empty()) {
        (_, _, false) => (
            Status::Attention,
            with_labels(
                &format!("The app role {} exists but is disabled or not for [MemberTypesUsers]", values(&unusable)),
                lang,
            ),
        ),
        ([only], 1, _) => (Status::Todo, format!("No app role with the value {} yet", only.value)),
        ([only], _, _) => {
            let r = row_of(only).map(Vec::as_slice).unwrap_or_default();
            (Status::Done, format!("App role {} ({}) for {} is enabled", cell(r, name), only.value, cell(r, types)))
        }
        (_, 0, _) => (Status::Done, format!("App roles {} are enabled for users", values(&all))),
        (roles, n, _) if n == roles.len() => {
            (Status::Todo, format!("No app role with the value {} yet", or_list(&all)))
        }
        _ => {
            let m: Vec<&str> = missing.iter().map(String::as_str).collect();
            (Status::InProgress, format!("App roles still to create: {}", values(&m)))
        }
    };
    let (step, place, missing_claims) = (Step::AppRole, place(snap), missing);
    let event = SetupEvent::Checklist(ChecklistEvent::Observed { step, outcome, what, place, missing_claims });
    Some(Plan { form: Some(FormId::AppRoles), events: vec![event], ..Plan::default() })
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    joined(items, "and")
}

fn or_list(items: &[&str]) -> String {
    joined(items, "or")
}

fn joined(items: &[&str], word: &str) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {word} {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// Users and groups: at least one assignment with one of the product's roles, counted per role.
fn assignments(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let t = table_with(snap, &[L::DisplayNameColumn, L::ObjectTypeColumn, L::RoleAssignedColumn])?;
    let role = column(t, L::RoleAssignedColumn);
    let facts = setup.product().facts();
    let holds = |r: &AppRole, row: &Vec<String>| {
        let shown = norm(cell(row, role));
        shown == r.value || shown == norm(r.display_name)
    };
    let counts: Vec<(&AppRole, usize)> =
        facts.roles.iter().map(|r| (r, t.rows.iter().filter(|row| holds(r, row)).count())).collect();
    let with_role = t.rows.iter().filter(|row| facts.roles.iter().any(|r| holds(r, row))).count();
    let names: Vec<&str> = facts.roles.iter().map(|r| r.display_name).collect();
    let which = match facts.roles {
        [only] => format!("the role {}", only.display_name),
        _ => format!("a {} role", facts.name),
    };
    let per_role = match facts.roles {
        [_] => String::new(),
        _ => {
            let c: Vec<String> = counts.iter().map(|(r, n)| format!("{} {n}", r.display_name)).collect();
            format!(" ({})", c.join(", "))
        }
    };
    let at = place(snap);
    // A product with no roles (Console): any assignment is one; permissions are set in Twilio.
    let with_role = if facts.roles.is_empty() { t.rows.len() } else { with_role };
    let which = if facts.roles.is_empty() { "access (no role needed)".to_string() } else { which };
    let event = if with_role > 0 {
        let what = format!("{with_role} of {} assignments have {which}{per_role}", t.rows.len());
        observed(Step::AssignUsers, Status::Done, what, &at)
    } else if t.rows.is_empty() {
        observed(Step::AssignUsers, Status::Todo, "No users or groups are assigned yet", &at)
    } else {
        let hint = if names.len() > 1 { format!(" ({})", or_list(&names)) } else { String::new() };
        let what = format!("None of the {} assignments has {which}{hint}", t.rows.len());
        observed(Step::AssignUsers, Status::Attention, what, &at)
    };
    Some(Plan { form: Some(FormId::Assignments), events: vec![event], ..Plan::default() })
}
