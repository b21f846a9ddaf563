//! Rules of `#[derive(Metadata)]`: at most five entries, scalar values,
//! distinct non-empty keys.

use quote::ToTokens;

use super::wire_name;
use crate::internals::ast::{Decl, Field};
use crate::internals::attr::MetadataAttrs;
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{CratePath, MetadataPlan};
use crate::internals::ty::{Kind, kind_of, option_inner, type_name};

/// Most entries a log's metadata keeps (gateway-core's `MAX_METADATA_ENTRIES`).
pub(crate) const MAX_METADATA_FIELDS: usize = 5;

/// Checks a `#[derive(Metadata)]` struct.
pub(crate) fn metadata<'a>(cx: &Ctxt, decl: Decl<'a, MetadataAttrs, MetadataAttrs>) -> MetadataPlan<'a> {
    let krate = CratePath::new(decl.attrs.crate_path.value);
    let mut fields: Vec<(&Field<'_>, String, bool)> = Vec::new();
    for (i, field_decl) in decl.fields.into_iter().enumerate() {
        cx.report(field_decl.parse_errors);
        let field = field_decl.field;
        let rename = field_decl.attrs.rename;
        let wire = wire_name(field, rename.value.as_ref());
        let wire_at = rename.value.as_ref().map_or_else(|| field.ident.to_token_stream(), ToTokens::to_token_stream);
        non_empty_key(cx, rename.value.as_ref(), &wire_at);
        at_most_five_entries(cx, field, i);
        scalar_value(cx, field);
        if !rename.is_broken() {
            distinct_key(cx, &fields, &wire, &wire_at);
        }
        fields.push((field, wire, option_inner(field.ty).is_some()));
    }
    MetadataPlan { krate, fields }
}

/// A key is never empty.
fn non_empty_key(cx: &Ctxt, rename: Option<&syn::LitStr>, wire_at: &proc_macro2::TokenStream) {
    if rename.is_some_and(|lit| lit.value().is_empty()) {
        cx.error_spanned_by(wire_at, "`rename` needs a non-empty key");
    }
}

/// Cloudflare keeps five metadata entries and drops the rest silently: the
/// sixth field is an error rather than a lost value.
fn at_most_five_entries(cx: &Ctxt, field: &Field<'_>, index: usize) {
    if index >= MAX_METADATA_FIELDS {
        cx.error_spanned_by(
            field.ident,
            format!(
                "log metadata holds at most {MAX_METADATA_FIELDS} entries (Cloudflare drops the rest); `{}` is entry {}",
                field.ident,
                index + 1
            ),
        );
    }
}

/// Metadata values are strings, numbers or booleans (or an `Option` of one);
/// `MetadataValue` has no `u128`.
fn scalar_value(cx: &Ctxt, field: &Field<'_>) {
    let value_ty = option_inner(field.ty).unwrap_or(field.ty);
    let kind = kind_of(value_ty);
    if type_name(value_ty).as_deref() == Some("u128") {
        cx.error_spanned_by(
            field.ty,
            "metadata numbers go up to `i128`; `u128` is not supported: expected `u64` or `i128`",
        );
    } else if !matches!(kind, Kind::Int | Kind::Float | Kind::Str | Kind::Bool) {
        cx.error_spanned_by(
            field.ty,
            format!(
                "metadata values must be strings, numbers or booleans (or an `Option` of one); `{}` is {}",
                field.ty.to_token_stream().to_string().replace(' ', ""),
                if kind == Kind::Other { "not one of them" } else { kind.describe() }
            ),
        );
    }
}

/// Two fields setting one key would overwrite each other.
fn distinct_key(cx: &Ctxt, earlier: &[(&Field<'_>, String, bool)], wire: &str, wire_at: &proc_macro2::TokenStream) {
    if let Some((first, _, _)) = earlier.iter().find(|(_, w, _)| w == wire) {
        cx.error_spanned_by(
            wire_at,
            format!(
                "duplicate metadata key `{wire}`: field `{}` already sets it; expected a distinct key (`rename = \"...\"`)",
                first.ident
            ),
        );
    }
}
