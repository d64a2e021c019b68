#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! The certificate renewal as a spec: the real Entra certificate (valid to 2026-11-16) is the
//! one that expires; a generated one replaces it.

mod common;
use common::*;
use frontline_sso::common::ids::Step;
use frontline_sso::setup::checklist::{ChecklistEvent, Status};
use frontline_sso::setup::renewal::ListedCert;
use frontline_sso::setup::{apply_event, new_setup, view, Setup, SetupEvent};

const OLD: &str = "realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem";
const OLD_THUMBPRINT: &str = "A33533A86D6933F8B680EAE64AFFD9BE22AD4725";
const NEW: &str = "generated/responses/renewed-signing-cert.pem";

fn new_thumbprint() -> String {
    let pem = text(NEW);
    let r = frontline_sso::cert::certificate::inspect_certificate(
        frontline_sso::cert::certificate::CertInput::Text(&pem),
        now(),
    );
    r.unwrap().thumbprint_sha1
}

fn apply(s: Setup, e: SetupEvent, t: &str) -> Setup {
    apply_event(s, &e, at(t)).unwrap_or_else(|err| panic!("{e:?}: {err}"))
}

fn cert(file: &str) -> SetupEvent {
    SetupEvent::SetCertificate { text: Some(text(file)), bytes: None, source: file.into() }
}

fn observed(step: Step, outcome: Status, what: &str) -> SetupEvent {
    SetupEvent::Checklist(ChecklistEvent::Observed {
        step,
        outcome,
        what: what.into(),
        place: "test".into(),
        missing_claims: vec![],
    })
}

fn listed(rows: &[(&str, bool)]) -> SetupEvent {
    let certs = rows
        .iter()
        .map(|(t, active)| ListedCert { thumbprint: t.to_string(), active: *active, expiration: "later".into() })
        .collect();
    SetupEvent::PortalCertificates { certs, place: "SAML Signing Certificate".into() }
}

/// A finished setup with the real certificate, done long before it expires.
fn finished_setup() -> Setup {
    let mut s = apply(new_setup("a", at("2024-01-01T00:00:00Z")), cert(OLD), "2024-01-01T00:00:00Z");
    for step in Step::ALL {
        s = apply(s, SetupEvent::Checklist(ChecklistEvent::MarkDone { step }), "2024-01-01T00:00:00Z");
    }
    s
}

fn renewal_statuses(s: &Setup) -> Vec<(&'static str, Status)> {
    let r = s.renewal.as_ref().expect("a renewal under way");
    Step::RENEWAL.iter().map(|st| (st.id(), r.status(*st))).collect()
}

#[test]
fn a_renewal_starts_60_days_before_expiry_and_not_sooner() {
    let s = finished_setup();
    for (name, when, shown, badge) in [
        ("90 days before: nothing", "2026-08-18T00:00:00Z", false, "done"),
        ("59 days before: shown", "2026-09-18T00:00:00Z", true, "certificate"),
        ("expired: shown", "2026-12-01T00:00:00Z", true, "certificate"),
    ] {
        let v = view(&s, at(when));
        assert_eq!(v.renewal.is_some(), shown, "{name}");
        assert_eq!(v.badge.level, badge, "{name}");
        assert_eq!(v.next, if shown { Some(Step::RenewAdd) } else { None }, "{name}");
    }
    let checked = apply(s, SetupEvent::CheckCertificate, "2026-10-01T00:00:00Z");
    let r = checked.renewal.as_ref().expect("the daily check stores it");
    assert_eq!((r.old_thumbprint.as_str(), r.new_thumbprint.as_deref()), (OLD_THUMBPRINT, None));
}

#[test]
fn the_renewal_follows_both_consoles_to_a_verified_sign_in() {
    let new = new_thumbprint();
    let day = "2026-10-01T00:00:00Z";
    let mut s = apply(finished_setup(), SetupEvent::CheckCertificate, day);
    use Status::*;
    let steps: Vec<(&str, SetupEvent, [Status; 5])> = vec![
        ("the list shows only the old one", listed(&[(OLD_THUMBPRINT, true)]), [Todo, Todo, Todo, Todo, Todo]),
        (
            "a new inactive certificate is listed",
            listed(&[(OLD_THUMBPRINT, true), (&new, false)]),
            [Done, InProgress, Todo, Todo, Todo],
        ),
        (
            "Twilio before the new certificate is taken: not the renewal's business yet",
            observed(Step::TwilioSso, Done, "holds the old one"),
            [Done, InProgress, Todo, Todo, Todo],
        ),
        (
            "the admin made it active; the pane shows its thumbprint",
            SetupEvent::SetPortalCapture { thumbprint: Some(new.clone()), expiration: None, metadata_url: None },
            [Done, Done, Todo, Todo, Todo],
        ),
        ("the new certificate is taken", cert(NEW), [Done, Done, Done, Todo, Todo]),
        (
            "Twilio's field still holds the old one",
            observed(Step::TwilioSso, InProgress, "X.509 holds another certificate"),
            [Done, Done, Done, InProgress, Todo],
        ),
        ("Twilio saved the new one", observed(Step::TwilioSso, Done, "saved"), [Done, Done, Done, Done, Todo]),
    ];
    for (name, event, want) in steps {
        s = apply(s, event, day);
        let got: Vec<Status> = renewal_statuses(&s).into_iter().map(|(_, st)| st).collect();
        assert_eq!(got, want, "{name}");
        assert_eq!(s.checklist.status_of(Step::TwilioSso), Done, "{name}: the setup's own step is not taken back");
        assert_eq!(view(&s, at(day)).renewal.unwrap().old_thumbprint, OLD_THUMBPRINT, "{name}: the old one is listed");
    }
    assert_eq!(view(&s, at(day)).next, Some(Step::RenewTestSignIn));
    let md = frontline_sso::setup::summary_markdown(&s, at(day));
    assert!(md.contains("## Certificate renewal — 4 of 5 done") && md.contains(&new), "{md}");
    // The sign-in itself is checked in the browser test, with a response the new key signed.
    let s = apply(s, SetupEvent::Checklist(ChecklistEvent::MarkDone { step: Step::RenewTestSignIn }), day);
    assert!(s.renewal.is_none(), "closed once the new certificate is verified");
    let v = view(&s, at(day));
    assert!(v.renewal.is_none(), "the new certificate is not due");
    assert_eq!(v.certificate_watch.unwrap().level, "ok");
    let last = s.checklist.step(Step::Certificate).unwrap().evidence.last().unwrap();
    assert!(last.what.contains(&new) && last.what.contains(OLD_THUMBPRINT), "{}", last.what);
}

#[test]
fn a_due_renewal_can_be_marked_before_anything_stored_it() {
    let e = SetupEvent::Checklist(ChecklistEvent::MarkDone { step: Step::RenewAdd });
    let s = apply(finished_setup(), e, "2026-10-01T00:00:00Z");
    assert_eq!(renewal_statuses(&s)[0], ("renew-add", Status::Done));
}

#[test]
fn renewal_steps_without_a_renewal_are_refused() {
    let e = SetupEvent::Checklist(ChecklistEvent::MarkDone { step: Step::RenewAdd });
    let err = apply_event(finished_setup(), &e, at("2025-01-01T00:00:00Z")).unwrap_err();
    assert_eq!(err.code, "no_renewal");
}

#[test]
fn thumbprints_are_read_as_the_portal_may_show_them_and_nothing_else() {
    use frontline_sso::cert::certificate::thumbprint_in;
    let spaced = "a3 35 33 a8 6d 69 33 f8 b6 80 ea e6 4a ff d9 be 22 ad 47 25";
    for (name, text, want) in [
        ("as shown", OLD_THUMBPRINT, Some(OLD_THUMBPRINT)),
        ("spaced, lower case", spaced, Some(OLD_THUMBPRINT)),
        ("with colons", "A3:35:33:A8:6D:69:33:F8:B6:80:EA:E6:4A:FF:D9:BE:22:AD:47:25", Some(OLD_THUMBPRINT)),
        ("too short", "A33533A86D", None),
        ("not hex", "Z33533A86D6933F8B680EAE64AFFD9BE22AD4725", None),
        ("a status", "Active", None),
    ] {
        assert_eq!(thumbprint_in(text).as_deref(), want, "{name}");
    }
}

#[test]
fn a_list_with_only_the_old_certificate_names_no_new_one() {
    let s = apply(finished_setup(), SetupEvent::CheckCertificate, "2026-10-01T00:00:00Z");
    let s = apply(s, listed(&[(OLD_THUMBPRINT, true)]), "2026-10-01T00:00:00Z");
    assert_eq!(s.renewal.unwrap().new_thumbprint, None);
}
