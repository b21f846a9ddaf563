//! Derive macros of typed-gateway, re-exported by `gateway-core`:
//! `#[derive(Model)]`, `#[derive(Object)]`, `#[derive(Metadata)]` and `#[derive(Provider)]`.
//! Their documentation, with examples, is on the re-exports in `gateway_core`.
//!
//! Set `GATEWAY_DERIVE_DEBUG=1` to print every expansion to stderr.

mod dummy;
mod internals;
mod metadata;
mod model;
mod object;
mod provider;
mod request;
mod response;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Parses the item, runs `derive` on it, and prints the expansion when
/// `GATEWAY_DERIVE_DEBUG` is set.
fn expand(input: TokenStream, name: &str, derive: fn(&DeriveInput) -> proc_macro2::TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let output = derive(&input);
    if std::env::var_os("GATEWAY_DERIVE_DEBUG").is_some() {
        eprintln!("// #[derive({name})] on {}\n{output}", input.ident);
    }
    output.into()
}

/// Declares a model; see `gateway_core::Model`.
#[proc_macro_derive(Model, attributes(model))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    expand(input, "Model", model::derive_model)
}

/// A nested object of a request or response; see `gateway_core::Object`.
#[proc_macro_derive(Object, attributes(model))]
pub fn derive_object(input: TokenStream) -> TokenStream {
    expand(input, "Object", object::derive_object)
}

/// Typed log metadata; see `gateway_core::Metadata`. An `Option` field set
/// to `None` is absent: left out of the metadata, never sent as `null`.
#[proc_macro_derive(Metadata, attributes(metadata))]
pub fn derive_metadata(input: TokenStream) -> TokenStream {
    expand(input, "Metadata", metadata::derive_metadata)
}

/// A custom provider; see `gateway_core::Provider`.
#[proc_macro_derive(Provider, attributes(provider))]
pub fn derive_provider(input: TokenStream) -> TokenStream {
    expand(input, "Provider", provider::derive_provider)
}
