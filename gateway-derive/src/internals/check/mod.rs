//! Cross-attribute rules: turn a parsed declaration into a plan the
//! generators can trust, recording every violation with its span.
//!
//! Each rule is a small function named after what it requires, with a
//! comment saying why; one module per derive (`model`, with its field rules
//! in `fields` and `values`; `metadata`; `provider`). Rules stay silent when
//! what they depend on was already reported broken, so one mistake gives one error.

mod fields;
mod metadata;
mod model;
mod object;
mod provider;
mod values;

use syn::{Ident, LitStr};

use super::ast::Field;

pub(crate) use metadata::metadata;
pub(crate) use model::model;
pub(crate) use object::{is_union, object, string_enum, union};
pub(crate) use provider::provider;

/// The name a field is sent or read under: its `rename`, or its own name without `r#`.
fn wire_name(field: &Field<'_>, rename: Option<&LitStr>) -> String {
    rename.map_or_else(|| field.ident.to_string().trim_start_matches("r#").to_owned(), LitStr::value)
}

/// Whether `name` is a Rust keyword (which cannot name a field, parameter or variant).
fn is_keyword(name: &str) -> bool {
    syn::parse_str::<Ident>(name).is_err()
}

/// Edit distance, for "did you mean" hints.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The closest known name, if close enough to be a typo.
fn did_you_mean<'k>(found: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let normalize = |s: &str| s.to_ascii_lowercase().replace(['-', '_', ' '], "");
    let found_norm = normalize(found);
    known
        .into_iter()
        .map(|k| (distance(&found_norm, &normalize(k)), k))
        .filter(|(d, k)| *d <= 2 && *d < k.len() / 2 + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
