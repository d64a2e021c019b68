//! Every value each form needs, in one place: Entra's side from the product's source (a Frontline
//! Realm SID, a Flex SSO connection SID, or Console's SP metadata) and the product's facts,
//! Twilio's side from what Entra produced.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::cert::certificate::{inspect_certificate, CertInput, CertificateReport};
use crate::common::codes;
use crate::common::finding::{has_errors, CoreError, Finding};
use crate::entra::portal::{Label, Lang};
use crate::product::{self, sp_urls, Product, SpUrls};
use crate::setup::idp::{check_idp_values, IdpInput};

#[derive(Debug, Clone, Default)]
pub struct PlanInput {
    /// The product's SID, a pasted URL holding one, or Console's SP metadata (XML): it names the
    /// product unless `product` does.
    pub realm_sid: String,
    pub product: Option<Product>,
    /// Flex's region (us1 when none).
    pub region: Option<String>,
    pub workspace_id: Option<String>,
    pub app_name: Option<String>,
    pub login_url: Option<String>,
    pub entra_identifier: Option<String>,
    /// PEM or bare base64, as pasted or downloaded.
    pub certificate: Option<String>,
    pub now_ms: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SetupPlan {
    pub product: Product,
    /// The SID and the two URLs Entra needs.
    pub realm: SpUrls,
    pub azure: AzurePlan,
    pub twilio: TwilioPlan,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AzurePlan {
    pub app_name: String,
    pub basic_saml: BasicSaml,
    pub signing: Signing,
    pub claims: Vec<Claim>,
    /// The app roles to create: Frontline's one, Flex's three, Console's none.
    pub app_roles: Vec<AppRole>,
    /// The Unique User Identifier (Name ID) a product requires (Console's: the email address).
    pub name_id: Option<NameId>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NameId {
    /// As the portal's "name identifier format" drop-down names it.
    pub format: &'static str,
    pub format_uri: &'static str,
    pub source_attribute: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BasicSaml {
    pub sp_entity_id: String,
    pub reply_url: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signing {
    pub option: &'static str,
    pub algorithm: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    pub name: &'static str,
    /// Empty: Twilio matches the short names exactly.
    pub namespace: &'static str,
    pub source: &'static str,
    pub source_attribute: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRole {
    pub display_name: &'static str,
    /// As the allowed-member-types radio labels it.
    pub allowed_member_types_label: &'static str,
    pub value: &'static str,
    pub description: &'static str,
    pub enabled: bool,
    /// The same role as an entry of the app manifest's `appRoles`, for admins who edit JSON.
    pub manifest: AppRoleManifest,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRoleManifest {
    pub allowed_member_types: [&'static str; 1],
    pub description: &'static str,
    pub display_name: &'static str,
    pub id: String,
    pub is_enabled: bool,
    pub origin: &'static str,
    pub value: &'static str,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TwilioPlan {
    /// The product's SID, as the Twilio Console shows it.
    pub realm_sid: String,
    pub workspace_id: Option<String>,
    pub sso_url: Option<String>,
    pub identity_provider_issuer: Option<String>,
    pub x509_certificate: Option<String>,
    pub certificate: Option<CertificateReport>,
    /// All values known and none has an error finding: safe to fill.
    pub ready: bool,
}

/// The IdP values' findings (missing ones are "not yet known" here, not mistakes); true when
/// one is an error.
fn plan_idp(login: Option<&str>, ident: Option<&str>, now_ms: i64, findings: &mut Vec<Finding>) -> bool {
    if login.is_none() && ident.is_none() {
        return false;
    }
    let check = check_idp_values(
        &IdpInput {
            login_url: login.unwrap_or_default().into(),
            entra_identifier: ident.unwrap_or_default().into(),
            metadata_xml: None,
        },
        now_ms,
    );
    findings.extend(
        check.findings.into_iter().filter(|f| !f.code.starts_with("missing_") || login.is_some() && ident.is_some()),
    );
    !check.ok
}

/// The certificate given, inspected; one that cannot be read is an error finding.
fn plan_certificate(input: &PlanInput, now_ms: i64, findings: &mut Vec<Finding>) -> Option<CertificateReport> {
    let text = input.certificate.as_deref().filter(|c| !c.trim().is_empty())?;
    match inspect_certificate(CertInput::Text(text), now_ms) {
        Ok(report) => {
            findings.extend(report.findings.iter().cloned());
            Some(report)
        }
        Err(e) => {
            findings.push(Finding::error(e.code, e.message));
            None
        }
    }
}

/// Build the whole plan. Only an unusable Realm SID is an error; everything else is a finding.
pub fn setup_plan(input: &PlanInput) -> Result<SetupPlan, CoreError> {
    let realm = sp_urls(&input.realm_sid, input.product, input.region.as_deref())?;
    let facts = realm.product.facts();
    let now_ms = input.now_ms.unwrap_or(0);
    let mut findings = realm.findings.clone();

    let workspace_id = input.workspace_id.as_deref().map(str::trim).filter(|w| !w.is_empty()).map(str::to_string);
    match (&workspace_id, realm.product) {
        (Some(w), Product::Frontline) => findings.extend(check_workspace_id(w)),
        (Some(_), _) => findings.push(Finding::warning(
            codes::WORKSPACE_ID_UNUSED,
            format!("{} has no Workspace ID; the one given is left out.", facts.name),
        )),
        (None, _) => {}
    }
    let workspace_id = workspace_id.filter(|_| realm.product == Product::Frontline);

    let login = input.login_url.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let ident = input.entra_identifier.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let idp_errors = plan_idp(login, ident, now_ms, &mut findings);
    let certificate = plan_certificate(input, now_ms, &mut findings);
    let cert_errors = certificate.as_ref().is_some_and(|c| has_errors(&c.findings));
    let ready = login.is_some() && ident.is_some() && certificate.is_some() && !idp_errors && !cert_errors;

    let app_name = input
        .app_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(facts.default_app_name)
        .to_string();
    Ok(SetupPlan {
        azure: AzurePlan {
            app_name,
            basic_saml: BasicSaml { sp_entity_id: realm.sp_entity_id.clone(), reply_url: realm.reply_url.clone() },
            signing: Signing { option: facts.signing_option.in_lang(Lang::En), algorithm: facts.signing_algorithm },
            claims: facts
                .claims
                .iter()
                .map(|c| Claim {
                    name: c.name,
                    namespace: "",
                    source: Label::SourceIsAttribute.in_lang(Lang::En),
                    source_attribute: c.source_attribute,
                })
                .collect(),
            app_roles: facts.roles.iter().map(|r| app_role(r, &realm.sid)).collect(),
            name_id: facts.name_id.map(|n| NameId {
                format: n.format.in_lang(Lang::En),
                format_uri: n.format_uri,
                source_attribute: n.source_attribute,
            }),
        },
        product: realm.product,
        twilio: TwilioPlan {
            realm_sid: realm.sid.clone(),
            workspace_id,
            sso_url: login.map(str::to_string),
            identity_provider_issuer: ident.map(str::to_string),
            x509_certificate: certificate.as_ref().map(|c| c.pem.clone()),
            certificate,
            ready,
        },
        realm,
        findings,
    })
}

/// Nothing public defines the Workspace ID's rules: block only what is surely wrong.
pub fn check_workspace_id(w: &str) -> Vec<Finding> {
    let mut f = Vec::new();
    if w.chars().any(char::is_whitespace) {
        f.push(Finding::error(
            codes::WORKSPACE_ID_WHITESPACE,
            "The Workspace ID cannot contain spaces. Use the company name exactly as your agents type it in the \
                Frontline app.",
        ));
    } else if w.chars().any(|c| c.is_ascii_uppercase()) {
        f.push(Finding::warning(
            codes::WORKSPACE_ID_CASE,
            "Workspace IDs are usually lower case. Check it matches what agents type into the Frontline app.",
        ));
    }
    if w.chars().any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c.is_whitespace())) {
        f.push(Finding::warning(
            codes::WORKSPACE_ID_CHARACTERS,
            "The Workspace ID has characters other than letters, digits, - and _. Check it against the Frontline \
                Console.",
        ));
    }
    f
}

fn app_role(role: &product::AppRole, sid: &str) -> AppRole {
    AppRole {
        display_name: role.display_name,
        allowed_member_types_label: Label::MemberTypesUsers.in_lang(Lang::En),
        value: role.value,
        description: role.description,
        enabled: true,
        manifest: AppRoleManifest {
            allowed_member_types: ["User"],
            description: role.description,
            display_name: role.display_name,
            id: stable_uuid(role.value, sid),
            is_enabled: true,
            origin: "Application",
            value: role.value,
        },
    }
}

/// A name-based UUID (version 8, from SHA-256), so a re-run proposes the same role id.
fn stable_uuid(role: &str, sid: &str) -> String {
    let digest = Sha256::digest(format!("frontline-sso-assistant/app-role/{role}/{sid}").as_bytes());
    let mut b = [0u8; 16];
    for (dst, src) in b.iter_mut().zip(digest.iter()) {
        *dst = *src;
    }
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    let part = |r: std::ops::Range<usize>| h.get(r).unwrap_or_default().to_string();
    format!("{}-{}-{}-{}-{}", part(0..8), part(8..12), part(12..16), part(16..20), part(20..32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_from_sid_only() {
        let p = setup_plan(&PlanInput { realm_sid: "JB0123456789abcdef0123456789abcdef".into(), ..Default::default() })
            .unwrap();
        assert_eq!(p.azure.basic_saml.sp_entity_id, p.realm.sp_entity_id);
        assert_eq!(p.azure.signing.option, "Sign SAML response and assertion");
        assert_eq!(p.azure.claims[1].source_attribute, "user.assignedroles");
        assert_eq!(p.azure.app_roles[0].manifest.id.len(), 36);
        assert_eq!(p.azure.app_name, product::frontline::DEFAULT_APP_NAME);
        assert!(!p.twilio.ready);
        assert!(p.findings.is_empty());
    }

    #[test]
    fn workspace_rules() {
        assert!(check_workspace_id("owlpress").is_empty());
        assert_eq!(check_workspace_id("owl press")[0].code, "workspace_id_whitespace");
        assert_eq!(check_workspace_id("OwlPress")[0].code, "workspace_id_case");
    }
}
