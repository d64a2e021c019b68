#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! The CLI's text, JSON and exit status, as a script would use them.

mod common;
use common::*;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontline-sso")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, out, _) = run(&all);
    (code, serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}")))
}

const SID: &str = "JB0123456789abcdef0123456789abcdef";

fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

#[test]
fn urls() {
    let (code, out, _) = run(&["urls", "jb0123456789ABCDEF0123456789abcdef"]);
    assert_eq!(code, 0);
    assert!(out.contains("https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef"));
    assert!(out.contains("https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef"));
    let (code, v) = json(&["urls", "AC0123456789abcdef0123456789abcdef"]);
    assert_eq!(code, 2);
    assert_eq!(v["error"]["code"], "account_sid");
}

#[test]
fn cert_at_two_times() {
    let p = path("realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem");
    let (code, v) = json(&["cert", &p, "--at", "2026-06-01T00:00:00Z"]);
    assert_eq!(code, 0);
    assert_eq!(v["thumbprintSha1"], "A33533A86D6933F8B680EAE64AFFD9BE22AD4725");
    assert_eq!(v["selfSignatureValid"], true);
    assert_eq!(v["findings"], serde_json::json!([]));
    let (code, v) = json(&["cert", &p, "--at", "2026-11-29T00:00:00Z"]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["code"], "expired");
    assert_eq!(v["findings"][0]["severity"], "error");
    let (code, text, _) = run(&["cert", &p, "--at", "2026-11-29T00:00:00Z"]);
    assert_eq!(code, 1);
    assert!(text.contains("error [expired]"));
}

/// The security cases at the command line: a script sees each in the exit status.
#[test]
fn cert_security_cases() {
    let at = "2026-11-29T00:00:00Z";
    for (rel, want_code, want) in [
        ("generated/private_key.pem", 2, "private_key"),
        ("generated/key_and_cert.p12", 2, "private_key"),
        ("generated/good_with_private_key.pem", 1, "private_key_included"),
        ("generated/good_trailing_data.cer", 0, "trailing_data"),
        ("generated/sha3_256_signed.pem", 0, "self_signature_not_checked"),
        ("generated/rsa_pss_bad_signature.pem", 1, "bad_self_signature"),
    ] {
        let (code, v) = json(&["cert", &path(rel), "--at", at]);
        assert_eq!(code, want_code, "{rel}");
        let codes = if code == 2 {
            vec![v["error"]["code"].clone()]
        } else {
            v["findings"].as_array().unwrap().iter().map(|f| f["code"].clone()).collect()
        };
        assert!(codes.contains(&serde_json::json!(want)), "{rel}: {codes:?}");
    }
}

#[test]
fn metadata_and_idp() {
    let md = path("realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml");
    let (code, v) = json(&["metadata", &md, "--at", "2026-06-01T00:00:00Z"]);
    assert_eq!(code, 0);
    assert_eq!(v["entityId"], "https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/");
    assert_eq!(v["ssoUrl"], "https://login.microsoftonline.com/a9054a0f-2011-4e31-b3ac-fd8c354146ec/saml2");
    assert_eq!(v["certificates"].as_array().unwrap().len(), 1);
    let (code, v) =
        json(&["metadata", &path("realworld/unsuitable/google_workspace_idp_metadata_not-azure_ggtristams.xml")]);
    assert_eq!(code, 1);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "not_entra"));
    let t = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";
    let login = format!("https://login.microsoftonline.com/{t}/saml2");
    let ident = format!("https://sts.windows.net/{t}/");
    let (code, v) = json(&[
        "idp",
        "--login-url",
        &login,
        "--identifier",
        &ident,
        "--metadata",
        &md,
        "--at",
        "2026-06-01T00:00:00Z",
    ]);
    assert_eq!(code, 0, "{v}");
    let (code, v) = json(&["idp", "--login-url", &login, "--identifier", ident.trim_end_matches('/')]);
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["code"], "missing_trailing_slash");
}

#[test]
fn unreadable_input_and_bad_usage_exit_2() {
    let (code, v) = json(&["cert", &path("realworld/unsuitable/malformed_pem_pysaml2.crt")]);
    assert_eq!(code, 2);
    assert_eq!(v["error"]["code"], "truncated_pem");
    assert!(v["error"]["message"].as_str().unwrap().contains("END"));
    assert_eq!(run(&["cert"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
    assert_eq!(run(&["cert", "/nonexistent/file.pem"]).0, 2);
    assert_eq!(run(&["cert", &path("generated/good.pem"), "--at", "yesterday"]).0, 2);
    assert_eq!(run(&["--help"]).0, 0);
}

#[test]
fn plan_command() {
    let (code, v) = json(&[
        "plan",
        "JB0123456789abcdef0123456789abcdef",
        "--workspace",
        "owlpress",
        "--cert",
        &path("generated/good.pem"),
        "--at",
        "2026-11-29T00:00:00Z",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["azure"]["signing"]["option"], "Sign SAML response and assertion");
    assert_eq!(v["azure"]["appRoles"][0]["manifest"]["allowedMemberTypes"][0], "User");
    assert_eq!(v["twilio"]["workspaceId"], "owlpress");
    assert!(v["twilio"]["x509Certificate"].as_str().unwrap().starts_with("-----BEGIN CERTIFICATE-----"));
}

#[test]
fn response_command() {
    let p = path("realworld/responses/entra_response_a9054a0f_2023_ssoready.SAMLResponse.b64.txt");
    let cert = path("realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem");
    let (code, v) = json(&[
        "response",
        &p,
        "--realm",
        "JB0123456789abcdef0123456789abcdef",
        "--cert",
        &cert,
        "--at",
        "2023-11-17T18:39:30Z",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["signatureVerified"], true);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "missing_roles"));
    let md = path("realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml");
    let (code, text, _) = run(&[
        "response",
        &p,
        "--realm",
        "JB0123456789abcdef0123456789abcdef",
        "--metadata",
        &md,
        "--at",
        "2023-11-17T18:39:30Z",
    ]);
    assert_eq!(code, 1);
    assert!(text.contains("Verified (assertion)"), "{text}");
    let good = path("generated/responses/good.b64.txt");
    let gcert = path("generated/responses/test-signing-cert.pem");
    let (code, _, _) = run(&[
        "response",
        &good,
        "--realm",
        "JB0123456789abcdef0123456789abcdef",
        "--cert",
        &gcert,
        "--identifier",
        "https://sts.windows.net/11111111-2222-4333-8444-555555555555/",
        "--at",
        "2026-11-29T00:00:00Z",
    ]);
    assert_eq!(code, 0);
    // Without --cert or --metadata, the certificate inside the response proves nothing.
    let (code, v) = json(&["response", &good, "--realm", SID, "--at", "2026-11-29T00:00:00Z"]);
    assert_eq!(code, 1);
    assert_eq!(v["signatureVerified"], serde_json::Value::Null);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "no_pinned_certificate"));
    assert_eq!(run(&["response", &good]).0, 2, "--realm is required");
}

/// Page reports made on every replica page in every dialect (tests/e2e/pagereport.test.mjs with
/// PAGE_REPORTS_DIR): the CLI recognises from each the forms the extension saw on the page. A
/// report from a real tenant, attached to a bug report, becomes a fixture here the same way.
#[test]
fn page_reports_replay_to_the_forms_the_page_showed() {
    let dir = fixture("pages");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 22, "every replica page in every dialect: {}", files.len());
    for f in files {
        let p = f.to_string_lossy().into_owned();
        let (code, v) = json(&["page", &p]);
        assert_eq!((code, &v["same"]), (0, &serde_json::json!(true)), "{p}: {v}");
        assert!(!v["forms"].as_array().unwrap().is_empty(), "{p}: a form is recognised");
        let (code, text, _) = run(&["page", &p]);
        assert_eq!(code, 0);
        assert!(text.contains("same as the page"), "{text}");
    }
    for (input, code) in [("{}", "report_format"), ("not json", "not_page_report")] {
        let dir = std::env::temp_dir().join(format!("fsa-page-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.json");
        std::fs::write(&file, input).unwrap();
        let (status, v) = json(&["page", &file.to_string_lossy()]);
        assert_eq!((status, v["error"]["code"].as_str()), (2, Some(code)), "{input}");
    }
}

#[test]
fn request_decodes_either_binding_and_names_a_wrong_value() {
    for (name, file, code, findings) in [
        ("a good Redirect URL", "generated/requests/good.redirect-url.txt", 0, vec![]),
        ("a good POST value", "generated/requests/good.post.b64.txt", 0, vec![]),
        ("another realm's ACS", "generated/requests/wrong_acs.redirect-url.txt", 1, vec!["request_acs_mismatch"]),
        (
            "another realm's Issuer",
            "generated/requests/wrong_issuer.redirect-url.txt",
            1,
            vec!["request_issuer_mismatch"],
        ),
    ] {
        let (status, v) = json(&["request", &path(file), "--realm", SID]);
        assert_eq!(status, code, "{name}");
        let got: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
        assert_eq!(got, findings, "{name}");
    }
    let url = text("generated/requests/good.redirect-url.txt");
    let (status, out, _) = run(&["request", url.trim(), "--realm", SID]);
    assert_eq!(status, 0);
    assert!(out.contains("binding       Redirect") && out.contains("ACS URL       https://iam.twilio.com/"), "{out}");
    assert_eq!(json(&["request", "not a request"]).1["error"]["code"], "not_base64");
}

#[test]
fn diagnose_names_the_step_and_the_values_for_each_code() {
    let wrong_acs = path("generated/requests/wrong_acs.redirect-url.txt");
    let (status, v) =
        json(&["diagnose", "--error", &path("errors/aadsts50011.txt"), "--request", &wrong_acs, "--realm", SID]);
    assert_eq!(status, 1);
    assert_eq!((v["code"].as_u64(), v["step"].as_str()), (Some(50011), Some("basic-saml")));
    assert_eq!(v["values"][0]["expected"], format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"));
    for (code, step) in [
        ("700016", "basic-saml"),
        ("650056", "basic-saml"),
        ("50105", "assign-users"),
        ("75011", "test-sign-in"),
        ("501241", "claims"),
        ("76021", "signing"),
        ("750054", "twilio-sso"),
        ("75016", "twilio-sso"),
        ("900236", "twilio-sso"),
        ("75005", "twilio-sso"),
        ("90014", "twilio-sso"),
        ("53003", "test-sign-in"),
    ] {
        let (status, v) = json(&["diagnose", "--error", &format!("AADSTS{code}: words"), "--realm", SID]);
        assert_eq!((status, v["step"].as_str()), (1, Some(step)), "AADSTS{code}");
        assert_eq!(v["lookupUrl"], format!("https://login.microsoftonline.com/error?code={code}"));
    }
    let (status, out, _) = run(&["diagnose", "--error", "AADSTS50105: blocked", "--realm", SID]);
    assert_eq!(status, 1);
    assert!(out.contains("step          assign-users") && out.contains("Users and groups"), "{out}");
    assert_eq!(
        json(&["diagnose", "--error", "no code here", "--realm", SID]),
        (2, json(&["diagnose", "--error", "x", "--realm", SID]).1)
    );
    assert_eq!(json(&["diagnose", "--error", "AADSTS50105: x"]).1["error"]["code"], "usage");
}

const JQ: &str = "JQ0123456789abcdef0123456789abcdef";

/// Flex at the command line: the SID names the product, `--region` is Flex's, legacy URLs are flagged.
#[test]
fn flex_commands_follow_the_sid() {
    let acs = |r: &str| format!("https://login.flex.{r}.twilio.com/login/callback?connection={JQ}");
    let legacy = "https://iam.twilio.com/v1/Accounts/AC0123456789abcdef0123456789abcdef/saml2";
    type Case<'a> = (&'a str, Vec<&'a str>, i32, &'a str);
    let cases: Vec<Case> = vec![
        ("a JQ SID", vec!["urls", JQ], 0, "urn:flex:JQ0123456789abcdef0123456789abcdef"),
        ("a JQ SID in another region", vec!["urls", JQ, "--region", "ie1"], 0, "info [flex_region]"),
        ("a pasted ACS URL", vec!["urls", "x"], 0, "Region                  us1"),
        ("a legacy URL", vec!["urls", legacy], 0, "warning [flex_legacy_urls]"),
        ("a bad region", vec!["urls", JQ, "--region", "moon"], 2, "error [bad_region]"),
        ("a region for Frontline", vec!["urls", SID, "--region", "us1"], 2, "error [region_not_used]"),
        ("Flex's plan", vec!["plan", JQ], 0, "Entra — app role  Supervisor (value supervisor"),
        ("Flex's plan names its SID", vec!["plan", JQ], 0, "Twilio — SSO connection SID"),
    ];
    let us1 = acs("us1");
    for (name, mut args, want_code, says) in cases {
        if name == "a pasted ACS URL" {
            args[1] = &us1;
        }
        let (code, out, err) = run(&args);
        assert_eq!(code, want_code, "{name}: {out}{err}");
        assert!(out.contains(says) || err.contains(says), "{name}: {out}{err}");
    }
    let (_, v) = json(&["urls", JQ, "--region", "ie1"]);
    assert_eq!((v["product"].as_str(), v["replyUrl"].as_str()), (Some("flex"), Some(acs("ie1").as_str())));
    let (_, v) = json(&["plan", JQ]);
    let roles: Vec<&str> =
        v["azure"]["appRoles"].as_array().unwrap().iter().map(|r| r["value"].as_str().unwrap()).collect();
    assert_eq!(roles, ["agent", "supervisor", "admin"]);
    assert_eq!(v["azure"]["claims"][1]["name"], "full_name");
    // The response follows the SID it is checked against.
    let flex = path("generated/responses/flex_good.b64.txt");
    let cert = path("generated/responses/test-signing-cert.pem");
    let at = "2026-11-29T00:00:00Z";
    let issuer = "https://sts.windows.net/11111111-2222-4333-8444-555555555555/";
    let check = |realm: &str| {
        json(&["response", &flex, "--realm", realm, "--cert", &cert, "--entra-identifier", issuer, "--at", at])
    };
    let (code, v) = check(JQ);
    assert_eq!((code, v["ok"].as_bool()), (0, Some(true)), "{v}");
    let (code, v) = check(SID);
    assert_eq!(code, 1);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "audience_mismatch"));
}

/// Inputs that would take all memory or minutes are refused at once (issue 27: the CLI reads
/// anything whole). Each case names the attack it stops.
#[test]
fn oversized_inputs_are_refused_with_too_large() {
    let dir = std::env::temp_dir().join(format!("fsa-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, body: &str| {
        let file = dir.join(name);
        std::fs::write(&file, body).unwrap();
        file.to_string_lossy().into_owned()
    };
    let report = |snapshot: serde_json::Value| {
        serde_json::json!({"format": 1, "console": "azure", "snapshot": snapshot}).to_string()
    };
    // 3,000 regions nested one in another: the worker's limits stop at 300.
    let nested: Vec<_> = (0..3000).map(|i| serde_json::json!({"name": "r", "role": "region", "parent": i})).collect();
    let nested = write("nested.json", &report(serde_json::json!({"regions": nested})));
    let long = write("long.json", &report(serde_json::json!({"headings": [{"text": "x".repeat(5000), "level": 2}]})));
    let cases = [
        ("a file that never ends (page /dev/zero) is read to 16 MB and no further", "/dev/zero"),
        ("a page report with 3,000 nested regions (once 99 s and 1.7 GB)", nested.as_str()),
        ("a page report with a text longer than the worker reads", long.as_str()),
    ];
    for (name, file) in cases {
        let (status, v) = json(&["page", file]);
        assert_eq!((status, v["error"]["code"].as_str()), (2, Some("too_large")), "{name}: {v}");
    }
    // A trace far past one sign-in (a 200 MB HAR, say): refused at once, with no parse.
    let started = std::time::Instant::now();
    let (status, v) = json(&["trace", "/dev/zero"]);
    assert_eq!((status, v["error"]["code"].as_str()), (2, Some("too_large")), "{v}");
    assert!(started.elapsed().as_secs() < 10, "quickly: {:?}", started.elapsed());
}

/// Twilio Console at the command line: its values come from the SP metadata (`sp-metadata`, and
/// `--sp-metadata` wherever a SID is asked for), and its responses are judged by its rules.
#[test]
fn console_commands_take_the_sp_metadata() {
    let md = path("console/twilio-sp-metadata.xml");
    let entra = path("realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml");
    let acs = "https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a";
    let upn = path("generated/responses/console_upn_name_id.b64.txt");
    let no_relay = path("generated/responses/console_good.no-relay-state.form-body.txt");
    let good = path("generated/responses/console_good.form-body.txt");
    let cert = path("generated/responses/test-signing-cert.pem");
    let at = "2026-11-29T00:00:00Z";
    type Case<'a> = (&'a str, Vec<&'a str>, i32, &'a str);
    let cases: Vec<Case> = vec![
        ("the metadata read", vec!["sp-metadata", &md], 0, acs),
        ("Entra's metadata instead", vec!["sp-metadata", &entra], 2, "error [idp_metadata_given]"),
        ("urls from the metadata", vec!["urls", "--sp-metadata", &md], 0, "Product                 Twilio Console"),
        ("the plan names the NameID", vec!["plan", "--sp-metadata", &md], 0, "Email address = user.mail"),
        ("the plan has no claims", vec!["plan", "--sp-metadata", &md], 0, "Twilio — SP metadata"),
        (
            "a UPN NameID",
            vec!["response", &upn, "--sp-metadata", &md, "--cert", &cert, "--at", at],
            1,
            "[name_id_not_email]",
        ),
        (
            "no RelayState",
            vec!["response", &no_relay, "--sp-metadata", &md, "--cert", &cert, "--at", at],
            1,
            "[relay_state_missing]",
        ),
        ("the good test", vec!["response", &good, "--sp-metadata", &md, "--cert", &cert, "--at", at], 0, "no findings"),
        ("no SID and no metadata", vec!["response", &good], 2, "--sp-metadata"),
    ];
    for (name, args, want_code, says) in cases {
        let (code, out, err) = run(&args);
        assert_eq!(code, want_code, "{name}: {out}{err}");
        assert!(out.contains(says) || err.contains(says), "{name}: {out}{err}");
    }
    let (_, v) = json(&["plan", "--sp-metadata", &md]);
    assert_eq!((v["product"].as_str(), v["azure"]["appRoles"].as_array().map(Vec::len)), (Some("console"), Some(0)));
    assert_eq!(v["azure"]["nameId"]["sourceAttribute"], "user.mail");
    let (_, v) = json(&["sp-metadata", &md]);
    assert_eq!(v["wantAssertionsSigned"], true);
}

/// `trace`: a SAML-tracer export or a HAR file, as one timeline and the step to fix; `diagnose`
/// takes Twilio's error codes as it takes AADSTS codes.
#[test]
fn trace_gives_the_timeline_and_the_step_and_diagnose_takes_twilio_codes() {
    let t = |name: &str| path(&format!("generated/traces/{name}"));
    let cert = path("generated/responses/test-signing-cert.pem");
    let at = "2026-11-29T00:00:00Z";
    type Case<'a> = (&'a str, Vec<String>, i32, &'a [&'a str]);
    let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases: Vec<Case> = vec![
        (
            "a good sign-in",
            args(&["trace", &t("good.saml-tracer.json"), "--realm", SID, "--cert", &cert, "--at", at]),
            0,
            &["saml-tracer: 4 requests, 2 with SAML", "verdict       works"],
        ),
        (
            "the SID from the trace",
            args(&["trace", &t("good.saml-tracer.json"), "--cert", &cert, "--at", at]),
            0,
            &["(from the trace)", "verdict       works"],
        ),
        (
            "AADSTS50011's request",
            args(&["trace", &t("aadsts50011.saml-tracer.json"), "--realm", SID, "--at", at]),
            1,
            &["step          basic-saml", "error [request_acs_mismatch]"],
        ),
        ("no SAML at all", args(&["trace", &t("no_saml.saml-tracer.json")]), 2, &["error [no_saml_in_trace]"]),
        (
            "Twilio's 70251",
            args(&["diagnose", "--error", "Error 70251: no valid certificate for identity realm", "--realm", SID]),
            1,
            &["Twilio error 70251", "step          twilio-sso", "https://www.twilio.com/docs/api/errors/70251"],
        ),
        (
            "Twilio's 70004",
            args(&["diagnose", "--error", "70004 invalid issuer", "--realm", SID]),
            1,
            &["step          twilio-sso", "trailing slash"],
        ),
    ];
    for (name, args, want_code, says) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&args);
        assert_eq!(code, want_code, "{name}: {out}{err}");
        for s in says {
            assert!(out.contains(s) || err.contains(s), "{name}: {s} missing from {out}{err}");
        }
    }
    let (_, v) = json(&["trace", &t("flex_missing_full_name.saml-tracer.json"), "--cert", &cert, "--at", at]);
    assert_eq!(
        (v["verdict"]["step"].as_str(), v["serviceProvider"]["product"].as_str()),
        (Some("claims"), Some("flex"))
    );
    assert_eq!(v["timeline"].as_array().map(Vec::len), Some(2));
}

/// The panel's "Export for support" file, read back by `trace`: the capture's verdict, redacted or not.
#[test]
fn an_exported_sign_in_reads_back_with_its_verdict() {
    use frontline_sso::product::sp_urls;
    use frontline_sso::setup::trace::{export_trace, Captured};
    let cert = path("generated/responses/test-signing-cert.pem");
    let dir = std::env::temp_dir().join(format!("fsso-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // (name, the captured response, its setup's SID, values included?, exit status, what it says)
    type Case<'a> = (&'a str, &'a str, &'a str, bool, i32, &'a [&'a str]);
    let jq = "JQ0123456789abcdef0123456789abcdef";
    let cases: [Case; 4] = [
        ("good, redacted", "good", SID, false, 0, &["NameID ‹email›", "verdict       works", "redacted"]),
        ("good, with its values", "good", SID, true, 0, &["NameID agent@owlpress.test", "verdict       works"]),
        ("Flex without full_name, redacted", "flex_missing_full_name", jq, false, 1, &["step          claims"]),
        ("another certificate, redacted", "certificate_mismatch", SID, false, 1, &["[certificate_mismatch]"]),
    ];
    for (name, response, sid, include, want_code, says) in cases {
        let sp = sp_urls(sid, None, None).unwrap();
        let b64 = text(&format!("generated/responses/{response}.b64.txt"));
        let form = format!("SAMLResponse={}", b64.trim().replace('+', "%2B").replace('/', "%2F").replace('=', "%3D"));
        let captured = Captured { url: sp.reply_url.clone(), form, at_ms: 0 };
        let file = dir.join(format!("{response}-{include}.json"));
        std::fs::write(&file, export_trace(&captured, Some(&sp), include).unwrap()).unwrap();
        let file = file.to_string_lossy().to_string();
        let (code, out, err) = run(&["trace", &file, "--realm", sid, "--cert", &cert, "--at", "2026-11-29T00:00:00Z"]);
        assert_eq!(code, want_code, "{name}: {out}{err}");
        for s in says {
            assert!(out.contains(s), "{name}: {s} missing from {out}");
        }
    }
}
