//! Generates `{Name}Request`: the struct, its enums, constructor, builder
//! methods, `Serialize` and `ModelRequest`.

use heck::ToUpperCamelCase;
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::internals::attr::{Bounds, DefaultValue};
use crate::internals::plan::{Group, Input, ModelPlan, Role};
use crate::internals::ty::Kind;

/// The user's doc comments on a field, or `fallback` when it has none (so
/// `missing_docs` never fires on generated public fields).
pub(crate) fn docs(attrs: &[syn::Attribute], fallback: &str) -> TokenStream {
    let own: Vec<&syn::Attribute> = attrs.iter().filter(|a| a.path().is_ident("doc")).collect();
    if own.is_empty() { quote!(#[doc = #fallback]) } else { quote!(#(#own)*) }
}

fn member_variant(input: &Input<'_>) -> syn::Ident {
    format_ident!("{}", input.field.ident.to_string().trim_start_matches("r#").to_upper_camel_case())
}

/// Public items (outside the `const _`).
pub(crate) fn items(plan: &ModelPlan<'_>) -> TokenStream {
    let vis = &plan.container.original.vis;
    let decl = plan.container.ident;
    let request = &plan.request_ident;
    let mut out = TokenStream::new();

    for input in &plan.inputs {
        if let Some(values) = &input.values {
            let ident = &values.ident;
            let variants = values.variants.iter().map(|(v, lit)| {
                let doc = format!("`{}`", lit.value());
                quote!(#[doc = #doc] #v)
            });
            let doc = format!("The allowed values of `{}` of [`{decl}`].", input.wire.name);
            out.extend(quote! {
                #[doc = #doc]
                #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
                #[allow(dead_code, reason = "a crate need not send every allowed value")]
                #vis enum #ident { #(#variants,)* }
            });
        }
    }

    for group in &plan.groups {
        let ident = &group.enum_ident;
        let variants = group.members.iter().map(|&i| {
            let input = &plan.inputs[i];
            let variant = member_variant(input);
            let ty = &input.value_ty;
            let docs = docs(&input.field.original.attrs, "");
            let wire = format!("Sends `{}`.", input.wire.name);
            quote!(#docs #[doc = #wire] #variant(#ty))
        });
        let names: Vec<String> = group.members.iter().map(|&i| format!("`{}`", plan.inputs[i].wire.name)).collect();
        let doc = format!("Exactly one of {} (exclusive group `{}` of [`{decl}`]).", names.join(", "), group.name);
        out.extend(quote! {
            #[doc = #doc]
            #[derive(::core::fmt::Debug, ::core::clone::Clone)]
            #vis enum #ident { #(#variants,)* }
        });
    }

    let mut fields = Vec::new();
    let mut emitted_groups = Vec::new();
    for input in &plan.inputs {
        let ident = input.field.ident;
        let ty = &input.value_ty;
        let docs = docs(&input.field.original.attrs, &format!("Input `{}`.", input.wire.name));
        match &input.role {
            Role::Member(g) => {
                if !emitted_groups.contains(g) {
                    emitted_groups.push(*g);
                    let group = &plan.groups[*g];
                    let (field, enum_ident) = (&group.field_ident, &group.enum_ident);
                    let doc = format!("The exclusive group `{}`.", group.name);
                    fields.push(quote!(#[doc = #doc] pub #field: #enum_ident));
                }
            }
            Role::Optional => fields.push(quote!(#docs pub #ident: ::core::option::Option<#ty>)),
            Role::Required | Role::Defaulted(_) => fields.push(quote!(#docs pub #ident: #ty)),
        }
    }
    let doc = format!(
        "Typed request of [`{decl}`] (`{}`): required fields go through `new`, optional ones through builder methods.",
        plan.id
    );
    out.extend(quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone)]
        #vis struct #request { #(#fields,)* }
    });
    out
}

fn default_expr(input: &Input<'_>, default: &DefaultValue) -> TokenStream {
    let ty = &input.value_ty;
    if let Some(values) = &input.values {
        if let DefaultValue::Lit(syn::Lit::Str(s)) = default {
            if let Some((variant, _)) = values.variants.iter().find(|(_, l)| l.value() == s.value()) {
                let ident = &values.ident;
                return quote!(#ident::#variant);
            }
        }
    }
    let span = default.to_token_stream().span();
    match (input.kind, default) {
        (Kind::Float, DefaultValue::Number(n)) if !n.is_float => {
            let mut lit = Literal::f64_unsuffixed(n.value);
            lit.set_span(span);
            quote_spanned!(span=> { let __value: #ty = #lit; __value })
        }
        (Kind::Str, _) => quote_spanned!(span=> ::core::convert::From::from(#default)),
        _ => quote_spanned!(span=> { let __value: #ty = #default; __value }),
    }
}

fn bound(b: Option<&crate::internals::attr::Number>, as_usize: bool) -> TokenStream {
    match b {
        Some(n) if as_usize => {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked non-negative integer bound"
            )]
            let v = Literal::usize_unsuffixed(n.value as usize);
            quote!(::core::option::Option::Some(#v))
        }
        Some(n) => {
            let v = Literal::f64_unsuffixed(n.value);
            quote!(::core::option::Option::Some(#v))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// Checks of one value bound to `__v`.
fn checks(input: &Input<'_>) -> TokenStream {
    let wire = &input.wire.name;
    let mut out = TokenStream::new();
    let ty = &input.value_ty;
    if let Some(Bounds { min, max }) = &input.range {
        let (min, max) = (bound(min.as_ref(), false), bound(max.as_ref(), false));
        out.extend(quote_spanned!(ty.span()=> __gateway_core::__private::check_range::<#ty>(__v, #wire, #min, #max)?;));
    }
    if let Some(Bounds { min, max }) = &input.length {
        let (min, max) = (bound(min.as_ref(), true), bound(max.as_ref(), true));
        out.extend(
            quote_spanned!(ty.span()=> __gateway_core::__private::check_length::<#ty>(__v, #wire, #min, #max)?;),
        );
    }
    out
}

/// The pieces of the request's impls, gathered field by field.
#[derive(Default)]
struct RequestParts {
    /// Parameters of `new`.
    params: Vec<TokenStream>,
    /// Field initializers in `new`.
    inits: Vec<TokenStream>,
    /// Builder methods.
    setters: Vec<TokenStream>,
    /// Statements of `Serialize::serialize`.
    serialize: Vec<TokenStream>,
    /// Statements of `ModelRequest::validate`.
    validate: Vec<TokenStream>,
}

/// `serialize_entry(&mut __map, wire, value)?`.
fn serialize_entry(wire: &str, value: &TokenStream) -> TokenStream {
    quote!(__gateway_core::__private::serde::ser::SerializeMap::serialize_entry(&mut __map, #wire, #value)?)
}

/// A builder method setting `ident` to `value` (an expression of `value`).
fn setter(input: &Input<'_>, doc: &str, value: &TokenStream) -> TokenStream {
    let ident = input.field.ident;
    let ty = &input.value_ty;
    let docs = docs(&input.field.original.attrs, "");
    quote! {
        #docs
        #[doc = #doc]
        #[must_use]
        #[inline]
        pub fn #ident(mut self, value: impl ::core::convert::Into<#ty>) -> Self {
            self.#ident = #value;
            self
        }
    }
}

impl RequestParts {
    /// A parameter of `new`.
    fn required(&mut self, input: &Input<'_>) {
        let ident = input.field.ident;
        let ty = &input.value_ty;
        self.params.push(quote!(#ident: impl ::core::convert::Into<#ty>));
        self.inits.push(quote!(#ident: ::core::convert::Into::into(#ident)));
        self.always_sent(input);
    }

    /// Starts at its default; a builder method changes it.
    fn defaulted(&mut self, input: &Input<'_>, default: &DefaultValue) {
        let ident = input.field.ident;
        let value = default_expr(input, default);
        self.inits.push(quote!(#ident: #value));
        let doc = format!(
            "Sets `{}` (default `{}`).",
            input.wire.name,
            default.to_token_stream().to_string().replace(' ', "")
        );
        self.setters.push(setter(input, &doc, &quote!(::core::convert::Into::into(value))));
        self.always_sent(input);
    }

    /// Serialized and checked whatever its value.
    fn always_sent(&mut self, input: &Input<'_>) {
        let ident = input.field.ident;
        let entry = serialize_entry(&input.wire.name, &quote!(&self.#ident));
        self.serialize.push(quote!(#entry;));
        let check = checks(input);
        if !check.is_empty() {
            self.validate.push(quote!({ let __v = &self.#ident; #check }));
        }
    }

    /// Starts unset; a builder method sets it; sent and checked only when set.
    fn optional(&mut self, input: &Input<'_>) {
        let ident = input.field.ident;
        self.inits.push(quote!(#ident: ::core::option::Option::None));
        let doc = format!("Sets `{}`.", input.wire.name);
        let value = quote!(::core::option::Option::Some(::core::convert::Into::into(value)));
        self.setters.push(setter(input, &doc, &value));
        let entry = serialize_entry(&input.wire.name, &quote!(__value));
        self.serialize.push(quote! {
            if let ::core::option::Option::Some(__value) = &self.#ident {
                #entry;
            }
        });
        let check = checks(input);
        if !check.is_empty() {
            self.validate.push(quote!(if let ::core::option::Option::Some(__v) = &self.#ident { #check }));
        }
    }

    /// The group's enum is a parameter of `new`; the set member is sent and checked.
    fn group(&mut self, plan: &ModelPlan<'_>, group: &Group) {
        let (field, enum_ident) = (&group.field_ident, &group.enum_ident);
        self.params.push(quote!(#field: #enum_ident));
        self.inits.push(quote!(#field));
        let arms = group.members.iter().map(|&i| {
            let member = &plan.inputs[i];
            let variant = member_variant(member);
            let entry = serialize_entry(&member.wire.name, &quote!(__value));
            quote!(#enum_ident::#variant(__value) => #entry,)
        });
        self.serialize.push(quote!(match &self.#field { #(#arms)* }));
        let checks = group.members.iter().map(|&i| {
            let member = &plan.inputs[i];
            let variant = member_variant(member);
            let check = checks(member);
            quote!(#enum_ident::#variant(__v) => { #check })
        });
        self.validate.push(quote!({
            #[allow(unused_variables)]
            match &self.#field { #(#checks)* }
        }));
    }
}

/// Impls (inside the `const _`).
pub(crate) fn impls(plan: &ModelPlan<'_>) -> TokenStream {
    let request = &plan.request_ident;
    let decl = plan.container.ident;
    let mut parts = RequestParts::default();
    let mut emitted_groups = Vec::new();

    if plan.model_in_body {
        let entry = serialize_entry("model", &quote!(<#decl as __gateway_core::Model>::ID));
        parts.serialize.push(quote!(#entry;));
    }
    for input in &plan.inputs {
        match &input.role {
            Role::Required => parts.required(input),
            Role::Defaulted(default) => parts.defaulted(input, default),
            Role::Optional => parts.optional(input),
            Role::Member(g) => {
                if !emitted_groups.contains(g) {
                    emitted_groups.push(*g);
                    parts.group(plan, &plan.groups[*g]);
                }
            }
        }
    }

    let RequestParts { params, inits, setters, serialize, validate } = parts;
    let new_doc = if params.is_empty() {
        "A request with every field at its default.".to_owned()
    } else {
        "A request from its required fields; set optional ones with the builder methods.".to_owned()
    };
    quote! {
        #[automatically_derived]
        impl #request {
            #[doc = #new_doc]
            #[inline]
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits,)* }
            }
            #(#setters)*
        }

        #[automatically_derived]
        impl __gateway_core::__private::serde::Serialize for #request {
            #[inline]
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: __gateway_core::__private::serde::Serializer,
            {
                let mut __map = __gateway_core::__private::serde::Serializer::serialize_map(__serializer, ::core::option::Option::None)?;
                #(#serialize)*
                __gateway_core::__private::serde::ser::SerializeMap::end(__map)
            }
        }

        #[automatically_derived]
        impl __gateway_core::ModelRequest for #request {
            type Model = #decl;
            #[inline]
            fn validate(&self) -> __gateway_core::Result<()> {
                #(#validate)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// `Serialize` and `as_str` of the value enums.
pub(crate) fn value_enum_impls(plan: &ModelPlan<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for input in &plan.inputs {
        let Some(values) = &input.values else { continue };
        let ident = &values.ident;
        let arms: Vec<TokenStream> = values.variants.iter().map(|(v, lit)| quote!(#ident::#v => #lit)).collect();
        out.extend(quote! {
            #[automatically_derived]
            impl #ident {
                /// The wire spelling.
                pub fn as_str(&self) -> &'static str {
                    match self { #(#arms,)* }
                }
            }
            #[automatically_derived]
            impl __gateway_core::__private::serde::Serialize for #ident {
                #[inline]
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: __gateway_core::__private::serde::Serializer,
                {
                    __gateway_core::__private::serde::Serializer::serialize_str(__serializer, self.as_str())
                }
            }
        });
    }
    out
}
