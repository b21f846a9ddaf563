//! What a field's type is, as far as the macro can tell from its spelling.

use syn::Type;

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
        "Vec" | "VecDeque" | "OneOrMany" => Kind::List,
        _ => Kind::Other,
    }
}

/// The item type of a list: `T` of `Vec<T>`, `VecDeque<T>`, `OneOrMany<T>`,
/// `[T]`, `[T; N]` or a reference to one of them.
pub(crate) fn list_item(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Reference(r) => list_item(&r.elem),
        Type::Slice(s) => Some(&s.elem),
        Type::Array(a) => Some(&a.elem),
        Type::Group(g) => list_item(&g.elem),
        _ => {
            let segment = last_segment(ty)?;
            if !matches!(segment.ident.to_string().as_str(), "Vec" | "VecDeque" | "OneOrMany") {
                return None;
            }
            match &segment.arguments {
                syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
                    syn::GenericArgument::Type(inner) => Some(inner),
                    _ => None,
                }),
                _ => None,
            }
        }
    }
}
