//! A page as the collector reports it, built a part at a time: the tests say what a page shows
//! ("a textbox named Identifier (Entity ID), empty, in row 0") and nothing of JSON.

use crate::forms::{Field, Heading, Region, Snapshot, Table, TextPair};

#[derive(Default)]
pub struct Page(Snapshot);

impl Page {
    pub fn titled(title: &str) -> Self {
        Page(Snapshot { title: title.into(), ..Snapshot::default() })
    }

    pub fn heading(mut self, text: &str) -> Self {
        self.0.headings.push(Heading { text: text.into(), ..Heading::default() });
        self
    }

    /// A control: its key, accessible name, role and value.
    pub fn control(mut self, key: &str, name: &str, role: &str, value: &str) -> Self {
        let field =
            Field { key: key.into(), name: name.into(), role: role.into(), value: value.into(), ..Field::default() };
        self.0.fields.push(field);
        self
    }

    pub fn textbox(self, key: &str, name: &str, value: &str) -> Self {
        self.control(key, name, "textbox", value)
    }

    /// A read-only text box, as the portal's copyable values are.
    pub fn copyable(self, key: &str, section: &str, name: &str, value: &str) -> Self {
        self.control(key, name, "textbox", value).last(|f| {
            f.readonly = true;
            f.section = section.into();
        })
    }

    /// Change the control added last (checked, in a row, in a region…).
    pub fn last(mut self, change: impl FnOnce(&mut Field)) -> Self {
        if let Some(f) = self.0.fields.last_mut() {
            change(f);
        }
        self
    }

    pub fn in_row(self, row: u32) -> Self {
        self.last(|f| f.row = Some(row))
    }

    pub fn in_region(self, region: u32) -> Self {
        self.last(|f| f.region = region)
    }

    /// A read-only label and its value, in a section.
    pub fn pair(mut self, section: &str, label: &str, value: &str) -> Self {
        self.0.texts.push(TextPair { section: section.into(), label: label.into(), value: value.into(), region: 0 });
        self
    }

    /// Move the pair added last into a region.
    pub fn pair_in_region(mut self, region: u32) -> Self {
        if let Some(t) = self.0.texts.last_mut() {
            t.region = region;
        }
        self
    }

    pub fn table(mut self, headers: &[&str], rows: &[Vec<String>]) -> Self {
        let headers = headers.iter().map(|h| h.to_string()).collect();
        self.0.tables.push(Table { headers, rows: rows.to_vec(), ..Table::default() });
        self
    }

    pub fn region(mut self, name: &str, role: &str, parent: Option<u32>) -> Self {
        self.0.regions.push(Region { name: name.into(), role: role.into(), parent });
        self
    }

    pub fn heading_in(mut self, text: &str, level: u8, region: u32) -> Self {
        self.0.headings.push(Heading { text: text.into(), level, region });
        self
    }

    pub fn notice(mut self, text: &str) -> Self {
        self.0.notices.push(text.into());
        self
    }

    pub fn build(self) -> Snapshot {
        self.0
    }
}

/// Table rows from string slices.
pub fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}
