#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Every fixture, every prefix of it, and pseudo-random bytes through every entry point:
//! each must return a value or a typed error, never panic.

mod common;
use common::*;
use frontline_sso::cert::certificate::{inspect_certificate, CertInput};
use frontline_sso::forms::{
    observe_page, page_report, Console, Field, FillMode, Heading, Region, ReportVersions, Snapshot, Table, TextPair,
};
use frontline_sso::product::frontline::realm_urls;
use frontline_sso::saml::metadata::parse_metadata;
use frontline_sso::setup::idp::{check_idp_values, IdpInput};
use frontline_sso::setup::plan::{setup_plan, PlanInput};
use frontline_sso::setup::{apply_event, new_setup, summary_markdown, view, SetupEvent};

#[allow(clippy::too_many_lines)] // one input through every entry point, in one place
fn feed(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = inspect_certificate(CertInput::Bytes(data), now());
    let _ = inspect_certificate(CertInput::Text(&text), now());
    let _ = parse_metadata(&text, now());
    let _ = frontline_sso::product::console::metadata_of(&text);
    let _ = realm_urls(&text);
    let _ = check_idp_values(
        &IdpInput {
            login_url: text.to_string(),
            entra_identifier: text.to_string(),
            metadata_xml: Some(text.to_string()),
        },
        now(),
    );
    let _ = setup_plan(&PlanInput {
        realm_sid: "JB0123456789abcdef0123456789abcdef".into(),
        workspace_id: Some(text.to_string()),
        login_url: Some(text.to_string()),
        entra_identifier: Some(text.to_string()),
        certificate: Some(text.to_string()),
        now_ms: Some(now()),
        ..Default::default()
    });
    let mut setup = new_setup("s", now());
    for event in [
        SetupEvent::SetRealmSid { value: text.to_string() },
        SetupEvent::SetWorkspaceId { value: text.to_string() },
        SetupEvent::SetIdpValues {
            login_url: Some(text.to_string()),
            entra_identifier: Some(text.to_string()),
            place: None,
        },
        SetupEvent::SetCertificate { text: None, bytes: Some(data.to_vec()), source: "fuzz".into() },
    ] {
        if let Ok(next) = apply_event(setup.clone(), &event, now()) {
            setup = next;
        }
    }
    let field = Field {
        key: "k".into(),
        name: text.to_string(),
        section: text.to_string(),
        role: "textbox".into(),
        value: text.to_string(),
        ..Default::default()
    };
    let snap = Snapshot {
        title: "Basic SAML Configuration".into(),
        headings: [text.to_string(), "Set up Single Sign-On with SAML".into()]
            .into_iter()
            .map(|t| Heading { text: t, level: 2, region: data.len() as u32 % 4 })
            .collect(),
        fields: vec![field.clone(), Field { name: "Identifier (Entity ID)".into(), ..field }],
        texts: vec![TextPair {
            section: text.to_string(),
            label: "Login URL".into(),
            value: text.to_string(),
            region: u32::MAX,
        }],
        tables: vec![Table {
            name: text.to_string(),
            headers: vec!["Claim name".into(), "Value".into()],
            rows: vec![vec![text.to_string()]],
            region: 2,
        }],
        // Malformed region chains: a cycle, a parent out of range, a self-parent.
        regions: vec![
            Region { name: text.to_string(), role: "blade".into(), parent: Some(2) },
            Region { parent: Some(2), ..Region::default() },
            Region { parent: Some(1), ..Region::default() },
            Region { parent: Some(u32::MAX), ..Region::default() },
        ],
        ..Default::default()
    };
    let _ = page_report(&snap, &setup, "azure", &text, ReportVersions::default(), &["basic-saml"]);
    for console in [Console::Azure, Console::Twilio] {
        if let Ok(r) = observe_page(setup.clone(), &snap, console, FillMode::Auto, now()) {
            setup = r.setup;
        }
    }
    let _ = frontline_sso::saml::response::check_response(
        &text,
        &frontline_sso::saml::response::Expectations {
            service_provider: frontline_sso::product::sp_urls("JB0123456789abcdef0123456789abcdef", None, None)
                .unwrap(),
            entra_identifier: None,
            certificate_der: None,
        },
        now(),
    );
    if let Ok(next) =
        apply_event(setup.clone(), &SetupEvent::SignInResponse { text: text.to_string(), source: "fuzz".into() }, now())
    {
        setup = next;
    }
    let _ = view(&setup, now());
    let _ = summary_markdown(&setup, now());
}

#[test]
fn fixtures_and_their_truncations() {
    // Page reports are JSON for `frontline-sso page`; cli.rs replays each of them.
    let files: Vec<_> = all_fixture_files().into_iter().filter(|p| !p.to_string_lossy().contains("/pages/")).collect();
    assert!(files.len() > 30, "fixtures missing: {}", files.len());
    for path in files {
        let data = std::fs::read(&path).unwrap();
        feed(&data);
        // Cut at many points, including inside multi-byte characters and DER lengths.
        let step = (data.len() / 97).max(1);
        for cut in (0..data.len()).step_by(step) {
            feed(&data[..cut]);
        }
        // And with one byte damaged at several places.
        for at in (0..data.len()).step_by((data.len() / 13).max(1)) {
            let mut bad = data.clone();
            bad[at] ^= 0x5a;
            feed(&bad);
        }
    }
}

#[test]
fn pseudo_random_bytes() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for len in [0usize, 1, 2, 3, 7, 64, 300, 1500, 5000] {
        for _ in 0..20 {
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect();
            feed(&data);
            // DER-looking: a SEQUENCE header in front of noise.
            let mut der = vec![0x30, 0x82, 0x05, 0x00];
            der.extend_from_slice(&data);
            feed(&der);
        }
    }
}

#[test]
fn hostile_sizes_and_times() {
    feed(&vec![b'A'; 2 * 1024 * 1024]);
    feed(&vec![0x30; 300 * 1024]);
    let cert = bytes("generated/good.pem");
    for t in [i64::MIN, -1, 0, i64::MAX] {
        let _ = inspect_certificate(CertInput::Bytes(&cert), t);
        let _ = parse_metadata(&text("generated/metadata_rollover.xml"), t);
    }
}
