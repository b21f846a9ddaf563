//! Per-field rules of `#[derive(Model)]`: each field is an output or an
//! input, and an input may join an exclusive group. The rules on a value's
//! settings (`default`, `range`, `length`, `values`) are in `values`.

use heck::ToUpperCamelCase;
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident};
use syn::{Ident, LitStr};

use super::{is_keyword, values, wire_name};
use crate::internals::ast::Field;
use crate::internals::attr::{Attr, DefaultValue, FieldAttrs};
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{Group, Input, Output, Role, WireName};
use crate::internals::ty::{kind_of, option_inner};

/// What the field rules gather, for the cross-field rules and the plan.
pub(super) struct Fields<'a> {
    decl: &'a Ident,
    pub(super) inputs: Vec<Input<'a>>,
    pub(super) outputs: Vec<Output<'a>>,
    pub(super) groups: Vec<Group>,
    /// Where each member of each group wrote the group's name.
    pub(super) group_lits: Vec<Vec<LitStr>>,
    /// Where each `transparent` output was marked.
    pub(super) transparent: Vec<TokenStream>,
    /// False when a field attribute was rejected: which fields are outputs
    /// is then uncertain, and the rules counting them stay silent.
    pub(super) outputs_certain: bool,
    /// The same for group members.
    pub(super) groups_certain: bool,
    /// Every type the expansion defines, with where its name comes from.
    pub(super) type_names: Vec<(Ident, TokenStream)>,
}

impl<'a> Fields<'a> {
    pub(super) fn new(decl: &'a Ident) -> Self {
        Self {
            decl,
            inputs: Vec::new(),
            outputs: Vec::new(),
            groups: Vec::new(),
            group_lits: Vec::new(),
            transparent: Vec::new(),
            outputs_certain: true,
            groups_certain: true,
            type_names: vec![
                (format_ident!("{}Request", decl), decl.to_token_stream()),
                (format_ident!("{}Response", decl), decl.to_token_stream()),
            ],
        }
    }

    /// Checks one field and files it as an output or an input.
    pub(super) fn add(&mut self, cx: &Ctxt, field: &'a Field<'a>, attrs: FieldAttrs) {
        let output = attrs.output.is_set();
        self.outputs_certain &= attrs.complete && !attrs.output.is_broken() && !attrs.transparent.is_broken();
        self.groups_certain &= attrs.complete && !attrs.one_of.is_broken();
        if attrs.transparent.is_set() {
            if output {
                self.transparent.push(attrs.transparent.tokens.clone());
            } else {
                // `transparent` means "the whole answer": only outputs are answers.
                cx.error_spanned_by(
                    &attrs.transparent.tokens,
                    "`transparent` applies to an output field: `#[model(output, transparent)]`",
                );
            }
        }
        let wire = wire_of(cx, field, &attrs.rename);
        if output {
            self.add_output(cx, field, &attrs, wire);
        } else {
            self.add_input(cx, field, attrs, wire);
        }
    }

    /// Outputs are read, not sent: the input settings do not apply, and a
    /// missing output decodes as `Default::default()`, so `default` takes no value.
    fn add_output(&mut self, cx: &Ctxt, field: &'a Field<'a>, attrs: &FieldAttrs, wire: WireName) {
        for (name, set, tokens) in [
            ("range", attrs.range.is_set(), &attrs.range.tokens),
            ("length", attrs.length.is_set(), &attrs.length.tokens),
            ("one_of", attrs.one_of.is_set(), &attrs.one_of.tokens),
            ("values", attrs.values.is_set(), &attrs.values.tokens),
            ("each", attrs.each.is_set(), &attrs.each.tokens),
            ("with", attrs.with.is_set(), &attrs.with.tokens),
            ("nested", attrs.nested.is_set(), &attrs.nested.tokens),
        ] {
            if set {
                cx.error_spanned_by(
                    tokens,
                    format!("`{name}` applies to input fields; `{}` is an output", field.ident),
                );
            }
        }
        if let Some(Some(value)) = &attrs.default.value {
            cx.error_spanned_by(
                value,
                "on an output field `default` takes no value: a missing field decodes as `Default::default()`",
            );
        }
        self.outputs.push(Output { field, wire, default: attrs.default.is_set() });
    }

    /// Checks an input's settings and decides how the request sets it.
    fn add_input(&mut self, cx: &Ctxt, field: &'a Field<'a>, attrs: FieldAttrs, wire: WireName) {
        let FieldAttrs { default, range, length, one_of, values, each, with, nested, .. } = attrs;
        if let (Some(_), Some(_)) = (&one_of.value, &with.value) {
            cx.error_spanned_by(
                &with.tokens,
                "a field is either a member of an exclusive group (`one_of`) or sent with one (`with`), not both",
            );
        }
        let inner = option_inner(field.ty);
        let value_decl_ty = inner.unwrap_or(field.ty);
        let kind = kind_of(value_decl_ty);

        no_optional_field_named_new(cx, field, inner.is_some() || default.is_set(), one_of.is_set());
        let mut role = if inner.is_some() { Role::Optional } else { Role::Required };
        if let Some(value) = values::input_default(cx, &default, inner.is_some(), values.is_set(), kind, value_decl_ty)
        {
            role = Role::Defaulted(value);
        }
        values::range_on_number(cx, field, &range, kind, &role);
        values::length_on_string_or_list(cx, field, &length, kind);
        values::no_length_with_values(cx, &length, values.is_set(), kind);
        let (each_range, each_length) =
            each.value.map_or((None, None), |e| values::each_on_list(cx, field, e, value_decl_ty));
        let values_enum = values.value.as_ref().and_then(|list| {
            let ident = format_ident!(
                "{}{}",
                self.decl,
                field.ident.to_string().trim_start_matches("r#").to_upper_camel_case()
            );
            self.type_names.push((ident.clone(), values.tokens.clone()));
            values::values_enum(cx, field, ident, list, &values.tokens, kind, &role)
        });
        if let Some(lit) = &one_of.value {
            role = self.join_group(cx, field, lit, inner.is_some(), &default);
        }

        let value_ty = match &values_enum {
            Some(e) => e.ident.to_token_stream(),
            None => value_decl_ty.to_token_stream(),
        };
        self.inputs.push(Input {
            field,
            wire,
            role,
            value_ty,
            kind,
            range: range.value,
            length: length.value,
            values: values_enum,
            each_range,
            each_length,
            with: with.value.filter(|_| one_of.value.is_none()),
            attached_to: None,
            variant_struct: None,
            nested: nested.is_set(),
        });
    }

    /// Adds the input about to be pushed to the group `lit` names. A group
    /// name is a `snake_case` identifier (it names the request field); each
    /// member names a variant, so its name is not a keyword either; members
    /// are plain values (the group says which one is set) without `default`.
    fn join_group(
        &mut self,
        cx: &Ctxt,
        field: &Field<'_>,
        lit: &LitStr,
        optional: bool,
        default: &Attr<Option<DefaultValue>>,
    ) -> Role {
        let index = self.inputs.len();
        let name = lit.value();
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !is_keyword(&name);
        // Reported at the group's first member only.
        if !valid && self.groups.iter().all(|g| g.name != name) {
            cx.error_spanned_by(
                lit,
                format!("malformed group name {name:?}: expected a snake_case identifier that is not a keyword, such as \"input\""),
            );
        }
        let variant = field.ident.to_string().trim_start_matches("r#").to_upper_camel_case();
        if is_keyword(&variant) {
            cx.error_spanned_by(
                field.ident,
                format!("`{}` would name the group variant `{variant}`, a keyword: rename the field (and keep its wire name with `rename`)", field.ident),
            );
        }
        if optional {
            cx.error_spanned_by(
                field.ty,
                "members of an exclusive group are not `Option`: the group itself says which one is set",
            );
        }
        if default.is_set() {
            cx.error_spanned_by(&default.tokens, "members of an exclusive group cannot have a `default`");
        }
        match self.groups.iter().position(|g| g.name == name) {
            Some(g) => {
                self.groups[g].members.push(index);
                self.group_lits[g].push(lit.clone());
            }
            None => {
                let snake = if valid { name.clone() } else { "group".to_owned() };
                let enum_ident = format_ident!("{}{}", self.decl, snake.to_upper_camel_case());
                if valid {
                    self.type_names.push((enum_ident.clone(), lit.to_token_stream()));
                }
                self.groups.push(Group {
                    field_ident: Ident::new(&snake, lit.span()),
                    enum_ident,
                    name: name.clone(),
                    members: vec![index],
                });
                self.group_lits.push(vec![lit.clone()]);
            }
        }
        Role::Member(self.groups.iter().position(|g| g.name == name).unwrap_or(0))
    }
}

/// The field's wire name; a `rename` is never empty.
pub(super) fn wire_of(cx: &Ctxt, field: &Field<'_>, rename: &Attr<LitStr>) -> WireName {
    if let Some(lit) = &rename.value {
        if lit.value().is_empty() {
            cx.error_spanned_by(lit, "`rename` needs a non-empty name");
        }
    }
    WireName {
        name: wire_name(field, rename.value.as_ref()),
        at: rename.value.as_ref().map_or_else(|| field.ident.to_token_stream(), ToTokens::to_token_stream),
        known: !rename.is_broken(),
    }
}

/// An optional input gets a builder method named after it, which for `new`
/// would clash with the constructor.
fn no_optional_field_named_new(cx: &Ctxt, field: &Field<'_>, optional: bool, in_group: bool) {
    if field.ident == "new" && optional && !in_group {
        cx.error_spanned_by(
            field.ident,
            "an optional field named `new` would clash with the constructor `new`: rename the field and keep its wire name with `rename = \"new\"`",
        );
    }
}
