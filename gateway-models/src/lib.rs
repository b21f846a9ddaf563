//! Cloudflare's Workers AI model catalog, embedded and searchable.
//!
//! `catalog/` holds Cloudflare's catalog entries byte for byte (100 files
//! from `cloudflare-docs`, `src/content/workers-ai-models/`; their source and
//! commits are in `catalog/README.md`). [`catalog()`] parses them once and
//! answers like the Workers binding's `models()`: [`Catalog::search`] by task,
//! author or name (case-insensitive substrings), [`Catalog::get`] by model id.
//! Each [`CatalogModel`] gives its id (`@cf/...`), [`Task`], description,
//! [`Properties`] (context window, pricing, function calling, ... typed where
//! simple, raw otherwise) and its input and output JSON Schemas
//! ([`ModelSchema`]). [`Sampler`] builds values from those schemas: a
//! minimal valid input, or an answer shaped like the output.
//!
//! ```
//! use gateway_models::{Search, catalog};
//!
//! // Meta's text-generation models.
//! let meta = catalog().search(&Search::new().task("text generation").author("meta"));
//! assert!(meta.iter().any(|model| model.id() == "@cf/meta/llama-3.3-70b-instruct-fp8-fast"));
//!
//! let kimi = catalog().get("@cf/moonshotai/kimi-k2.6").expect("in the catalog");
//! assert_eq!(kimi.task().name(), "Text Generation");
//! assert_eq!(kimi.properties().context_window(), Some(262_144));
//! assert!(kimi.properties().function_calling());
//! println!("{}: {} USD per M input tokens", kimi.id(), kimi.properties().prices()[0].price);
//! let schema = kimi.schema().expect("a schema");
//! assert!(schema.input().get("anyOf").is_some()); // chat completions or a batch
//! ```
//!
//! Every model with a schema also has a typed declaration, generated from
//! the catalog ([`generated`], one cargo feature per task family).

mod catalog;
mod files;
pub mod generated;
mod properties;
mod sample;

pub use crate::catalog::{Catalog, CatalogModel, ModelSchema, Search, Task, catalog};
pub use crate::properties::{Price, Properties, Property};
pub use crate::sample::{Check, Sampler};
