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
