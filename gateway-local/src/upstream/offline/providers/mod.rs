//! The providers the double answers, one file each, and the registry that
//! finds a request's [`Handler`] from gateway-core's provider table.
//!
//! Each file registers its handler as a `const` (the slugs it answers, or a
//! whole [`WireDialect`] of the table), and [`HANDLERS`] lists the files.
//! The tests below fail when a row of the table has no handler, or a handler
//! names a slug the table does not have.

use gateway_core::provider::{PROVIDERS, ProviderInfo, WireDialect};

use super::call::Call;
use super::reply::Reply;

mod anthropic;
mod bedrock;
mod cartesia;
mod cohere;
mod elevenlabs;
mod firefly;
mod google;
mod huggingface;
mod openai;
mod replicate;
mod workers_ai;
mod workers_ai_catalog;

/// The gateway's own OpenAI-compatible endpoint, answered like OpenAI; not a
/// provider of the table.
pub(super) const COMPAT: &str = "compat";

/// What one provider file registers: which requests it answers, and how.
#[derive(Debug)]
pub(super) struct Handler {
    /// Slugs it answers by name.
    slugs: &'static [&'static str],
    /// A dialect of the table whose rows it answers, unless another handler
    /// names them.
    dialect: Option<WireDialect>,
    /// The answer to a request.
    answer: fn(&Call<'_>) -> Reply,
    /// The model named by the endpoint path, for providers that put it there
    /// (fault rules match on it).
    path_model: fn(&Call<'_>) -> Option<String>,
}

impl Handler {
    /// A handler answering `slugs`, with no model in its paths.
    const fn new(slugs: &'static [&'static str], answer: fn(&Call<'_>) -> Reply) -> Self {
        Self { slugs, dialect: None, answer, path_model: |_| None }
    }

    /// Also answers every row of the table in `dialect` that no handler names.
    const fn for_dialect(self, dialect: WireDialect) -> Self {
        Self { dialect: Some(dialect), ..self }
    }

    /// Reads the model from the endpoint path with `path_model`.
    const fn with_path_model(self, path_model: fn(&Call<'_>) -> Option<String>) -> Self {
        Self { path_model, ..self }
    }
}

/// Every provider file's handler.
const HANDLERS: [&Handler; 13] = [
    &workers_ai::HANDLER,
    &openai::HANDLER,
    &openai::AZURE,
    &anthropic::HANDLER,
    &google::AI_STUDIO,
    &google::VERTEX,
    &cohere::HANDLER,
    &bedrock::HANDLER,
    &huggingface::HANDLER,
    &replicate::HANDLER,
    &cartesia::HANDLER,
    &elevenlabs::HANDLER,
    &firefly::HANDLER,
];

/// Where in [`HANDLERS`] the handler for `provider` is: the one naming it,
/// else the one for its table row's dialect.
fn handler_index(provider: &str) -> Option<usize> {
    HANDLERS.iter().position(|handler| handler.slugs.contains(&provider)).or_else(|| {
        let dialect = ProviderInfo::of(provider)?.dialect;
        HANDLERS.iter().position(|handler| handler.dialect == Some(dialect))
    })
}

/// The handler for `provider`, if the double answers it.
fn handler(provider: &str) -> Option<&'static Handler> {
    handler_index(provider).map(|index| HANDLERS[index])
}

/// The slugs the double answers: the table's, in its order, then [`COMPAT`].
pub(super) const fn answered_slugs() -> [&'static str; PROVIDERS.len() + 1] {
    let mut slugs = [COMPAT; PROVIDERS.len() + 1];
    let mut i = 0;
    while i < PROVIDERS.len() {
        slugs[i] = PROVIDERS[i].slug;
        i += 1;
    }
    slugs
}

/// The answer for a provider the double knows, `None` for any other provider.
pub(super) fn dispatch(call: &Call<'_>) -> Option<Reply> {
    handler(call.provider).map(|handler| (handler.answer)(call))
}

/// The model named by the endpoint path, for providers that put it there.
pub(super) fn path_model(call: &Call<'_>) -> Option<String> {
    handler(call.provider).and_then(|handler| (handler.path_model)(call))
}

/// Whose error body a failure on `path` of `provider` gets: its table row's
/// dialect, except Workers AI's OpenAI-compatible `v1/...` paths and slugs
/// outside the table (`compat`), which speak OpenAI.
pub(super) fn dialect_of(provider: &str, path: &str) -> WireDialect {
    match ProviderInfo::of(provider).map(|info| info.dialect) {
        Some(WireDialect::WorkersAi) if path.starts_with("v1/") => WireDialect::OpenAi,
        Some(dialect) => dialect,
        None => WireDialect::OpenAi,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_has_a_handler() {
        for info in &PROVIDERS {
            assert!(handler(info.slug).is_some(), "{} (in the provider table) has no offline handler", info.slug);
        }
        assert!(handler(COMPAT).is_some());
        assert!(handler("fireworks").is_none());
    }

    #[test]
    fn every_handler_answers_rows_of_the_table() {
        for (i, registered) in HANDLERS.iter().enumerate() {
            for slug in registered.slugs {
                assert!(
                    *slug == COMPAT || ProviderInfo::of(slug).is_some(),
                    "the offline handler for {slug} answers a provider the table does not have"
                );
                let first = HANDLERS.iter().position(|other| other.slugs.contains(slug));
                assert_eq!(first, Some(i), "{slug} has two offline handlers");
            }
            if let Some(dialect) = registered.dialect {
                assert!(PROVIDERS.iter().any(|info| info.dialect == dialect), "no row of the table is {dialect:?}");
                let first = HANDLERS.iter().position(|other| other.dialect == Some(dialect));
                assert_eq!(first, Some(i), "{dialect:?} has two offline handlers");
            }
            let reached = answered_slugs().iter().any(|slug| handler_index(slug) == Some(i));
            assert!(reached, "an offline handler ({:?}) answers no slug", registered.slugs);
        }
    }

    #[test]
    fn the_double_answers_the_table_and_compat() {
        let table: Vec<&str> = PROVIDERS.iter().map(|info| info.slug).collect();
        assert_eq!(super::super::OfflineUpstream::PROVIDERS[..table.len()], table[..]);
        assert_eq!(super::super::OfflineUpstream::PROVIDERS.last(), Some(&COMPAT));
    }
}
