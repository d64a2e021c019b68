//! Portal words beyond the label tables: options, states and column values, as English shows them.

/// Portal words that may stand in a page report as they are: they are the portal's, not the
/// tenant's. The labels' own wordings count too, in every language.
pub const VOCABULARY: &[&str] = &[
    "Sign SAML response",
    // Commands and captions around the values, as English shows them: a page report keeps them.
    "Edit",
    "Copy",
    "Copy to clipboard",
    "Save",
    "Discard",
    "Cancel",
    "Close",
    "Download",
    "Token signing certificate",
    "Certificate (Base64)",
    "Certificate (Raw)",
    "Federation Metadata XML",
    // The SAML pane's blade title, after the app's name: "<app> | SAML-based Sign-on".
    "SAML-based Sign-on",
    "Single sign-on",
    "SHA-1",
    "Transformation",
    "Active",
    "Inactive",
    "Disabled",
    "SAML",
    "User",
    "Group",
    "Default Access",
    "Applications",
    "Both (Users/Groups + Applications)",
    "user.userprincipalname",
    "user.givenname",
    "user.surname",
    "user.objectid",
];
