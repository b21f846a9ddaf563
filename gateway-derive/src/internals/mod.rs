//! Parsing and checking, shared by the three derives: `ast` reads the item
//! and (with `attr`) its attributes, `check` applies the rules and builds a
//! `plan`, the only thing the generators read. `ctxt` collects errors,
//! `symbol` spells attribute names once, `ty` reads types from their
//! spelling, `providers` lists the published provider slugs.

pub(crate) mod ast;
pub(crate) mod attr;
pub(crate) mod check;
pub(crate) mod ctxt;
pub(crate) mod plan;
pub(crate) mod providers;
pub(crate) mod symbol;
pub(crate) mod ty;
