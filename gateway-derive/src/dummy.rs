//! The `const _` wrapper every expansion goes in, and stubs emitted next to
//! errors so one mistake gives one error.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::plan::CratePath;

/// Wraps impls in `const _: () = { ... }` with the core crate as `__gateway_core`.
pub(crate) fn wrap_in_const(krate: &CratePath, code: &TokenStream) -> TokenStream {
    let use_gw = if krate.overridden {
        let path = &krate.path;
        quote!(use #path as __gateway_core;)
    } else {
        quote!(
            use ::gateway_core as __gateway_core;
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

/// Stand-ins for the generated request and response types (and the group
/// and value enums, when known), emitted beside the errors of a broken
/// declaration so naming them does not add errors of its own.
pub(crate) fn model_stubs(input: &syn::DeriveInput, enums: &[syn::Ident]) -> TokenStream {
    let vis = &input.vis;
    let request = quote::format_ident!("{}Request", input.ident);
    let response = quote::format_ident!("{}Response", input.ident);
    let mut defined = vec![request.clone(), response.clone()];
    let mut out = quote! {
        #[doc(hidden)]
        #[allow(dead_code)]
        #vis struct #request;
        #[doc(hidden)]
        #[allow(dead_code)]
        #vis struct #response;
    };
    for ident in enums {
        // A name collision is one of the reported errors; define each name once.
        if defined.contains(ident) {
            continue;
        }
        defined.push(ident.clone());
        out.extend(quote! {
            #[doc(hidden)]
            #[allow(dead_code)]
            #vis enum #ident {}
        });
    }
    out
}
