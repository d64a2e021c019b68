//! Certificates as admins get them from Entra ("Certificate (Base64)", "Certificate (Raw)",
//! or the base64 inside `<X509Certificate>`): decode → inspect → findings.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_parser::oid_registry::Oid;
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;
use x509_parser::x509::X509Name;

use crate::cert::der;
use crate::cert::selfsig;
use crate::cert::sigalg::{self, SigAlg};
use crate::common::codes;
use crate::common::finding::{message, CoreError, Finding};
use crate::common::timefmt::{rfc3339_from_secs, MS_PER_DAY};

/// Subjects Entra gives SAML signing keys: per-app certificates, and tenant-level keys.
pub const AZURE_SUBJECTS: &[&str] =
    &["Microsoft Azure Federated SSO Certificate", "accounts.accesscontrol.windows.net"];
/// Entra's first expiry e-mail goes out 60 days ahead; warn from the same day.
pub const EXPIRES_SOON_DAYS: i64 = 60;
/// No real certificate file is near this; it keeps hostile input cheap.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;

/// What the admin gave us: text (PEM or bare base64) or raw bytes (DER, or text as bytes).
#[derive(Debug, Clone, Copy)]
pub enum CertInput<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// Everything the panel, the CLI and later checks need to know about one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateReport {
    pub subject: String,
    pub subject_common_name: Option<String>,
    pub issuer: String,
    /// Upper-case hex, as Windows and the portal show serials.
    pub serial_number: String,
    pub not_before: String,
    pub not_after: String,
    /// Whole days from "now" to notAfter; negative once expired.
    pub days_until_expiry: i64,
    pub key_algorithm: String,
    pub key_bits: u32,
    pub signature_algorithm: String,
    pub self_signed: bool,
    /// `None` when not checked: not self-signed, or not an RSA PKCS#1 v1.5 signature.
    pub self_signature_valid: Option<bool>,
    pub is_ca: bool,
    /// SHA-1 of the DER in upper-case hex without separators: the portal's "Thumbprint".
    pub thumbprint_sha1: String,
    pub fingerprint_sha256: String,
    /// Normalized PEM (64 columns, LF) to paste into Twilio's "X.509 Certificate" box.
    pub pem: String,
    /// How many certificates the input held; only the first is inspected.
    pub certificate_count: usize,
    pub findings: Vec<Finding>,
    /// Unix seconds, for choosing among several certificates.
    #[serde(skip)]
    pub not_before_secs: i64,
    #[serde(skip)]
    pub not_after_secs: i64,
}

impl CertificateReport {
    /// Valid at `now_ms`: neither expired nor not yet valid.
    pub fn valid_at(&self, now_ms: i64) -> bool {
        let now = now_ms.div_euclid(1000);
        self.not_before_secs <= now && now <= self.not_after_secs
    }
}

/// Decode any supported form, inspect the first certificate, and judge it at `now_ms`.
/// A SHA-1 thumbprint as the portal may show it (spaces, colons, lower case), in the form the
/// core compares: 40 upper-case hex digits. None when the text is not one.
pub fn thumbprint_in(text: &str) -> Option<String> {
    let t = text.replace([' ', ':'], "").to_ascii_uppercase();
    (t.len() == 40 && t.chars().all(|c| c.is_ascii_hexdigit())).then_some(t)
}

pub fn inspect_certificate(input: CertInput<'_>, now_ms: i64) -> Result<CertificateReport, CoreError> {
    let Decoded { ders, private_keys } = decode_all(input)?;
    let mut iter = ders.into_iter();
    let first = iter.next().ok_or_else(empty_error)?;
    let extra = iter.count();
    let mut report = inspect_der(&first, now_ms)?;
    report.certificate_count = extra + 1;
    if extra > 0 {
        report.findings.push(Finding::warning(
            codes::MULTIPLE_CERTIFICATES,
            format!(
                "The input holds {} certificates; the first one (thumbprint {}) is used. Twilio takes exactly one: \
                    paste only the active signing certificate.",
                extra + 1,
                report.thumbprint_sha1
            ),
        ));
    }
    if private_keys > 0 {
        report.findings.insert(0, private_key_finding());
    }
    Ok(report)
}

/// What an input decodes to: its certificates in order, and how many private keys it also held
/// (never kept: only counted, to tell the admin).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoded {
    pub ders: Vec<Vec<u8>>,
    pub private_keys: usize,
}

/// Turn PEM text, bare base64 or DER into DER blobs, in order.
pub fn decode(input: CertInput<'_>) -> Result<Vec<Vec<u8>>, CoreError> {
    decode_all(input).map(|d| d.ders)
}

/// `decode`, and count the private keys beside the certificates.
pub fn decode_all(input: CertInput<'_>) -> Result<Decoded, CoreError> {
    match input {
        CertInput::Bytes(bytes) => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
            if bytes.len() > MAX_INPUT_BYTES {
                return Err(too_large());
            }
            match bytes.first() {
                None => Err(empty_error()),
                // A DER SEQUENCE; text never starts with 0x30 ("0") followed by a length byte ≥ 0x80.
                Some(0x30) if bytes.get(1).is_some_and(|b| *b >= 0x80) => match private_key_kind(bytes) {
                    Some(kind) => Err(private_key_error(kind)),
                    None => Ok(Decoded { ders: vec![bytes.to_vec()], private_keys: 0 }),
                },
                Some(_) => match std::str::from_utf8(bytes) {
                    Ok(text) => decode_text(text),
                    Err(_) => Err(CoreError::new(
                        codes::NOT_A_CERTIFICATE,
                        message(
                            "This file is neither a certificate in DER form nor text. In Entra, download \
                             \"Certificate (Base64)\" or \"Certificate (Raw)\" from the [SamlCertificates] section.",
                            &[],
                        ),
                    )),
                },
            }
        }
        CertInput::Text(text) => decode_text(text),
    }
}

fn decode_text(text: &str) -> Result<Decoded, CoreError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(empty_error());
    }
    if !text.contains("-----BEGIN") {
        let der = decode_base64(text)?;
        if let Some(kind) = private_key_kind(&der) {
            return Err(private_key_error(kind));
        }
        return Ok(Decoded { ders: vec![der], private_keys: 0 });
    }
    let mut ders = Vec::new();
    let mut other_labels = Vec::new();
    let mut private_keys = 0;
    let mut rest = text;
    while let Some(at) = rest.find("-----BEGIN ") {
        let after = rest.get(at + "-----BEGIN ".len()..).unwrap_or_default();
        let Some(label_end) = after.find("-----") else {
            return Err(truncated());
        };
        let label = after.get(..label_end).unwrap_or_default().trim();
        let body_and_rest = after.get(label_end + 5..).unwrap_or_default();
        let end_marker = format!("-----END {label}-----");
        let Some(end_at) = body_and_rest.find(&end_marker) else {
            return Err(truncated());
        };
        let body = body_and_rest.get(..end_at).unwrap_or_default();
        if body.contains("-----BEGIN") {
            return Err(truncated());
        }
        if matches!(label, "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE") {
            ders.push(decode_base64(body)?);
        } else if label.ends_with("PRIVATE KEY") {
            private_keys += 1;
        } else {
            other_labels.push(label.to_string());
        }
        rest = body_and_rest.get(end_at + end_marker.len()..).unwrap_or_default();
    }
    if ders.is_empty() && private_keys > 0 {
        return Err(private_key_error("a PEM private key"));
    }
    if ders.is_empty() {
        let what = other_labels.first().map(|l| format!("a PEM \"{l}\"")).unwrap_or_else(|| "PEM text".into());
        return Err(CoreError::new(
            codes::NOT_A_CERTIFICATE,
            message(
                "This is {what}, not a certificate. In Entra, download \"Certificate (Base64)\" from the \
                 [SamlCertificates] section.",
                &[("what", &what)],
            ),
        ));
    }
    Ok(Decoded { ders, private_keys })
}

/// A private key or a key container in DER, by its first fields: PKCS #1 and PKCS #8 start
/// with version 0 (or 1 for PKCS #8 v2 and SEC 1 EC keys), PKCS #12 with version 3.
fn private_key_kind(der: &[u8]) -> Option<&'static str> {
    let (tag, body, _) = der::item(der)?;
    let (int_tag, version, rest) = der::item(body)?;
    let (next_tag, _, _) = der::item(rest)?;
    match (tag, int_tag, version, next_tag) {
        (0x30, 0x02, [0], 0x02) => Some("a PKCS #1 RSA private key"),
        (0x30, 0x02, [0] | [1], 0x30) => Some("a PKCS #8 private key"),
        (0x30, 0x02, [1], 0x04) => Some("an EC private key"),
        (0x30, 0x02, [3], 0x30) => Some("a PKCS #12 (.pfx) file, which holds a private key"),
        _ => None,
    }
}

/// Base64 as found in PEM bodies and `<X509Certificate>`: any line breaks, padding optional.
pub fn decode_base64(body: &str) -> Result<Vec<u8>, CoreError> {
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(empty_error());
    }
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    LENIENT.decode(compact.as_bytes()).map_err(|e| {
        CoreError::new(
            codes::NOT_BASE64,
            format!(
                "The certificate text is not valid base64 ({e}). Copy the whole \"Certificate (Base64)\" file \
                again, from BEGIN to END, without editing it."
            ),
        )
    })
}

/// Parse one DER certificate and evaluate every finding at `now_ms`.
pub fn inspect_der(input: &[u8], now_ms: i64) -> Result<CertificateReport, CoreError> {
    let (rest, cert) = X509Certificate::from_der(input).map_err(|_| match private_key_kind(input) {
        Some(kind) => private_key_error(kind),
        None => CoreError::new(
            codes::NOT_A_CERTIFICATE,
            message(
                "The data decodes, but is not an X.509 certificate (it may be cut short or be another file). \
                 Download \"Certificate (Base64)\" from Entra's [SamlCertificates] section again.",
                &[],
            ),
        ),
    })?;
    // The certificate's own bytes: anything after them is never hashed nor passed on.
    let der = input.get(..input.len().saturating_sub(rest.len())).unwrap_or(input);
    let now = now_ms.div_euclid(1000);
    let not_before = cert.validity().not_before.timestamp();
    let not_after = cert.validity().not_after.timestamp();
    let key = key_facts(&cert);
    let sig_oid = &cert.signature_algorithm.algorithm;
    let self_signed = cert.tbs_certificate.subject.as_raw() == cert.tbs_certificate.issuer.as_raw();
    let alg = sigalg::lookup(sig_oid.as_bytes());
    let fingerprint_sha256 = hex_upper(&Sha256::digest(der));
    let check = alg.filter(|_| self_signed).and_then(|a| selfsig::check_for(&cert, a, &fingerprint_sha256));
    let self_signature_valid = check.and_then(selfsig::verdict);
    let is_ca = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
    let cn = cert.subject().iter_common_name().next().and_then(|cn| cn.as_str().ok()).map(str::to_string);

    let mut report = CertificateReport {
        subject: name_to_string(cert.subject()),
        subject_common_name: cn,
        issuer: name_to_string(cert.issuer()),
        serial_number: hex_upper(cert.raw_serial()),
        not_before: rfc3339_from_secs(not_before),
        not_after: rfc3339_from_secs(not_after),
        days_until_expiry: (not_after.saturating_sub(now)).div_euclid(MS_PER_DAY / 1000),
        key_algorithm: key.algorithm.to_string(),
        key_bits: key.bits,
        signature_algorithm: alg.map(|a| a.name.to_string()).unwrap_or_else(|| format!("OID {}", oid_hex(sig_oid))),
        self_signed,
        self_signature_valid,
        is_ca,
        thumbprint_sha1: hex_upper(&Sha1::digest(der)),
        fingerprint_sha256,
        pem: to_pem(der),
        certificate_count: 1,
        findings: Vec::new(),
        not_before_secs: not_before,
        not_after_secs: not_after,
    };
    report.findings = judge(&report, now, not_before, not_after, alg);
    if cert.tbs_certificate.signature != cert.signature_algorithm {
        report.findings.push(Finding::error(
            codes::SIGNATURE_ALGORITHM_MISMATCH,
            "The certificate names one signature algorithm inside and another outside, which no real certificate \
                does: the file was edited. Download it from Entra again.",
        ));
    }
    if !rest.is_empty() {
        report.findings.push(Finding::warning(
            codes::TRAILING_DATA,
            format!(
                "{} bytes follow the certificate in this input. They were left out of the thumbprint and of the PEM \
                    for Twilio. Entra's files have none: download \"Certificate (Base64)\" again if this one was \
                    edited.",
                rest.len()
            ),
        ));
    }
    Ok(report)
}

/// Its dates: expired, not yet valid, or expiring soon.
fn validity(r: &CertificateReport, now: i64, not_before: i64, not_after: i64) -> Vec<Finding> {
    let mut f = Vec::new();
    const RENEW: &str = "In Entra → the app → Single sign-on → [SamlCertificates], add a new certificate, make it \
                         active, then download \"Certificate (Base64)\" again.";
    if now > not_after {
        f.push(Finding::error(
            codes::EXPIRED,
            message(
                &format!("The certificate expired on {{date}} ({{days}} days ago); sign-ins with it fail. {RENEW}"),
                &[("date", &r.not_after), ("days", &(-r.days_until_expiry).to_string())],
            ),
        ));
    } else if now < not_before {
        f.push(Finding::error(
            codes::NOT_YET_VALID,
            format!(
                "The certificate is valid only from {}. Check this computer's clock, or make the currently valid \
                certificate active in Entra.",
                r.not_before
            ),
        ));
    } else if r.days_until_expiry < EXPIRES_SOON_DAYS {
        f.push(Finding::warning(
            codes::EXPIRES_SOON,
            message(
                &format!("The certificate expires on {{date}}, in {{days}} days. Plan the rollover now: {RENEW}"),
                &[("date", &r.not_after), ("days", &r.days_until_expiry.to_string())],
            ),
        ));
    }
    f
}

/// Its signature algorithm: one the core does not know, a weak hash, or no hash at all.
fn algorithm(r: &CertificateReport, alg: Option<&SigAlg>) -> Vec<Finding> {
    let mut f = Vec::new();
    match alg {
        None => f.push(Finding::warning(
            codes::UNKNOWN_SIGNATURE_ALGORITHM,
            format!(
                "The certificate is signed with an algorithm the assistant does not know ({}), so its signature \
                was not checked. Entra signs with sha256WithRSAEncryption: make sure this is the certificate from \
                Entra.",
                r.signature_algorithm
            ),
        )),
        Some(a) if a.hash.weak() => f.push(Finding::error(
            codes::WEAK_SIGNATURE_ALGORITHM,
            format!(
                "The certificate is signed with {}, which is no longer safe. Create a new certificate in Entra \
                (it uses SHA-256).",
                r.signature_algorithm
            ),
        )),
        Some(a) if a.hash == sigalg::Hash::Unnamed => f.push(Finding::warning(
            codes::UNKNOWN_SIGNATURE_ALGORITHM,
            format!(
                "The certificate is signed with {}, which names no hash, so it cannot be judged. Entra signs \
                with sha256WithRSAEncryption: make sure this is the certificate from Entra.",
                r.signature_algorithm
            ),
        )),
        Some(_) => {}
    }
    f
}

fn judge(r: &CertificateReport, now: i64, not_before: i64, not_after: i64, alg: Option<&SigAlg>) -> Vec<Finding> {
    let mut f = validity(r, now, not_before, not_after);
    f.extend(algorithm(r, alg));
    if r.key_algorithm != "RSA" {
        f.push(Finding::error(
            codes::NOT_RSA,
            message(
                "The key is {key}, but Entra signs SAML with RSA keys. This is probably not the Entra signing \
                 certificate: download it from the app's [SamlCertificates] section.",
                &[("key", &r.key_algorithm)],
            ),
        ));
    } else if r.key_bits < 2048 {
        f.push(Finding::error(
            codes::WEAK_KEY,
            format!(
                "The RSA key has {} bits; at least 2048 are needed. Create a new certificate in Entra.",
                r.key_bits
            ),
        ));
    }
    if r.self_signature_valid == Some(false) {
        f.push(Finding::error(
            codes::BAD_SELF_SIGNATURE,
            "The certificate's own signature does not verify: the file was damaged or edited. Download it from Entra \
                again.",
        ));
    }
    if !r.self_signed {
        f.push(Finding::warning(
            codes::NOT_SELF_SIGNED,
            message(
                "The certificate was issued by \"{issuer}\", while Entra's SAML signing certificates are \
                 self-signed. Make sure this is the certificate from the app's [SamlCertificates] section.",
                &[("issuer", &r.issuer)],
            ),
        ));
    }
    if r.is_ca {
        f.push(Finding::warning(
            codes::CA_CERTIFICATE,
            message(
                "This is a CA certificate (basic constraints CA:TRUE), not a SAML signing certificate. Use the \
                 certificate from the app's [SamlCertificates] section.",
                &[],
            ),
        ));
    }
    let azure = r.subject_common_name.as_deref().is_some_and(|cn| AZURE_SUBJECTS.contains(&cn));
    if !azure {
        f.push(Finding::info(
            codes::NOT_AZURE_SUBJECT,
            format!(
                "The subject is \"{}\", not \"CN=Microsoft Azure Federated SSO Certificate\" as Entra creates. \
                Fine if you imported your own certificate; otherwise check you took the right file.",
                r.subject
            ),
        ));
    }
    if r.self_signed && r.self_signature_valid.is_none() && alg.is_some() {
        // Unverified is not verified: a damaged certificate in a scheme the core cannot check
        // would otherwise pass quietly.
        f.push(Finding::warning(
            codes::SELF_SIGNATURE_NOT_CHECKED,
            format!(
                "The certificate's own {} signature was not checked: the assistant verifies RSA signatures \
                (PKCS #1 v1.5 and RSASSA-PSS) with SHA-1 and SHA-2 only. Entra's certificates use \
                sha256WithRSAEncryption; make sure this file is the one Entra gave.",
                r.signature_algorithm
            ),
        ));
    }
    f
}

struct KeyFacts {
    algorithm: &'static str,
    bits: u32,
}

fn key_facts(cert: &X509Certificate<'_>) -> KeyFacts {
    match cert.public_key().parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyFacts { algorithm: "RSA", bits: bit_length(rsa.modulus) },
        Ok(PublicKey::EC(point)) => KeyFacts { algorithm: "EC", bits: ec_bits(point.key_size()) },
        Ok(PublicKey::DSA(y)) => KeyFacts { algorithm: "DSA", bits: bit_length(y) },
        Ok(PublicKey::GostR3410(_)) | Ok(PublicKey::GostR3410_2012(_)) => KeyFacts { algorithm: "GOST", bits: 0 },
        Ok(PublicKey::Unknown(_)) | Err(_) => KeyFacts { algorithm: "unknown", bits: 0 },
    }
}

/// An uncompressed EC point is 04 || X || Y; x509-parser reports its bit length.
fn ec_bits(point_bits: usize) -> u32 {
    u32::try_from(point_bits.saturating_sub(8) / 2).unwrap_or(0)
}

fn bit_length(be: &[u8]) -> u32 {
    let trimmed = der::unsigned(be);
    match trimmed.first() {
        None => 0,
        Some(top) => {
            let bytes = u32::try_from(trimmed.len()).unwrap_or(u32::MAX / 8);
            bytes.saturating_mul(8).saturating_sub(top.leading_zeros())
        }
    }
}

/// "CN=…, O=…" like OpenSSL's one-line form. x509-parser's Display would build its whole
/// OID registry at runtime, which costs tens of KB of wasm for names Entra never uses.
fn name_to_string(name: &X509Name<'_>) -> String {
    // DER content bytes of the attribute OIDs (2.5.4.x and friends).
    const SHORT: &[(&[u8], &str)] = &[
        (&[0x55, 0x04, 0x03], "CN"),
        (&[0x55, 0x04, 0x06], "C"),
        (&[0x55, 0x04, 0x07], "L"),
        (&[0x55, 0x04, 0x08], "ST"),
        (&[0x55, 0x04, 0x09], "STREET"),
        (&[0x55, 0x04, 0x0a], "O"),
        (&[0x55, 0x04, 0x0b], "OU"),
        (&[0x55, 0x04, 0x05], "SERIALNUMBER"),
        (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01], "emailAddress"),
        (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19], "DC"),
        (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01], "UID"),
    ];
    name.iter_attributes()
        .map(|attr| {
            let oid = attr.attr_type();
            let key = SHORT
                .iter()
                .find(|(o, _)| *o == oid.as_bytes())
                .map(|(_, k)| (*k).to_string())
                .unwrap_or_else(|| format!("OID {}", oid_hex(oid)));
            let value =
                attr.as_str().map(str::to_string).unwrap_or_else(|_| format!("#{}", hex_upper(attr.attr_value().data)));
            format!("{key}={value}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Unknown OIDs are shown as their DER bytes: printing dotted form would link a bigint
/// formatter into the .wasm for names and algorithms Entra never uses.
fn oid_hex(oid: &Oid<'_>) -> String {
    hex_upper(oid.as_bytes())
}

/// Upper-case hex without separators, the form the Azure portal shows.
pub fn hex_upper(bytes: &[u8]) -> String {
    // Not format!("{b:02X}") per byte: that was a tenth of a certificate's inspection.
    let digit = |n: u8| char::from(if n < 10 { b'0' + n } else { b'A' + n - 10 });
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(digit(b >> 4));
        out.push(digit(b & 0x0f));
    }
    out
}

/// DER → PEM with 64-column lines and LF, which Twilio's form accepts.
pub fn to_pem(der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut pem = String::with_capacity(b64.len() + b64.len() / 64 + 60);
    pem.push_str("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(line).unwrap_or_default());
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

/// Kept in one place: the same words for a key beside a certificate and a key alone.
const KEY_IS_SECRET: &str = "A private key is secret: anyone who has it can sign in as any of your users. Treat it \
    as exposed, replace the certificate in Entra (SAML Certificates → New Certificate, make it active), and give \
    Twilio only \"Certificate (Base64)\".";

fn private_key_finding() -> Finding {
    Finding::error(
        codes::PRIVATE_KEY_INCLUDED,
        format!("The input also holds a private key, which was ignored and is never kept. {KEY_IS_SECRET}"),
    )
}

fn private_key_error(kind: &str) -> CoreError {
    CoreError::new(codes::PRIVATE_KEY, format!("This is {kind}, not a certificate. {KEY_IS_SECRET}"))
}

fn empty_error() -> CoreError {
    CoreError::new(
        codes::EMPTY,
        message(
            "No certificate was given. In Entra's [SamlCertificates] section, download \"Certificate (Base64)\" \
             and drop or paste it here.",
            &[],
        ),
    )
}

fn truncated() -> CoreError {
    CoreError::new(
        codes::TRUNCATED_PEM,
        "The PEM text is cut short: its BEGIN line has no matching END line. Copy the whole file again, from \
            -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.",
    )
}

fn too_large() -> CoreError {
    CoreError::new(
        codes::TOO_LARGE,
        format!(
            "This input is larger than {} KB, far larger than a certificate. Choose the \"Certificate (Base64)\" file.",
            MAX_INPUT_BYTES / 1024
        ),
    )
}
