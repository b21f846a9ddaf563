//! `#[derive(Object)]`: a nested object of a request or response. Its own
//! struct gets `Serialize` (an unset `Option` is left out), `Deserialize`
//! (through a private mirror struct, so the user needs no serde) and
//! `Validate` (its limits, named by path).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

use crate::dummy;
use crate::internals::ast::Container;
use crate::internals::attr::{FieldAttrs, ModelAttrs};
use crate::internals::check;
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{ObjectPlan, Role, StringEnumPlan, UnionPlan};
use crate::request::checks_named;

pub(crate) fn derive_object(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    if let syn::Data::Enum(data) = &input.data {
        if check::is_union(data) {
            let plan = check::union(&cx, input, data);
            return match cx.check() {
                Ok(()) => dummy::wrap_in_const(&plan.krate, &union_impls(&plan)),
                Err(errors) => {
                    let mut out = errors.into_compile_error();
                    out.extend(dummy::wrap_in_const(&plan.krate, &stub_impls(plan.ident)));
                    out
                }
            };
        }
        let plan = check::string_enum(&cx, input, data);
        return match cx.check() {
            Ok(()) => dummy::wrap_in_const(&plan.krate, &string_enum_impls(&plan)),
            Err(errors) => {
                let mut out = errors.into_compile_error();
                out.extend(dummy::wrap_in_const(&plan.krate, &stub_impls(plan.ident)));
                out
            }
        };
    }
    let Some(container) = Container::from_ast(&cx, input, "Object") else {
        return cx.check().err().map(syn::Error::into_compile_error).unwrap_or_default();
    };
    let plan = check::object(&cx, container.parse(&cx, ModelAttrs::parse, FieldAttrs::parse));
    match cx.check() {
        Ok(()) => dummy::wrap_in_const(&plan.krate, &impls(&plan)),
        Err(errors) => {
            let mut out = errors.into_compile_error();
            out.extend(dummy::wrap_in_const(&plan.krate, &stub_impls(plan.container.ident)));
            out
        }
    }
}

/// `Serialize for ident` whose `serialize` body is `body` (with `__serializer` in scope).
pub(crate) fn serialize_impl(ident: &syn::Ident, body: &TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl __gateway_core::__private::serde::Serialize for #ident {
            #[inline]
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: __gateway_core::__private::serde::Serializer,
            {
                #body
            }
        }
    }
}

/// `Serialize for ident` as a map: `entries` add its entries to `__map`.
pub(crate) fn serialize_map_impl(ident: &syn::Ident, entries: &TokenStream) -> TokenStream {
    serialize_impl(
        ident,
        &quote! {
            let mut __map = __gateway_core::__private::serde::Serializer::serialize_map(__serializer, ::core::option::Option::None)?;
            #entries
            __gateway_core::__private::serde::ser::SerializeMap::end(__map)
        },
    )
}

/// `Deserialize for ident` through the private `mirror` type: `finish`
/// builds the value from `__mirror`.
fn deserialize_via(ident: &syn::Ident, mirror: &syn::Ident, finish: &TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl<'__de> __gateway_core::__private::serde::Deserialize<'__de> for #ident {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: __gateway_core::__private::serde::Deserializer<'__de>,
            {
                let __mirror = <#mirror as __gateway_core::__private::serde::Deserialize>::deserialize(__deserializer)?;
                ::core::result::Result::Ok(#finish)
            }
        }
    }
}

fn impls(plan: &ObjectPlan<'_>) -> TokenStream {
    let ident = plan.container.ident;
    let serde_path = plan.krate.serde_path();
    let mut serialize = Vec::new();
    let mut mirror_fields = Vec::new();
    let mut moves = Vec::new();
    let mut validate = Vec::new();
    for input in &plan.fields {
        let (field, ty, wire) = (input.field.ident, input.field.ty, &input.wire.name);
        let entry =
            quote!(__gateway_core::__private::serde::ser::SerializeMap::serialize_entry(&mut __map, #wire, __value)?;);
        let optional = matches!(input.role, Role::Optional);
        if optional {
            serialize.push(quote!(if let ::core::option::Option::Some(__value) = &self.#field { #entry }));
            mirror_fields.push(quote!(#[serde(rename = #wire, default)] #field: #ty));
        } else {
            serialize.push(quote!({ let __value = &self.#field; #entry }));
            mirror_fields.push(quote!(#[serde(rename = #wire)] #field: #ty));
        }
        moves.push(quote!(#field: __mirror.#field));
        let check = checks_named(input, &quote!(&__name));
        if !check.is_empty() {
            let check = quote! {
                let __name = __gateway_core::__private::join_path(__path, #wire);
                #check
            };
            validate.push(if optional {
                quote!(if let ::core::option::Option::Some(__v) = &self.#field { #check })
            } else {
                quote!({ let __v = &self.#field; #check })
            });
        }
    }
    let mirror = format_ident!("__{}Mirror", ident);
    let krate = &plan.krate.path;
    let serialize_impl = serialize_map_impl(ident, &quote!(#(#serialize)*));
    let deserialize_impl = deserialize_via(ident, &mirror, &quote!(Self { #(#moves,)* }));
    quote! {
        #serialize_impl

        #[derive(#krate::__private::serde::Deserialize)]
        #[serde(crate = #serde_path)]
        struct #mirror { #(#mirror_fields,)* }

        #deserialize_impl

        #[automatically_derived]
        impl __gateway_core::model::Validate for #ident {
            fn validate_at(&self, __path: &str) -> __gateway_core::Result<()> {
                #(#validate)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// The same impls with unreachable bodies, beside the errors of a broken
/// declaration, so code using the object adds no error of its own.
fn stub_impls(ident: &syn::Ident) -> TokenStream {
    quote! {
        impl __gateway_core::__private::serde::Serialize for #ident {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: __gateway_core::__private::serde::Serializer,
            {
                ::core::unreachable!()
            }
        }
        impl<'__de> __gateway_core::__private::serde::Deserialize<'__de> for #ident {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: __gateway_core::__private::serde::Deserializer<'__de>,
            {
                ::core::unreachable!()
            }
        }
        impl __gateway_core::model::Validate for #ident {
            fn validate_at(&self, __path: &str) -> __gateway_core::Result<()> {
                ::core::unreachable!()
            }
        }
    }
}

/// A string enum: `as_str`, `Serialize` and `Deserialize` as its wire
/// spelling (an unknown value is the `other` variant, or an error naming
/// the known ones), `Display`, and a `Validate` that always passes.
fn string_enum_impls(plan: &StringEnumPlan<'_>) -> TokenStream {
    let ident = plan.ident;
    let arms = plan.variants.iter().map(|(v, wire)| quote!(#ident::#v => #wire));
    let from_arms = plan.variants.iter().map(|(v, wire)| quote!(#wire => ::core::result::Result::Ok(#ident::#v)));
    let known: Vec<&String> = plan.variants.iter().map(|(_, wire)| wire).collect();
    let unknown = match plan.other {
        Some(other) => quote!(_ => ::core::result::Result::Ok(#ident::#other)),
        None => quote!(__other => ::core::result::Result::Err(
            <__D::Error as __gateway_core::__private::serde::de::Error>::unknown_variant(__other, &[#(#known),*])
        )),
    };
    quote! {
        #[automatically_derived]
        impl #ident {
            /// The wire spelling.
            pub fn as_str(&self) -> &'static str {
                match self { #(#arms,)* }
            }
        }
        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Formatter::write_str(__f, self.as_str())
            }
        }
        #[automatically_derived]
        impl __gateway_core::__private::serde::Serialize for #ident {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: __gateway_core::__private::serde::Serializer,
            {
                __gateway_core::__private::serde::Serializer::serialize_str(__serializer, self.as_str())
            }
        }
        #[automatically_derived]
        impl<'__de> __gateway_core::__private::serde::Deserialize<'__de> for #ident {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: __gateway_core::__private::serde::Deserializer<'__de>,
            {
                let __value: __gateway_core::__private::String =
                    __gateway_core::__private::serde::Deserialize::deserialize(__deserializer)?;
                match __value.as_str() {
                    #(#from_arms,)*
                    #unknown,
                }
            }
        }
        #[automatically_derived]
        impl __gateway_core::model::Validate for #ident {
            fn validate_at(&self, __path: &str) -> __gateway_core::Result<()> {
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// One of several shapes: `Serialize` as the value itself, `Deserialize`
/// as the first variant whose type fits (through a private untagged
/// mirror), `Validate` of the `nested` variants' values.
fn union_impls(plan: &UnionPlan<'_>) -> TokenStream {
    let ident = plan.ident;
    let mirror = format_ident!("__{}Mirror", ident);
    let serde_path = plan.krate.serde_path();
    let krate = &plan.krate.path;
    let names: Vec<String> = plan.variants.iter().map(|(_, ty, _)| quote!(#ty).to_string().replace(' ', "")).collect();
    let expecting = format!("one of: {}", names.join(", "));
    let serialize = plan.variants.iter().map(|(v, _, _)| {
        quote!(#ident::#v(__value) => __gateway_core::__private::serde::Serialize::serialize(__value, __serializer))
    });
    let mirror_variants = plan.variants.iter().map(|(v, ty, _)| quote!(#v(#ty)));
    let moves = plan.variants.iter().map(|(v, _, _)| quote!(#mirror::#v(__value) => #ident::#v(__value)));
    let validate = plan.variants.iter().map(|(v, ty, nested)| {
        if *nested {
            quote!(#ident::#v(__v) => <#ty as __gateway_core::model::Validate>::validate_at(__v, __path))
        } else {
            quote!(#ident::#v(_) => ::core::result::Result::Ok(()))
        }
    });
    let serialize_impl = serialize_impl(ident, &quote!(match self { #(#serialize,)* }));
    let deserialize_impl = deserialize_via(ident, &mirror, &quote!(match __mirror { #(#moves,)* }));
    quote! {
        #serialize_impl

        #[derive(#krate::__private::serde::Deserialize)]
        #[serde(crate = #serde_path, untagged, expecting = #expecting)]
        enum #mirror { #(#mirror_variants,)* }

        #deserialize_impl

        #[automatically_derived]
        impl __gateway_core::model::Validate for #ident {
            fn validate_at(&self, __path: &str) -> __gateway_core::Result<()> {
                match self { #(#validate,)* }
            }
        }
    }
}
