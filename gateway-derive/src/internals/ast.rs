//! The declaration as the macro sees it: a named-field struct whose fields
//! keep a pointer to their original syntax for spans.

use syn::{Data, DeriveInput, Fields, Ident, Type};

use super::ctxt::Ctxt;

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

/// What a type is, as far as the macro can tell from its spelling.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Int,
    Float,
    Str,
    Bool,
    List,
    Other,
}

impl Kind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::Int => "an integer",
            Self::Float => "a float",
            Self::Str => "a string",
            Self::Bool => "a boolean",
            Self::List => "a list",
            Self::Other => "a value of another type",
        }
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        Type::Group(g) => last_segment(&g.elem),
        _ => None,
    }
}

/// The last path segment's name of `ty` (`u32` of `std::primitive::u32`).
pub(crate) fn type_name(ty: &Type) -> Option<String> {
    last_segment(ty).map(|s| s.ident.to_string())
}

/// `T` of `Option<T>`.
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let segment = last_segment(ty)?;
    if segment.ident != "Option" {
        return None;
    }
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match args.args.first() {
            Some(syn::GenericArgument::Type(inner)) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}

/// The kind of `ty` (references and `Box` are looked through).
pub(crate) fn kind_of(ty: &Type) -> Kind {
    if let Type::Reference(r) = ty {
        return match &*r.elem {
            Type::Path(_) => kind_of(&r.elem),
            Type::Slice(_) => Kind::List,
            _ => Kind::Other,
        };
    }
    if let Type::Slice(_) | Type::Array(_) = ty {
        return Kind::List;
    }
    let Some(segment) = last_segment(ty) else { return Kind::Other };
    match segment.ident.to_string().as_str() {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Kind::Int,
        "f32" | "f64" => Kind::Float,
        "String" | "str" => Kind::Str,
        "bool" => Kind::Bool,
        "Vec" | "VecDeque" => Kind::List,
        _ => Kind::Other,
    }
}
