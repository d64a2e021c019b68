//! The two values Entra's "Set up <app>" section shows and Twilio needs: the Login URL
//! (Twilio's "SSO URL") and the Microsoft Entra Identifier (Twilio's "Identity Provider Issuer").

use serde::Serialize;

use crate::common::codes;
use crate::common::finding::{message, Finding, Severity};
use crate::entra::portal::Label;
use crate::entra::{classify, identifier_for, is_guid, login_url_for, split_url, Cloud, IdpValue};
use crate::saml::metadata::{parse_metadata, MetadataReport};

#[derive(Debug, Clone, Default)]
pub struct IdpInput {
    pub login_url: String,
    pub entra_identifier: String,
    pub metadata_xml: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdpCheck {
    pub login_url: IdpValue,
    pub entra_identifier: IdpValue,
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
    let ident = classify(&input.entra_identifier);
    let mut f = Vec::new();

    if login.kind == "entraIdentifier" && ident.kind == "loginUrl" {
        f.push(Finding::error(
            codes::SWAPPED_FIELDS,
            message(
                &format!(
                    "The Login URL and the Identifier are swapped. {WHERE}, copy \"[LoginUrl]\" (…/saml2) into SSO \
                     URL, and \"[EntraIdentifier]\" (https://sts.windows.net/…/) into Identity Provider Issuer."
                ),
                &[],
            ),
        ));
    } else {
        check_field(&login, Label::LoginUrl, "loginUrl", &mut f);
        check_field(&ident, Label::EntraIdentifier, "entraIdentifier", &mut f);
    }

    f.extend(shapes(&login, &ident));
    f.extend(together(&login, &ident));

    let tenant_id = ident
        .tenant_id
        .clone()
        .or_else(|| login.tenant_id.clone())
        .filter(|t| is_guid(t))
        .map(|t| t.to_ascii_lowercase());
    let cloud = ident.cloud.or(login.cloud);
    let expected_login_url = tenant_id.as_ref().zip(cloud).map(|(t, c)| login_url_for(c, t));
    let expected_identifier = tenant_id.as_ref().zip(cloud).map(|(t, c)| identifier_for(c, t));

    let metadata = metadata(input, &login, &ident, now_ms, &mut f);

    let ok = !f.iter().any(|x| x.severity == Severity::Error);
    IdpCheck {
        login_url: login,
        entra_identifier: ident,
        tenant_id,
        cloud,
        expected_login_url,
        expected_identifier,
        metadata,
        findings: f,
        ok,
    }
}

/// Whether federation metadata agrees with the Login URL and the Microsoft Entra Identifier
/// (an empty value is not judged): the one place this is decided, for pasted values and for
/// a certificate taken from metadata alike.
pub fn metadata_agreement(md: &MetadataReport, login_url: &str, entra_identifier: &str) -> Vec<Finding> {
    let mut f = Vec::new();
    if !entra_identifier.is_empty() && md.entity_id != entra_identifier {
        f.push(Finding::error(
            codes::METADATA_ENTITY_MISMATCH,
            message(
                "The federation metadata's entityID is \"{got}\" but the identifier is \"{want}\". They must be \
                 equal: take both from the same app.",
                &[("got", &md.entity_id), ("want", entra_identifier)],
            ),
        ));
    }
    if !login_url.is_empty() && !md.single_sign_on_services.iter().any(|s| s.location == login_url) {
        f.push(Finding::error(
            codes::METADATA_SSO_MISMATCH,
            message(
                "The Login URL \"{got}\" is not a SingleSignOnService in the federation metadata ({want}). Take \
                 both from the same app.",
                &[("got", login_url), ("want", md.sso_url.as_deref().unwrap_or("none listed"))],
            ),
        ));
    }
    f
}

/// Findings for one field that is empty or holds something other than what belongs there.
fn check_field(v: &IdpValue, label: Label, want: &str, f: &mut Vec<Finding>) {
    let code_empty = if want == "loginUrl" { codes::MISSING_LOGIN_URL } else { codes::MISSING_IDENTIFIER };
    // Templates: the field's label as a `[Label]`, the pasted value as `{value}`.
    let label = format!("[{}]", label.name());
    if v.value.is_empty() {
        let template = format!("The {label} is empty. {WHERE}, copy it with the copy button.");
        f.push(Finding::error(code_empty, message(&template, &[])));
        return;
    }
    if v.kind == want {
        return;
    }
    let (code, template) = match v.kind {
        "metadataUrl" => (
            codes::METADATA_URL_PASTED,
            format!("This is the [MetadataUrl], not the {label}. {WHERE}, copy \"{label}\" instead."),
        ),
        "twilioUrl" => (
            codes::REPLY_URL_PASTED,
            format!(
                "This is a Twilio URL (the Reply URL or Entity ID), not the {label}. Twilio's values go into Entra; \
                 {WHERE}, copy \"{label}\" back into Twilio."
            ),
        ),
        "loginUrl" => {
            (codes::WRONG_FIELD, format!("This is the [LoginUrl], not the {label}. {WHERE}, copy \"{label}\"."))
        }
        "entraIdentifier" => {
            (codes::WRONG_FIELD, format!("This is the [EntraIdentifier], not the {label}. {WHERE}, copy \"{label}\"."))
        }
        _ => (
            if want == "loginUrl" { codes::NOT_ENTRA_LOGIN_URL } else { codes::NOT_ENTRA_IDENTIFIER },
            format!("\"{{value}}\" is not the {label} Entra shows. {WHERE}, copy \"{label}\"."),
        ),
    };
    f.push(Finding::error(code, message(&template, &[("value", &v.value)])));
}

/// Each value's own shape: the Login URL's path, the identifier's slash, a tenant that is not a
/// GUID, a scheme other than https.
fn shapes(login: &IdpValue, ident: &IdpValue) -> Vec<Finding> {
    let mut f = Vec::new();
    if login.kind == "loginUrl" {
        let path = split_url(&login.value).map(|u| u.path).unwrap_or_default();
        if path.ends_with("/saml2/") {
            f.push(Finding::warning(
                codes::LOGIN_URL_TRAILING_SLASH,
                format!(
                    "The Login URL ends in \"/saml2/\"; Entra \
                shows it as \"…/saml2\" without the slash. {WHERE}, copy it again."
                ),
            ));
        } else if !path.ends_with("/saml2") {
            f.push(Finding::error(
                codes::LOGIN_URL_PATH,
                format!(
                    "The Login URL should end in \"/saml2\" (it is \"{}\"). {WHERE}, copy \"Login URL\" again.",
                    login.value
                ),
            ));
        }
    }
    if ident.kind == "entraIdentifier" && !ident.value.ends_with('/') {
        f.push(Finding::error(
            codes::MISSING_TRAILING_SLASH,
            message(
                &format!(
                    "The identifier must end with \"/\", exactly as Entra issues it (\"{{value}}/\"); without it \
                     Twilio rejects every sign-in. {WHERE}, use the copy button next to \"[EntraIdentifier]\"."
                ),
                &[("value", &ident.value)],
            ),
        ));
    }
    for v in [&login, &ident] {
        if let Some(t) = &v.tenant_id {
            if !is_guid(t) && matches!(v.kind, "loginUrl" | "entraIdentifier") {
                f.push(Finding::error(
                    codes::TENANT_INDEPENDENT,
                    format!(
                        "\"{}\" uses \"{t}\" instead of your tenant ID. Use the values from your app's \"Set up\" \
                        section, which contain your tenant's GUID.",
                        v.value
                    ),
                ));
            }
        }
        if split_url(&v.value).is_some_and(|u| u.scheme != "https") {
            f.push(Finding::error(
                codes::NOT_HTTPS,
                format!("\"{}\" must start with https://. Copy it again from Entra.", v.value),
            ));
        }
    }

    f
}

/// The two values together: the same tenant, the same cloud.
fn together(login: &IdpValue, ident: &IdpValue) -> Vec<Finding> {
    let mut f = Vec::new();
    let both_known = login.kind == "loginUrl" && ident.kind == "entraIdentifier";
    if both_known {
        if let (Some(a), Some(b)) = (&login.tenant_id, &ident.tenant_id) {
            if !a.eq_ignore_ascii_case(b) {
                f.push(Finding::error(
                    codes::TENANT_MISMATCH,
                    format!(
                        "The Login URL is for tenant {a}, the identifier for tenant {b}. Both must come from the \
                        same app: {WHERE}."
                    ),
                ));
            }
        }
        if login.cloud != ident.cloud {
            f.push(Finding::error(
                codes::CLOUD_MISMATCH,
                format!(
                    "The Login URL is for {}, the identifier for {}. Copy both from the same Entra portal.",
                    login.cloud.map(Cloud::label).unwrap_or("an unknown cloud"),
                    ident.cloud.map(Cloud::label).unwrap_or("an unknown cloud")
                ),
            ));
        }
    }

    f
}

/// The metadata given, read, and its agreement with the two values.
fn metadata(
    input: &IdpInput,
    login: &IdpValue,
    ident: &IdpValue,
    now_ms: i64,
    f: &mut Vec<Finding>,
) -> Option<MetadataReport> {
    match input.metadata_xml.as_deref().filter(|x| !x.trim().is_empty()) {
        None => None,
        Some(xml) => match parse_metadata(xml, now_ms) {
            Ok(md) => {
                let login_url = if login.kind == "loginUrl" { login.value.as_str() } else { "" };
                let entra_identifier = if ident.kind == "entraIdentifier" { ident.value.as_str() } else { "" };
                f.extend(metadata_agreement(&md, login_url, entra_identifier));
                Some(md)
            }
            Err(e) => {
                f.push(Finding::error(codes::METADATA_UNREADABLE, e.message));
                None
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

    fn check(login: &str, ident: &str) -> IdpCheck {
        check_idp_values(&IdpInput { login_url: login.into(), entra_identifier: ident.into(), metadata_xml: None }, 0)
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
        let md =
            format!("https://login.microsoftonline.com/{T}/federationmetadata/2007-06/federationmetadata.xml?appid=1");
        let acs = "https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef";
        let other = "https://sts.windows.net/00000000-2011-4e31-b3ac-fd8c354146ec/";
        let cases: [(&str, &str, &str, &[&str]); 9] = [
            ("identifier without its slash", &login, ident.trim_end_matches('/'), &["missing_trailing_slash"]),
            ("the two swapped", &ident, &login, &["swapped_fields"]),
            ("two tenants", &login, other, &["tenant_mismatch"]),
            ("the metadata URL as the Login URL", &md, &ident, &["metadata_url_pasted"]),
            ("Twilio's Reply URL as the identifier", &login, acs, &["reply_url_pasted"]),
            ("both empty", "", "", &["missing_login_url", "missing_identifier"]),
            (
                "common instead of a tenant",
                "https://login.microsoftonline.com/common/saml2",
                "https://sts.windows.net/common/",
                &["tenant_independent", "tenant_independent"],
            ),
            (
                "another identity provider",
                "https://accounts.google.com/o/saml2/idp?idpid=x",
                &ident,
                &["not_entra_login_url"],
            ),
            ("plain http", &login.replace("https", "http"), &ident, &["not_https"]),
        ];
        for (name, login, ident, want) in cases {
            assert_eq!(codes(&check(login, ident)), want, "{name}");
        }
    }
}
