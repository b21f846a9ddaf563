//! Derive macros of typed-gateway, re-exported by `gateway-core`:
//! `#[derive(Model)]`, `#[derive(Metadata)]` and `#[derive(Provider)]`.
//! Their documentation, with examples, is on the re-exports in `gateway_core`.
//!
//! Set `GATEWAY_DERIVE_DEBUG=1` to print every expansion to stderr.

mod dummy;
mod internals;
mod metadata;
mod model;
mod provider;
mod request;
mod response;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

fn debug_print(name: &str, input: &DeriveInput, output: &proc_macro2::TokenStream) {
    if std::env::var_os("GATEWAY_DERIVE_DEBUG").is_some() {
        eprintln!("// #[derive({name})] on {}\n{output}", input.ident);
    }
}

/// Declares a model; see `gateway_core::Model`.
#[proc_macro_derive(Model, attributes(model))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let output = model::derive_model(&input);
    debug_print("Model", &input, &output);
    output.into()
}

/// Typed log metadata; see `gateway_core::Metadata`.
#[proc_macro_derive(Metadata, attributes(metadata))]
pub fn derive_metadata(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let output = metadata::derive_metadata(&input);
    debug_print("Metadata", &input, &output);
    output.into()
}

/// A custom provider; see `gateway_core::Provider`.
#[proc_macro_derive(Provider, attributes(provider))]
pub fn derive_provider(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let output = provider::derive_provider(&input);
    debug_print("Provider", &input, &output);
    output.into()
}
