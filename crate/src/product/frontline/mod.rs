//! Twilio Frontline's facts: the Realm SID and the URLs made from it (`realm`), the claims and
//! the app role it reads, the signing it wants, and where its own pages are. No other module
//! spells these values; each asks here.

pub mod console;
mod realm;

pub use super::paste::is_invisible;
pub use realm::{realm_urls, recognizes, RealmUrls};

use super::{Facts, Product};
use crate::entra::portal::{Label, Lang};

/// The name the extension gives a new Enterprise Application.
pub const DEFAULT_APP_NAME: &str = "FrontlineSSO Setup";

/// The app's name: the admin's choice, else the default.
pub fn app_name(chosen: &str) -> &str {
    if chosen.is_empty() {
        DEFAULT_APP_NAME
    } else {
        chosen
    }
}

pub use super::{AppRole, Claim};

/// Frontline's words as literals, for text that is put together at compile time.
macro_rules! word {
    (email_source) => {
        "user.mail"
    };
    (roles_source) => {
        "user.assignedroles"
    };
    (role_description) => {
        "Frontline user"
    };
}
pub(crate) use word;

pub const EMAIL: Claim = Claim { name: "email", source_attribute: word!(email_source) };
pub const ROLES: Claim = Claim { name: "roles", source_attribute: word!(roles_source) };
/// In the order the extension adds them.
pub const CLAIMS: [Claim; 2] = [EMAIL, ROLES];
/// The long claim URI Entra adds by default; Frontline does not read it.
pub const LONG_EMAIL_CLAIM: &str = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

/// The app role Frontline's `roles` claim must carry.
pub const AGENT: AppRole = AppRole { display_name: "Agent", value: "agent", description: word!(role_description) };

/// The signing Frontline wants: the response and the assertion, with SHA-256.
pub const SIGNING_OPTION: Label = Label::SignResponseAndAssertion;
pub const SIGNING_ALGORITHM: &str = "SHA-256";

/// The signing option as the portal names it in `lang`.
pub fn signing_option(lang: Lang) -> &'static str {
    SIGNING_OPTION.in_lang(lang)
}

/// Frontline's pages in the Twilio Console.
pub const CONSOLE_SSO_URL: &str = "https://www.twilio.com/console/frontline/sso";
pub const CONSOLE_SSO_PLACE: &str = "Twilio Console — Frontline SSO";

/// Words of Frontline's that a page report may keep as they are.
pub const WORDS: [&str; 7] = [
    EMAIL.name,
    ROLES.name,
    EMAIL.source_attribute,
    ROLES.source_attribute,
    AGENT.display_name,
    AGENT.value,
    AGENT.description,
];

/// Frontline's facts, as every product gives them.
pub const FACTS: Facts = Facts {
    product: Product::Frontline,
    name: "Frontline",
    sid_name: "Realm SID",
    sid_prefix: realm::SID_PREFIX,
    claims: &CLAIMS,
    roles: &[AGENT],
    signing_option: SIGNING_OPTION,
    signing_algorithm: SIGNING_ALGORITHM,
    default_app_name: DEFAULT_APP_NAME,
    console_sso_url: CONSOLE_SSO_URL,
    console_sso_place: CONSOLE_SSO_PLACE,
};
