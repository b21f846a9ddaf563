//! Cloudflare's Workers AI model catalog: typed declarations of every model
//! with a schema, generated from the catalog (`generated`, one cargo feature
//! per task family).

pub mod generated;
