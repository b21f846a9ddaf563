//! Wire-level helpers shared by the client and the types: JavaScript-compatible
//! JSON, query-string encoding and response-body decoding.

pub(crate) mod decode;
pub(crate) mod js;
pub(crate) mod query;
pub(crate) mod url;
