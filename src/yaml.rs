//! YAML mistakes as diagnostics, for the two kinds of YAML an author writes: `handbook.yaml`
//! (read by `config`) and a page's front matter (`frontmatter`). serde's error
//! becomes a located [`Diagnostic`] (line and column in the file) with a plain-words message
//! and hint in the handbook's language, instead of the parser's own English.

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::messages::{self as msg, Message, ValueKind};

/// One error per slip (only the certain ones when `certain`), at the slip's character.
pub fn slip_diagnostics(
    file: &str,
    slips: &[crate::slips::Slip],
    line_offset: usize,
    text: &str,
    certain: bool,
) -> Vec<Diagnostic> {
    slips
        .iter()
        .filter(|s| !certain || s.kind.is_certain())
        .map(|s| {
            Diagnostic::error(file, line_offset + s.line, s.col, msg::slip(&s.kind))
                .with_hint(msg::slip_hint(&s.kind))
                .with_source(text)
        })
        .collect()
}

/// An unknown key, with a hint at the one of `keys` it was probably meant to be.
pub fn unknown_key(file: &str, line: usize, col: usize, field: &str, keys: &[&str]) -> Diagnostic {
    Diagnostic::error(file, line, col, msg::unknown_key(field)).with_hint(
        match did_you_mean(field, keys.iter().copied()) {
            Some(s) => msg::did_you_mean_key(s, keys),
            None => msg::unknown_key_hint(keys),
        },
    )
}

/// Turns a YAML/serde error into a located diagnostic with a plain-words hint.
pub fn yaml_diagnostic(file: &str, yaml: &str, line_offset: usize, e: &yaml_serde::Error, keys: &[&str]) -> Diagnostic {
    let (line, col) = e.location().map_or((line_offset + 1, 1), |l| (line_offset + l.line(), l.column()));
    let raw = e.to_string();
    // serde's messages end with " at line L column C"; we print the position ourselves.
    let detail = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let d = if let Some(field) = detail.split_once("unknown field `").and_then(|(_, s)| s.split('`').next()) {
        unknown_key(file, line, col, field, keys)
    } else if detail.contains("did not match any variant of untagged enum OneOrMany") {
        // frontmatter's `industry:` (one id or a list), matched by the type's name.
        Diagnostic::error(file, line, col, msg::industry_shape()).with_hint(msg::industry_shape_hint())
    } else if let Some(pos) = detail.find("invalid type") {
        // serde prefixes the key path (`order: invalid type …`) when it knows it.
        let path = detail[..pos].trim_end_matches([':', ' ']);
        let from_line = || {
            let l = yaml.lines().nth(line.saturating_sub(line_offset + 1)).unwrap_or("");
            l.split(':').next().unwrap_or("").trim().to_string()
        };
        let key = if path.is_empty() { from_line() } else { path.to_string() };
        Diagnostic::error(file, line, col, wrong_type(&key, &detail[pos..])).with_hint(msg::wrong_type_hint())
    } else {
        Diagnostic::error(file, line, col, msg::yaml_problem(&detail)).with_hint(msg::invalid_yaml_hint())
    };
    let full_text: String = "\n".repeat(line_offset) + yaml;
    d.with_source(&full_text)
}

/// serde's `invalid type: string "第一", expected i64` in words.
fn wrong_type(key: &str, what: &str) -> Message {
    let rest = what.strip_prefix("invalid type: ").unwrap_or(what);
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
    // serde reads a number too large for 64 bits as `integer `…` as u128`.
    if let Some(number) = found.strip_suffix(" as u128").or_else(|| found.strip_suffix(" as i128")) {
        return msg::number_out_of_range(key, number.trim_start_matches("integer ").trim_matches('`'));
    }
    let kind = match expected {
        "i64" | "u64" | "i32" | "u32" => ValueKind::WholeNumber,
        "a sequence" => ValueKind::List,
        "a string" | "a borrowed string" => ValueKind::Text,
        _ => ValueKind::Other,
    };
    msg::wrong_type(key, found, kind, what)
}
