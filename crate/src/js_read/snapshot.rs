//! A page snapshot from the content script, field by field.

use js_sys::Array;
use wasm_bindgen::JsValue;

use super::{bad, boolean, list, opt_int, string, strings, R};
use crate::common::codes;
use crate::common::finding::CoreError;
use crate::forms::{Field, Group, Heading, Region, Snapshot, Table, TextPair, TextRun};

/// A region index; absent is the frame itself.
fn region(o: &JsValue) -> R<u32> {
    Ok(opt_int(o, "region", "page snapshot")?.and_then(|r| u32::try_from(r).ok()).unwrap_or(0))
}

/// A page snapshot from the content script.
pub fn snapshot(o: &JsValue) -> R<Snapshot> {
    const W: &str = "page snapshot";
    if !o.is_object() {
        return Err(CoreError::new(codes::BAD_SNAPSHOT, "The page snapshot must be an object."));
    }
    Ok(Snapshot {
        url: string(o, "url", W)?,
        top_url: string(o, "topUrl", W)?,
        title: string(o, "title", W)?,
        headings: headings(o)?,
        fields: fields(o)?,
        texts: texts(o)?,
        runs: runs(o)?,
        groups: groups(o)?,
        tables: tables(o)?,
        notices: strings(o, "notices", W)?,
        regions: regions(o)?,
    })
}

/// The snapshot's fields.
fn fields(o: &JsValue) -> R<Vec<Field>> {
    const W: &str = "page snapshot";
    list(o, "fields", W)?
        .iter()
        .map(|f| {
            Ok(Field {
                key: string(f, "key", W)?,
                name: string(f, "name", W)?,
                section: string(f, "section", W)?,
                role: string(f, "role", W)?,
                value: string(f, "value", W)?,
                checked: boolean(f, "checked"),
                disabled: boolean(f, "disabled"),
                readonly: boolean(f, "readonly"),
                popup: boolean(f, "popup"),
                row: opt_int(f, "row", W)?.and_then(|r| u32::try_from(r).ok()),
                region: region(f)?,
            })
        })
        .collect()
}

/// The snapshot's texts.
fn texts(o: &JsValue) -> R<Vec<TextPair>> {
    const W: &str = "page snapshot";
    list(o, "texts", W)?
        .iter()
        .map(|t| {
            Ok(TextPair {
                section: string(t, "section", W)?,
                label: string(t, "label", W)?,
                value: string(t, "value", W)?,
                region: region(t)?,
            })
        })
        .collect()
}

/// The snapshot's runs.
fn runs(o: &JsValue) -> R<Vec<TextRun>> {
    const W: &str = "page snapshot";
    list(o, "runs", W)?
        .iter()
        .map(|r| {
            Ok(TextRun {
                text: string(r, "text", W)?,
                kind: string(r, "kind", W)?,
                section: string(r, "section", W)?,
                region: region(r)?,
                names_control: boolean(r, "namesControl"),
            })
        })
        .collect()
}

/// The snapshot's groups.
fn groups(o: &JsValue) -> R<Vec<Group>> {
    const W: &str = "page snapshot";
    list(o, "groups", W)?
        .iter()
        .map(|g| {
            let at = |k| Ok(opt_int(g, k, W)?.and_then(|n| u32::try_from(n).ok()).unwrap_or(0));
            Ok(Group { first: at("first")?, last: at("last")? })
        })
        .collect()
}

/// The snapshot's tables.
fn tables(o: &JsValue) -> R<Vec<Table>> {
    const W: &str = "page snapshot";
    list(o, "tables", W)?
        .iter()
        .map(|t| {
            let rows = list(t, "rows", W)?
                .iter()
                .map(|r| {
                    Array::from(r)
                        .iter()
                        .map(|c| c.as_string().ok_or_else(|| bad(W, "rows", "lists of strings")))
                        .collect()
                })
                .collect::<R<Vec<Vec<String>>>>()?;
            Ok(Table { name: string(t, "name", W)?, headers: strings(t, "headers", W)?, rows, region: region(t)? })
        })
        .collect()
}

/// The snapshot's headings.
fn headings(o: &JsValue) -> R<Vec<Heading>> {
    const W: &str = "page snapshot";
    // A heading is `{text, level, region}`; a plain string (older content scripts) is one too.
    list(o, "headings", W)?
        .iter()
        .map(|h| match h.as_string() {
            Some(text) => Ok(Heading { text, level: 0, region: 0 }),
            None => Ok(Heading {
                text: string(h, "text", W)?,
                level: opt_int(h, "level", W)?.and_then(|l| u8::try_from(l).ok()).unwrap_or(0),
                region: region(h)?,
            }),
        })
        .collect()
}

/// The snapshot's regions.
fn regions(o: &JsValue) -> R<Vec<Region>> {
    const W: &str = "page snapshot";
    list(o, "regions", W)?
        .iter()
        .map(|r| {
            Ok(Region {
                name: string(r, "name", W)?,
                role: string(r, "role", W)?,
                parent: opt_int(r, "parent", W)?.and_then(|p| u32::try_from(p).ok()),
            })
        })
        .collect()
}
