//! Flex's single sign-on pages in the Twilio Console: the page that shows the Entity ID and ACS
//! URL to copy into Entra ("Set up your identity provider"), recognised by those values' shapes;
//! and the page that takes the identity provider's values back, recognised by its fields' names
//! (`product::flex::console`), filled with the same refusals as Frontline's form.

use super::super::{editable, named, observed, Plan, Snapshot};
use super::{fill_idp, IdpPage};
use crate::common::ids::{FormId, Step};
use crate::product::flex::console as l;
use crate::product::flex::shown_url;
use crate::product::{Product, SpUrls};
use crate::setup::checklist::Status;
use crate::setup::{Conflict, Setup, SetupEvent};

/// Every value the page shows (read-only pairs and fields, and text boxes) that is one of Flex's
/// URLs, with whether it is the ACS URL (which names the region; the Entity ID does not).
fn shown(snap: &Snapshot) -> Vec<(String, SpUrls, bool)> {
    snap.shown_values()
        .filter_map(|v| shown_url(v).map(|u| (v.to_string(), u, v.to_ascii_lowercase().starts_with("https://"))))
        .collect()
}

/// The page that shows this connection's Entity ID and ACS URL. The SID goes into an empty setup
/// (which becomes Flex's), or must be the one the panel has: another is a conflict until Replace.
pub(super) fn sp_values(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let urls = shown(snap);
    // The ACS URL carries the region as well as the SID: it is the one to keep.
    let (value, best, is_acs) = urls.iter().find(|(_, _, acs)| *acs).or_else(|| urls.first())?.clone();
    let mut plan = Plan { form: Some(FormId::FlexSpValues), ..Plan::default() };
    if urls.iter().any(|(_, u, _)| u.sid != best.sid) {
        let what = "The Flex Console shows two different SSO connection SIDs; open the connection you are setting up";
        plan.events.push(observed(Step::BasicSaml, Status::Attention, what, l::SP_VALUES_PLACE));
        return Some(plan);
    }
    let empty = setup.sp_input.trim().is_empty();
    // Another product's setup (chosen, or named by its SID): nothing here is its business.
    let chosen_other = setup.product.is_some_and(|p| p != Product::Flex);
    if chosen_other || (setup.product() != Product::Flex && !empty) {
        return Some(plan);
    }
    let id = "flex/connection-sid".to_string();
    match setup.urls() {
        Ok(mine)
            if mine.product == Product::Flex && mine.sid == best.sid && (!is_acs || mine.region == best.region) =>
        {
            plan.resolved.push(id)
        }
        _ if empty || setup.replace.contains(&id) => {
            if setup.product() != Product::Flex {
                plan.events.push(SetupEvent::SetProduct(Product::Flex));
            }
            // The SID as the panel shows it, and the region from the ACS URL (the Entity ID has none).
            let region = if is_acs { best.region.clone().unwrap_or_default() } else { String::new() };
            plan.events.push(SetupEvent::SetRegion { value: region });
            plan.events.push(SetupEvent::SetRealmSid { value: best.sid.clone() });
            plan.resolved.push(id);
        }
        _ => plan.conflicts.push(Conflict {
            id,
            form: FormId::FlexSpValues,
            step: Step::BasicSaml,
            field: "SSO connection".into(),
            current: setup.sp_input.clone(),
            wanted: value,
            at: 0,
        }),
    }
    Some(plan)
}

/// The page that takes the identity provider's values: SSO URL, issuer and certificate.
pub(super) fn idp_data(setup: &Setup, snap: &Snapshot, now: i64) -> Option<Plan> {
    let sso = named(snap, l::SSO_URL).find(editable)?;
    let issuer = named(snap, l::ISSUER).find(editable)?;
    let cert = named(snap, l::CERTIFICATE).find(editable)?;
    let sid = setup.urls().map(|u| u.sid).unwrap_or_default();
    let page = IdpPage {
        form: FormId::FlexIdpData,
        prefix: "flex-idp",
        place: l::IDP_DATA_PLACE,
        saved_word: l::SAVED,
        done: &format!("Saved: SSO URL, issuer and certificate match Entra (connection {sid})"),
        typed: "SSO URL, issuer and certificate entered; press Save",
    };
    let plan = Plan { form: Some(FormId::FlexIdpData), ..Plan::default() };
    Some(fill_idp(setup, snap, now, [sso, issuer, cert], &page, plan))
}
