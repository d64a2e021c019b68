//! The Azure portal's words, in one table: every label, heading, button and option the forms
//! code looks for, each with the wordings it is known by. The collector strips dialect
//! variants (a trailing colon, "*", "(Required)", balloon text); these are the words only.
//! English for now: another language is another set of entries here.

/// One thing the portal names, by every wording it is known by.
pub type Words = &'static [&'static str];

// ---- Create your own application ----
pub const APP_NAME: Words = &["What's the name of your app?", "What’s the name of your app?"];
/// A substring of the non-gallery radio's long label.
pub const NON_GALLERY: Words = &["non-gallery"];

// ---- Select a single sign-on method; the SAML pane ----
pub const SSO_METHOD: Words = &["Select a single sign-on method"];
pub const SAML_PANE: Words = &["Set up Single Sign-On with SAML"];

// ---- Basic SAML Configuration ----
pub const BASIC_SAML: Words = &["Basic SAML Configuration"];
pub const IDENTIFIER: Words = &["Identifier (Entity ID)"];
pub const REPLY_URL: Words = &["Reply URL (Assertion Consumer Service URL)", "Reply URL"];
pub const DEFAULT: Words = &["Default"];
pub const ADD_IDENTIFIER: Words = &["Add identifier"];
pub const ADD_REPLY_URL: Words = &["Add reply URL"];
/// The controls that only add an empty row to the unsaved form: the only ones ever clicked.
pub const ROW_ADDERS: &[Words] = &[ADD_IDENTIFIER, ADD_REPLY_URL];

// ---- SAML Certificates ----
pub const SIGNING_OPTION: Words = &["Signing Option"];
pub const SIGNING_ALGORITHM: Words = &["Signing Algorithm"];
pub const THUMBPRINT: Words = &["Thumbprint"];
pub const EXPIRATION: Words = &["Expiration"];
pub const METADATA_URL: Words = &["App Federation Metadata Url", "App Federation Metadata URL"];
/// What Entra puts in a new signing form; replaced without asking (see `edit.rs`).
pub const SIGNING_DEFAULTS: Words = &["Sign SAML assertion", "SHA-256"];
/// A drop-down that shows one of these has nothing chosen yet.
pub const PLACEHOLDER_PREFIX: &str = "select";

// ---- Set up <app> ----
pub const LOGIN_URL: Words = &["Login URL"];
pub const ENTRA_IDENTIFIER: Words = &["Microsoft Entra Identifier", "Azure AD Identifier"];
/// A section with nothing saved yet shows one of these instead of a value.
pub const UNSET: Words = &["Required", "Optional", "-"];

// ---- Attributes & Claims ----
pub const CLAIMS_SECTION: Words = &["Attributes & Claims"];
pub const CLAIM_NAME: Words = &["Name"];
pub const NAMESPACE: Words = &["Namespace"];
pub const SOURCE_ATTRIBUTE: Words = &["Source attribute"];
pub const SOURCE_IS_ATTRIBUTE: Words = &["Attribute"];
pub const CLAIM_NAME_COLUMN: Words = &["Claim name"];
pub const VALUE_COLUMN: Words = &["Value"];

// ---- App roles ----
pub const ENABLE_APP_ROLE: Words = &["enable this app role"];
pub const ROLE_DISPLAY_NAME: Words = &["Display name"];
pub const ROLE_VALUE: Words = &["Value"];
pub const ROLE_DESCRIPTION: Words = &["Description"];
pub const MEMBER_TYPES_USERS: Words = &["Users/Groups"];
pub const DISPLAY_NAME_COLUMN: Words = &["Display name"];
pub const MEMBER_TYPES_COLUMN: Words = &["Allowed member types"];
pub const ROLE_STATE: Words = &["State", "Status"];
pub const ENABLED: Words = &["Enabled"];

// ---- Users and groups ----
pub const OBJECT_TYPE_COLUMN: Words = &["Object type"];
pub const ROLE_ASSIGNED_COLUMN: Words = &["Role assigned"];

/// Portal words that may stand in a page report as they are: they are the portal's, not the
/// tenant's (options, states, column values).
pub const VOCABULARY: Words = &[
    "Sign SAML assertion",
    "Sign SAML response",
    "Sign SAML response and assertion",
    "SHA-256",
    "SHA-1",
    "Attribute",
    "Transformation",
    "Active",
    "Inactive",
    "Enabled",
    "Disabled",
    "Required",
    "Optional",
    "SAML",
    "User",
    "Group",
    "Default Access",
    "Users/Groups",
    "Applications",
    "Both (Users/Groups + Applications)",
    "user.mail",
    "user.userprincipalname",
    "user.assignedroles",
    "user.givenname",
    "user.surname",
    "user.objectid",
    "Select an option",
    "Select from drop down",
];
