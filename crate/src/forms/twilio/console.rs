//! Twilio Admin Center's SSO profile (Console SSO): recognised by what it shows, never by its
//! address. The SP metadata shown whole (or the setup's own SP values) says it is the profile,
//! with any of its own words; the IdP's fields are found by their names
//! (`product::console::admin_center`) and filled with the same refusals as the other consoles.
//! "Save", "Test SSO Connection" and "Enforce SSO" are the admin's.

use super::super::{editable, named, norm, Plan, Snapshot, Wording};
use super::{fill_idp, IdpPage};
use crate::common::ids::{FormId, Step};
use crate::product::console::{self, admin_center as l};
use crate::product::Product;
use crate::setup::{Conflict, Setup, SetupEvent};

/// The SP metadata the page shows whole (a code block, a read-only text area), if any.
fn shown_metadata(snap: &Snapshot) -> Option<(String, crate::product::SpUrls)> {
    snap.shown_values()
        .filter(|v| v.starts_with('<') && v.contains("SPSSODescriptor"))
        .find_map(|v| console::urls(v).ok().map(|u| (v.to_string(), u)))
}

/// Whether the page is an SSO profile: the metadata, the setup's own SP values, or its words.
fn is_profile(setup: &Setup, snap: &Snapshot, metadata: bool) -> bool {
    let own = setup
        .urls()
        .ok()
        .filter(|u| u.product == Product::Console)
        .is_some_and(|u| snap.shown_values().any(|v| v == u.sp_entity_id || v == u.reply_url));
    let markers = l::PROFILE_MARKERS.normed();
    let says = std::iter::once(&snap.title)
        .chain(snap.headings.iter().map(|h| &h.text))
        .chain(snap.notices.iter())
        .chain(snap.fields.iter().filter(|f| f.role == "button").map(|f| &f.name))
        .chain(snap.runs.iter().filter(|r| r.kind == "button" || r.kind == "heading").map(|r| &r.text))
        .any(|t| markers.iter().any(|m| norm(t).contains(m.as_str())));
    metadata || own || (says && named(snap, l::ISSUER).any(|f| editable(&f)))
}

pub(super) fn profile(setup: &Setup, snap: &Snapshot, now: i64) -> Option<Plan> {
    let metadata = shown_metadata(snap);
    if !is_profile(setup, snap, metadata.is_some()) {
        return None;
    }
    // A part that only shows the SP values (their own section) is the profile only while they
    // are news: else the part around it, with the IdP's fields, is the one to recognise.
    let has_fields = named(snap, l::ISSUER).any(|f| editable(&f));
    let news = metadata.as_ref().is_some_and(|(_, shown)| setup.urls().ok().as_ref() != Some(shown));
    if !has_fields && !news {
        return None;
    }
    let mut plan = Plan { form: Some(FormId::ConsoleProfile), ..Plan::default() };
    let empty = setup.sp_input.trim().is_empty();
    // Another product's setup (chosen, or named by its input): nothing here is its business.
    if setup.product.is_some_and(|p| p != Product::Console) || (setup.product() != Product::Console && !empty) {
        return Some(plan);
    }
    if let Some((xml, shown)) = metadata {
        take_metadata(setup, &xml, &shown, empty, &mut plan);
    }
    if plan.conflicts.is_empty() && setup.urls().is_ok() {
        idp_values(setup, snap, now, &mut plan);
    }
    Some(plan)
}

/// The metadata goes into an empty setup (which becomes Console's), or must be the setup's:
/// another entity ID is a conflict until Replace.
fn take_metadata(setup: &Setup, xml: &str, shown: &crate::product::SpUrls, empty: bool, plan: &mut Plan) {
    let id = "console/sp-metadata".to_string();
    match setup.urls() {
        Ok(mine) if mine.product == Product::Console && mine.sp_entity_id == shown.sp_entity_id => {
            plan.resolved.push(id)
        }
        _ if empty || setup.replace.contains(&id) => {
            if setup.product() != Product::Console || setup.product.is_none() {
                plan.events.push(SetupEvent::SetProduct(Product::Console));
            }
            plan.events.push(SetupEvent::SetRealmSid { value: xml.to_string() });
            plan.resolved.push(id);
        }
        _ => plan.conflicts.push(Conflict {
            id,
            form: FormId::ConsoleProfile,
            step: Step::SpMetadata,
            field: "SP metadata".into(),
            current: setup.urls().map(|u| u.sp_entity_id).unwrap_or_else(|_| setup.sp_input.clone()),
            wanted: shown.sp_entity_id.clone(),
            at: 0,
        }),
    }
}

/// The IdP's three values: filled when the setup holds good ones, proved when saved.
fn idp_values(setup: &Setup, snap: &Snapshot, now: i64, plan: &mut Plan) {
    let (Some(sso), Some(issuer), Some(cert)) = (
        named(snap, l::SSO_URL).find(editable),
        named(snap, l::ISSUER).find(editable),
        named(snap, l::CERTIFICATE).find(editable),
    ) else {
        return;
    };
    let page = IdpPage {
        form: FormId::ConsoleProfile,
        prefix: "console-idp",
        place: l::PLACE,
        saved_word: l::SAVED,
        done: "Saved: the profile's Issuer, Single Sign-On URL and certificate match Entra",
        typed: "Issuer, Single Sign-On URL and certificate entered; press Save",
    };
    *plan = fill_idp(setup, snap, now, [sso, issuer, cert], &page, std::mem::take(plan));
}
