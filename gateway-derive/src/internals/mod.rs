//! Parsing and checking, shared by the three derives.

pub(crate) mod ast;
pub(crate) mod attr;
pub(crate) mod check;
pub(crate) mod ctxt;
pub(crate) mod plan;
pub(crate) mod providers;
pub(crate) mod symbol;
pub(crate) mod ty;
