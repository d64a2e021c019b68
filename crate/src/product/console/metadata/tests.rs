#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code may panic

use super::*;

const TWILIO: &str = include_str!("../../../../../tests/fixtures/console/twilio-sp-metadata.xml");
const ENTRA: &str =
    include_str!("../../../../../tests/fixtures/realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml");
const GOOGLE: &str = include_str!(
    "../../../../../tests/fixtures/realworld/unsuitable/google_workspace_idp_metadata_not-azure_ggtristams.xml"
);
const ENTITY: &str = "urn:auth0:twilio:sso-3f2a9c41d0b84e7a";
const ACS: &str = "https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a";
const ACS_LINE: &str = concat!(
    r#"<AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" "#,
    r#"Location="https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a" index="0" isDefault="true"/>"#
);

#[test]
fn twilio_sp_metadata_gives_the_identifier_and_the_reply_url() {
    let m = parse_sp_metadata(TWILIO).unwrap();
    assert_eq!((m.entity_id.as_str(), m.acs_url.as_str()), (ENTITY, ACS));
    assert_eq!((m.want_assertions_signed, m.authn_requests_signed), (Some(true), Some(true)));
    assert_eq!(m.name_id_formats, [EMAIL_FORMAT]);
    assert!(m.findings.is_empty(), "{:?}", m.findings);
}

#[test]
fn sp_metadata_cases_are_named() {
    let redirect_acs = ACS_LINE.replace("HTTP-POST", "HTTP-Redirect");
    let second_acs = format!(
        "{ACS_LINE}{}",
        ACS_LINE.replace("index=\"0\" isDefault=\"true\"", "index=\"1\"").replace("sso-3f", "sso-ff")
    );
    let second_default_later = format!(
        "{}{}",
        ACS_LINE.replace("index=\"0\" isDefault=\"true\"", "index=\"0\"").replace("sso-3f", "sso-ff"),
        ACS_LINE.replace("index=\"0\"", "index=\"1\"")
    );
    let bom = format!("\u{feff}{TWILIO}");
    let with_bom = bom.as_str();
    let http = TWILIO.replace("Location=\"https://login.twilio.com/login", "Location=\"http://login.twilio.com/login");
    let elsewhere = TWILIO.replace("https://login.twilio.com/login", "https://sso.example.com/login");
    let upn_only = TWILIO.replace("nameid-format:emailAddress", "nameid-format:persistent");
    let no_entity = TWILIO.replace(&format!("entityID=\"{ENTITY}\""), "");
    let doctype = format!("<!DOCTYPE x [<!ENTITY a \"b\">]>{}", TWILIO.trim_start_matches("<?xml version=\"1.0\"?>"));
    let in_entities = format!(
        "<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">{}</EntitiesDescriptor>",
        TWILIO.trim_start_matches("<?xml version=\"1.0\"?>")
    );
    let huge = format!("{TWILIO}{}", " ".repeat(MAX_SP_METADATA_BYTES));
    // (name, input, Ok(ACS chosen, finding codes) or Err(error code))
    type Want<'a> = Result<(&'a str, &'a [&'a str]), &'a str>;
    let cases: [(&str, &str, Want); 16] = [
        ("Twilio's SP metadata", TWILIO, Ok((ACS, &[]))),
        ("with a byte-order mark, as downloads have", with_bom, Ok((ACS, &[]))),
        ("inside an EntitiesDescriptor", &in_entities, Ok((ACS, &[]))),
        ("two POST ACS: the default one, named", &TWILIO.replace(ACS_LINE, &second_acs), Ok((ACS, &["several_acs"]))),
        (
            "two POST ACS, the default second",
            &TWILIO.replace(ACS_LINE, &second_default_later),
            Ok((ACS, &["several_acs"])),
        ),
        (
            "an ACS off twilio.com",
            &elsewhere,
            Ok(("https://sso.example.com/login/callback?connection=sso-3f2a9c41d0b84e7a", &["sp_not_twilio"])),
        ),
        ("no email NameID format", &upn_only, Ok((ACS, &["sp_name_id_format"]))),
        ("an http ACS", &http, Err("sp_not_https")),
        ("only a Redirect ACS", &TWILIO.replace(ACS_LINE, &redirect_acs), Err("no_acs")),
        ("no ACS at all", &TWILIO.replace(ACS_LINE, ""), Err("no_acs")),
        ("no entityID", &no_entity, Err("not_sp_metadata")),
        ("Entra's own metadata (real)", ENTRA, Err("idp_metadata_given")),
        ("Google's IdP metadata (real)", GOOGLE, Err("idp_metadata_given")),
        ("a DOCTYPE", &doctype, Err("doctype_not_allowed")),
        ("not XML", "<EntityDescriptor", Err("not_xml")),
        ("too large", &huge, Err("too_large")),
    ];
    for (name, input, want) in cases {
        match (parse_sp_metadata(input), want) {
            (Ok(m), Ok((acs, codes))) => {
                assert_eq!(m.acs_url, acs, "{name}");
                assert_eq!(m.findings.iter().map(|f| f.code).collect::<Vec<_>>(), codes, "{name}");
            }
            (Err(e), Err(code)) => {
                assert_eq!(e.code, code, "{name}");
                assert!(e.message.contains("Admin Center"), "{name}: says where to get it: {}", e.message);
            }
            (got, _) => panic!("{name}: {got:?}"),
        }
    }
    assert_eq!(parse_sp_metadata("  ").unwrap_err().code, "empty");
    let other = parse_sp_metadata("<root xmlns=\"urn:x\"/>").unwrap_err();
    assert_eq!(other.code, "not_sp_metadata");
}
