//! Attribute names, spelled once.

use std::fmt::{self, Display};

use syn::{Ident, Path};

#[derive(Copy, Clone)]
pub(crate) struct Symbol(pub(crate) &'static str);

pub(crate) const MODEL: Symbol = Symbol("model");
pub(crate) const METADATA: Symbol = Symbol("metadata");
pub(crate) const PROVIDER: Symbol = Symbol("provider");

pub(crate) const ID: Symbol = Symbol("id");
pub(crate) const ENDPOINT: Symbol = Symbol("endpoint");
pub(crate) const CRATE: Symbol = Symbol("crate");
pub(crate) const BINARY: Symbol = Symbol("binary");
pub(crate) const STREAM: Symbol = Symbol("stream");

pub(crate) const RENAME: Symbol = Symbol("rename");
pub(crate) const DEFAULT: Symbol = Symbol("default");
pub(crate) const RANGE: Symbol = Symbol("range");
pub(crate) const LENGTH: Symbol = Symbol("length");
pub(crate) const ONE_OF: Symbol = Symbol("one_of");
pub(crate) const VALUES: Symbol = Symbol("values");
pub(crate) const OUTPUT: Symbol = Symbol("output");
pub(crate) const TRANSPARENT: Symbol = Symbol("transparent");
pub(crate) const EACH: Symbol = Symbol("each");
pub(crate) const WITH: Symbol = Symbol("with");
pub(crate) const NESTED: Symbol = Symbol("nested");
pub(crate) const OTHER: Symbol = Symbol("other");

pub(crate) const SLUG: Symbol = Symbol("slug");
pub(crate) const BASE_URL: Symbol = Symbol("base_url");
pub(crate) const AUTH: Symbol = Symbol("auth");
pub(crate) const HEADER: Symbol = Symbol("header");
pub(crate) const CREDENTIAL: Symbol = Symbol("credential");

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &Ident {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of the first cells of the Markdown tables in `docs`: the
    /// attribute spellings users read.
    fn table_keys(docs: &str) -> Vec<&str> {
        docs.lines()
            .filter_map(|line| line.trim_start_matches(['/', '!', ' ']).strip_prefix("| `"))
            .filter_map(|row| row.split(" |").next())
            .flat_map(|cell| cell.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
            .collect()
    }

    /// Every key the derives accept is in an attribute table where users
    /// read it: `gateway_core::model` for `Model` and `Object` fields, the
    /// `Metadata` and `Provider` derives' own docs; `other` in `Object`'s.
    #[test]
    fn every_attribute_key_is_documented() {
        let model_docs = include_str!("../../../gateway-core/src/model.rs");
        let derive_docs = include_str!("../../../gateway-core/src/lib.rs");
        let model = [
            ID,
            PROVIDER,
            ENDPOINT,
            CRATE,
            BINARY,
            STREAM,
            RENAME,
            DEFAULT,
            RANGE,
            LENGTH,
            ONE_OF,
            VALUES,
            OUTPUT,
            TRANSPARENT,
            EACH,
            WITH,
            NESTED,
        ];
        let derives = [METADATA, RENAME, CRATE, SLUG, BASE_URL, AUTH, HEADER, CREDENTIAL];
        for (docs, keys) in [(model_docs, &model[..]), (derive_docs, &derives[..])] {
            let documented = table_keys(docs);
            for key in keys {
                assert!(documented.contains(&key.0), "`{}` is in no attribute table", key.0);
            }
        }
        assert!(derive_docs.contains("`#[model(other)]`"), "`other` is not documented on `Object`");
    }
}
