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
//! the catalog ([`generated`], one cargo feature per task family). A catalog
//! model in three lines (the README's example; here run against an embedded
//! offline gateway, with the `text-embeddings` feature):
//!
//! ```
//! # #[cfg(feature = "text-embeddings")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # use gateway_core::{Ai, GatewayOptions, RunOptions};
//! # use gateway_local::{LocalConfig, LocalGateway};
//! # let local = LocalGateway::builder().config(LocalConfig::default()).offline(true).start().await?;
//! # let ai = Ai::new(local.client_config())?;
//! use gateway_models::generated::text_embeddings::bge_base_en_v1_5::BgeBaseEnV15Request;
//! let answer = ai.run_model(&BgeBaseEnV15Request::new("hello"), &RunOptions::new().gateway(GatewayOptions::new("my-gateway"))).await?;
//! println!("{:?}", answer.response.data);
//! # assert_eq!(answer.response.data.map(|vectors| vectors[0].len()), Some(768));
//! # local.shutdown().await?;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "text-embeddings"))]
//! # fn main() {}
//! ```

mod catalog;
mod files;
pub mod generated;
mod properties;
mod sample;

pub use crate::catalog::{Catalog, CatalogModel, ModelSchema, Search, Task, catalog};
pub use crate::properties::{Price, Properties, Property};
pub use crate::sample::{Check, Sampler};

#[cfg(test)]
mod tests {
    /// The code a reader sees in the first code block after the line saying
    /// "three lines": fences and hidden (`# `) lines left out.
    fn shown_example<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        lines
            .skip_while(|line| !line.contains("three lines"))
            .skip_while(|line| !line.starts_with("```"))
            .skip(1)
            .take_while(|line| !line.starts_with("```"))
            .filter(|line| *line != "#" && !line.starts_with("# "))
            .collect()
    }

    /// The README's catalog example is this crate's doctest, which runs it.
    #[test]
    fn the_readme_example_is_the_crate_doctest() {
        let readme = include_str!("../../README.md");
        let crate_docs = include_str!("lib.rs");
        let docs = crate_docs
            .lines()
            .filter_map(|line| line.strip_prefix("//!"))
            .map(|line| line.strip_prefix(' ').unwrap_or(line));
        let in_readme = shown_example(readme.lines());
        assert_eq!(in_readme.len(), 3, "{in_readme:#?}");
        assert_eq!(in_readme, shown_example(docs));
    }
}
