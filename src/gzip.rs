//! gzip with libdeflate, for the files shouce writes compressed: the search index's shards
//! and chunks, and the edition record's texts. No file name or time goes in the header, so the
//! same bytes always give the same file and builds stay byte-identical.

/// `data` gzip'd at libdeflate's `level` (1 fastest … 12 smallest).
pub fn gzip(data: &[u8], level: i32) -> Vec<u8> {
    let mut c = libdeflater::Compressor::new(libdeflater::CompressionLvl::new(level).unwrap_or_default());
    let mut out = vec![0; c.gzip_compress_bound(data.len())];
    // The buffer has the size libdeflate asks for, so compression cannot run out of room.
    let n = c.gzip_compress(data, &mut out).unwrap_or(0);
    out.truncate(n);
    out
}

/// The bytes of a gzip file; `None` when damaged or when the trailer says it holds more than
/// `max` bytes (a damaged file must not ask for gigabytes).
pub fn gunzip(data: &[u8], max: usize) -> Option<Vec<u8>> {
    let tail: [u8; 4] = data.get(data.len().checked_sub(4)?..)?.try_into().ok()?;
    let size = u32::from_le_bytes(tail) as usize;
    if size > max {
        return None;
    }
    let mut out = vec![0; size];
    let n = libdeflater::Decompressor::new().gzip_decompress(data, &mut out).ok()?;
    out.truncate(n);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_deterministic() {
        assert_eq!(gzip(b"abc", 1), gzip(b"abc", 1));
    }

    #[test]
    fn round_trip_and_damage_is_none() {
        let text = "着装要求。".repeat(1000).into_bytes();
        let packed = gzip(&text, 1);
        assert!(packed.len() < text.len() / 10);
        assert_eq!(gunzip(&packed, 1 << 20).as_deref(), Some(text.as_slice()));
        assert_eq!(gunzip(&packed, 100), None, "over the limit");
        assert_eq!(gunzip(&packed[..packed.len() / 2], 1 << 20), None);
        assert_eq!(gunzip(b"xy", 1 << 20), None);
    }
}
