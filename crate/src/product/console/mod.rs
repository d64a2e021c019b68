//! Twilio Console SSO's facts: an SSO profile in Twilio's Admin Center (Enterprise or
//! Administration Edition). Unlike Frontline and Flex, its service-provider values come from no
//! SID: they come from the SP metadata the profile shows (`sp`). Sources, all on twilio.com:
//! - docs/iam/single-sign-on: Twilio is the SP, SP- or IdP-initiated; the user's email address is
//!   the NameID; users must exist in the Organization (by hand, bulk import or SCIM); SAML carries
//!   no permissions.
//! - docs/iam/single-sign-on/configuring-azure-active-directory-with-twilio-sso: Admin Center →
//!   Single Sign-On → Create new SSO Profile shows the SP metadata, to copy or download; a
//!   non-gallery Enterprise app → SAML → "Upload metadata file"; then the NameID and the Signing
//!   Option (response and assertion).
//! - docs/iam/single-sign-on/test-the-sso-connection: "Test SSO Connection" is SP-initiated from
//!   Twilio's login page; a profile can be enforced only after a successful test.
//! - docs/iam/single-sign-on/troubleshooting-errors-during-test-sso-connection: a 404 at the IdP
//!   (wrong IdP values in the profile), response not signed, response invalid (encrypted),
//!   audience mismatch, RelayState missing.
//!
//! No other module spells these values; each asks here.

pub mod admin_center;
pub mod metadata;
mod sp;

pub use metadata::EMAIL_FORMAT;
pub use sp::{metadata_of, recognizes, urls};

use super::{Facts, NameIdRule, Product, SpSource, StepText, StepTexts};
use crate::common::ids::Step;
use crate::entra::portal::Label;
use crate::entra::{user_attribute, USER_MAIL};

pub const DEFAULT_APP_NAME: &str = "Twilio Console SSO";

/// The NameID Twilio matches its managed users by: their email address, in the email format.
pub const NAME_ID: NameIdRule =
    NameIdRule { format: Label::EmailAddressFormat, format_uri: EMAIL_FORMAT, source_attribute: USER_MAIL };

/// "Response and assertion signed" (the troubleshooting page's "message of SAML response is not signed").
pub const SIGNING_OPTION: Label = Label::SignResponseAndAssertion;
pub const SIGNING_ALGORITHM: &str = "SHA-256";

/// Admin Center's address is not public: the link is the console's home, and the place says where to go.
pub const CONSOLE_SSO_URL: &str = "https://console.twilio.com/";
pub const CONSOLE_SSO_PLACE: &str = "Twilio Admin Center — Single Sign-On → SSO profile";

/// Console's steps: its SP metadata first, no claims and no app roles, and the reminder last.
const STEPS: [Step; 12] = [
    Step::SpMetadata,
    Step::CreateApp,
    Step::ChooseSaml,
    Step::BasicSaml,
    Step::NameId,
    Step::Signing,
    Step::CaptureIdp,
    Step::Certificate,
    Step::AssignUsers,
    Step::TwilioSso,
    Step::TestSignIn,
    Step::Enforce,
];

pub const FACTS: Facts = Facts {
    product: Product::Console,
    name: "Twilio Console",
    sid_name: "SP metadata",
    sid_prefix: "<EntityDescriptor",
    source: SpSource::Metadata,
    claims: &[],
    roles: &[],
    name_id: Some(NAME_ID),
    relay_state_required: true,
    steps: &STEPS,
    signing_option: SIGNING_OPTION,
    signing_algorithm: SIGNING_ALGORITHM,
    default_app_name: DEFAULT_APP_NAME,
    console_sso_url: CONSOLE_SSO_URL,
    console_sso_place: CONSOLE_SSO_PLACE,
    texts: TEXTS,
};

const TEXTS: StepTexts = StepTexts {
    sid_help: "Admin Center → Single Sign-On → your SSO profile: copy the SP metadata, or download it and choose the \
        file. The profile page is read by itself when you open it.",
    claims: "",
    claims_assist: "",
    app_role_title: "",
    app_role: "",
    app_role_assist: "",
    assign: "Enterprise application → Users and groups → Add user/group: the users who sign in to the Twilio \
        Console. No role: Twilio Console takes its permissions from Twilio, never from SAML.",
    twilio_title: "IdP values in the SSO profile",
    twilio: "Admin Center → Single Sign-On → your SSO profile: enter the Issuer (Entity ID), the Single Sign-On \
        URL and the X.509 certificate, then Save.",
    twilio_assist: "The extension fills the values it recognises and never overwrites a different value without \
        your Replace; you click Save. It never clicks Test SSO Connection or Enforce SSO.",
    twilio_link: "Open the Twilio Console (Admin Center → Single Sign-On)",
    test: "In the SSO profile, Test SSO Connection: the test user signs in from Twilio's login page (SP-initiated), \
        so Entra must send back the RelayState.",
    own: &OWN,
    not_asked: "No claims and no app roles: Twilio Console reads only the NameID (the user's email address), and \
        users' permissions are set in Twilio, not carried by SAML.",
};

const OWN: [StepText; 4] = [
    StepText {
        step: Step::SpMetadata,
        title: "Twilio's SP metadata",
        instruction: "Admin Center → Single Sign-On → Create new SSO Profile: copy the SP metadata into this panel, \
            or download it and choose the file.",
        assist: "Opening the profile page is enough: the extension reads the metadata it shows.",
    },
    StepText {
        step: Step::BasicSaml,
        title: "[BasicSaml]",
        instruction: "Upload metadata file with Twilio's SP metadata, or set [Identifier] and Reply URL (ACS) to the \
            values below; then Save.",
        assist: "The extension fills both values, or checks the ones the upload saved; you click Save.",
    },
    StepText {
        step: Step::NameId,
        title: "[NameIdClaim]",
        instruction: concat!(
            "[ClaimsSection] → Unique User Identifier (Name ID): [NameIdFormat] [EmailAddressFormat], source \
            attribute ",
            user_attribute!(mail),
            ". Twilio matches its users by their email address."
        ),
        assist: "The extension chooses the format and the source attribute; you click Save.",
    },
    StepText {
        step: Step::Enforce,
        title: "Enforce SSO, with the users in the Organization",
        instruction: "Each user who signs in must exist in the Twilio Organization as a managed user (by hand, Bulk \
            User Import or SCIM). After a successful test, the profile can be enforced in Admin Center.",
        assist: "This one is yours: mark it done when the users are there and SSO is enforced.",
    },
];
