//! `#[derive(Model)]`: parse → check → bail out on errors (with stubs) →
//! generate the `Model` impl, leaving the request and response to
//! `request` and `response`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned;

use crate::dummy;
use crate::internals::ast::Container;
use crate::internals::attr::{FieldAttrs, ModelAttrs};
use crate::internals::check;
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{ModelPlan, ModelProvider, StreamChunk};
use crate::internals::providers::BUILTIN_PROVIDERS;
use crate::{request, response};

pub(crate) fn derive_model(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let Some(container) = Container::from_ast(&cx, input, "Model") else {
        return errors_with_stubs(cx, input);
    };
    let plan = check::model(&cx, container.parse(&cx, ModelAttrs::parse, FieldAttrs::parse));
    match cx.check() {
        Ok(()) => generate(&plan),
        Err(errors) => {
            let mut out = errors.into_compile_error();
            out.extend(dummy::model_stubs_of(&plan));
            out
        }
    }
}

fn errors_with_stubs(cx: Ctxt, input: &DeriveInput) -> TokenStream {
    let mut out = cx.check().err().map(syn::Error::into_compile_error).unwrap_or_default();
    out.extend(dummy::model_stubs(input, &[]));
    out
}

fn generate(plan: &ModelPlan<'_>) -> TokenStream {
    let decl = plan.container.ident;
    let request = &plan.request_ident;
    let response = &plan.response_ident;
    let id = &plan.id;
    let endpoint = &plan.endpoint;
    let model_in_body = plan.model_in_body;
    let provider = match &plan.provider {
        ModelProvider::Builtin(variant) => quote!(__gateway_core::ProviderSlug::#variant),
        ModelProvider::Custom(path) => {
            quote_spanned!(path.span()=> __gateway_core::ProviderSlug::from(<#path as __gateway_core::model::ProviderKind>::SLUG))
        }
    };
    let kind = match &plan.provider {
        ModelProvider::Builtin(variant) => quote!(__gateway_core::provider::kind::#variant),
        ModelProvider::Custom(path) => quote_spanned!(path.span()=> #path),
    };
    let touched = plan.container.fields.iter().map(|f| {
        let ident = f.ident;
        quote!(&self.#ident)
    });
    let streaming = plan.stream.as_ref().map(|chunk| {
        let chunk = match chunk {
            StreamChunk::Type(ty) => quote_spanned!(ty.span()=> #ty),
            StreamChunk::Response => quote!(#response),
        };
        // The protocol follows the provider and endpoint, as gateway-core maps them.
        let slug = match &plan.provider {
            ModelProvider::Builtin(variant) => {
                let slug = BUILTIN_PROVIDERS.iter().find(|(_, v)| variant == v).map_or("", |(s, _)| *s);
                quote!(#slug)
            }
            ModelProvider::Custom(path) => {
                quote_spanned!(path.span()=> <#path as __gateway_core::model::ProviderKind>::SLUG)
            }
        };
        let protocol = quote!(of_declaration(#slug, #endpoint));
        quote! {
            #[automatically_derived]
            impl __gateway_core::StreamingModel for #decl {
                type Chunk = #chunk;
                const PROTOCOL: __gateway_core::StreamProtocol = __gateway_core::StreamProtocol::#protocol;
            }
        }
    });
    let request_impls = request::impls(plan);
    let value_enum_impls = request::value_enum_impls(plan);
    let response_impls = response::impls(plan);
    let impls = quote! {
        #[automatically_derived]
        impl __gateway_core::Model for #decl {
            const ID: &'static str = #id;
            const MODEL_IN_BODY: bool = #model_in_body;
            type Request = #request;
            type Response = #response;
            type Kind = #kind;
            fn provider() -> __gateway_core::ProviderSlug {
                #provider
            }
            fn endpoint() -> &'static str {
                #endpoint
            }
            fn __declaration(&self) {
                // The declaration's fields are read here so they never warn as unused.
                let _ = (#(#touched,)*);
            }
        }
        #streaming
        #request_impls
        #value_enum_impls
        #response_impls
    };
    let mut out = request::items(plan);
    out.extend(response::items(plan));
    out.extend(dummy::wrap_in_const(&plan.krate, &impls));
    out
}
