//! The ids that name the guide's steps and the forms the core recognises, typed: a typo does
//! not compile. Each is stored and sent as the same string as before ("basic-saml"), so stored
//! setups still load.

use serde::{Deserialize, Serialize};

/// The guide's steps, in its order. Stored and sent as their ids ("basic-saml"), which are
/// stable: storage, tests and the panel use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Console: Twilio's SP metadata, taken from the SSO profile.
    SpMetadata,
    CreateApp,
    ChooseSaml,
    BasicSaml,
    Signing,
    Claims,
    /// Console: the NameID (Unique User Identifier) is the email address.
    NameId,
    CaptureIdp,
    Certificate,
    AppRole,
    AssignUsers,
    TwilioSso,
    TestSignIn,
    /// Console: the reminder to enforce SSO and to have the users in the Organization.
    Enforce,
    // The certificate renewal, a checklist of its own (see renewal.rs).
    RenewAdd,
    RenewActivate,
    RenewCapture,
    RenewTwilio,
    RenewTestSignIn,
}

impl Step {
    /// Every product's steps, each once; a product's own list and order are its `Facts::steps`.
    pub const ALL: [Step; 14] = [
        Step::SpMetadata,
        Step::CreateApp,
        Step::ChooseSaml,
        Step::BasicSaml,
        Step::Signing,
        Step::Claims,
        Step::NameId,
        Step::CaptureIdp,
        Step::Certificate,
        Step::AppRole,
        Step::AssignUsers,
        Step::TwilioSso,
        Step::TestSignIn,
        Step::Enforce,
    ];

    /// The renewal's steps, in their order.
    pub const RENEWAL: [Step; 5] =
        [Step::RenewAdd, Step::RenewActivate, Step::RenewCapture, Step::RenewTwilio, Step::RenewTestSignIn];

    pub fn is_renewal(self) -> bool {
        Step::RENEWAL.contains(&self)
    }

    pub fn id(self) -> &'static str {
        match self {
            Step::SpMetadata => "sp-metadata",
            Step::CreateApp => "create-app",
            Step::ChooseSaml => "choose-saml",
            Step::BasicSaml => "basic-saml",
            Step::Signing => "signing",
            Step::Claims => "claims",
            Step::NameId => "name-id",
            Step::CaptureIdp => "capture-idp",
            Step::Certificate => "certificate",
            Step::AppRole => "app-role",
            Step::AssignUsers => "assign-users",
            Step::TwilioSso => "twilio-sso",
            Step::TestSignIn => "test-sign-in",
            Step::Enforce => "enforce",
            Step::RenewAdd => "renew-add",
            Step::RenewActivate => "renew-activate",
            Step::RenewCapture => "renew-capture",
            Step::RenewTwilio => "renew-twilio",
            Step::RenewTestSignIn => "renew-test-sign-in",
        }
    }

    /// The step with this id, or None for one this version does not know.
    pub fn parse(id: &str) -> Option<Step> {
        Step::ALL.into_iter().chain(Step::RENEWAL).find(|s| s.id() == id)
    }
}

/// The forms and views the core recognises. Sent and stored as their ids ("basic-saml").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormId {
    // Azure portal forms to fill
    CreateApp,
    BasicSaml,
    Signing,
    Claim,
    /// The Unique User Identifier (Name ID) claim's form.
    NameId,
    AppRole,
    // Azure portal views that prove what was saved
    SamlPane,
    SsoMethod,
    ClaimsList,
    AppRoles,
    Assignments,
    // Twilio Console
    TwilioSso,
    /// Flex's "Set up your identity provider": its Entity ID and ACS URL, to copy into Entra.
    FlexSpValues,
    /// Flex's page that takes the identity provider's values.
    FlexIdpData,
    /// Admin Center's SSO profile: Twilio's SP metadata, and the IdP's values it takes.
    ConsoleProfile,
}

impl FormId {
    pub const ALL: [FormId; 15] = [
        FormId::CreateApp,
        FormId::BasicSaml,
        FormId::Signing,
        FormId::Claim,
        FormId::NameId,
        FormId::AppRole,
        FormId::SamlPane,
        FormId::SsoMethod,
        FormId::ClaimsList,
        FormId::AppRoles,
        FormId::Assignments,
        FormId::TwilioSso,
        FormId::FlexSpValues,
        FormId::FlexIdpData,
        FormId::ConsoleProfile,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FormId::CreateApp => "create-app",
            FormId::BasicSaml => "basic-saml",
            FormId::Signing => "signing",
            FormId::Claim => "claim",
            FormId::NameId => "name-id",
            FormId::AppRole => "app-role",
            FormId::SamlPane => "saml-pane",
            FormId::SsoMethod => "sso-method",
            FormId::ClaimsList => "claims-list",
            FormId::AppRoles => "app-roles",
            FormId::Assignments => "assignments",
            FormId::TwilioSso => "twilio-sso",
            FormId::FlexSpValues => "flex-sp-values",
            FormId::FlexIdpData => "flex-idp-data",
            FormId::ConsoleProfile => "console-profile",
        }
    }

    /// The form with this id, or None for one this version does not know.
    pub fn parse(id: &str) -> Option<FormId> {
        FormId::ALL.into_iter().find(|f| f.id() == id)
    }
}
