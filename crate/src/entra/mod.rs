//! Microsoft Entra ID's facts: its clouds and their hosts, the shapes of the URLs it gives,
//! tenant GUIDs, what a pasted value is, and (in `portal`) the Azure portal's words in each
//! language. Nothing here knows Twilio.

pub mod links;
pub mod portal;

use serde::Serialize;

/// Entra's user attributes that claims take their values from, as the portal's "Source
/// attribute" names them. A macro, so that the products' texts can be built at compile time
/// (`concat!`); the constants below are the same words.
macro_rules! user_attribute {
    (mail) => {
        "user.mail"
    };
    (assigned_roles) => {
        "user.assignedroles"
    };
    (display_name) => {
        "user.displayname"
    };
    (user_principal_name) => {
        "user.userprincipalname"
    };
}
pub(crate) use user_attribute;

/// The user's e-mail address.
pub const USER_MAIL: &str = user_attribute!(mail);
/// The app roles the user is assigned, by value.
pub const USER_ASSIGNED_ROLES: &str = user_attribute!(assigned_roles);
/// The user's display name.
pub const USER_DISPLAY_NAME: &str = user_attribute!(display_name);
/// The user principal name: what Entra puts in a new app's NameID.
pub const USER_PRINCIPAL_NAME: &str = user_attribute!(user_principal_name);

/// Microsoft's clouds, each with its own sign-in and issuer hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Cloud {
    Global,
    UsGovernment,
    China,
}

impl Cloud {
    pub fn label(self) -> &'static str {
        match self {
            Cloud::Global => "global Azure",
            Cloud::UsGovernment => "Azure US Government",
            Cloud::China => "Azure China (21Vianet)",
        }
    }
    fn login_host(self) -> &'static str {
        match self {
            Cloud::Global => "login.microsoftonline.com",
            Cloud::UsGovernment => "login.microsoftonline.us",
            Cloud::China => "login.partner.microsoftonline.cn",
        }
    }
    fn issuer_host(self) -> &'static str {
        match self {
            Cloud::Global => "sts.windows.net",
            Cloud::UsGovernment => "login.microsoftonline.us",
            Cloud::China => "sts.chinacloudapi.cn",
        }
    }
}

/// Microsoft's sign-in hosts, each in its cloud: Login URLs and metadata are on these.
pub const LOGIN_HOSTS: &[(&str, Cloud)] = &[
    ("login.microsoftonline.com", Cloud::Global),
    ("login.windows.net", Cloud::Global),
    ("login.microsoftonline.us", Cloud::UsGovernment),
    ("login.partner.microsoftonline.cn", Cloud::China),
    ("login.chinacloudapi.cn", Cloud::China),
];
/// Whether a host name is one of Microsoft's sign-in hosts.
pub fn is_login_host(host: &str) -> bool {
    LOGIN_HOSTS.iter().any(|(h, _)| host.eq_ignore_ascii_case(h))
}

const ISSUER_HOSTS: &[(&str, Cloud)] = &[
    ("sts.windows.net", Cloud::Global),
    ("login.microsoftonline.us", Cloud::UsGovernment),
    ("sts.chinacloudapi.cn", Cloud::China),
];

/// Microsoft's error lookup page (on the global sign-in host), which takes an AADSTS code.
pub const LOOKUP_URL: &str = "https://login.microsoftonline.com/error?code=";

/// Microsoft's page for one AADSTS code.
pub fn lookup_url(code: u32) -> String {
    format!("{LOOKUP_URL}{code}")
}

/// The Login URL Entra gives a tenant in a cloud.
pub fn login_url_for(cloud: Cloud, tenant: &str) -> String {
    format!("https://{}/{}/saml2", cloud.login_host(), tenant)
}

/// The issuer Entra puts in every SAML response, trailing slash included.
pub fn identifier_for(cloud: Cloud, tenant: &str) -> String {
    format!("https://{}/{}/", cloud.issuer_host(), tenant)
}

/// A URL split just enough to judge it; not a general URL parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    pub scheme: String,
    pub host: String,
    pub path: String,
}

pub fn split_url(raw: &str) -> Option<UrlParts> {
    let (scheme, rest) = raw.split_once("://")?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (host, path) = match rest.find('/') {
        Some(i) => (rest.get(..i)?, rest.get(i..)?),
        None => (rest, ""),
    };
    Some(UrlParts { scheme: scheme.to_ascii_lowercase(), host: host.to_ascii_lowercase(), path: path.to_string() })
}

/// Entra tenant ids are GUIDs; `common`/`organizations` mean "any tenant".
pub fn is_guid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8usize, 4, 4, 4, 12])
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// What a pasted value turned out to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdpValue {
    pub value: String,
    /// `loginUrl`, `entraIdentifier`, `metadataUrl`, `twilioUrl` or `unknown`.
    pub kind: &'static str,
    pub cloud: Option<Cloud>,
    pub tenant_id: Option<String>,
}

pub fn classify(raw: &str) -> IdpValue {
    let value = raw.trim().trim_matches(['"', '\'', '<', '>']).trim().to_string();
    let mut out = IdpValue { value: value.clone(), kind: "unknown", cloud: None, tenant_id: None };
    let Some(url) = split_url(&value) else {
        return out;
    };
    let lower_path = url.path.to_ascii_lowercase();
    let first_segment = url.path.trim_start_matches('/').split('/').next().unwrap_or_default().to_string();
    if url.host == "iam.twilio.com" {
        out.kind = "twilioUrl";
    } else if lower_path.contains("federationmetadata") {
        out.kind = "metadataUrl";
        out.cloud = LOGIN_HOSTS.iter().find(|(h, _)| *h == url.host).map(|(_, c)| *c);
        out.tenant_id = Some(first_segment).filter(|s| !s.is_empty());
    } else if let Some((_, cloud)) =
        LOGIN_HOSTS.iter().find(|(h, _)| *h == url.host).filter(|_| lower_path.contains("/saml2"))
    {
        out.kind = "loginUrl";
        out.cloud = Some(*cloud);
        out.tenant_id = Some(first_segment).filter(|s| !s.is_empty());
    } else if let Some((_, cloud)) = ISSUER_HOSTS.iter().find(|(h, _)| *h == url.host) {
        out.kind = "entraIdentifier";
        out.cloud = Some(*cloud);
        out.tenant_id = Some(first_segment).filter(|s| !s.is_empty());
    }
    out
}
