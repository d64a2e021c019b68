#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! A setup belongs to one product: the admin's choice, else the SID typed. The other product's SID
//! is named, with the switch to offer; the steps, values and summary are the product's.

use frontline_sso::common::ids::Step;
use frontline_sso::product::Product;
use frontline_sso::setup::{apply_event, new_setup, summary_markdown, view, Setup, SetupEvent};

const JQ: &str = "JQ0123456789abcdef0123456789abcdef";
const JB: &str = "JB0123456789abcdef0123456789abcdef";

fn setup(events: &[SetupEvent]) -> Setup {
    events.iter().fold(new_setup("s", 0), |s, e| apply_event(s, e, 0).unwrap())
}

fn sid(v: &str) -> SetupEvent {
    SetupEvent::SetRealmSid { value: v.into() }
}

#[test]
fn the_product_is_the_admins_choice_else_the_sids() {
    use Product::{Flex, Frontline};
    type Case<'a> = (&'a str, Vec<SetupEvent>, Product, bool, Option<&'a str>, Option<Product>);
    let cases: Vec<Case> = vec![
        ("a new setup", vec![], Frontline, false, None, None),
        ("a pasted JQ picks Flex", vec![sid(JQ)], Flex, false, None, None),
        ("a pasted JB picks Frontline", vec![sid(JB)], Frontline, false, None, None),
        (
            "a pasted Flex ACS URL picks Flex",
            vec![sid(&format!("https://login.flex.us1.twilio.com/login/callback?connection={JQ}"))],
            Flex,
            false,
            None,
            None,
        ),
        ("Flex chosen", vec![SetupEvent::SetProduct(Flex)], Flex, true, None, None),
        (
            "a JQ in a Frontline setup",
            vec![SetupEvent::SetProduct(Frontline), sid(JQ)],
            Frontline,
            true,
            Some("other_product"),
            Some(Flex),
        ),
        (
            "a JB in a Flex setup",
            vec![SetupEvent::SetProduct(Flex), sid(JB)],
            Flex,
            true,
            Some("other_product"),
            Some(Frontline),
        ),
        (
            "the switch",
            vec![SetupEvent::SetProduct(Frontline), sid(JQ), SetupEvent::SetProduct(Flex)],
            Flex,
            true,
            None,
            None,
        ),
    ];
    for (name, events, product, chosen, error, switch) in cases {
        let v = view(&setup(&events), 0);
        assert_eq!((v.product, v.product_chosen), (product, chosen), "{name}");
        assert_eq!(v.realm_error.as_ref().map(|e| e.code), error, "{name}");
        assert_eq!(v.switch_to, switch, "{name}");
    }
    let named = view(&setup(&[SetupEvent::SetProduct(Frontline), sid(JQ)]), 0).realm_error.unwrap().message;
    assert!(named.contains("SSO connection SID") && named.contains("Switch this setup to Flex"), "{named}");
}

#[test]
fn a_flex_setup_shows_flexs_steps_values_and_summary() {
    let s = setup(&[SetupEvent::SetProduct(Product::Flex), sid(JQ), SetupEvent::SetRegion { value: "ie1".into() }]);
    let v = view(&s, 0);
    assert_eq!((v.product_name, v.sid_name, v.total), ("Flex", "SSO connection SID", 11));
    let realm = v.realm.as_ref().unwrap();
    assert_eq!(realm.reply_url, format!("https://login.flex.ie1.twilio.com/login/callback?connection={JQ}"));
    let step = |id: Step| v.steps.iter().find(|s| s.id == id).unwrap();
    assert_eq!(step(Step::AppRole).title, "App roles agent, supervisor and admin");
    assert!(step(Step::Claims).instruction.contains("full_name = user.displayname"));
    let roles: Vec<&str> = step(Step::AppRole).values.iter().map(|p| p.value.as_str()).collect();
    assert!(roles.contains(&"supervisor") && roles.contains(&"admin"), "{roles:?}");
    assert_eq!(step(Step::TwilioSso).title, "Twilio Flex SSO");
    assert!(step(Step::TwilioSso).values.iter().all(|p| p.label != "Workspace ID"));
    let md = summary_markdown(&s, 0);
    assert!(md.starts_with(&format!("# Flex SSO setup — {JQ}")), "{md}");
    assert!(md.contains("| SSO connection SID |") && !md.contains("Workspace ID"), "{md}");
    assert!(md.contains("Agent (value agent), Supervisor (value supervisor), Admin (value admin)"), "{md}");
}

#[test]
fn a_legacy_flex_setup_is_flagged() {
    let legacy = "https://iam.twilio.com/v1/Accounts/AC0123456789abcdef0123456789abcdef/saml2";
    let v = view(&setup(&[sid(legacy)]), 0);
    let realm = v.realm.unwrap();
    assert!(realm.legacy && v.product == Product::Flex);
    assert_eq!(realm.findings[0].code, "flex_legacy_urls");
}

#[test]
fn frontline_is_unchanged() {
    let s = setup(&[sid(JB)]);
    let v = view(&s, 0);
    let step = |id: Step| v.steps.iter().find(|s| s.id == id).unwrap();
    assert_eq!(step(Step::AppRole).title, "App role Agent");
    assert_eq!(step(Step::TwilioSso).title, "Twilio Frontline SSO");
    assert_eq!(
        step(Step::Claims).instruction,
        "Add claims email = user.mail and roles = user.assignedroles, with an empty namespace."
    );
    let md = summary_markdown(&s, 0);
    assert!(md.starts_with(&format!("# Frontline SSO setup — {JB}")), "{md}");
    assert!(md.contains("| App role | `Agent (value agent, Users/Groups, enabled)` |"), "{md}");
}
