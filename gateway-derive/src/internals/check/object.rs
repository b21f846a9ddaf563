//! Rules of `#[derive(Object)]`: a nested object takes the value settings
//! of a model input (`rename`, `range`, `length`, `each`, `nested`) and
//! nothing that shapes a request (groups, `with`, `values`, defaults, outputs).

use super::fields::wire_of;
use super::model::distinct_input_wire_names;
use super::values;
use crate::internals::ast::Decl;
use crate::internals::attr::{Attr, FieldAttrs, ModelAttrs, VariantAttrs};
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{CratePath, Input, ObjectPlan, Role, StringEnumPlan, UnionPlan};
use crate::internals::ty::{kind_of, option_inner};

const OBJECT_FIELD_KEYS: &str = "`rename`, `range`, `length`, `each` or `nested`";

/// Checks a `#[derive(Object)]` struct.
pub(crate) fn object<'a>(cx: &Ctxt, decl: Decl<'a, ModelAttrs, FieldAttrs>) -> ObjectPlan<'a> {
    let Decl { container, attrs, fields: field_decls } = decl;
    container_takes_only_crate(cx, &attrs);
    let mut fields = Vec::new();
    for field_decl in field_decls {
        cx.report(field_decl.parse_errors);
        let (field, attrs) = (field_decl.field, field_decl.attrs);
        only_value_settings(cx, &attrs);
        let wire = wire_of(cx, field, &attrs.rename);
        let inner = option_inner(field.ty);
        let value_ty = inner.unwrap_or(field.ty);
        let kind = kind_of(value_ty);
        let role = if inner.is_some() { Role::Optional } else { Role::Required };
        values::range_on_number(cx, field, &attrs.range, kind, &role);
        values::length_on_string_or_list(cx, field, &attrs.length, kind);
        let (each_range, each_length) =
            attrs.each.value.map_or((None, None), |e| values::each_on_list(cx, field, e, value_ty));
        fields.push(Input {
            field,
            wire,
            role,
            value_ty: quote::ToTokens::to_token_stream(value_ty),
            kind,
            range: attrs.range.value,
            length: attrs.length.value,
            values: None,
            each_range,
            each_length,
            with: None,
            attached_to: None,
            variant_struct: None,
            nested: attrs.nested.is_set(),
        });
    }
    distinct_input_wire_names(cx, &fields, false);
    ObjectPlan { container, krate: CratePath::new(attrs.crate_path.value), fields }
}

/// An object is not a model: of the container settings only `crate` applies.
fn container_takes_only_crate(cx: &Ctxt, attrs: &ModelAttrs) {
    let written = [
        ("id", attrs.id.written, &attrs.id.tokens),
        ("provider", attrs.provider.written, &attrs.provider.tokens),
        ("endpoint", attrs.endpoint.written, &attrs.endpoint.tokens),
        ("binary", attrs.binary.written, &attrs.binary.tokens),
        ("stream", attrs.stream.written, &attrs.stream.tokens),
    ];
    for (name, set, tokens) in written {
        if set {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{name}` applies to `#[derive(Model)]`; a nested object takes only `#[model(crate = \"...\")]`"
                ),
            );
        }
    }
}

/// The settings that shape a request have no meaning inside a nested object.
fn only_value_settings(cx: &Ctxt, attrs: &FieldAttrs) {
    let check = |name: &str, set: bool, tokens: &proc_macro2::TokenStream| {
        if set {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{name}` applies to `#[derive(Model)]` fields; a field of an object takes {OBJECT_FIELD_KEYS}"
                ),
            );
        }
    };
    let flag = |attr: &Attr<()>| (attr.written, attr.tokens.clone());
    check("default", attrs.default.written, &attrs.default.tokens);
    check("one_of", attrs.one_of.written, &attrs.one_of.tokens);
    check("with", attrs.with.written, &attrs.with.tokens);
    check("values", attrs.values.written, &attrs.values.tokens);
    let (set, tokens) = flag(&attrs.output);
    check("output", set, &tokens);
    let (set, tokens) = flag(&attrs.transparent);
    check("transparent", set, &tokens);
}

/// Checks a `#[derive(Object)]` enum: a string enum of unit variants, each
/// with its own wire spelling (`rename`, or the variant's name in
/// `snake_case`), at most one of them `other` (unknown values decode as it).
pub(crate) fn string_enum<'a>(cx: &Ctxt, input: &'a syn::DeriveInput, data: &'a syn::DataEnum) -> StringEnumPlan<'a> {
    let attrs = ModelAttrs::parse(cx, &input.attrs);
    container_takes_only_crate(cx, &attrs);
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(&input.generics, "#[derive(Object)] does not support generic enums");
    }
    if data.variants.is_empty() {
        cx.error_spanned_by(&input.ident, "a string enum needs at least one variant");
    }
    let mut variants: Vec<(&syn::Ident, String)> = Vec::new();
    let mut other: Option<&syn::Ident> = None;
    for variant in &data.variants {
        let settings = VariantAttrs::parse(cx, &variant.attrs);
        if !matches!(variant.fields, syn::Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                "an `Object` enum has unit variants only (a string enum) or one-value variants only (one of several shapes), not a mix",
            );
        }
        if settings.nested.is_set() {
            cx.error_spanned_by(
                &settings.nested.tokens,
                "`nested` applies to one-value variants; a string enum variant has no value",
            );
        }
        if settings.other.is_set() {
            if let Some(first) = other {
                cx.error_spanned_by(
                    &settings.other.tokens,
                    format!("`other` is already variant `{first}`: expected one variant for unknown values"),
                );
            }
            other = Some(&variant.ident);
        }
        let wire = settings.rename.value.as_ref().map_or_else(
            || heck::ToSnakeCase::to_snake_case(variant.ident.to_string().trim_start_matches("r#")),
            syn::LitStr::value,
        );
        if let Some((first, _)) = variants.iter().find(|(_, w)| *w == wire) {
            let at = settings
                .rename
                .value
                .as_ref()
                .map_or_else(|| quote::ToTokens::to_token_stream(&variant.ident), quote::ToTokens::to_token_stream);
            cx.error_spanned_by(at, format!("duplicate wire name `{wire}`: variant `{first}` already has it"));
        }
        variants.push((&variant.ident, wire));
    }
    StringEnumPlan { ident: &input.ident, krate: CratePath::new(attrs.crate_path.value), variants, other }
}

/// Checks a `#[derive(Object)]` enum of one-value variants (`Text(String)`,
/// `Parts(Vec<Part>)`): sent as the value itself, decoded as the first
/// variant whose type fits. `nested` on a variant checks its value's limits.
pub(crate) fn union<'a>(cx: &Ctxt, input: &'a syn::DeriveInput, data: &'a syn::DataEnum) -> UnionPlan<'a> {
    let attrs = ModelAttrs::parse(cx, &input.attrs);
    container_takes_only_crate(cx, &attrs);
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(&input.generics, "#[derive(Object)] does not support generic enums");
    }
    let mut variants = Vec::new();
    for variant in &data.variants {
        let settings = VariantAttrs::parse(cx, &variant.attrs);
        for (name, set, tokens) in [
            ("rename", settings.rename.written, &settings.rename.tokens),
            ("other", settings.other.written, &settings.other.tokens),
        ] {
            if set {
                cx.error_spanned_by(
                    tokens,
                    format!("`{name}` applies to string enum variants; a one-value variant is sent as its value"),
                );
            }
        }
        if let syn::Fields::Unnamed(fields) = &variant.fields {
            if let Some(field) = fields.unnamed.first() {
                variants.push((&variant.ident, &field.ty, settings.nested.is_set()));
            }
        }
    }
    UnionPlan { ident: &input.ident, krate: CratePath::new(attrs.crate_path.value), variants }
}

/// Whether an enum is one of several shapes: every variant holds one value.
pub(crate) fn is_union(data: &syn::DataEnum) -> bool {
    !data.variants.is_empty()
        && data.variants.iter().all(|v| matches!(&v.fields, syn::Fields::Unnamed(f) if f.unnamed.len() == 1))
}
