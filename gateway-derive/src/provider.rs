//! `#[derive(Provider)]`: a custom provider in a few lines.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::dummy;
use crate::internals::ast::Container;
use crate::internals::attr::{AuthSpec, ProviderAttrs};
use crate::internals::check;
use crate::internals::ctxt::Ctxt;

pub(crate) fn derive_provider(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let Some(container) = Container::from_ast(&cx, input, "Provider") else {
        return cx.check().err().map(syn::Error::into_compile_error).unwrap_or_default();
    };
    let decl = container.parse(
        &cx,
        |cx, attrs| ProviderAttrs::parse(cx, attrs, false),
        |cx, attrs| ProviderAttrs::parse(cx, attrs, true),
    );
    let plan = check::provider(&cx, decl);
    if let Err(errors) = cx.check() {
        return errors.into_compile_error();
    }
    let ident = container.ident;
    let slug = &plan.slug;
    let base_url = &plan.base_url;
    let auth = match &plan.auth {
        AuthSpec::Bearer => quote!(__gateway_core::AuthScheme::Bearer),
        AuthSpec::None => quote!(__gateway_core::AuthScheme::None),
        AuthSpec::Header(name) => quote!(__gateway_core::AuthScheme::Header(::std::string::String::from(#name))),
    };
    let credential = match plan.credential {
        Some((field, true)) => {
            let f = field.ident;
            quote!(::core::option::Option::as_ref(&self.#f))
        }
        Some((field, false)) => {
            let f = field.ident;
            quote!(::core::option::Option::Some(&self.#f))
        }
        None => quote!(::core::option::Option::None),
    };
    let headers = plan
        .headers
        .iter()
        .map(|(name, value)| quote!((::std::string::String::from(#name), ::std::string::String::from(#value))));
    let impls = quote! {
        #[automatically_derived]
        impl __gateway_core::Provider for #ident {
            fn slug(&self) -> __gateway_core::ProviderSlug {
                __gateway_core::ProviderSlug::from(#slug)
            }
            fn base_url(&self) -> &str {
                #base_url
            }
            fn auth_scheme(&self) -> __gateway_core::AuthScheme {
                #auth
            }
            fn credential(&self) -> ::core::option::Option<&__gateway_core::secrecy::SecretString> {
                #credential
            }
            fn fixed_headers(&self) -> ::std::vec::Vec<(::std::string::String, ::std::string::String)> {
                ::std::vec![#(#headers),*]
            }
        }
        // The bound restates the supertrait so that a missing `Debug` is
        // reported once, on the `Provider` impl above: a `for<'_>` bound is
        // not checked eagerly the way a plain one is.
        #[automatically_derived]
        impl __gateway_core::model::ProviderKind for #ident where for<'__gw> #ident: __gateway_core::Provider {
            const SLUG: &'static str = #slug;
        }
    };
    dummy::wrap_in_const(&plan.krate, &impls)
}
