//! `#[derive(Metadata)]`: a struct of at most five scalar fields becomes log metadata.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::dummy;
use crate::internals::ast::Container;
use crate::internals::attr::MetadataAttrs;
use crate::internals::check;
use crate::internals::ctxt::Ctxt;

pub(crate) fn derive_metadata(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let Some(container) = Container::from_ast(&cx, input, "Metadata") else {
        return cx.check().err().map(syn::Error::into_compile_error).unwrap_or_default();
    };
    let decl = container.parse(
        &cx,
        |cx, attrs| MetadataAttrs::parse(cx, attrs, false),
        |cx, attrs| MetadataAttrs::parse(cx, attrs, true),
    );
    let plan = check::metadata(&cx, decl);
    if let Err(errors) = cx.check() {
        return errors.into_compile_error();
    }
    let ident = container.ident;
    let inserts = plan.fields.iter().map(|(field, wire, _)| {
        let f = field.ident;
        quote!(__gateway_core::Metadata::insert(&mut __metadata, #wire, ::core::clone::Clone::clone(&self.#f));)
    });
    let impls = quote! {
        #[automatically_derived]
        impl __gateway_core::model::ToMetadata for #ident {
            fn to_metadata(&self) -> __gateway_core::Metadata {
                let mut __metadata = __gateway_core::Metadata::new();
                #(#inserts)*
                __metadata
            }
        }
        #[automatically_derived]
        impl ::core::convert::From<#ident> for __gateway_core::Metadata {
            fn from(__value: #ident) -> Self {
                __gateway_core::model::ToMetadata::to_metadata(&__value)
            }
        }
        #[automatically_derived]
        impl ::core::convert::From<&#ident> for __gateway_core::Metadata {
            fn from(__value: &#ident) -> Self {
                __gateway_core::model::ToMetadata::to_metadata(__value)
            }
        }
    };
    dummy::wrap_in_const(&plan.krate, &impls)
}
