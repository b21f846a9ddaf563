//! The `const _` wrapper every expansion goes in, and stubs emitted next to
//! errors so one mistake gives one error.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::check::CratePath;

/// Wraps impls in `const _: () = { ... }` with the core crate as `_gw`.
pub(crate) fn wrap_in_const(krate: &CratePath, code: &TokenStream) -> TokenStream {
    let use_gw = if krate.overridden {
        let path = &krate.path;
        quote!(use #path as _gw;)
    } else {
        quote!(
            use ::gateway_core as _gw;
        )
    };
    quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            unused_attributes,
            unused_qualifications,
            clippy::absolute_paths,
            clippy::all,
            clippy::pedantic,
        )]
        const _: () = {
            #use_gw
            #code
        };
    }
}

/// Stand-ins for the generated request and response types, emitted beside
/// the errors of a broken declaration so uses of them do not add errors of their own.
pub(crate) fn model_stubs(input: &syn::DeriveInput) -> TokenStream {
    let vis = &input.vis;
    let request = quote::format_ident!("{}Request", input.ident);
    let response = quote::format_ident!("{}Response", input.ident);
    quote! {
        #[doc(hidden)]
        #[allow(dead_code)]
        #vis struct #request;
        #[doc(hidden)]
        #[allow(dead_code)]
        #vis struct #response;
    }
}
