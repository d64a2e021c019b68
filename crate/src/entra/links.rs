//! Links into one app's blades in the Azure portal (or the Entra admin center, which takes the
//! same paths), and the app's ids, read from the portal's own URL.
//!
//! URL shapes and where each comes from:
//! - enterprise app: `#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/<Section>/objectId/<sp>/appId/<app>`
//!   with the sections `SignOn` and `Users`. Sourced: public scripts and tests that open these
//!   blades (a Selenium script opens `~/SignOn/objectId/…/appId/…`; a web app's test expects
//!   `~/Users/objectId/…/appId/…`), 2024–2026.
//! - app registration:
//!   `#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/AppRoles/appId/<app>/isMSAApp~/false`.
//!   Sourced the same way. Its URLs may carry `objectId/` too, but that is the application
//!   object's id, not the enterprise app's: it is never taken from there.
//! - the SAML Certificates section: inferred. No blade of its own is known; it is a section of
//!   the `SignOn` blade, which the link opens.
//! - the lists (today's fallback): the portal's own menu links, sourced.

use serde::{Deserialize, Serialize};

use super::is_guid;

/// The portal links open when no page has shown where the admin works.
pub const DEFAULT_PORTAL: &str = "https://portal.azure.com";
/// The portals a link may open: the Azure portal and the Entra admin center (the extension's
/// `AZURE_HOSTS` hold them too). Any other origin, whatever stored or shown it, is not used.
pub const PORTAL_HOSTS: [&str; 2] = ["portal.azure.com", "entra.microsoft.com"];
const APPS_LIST: &str = "#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview";
const REGISTRATIONS_LIST: &str = "#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade";
const ENTERPRISE_APP: &str = "#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/";
const APP_REGISTRATION: &str = "#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/";
/// Blades whose `objectId` is the enterprise application's (its service principal's).
const ENTERPRISE_BLADE: &str = "ManagedAppMenuBlade";
const REGISTRATION_BLADE: &str = "ApplicationMenuBlade";

/// One app's ids, as its portal URLs show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct AppIds {
    /// The portal it was seen on: `https://portal.azure.com` or `https://entra.microsoft.com`.
    pub origin: String,
    /// The enterprise application's object id; only its own blades show it.
    pub object_id: Option<String>,
    /// The application (client) id.
    pub app_id: String,
}

/// Where a step's link goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    AppsList,
    SingleSignOn,
    Certificates,
    Users,
    AppRoles,
}

/// The app's ids in a portal URL, or None when it shows no app. `origin` is trusted to be
/// the portal's: the caller only passes URLs of pages it has recognised as the portal.
pub fn app_ids_in(url: &str) -> Option<AppIds> {
    let (base, fragment) = url.split_once('#')?;
    let origin = base.strip_prefix("https://")?.split('/').next().filter(|h| is_portal_host(h))?;
    let segments: Vec<&str> = fragment.split(['/', '?', '&']).collect();
    let after =
        |key: &str| segments.windows(2).find(|w| w.first() == Some(&key)).and_then(|w| w.get(1)).filter(|v| is_guid(v));
    let blade = |name: &str| segments.contains(&name);
    if !blade(ENTERPRISE_BLADE) && !blade(REGISTRATION_BLADE) {
        return None;
    }
    let app_id = after("appId")?.to_ascii_lowercase();
    let object_id = if blade(ENTERPRISE_BLADE) { after("objectId").map(|o| o.to_ascii_lowercase()) } else { None };
    Some(AppIds { origin: format!("https://{}", origin.to_ascii_lowercase()), object_id, app_id })
}

fn is_portal_host(host: &str) -> bool {
    PORTAL_HOSTS.iter().any(|h| h.eq_ignore_ascii_case(host))
}

/// The ids known after seeing `new`: a different app replaces them, the same app keeps the
/// object id a registration blade does not show.
pub fn merge(old: Option<&AppIds>, new: AppIds) -> AppIds {
    match old {
        Some(o) if o.app_id == new.app_id => AppIds { object_id: new.object_id.or_else(|| o.object_id.clone()), ..new },
        _ => new,
    }
}

/// The link for a place, and whether it opens this app's own blade (true) or a list the admin
/// picks the app from (false, until the ids are known).
pub fn portal_link(place: Place, ids: Option<&AppIds>) -> (String, bool) {
    let known = |o: &&str| o.strip_prefix("https://").is_some_and(is_portal_host);
    let origin = ids.map(|i| i.origin.as_str()).filter(known).unwrap_or(DEFAULT_PORTAL);
    let enterprise = |section: &str| {
        let i = ids?;
        let object = i.object_id.as_deref()?;
        Some(format!("{origin}/{ENTERPRISE_APP}{section}/objectId/{object}/appId/{}", i.app_id))
    };
    let exact = match place {
        Place::AppsList => None,
        Place::SingleSignOn | Place::Certificates => enterprise("SignOn"),
        Place::Users => enterprise("Users"),
        Place::AppRoles => {
            ids.map(|i| format!("{origin}/{APP_REGISTRATION}AppRoles/appId/{}/isMSAApp~/false", i.app_id))
        }
    };
    match exact {
        Some(url) => (url, true),
        None if place == Place::AppRoles => (format!("{origin}/{REGISTRATIONS_LIST}"), false),
        None => (format!("{origin}/{APPS_LIST}"), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: &str = "5a1a2b3c-0000-4000-8000-00000000000a";
    const A: &str = "6b1a2b3c-0000-4000-8000-00000000000b";

    fn sso(origin: &str) -> String {
        format!("{origin}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/SignOn/objectId/{O}/appId/{A}")
    }

    #[test]
    fn ids_are_read_from_the_portals_url_shapes() {
        let portal = "https://portal.azure.com";
        let reg = format!(
            "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/\
            appId/{A}/objectId/{O}/isMSAApp~/false"
        );
        let upper = format!("{}/preferredSingleSignOnMode/saml", sso(portal)).replace(O, &O.to_uppercase());
        let ids = |o: Option<&str>, origin: &str| {
            Some(AppIds { origin: origin.into(), object_id: o.map(str::to_string), app_id: A.into() })
        };
        let not_guid = format!("{portal}/{ENTERPRISE_APP}SignOn/objectId/x/appId/y");
        for (name, url, want) in [
            ("the enterprise app's single sign-on blade", sso(portal), ids(Some(O), portal)),
            ("ids in upper case, more path after them", upper, ids(Some(O), portal)),
            ("a registration's objectId is not the enterprise app's", reg, ids(None, "https://entra.microsoft.com")),
            ("a list shows no app", format!("{portal}/{APPS_LIST}"), None),
            ("an id that is not a GUID", not_guid, None),
            ("another blade with an appId", format!("{portal}/#view/Other/~/x/appId/{A}"), None),
            ("not https", sso("http://portal.azure.com"), None),
            ("no fragment", format!("{portal}/"), None),
            (
                "a look-alike origin (issue 27: it became the links' origin)",
                sso("https://portal.azure.com.evil.test"),
                None,
            ),
            ("a blade frame's own origin", sso("https://sandbox-1.reactblade.portal.azure.net"), None),
        ] {
            assert_eq!(app_ids_in(&url), want, "{name}");
        }
    }

    #[test]
    fn links_open_the_apps_own_blades_once_its_ids_are_known() {
        let entra = "https://entra.microsoft.com";
        let both = AppIds { origin: entra.into(), object_id: Some(O.into()), app_id: A.into() };
        let app_only = AppIds { object_id: None, ..both.clone() };
        let enterprise = |section: &str| format!("{entra}/{ENTERPRISE_APP}{section}/objectId/{O}/appId/{A}");
        let roles = format!("{entra}/{APP_REGISTRATION}AppRoles/appId/{A}/isMSAApp~/false");
        for (name, place, ids, url, exact) in [
            ("sign-on", Place::SingleSignOn, Some(&both), enterprise("SignOn"), true),
            ("certificates live on the sign-on blade", Place::Certificates, Some(&both), enterprise("SignOn"), true),
            ("users and groups", Place::Users, Some(&both), enterprise("Users"), true),
            ("app roles need the app id only", Place::AppRoles, Some(&app_only), roles, true),
            ("without the object id: the list", Place::Users, Some(&app_only), format!("{entra}/{APPS_LIST}"), false),
            ("nothing known: the list", Place::SingleSignOn, None, format!("{DEFAULT_PORTAL}/{APPS_LIST}"), false),
            (
                "nothing known: registrations",
                Place::AppRoles,
                None,
                format!("{DEFAULT_PORTAL}/{REGISTRATIONS_LIST}"),
                false,
            ),
        ] {
            assert_eq!(portal_link(place, ids), (url, exact), "{name}");
        }
        // Stored ids are the worker's to validate: an origin no portal has is never a link's.
        let forged = AppIds { origin: "https://portal.azure.com.evil.test".into(), ..both };
        let (url, _) = portal_link(Place::SingleSignOn, Some(&forged));
        assert!(url.starts_with(&format!("{DEFAULT_PORTAL}/")), "{url}");
    }

    #[test]
    fn the_same_app_keeps_its_object_id_and_another_app_replaces_it() {
        let both = AppIds { origin: DEFAULT_PORTAL.into(), object_id: Some(O.into()), app_id: A.into() };
        let app_only = AppIds { object_id: None, ..both.clone() };
        assert_eq!(merge(Some(&both), app_only.clone()), both);
        let other = AppIds { app_id: O.into(), ..app_only };
        assert_eq!(merge(Some(&both), other.clone()), other);
    }
}
