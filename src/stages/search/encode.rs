//! How index data travels to the browser: JavaScript files that call a registration function,
//! loaded with `<script>` (fetch and WASM are blocked on file://). Posting shards and document
//! chunks are gzip'd ([`crate::gzip`]) and written byte for byte into a JS string ([`script`]), and the
//! browser inflates them with its built-in `DecompressionStream`; `meta.js` is a JS literal
//! ([`script_literal`]).

/// Posting lists are LEB128 varints: 7 bits a byte, high bit set on all but the last byte.
pub fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v & 0x7f) as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The charset the browser reads packed data files in: every byte is one character (the
/// loader sets it on the `<script>`, `serve` sends it). Base-91 text cost 23 % over the
/// bytes; this costs the escapes of four byte values, about 1.6 %.
pub const PACKED_CHARSET: &str = "windows-1252";

/// A data file whose payload is bytes: `shouceSearch.add("kind", id, "…")`, each byte one
/// character of the string, escaped only where a JS string literal needs it (`"`, `\`, LF,
/// CR). Not UTF-8: read as [`PACKED_CHARSET`].
pub fn script(kind: &str, id: usize, payload: &[u8]) -> Vec<u8> {
    let head = format!("shouceSearch.add({kind:?},{id},\"");
    let mut out = Vec::with_capacity(head.len() + payload.len() + payload.len() / 32 + 4);
    out.extend_from_slice(head.as_bytes());
    for &b in payload {
        match b {
            b'"' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.extend_from_slice(b"\");\n");
    out
}

/// Whether `file` (a path in a built site) is a packed data file, read as [`PACKED_CHARSET`].
pub fn is_packed(file: &std::path::Path) -> bool {
    let in_index = file.parent().and_then(|p| p.file_name()).is_some_and(|n| n == crate::urls::SEARCH_DIR);
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let id = name.strip_suffix(".js").and_then(|n| n.strip_prefix(['p', 'i', 'd']));
    in_index && id.is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// A data file whose payload is a JS literal: `shouceSearch.add("kind", id, <JSON>)`. JSON is
/// valid JavaScript (U+2028 and U+2029 too, since ES2019). `<` is written `\u003c`: the file
/// is loaded by `src`, where `</script>` in a text is harmless, but no index file carries
/// markup, whoever inlines it.
pub fn script_literal(kind: &str, id: usize, payload: &impl serde::Serialize) -> String {
    // Serialising strings, numbers and arrays of them cannot fail.
    let mut json = serde_json::to_string(payload).unwrap_or_default();
    // Outside strings JSON has no `<`, so every one is inside a string.
    if json.contains('<') {
        json = json.replace('<', "\\u003c");
    }
    format!("shouceSearch.add({kind:?},{id},{json});\n")
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
        let mut s = Vec::new();
        for v in [0, 1, 127, 128, 1000] {
            push_varint(&mut s, v);
        }
        // 1000 = 7·128 + 104 → (104|128), 7
        assert_eq!(s, [0, 1, 127, 128, 1, 232, 7]);
    }

    #[test]
    fn fnv_matches_reference() {
        assert_eq!(fnv1a(""), 0x811c9dc5);
        assert_eq!(fnv1a("a"), 0xe40c292c);
        assert_eq!(fnv1a("名"), fnv1a("名"));
    }

    #[test]
    fn packed_scripts_escape_only_what_a_js_string_needs() {
        let all: Vec<u8> = (0..=255).collect();
        let js = script("p", 7, &all);
        let head = b"shouceSearch.add(\"p\",7,\"";
        assert!(js.starts_with(head) && js.ends_with(b"\");\n"));
        let body = &js[head.len()..js.len() - 4];
        // 256 bytes and the escapes of ", \\, LF and CR.
        assert_eq!(body.len(), 256 + 4);
        assert!(!body.windows(2).any(|w| w == b"\n\""));
        let mut back = Vec::new();
        let mut it = body.iter();
        while let Some(&b) = it.next() {
            if b == b'\\' {
                back.push(match it.next() {
                    Some(b'n') => b'\n',
                    Some(b'r') => b'\r',
                    Some(&c) => c,
                    None => panic!("dangling escape"),
                });
            } else {
                back.push(b);
            }
        }
        assert_eq!(back, all);
    }

    #[test]
    fn packed_files_are_known_by_name() {
        use std::path::Path;
        assert!(is_packed(Path::new("/s/_shouce/search/p12.js")));
        assert!(is_packed(Path::new("_shouce/search/d0.js")));
        assert!(is_packed(Path::new("_shouce/search/i0.js")));
        assert!(!is_packed(Path::new("_shouce/search/meta.js")));
        assert!(!is_packed(Path::new("_shouce/search.js")));
        assert!(!is_packed(Path::new("a/p1.js")));
    }

    #[test]
    fn literal_payloads_carry_no_markup_and_read_back() {
        let texts = ["<script>alert(\"x\")</script>", "行\u{2028}分隔\\", "a</b>"];
        let js = script_literal("d", 3, &texts);
        assert!(js.starts_with("shouceSearch.add(\"d\",3,[") && js.ends_with(");\n"), "{js}");
        assert!(!js.contains('<'), "{js}");
        let json = &js["shouceSearch.add(\"d\",3,".len()..js.len() - 3];
        let back: Vec<String> = serde_json::from_str(json).unwrap();
        assert_eq!(back, texts);
    }
}
