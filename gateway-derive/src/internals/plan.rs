//! What the generators read: each derive's declaration after its checks
//! passed, with names resolved, defaults settled and fields sorted into
//! inputs, groups and outputs. Built by [`super::check`].

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Ident, LitStr, Type};

use super::ast::{Container, Field};
use super::attr::{AuthSpec, Bounds, DefaultValue};
use super::ty::Kind;

/// Path to the core crate as the user sees it.
pub(crate) struct CratePath {
    /// `::gateway_core` or the override.
    pub(crate) path: TokenStream,
    /// The override, if any (changes how `_gw` is brought into scope).
    pub(crate) overridden: bool,
}

impl CratePath {
    pub(crate) fn new(path: Option<syn::Path>) -> Self {
        match path {
            Some(p) => Self { path: p.to_token_stream(), overridden: true },
            None => Self { path: quote!(::gateway_core), overridden: false },
        }
    }

    /// `#[serde(crate = "...")]` string for serde derives.
    pub(crate) fn serde_path(&self) -> String {
        format!("{}::__private::serde", self.path).replace(' ', "")
    }
}

/// The provider of a model: a published one (its `ProviderSlug` variant) or a user type.
pub(crate) enum ModelProvider {
    Builtin(Ident),
    Custom(syn::Path),
}

/// The chunks of a streamable model.
pub(crate) enum StreamChunk {
    /// Chunks shaped like the response (`stream`).
    Response,
    /// Chunks of a type of the user's (`stream = Type`).
    Type(Box<Type>),
}

/// How an input field is set on the request.
pub(crate) enum Role {
    /// A parameter of `new`.
    Required,
    /// An `Option` with a builder method.
    Optional,
    /// Starts at its default, with a builder method.
    Defaulted(DefaultValue),
    /// A variant of the exclusive group at this index of [`ModelPlan::groups`].
    Member(usize),
}

/// The enum generated for a `values(...)` field.
pub(crate) struct ValuesEnum {
    pub(crate) ident: Ident,
    pub(crate) variants: Vec<(Ident, LitStr)>,
}

/// The name a field is sent or read under.
pub(crate) struct WireName {
    pub(crate) name: String,
    /// Where it was written (the `rename` value or the field name).
    pub(crate) at: TokenStream,
    /// False when a rejected `rename` left the wire name unknown.
    pub(crate) known: bool,
}

/// An input field of a model.
pub(crate) struct Input<'a> {
    pub(crate) field: &'a Field<'a>,
    pub(crate) wire: WireName,
    pub(crate) role: Role,
    /// The value's type: the declared type, without `Option`, or the generated enum.
    pub(crate) value_ty: TokenStream,
    pub(crate) kind: Kind,
    pub(crate) range: Option<Bounds>,
    pub(crate) length: Option<Bounds>,
    pub(crate) values: Option<ValuesEnum>,
    /// `each(range = ..)`: the range of each item of a list.
    pub(crate) each_range: Option<Bounds>,
    /// `each(length = ..)`: the length of each item of a list.
    pub(crate) each_length: Option<Bounds>,
    /// `with = "member"`, as written.
    pub(crate) with: Option<LitStr>,
    /// For an input with `with`: the index in [`ModelPlan::inputs`] of the
    /// group member it is sent with (set once the member is found).
    pub(crate) attached_to: Option<usize>,
    /// For a group member with attached inputs: the struct its variant holds.
    pub(crate) variant_struct: Option<Ident>,
    /// `nested`: the value's own limits (`Validate`) are checked too.
    pub(crate) nested: bool,
}

/// A checked `#[derive(Object)]` on an enum: a string enum.
pub(crate) struct StringEnumPlan<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) krate: CratePath,
    /// Each variant and its wire spelling.
    pub(crate) variants: Vec<(&'a Ident, String)>,
    /// The variant unknown values decode as, if any.
    pub(crate) other: Option<&'a Ident>,
}

/// A checked `#[derive(Object)]` on an enum of one-value variants: one of
/// several shapes (a JSON Schema `oneOf` of types), untagged on the wire.
pub(crate) struct UnionPlan<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) krate: CratePath,
    /// Each variant, its value's type, and whether that value is `nested`.
    pub(crate) variants: Vec<(&'a Ident, &'a Type, bool)>,
}

/// A checked `#[derive(Object)]`: its fields as inputs (required or optional, no groups).
pub(crate) struct ObjectPlan<'a> {
    pub(crate) container: &'a Container<'a>,
    pub(crate) krate: CratePath,
    pub(crate) fields: Vec<Input<'a>>,
}

/// An exclusive group (`one_of`): one request field holding one of its members.
pub(crate) struct Group {
    pub(crate) name: String,
    pub(crate) field_ident: Ident,
    pub(crate) enum_ident: Ident,
    /// Indexes into [`ModelPlan::inputs`].
    pub(crate) members: Vec<usize>,
}

/// An output field of a model.
pub(crate) struct Output<'a> {
    pub(crate) field: &'a Field<'a>,
    pub(crate) wire: WireName,
    pub(crate) default: bool,
}

/// A checked `#[derive(Model)]`.
pub(crate) struct ModelPlan<'a> {
    pub(crate) container: &'a Container<'a>,
    pub(crate) id: String,
    pub(crate) provider: ModelProvider,
    pub(crate) endpoint: String,
    pub(crate) model_in_body: bool,
    pub(crate) krate: CratePath,
    pub(crate) binary: bool,
    /// What the model streams, if it streams.
    pub(crate) stream: Option<StreamChunk>,
    pub(crate) inputs: Vec<Input<'a>>,
    pub(crate) groups: Vec<Group>,
    pub(crate) outputs: Vec<Output<'a>>,
    /// The one output field is the whole answer (`#[model(output, transparent)]`).
    pub(crate) transparent: bool,
    pub(crate) request_ident: Ident,
    pub(crate) response_ident: Ident,
    /// The enums the expansion defines (group and value enums), for stubs
    /// when the declaration has errors.
    pub(crate) enum_idents: Vec<Ident>,
}

/// A checked `#[derive(Metadata)]`.
pub(crate) struct MetadataPlan<'a> {
    pub(crate) krate: CratePath,
    /// Each field, its key, and whether it is an `Option`.
    pub(crate) fields: Vec<(&'a Field<'a>, String, bool)>,
}

/// A checked `#[derive(Provider)]`.
pub(crate) struct ProviderPlan<'a> {
    pub(crate) krate: CratePath,
    pub(crate) slug: String,
    pub(crate) base_url: String,
    pub(crate) auth: AuthSpec,
    pub(crate) headers: Vec<(LitStr, LitStr)>,
    /// The credential field, and whether it is an `Option`.
    pub(crate) credential: Option<(&'a Field<'a>, bool)>,
}
