//! How index data travels to the browser: JavaScript files that call a registration function,
//! loaded with `<script>` (fetch and WASM are blocked on file://). Posting shards are gzip'd
//! and base-91'd ([`pack`]), and the browser inflates them with its built-in
//! `DecompressionStream`; document chunks are plain JS literals ([`script_literal`]).

/// Posting lists are LEB128 varints: 7 bits a byte, high bit set on all but the last byte.
pub fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v & 0x7f) as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// gzip (libdeflate: no file name or time in the header, so output is reproducible) then
/// [`base91`]; also the byte length, which the decoder needs because the last base-91 pair may
/// carry padding bits.
pub fn pack(data: &[u8]) -> (String, usize) {
    // libdeflate level 1 (its fastest strategy): at 10k pages the index is 41.0 MB against
    // 39.3 MB at level 4 (+4%), and the index stage takes 0.1 s less of a 1.8 s build; a query
    // loads a few of these files, so 4% more bytes cost it a millisecond or two.
    let mut c = libdeflater::Compressor::new(libdeflater::CompressionLvl::new(1).unwrap_or_default());
    let mut out = vec![0; c.gzip_compress_bound(data.len())];
    // The buffer has the size libdeflate asks for, so compression cannot run out of room.
    let n = c.gzip_compress(data, &mut out).unwrap_or(0);
    out.truncate(n);
    (base91(&out), out.len())
}

/// The 91 printable ASCII characters that need no escaping in a JS string (no `"`, `\\`, `'`).
const B91: &[u8; 91] = b"!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// Binary to text at 16 bits per 13 (base64 takes 16 per 12): every 13 bits become two
/// base-91 digits (91² ≥ 2¹³); the last group may be shorter. `search.js` decodes it.
pub fn base91(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 16 / 13 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc |= u32::from(b) << bits;
        bits += 8;
        if bits >= 13 {
            let v = acc & 0x1fff;
            acc >>= 13;
            bits -= 13;
            out.push(B91[(v % 91) as usize] as char);
            out.push(B91[(v / 91) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(B91[(acc % 91) as usize] as char);
        out.push(B91[(acc / 91) as usize] as char);
    }
    out
}

/// A data file: `shouceSearch.add("kind", id, ["payload", byte length])`.
pub fn script(kind: &str, id: usize, (payload, len): (String, usize)) -> String {
    format!("shouceSearch.add({kind:?},{id},[\"{payload}\",{len}]);\n")
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
    fn base91_vectors() {
        assert_eq!(base91(b""), "");
        // Same as tests/search/vectors.json "base91".
        assert_eq!(base91(b"shouce"), "j:>Czi7$");
        let all: Vec<u8> = (0..=255).collect();
        assert!(!base91(&all).contains(['"', '\\', '\'']));
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

    #[test]
    fn pack_is_deterministic() {
        assert_eq!(pack(b"abc"), pack(b"abc"));
    }
}
