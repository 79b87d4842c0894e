//! How index data travels to the browser: JavaScript files that call a registration function,
//! loaded with `<script>` (fetch and WASM are blocked on file://). Bulky parts are gzip'd and
//! base64'd; the browser inflates them with its built-in `DecompressionStream`.

use std::io::Write;

use base64::Engine;

/// Posting lists are written as 5-bit varints in a URL-safe base64 alphabet: one ASCII byte
/// per 5 bits, no escaping needed inside a JS string.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn push_varint(out: &mut String, mut v: u32) {
    while v >= 32 {
        out.push(ALPHABET[(32 | (v & 31)) as usize] as char);
        v >>= 5;
    }
    out.push(ALPHABET[v as usize] as char);
}

/// gzip (fixed header, so output is reproducible) then base64.
pub fn pack(data: &[u8]) -> String {
    let mut gz =
        flate2::GzBuilder::new().mtime(0).write(Vec::with_capacity(data.len() / 2), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = gz.write_all(data);
    let bytes = gz.finish().unwrap_or_default();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A data file: `shouceSearch.add("kind", id, "payload")`.
pub fn script(kind: &str, id: usize, payload: &str) -> String {
    format!("shouceSearch.add({kind:?},{id},\"{payload}\");\n")
}

/// FNV-1a over UTF-8 bytes: the shard of a key; `search.js` computes the same.
pub fn fnv1a(key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        let mut s = String::new();
        for v in [0, 1, 31, 32, 1000] {
            push_varint(&mut s, v);
        }
        // 0 1 31 → A B f; 32 → (32|0)=g, 1=B; 1000 = 31·32 + 8 → (32|8)=o, 31=f
        assert_eq!(s, "ABfgBof");
    }

    #[test]
    fn fnv_matches_reference() {
        assert_eq!(fnv1a(""), 0x811c9dc5);
        assert_eq!(fnv1a("a"), 0xe40c292c);
        assert_eq!(fnv1a("名"), fnv1a("名"));
    }

    #[test]
    fn pack_is_deterministic() {
        assert_eq!(pack(b"abc"), pack(b"abc"));
    }
}
