//! The two values Entra's "Set up <app>" section shows and Twilio needs: the Login URL
//! (Twilio's "SSO URL") and the Microsoft Entra Identifier (Twilio's "Identity Provider Issuer").

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::metadata::{parse_metadata, MetadataReport};

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

const LOGIN_HOSTS: &[(&str, Cloud)] = &[
    ("login.microsoftonline.com", Cloud::Global),
    ("login.windows.net", Cloud::Global),
    ("login.microsoftonline.us", Cloud::UsGovernment),
    ("login.partner.microsoftonline.cn", Cloud::China),
    ("login.chinacloudapi.cn", Cloud::China),
];
const ISSUER_HOSTS: &[(&str, Cloud)] = &[
    ("sts.windows.net", Cloud::Global),
    ("login.microsoftonline.us", Cloud::UsGovernment),
    ("sts.chinacloudapi.cn", Cloud::China),
];

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
    /// `loginUrl`, `identifier`, `metadataUrl`, `twilioUrl` or `unknown`.
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
        out.kind = "identifier";
        out.cloud = Some(*cloud);
        out.tenant_id = Some(first_segment).filter(|s| !s.is_empty());
    }
    out
}

#[derive(Debug, Clone, Default)]
pub struct IdpInput {
    pub login_url: String,
    pub identifier: String,
    pub metadata_xml: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdpCheck {
    pub login_url: IdpValue,
    pub identifier: IdpValue,
    pub tenant_id: Option<String>,
    pub cloud: Option<Cloud>,
    /// The exact values Entra would show for this tenant, when it is known.
    pub expected_login_url: Option<String>,
    pub expected_identifier: Option<String>,
    pub metadata: Option<MetadataReport>,
    pub findings: Vec<Finding>,
    /// True when there are no error findings: safe to copy into Twilio.
    pub ok: bool,
}

const WHERE: &str = "In Entra → the app → Single sign-on, section 4 \"Set up <app>\"";

/// Check the Login URL and Microsoft Entra Identifier, with each other and with metadata.
pub fn check_idp_values(input: &IdpInput, now_ms: i64) -> IdpCheck {
    let login = classify(&input.login_url);
    let ident = classify(&input.identifier);
    let mut f = Vec::new();

    if login.kind == "identifier" && ident.kind == "loginUrl" {
        f.push(Finding::error(
            "swapped_fields",
            format!("The Login URL and the Identifier are swapped. {WHERE}, copy \"Login URL\" (…/saml2) into SSO URL, and \"Microsoft Entra Identifier\" (https://sts.windows.net/…/) into Identity Provider Issuer."),
        ));
    } else {
        check_field(&login, "Login URL", "loginUrl", &mut f);
        check_field(&ident, "Microsoft Entra Identifier", "identifier", &mut f);
    }

    if login.kind == "loginUrl" {
        let path = split_url(&login.value).map(|u| u.path).unwrap_or_default();
        if path.ends_with("/saml2/") {
            f.push(Finding::warning("login_url_trailing_slash", format!("The Login URL ends in \"/saml2/\"; Entra shows it as \"…/saml2\" without the slash. {WHERE}, copy it again.")));
        } else if !path.ends_with("/saml2") {
            f.push(Finding::error(
                "login_url_path",
                format!(
                    "The Login URL should end in \"/saml2\" (it is \"{}\"). {WHERE}, copy \"Login URL\" again.",
                    login.value
                ),
            ));
        }
    }
    if ident.kind == "identifier" && !ident.value.ends_with('/') {
        f.push(Finding::error(
            "missing_trailing_slash",
            format!("The identifier must end with \"/\", exactly as Entra issues it (\"{}/\"); without it Twilio rejects every sign-in. {WHERE}, use the copy button next to \"Microsoft Entra Identifier\".", ident.value),
        ));
    }
    for v in [&login, &ident] {
        if let Some(t) = &v.tenant_id {
            if !is_guid(t) && matches!(v.kind, "loginUrl" | "identifier") {
                f.push(Finding::error(
                    "tenant_independent",
                    format!("\"{}\" uses \"{t}\" instead of your tenant ID. Use the values from your app's \"Set up\" section, which contain your tenant's GUID.", v.value),
                ));
            }
        }
        if split_url(&v.value).is_some_and(|u| u.scheme != "https") {
            f.push(Finding::error(
                "not_https",
                format!("\"{}\" must start with https://. Copy it again from Entra.", v.value),
            ));
        }
    }

    let both_known = login.kind == "loginUrl" && ident.kind == "identifier";
    if both_known {
        if let (Some(a), Some(b)) = (&login.tenant_id, &ident.tenant_id) {
            if !a.eq_ignore_ascii_case(b) {
                f.push(Finding::error(
                    "tenant_mismatch",
                    format!("The Login URL is for tenant {a}, the identifier for tenant {b}. Both must come from the same app: {WHERE}."),
                ));
            }
        }
        if login.cloud != ident.cloud {
            f.push(Finding::error(
                "cloud_mismatch",
                format!(
                    "The Login URL is for {}, the identifier for {}. Copy both from the same Entra portal.",
                    login.cloud.map(Cloud::label).unwrap_or("an unknown cloud"),
                    ident.cloud.map(Cloud::label).unwrap_or("an unknown cloud")
                ),
            ));
        }
    }

    let tenant_id = ident
        .tenant_id
        .clone()
        .or_else(|| login.tenant_id.clone())
        .filter(|t| is_guid(t))
        .map(|t| t.to_ascii_lowercase());
    let cloud = ident.cloud.or(login.cloud);
    let expected_login_url = tenant_id.as_ref().zip(cloud).map(|(t, c)| login_url_for(c, t));
    let expected_identifier = tenant_id.as_ref().zip(cloud).map(|(t, c)| identifier_for(c, t));

    let metadata = match input.metadata_xml.as_deref().filter(|x| !x.trim().is_empty()) {
        None => None,
        Some(xml) => match parse_metadata(xml, now_ms) {
            Ok(md) => {
                if ident.kind == "identifier" && md.entity_id != ident.value {
                    f.push(Finding::error(
                        "metadata_entity_mismatch",
                        format!("The federation metadata's entityID is \"{}\" but the identifier is \"{}\". They must be equal: take both from the same app.", md.entity_id, ident.value),
                    ));
                }
                if login.kind == "loginUrl" && !md.single_sign_on_services.iter().any(|s| s.location == login.value) {
                    f.push(Finding::error(
                        "metadata_sso_mismatch",
                        format!("The Login URL \"{}\" is not a SingleSignOnService in the federation metadata ({}). Take both from the same app.", login.value, md.sso_url.clone().unwrap_or_else(|| "none listed".into())),
                    ));
                }
                Some(md)
            }
            Err(e) => {
                f.push(Finding::error("metadata_unreadable", e.message));
                None
            }
        },
    };

    let ok = !f.iter().any(|x| x.severity == Severity::Error);
    IdpCheck {
        login_url: login,
        identifier: ident,
        tenant_id,
        cloud,
        expected_login_url,
        expected_identifier,
        metadata,
        findings: f,
        ok,
    }
}

/// Findings for one field that is empty or holds something other than what belongs there.
fn check_field(v: &IdpValue, label: &str, want: &str, f: &mut Vec<Finding>) {
    let code_empty = if want == "loginUrl" { "missing_login_url" } else { "missing_identifier" };
    if v.value.is_empty() {
        f.push(Finding::error(code_empty, format!("The {label} is empty. {WHERE}, copy it with the copy button.")));
        return;
    }
    if v.kind == want {
        return;
    }
    let (code, msg) = match v.kind {
        "metadataUrl" => ("metadata_url_pasted", format!("This is the App Federation Metadata Url, not the {label}. {WHERE}, copy \"{label}\" instead.")),
        "twilioUrl" => ("reply_url_pasted", format!("This is a Twilio URL (the Reply URL or Entity ID), not the {label}. Twilio's values go into Entra; {WHERE}, copy \"{label}\" back into Twilio.")),
        "loginUrl" => ("wrong_field", format!("This is the Login URL, not the {label}. {WHERE}, copy \"{label}\".")),
        "identifier" => ("wrong_field", format!("This is the Microsoft Entra Identifier, not the {label}. {WHERE}, copy \"{label}\".")),
        _ => (
            if want == "loginUrl" { "not_entra_login_url" } else { "not_entra_identifier" },
            format!("\"{}\" is not a Microsoft Entra {label}. {WHERE}, copy \"{label}\".", v.value),
        ),
    };
    f.push(Finding::error(code, msg));
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

    fn check(login: &str, ident: &str) -> IdpCheck {
        check_idp_values(&IdpInput { login_url: login.into(), identifier: ident.into(), metadata_xml: None }, 0)
    }
    fn codes(c: &IdpCheck) -> Vec<&'static str> {
        c.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn good_values_pass() {
        let c =
            check(&format!("https://login.microsoftonline.com/{T}/saml2"), &format!("https://sts.windows.net/{T}/"));
        assert!(c.ok, "{:?}", c.findings);
        assert_eq!(c.tenant_id.as_deref(), Some(T));
        assert_eq!(c.cloud, Some(Cloud::Global));
    }

    #[test]
    fn sovereign_clouds() {
        let c = check(
            &format!("https://login.microsoftonline.us/{T}/saml2"),
            &format!("https://login.microsoftonline.us/{T}/"),
        );
        assert!(c.ok, "{:?}", c.findings);
        assert_eq!(c.cloud, Some(Cloud::UsGovernment));
        let c = check(
            &format!("https://login.partner.microsoftonline.cn/{T}/saml2"),
            &format!("https://sts.chinacloudapi.cn/{T}/"),
        );
        assert!(c.ok, "{:?}", c.findings);
        let c = check(
            &format!("https://login.partner.microsoftonline.cn/{T}/saml2"),
            &format!("https://sts.windows.net/{T}/"),
        );
        assert_eq!(codes(&c), ["cloud_mismatch"]);
    }

    #[test]
    fn each_mistake_is_named() {
        let login = format!("https://login.microsoftonline.com/{T}/saml2");
        let ident = format!("https://sts.windows.net/{T}/");
        assert_eq!(codes(&check(&login, ident.trim_end_matches('/'))), ["missing_trailing_slash"]);
        assert_eq!(codes(&check(&ident, &login)), ["swapped_fields"]);
        let other = "https://sts.windows.net/00000000-2011-4e31-b3ac-fd8c354146ec/";
        assert_eq!(codes(&check(&login, other)), ["tenant_mismatch"]);
        let md =
            format!("https://login.microsoftonline.com/{T}/federationmetadata/2007-06/federationmetadata.xml?appid=1");
        assert_eq!(codes(&check(&md, &ident)), ["metadata_url_pasted"]);
        let acs = "https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef";
        assert_eq!(codes(&check(&login, acs)), ["reply_url_pasted"]);
        assert_eq!(codes(&check("", "")), ["missing_login_url", "missing_identifier"]);
        assert_eq!(
            codes(&check("https://login.microsoftonline.com/common/saml2", "https://sts.windows.net/common/")),
            ["tenant_independent", "tenant_independent"]
        );
        assert_eq!(codes(&check("https://accounts.google.com/o/saml2/idp?idpid=x", &ident)), ["not_entra_login_url"]);
        assert_eq!(codes(&check(&login.replace("https", "http"), &ident)), ["not_https"]);
    }
}
