//! The `const _` wrapper every expansion goes in, and stubs emitted next to
//! errors so one mistake gives one error.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use crate::internals::plan::{CratePath, ModelPlan, ModelProvider};
use crate::request;

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

/// The types of [`model_stubs_of`], with the enums' variants.
fn stub_types(plan: &ModelPlan<'_>) -> TokenStream {
    let input = plan.container.original;
    let vis = &input.vis;
    let (request, response) = (&plan.request_ident, &plan.response_ident);
    let mut defined = vec![request.clone(), response.clone()];
    let mut out = quote! {
        #[doc(hidden)]
        #[derive(::core::fmt::Debug)]
        #[allow(dead_code)]
        #vis struct #request;
        #[doc(hidden)]
        #[allow(dead_code)]
        #vis struct #response;
    };
    let is_variant = |v: &syn::Ident| v != "Self";
    for ident in plan.inputs.iter().filter_map(|i| i.variant_struct.as_ref()) {
        if !defined.contains(ident) {
            defined.push(ident.clone());
            out.extend(quote! {
                #[doc(hidden)]
                #[derive(::core::fmt::Debug)]
                #[allow(dead_code)]
                #vis struct #ident;
            });
        }
    }
    for values in plan.inputs.iter().filter_map(|i| i.values.as_ref()) {
        if defined.contains(&values.ident) {
            continue;
        }
        defined.push(values.ident.clone());
        let ident = &values.ident;
        let variants = values.variants.iter().map(|(v, _)| v).filter(|v| is_variant(v));
        out.extend(quote! {
            #[doc(hidden)]
            #[allow(dead_code)]
            #vis enum #ident { #(#variants,)* }
        });
    }
    for group in &plan.groups {
        if defined.contains(&group.enum_ident) {
            continue;
        }
        defined.push(group.enum_ident.clone());
        let ident = &group.enum_ident;
        let variants = group.members.iter().filter_map(|&i| {
            let member = &plan.inputs[i];
            let variant = request::member_variant(member);
            let ty = member.variant_struct.as_ref().map_or_else(|| member.value_ty.clone(), ToTokens::to_token_stream);
            is_variant(&variant).then(|| quote!(#variant(#ty)))
        });
        out.extend(quote! {
            #[doc(hidden)]
            #[allow(dead_code)]
            #vis enum #ident { #(#variants,)* }
        });
    }
    // Enums whose declaration was rejected: their names still resolve.
    for ident in &plan.enum_idents {
        if !defined.contains(ident) {
            defined.push(ident.clone());
            out.extend(quote! {
                #[doc(hidden)]
                #[allow(dead_code)]
                #vis enum #ident {}
            });
        }
    }
    out
}

/// Stand-ins for everything a checked declaration would generate, built
/// from what the checks could still read: the request with the same `new`
/// and builder methods, the response, the enums with their variants, and a
/// `Model` impl. Each body is unreachable (the crate does not compile), but
/// code using them type-checks, so one mistake gives one error.
pub(crate) fn model_stubs_of(plan: &ModelPlan<'_>) -> TokenStream {
    let (decl, request, response) = (plan.container.ident, &plan.request_ident, &plan.response_ident);
    let mut out = stub_types(plan);
    let kind = match &plan.provider {
        ModelProvider::Builtin(variant) => quote!(__gateway_core::provider::kind::#variant),
        ModelProvider::Custom(path) => quote!(#path),
    };
    let mut impls = request::stub_impls(plan);
    impls.extend(quote! {
        impl __gateway_core::__private::serde::Serialize for #request {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: __gateway_core::__private::serde::Serializer,
            {
                ::core::unreachable!()
            }
        }
        impl __gateway_core::ModelRequest for #request {
            type Model = #decl;
            fn validate(&self) -> __gateway_core::Result<()> {
                ::core::unreachable!()
            }
        }
        impl __gateway_core::model::ModelResponse for #response {
            fn from_response(__response: &__gateway_core::GatewayResponse) -> __gateway_core::Result<Self> {
                ::core::unreachable!()
            }
        }
        impl __gateway_core::Model for #decl {
            const ID: &'static str = "";
            const MODEL_IN_BODY: bool = false;
            type Request = #request;
            type Response = #response;
            type Kind = #kind;
            fn provider() -> __gateway_core::ProviderSlug {
                ::core::unreachable!()
            }
            fn endpoint() -> &'static str {
                ::core::unreachable!()
            }
        }
    });
    out.extend(wrap_in_const(&plan.krate, &impls));
    out
}
