//! A recorded sign-in, whatever tool recorded it, as the exchanges that matter: each request's
//! method, URL, status, its parameters (query and form) and, where the tool kept them, the SAML
//! it decoded and the page's text. Three formats: SAML-tracer's export (1.0 and later, with
//! `requestId`; before 1.0, with `id` and `[name, value]` header pairs) and HAR 1.2.
//! Every string taken is capped; nothing else of the file is kept.

use serde_json::Value;

use crate::common::codes;
use crate::common::finding::CoreError;

/// A trace is a few hundred KB; a HAR with bodies a few MB. Past this it is not one sign-in.
pub const MAX_TRACE_BYTES: usize = 16 * 1024 * 1024;
/// At most this many exchanges are looked at (a sign-in is a dozen).
const MAX_EXCHANGES: usize = 5_000;
/// A SAML message is under 1 MB (responses: `MAX_RESPONSE_BYTES`); a page's text is read to 64 KB.
const MAX_VALUE: usize = 1024 * 1024;
const MAX_PAGE_TEXT: usize = 64 * 1024;

/// Which tool wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    SamlTracer,
    /// SAML-tracer before 1.0: `id`, and headers as `[name, value]` pairs.
    SamlTracerLegacy,
    Har,
}

/// One request and what came back, as recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exchange {
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
    /// Query and form parameters, in order (names and values decoded).
    pub params: Vec<(String, String)>,
    /// The SAML message SAML-tracer decoded (stays readable when its "mask values" hid the form).
    pub saml: Option<String>,
    /// The page that came back (HAR, when its content was saved).
    pub page_text: Option<String>,
}

impl Exchange {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// The file → its format and exchanges, or a typed error saying what it is instead.
pub fn read_trace(text: &str) -> Result<(Format, Vec<Exchange>), CoreError> {
    if text.len() > MAX_TRACE_BYTES {
        let mb = MAX_TRACE_BYTES / (1024 * 1024);
        let msg =
            format!("This file is over {mb} MB: far more than one sign-in. Record only the sign-in, then export.");
        return Err(CoreError::new(codes::TOO_LARGE, msg));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(CoreError::new(codes::EMPTY, "The file is empty. Export the trace from SAML-tracer, or a HAR."));
    }
    let json: Value = serde_json::from_str(text).map_err(|e| {
        CoreError::new(
            codes::NOT_A_TRACE,
            format!(
                "This is not a SAML-tracer export or a HAR file: {} (line {}, column {}). Export it again.",
                if e.is_eof() { "it is cut short" } else { "it is not JSON" },
                e.line(),
                e.column()
            ),
        )
    })?;
    if let Some(entries) = json.get("log").and_then(|l| l.get("entries")).and_then(Value::as_array) {
        return Ok((Format::Har, entries.iter().take(MAX_EXCHANGES).map(har_exchange).collect()));
    }
    if let Some(requests) = json.get("requests").and_then(Value::as_array) {
        let legacy = requests.first().is_some_and(|r| r.get("requestId").is_none());
        let format = if legacy { Format::SamlTracerLegacy } else { Format::SamlTracer };
        return Ok((format, requests.iter().take(MAX_EXCHANGES).map(tracer_exchange).collect()));
    }
    Err(CoreError::new(
        codes::NOT_A_TRACE,
        "This JSON is neither a SAML-tracer export (\"requests\") nor a HAR file (\"log\".\"entries\").",
    ))
}

/// A string field, capped (a longer one is left out: no SAML message is that long).
fn string(v: &Value, key: &str, max: usize) -> Option<String> {
    v.get(key).and_then(Value::as_str).filter(|s| s.len() <= max).map(str::to_string)
}

/// `[[name, value], …]` (SAML-tracer's `get` and `post`).
fn pairs(v: Option<&Value>) -> Vec<(String, String)> {
    let pair = |p: &Value| {
        let a = p.as_array()?;
        let name = a.first()?.as_str()?;
        let value = a.get(1)?.as_str()?;
        (name.len() <= 256 && value.len() <= MAX_VALUE).then(|| (name.to_string(), value.to_string()))
    };
    v.and_then(Value::as_array).map(|a| a.iter().filter_map(pair).collect()).unwrap_or_default()
}

/// `{name: [values]}` (SAML-tracer's `postData`, as Chrome's formData gives it).
fn form_data(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(map) = v.and_then(Value::as_object) else { return Vec::new() };
    map.iter()
        .filter(|(k, _)| k.len() <= 256)
        .flat_map(|(k, vs)| {
            vs.as_array().into_iter().flatten().filter_map(Value::as_str).map(move |s| (k.clone(), s.to_string()))
        })
        .filter(|(_, v)| v.len() <= MAX_VALUE)
        .collect()
}

/// A URL's query parameters, decoded.
pub(super) fn query(url: &str) -> Vec<(String, String)> {
    let q = url.split_once('?').map(|(_, q)| q.split('#').next().unwrap_or_default()).unwrap_or_default();
    form_urlencoded::parse(q.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// The HTTP status; 0 (HAR's, and an export's, "no response recorded") is none.
fn status(v: Option<&Value>) -> Option<u16> {
    let v = v?;
    let n = v.as_u64().and_then(|n| u16::try_from(n).ok()).or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
    n.filter(|s| *s != 0)
}

fn tracer_exchange(r: &Value) -> Exchange {
    let url = string(r, "url", MAX_VALUE).unwrap_or_default();
    let mut params = pairs(r.get("get"));
    if params.is_empty() {
        params = query(&url);
    }
    let mut post = pairs(r.get("post"));
    if post.is_empty() {
        post = form_data(r.get("postData"));
    }
    params.extend(post);
    Exchange {
        method: string(r, "method", 16).unwrap_or_default(),
        url,
        status: status(r.get("responseStatus")),
        params,
        saml: string(r, "saml", MAX_VALUE).filter(|s| s.trim_start().starts_with('<')),
        page_text: None,
    }
}

fn har_exchange(e: &Value) -> Exchange {
    let req = e.get("request").unwrap_or(&Value::Null);
    let url = string(req, "url", MAX_VALUE).unwrap_or_default();
    let mut params = query(&url);
    let post = req.get("postData").unwrap_or(&Value::Null);
    let named = |p: &Value| Some((p.get("name")?.as_str()?.to_string(), p.get("value")?.as_str()?.to_string()));
    let body = string(post, "text", MAX_VALUE).unwrap_or_default();
    if body.is_empty() {
        // Only `params`: Chrome lists them still URL-encoded, other tools decoded. A base64 value
        // never holds "%", so only a value that does is decoded.
        let listed = post.get("params").and_then(Value::as_array).into_iter().flatten().filter_map(named);
        params.extend(listed.map(|(k, v)| (k, if v.contains('%') { decoded(&v) } else { v })));
    } else {
        // The body as sent: read as the form it is.
        params.extend(form_urlencoded::parse(body.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())));
    }
    let response = e.get("response").unwrap_or(&Value::Null);
    let content = response.get("content").unwrap_or(&Value::Null);
    let page_text = (content.get("encoding").and_then(Value::as_str) != Some("base64"))
        .then(|| string(content, "text", MAX_VALUE))
        .flatten()
        .map(|t| t.chars().take(MAX_PAGE_TEXT).collect());
    Exchange {
        method: string(req, "method", 16).unwrap_or_default(),
        url,
        status: status(response.get("status")),
        params,
        saml: None,
        page_text,
    }
}

/// A form value as it stood in a body (`%2B` for `+`), decoded once.
fn decoded(v: &str) -> String {
    let pair = format!("v={v}");
    form_urlencoded::parse(pair.as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}
