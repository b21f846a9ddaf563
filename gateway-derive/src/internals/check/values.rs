//! Rules on an input's value settings: `default` fits the field's type,
//! `range` and `length` are well-formed bounds on the right kind of field,
//! and `values` lists distinct strings that can name enum variants.

use heck::ToUpperCamelCase;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Ident, LitStr, Type};

use super::is_keyword;
use crate::internals::ast::Field;
use crate::internals::attr::{Attr, Bounds, DefaultValue, Each, Number};
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{Role, ValuesEnum};
use crate::internals::ty::{Kind, kind_of, list_item, type_name};

/// An input's `default` has a value, on the plain type (not an `Option`:
/// the default is what is sent when the field is not set), that fits the
/// field. Returns the default when it is usable.
pub(super) fn input_default(
    cx: &Ctxt,
    default: &Attr<Option<DefaultValue>>,
    optional: bool,
    has_values: bool,
    kind: Kind,
    ty: &Type,
) -> Option<DefaultValue> {
    match default.value.as_ref()? {
        None => {
            cx.error_spanned_by(
                &default.tokens,
                "`default` on an input field needs a value: expected `default = <literal>`, such as `default = 0.6`",
            );
            None
        }
        Some(value) if optional => {
            cx.error_spanned_by(
                value,
                format!(
                    "`default` on an `Option` field: expected the plain type `{}`; the default is sent when the field is not set",
                    ty.to_token_stream().to_string().replace(' ', "")
                ),
            );
            None
        }
        // With `values`, the default is checked against them instead (see `values_enum`).
        Some(value) => (has_values || default_fits(cx, value, kind, ty)).then(|| value.clone()),
    }
}

/// A default is a literal of the field's kind (an integer also fits a
/// float), within the limits of a fixed-size integer type.
fn default_fits(cx: &Ctxt, default: &DefaultValue, kind: Kind, ty: &Type) -> bool {
    let found = match default {
        DefaultValue::Number(n) if n.is_float => Kind::Float,
        DefaultValue::Number(_) => Kind::Int,
        DefaultValue::Lit(syn::Lit::Str(_)) => Kind::Str,
        DefaultValue::Lit(syn::Lit::Bool(_)) => Kind::Bool,
        DefaultValue::Lit(_) => Kind::Other,
    };
    let fits = match kind {
        Kind::Float => matches!(found, Kind::Float | Kind::Int),
        Kind::Int | Kind::Str | Kind::Bool => found == kind,
        Kind::List | Kind::Other => {
            cx.error_spanned_by(
                default,
                format!(
                    "`default` is supported on number, string and boolean fields; `{}` is not one",
                    ty.to_token_stream()
                ),
            );
            return false;
        }
    };
    if !fits {
        cx.error_spanned_by(
            default,
            format!(
                "default of the wrong type: `{}` needs {}, found {}",
                ty.to_token_stream().to_string().replace(' ', ""),
                kind.describe(),
                found.describe()
            ),
        );
        return false;
    }
    if let (DefaultValue::Number(n), Some((name, min, max))) = (default, int_limits(ty)) {
        if n.value < min || n.value > max {
            cx.error_spanned_by(
                default,
                format!("default {} does not fit in `{name}`: expected a value from {min} to {max}", text_of(n)),
            );
            return false;
        }
    }
    true
}

/// The name and limits of a fixed-size integer type.
#[allow(clippy::cast_precision_loss, reason = "limits of 64-bit types only need to be close")]
fn int_limits(ty: &Type) -> Option<(String, f64, f64)> {
    let name = type_name(ty)?;
    let (min, max) = match name.as_str() {
        "u8" => (0.0, f64::from(u8::MAX)),
        "u16" => (0.0, f64::from(u16::MAX)),
        "u32" => (0.0, f64::from(u32::MAX)),
        "u64" | "usize" => (0.0, u64::MAX as f64),
        "i8" => (f64::from(i8::MIN), f64::from(i8::MAX)),
        "i16" => (f64::from(i16::MIN), f64::from(i16::MAX)),
        "i32" => (f64::from(i32::MIN), f64::from(i32::MAX)),
        "i64" | "isize" => (i64::MIN as f64, i64::MAX as f64),
        _ => return None,
    };
    Some((name, min, max))
}

/// `range` bounds a number: integer bounds on an integer field, min <= max,
/// and a default within them.
pub(super) fn range_on_number(cx: &Ctxt, field: &Field<'_>, range: &Attr<Bounds>, kind: Kind, role: &Role) {
    let Some(bounds) = &range.value else { return };
    if !matches!(kind, Kind::Int | Kind::Float) {
        cx.error_spanned_by(
            &range.tokens,
            format!(
                "`range` needs a numeric field (an integer or float type); `{}` is {}",
                field.ident,
                kind.describe()
            ),
        );
        return;
    }
    bounds_well_formed(cx, bounds, &range.tokens, kind == Kind::Int, false);
    let Role::Defaulted(d) = role else { return };
    let Some(v) = default_number(d) else { return };
    let below = bounds.min.as_ref().is_some_and(|m| v < m.value);
    let above = bounds.max.as_ref().is_some_and(|m| v > m.value);
    if below || above {
        cx.error_spanned_by(
            d,
            format!(
                "default {} is outside `range = {}`: expected a default within the range",
                d.to_token_stream().to_string().replace(' ', ""),
                show_bounds(bounds)
            ),
        );
    }
}

/// `length` bounds a string or list by a count: non-negative integers, min <= max.
pub(super) fn length_on_string_or_list(cx: &Ctxt, field: &Field<'_>, length: &Attr<Bounds>, kind: Kind) {
    let Some(bounds) = &length.value else { return };
    if matches!(kind, Kind::Str | Kind::List) {
        bounds_well_formed(cx, bounds, &length.tokens, true, true);
    } else {
        cx.error_spanned_by(
            &length.tokens,
            format!("`length` needs a string or list field; `{}` is {}", field.ident, kind.describe()),
        );
    }
}

/// `each(...)` limits the items of a list (`Vec<T>`, `OneOrMany<T>`, ...):
/// `range` on numeric items, `length` on string or list items. Returns the
/// limits that apply.
pub(super) fn each_on_list(cx: &Ctxt, field: &Field<'_>, each: Each, ty: &Type) -> (Option<Bounds>, Option<Bounds>) {
    let Some(item) = list_item(ty) else {
        let at = if each.range.is_set() { &each.range.tokens } else { &each.length.tokens };
        cx.error_spanned_by(
            at,
            format!(
                "`each` limits the items of a list; `{}` is {}: expected a `Vec<T>` or `OneOrMany<T>` field",
                field.ident,
                kind_of(ty).describe()
            ),
        );
        return (None, None);
    };
    let kind = kind_of(item);
    let mut range = None;
    if let Some(bounds) = each.range.value {
        if matches!(kind, Kind::Int | Kind::Float) {
            bounds_well_formed(cx, &bounds, &each.range.tokens, kind == Kind::Int, false);
            range = Some(bounds);
        } else {
            cx.error_spanned_by(
                &each.range.tokens,
                format!("`each(range)` needs numeric items; the items of `{}` are {}", field.ident, kind.describe()),
            );
        }
    }
    let mut length = None;
    if let Some(bounds) = each.length.value {
        if matches!(kind, Kind::Str | Kind::List) {
            bounds_well_formed(cx, &bounds, &each.length.tokens, true, true);
            length = Some(bounds);
        } else {
            cx.error_spanned_by(
                &each.length.tokens,
                format!(
                    "`each(length)` needs string or list items; the items of `{}` are {}",
                    field.ident,
                    kind.describe()
                ),
            );
        }
    }
    (range, length)
}

/// A `values` string field takes one of fixed values: a `length` says nothing more.
pub(super) fn no_length_with_values(cx: &Ctxt, length: &Attr<Bounds>, has_values: bool, kind: Kind) {
    if has_values && length.is_set() && kind == Kind::Str {
        cx.error_spanned_by(
            &length.tokens,
            "`length` does not apply to a `values` field: its values are fixed; expected `values` alone",
        );
    }
}

/// Bounds are integers where a count or integer field needs them, not
/// negative for a count, and not an empty range.
fn bounds_well_formed(cx: &Ctxt, bounds: &Bounds, tokens: &TokenStream, integer_only: bool, non_negative: bool) {
    for n in [&bounds.min, &bounds.max].into_iter().flatten() {
        if integer_only && n.is_float {
            let message = if non_negative {
                "a length is a count: expected an integer bound"
            } else {
                "the field is an integer: expected integer bounds"
            };
            cx.error_spanned_by(&n.tokens, message);
        }
        if non_negative && n.value < 0.0 {
            cx.error_spanned_by(&n.tokens, "a length cannot be negative: expected a bound of 0 or more");
        }
    }
    if let (Some(min), Some(max)) = (&bounds.min, &bounds.max) {
        if min.value > max.value {
            cx.error_spanned_by(
                tokens,
                format!(
                    "empty range: the minimum {} is above the maximum {}; expected `min..=max` with min <= max",
                    text_of(min),
                    text_of(max)
                ),
            );
        }
    }
}

/// `values` applies to a `String` field and becomes the enum `ident`: the
/// list is not empty, each value is listed once and names its own variant,
/// and a default is one of the values.
pub(super) fn values_enum(
    cx: &Ctxt,
    field: &Field<'_>,
    ident: Ident,
    list: &[LitStr],
    tokens: &TokenStream,
    kind: Kind,
    role: &Role,
) -> Option<ValuesEnum> {
    if kind != Kind::Str {
        cx.error_spanned_by(
            tokens,
            format!("`values` needs a `String` field; `{}` is {}", field.ident, kind.describe()),
        );
        return None;
    }
    if list.is_empty() {
        cx.error_spanned_by(tokens, "`values` is empty: expected `values(\"a\", \"b\", ...)`");
    }
    let variants = distinct_variants(cx, list);
    if let Role::Defaulted(d) = role {
        let found = match d {
            DefaultValue::Lit(syn::Lit::Str(s)) => variants.iter().any(|(_, l)| l.value() == s.value()),
            _ => false,
        };
        if !found {
            let listed: Vec<String> = list.iter().map(|l| format!("{:?}", l.value())).collect();
            cx.error_spanned_by(d, format!("the default must be one of the field's `values`: {}", listed.join(", ")));
        }
    }
    Some(ValuesEnum { ident, variants })
}

/// Each value once, each naming a variant no other value names.
fn distinct_variants(cx: &Ctxt, list: &[LitStr]) -> Vec<(Ident, LitStr)> {
    let mut variants: Vec<(Ident, LitStr)> = Vec::new();
    for lit in list {
        match variant_ident(lit) {
            _ if variants.iter().any(|(_, l)| l.value() == lit.value()) => {
                cx.error_spanned_by(lit, format!("duplicate value `{}`: expected each value once", lit.value()));
            }
            Some(ident) if variants.iter().any(|(i, _)| *i == ident) => {
                let other = variants.iter().find(|(i, _)| *i == ident).map(|(_, l)| l.value());
                cx.error_spanned_by(
                    lit,
                    format!(
                        "value `{}` gives variant `{ident}`, as does `{}`; expected values that differ in more than case and punctuation",
                        lit.value(),
                        other.unwrap_or_default()
                    ),
                );
            }
            Some(ident) => variants.push((ident, lit.clone())),
            None => cx.error_spanned_by(
                lit,
                format!(
                    "value `{}` cannot name an enum variant: expected a value starting with a letter, whose name is not a keyword",
                    lit.value()
                ),
            ),
        }
    }
    variants
}

fn variant_ident(value: &LitStr) -> Option<Ident> {
    let camel = value.value().to_upper_camel_case();
    let valid = camel.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && camel.chars().all(|c| c.is_ascii_alphanumeric())
        && !is_keyword(&camel);
    valid.then(|| Ident::new(&camel, value.span()))
}

fn default_number(default: &DefaultValue) -> Option<f64> {
    match default {
        DefaultValue::Number(n) => Some(n.value),
        DefaultValue::Lit(_) => None,
    }
}

/// `0..=5`, `1..`, `..=-2.5`, as written.
fn show_bounds(bounds: &Bounds) -> String {
    let min = bounds.min.as_ref().map(text_of).unwrap_or_default();
    let max = bounds.max.as_ref().map(|m| format!("={}", text_of(m))).unwrap_or_default();
    format!("{min}..{max}")
}

/// A number as written.
fn text_of(n: &Number) -> String {
    n.tokens.to_string().replace(' ', "")
}
