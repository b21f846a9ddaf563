//! Rules of `#[derive(Provider)]`: a well-formed slug and base URL, valid
//! header names and values, at most one `SecretString` credential field.

use syn::{LitStr, Type};

use crate::internals::ast::{Decl, Field, FieldDecl};
use crate::internals::attr::{Attr, AuthSpec, ProviderAttrs};
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{CratePath, ProviderPlan};
use crate::internals::ty::option_inner;

/// Checks a `#[derive(Provider)]` struct.
pub(crate) fn provider<'a>(cx: &Ctxt, decl: Decl<'a, ProviderAttrs, ProviderAttrs>) -> ProviderPlan<'a> {
    let Decl { container, attrs, fields } = decl;
    let auth = attrs.auth.value.unwrap_or(AuthSpec::Bearer);
    let krate = CratePath::new(attrs.crate_path.value);
    let slug = slug(cx, &attrs.slug, attrs.complete, container.ident);
    let base_url = base_url(cx, &attrs.base_url, attrs.complete, container.ident);
    if let AuthSpec::Header(name) = &auth {
        header_name(cx, name);
    }
    for (name, value) in &attrs.headers {
        header_name(cx, name);
        header_value(cx, value);
    }
    let credential = credential(cx, fields);
    ProviderPlan { krate, slug, base_url, auth, headers: attrs.headers, credential }
}

/// The slug is required and names a gateway route: lowercase letters,
/// digits and inner `-`.
fn slug(cx: &Ctxt, slug: &Attr<LitStr>, complete: bool, owner: &syn::Ident) -> String {
    match &slug.value {
        Some(lit) => {
            let v = lit.value();
            let valid = !v.is_empty()
                && v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !v.starts_with('-')
                && !v.ends_with('-');
            if !valid {
                cx.error_spanned_by(
                    lit,
                    format!("malformed provider slug {v:?}: expected lowercase letters, digits and inner `-`, such as \"in-house\""),
                );
            }
            v
        }
        // Written but rejected, or lost to a syntax error: already reported.
        None if slug.written || !complete => String::new(),
        None => {
            cx.error_spanned_by(
                owner,
                "missing provider slug: add `#[provider(slug = \"...\")]`, the gateway route such as \"in-house\"",
            );
            String::new()
        }
    }
}

/// The base URL is required and is an http or https URL.
fn base_url(cx: &Ctxt, base_url: &Attr<LitStr>, complete: bool, owner: &syn::Ident) -> String {
    match &base_url.value {
        Some(lit) => {
            let v = lit.value();
            if !(v.starts_with("https://") || v.starts_with("http://")) {
                cx.error_spanned_by(
                    lit,
                    format!("malformed `base_url` `{v}`: expected an http or https URL such as \"https://llm.example.com/v1\""),
                );
            }
            v
        }
        None if base_url.written || !complete => String::new(),
        None => {
            cx.error_spanned_by(owner, "missing `base_url`: add `#[provider(base_url = \"https://...\")]`");
            String::new()
        }
    }
}

/// A header name (of `auth = header(...)` or `header(...)`) is a plain token.
fn header_name(cx: &Ctxt, name: &LitStr) {
    let v = name.value();
    if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        cx.error_spanned_by(
            name,
            format!("malformed header name {v:?}: expected ASCII letters, digits, `-` and `_`, such as \"x-api-key\""),
        );
    }
}

/// A fixed header's value cannot break the header block.
fn header_value(cx: &Ctxt, value: &LitStr) {
    if value.value().chars().any(|c| c.is_control() && c != '\t') {
        cx.error_spanned_by(value, "malformed header value: expected no line breaks or control characters");
    }
}

/// At most one field is the `credential`, and it is a `SecretString` (or an
/// `Option` of one) so it never shows in `Debug` output.
fn credential<'a>(cx: &Ctxt, fields: Vec<FieldDecl<'a, ProviderAttrs>>) -> Option<(&'a Field<'a>, bool)> {
    let mut credential: Option<(&Field<'_>, bool)> = None;
    for field_decl in fields {
        cx.report(field_decl.parse_errors);
        let field = field_decl.field;
        if !field_decl.attrs.credential.is_set() {
            continue;
        }
        if let Some((first, _)) = credential {
            cx.error_spanned_by(
                field.ident,
                format!(
                    "duplicate `credential`: field `{}` already is the credential; expected one credential field",
                    first.ident
                ),
            );
            continue;
        }
        let inner = option_inner(field.ty);
        let is_secret = match inner.unwrap_or(field.ty) {
            Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "SecretString"),
            _ => false,
        };
        if !is_secret {
            cx.error_spanned_by(
                field.ty,
                "the credential must be a `SecretString` (or `Option<SecretString>`), so it never shows in `Debug` output",
            );
        }
        credential = Some((field, inner.is_some()));
    }
    credential
}
