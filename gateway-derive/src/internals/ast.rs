//! The declaration as the macro sees it: a named-field struct whose fields
//! keep a pointer to their original syntax for spans, and the same with
//! every attribute parsed ([`Decl`]).

use syn::{Attribute, Data, DeriveInput, Fields, Ident, Type};

use super::ctxt::{Ctxt, Deferred};

/// A declaration struct.
pub(crate) struct Container<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) original: &'a DeriveInput,
    pub(crate) fields: Vec<Field<'a>>,
}

/// One field of it.
pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    pub(crate) original: &'a syn::Field,
}

impl<'a> Container<'a> {
    /// Accepts only non-generic structs with named fields; `what` names the
    /// derive in messages. Shape errors are fatal: nothing else is checked.
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput, what: &str) -> Option<Self> {
        if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
            cx.error_spanned_by(&input.generics, format!("#[derive({what})] does not support generic structs"));
            return None;
        }
        let fields = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => &named.named,
                Fields::Unnamed(_) => {
                    cx.error_spanned_by(
                        &input.ident,
                        format!("#[derive({what})] needs a struct with named fields, not a tuple struct"),
                    );
                    return None;
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        format!("#[derive({what})] needs a struct with named fields, not a unit struct"),
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(data.enum_token, format!("#[derive({what})] supports structs only, not enums"));
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(data.union_token, format!("#[derive({what})] supports structs only, not unions"));
                return None;
            }
        };
        let fields = fields
            .iter()
            .filter_map(|f| f.ident.as_ref().map(|ident| Field { ident, ty: &f.ty, original: f }))
            .collect();
        Some(Self { ident: &input.ident, original: input, fields })
    }
}

/// A declaration with its attributes parsed: the container's settings `C`
/// and each field's settings `F`.
pub(crate) struct Decl<'a, C, F> {
    pub(crate) container: &'a Container<'a>,
    pub(crate) attrs: C,
    pub(crate) fields: Vec<FieldDecl<'a, F>>,
}

/// One field with its parsed settings.
pub(crate) struct FieldDecl<'a, F> {
    pub(crate) field: &'a Field<'a>,
    pub(crate) attrs: F,
    /// The errors found parsing the field's attributes. The checks report
    /// them when they reach the field, so errors come out in declaration order.
    pub(crate) parse_errors: Deferred,
}

impl<'a> Container<'a> {
    /// Parses the container's attributes with `container` (errors are
    /// reported now) and each field's with `field` (errors are deferred).
    pub(crate) fn parse<C, F>(
        &'a self,
        cx: &Ctxt,
        container: impl FnOnce(&Ctxt, &[Attribute]) -> C,
        field: impl Fn(&Ctxt, &[Attribute]) -> F,
    ) -> Decl<'a, C, F> {
        let attrs = container(cx, &self.original.attrs);
        let fields = self
            .fields
            .iter()
            .map(|f| {
                let (attrs, parse_errors) = Ctxt::defer(|cx| field(cx, &f.original.attrs));
                FieldDecl { field: f, attrs, parse_errors }
            })
            .collect();
        Decl { container: self, attrs, fields }
    }
}
