//! Generates `{Name}Request`: the struct, its enums, constructor, builder
//! methods, `Serialize` and `ModelRequest`.

use heck::ToUpperCamelCase;
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::Ident;
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

/// The group variant of a member.
pub(crate) fn member_variant(input: &Input<'_>) -> Ident {
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
            let ty = input.variant_struct.as_ref().map_or_else(|| input.value_ty.clone(), ToTokens::to_token_stream);
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

    for (i, member) in plan.inputs.iter().enumerate() {
        let (Some(ident), Role::Member(g)) = (&member.variant_struct, &member.role) else { continue };
        let group_name = plan.groups.get(*g).map_or("", |group| group.name.as_str());
        let mut fields = vec![field_decl(member)];
        fields.extend(plan.inputs.iter().filter(|a| a.attached_to == Some(i)).map(field_decl));
        let doc = format!(
            "The `{}` variant of the exclusive group `{group_name}` of [`{decl}`], with the fields sent only with it: required ones through `new`, optional ones through builder methods.",
            member.wire.name
        );
        out.extend(quote! {
            #[doc = #doc]
            #[derive(::core::fmt::Debug, ::core::clone::Clone)]
            #vis struct #ident { #(#fields,)* }
        });
    }

    let mut fields = Vec::new();
    let mut emitted_groups = Vec::new();
    for input in plan.inputs.iter().filter(|i| i.attached_to.is_none()) {
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
            _ => fields.push(field_decl(input)),
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

/// The declaration of a field that is not a group member (or of a member
/// inside its variant's struct).
fn field_decl(input: &Input<'_>) -> TokenStream {
    let ident = input.field.ident;
    let ty = &input.value_ty;
    let docs = docs(&input.field.original.attrs, &format!("Input `{}`.", input.wire.name));
    match &input.role {
        Role::Optional => quote!(#docs pub #ident: ::core::option::Option<#ty>),
        Role::Defaulted(default) => {
            let doc = format!(
                "Not sent when `None`: the model then uses its default `{}`.",
                default.to_token_stream().to_string().replace(' ', "")
            );
            quote!(#docs #[doc = ""] #[doc = #doc] pub #ident: ::core::option::Option<#ty>)
        }
        Role::Required | Role::Member(_) => quote!(#docs pub #ident: #ty),
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

/// Checks of one value bound to `__v`, named by its wire name.
fn checks(input: &Input<'_>) -> TokenStream {
    let wire = &input.wire.name;
    checks_named(input, &quote!(#wire))
}

/// Checks of one value bound to `__v`; `name` (a `&str` expression) names
/// it in errors.
pub(crate) fn checks_named(input: &Input<'_>, name: &TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let ty = &input.value_ty;
    let private = quote!(__gateway_core::__private);
    let limits = [
        (&input.range, false, quote!(check_range)),
        (&input.length, true, quote!(check_length)),
        (&input.each_range, false, quote!(check_each_range)),
        (&input.each_length, true, quote!(check_each_length)),
    ];
    for (bounds, count, check) in limits {
        if let Some(Bounds { min, max }) = bounds {
            let (min, max) = (bound(min.as_ref(), count), bound(max.as_ref(), count));
            out.extend(quote_spanned!(ty.span()=> #private::#check::<#ty>(__v, #name, #min, #max)?;));
        }
    }
    if input.nested {
        out.extend(quote_spanned!(ty.span()=> <#ty as __gateway_core::model::Validate>::validate_at(__v, #name)?;));
    }
    out
}

/// The trait a value enum or group enum `ident` is taken through, so a
/// wrong value names the variants to write (`#[diagnostic::on_unimplemented]`).
fn into_trait(ident: &Ident) -> Ident {
    format_ident!("Into{}", ident)
}

/// The trait a group member is guarded by: a builder method named after the
/// member fails with a message saying to choose it in `new`.
fn member_guard(group: &Group, member: &Input<'_>) -> Ident {
    format_ident!("{}{}ChosenInNew", group.enum_ident, member_variant(member))
}

/// The type `new` or a builder method takes for `input`: integers and
/// booleans as themselves (so `.max_tokens(64)` infers `u32`), a value enum
/// through its `Into{Enum}` trait, anything else through `Into` (so a float
/// also takes an integer literal, `.temperature(1)`).
fn param_type(input: &Input<'_>) -> TokenStream {
    let ty = &input.value_ty;
    if let Some(values) = &input.values {
        let into = into_trait(&values.ident);
        return quote!(impl #into);
    }
    match input.kind {
        Kind::Int | Kind::Bool => ty.clone(),
        Kind::Float | Kind::Str | Kind::List | Kind::Other => quote!(impl ::core::convert::Into<#ty>),
    }
}

/// `expr` (of [`param_type`]) as the field's value.
fn converted(input: &Input<'_>, expr: &TokenStream) -> TokenStream {
    if let Some(values) = &input.values {
        let into = into_trait(&values.ident);
        return quote!(#into::into_value(#expr));
    }
    match input.kind {
        Kind::Int | Kind::Bool => expr.clone(),
        Kind::Float | Kind::Str | Kind::List | Kind::Other => quote!(::core::convert::Into::into(#expr)),
    }
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
    /// What the statements read fields of: `self`, or `__value` for a group variant's struct.
    receiver: Option<TokenStream>,
}

/// `serialize_entry(&mut __map, wire, value)?`.
fn serialize_entry(wire: &str, value: &TokenStream) -> TokenStream {
    quote!(__gateway_core::__private::serde::ser::SerializeMap::serialize_entry(&mut __map, #wire, #value)?)
}

/// A builder method setting the optional field of `input`; a stub's only
/// takes its value.
fn setter(input: &Input<'_>, doc: &str, stub: bool) -> TokenStream {
    let ident = input.field.ident;
    let param = param_type(input);
    let docs = docs(&input.field.original.attrs, "");
    let (receiver, body) = if stub {
        (quote!(self), quote!(let _ = value; self))
    } else {
        let value = converted(input, &quote!(value));
        (quote!(mut self), quote!(self.#ident = ::core::option::Option::Some(#value); self))
    };
    quote! {
        #docs
        #[doc = #doc]
        #[must_use]
        #[inline]
        pub fn #ident(#receiver, value: #param) -> Self {
            #body
        }
    }
}

impl RequestParts {
    fn receiver(&self) -> TokenStream {
        self.receiver.clone().unwrap_or_else(|| quote!(self))
    }

    /// A parameter of `new`.
    fn required(&mut self, input: &Input<'_>) {
        let recv = self.receiver();
        let ident = input.field.ident;
        let param = param_type(input);
        self.params.push(quote!(#ident: #param));
        let value = converted(input, &quote!(#ident));
        self.inits.push(quote!(#ident: #value));
        let entry = serialize_entry(&input.wire.name, &quote!(&#recv.#ident));
        self.serialize.push(quote!(#entry;));
        let check = checks(input);
        if !check.is_empty() {
            self.validate.push(quote!({ let __v = &#recv.#ident; #check }));
        }
    }

    /// Starts unset; a builder method sets it; sent and checked only when
    /// set. A `default` is the model's own, so it is documented, not sent.
    fn optional(&mut self, input: &Input<'_>, default: Option<&DefaultValue>, stub: bool) {
        let recv = self.receiver();
        let ident = input.field.ident;
        self.inits.push(quote!(#ident: ::core::option::Option::None));
        let doc = match default {
            Some(default) => format!(
                "Sets `{}`; when it is not set, it is not sent and the model uses its default `{}`.",
                input.wire.name,
                default.to_token_stream().to_string().replace(' ', "")
            ),
            None => format!("Sets `{}`; when it is not set, it is not sent.", input.wire.name),
        };
        // A field named `new` is reported (it would clash with `new`); its stub has no method.
        if input.field.ident != "new" {
            self.setters.push(setter(input, &doc, stub));
        }
        let entry = serialize_entry(&input.wire.name, &quote!(__value));
        self.serialize.push(quote! {
            if let ::core::option::Option::Some(__value) = &#recv.#ident {
                #entry;
            }
        });
        let check = checks(input);
        if !check.is_empty() {
            self.validate.push(quote!(if let ::core::option::Option::Some(__v) = &#recv.#ident { #check }));
        }
    }

    /// The group's enum is a parameter of `new`; the set member is sent and
    /// checked. A builder method named after a member says to choose it in `new`.
    fn group(&mut self, plan: &ModelPlan<'_>, group: &Group, stub: bool) {
        let (field, enum_ident) = (&group.field_ident, &group.enum_ident);
        let into = into_trait(enum_ident);
        self.params.push(quote!(#field: impl #into));
        self.inits.push(quote!(#field: #into::into_value(#field)));
        for &i in &group.members {
            let member = plan.inputs[i].field.ident;
            if member == "new" {
                continue;
            }
            let guard = member_guard(group, &plan.inputs[i]);
            let doc = format!("`{member}` is chosen in `new`, as a member of the exclusive group `{}`.", group.name);
            self.setters.push(quote! {
                #[doc = #doc]
                #[doc(hidden)]
                #[must_use]
                pub fn #member<__V: #guard>(self, value: __V) -> Self {
                    let _ = value;
                    self
                }
            });
        }
        let mut arms = Vec::new();
        let mut check_arms = Vec::new();
        for &i in &group.members {
            let member = &plan.inputs[i];
            let variant = member_variant(member);
            if member.variant_struct.is_some() {
                let parts = Self::variant(plan, i, stub);
                let (serialize, validate) = (&parts.serialize, &parts.validate);
                arms.push(quote!(#enum_ident::#variant(__value) => { #(#serialize)* }));
                check_arms.push(quote!(#enum_ident::#variant(__value) => { #(#validate)* }));
            } else {
                let entry = serialize_entry(&member.wire.name, &quote!(__value));
                arms.push(quote!(#enum_ident::#variant(__value) => #entry,));
                let check = checks(member);
                check_arms.push(quote!(#enum_ident::#variant(__v) => { #check }));
            }
        }
        let recv = self.receiver();
        self.serialize.push(quote!(match &#recv.#field { #(#arms)* }));
        let checks = check_arms;
        self.validate.push(quote!({
            #[allow(unused_variables)]
            match &#recv.#field { #(#checks)* }
        }));
    }

    /// The struct of the group member `plan.inputs[member]` and the fields
    /// sent with it (`with`): the member is a parameter of its `new`.
    fn variant(plan: &ModelPlan<'_>, member: usize, stub: bool) -> Self {
        let mut parts = Self { receiver: Some(quote!(__value)), ..Self::default() };
        parts.required(&plan.inputs[member]);
        for input in plan.inputs.iter().filter(|i| i.attached_to == Some(member)) {
            parts.role(input, stub);
        }
        parts
    }

    /// A field that is not a group member, by its role.
    fn role(&mut self, input: &Input<'_>, stub: bool) {
        match &input.role {
            Role::Required | Role::Member(_) => self.required(input),
            Role::Defaulted(default) => self.optional(input, Some(default), stub),
            Role::Optional => self.optional(input, None, stub),
        }
    }

    /// Every field's share, in declaration order (each group once, at its first member).
    fn of(plan: &ModelPlan<'_>, stub: bool) -> Self {
        let mut parts = Self::default();
        let mut emitted_groups = Vec::new();
        for input in plan.inputs.iter().filter(|i| i.attached_to.is_none()) {
            match &input.role {
                Role::Member(g) => {
                    if !emitted_groups.contains(g) {
                        emitted_groups.push(*g);
                        if let Some(group) = plan.groups.get(*g) {
                            parts.group(plan, group, stub);
                        }
                    }
                }
                _ => parts.role(input, stub),
            }
        }
        parts
    }
}

/// A trait `into` that only `ident` implements, whose unmet bound says
/// `message`, `label` and `note` (what to write instead).
fn value_trait(ident: &Ident, into: &Ident, message: &str, label: &str, note: &str) -> TokenStream {
    let doc = format!("A value of `{ident}`.");
    quote! {
        #[doc = #doc]
        #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
        pub trait #into {
            /// The value.
            fn into_value(self) -> #ident;
        }
        #[automatically_derived]
        impl #into for #ident {
            #[inline]
            fn into_value(self) -> #ident {
                self
            }
        }
    }
}

/// The traits values are taken through (see [`into_trait`]) and the group
/// member guards (see [`member_guard`]), with their messages.
fn value_traits(plan: &ModelPlan<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for input in &plan.inputs {
        let Some(values) = &input.values else { continue };
        let ident = &values.ident;
        let into = into_trait(ident);
        let listed: Vec<String> =
            values.variants.iter().map(|(v, lit)| format!("`{ident}::{v}` ({:?})", lit.value())).collect();
        let message = format!("`{}` takes a variant of `{ident}`, not `{{Self}}`", input.field.ident);
        let label = format!("expected `{ident}`");
        let note = format!("write one of {}", listed.join(", "));
        out.extend(value_trait(ident, &into, &message, &label, &note));
    }
    for group in &plan.groups {
        let ident = &group.enum_ident;
        let into = into_trait(ident);
        // How to write each member: its struct's `new` when it has one.
        let written = |member: &Input<'_>| match &member.variant_struct {
            Some(own) => format!("`{own}::new(..)`"),
            None => format!("`{ident}::{}(..)`", member_variant(member)),
        };
        let variants: Vec<String> = group.members.iter().map(|&i| written(&plan.inputs[i])).collect();
        let members: Vec<String> = group.members.iter().map(|&i| format!("`{}`", plan.inputs[i].field.ident)).collect();
        let message =
            format!("`new` takes the exclusive group `{}` as a variant of `{ident}`, not `{{Self}}`", group.name);
        let label = format!("expected `{ident}`");
        let note = format!("write one of {}", variants.join(", "));
        out.extend(value_trait(ident, &into, &message, &label, &note));
        let request = &plan.request_ident;
        for &i in &group.members {
            let member = &plan.inputs[i];
            let field = member.field.ident;
            let guard = member_guard(group, member);
            let message = format!(
                "`{field}` is a member of the exclusive group `{}`: it is chosen in `new`, not with a builder method",
                group.name
            );
            let label = format!("`{field}` goes in `new`");
            let note = format!(
                "write `{request}::new({})`: a request holds exactly one of {}",
                written(member).trim_matches('`'),
                members.join(", ")
            );
            out.extend(quote! {
                /// Not implemented: a group member is chosen in `new`.
                #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
                pub trait #guard {}
            });
        }
    }
    out
}

/// The structs of group variants with fields of their own (`with`): `new`
/// (the member and the required attached fields), builder methods for the
/// optional ones, and their conversion into the group enum. On the request,
/// a builder method named after an attached field says where it is set.
fn variant_impls(plan: &ModelPlan<'_>, stub: bool) -> TokenStream {
    let mut out = TokenStream::new();
    for (i, member) in plan.inputs.iter().enumerate() {
        let (Some(ident), Role::Member(g)) = (&member.variant_struct, &member.role) else { continue };
        let Some(group) = plan.groups.get(*g) else { continue };
        let (enum_ident, variant) = (&group.enum_ident, member_variant(member));
        let into = into_trait(enum_ident);
        let parts = RequestParts::variant(plan, i, stub);
        out.extend(constructor(ident, &parts, stub));
        out.extend(quote! {
            #[automatically_derived]
            impl #into for #ident {
                #[inline]
                fn into_value(self) -> #enum_ident {
                    #enum_ident::#variant(self)
                }
            }
        });
        let request = &plan.request_ident;
        for input in plan.inputs.iter().filter(|a| a.attached_to == Some(i) && a.field.ident != "new") {
            let field = input.field.ident;
            let guard = format_ident!("{}{}SetThere", ident, member_variant(input));
            let message = format!("`{field}` is sent only with `{}`: it is set on `{ident}`", member.field.ident);
            let label = format!("`{field}` is set on `{ident}`");
            let note = format!("write `{request}::new({ident}::new(..).{field}(..))`");
            let doc = format!("`{field}` is set on [`{ident}`].");
            out.extend(quote! {
                /// Not implemented: a field sent with one group member is set on that member's struct.
                #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
                pub trait #guard {}
            });
            // On the request and on the structs of the group's other members.
            let siblings =
                group.members.iter().filter(|&&m| m != i).filter_map(|&m| plan.inputs[m].variant_struct.as_ref());
            for owner in std::iter::once(request).chain(siblings) {
                out.extend(quote! {
                    #[automatically_derived]
                    impl #owner {
                        #[doc = #doc]
                        #[doc(hidden)]
                        #[must_use]
                        pub fn #field<__V: #guard>(self, value: __V) -> Self {
                            let _ = value;
                            self
                        }
                    }
                });
            }
        }
    }
    out
}

/// `new` and the builder methods; a stub's take the same arguments and do nothing.
fn constructor(request: &Ident, parts: &RequestParts, stub: bool) -> TokenStream {
    let RequestParts { params, inits, setters, .. } = parts;
    let new_doc = if params.is_empty() {
        "With no field set.".to_owned()
    } else {
        "From the required fields; set optional ones with the builder methods.".to_owned()
    };
    let body = if stub { quote!(::core::unreachable!()) } else { quote!(Self { #(#inits,)* }) };
    let allow = stub.then(|| quote!(#[allow(unused_variables)]));
    quote! {
        #[automatically_derived]
        impl #request {
            #[doc = #new_doc]
            #[inline]
            #allow
            pub fn new(#(#params),*) -> Self {
                #body
            }
            #(#setters)*
        }
    }
}

/// Impls (inside the `const _`).
pub(crate) fn impls(plan: &ModelPlan<'_>) -> TokenStream {
    let request = &plan.request_ident;
    let decl = plan.container.ident;
    let mut parts = RequestParts::of(plan, false);
    if plan.model_in_body {
        let entry = serialize_entry("model", &quote!(<#decl as __gateway_core::Model>::ID));
        parts.serialize.insert(0, quote!(#entry;));
    }
    let constructor = constructor(request, &parts, false);
    let mut traits = value_traits(plan);
    traits.extend(variant_impls(plan, false));
    let RequestParts { serialize, validate, .. } = parts;
    let serialize_impl = crate::object::serialize_map_impl(request, &quote!(#(#serialize)*));
    quote! {
        #traits
        #constructor

        #serialize_impl

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

/// Stand-in impls of a declaration with errors (inside the `const _`): the
/// same `new`, builder methods and value traits, so code using them adds no
/// error of its own.
pub(crate) fn stub_impls(plan: &ModelPlan<'_>) -> TokenStream {
    let parts = RequestParts::of(plan, true);
    let mut out = value_traits(plan);
    out.extend(variant_impls(plan, true));
    out.extend(constructor(&plan.request_ident, &parts, true));
    out
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
