//! What copy-paste adds to a value and nobody sees, taken off the same way for every product.

/// Marks that copy-paste adds and nobody sees: a byte-order mark and the zero-width ones.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Strip invisible marks, surrounding space and quotes. Returns the text and notes on what changed.
pub fn clean(input: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut s: String = input.chars().filter(|c| !is_invisible(*c)).collect();
    if s.len() != input.len() {
        notes.push("removed invisible characters".to_string());
    }
    let quotes: &[char] = &['"', '\'', '`', '“', '”', '‘', '’', '<', '>'];
    loop {
        let t = s.trim().trim_matches(quotes);
        if t.len() == s.len() {
            break;
        }
        if t.len() != s.trim().len() {
            push_once(&mut notes, "removed surrounding quotes");
        } else {
            push_once(&mut notes, "trimmed spaces");
        }
        s = t.to_string();
    }
    (s, notes)
}

fn push_once(notes: &mut Vec<String>, note: &str) {
    if !notes.iter().any(|n| n == note) {
        notes.push(note.to_string());
    }
}

/// The text after `marker` (found case-insensitively) up to the first of `ends`, if the marker is there.
pub fn after<'a>(s: &'a str, marker: &str, ends: &[char]) -> Option<&'a str> {
    let at = s.to_ascii_lowercase().find(&marker.to_ascii_lowercase())?;
    let tail = s.get(at + marker.len()..)?;
    tail.split(ends).next()
}
