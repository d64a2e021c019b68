//! Twilio Frontline's facts: the Realm SID and the URLs made from it (`realm`), the claims and
//! the app role it reads, the signing it wants, and where its own pages are. No other module
//! spells these values; each asks here.

pub mod console;
mod realm;

pub use super::paste::is_invisible;
pub use realm::{realm_urls, recognizes, RealmUrls};

use super::{Facts, Product, SpSource, StepTexts, SID_STEPS};
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
use crate::entra::user_attribute;

/// Frontline's words as literals, for its step texts put together at compile time.
macro_rules! word {
    (role_description) => {
        "Frontline user"
    };
}

pub const EMAIL: Claim = Claim { name: "email", source_attribute: user_attribute!(mail) };
pub const ROLES: Claim = Claim { name: "roles", source_attribute: user_attribute!(assigned_roles) };
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

/// Frontline's facts, as every product gives them.
pub const FACTS: Facts = Facts {
    product: Product::Frontline,
    name: "Frontline",
    sid_name: "Realm SID",
    sid_prefix: realm::SID_PREFIX,
    source: SpSource::Sid,
    claims: &CLAIMS,
    roles: &[AGENT],
    name_id: None,
    relay_state_required: false,
    steps: &SID_STEPS,
    signing_option: SIGNING_OPTION,
    signing_algorithm: SIGNING_ALGORITHM,
    default_app_name: DEFAULT_APP_NAME,
    console_sso_url: CONSOLE_SSO_URL,
    console_sso_place: CONSOLE_SSO_PLACE,
    texts: TEXTS,
};

const TEXTS: StepTexts = StepTexts {
    sid_help: "On the Frontline Console SSO page: JB and 32 hex digits.",
    claims: concat!(
        "Add claims email = ",
        user_attribute!(mail),
        " and roles = ",
        user_attribute!(assigned_roles),
        ", with an empty namespace."
    ),
    claims_assist: "In Add new claim, the extension fills the name, an empty namespace and the source attribute; \
        you click Save.",
    app_role_title: "App role Agent",
    app_role: "App registrations → App roles → Create app role: Agent, value agent, [MemberTypesUsers], enabled.",
    app_role_assist: "The extension fills the role's form; you click Apply.",
    assign: "Enterprise application → Users and groups → Add user/group, with the role Agent.",
    twilio_title: "Twilio Frontline SSO",
    twilio: "Frontline Console → SSO: Workspace ID, SSO URL, Identity Provider Issuer and X.509 Certificate, then \
        Save.",
    twilio_assist: "The extension fills the four fields and never overwrites a different value without your Replace; \
        you click Save.",
    twilio_link: "Open Twilio's Frontline SSO page",
    own: &[],
    not_asked: "",
    test: "Sign in to the Frontline app as a user with the Agent role.",
};
