//! Portal words beyond the label tables: options, states and column values, as English shows them.

/// Portal words that may stand in a page report as they are: they are the portal's, not the
/// tenant's. The labels' own wordings count too, in every language.
pub const VOCABULARY: &[&str] = &[
    "Sign SAML response",
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
