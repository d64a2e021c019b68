#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code may panic

use super::*;

const JQ: &str = "JQ0123456789abcdef0123456789abcdef";
const JB: &str = "JB0123456789abcdef0123456789abcdef";
const AC: &str = "AC0123456789abcdef0123456789abcdef";

#[test]
fn a_pasted_value_names_its_product() {
    let cases: [(&str, &str, Option<Product>); 12] = [
        ("a Realm SID", JB, Some(Product::Frontline)),
        ("a Realm SID in lower case", "jb0123456789abcdef0123456789abcdef", Some(Product::Frontline)),
        (
            "Frontline's Entity ID",
            "https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef",
            Some(Product::Frontline),
        ),
        (
            "Frontline's Reply URL",
            "iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef",
            Some(Product::Frontline),
        ),
        ("an SSO connection SID", JQ, Some(Product::Flex)),
        ("an SSO connection SID in quotes", "\"JQ0123456789abcdef0123456789abcdef\"", Some(Product::Flex)),
        ("Flex's Entity ID", "urn:flex:JQ0123456789abcdef0123456789abcdef", Some(Product::Flex)),
        (
            "Flex's ACS URL",
            "https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef",
            Some(Product::Flex),
        ),
        (
            "Flex's legacy ACS URL",
            "https://iam.twilio.com/v1/Accounts/AC0123456789abcdef0123456789abcdef/saml2",
            Some(Product::Flex),
        ),
        ("an Account SID alone", AC, None),
        ("a phone number SID", "PN0123456789abcdef0123456789abcdef", None),
        ("nothing", "  ", None),
    ];
    for (name, input, want) in cases {
        assert_eq!(detect(input), want, "{name}");
    }
}

#[test]
fn flex_urls_come_from_the_sid_or_a_pasted_url() {
    let acs = |region: &str| format!("https://login.flex.{region}.twilio.com/login/callback?connection={JQ}");
    let ie1 = acs("ie1");
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Option<&'a str>);
    let cases: [Case; 6] = [
        ("the SID", JQ, None, "", Some("us1")),
        ("the SID, lower case prefix", "jq0123456789ABCDEF0123456789abcdef", None, "prefix upper case", Some("us1")),
        (
            "the Entity ID",
            "urn:flex:JQ0123456789abcdef0123456789abcdef",
            None,
            "from the pasted Entity ID",
            Some("us1"),
        ),
        ("the ACS URL", &ie1, None, "from the pasted ACS URL", Some("ie1")),
        ("the SID and a region", JQ, Some("IE1"), "", Some("ie1")),
        ("the ACS URL and the same region", &ie1, Some("ie1"), "from the pasted ACS URL", Some("ie1")),
    ];
    for (name, input, region, note, want_region) in cases {
        let u = sp_urls(input, None, region).unwrap();
        assert_eq!(u.product, Product::Flex, "{name}");
        assert_eq!(u.sid, JQ, "{name}");
        assert_eq!(u.sp_entity_id, format!("urn:flex:{JQ}"), "{name}");
        assert_eq!(u.reply_url, acs(want_region.unwrap()), "{name}");
        assert_eq!(u.region.as_deref(), want_region, "{name}");
        assert!(!u.legacy, "{name}");
        assert!(note.is_empty() || u.normalized.iter().any(|n| n.contains(note)), "{name}: {:?}", u.normalized);
        let region_noted = u.findings.iter().any(|f| f.code == "flex_region");
        assert_eq!(region_noted, want_region != Some("us1"), "{name}");
    }
}

#[test]
fn legacy_flex_urls_are_recognised_and_flagged() {
    let base = format!("https://iam.twilio.com/v1/Accounts/{AC}");
    for (name, input) in
        [("the legacy ACS URL", format!("{base}/saml2")), ("the legacy Entity ID", format!("{base}/saml2/metadata"))]
    {
        let u = sp_urls(&input, Some(Product::Flex), None).unwrap();
        assert!(u.legacy, "{name}");
        assert_eq!(u.sid, AC, "{name}");
        assert_eq!(u.reply_url, format!("{base}/saml2"), "{name}");
        assert_eq!(u.sp_entity_id, format!("{base}/saml2/metadata"), "{name}");
        assert_eq!(u.findings[0].code, "flex_legacy_urls", "{name}");
        assert!(u.findings[0].message.contains("June 2025"), "{name}");
    }
}

#[test]
fn each_unusable_value_gets_its_code_and_says_what_to_do() {
    type Case<'a> = (&'a str, &'a str, Option<Product>, Option<&'a str>, &'a str, &'a str);
    let cases: [Case; 12] = [
        (
            "a JQ SID in a Frontline setup",
            JQ,
            Some(Product::Frontline),
            None,
            "other_product",
            "Switch this setup to Flex",
        ),
        ("a JB SID in a Flex setup", JB, Some(Product::Flex), None, "other_product", "Switch this setup to Frontline"),
        (
            "Flex's ACS URL in a Frontline setup",
            "https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef",
            Some(Product::Frontline),
            None,
            "other_product",
            "SSO connection SID",
        ),
        ("an Account SID in a Flex setup", AC, Some(Product::Flex), None, "account_sid", "legacy"),
        ("a short SSO connection SID", "JQ0123", None, None, "wrong_length", "34 characters"),
        ("a letter past f", "JQ0123456789abcdef0123456789abcdeg", None, None, "not_hex", "character 34"),
        ("a region that is not one", JQ, None, Some("us-east-1"), "bad_region", "two letters and a digit"),
        (
            "a region unlike the ACS URL's",
            "https://login.flex.ie1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef",
            None,
            Some("us1"),
            "region_mismatch",
            "region ie1",
        ),
        ("a region for Frontline", JB, None, Some("us1"), "region_not_used", "only for Flex"),
        (
            "a bad legacy Account SID",
            "https://iam.twilio.com/v1/Accounts/AC123/saml2",
            None,
            None,
            "wrong_length",
            "Account SID",
        ),
        ("neither product", "PN0123456789abcdef0123456789abcdef", None, None, "wrong_prefix", "phone number SID"),
        ("nothing", " ", None, None, "empty", "JB"),
    ];
    for (name, input, want, region, code, says) in cases {
        let e = sp_urls(input, want, region).unwrap_err();
        assert_eq!(e.code, code, "{name}: {}", e.message);
        assert!(e.message.contains(says), "{name}: {}", e.message);
    }
}

#[test]
fn frontline_urls_are_unchanged() {
    let u = sp_urls(JB, Some(Product::Frontline), None).unwrap();
    let r = frontline::realm_urls(JB).unwrap();
    assert_eq!((u.sid, u.sp_entity_id, u.reply_url), (r.realm_sid, r.sp_entity_id, r.reply_url));
    assert_eq!((u.region, u.legacy, u.findings.len()), (None, false, 0));
}

#[test]
fn each_product_names_its_facts_once() {
    for p in Product::ALL {
        let f = p.facts();
        assert_eq!(f.product, p);
        assert_eq!(Product::from_slug(p.slug()), Some(p));
        // A product reads its roles from the roles claim, or its users by the NameID.
        let by_roles = f.claims.iter().any(|c| c.name == "roles") && !f.roles.is_empty();
        assert!(by_roles != f.name_id.is_some(), "{}", f.name);
        assert_eq!(f.texts.not_asked.is_empty(), by_roles, "{}: says why it asks for no claims", f.name);
    }
    let console = Product::Console.facts();
    assert_eq!(console.source, SpSource::Metadata);
    assert!(console.relay_state_required && console.claims.is_empty() && console.roles.is_empty());
    let flex = Product::Flex.facts();
    assert_eq!(flex.claims.iter().map(|c| c.name).collect::<Vec<_>>(), ["email", "full_name", "roles"]);
    assert_eq!(flex.roles.iter().map(|r| r.value).collect::<Vec<_>>(), ["agent", "supervisor", "admin"]);
    assert_eq!(Product::default(), Product::Frontline);
}

const CONSOLE_METADATA: &str = include_str!("../../../tests/fixtures/console/twilio-sp-metadata.xml");

#[test]
fn console_values_come_from_sp_metadata_not_a_sid() {
    let u = sp_urls(CONSOLE_METADATA, None, None).unwrap();
    assert_eq!(u.product, Product::Console);
    assert_eq!(u.sp_entity_id, "urn:auth0:twilio:sso-3f2a9c41d0b84e7a");
    assert_eq!(u.reply_url, "https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a");
    assert_eq!(u.sid, u.sp_entity_id, "the entity ID names the values");
    assert_eq!(detect(&format!("\u{feff}  {CONSOLE_METADATA}")), Some(Product::Console));
    // (name, input, the setup's product, code, what the message says)
    let cases: [(&str, &str, Option<Product>, &str, &str); 5] = [
        ("a Realm SID in a Console setup", JB, Some(Product::Console), "other_product", "SP metadata"),
        ("SP metadata in a Frontline setup", CONSOLE_METADATA, Some(Product::Frontline), "other_product", "Realm SID"),
        ("SP metadata in a Flex setup", CONSOLE_METADATA, Some(Product::Flex), "other_product", "Twilio Console"),
        ("a URL in a Console setup", "https://login.twilio.com/x", Some(Product::Console), "not_sp_metadata", "XML"),
        ("nothing", " ", None, "empty", "SP metadata"),
    ];
    for (name, input, want, code, says) in cases {
        let e = sp_urls(input, want, None).unwrap_err();
        assert_eq!(e.code, code, "{name}: {}", e.message);
        assert!(e.message.contains(says), "{name}: {}", e.message);
    }
    assert_eq!(sp_urls(CONSOLE_METADATA, None, Some("us1")).unwrap_err().code, "region_not_used");
}
