//! The two DER readings the core makes by hand, where x509-parser has no entry point: one
//! item's tag and content (to tell a private key from a certificate), and an INTEGER's value.

/// One DER item: (tag, content, what follows). Definite lengths of up to 4 bytes only.
pub fn item(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = rest.get(..n)?;
        (bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b)), rest.get(n..)?)
    };
    Some((tag, rest.get(..len)?, rest.get(len..)?))
}

/// An INTEGER's big-endian bytes without the leading zeros that keep it positive.
pub fn unsigned(be: &[u8]) -> &[u8] {
    be.get(be.iter().take_while(|b| **b == 0).count()..).unwrap_or_default()
}
