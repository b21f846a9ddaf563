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
        "Vec" | "VecDeque" => Kind::List,
        _ => Kind::Other,
    }
}
