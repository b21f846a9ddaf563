//! Generates `{Name}Response`: lenient decoding of the output fields.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::plan::ModelPlan;
use crate::request::docs;

/// Public items (outside the `const _`).
pub(crate) fn items(plan: &ModelPlan<'_>) -> TokenStream {
    let vis = &plan.container.original.vis;
    let decl = plan.container.ident;
    let response = &plan.response_ident;
    let krate = &plan.krate.path;
    if plan.binary {
        let doc = format!("Response of [`{decl}`]: the raw bytes of the answer.");
        return quote! {
            #[doc = #doc]
            #vis type #response = #krate::model::BinaryOutput;
        };
    }
    let serde_path = plan.krate.serde_path();
    let transparent = plan.transparent;
    let fields = plan.outputs.iter().map(|output| {
        let ident = output.field.ident;
        let ty = output.field.ty;
        let wire = &output.wire.name;
        let docs = docs(&output.field.original.attrs, &format!("Output `{}`.", output.wire.name));
        let default = output.default.then(|| quote!(#[serde(default)]));
        let rename = (!transparent).then(|| quote!(#[serde(rename = #wire)]));
        quote! {
            #docs
            #rename
            #default
            pub #ident: #ty
        }
    });
    let container_serde = if transparent {
        quote!(#[serde(crate = #serde_path, transparent)])
    } else {
        quote!(#[serde(crate = #serde_path)])
    };
    let doc = format!(
        "Typed response of [`{decl}`]. Unknown fields are ignored; the Workers AI `result` envelope is unwrapped."
    );
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, #krate::__private::serde::Deserialize)]
        #container_serde
        #vis struct #response { #(#fields,)* }
    }
}

/// `ModelResponse` (inside the `const _`).
pub(crate) fn impls(plan: &ModelPlan<'_>) -> TokenStream {
    if plan.binary {
        return TokenStream::new();
    }
    let response = &plan.response_ident;
    quote! {
        #[automatically_derived]
        impl __gateway_core::model::ModelResponse for #response {
            #[inline]
            fn from_response(__response: &__gateway_core::GatewayResponse) -> __gateway_core::Result<Self> {
                __response.output()
            }
        }
    }
}
