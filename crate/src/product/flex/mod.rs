//! Twilio Flex's facts (twilio.com/docs/flex/sso-configuration/azure-ad): the SSO connection
//! SID and the URLs made from it, with the region (`connection`), the retired Account-based
//! URLs, the claims and the three app roles, the signing it wants, and where its page is.
//! No other module spells these values; each asks here.

mod connection;
pub mod console;

pub use connection::{recognizes, shown_url, urls, DEFAULT_REGION, SID_PREFIX};

use super::{AppRole, Claim, Facts, Product, SpSource, StepTexts, SID_STEPS};
use crate::entra::portal::Label;
use crate::entra::{user_attribute, USER_ASSIGNED_ROLES, USER_DISPLAY_NAME, USER_MAIL};

pub const DEFAULT_APP_NAME: &str = "Twilio Flex SSO";

pub const EMAIL: Claim = Claim { name: "email", source_attribute: USER_MAIL };
pub const FULL_NAME: Claim = Claim { name: "full_name", source_attribute: USER_DISPLAY_NAME };
pub const ROLES: Claim = Claim { name: "roles", source_attribute: USER_ASSIGNED_ROLES };
/// In the order the Twilio guide lists them.
pub const CLAIMS: [Claim; 3] = [EMAIL, FULL_NAME, ROLES];

pub const AGENT: AppRole = AppRole { display_name: "Agent", value: "agent", description: "Flex agent" };
pub const SUPERVISOR: AppRole =
    AppRole { display_name: "Supervisor", value: "supervisor", description: "Flex supervisor" };
pub const ADMIN: AppRole = AppRole { display_name: "Admin", value: "admin", description: "Flex admin" };
/// A user needs at least one of these.
pub const ROLES_TO_CREATE: [AppRole; 3] = [AGENT, SUPERVISOR, ADMIN];

/// The response and the assertion signed, with SHA-256.
pub const SIGNING_OPTION: Label = Label::SignResponseAndAssertion;
pub const SIGNING_ALGORITHM: &str = "SHA-256";

/// The guide's path to the page that shows the Entity ID and ACS and takes the IdP's values.
/// Its URL inside console.twilio.com is not public, so the link is the console's home.
pub const CONSOLE_SSO_URL: &str = "https://console.twilio.com/";
pub const CONSOLE_SSO_PLACE: &str = "Twilio Console — Flex → Manage → Single sign-on";

pub const FACTS: Facts = Facts {
    product: Product::Flex,
    name: "Flex",
    sid_name: "SSO connection SID",
    sid_prefix: SID_PREFIX,
    source: SpSource::Sid,
    claims: &CLAIMS,
    roles: &ROLES_TO_CREATE,
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
    sid_help: "Flex Console → Manage → Single sign-on → Set up your identity provider: JQ and 32 hex digits, or \
        paste the ACS URL, which holds the region too.",
    claims: concat!(
        "Add claims email = ",
        user_attribute!(mail),
        ", full_name = ",
        user_attribute!(display_name),
        " and roles = ",
        user_attribute!(assigned_roles),
        ", with an empty namespace."
    ),
    claims_assist: "In Add new claim, the extension fills the next missing claim: its name, an empty namespace and \
        the source attribute; you click Save, three times.",
    app_role_title: "App roles agent, supervisor and admin",
    app_role: "App registrations → App roles → Create app role, once for each: Agent (agent), Supervisor \
        (supervisor) and Admin (admin), [MemberTypesUsers], enabled.",
    app_role_assist: "The extension fills the form with the next role the list lacks; you click Apply, three times.",
    assign: "Enterprise application → Users and groups → Add user/group, each with a Flex role: Agent, Supervisor \
        or Admin.",
    twilio_title: "Twilio Flex SSO",
    twilio: "Flex Console → Manage → Single sign-on: enter the identity provider's SSO URL, issuer and \
        certificate, then Save.",
    twilio_assist: "The extension fills the values it recognises and never overwrites a different value without \
        your Replace; you click Save.",
    twilio_link: "Open the Twilio Console (Flex → Manage → Single sign-on)",
    own: &[],
    not_asked: "",
    test: "Sign in to Flex as a user with a Flex role.",
};
