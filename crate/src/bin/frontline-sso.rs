//! `frontline-sso`: the same core as the extension, for a terminal or a script.
//! Exit status: 0 no error findings, 1 error findings, 2 unreadable input or bad usage.

use frontline_sso::common::codes;
use std::process::ExitCode;

use frontline_sso::cert::certificate::{decode, inspect_certificate, CertInput, CertificateReport};
use frontline_sso::common::finding::{has_errors, CoreError, Finding};
use frontline_sso::common::timefmt::parse_rfc3339_ms;
use frontline_sso::entra::portal::{Label as L, Lang};
use frontline_sso::forms::{observe_page, Console, FillMode, PageReport, REPORT_FORMAT};
use frontline_sso::product::console::metadata_of;
use frontline_sso::product::frontline::realm_urls;
use frontline_sso::product::{detect, sp_urls, Product, SpUrls};
use frontline_sso::saml::metadata::parse_metadata;
use frontline_sso::saml::request::check_request;
use frontline_sso::saml::response::{check_response, Expectations};
use frontline_sso::setup::diagnose::{diagnose, read_error, Diagnosis, Known};
use frontline_sso::setup::idp::{check_idp_values, IdpInput};
use frontline_sso::setup::plan::{setup_plan, PlanInput};
use frontline_sso::setup::trace::{check_trace, TraceInput};
use frontline_sso::setup::twilio_errors::{diagnose_twilio, read_twilio_error};
use frontline_sso::setup::{apply_event, new_setup, SetupEvent};
use serde::Serialize;

const USAGE: &str = "\
Frontline SSO Assistant — checks for Twilio Frontline, Flex and Console SAML SSO with Microsoft Entra ID

A SID names the product: a Frontline Realm SID (JB…) or a Flex SSO connection SID (JQ…);
a pasted Entity ID or Reply URL holding one works too. --region is Flex's (us1 if none).
Twilio Console SSO has no SID: its values come from the SSO profile's SP metadata. Give it with
--sp-metadata <FILE | -> wherever a SID (or --realm) is asked for.

Usage:
  frontline-sso urls <SID> [--region <R>]            Identifier (Entity ID) and Reply URL for Entra
  frontline-sso urls --sp-metadata <FILE | ->        the same, from Twilio Console's SP metadata
  frontline-sso sp-metadata <FILE | ->               read Twilio's SP metadata (Admin Center SSO profile)
  frontline-sso cert <FILE> [--at <RFC3339>]         inspect a certificate (.cer Base64/Raw, PEM)
  frontline-sso metadata <FILE> [--at <RFC3339>]     parse Entra federation metadata XML
  frontline-sso idp --login-url <URL> --entra-identifier <URL> [--metadata <FILE>] [--at <RFC3339>]
  frontline-sso response <FILE> (--realm <SID> [--region <R>] | --sp-metadata <FILE>)
                     [--cert <FILE> | --metadata <FILE>]
                     [--entra-identifier <URL>] [--at <RFC3339>]
                                                     check a SAMLResponse (base64, form body or XML)
  frontline-sso plan (<SID> [--region <R>] | --sp-metadata <FILE>) [--workspace <ID>] [--login-url <URL>]
                     [--entra-identifier <URL>]
                     [--cert <FILE>] [--at <RFC3339>]  every value both consoles need
  frontline-sso request <URL | FILE | -> [--realm <SID>] [--region <R>] [--sp-metadata <FILE>]
                                                     decode and check Twilio's SAMLRequest (a sign-in
                                                     URL, a form body, or the value)
  frontline-sso diagnose --error <TEXT | FILE> [--request <URL | FILE>]
                     (--realm <SID> [--region <R>] | --sp-metadata <FILE>)
                     [--reply-url <URL>]… [--identifier <URL>]…
                                                     what an AADSTS error means for this app, and the fix
  frontline-sso trace <FILE | -> [--realm <SID> [--region <R>] | --sp-metadata <FILE>]
                     [--cert <FILE> | --metadata <FILE>] [--entra-identifier <URL>] [--reply-url <URL>]…
                     [--identifier <URL>]… [--at <RFC3339>]
                                                     a SAML-tracer export or a HAR file: the timeline
                                                     (request → Entra → response) and the step to fix
  frontline-sso page <REPORT.json> [--realm <SID>]   replay a page report (the panel's Copy page
                                                     report) through recognition: which forms, what
                                                     would be filled; exit 1 if not what the page saw

Options:
  --json     one JSON object, same shape as the WASM API
  --at       judge validity at this time instead of now (e.g. 2026-06-01T00:00:00Z)

Exit status: 0 no error findings, 1 error findings, 2 unreadable input or bad usage.
";

#[derive(Default)]
struct Args {
    positional: Vec<String>,
    json: bool,
    at: Option<String>,
    login_url: Option<String>,
    entra_identifier: Option<String>,
    metadata: Option<String>,
    workspace: Option<String>,
    cert: Option<String>,
    realm: Option<String>,
    region: Option<String>,
    error: Option<String>,
    request: Option<String>,
    reply_urls: Vec<String>,
    identifiers: Vec<String>,
    /// Twilio Console's SP metadata: a file, or "-" for stdin.
    sp_metadata: Option<String>,
}

/// A portal label as the CLI prints it: in English.
fn en(label: L) -> &'static str {
    label.in_lang(Lang::En)
}

fn parse_args(raw: &[String]) -> Result<Args, CoreError> {
    let mut a = Args::default();
    let mut it = raw.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next().cloned().ok_or_else(|| CoreError::new(codes::USAGE, format!("{name} needs a value.")))
        };
        match arg.as_str() {
            "--json" => a.json = true,
            "--at" => a.at = Some(value("--at")?),
            "--login-url" => a.login_url = Some(value("--login-url")?),
            // "--identifier" is the older name of the flag.
            "--entra-identifier" => a.entra_identifier = Some(value(arg)?),
            // Elsewhere the older name of --entra-identifier; to diagnose, an Identifier the app has saved.
            "--identifier" => {
                let v = value(arg)?;
                a.identifiers.push(v.clone());
                a.entra_identifier = Some(v);
            }
            "--metadata" => a.metadata = Some(value("--metadata")?),
            "--workspace" => a.workspace = Some(value("--workspace")?),
            "--cert" => a.cert = Some(value("--cert")?),
            "--realm" => a.realm = Some(value("--realm")?),
            "--region" => a.region = Some(value("--region")?),
            "--error" => a.error = Some(value("--error")?),
            "--request" => a.request = Some(value("--request")?),
            "--reply-url" => a.reply_urls.push(value("--reply-url")?),
            "--sp-metadata" => a.sp_metadata = Some(value("--sp-metadata")?),
            s if s.starts_with("--") => return Err(CoreError::new(codes::USAGE, format!("Unknown option {s}."))),
            _ => a.positional.push(arg.clone()),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.is_empty() || raw.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return if raw.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let json = raw.iter().any(|a| a == "--json");
    match run(&raw) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if json {
                println!("{}", to_json(&serde_json_error(&e)));
            } else {
                eprintln!("error [{}]: {}", e.code, e.message);
                if e.code == "usage" {
                    eprint!("\n{USAGE}");
                }
            }
            ExitCode::from(2)
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a CoreError,
}

fn serde_json_error(e: &CoreError) -> ErrorBody<'_> {
    ErrorBody { error: e }
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v)
        .unwrap_or_else(|e| format!("{{\"error\":{{\"code\":\"internal\",\"message\":\"{e}\"}}}}"))
}

/// `frontline-sso urls` for Flex (a connection SID or ACS URL, or a region given).
fn cmd_urls_flex(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let u = sp_urls(&c.need("a SID")?, None, a.region.as_deref())?;
    if a.json {
        println!("{}", to_json(&u));
    } else {
        print_urls(&u);
    }
    Ok(status(&u.findings))
}

/// `frontline-sso urls --sp-metadata`: Console's values.
fn cmd_urls_console(c: &Cmd) -> Result<u8, CoreError> {
    let u = sp_urls(&c.need_sp_source(None)?, Some(Product::Console), None)?;
    if c.a.json {
        println!("{}", to_json(&u));
    } else {
        print_urls(&u);
    }
    Ok(status(&u.findings))
}

/// `frontline-sso sp-metadata`: Twilio's SP metadata, read and judged.
fn cmd_sp_metadata(c: &Cmd) -> Result<u8, CoreError> {
    let m = metadata_of(&text_or_file(&c.need("an SP metadata file, or -")?)?)?;
    if c.a.json {
        println!("{}", to_json(&m));
    } else {
        println!("entityID      {}", m.entity_id);
        println!("{:<14}{}", "Reply URL", m.acs_url);
        for e in &m.acs {
            println!("ACS           {}  ({})", e.location, short_binding(&e.binding));
        }
        let flag = |v: Option<bool>| v.map_or("-", yes);
        println!("assertions    signed wanted: {}", flag(m.want_assertions_signed));
        println!("requests      signed: {}", flag(m.authn_requests_signed));
        let formats = if m.name_id_formats.is_empty() { "-".to_string() } else { m.name_id_formats.join(", ") };
        println!("NameID        {formats}");
        print_findings(&m.findings);
    }
    Ok(status(&m.findings))
}

/// One command's inputs: the options, its name, its first argument and "now".
struct Cmd<'a> {
    a: &'a Args,
    cmd: &'a str,
    arg1: Option<String>,
    now_ms: i64,
}

impl Cmd<'_> {
    /// The command's argument, or a usage error naming what it needs.
    fn need(&self, what: &str) -> Result<String, CoreError> {
        let cmd = self.cmd;
        self.arg1.clone().ok_or_else(|| CoreError::new(codes::USAGE, format!("{cmd} needs {what}.")))
    }

    /// What the SP values are made from: `--sp-metadata`'s XML (Console), else `given` (a SID).
    fn sp_source(&self, given: Option<String>) -> Result<Option<String>, CoreError> {
        match &self.a.sp_metadata {
            Some(path) => text_or_file(path).map(Some),
            None => Ok(given),
        }
    }

    /// The same, required: a usage error naming both ways when neither is given.
    fn need_sp_source(&self, given: Option<String>) -> Result<String, CoreError> {
        let cmd = self.cmd;
        self.sp_source(given)?.ok_or_else(|| {
            CoreError::new(codes::USAGE, format!("{cmd} needs a SID (--realm <SID>) or --sp-metadata <FILE>."))
        })
    }
}

fn run(raw: &[String]) -> Result<u8, CoreError> {
    let a = parse_args(raw)?;
    let now_ms = match &a.at {
        Some(t) => parse_rfc3339_ms(t)?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0),
    };
    let cmd = a.positional.first().map(String::as_str).unwrap_or_default();
    let arg1 = a.positional.get(1).cloned();
    let c = Cmd { a: &a, cmd, arg1: arg1.clone(), now_ms };
    match cmd {
        "urls" if a.sp_metadata.is_some() => cmd_urls_console(&c),
        "urls" if a.region.is_some() || detect(arg1.as_deref().unwrap_or_default()) == Some(Product::Flex) => {
            cmd_urls_flex(&c)
        }
        "sp-metadata" => cmd_sp_metadata(&c),
        "urls" => cmd_urls(&c),
        "cert" => cmd_cert(&c),
        "metadata" => cmd_metadata(&c),
        "idp" => cmd_idp(&c),
        "plan" => cmd_plan(&c),
        "response" => cmd_response(&c),
        "request" => cmd_request(&c),
        "diagnose" => cmd_diagnose(&c),
        "trace" => cmd_trace(&c),
        "page" => replay_page(&read_text(&c.need("a page report file")?)?, a.realm.as_deref(), a.json, now_ms),
        "" => Err(CoreError::new(codes::USAGE, "Name a command.")),
        other => Err(CoreError::new(codes::USAGE, format!("Unknown command \"{other}\"."))),
    }
}

/// `frontline-sso urls` for a Frontline Realm SID.
fn cmd_urls(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let r = realm_urls(&c.need("a Realm SID")?)?;
    if a.json {
        println!("{}", to_json(&r));
    } else {
        println!("Realm SID               {}", r.realm_sid);
        println!("{:<24}{}", en(L::Identifier), r.sp_entity_id);
        println!("Reply URL (ACS)         {}", r.reply_url);
        for n in &r.normalized {
            println!("note: {n}");
        }
    }
    Ok(0)
}

/// `frontline-sso cert`.
fn cmd_cert(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let path = c.need("a certificate file")?;
    let bytes = read(&path)?;
    let r = inspect_certificate(CertInput::Bytes(&bytes), c.now_ms)?;
    if a.json {
        println!("{}", to_json(&r));
    } else {
        print_cert(&r, "");
        print_findings(&r.findings);
    }
    Ok(status(&r.findings))
}

/// `frontline-sso metadata`.
fn cmd_metadata(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let path = c.need("a metadata file")?;
    let xml = read_text(&path)?;
    let r = parse_metadata(&xml, c.now_ms)?;
    if a.json {
        println!("{}", to_json(&r));
    } else {
        println!("entityID      {}", r.entity_id);
        println!("tenant        {}", r.tenant_id.as_deref().unwrap_or("-"));
        for e in &r.single_sign_on_services {
            println!("SSO           {}  ({})", e.location, short_binding(&e.binding));
        }
        for e in &r.single_logout_services {
            println!("logout        {}  ({})", e.location, short_binding(&e.binding));
        }
        for (i, c) in r.certificates.iter().enumerate() {
            let mark = if Some(i) == r.chosen_certificate { " (chosen)" } else { "" };
            println!("\ncertificate {}{mark}", i + 1);
            print_cert(c, "  ");
        }
        print_findings(&r.findings);
    }
    Ok(status(&r.findings))
}

/// `frontline-sso idp`.
fn cmd_idp(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let metadata_xml = a.metadata.as_deref().map(read_text).transpose()?;
    let input = IdpInput {
        login_url: a.login_url.clone().ok_or_else(|| CoreError::new(codes::USAGE, "idp needs --login-url."))?,
        entra_identifier: a
            .entra_identifier
            .clone()
            .ok_or_else(|| CoreError::new(codes::USAGE, "idp needs --entra-identifier."))?,
        metadata_xml,
    };
    let r = check_idp_values(&input, c.now_ms);
    if a.json {
        println!("{}", to_json(&r));
    } else {
        println!("Login URL     {}  [{}]", r.login_url.value, r.login_url.kind);
        println!("Entra ident.  {}  [{}]", r.entra_identifier.value, r.entra_identifier.kind);
        println!("tenant        {}", r.tenant_id.as_deref().unwrap_or("-"));
        println!("cloud         {}", r.cloud.map(|c| c.label()).unwrap_or("-"));
        print_findings(&r.findings);
    }
    Ok(status(&r.findings))
}

/// `frontline-sso plan`.
fn cmd_plan(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let certificate = a.cert.as_deref().map(read_text).transpose()?;
    let input = PlanInput {
        realm_sid: c.need_sp_source(c.arg1.clone())?,
        product: None,
        region: a.region.clone(),
        workspace_id: a.workspace.clone(),
        app_name: None,
        login_url: a.login_url.clone(),
        entra_identifier: a.entra_identifier.clone(),
        certificate,
        now_ms: Some(c.now_ms),
    };
    let p = setup_plan(&input)?;
    if a.json {
        println!("{}", to_json(&p));
    } else {
        println!("Entra — {}", en(L::BasicSaml));
        println!("  {:<24}{}", en(L::Identifier), p.azure.basic_saml.sp_entity_id);
        println!("  Reply URL (ACS)         {}", p.azure.basic_saml.reply_url);
        println!("Entra — {}: {} / {}", en(L::SamlCertificates), p.azure.signing.option, p.azure.signing.algorithm);
        for c in &p.azure.claims {
            println!("Entra — claim  {} = {}", c.name, c.source_attribute);
        }
        for r in &p.azure.app_roles {
            println!(
                "Entra — app role  {} (value {}, \"{}\", {})",
                r.display_name, r.value, r.description, r.allowed_member_types_label
            );
        }
        if let Some(n) = &p.azure.name_id {
            println!("Entra — {}  {} = {}", en(L::NameIdClaim), n.format, n.source_attribute);
        }
        let facts = p.product.facts();
        println!("{:<24}{}", format!("Twilio — {}", facts.sid_name), p.twilio.realm_sid);
        if p.product == Product::Frontline {
            println!("Twilio — Workspace ID   {}", p.twilio.workspace_id.as_deref().unwrap_or("-"));
        }
        println!("Twilio — SSO URL        {}", p.twilio.sso_url.as_deref().unwrap_or("- (Entra's Login URL)"));
        println!(
            "Twilio — IdP issuer     {}",
            p.twilio.identity_provider_issuer.clone().unwrap_or_else(|| format!("- ({})", en(L::EntraIdentifier)))
        );
        match &p.twilio.certificate {
            Some(c) => println!("Twilio — certificate    {} (expires {})", c.thumbprint_sha1, c.not_after),
            None => println!("Twilio — certificate    - (Certificate (Base64))"),
        }
        println!("ready for Twilio: {}", if p.twilio.ready { "yes" } else { "no" });
        print_findings(&p.findings);
    }
    Ok(status(&p.findings))
}

/// `frontline-sso response`.
fn cmd_response(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let input = read_text(&c.need("a SAMLResponse file")?)?;
    let certificate_der = pinned_certificate(c)?;
    let realm = c.need_sp_source(a.realm.clone())?;
    let expect = Expectations {
        service_provider: sp_urls(&realm, None, a.region.as_deref())?,
        entra_identifier: a.entra_identifier.clone(),
        certificate_der,
    };
    let r = check_response(&input, &expect, c.now_ms)?;
    if a.json {
        println!("{}", to_json(&r));
    } else {
        println!(
            "status        {}{}",
            r.status,
            r.status_message.as_deref().map(|m| format!(" ({m})")).unwrap_or_default()
        );
        println!("destination   {}", r.destination.as_deref().unwrap_or("-"));
        println!("issuer        {}", r.issuer.as_deref().unwrap_or("-"));
        println!("audience      {}", r.audience.as_deref().unwrap_or("-"));
        println!("NameID        {}", r.name_id.as_deref().unwrap_or("-"));
        println!(
            "valid         {} → {}",
            r.not_before.as_deref().unwrap_or("-"),
            r.not_on_or_after.as_deref().unwrap_or("-")
        );
        println!("signed        response: {}, assertion: {}", yes(r.response_signed), yes(r.assertion_signed));
        println!("signatures    {}", r.signature_note);
        for at in &r.attributes {
            println!("attribute     {} = {}", at.name, at.values.join(", "));
        }
        print_findings(&r.findings);
    }
    Ok(status(&r.findings))
}

/// `frontline-sso request`.
fn cmd_request(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    // A realm that names no SID leaves the realm checks out, as none given.
    let realm = c.sp_source(a.realm.clone())?;
    let service_provider = realm.and_then(|r| sp_urls(&r, None, a.region.as_deref()).ok());
    let r = check_request(&text_or_file(&c.need("a sign-in URL, a file, or -")?)?, service_provider.as_ref())?;
    if a.json {
        println!("{}", to_json(&r));
    } else {
        let or = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        println!("binding       {:?}", r.binding);
        println!("ID            {}", or(&r.id));
        println!("issuer        {}", or(&r.issuer));
        println!("ACS URL       {}", or(&r.assertion_consumer_service_url));
        println!("destination   {}", or(&r.destination));
        println!("NameID format {}", or(&r.name_id_format));
        if !r.requested_authn_context.is_empty() {
            println!("authn context {}", r.requested_authn_context.join(", "));
        }
        print_findings(&r.findings);
    }
    Ok(status(&r.findings))
}

/// The signing certificate given (`--cert`, or the one `--metadata` chooses), as DER.
fn pinned_certificate(c: &Cmd) -> Result<Option<Vec<u8>>, CoreError> {
    Ok(match (&c.a.cert, &c.a.metadata) {
        (Some(f), _) => decode(CertInput::Bytes(&read(f)?))?.into_iter().next(),
        (None, Some(m)) => {
            let md = parse_metadata(&read_text(m)?, c.now_ms)?;
            let pem = md.chosen().map(|c| c.pem.clone()).unwrap_or_default();
            decode(CertInput::Text(&pem)).ok().and_then(|d| d.into_iter().next())
        }
        (None, None) => None,
    })
}

/// `frontline-sso trace`: a SAML-tracer export or a HAR file, as one timeline and a verdict.
fn cmd_trace(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    // A file (or stdin), never a value: a path that is not a file is an error, not a trace.
    let arg = c.need("a SAML-tracer export or a HAR file, or -")?;
    let text = if arg == "-" { text_or_file(&arg)? } else { read_text(&arg)? };
    let service_provider = match c.sp_source(a.realm.clone())? {
        Some(s) => Some(sp_urls(&s, None, a.region.as_deref())?),
        None => None,
    };
    let input = TraceInput {
        service_provider,
        entra_identifier: a.entra_identifier.clone(),
        certificate_der: pinned_certificate(c)?,
        known: Known { reply_urls: a.reply_urls.clone(), identifiers: a.identifiers.clone(), ..Known::default() },
    };
    let r = check_trace(&text, &input, c.now_ms)?;
    if a.json {
        println!("{}", to_json(&r));
        return Ok(u8::from(!r.verdict.ok));
    }
    let format = serde_json::to_value(r.format).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    println!("{format}: {} requests, {} with SAML", r.exchanges, r.timeline.len());
    if let Some(sp) = &r.service_provider {
        let by = if r.inferred { " (from the trace)" } else { "" };
        println!("setup         {} {}{by}", sp.product.facts().name, sp.sid);
    }
    for e in &r.timeline {
        let status = e.status.map(|s| format!(" → {s}")).unwrap_or_default();
        println!("\n#{:<3} {} {}{}{status}", e.n, e.method, e.host, e.path);
        println!("     {}", e.summary);
        for f in e.findings.iter().filter(|f| f.severity != frontline_sso::common::finding::Severity::Info) {
            println!("     {} [{}]: {}", f.severity.label(), f.code, f.message);
        }
    }
    let v = &r.verdict;
    println!("\nverdict       {}", if v.ok { "works" } else { "fails" });
    if let Some(step) = v.step {
        println!("step          {}", step.id());
    }
    println!("{}", v.summary);
    print_fix(&v.values, &v.fix, v.lookup_url.as_deref());
    Ok(u8::from(!v.ok))
}

/// The values side by side, the fix and the page that says more, as a diagnosis ends.
fn print_fix(values: &[frontline_sso::setup::diagnose::Compared], fix: &str, lookup_url: Option<&str>) {
    for v in values {
        println!("  {}: {} (should be {})", v.what, v.actual, v.expected);
    }
    if !fix.is_empty() {
        println!("fix: {fix}");
    }
    if let Some(u) = lookup_url {
        println!("more: {u}");
    }
}

/// `frontline-sso diagnose`.
fn cmd_diagnose(c: &Cmd) -> Result<u8, CoreError> {
    let a = c.a;
    let realm = c.need_sp_source(a.realm.clone())?;
    let service_provider = sp_urls(&realm, None, a.region.as_deref()).ok();
    let text = text_or_file(a.error.as_deref().unwrap_or_default())?;
    let error = read_error(&text);
    if error.is_none() {
        if let Some(t) = read_twilio_error(&text) {
            return print_diagnosis(a, &diagnose_twilio(&t, None, &Known { service_provider, ..Known::default() }));
        }
    }
    let request = match &a.request {
        Some(r) => Some(check_request(&text_or_file(r)?, service_provider.as_ref())?),
        None => None,
    };
    if error.is_none() && request.is_none() {
        return Err(CoreError::new(
            codes::NO_ERROR_CODE,
            "No AADSTS code or Twilio error code in --error, and no --request to check.",
        ));
    }
    let known = Known {
        service_provider,
        reply_urls: a.reply_urls.clone(),
        identifiers: a.identifiers.clone(),
        ..Known::default()
    };
    print_diagnosis(a, &diagnose(error.as_ref(), request.as_ref(), &known))
}

/// A diagnosis as `diagnose` prints it; exit 1 (a diagnosis is a failure to fix).
fn print_diagnosis(a: &Args, d: &Diagnosis) -> Result<u8, CoreError> {
    if a.json {
        println!("{}", to_json(d));
        return Ok(1);
    }
    let code = d
        .code
        .map(|c| format!("AADSTS{c}\n"))
        .or_else(|| d.twilio_code.map(|c| format!("Twilio error {c}\n")))
        .unwrap_or_default();
    println!("{code}step          {}", d.step.id());
    println!("{}", d.summary);
    print_fix(&d.values, &d.fix, d.lookup_url.as_deref());
    Ok(1)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replay<'a> {
    /// What the page itself recognised when the report was made.
    page_forms: &'a [String],
    /// What the core recognises from the report.
    forms: Vec<&'static str>,
    same: bool,
    fills: Vec<ReplayFill>,
}

#[derive(Serialize)]
struct ReplayFill {
    key: String,
    action: frontline_sso::forms::FillAction,
    label: String,
}

/// A page report through recognition, as the extension would see that page, with a Realm
/// SID (yours, or a placeholder) so that the fill plan shows.
fn replay_page(text: &str, realm: Option<&str>, json: bool, now_ms: i64) -> Result<u8, CoreError> {
    let report: PageReport = serde_json::from_str(text).map_err(|e| {
        CoreError::new(codes::NOT_PAGE_REPORT, format!("This is not a page report ({e}). Copy one from the panel."))
    })?;
    if report.format != REPORT_FORMAT {
        return Err(CoreError::new(
            codes::REPORT_FORMAT,
            format!("This report has format {}; this version reads format {REPORT_FORMAT}.", report.format),
        ));
    }
    let console = match report.console.as_str() {
        "azure" => Console::Azure,
        "twilio" => Console::Twilio,
        other => {
            return Err(CoreError::new(codes::NOT_PAGE_REPORT, format!("Unknown console \"{other}\" in the report.")))
        }
    };
    // The worker's limits: a report over them is refused, never run for minutes.
    report.snapshot.within_limits()?;
    let sid = realm.unwrap_or("JB00000000000000000000000000000000");
    let setup = apply_event(new_setup("replay", now_ms), &SetupEvent::SetRealmSid { value: sid.into() }, now_ms)?;
    let r = observe_page(setup, &report.snapshot, console, FillMode::OnDemand, now_ms)?;
    let same = r.forms.iter().map(|f| f.id().to_string()).collect::<Vec<_>>() == report.forms;
    let fills =
        r.fills.iter().map(|f| ReplayFill { key: f.key.clone(), action: f.action, label: f.label.clone() }).collect();
    let out = Replay { page_forms: &report.forms, forms: r.forms.iter().map(|f| f.id()).collect(), same, fills };
    if json {
        println!("{}", to_json(&out));
    } else {
        println!("console       {} ({})", report.console, report.host);
        println!("reason        {}", report.reason);
        println!(
            "versions      extension {}, core {}, {}",
            report.versions.extension, report.versions.core, report.versions.browser
        );
        println!("regions       {}", report.snapshot.regions.len().max(1));
        println!("controls      {}", report.snapshot.fields.len());
        let list = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join(", ") };
        println!("on the page   {}", list(&report.forms));
        println!("replayed      {}", list(&out.forms.iter().map(|f| f.to_string()).collect::<Vec<_>>()));
        for f in &out.fills {
            println!(
                "would {:<8} {} ({})",
                serde_json::to_value(f.action).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                f.label,
                f.key
            );
        }
        println!("{}", if same { "same as the page" } else { "DIFFERENT from the page" });
    }
    Ok(u8::from(!same))
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn status(findings: &[Finding]) -> u8 {
    u8::from(has_errors(findings))
}

/// The most any input is read: far more than a metadata document, a response or a page report.
const MAX_INPUT: u64 = 16 * 1024 * 1024;

/// At most `MAX_INPUT` bytes from a file or stdin; `too_large` beyond it (`/dev/zero` ends at once).
fn read_limited(from: impl std::io::Read, name: &str) -> Result<Vec<u8>, CoreError> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(from, MAX_INPUT + 1), &mut bytes)
        .map_err(|e| CoreError::new(codes::UNREADABLE_FILE, format!("Cannot read {name}: {e}.")))?;
    if bytes.len() as u64 > MAX_INPUT {
        let mb = MAX_INPUT / (1024 * 1024);
        return Err(CoreError::new(
            codes::TOO_LARGE,
            format!("{name} is larger than {mb} MB: that is not an input to check."),
        ));
    }
    Ok(bytes)
}

fn read(path: &str) -> Result<Vec<u8>, CoreError> {
    let file = std::fs::File::open(path)
        .map_err(|e| CoreError::new(codes::UNREADABLE_FILE, format!("Cannot read {path}: {e}.")))?;
    read_limited(file, path)
}

/// A value given on the command line (a URL, a SAMLRequest, an error text), "-" for stdin, or a file.
fn text_or_file(arg: &str) -> Result<String, CoreError> {
    if arg == "-" {
        let bytes = read_limited(std::io::stdin(), "stdin")?;
        return String::from_utf8(bytes).map_err(|_| CoreError::new(codes::NOT_TEXT, "stdin is not UTF-8 text."));
    }
    match std::fs::metadata(arg) {
        Ok(m) if m.is_file() => read_text(arg),
        _ => Ok(arg.to_string()),
    }
}

fn read_text(path: &str) -> Result<String, CoreError> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|_| CoreError::new(codes::NOT_TEXT, format!("{path} is not UTF-8 text.")))
}

fn short_binding(b: &str) -> &str {
    b.rsplit(':').next().unwrap_or(b)
}

fn print_cert(c: &CertificateReport, pad: &str) {
    println!("{pad}subject       {}", c.subject);
    println!("{pad}issuer        {}", c.issuer);
    println!("{pad}serial        {}", c.serial_number);
    println!("{pad}valid         {} → {} ({} days left)", c.not_before, c.not_after, c.days_until_expiry);
    println!("{pad}key           {} {} bits, {}", c.key_algorithm, c.key_bits, c.signature_algorithm);
    let sig = match c.self_signature_valid {
        Some(true) => "valid",
        Some(false) => "INVALID",
        None => "not checked",
    };
    println!("{pad}self-signed   {} (signature {sig})", if c.self_signed { "yes" } else { "no" });
    println!("{pad}thumbprint    {}", c.thumbprint_sha1);
    println!("{pad}sha-256       {}", c.fingerprint_sha256);
}

/// A product's SID and URLs, as `urls` prints them.
fn print_urls(u: &SpUrls) {
    let facts = u.product.facts();
    println!("Product                 {}", facts.name);
    println!("{:<24}{}", if u.legacy { "Account SID (legacy)" } else { facts.sid_name }, u.sid);
    println!("{:<24}{}", en(L::Identifier), u.sp_entity_id);
    println!("Reply URL (ACS)         {}", u.reply_url);
    if let Some(r) = &u.region {
        println!("Region                  {r}");
    }
    for n in &u.normalized {
        println!("note: {n}");
    }
    print_findings(&u.findings);
}

fn print_findings(findings: &[Finding]) {
    if findings.is_empty() {
        println!("\nno findings");
        return;
    }
    println!();
    for f in findings {
        println!("{} [{}]: {}", f.severity.label(), f.code, f.message);
    }
}
