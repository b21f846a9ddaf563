//! Cross-attribute rules: turns a parsed declaration into a plan the
//! generators can trust, recording every violation with its span.

use heck::ToUpperCamelCase;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::{Ident, LitStr, Type};

use super::ast::{Container, Field, Kind, kind_of, option_inner, type_name};
use super::attr::{AuthSpec, Bounds, DefaultValue, FieldAttrs, MetadataAttrs, ModelAttrs, ProviderAttrs, ProviderRef};
use super::ctxt::Ctxt;

/// The 20 published provider slugs and their `ProviderSlug` variants.
pub(crate) const BUILTIN_PROVIDERS: [(&str, &str); 20] = [
    ("workers-ai", "WorkersAi"),
    ("anthropic", "Anthropic"),
    ("aws-bedrock", "AwsBedrock"),
    ("azure-openai", "AzureOpenai"),
    ("google-vertex-ai", "GoogleVertexAi"),
    ("huggingface", "Huggingface"),
    ("openai", "Openai"),
    ("perplexity-ai", "PerplexityAi"),
    ("replicate", "Replicate"),
    ("groq", "Groq"),
    ("cohere", "Cohere"),
    ("google-ai-studio", "GoogleAiStudio"),
    ("mistral", "Mistral"),
    ("grok", "Grok"),
    ("openrouter", "Openrouter"),
    ("deepseek", "Deepseek"),
    ("cerebras", "Cerebras"),
    ("cartesia", "Cartesia"),
    ("elevenlabs", "Elevenlabs"),
    ("adobe-firefly", "AdobeFirefly"),
];

/// Most entries a log's metadata keeps.
pub(crate) const MAX_METADATA_FIELDS: usize = 5;

/// Path to the core crate as the user sees it.
pub(crate) struct CratePath {
    /// `::gateway_core` or the override.
    pub(crate) path: TokenStream,
    /// The override, if any (changes how `_gw` is brought into scope).
    pub(crate) overridden: bool,
}

impl CratePath {
    fn new(path: Option<syn::Path>) -> Self {
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

pub(crate) enum ProviderPlan {
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

pub(crate) enum Role {
    Required,
    Optional,
    Defaulted(DefaultValue),
    Member(usize),
}

pub(crate) struct ValuesEnum {
    pub(crate) ident: Ident,
    pub(crate) variants: Vec<(Ident, LitStr)>,
}

pub(crate) struct Input<'a> {
    pub(crate) field: &'a Field<'a>,
    pub(crate) wire: String,
    /// Where the wire name was written (the `rename` value or the field name).
    pub(crate) wire_at: TokenStream,
    /// False when a rejected `rename` left the wire name unknown.
    pub(crate) wire_known: bool,
    pub(crate) role: Role,
    /// The value's type: the declared type, without `Option`, or the generated enum.
    pub(crate) value_ty: TokenStream,
    pub(crate) kind: Kind,
    pub(crate) range: Option<Bounds>,
    pub(crate) length: Option<Bounds>,
    pub(crate) values: Option<ValuesEnum>,
}

pub(crate) struct Group {
    pub(crate) name: String,
    pub(crate) field_ident: Ident,
    pub(crate) enum_ident: Ident,
    pub(crate) members: Vec<usize>,
}

pub(crate) struct Output<'a> {
    pub(crate) field: &'a Field<'a>,
    pub(crate) wire: String,
    pub(crate) wire_at: TokenStream,
    pub(crate) wire_known: bool,
    pub(crate) default: bool,
}

pub(crate) struct ModelPlan<'a> {
    pub(crate) container: &'a Container<'a>,
    pub(crate) id: String,
    pub(crate) provider: ProviderPlan,
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

fn wire_name(field: &Field<'_>, rename: Option<&LitStr>) -> String {
    rename.map_or_else(|| field.ident.to_string().trim_start_matches("r#").to_owned(), LitStr::value)
}

fn is_workers_ai_id(id: &str) -> bool {
    let mut parts = id.split('/');
    let (Some(scope), Some(author), Some(name), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    matches!(scope, "@cf" | "@hf") && ok(author) && ok(name)
}

fn is_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
        && path.chars().all(|c| c.is_ascii_alphanumeric() || "._-~:@/".contains(c))
}

/// Edit distance, for "did you mean" hints.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The closest known name, if close enough to be a typo.
fn did_you_mean<'k>(found: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let normalize = |s: &str| s.to_ascii_lowercase().replace(['-', '_', ' '], "");
    let found_norm = normalize(found);
    known
        .into_iter()
        .map(|k| (distance(&found_norm, &normalize(k)), k))
        .filter(|(d, k)| *d <= 2 && *d < k.len() / 2 + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn unknown_provider_message(slug: &str) -> String {
    let known: Vec<&str> = BUILTIN_PROVIDERS.iter().map(|(s, _)| *s).collect();
    let hint = did_you_mean(slug, known.iter().copied()).map(|k| format!("did you mean `{k}`? ")).unwrap_or_default();
    format!(
        "unknown provider `{slug}`: {hint}expected a published slug ({}) or a type implementing `ProviderKind` (`provider = MyProvider`)",
        known.join(", ")
    )
}

/// `0..=5`, `1..`, `..=-2.5`, as written.
fn show_bounds(bounds: &Bounds) -> String {
    let min = bounds.min.as_ref().map(text_of).unwrap_or_default();
    let max = bounds.max.as_ref().map(|m| format!("={}", text_of(m))).unwrap_or_default();
    format!("{min}..{max}")
}

fn check_bounds(cx: &Ctxt, bounds: &Bounds, tokens: &TokenStream, integer_only: bool, non_negative: bool) {
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

fn text_of(n: &crate::internals::attr::Number) -> String {
    n.tokens.to_string().replace(' ', "")
}

fn variant_ident(value: &LitStr) -> Option<Ident> {
    let camel = value.value().to_upper_camel_case();
    let valid = camel.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && camel.chars().all(|c| c.is_ascii_alphanumeric())
        && !is_keyword(&camel);
    valid.then(|| Ident::new(&camel, value.span()))
}

/// Whether `name` is a Rust keyword (which cannot name a field, parameter or variant).
pub(crate) fn is_keyword(name: &str) -> bool {
    syn::parse_str::<Ident>(name).is_err()
}

/// Checks `default` against the field's kind; returns whether it is usable.
fn check_default(cx: &Ctxt, default: &DefaultValue, kind: Kind, ty: &Type) -> bool {
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

fn default_number(default: &DefaultValue) -> Option<f64> {
    match default {
        DefaultValue::Number(n) => Some(n.value),
        DefaultValue::Lit(_) => None,
    }
}

/// Checks a `#[derive(Model)]` declaration.
#[allow(clippy::too_many_lines, reason = "one pass over the declaration, rule by rule")]
pub(crate) fn model<'a>(cx: &Ctxt, container: &'a Container<'a>) -> ModelPlan<'a> {
    let attrs = ModelAttrs::parse(cx, &container.original.attrs);
    let id = attrs.id.get();
    let provider_attr = attrs.provider.get();
    let endpoint_attr = attrs.endpoint.get();
    let binary_attr = attrs.binary.get();
    let binary = binary_attr.is_set();
    let krate = CratePath::new(attrs.crate_path.get().value);

    let mut id_reported = false;
    let id_value = match &id.value {
        Some(lit) => {
            let v = lit.value();
            if v.is_empty() || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
                cx.error_spanned_by(lit, "malformed model id: expected a non-empty id without whitespace");
                id_reported = true;
            }
            v
        }
        // Written but rejected (already reported), or lost to a syntax error in `#[model(...)]`.
        None if id.written || !attrs.complete => String::new(),
        None => {
            cx.error_spanned_by(
                container.ident,
                "missing model id: add `#[model(id = \"...\")]`, e.g. `@cf/meta/llama-3.1-8b-instruct-fp8`",
            );
            String::new()
        }
    };
    let looks_workers_ai = id_value.starts_with("@cf/") || id_value.starts_with("@hf/");

    // `None` when the provider is unknown because of an error already
    // reported: the rules that depend on it (id format, endpoint) stay silent.
    let provider = match provider_attr.value {
        Some(ProviderRef::Builtin(lit)) => {
            let slug = lit.value();
            match BUILTIN_PROVIDERS.iter().find(|(s, _)| *s == slug) {
                Some((_, variant)) => Some(ProviderPlan::Builtin(Ident::new(variant, lit.span()))),
                None => {
                    cx.error_spanned_by(&lit, unknown_provider_message(&slug));
                    None
                }
            }
        }
        Some(ProviderRef::Type(path)) => Some(ProviderPlan::Custom(path)),
        None if provider_attr.written || !attrs.complete => None,
        None if looks_workers_ai || id.value.is_none() => {
            Some(ProviderPlan::Builtin(Ident::new("WorkersAi", Span::call_site())))
        }
        None => {
            if let Some(lit) = &id.value {
                let message = if id_reported {
                    None
                } else if is_workers_ai_id(&format!("@{id_value}")) {
                    Some(format!(
                        "malformed Workers AI model id `{id_value}`: expected `@{id_value}` (Workers AI ids start with `@cf/` or `@hf/`); a model of another provider needs `provider = \"...\"`"
                    ))
                } else {
                    Some(format!(
                        "missing provider: `{id_value}` is not a Workers AI id (`@cf/author/name`), so add `provider = \"openai\"` (a published slug) or `provider = MyProvider` (a provider type)"
                    ))
                };
                if let Some(message) = message {
                    cx.error_spanned_by(lit, message);
                }
            }
            None
        }
    };
    let is_workers_ai = matches!(&provider, Some(ProviderPlan::Builtin(v)) if v == "WorkersAi");
    if id_reported {
        // One error per id.
    } else if is_workers_ai && id.value.is_some() && !is_workers_ai_id(&id_value) && !endpoint_attr.written {
        if let Some(lit) = &id.value {
            cx.error_spanned_by(
                lit,
                format!("malformed Workers AI model id `{id_value}`: expected `@cf/author/name` or `@hf/author/name`"),
            );
        }
    } else if !is_workers_ai && id_value.chars().any(|c| c == '?' || c == '#') {
        // Whitespace is reported above; `?` and `#` would break URLs and bodies alike.
        if let Some(lit) = &id.value {
            cx.error_spanned_by(lit, "malformed model id: `?` and `#` are not allowed");
        }
    }

    let endpoint = match &endpoint_attr.value {
        Some(lit) => {
            let v = lit.value();
            if !is_relative_path(&v) {
                cx.error_spanned_by(lit, format!("malformed endpoint `{v}`: expected a relative path such as \"chat/completions\" (no leading `/`, no `..`)"));
            }
            v
        }
        None if is_workers_ai => id_value.clone(),
        None if endpoint_attr.written || provider.is_none() => String::new(),
        None => {
            let owner = id.value.as_ref().map_or_else(|| container.ident.to_token_stream(), ToTokens::to_token_stream);
            cx.error_spanned_by(
                owner,
                "missing endpoint: this provider does not imply one; add `endpoint = \"...\"`, the path after the provider's base URL (e.g. \"chat/completions\")",
            );
            String::new()
        }
    };
    let provider = provider.unwrap_or_else(|| ProviderPlan::Builtin(Ident::new("WorkersAi", Span::call_site())));
    let model_in_body = !(is_workers_ai && endpoint_attr.value.is_none());

    let mut inputs: Vec<Input<'a>> = Vec::new();
    let mut outputs: Vec<Output<'a>> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_lits: Vec<Vec<LitStr>> = Vec::new();
    let mut transparent: Vec<TokenStream> = Vec::new();
    // False when a field attribute was rejected: which fields are outputs or
    // group members is then uncertain, and the rules counting them stay silent.
    let mut fields_certain = true;
    let mut groups_certain = true;
    // Every type the expansion defines, with where its name comes from.
    let mut type_names: Vec<(Ident, TokenStream)> = vec![
        (format_ident!("{}Request", container.ident), container.ident.to_token_stream()),
        (format_ident!("{}Response", container.ident), container.ident.to_token_stream()),
    ];

    for field in &container.fields {
        let fa = FieldAttrs::parse(cx, &field.original.attrs);
        let output_attr = fa.output.get();
        let output = output_attr.is_set();
        let transparent_attr = fa.transparent.get();
        fields_certain &= fa.complete && !output_attr.is_broken() && !transparent_attr.is_broken();
        if transparent_attr.is_set() {
            if output {
                transparent.push(transparent_attr.tokens);
            } else {
                cx.error_spanned_by(
                    &transparent_attr.tokens,
                    "`transparent` applies to an output field: `#[model(output, transparent)]`",
                );
            }
        }
        let rename = fa.rename.get();
        let default = fa.default.get();
        let range = fa.range.get();
        let length = fa.length.get();
        let one_of = fa.one_of.get();
        let values = fa.values.get();
        groups_certain &= fa.complete && !one_of.is_broken();
        let wire_known = !rename.is_broken();
        let wire = wire_name(field, rename.value.as_ref());
        let wire_at = rename.value.as_ref().map_or_else(|| field.ident.to_token_stream(), ToTokens::to_token_stream);
        if let Some(lit) = &rename.value {
            if lit.value().is_empty() {
                cx.error_spanned_by(lit, "`rename` needs a non-empty name");
            }
        }

        if output {
            for (name, set, tokens) in [
                ("range", range.is_set(), &range.tokens),
                ("length", length.is_set(), &length.tokens),
                ("one_of", one_of.is_set(), &one_of.tokens),
                ("values", values.is_set(), &values.tokens),
            ] {
                if set {
                    cx.error_spanned_by(
                        tokens,
                        format!("`{name}` applies to input fields; `{}` is an output", field.ident),
                    );
                }
            }
            if let Some(Some(value)) = &default.value {
                cx.error_spanned_by(
                    value,
                    "on an output field `default` takes no value: a missing field decodes as `Default::default()`",
                );
            }
            outputs.push(Output { field, wire, wire_at, wire_known, default: default.is_set() });
            continue;
        }

        let inner = option_inner(field.ty);
        let value_decl_ty = inner.unwrap_or(field.ty);
        let kind = kind_of(value_decl_ty);

        let mut role = if inner.is_some() { Role::Optional } else { Role::Required };
        if field.ident == "new" && (inner.is_some() || default.is_set()) && !one_of.is_set() {
            cx.error_spanned_by(
                field.ident,
                "an optional field named `new` would clash with the constructor `new`: rename the field and keep its wire name with `rename = \"new\"`",
            );
        }
        if let Some(value) = &default.value {
            match value {
                None => {
                    cx.error_spanned_by(
                        &default.tokens,
                        "`default` on an input field needs a value: expected `default = <literal>`, such as `default = 0.6`",
                    );
                }
                Some(value) if inner.is_some() => {
                    cx.error_spanned_by(
                        value,
                        format!(
                            "`default` on an `Option` field: expected the plain type `{}`; the default is sent when the field is not set",
                            value_decl_ty.to_token_stream().to_string().replace(' ', "")
                        ),
                    );
                }
                Some(value) => {
                    // With `values`, the default is checked against them below instead.
                    if values.value.is_some() || check_default(cx, value, kind, value_decl_ty) {
                        role = Role::Defaulted(value.clone());
                    }
                }
            }
        }

        if let Some(bounds) = &range.value {
            if matches!(kind, Kind::Int | Kind::Float) {
                check_bounds(cx, bounds, &range.tokens, kind == Kind::Int, false);
                if let Role::Defaulted(d) = &role {
                    if let Some(v) = default_number(d) {
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
                }
            } else {
                cx.error_spanned_by(
                    &range.tokens,
                    format!(
                        "`range` needs a numeric field (an integer or float type); `{}` is {}",
                        field.ident,
                        kind.describe()
                    ),
                );
            }
        }
        if let Some(bounds) = &length.value {
            if matches!(kind, Kind::Str | Kind::List) {
                check_bounds(cx, bounds, &length.tokens, true, true);
            } else {
                cx.error_spanned_by(
                    &length.tokens,
                    format!("`length` needs a string or list field; `{}` is {}", field.ident, kind.describe()),
                );
            }
        }

        if values.is_set() && length.is_set() && kind == Kind::Str {
            cx.error_spanned_by(
                &length.tokens,
                "`length` does not apply to a `values` field: its values are fixed; expected `values` alone",
            );
        }
        let mut values_enum = None;
        if let Some(list) = &values.value {
            let ident = format_ident!(
                "{}{}",
                container.ident,
                field.ident.to_string().trim_start_matches("r#").to_upper_camel_case()
            );
            type_names.push((ident.clone(), values.tokens.clone()));
            if kind == Kind::Str {
                let mut variants: Vec<(Ident, LitStr)> = Vec::new();
                if list.is_empty() {
                    cx.error_spanned_by(&values.tokens, "`values` is empty: expected `values(\"a\", \"b\", ...)`");
                }
                for lit in list {
                    match variant_ident(lit) {
                        _ if variants.iter().any(|(_, l)| l.value() == lit.value()) => {
                            cx.error_spanned_by(
                                lit,
                                format!("duplicate value `{}`: expected each value once", lit.value()),
                            );
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
                if let Role::Defaulted(d) = &role {
                    let found = match d {
                        DefaultValue::Lit(syn::Lit::Str(s)) => variants.iter().any(|(_, l)| l.value() == s.value()),
                        _ => false,
                    };
                    if !found {
                        let listed: Vec<String> = list.iter().map(|l| format!("{:?}", l.value())).collect();
                        cx.error_spanned_by(
                            d,
                            format!("the default must be one of the field's `values`: {}", listed.join(", ")),
                        );
                    }
                }
                values_enum = Some(ValuesEnum { ident, variants });
            } else {
                cx.error_spanned_by(
                    &values.tokens,
                    format!("`values` needs a `String` field; `{}` is {}", field.ident, kind.describe()),
                );
            }
        }

        let index = inputs.len();
        if let Some(lit) = &one_of.value {
            let name = lit.value();
            let valid = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && !is_keyword(&name);
            // Reported at the group's first member only.
            if !valid && groups.iter().all(|g| g.name != name) {
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
            if inner.is_some() {
                cx.error_spanned_by(
                    field.ty,
                    "members of an exclusive group are not `Option`: the group itself says which one is set",
                );
            }
            if default.is_set() {
                cx.error_spanned_by(&default.tokens, "members of an exclusive group cannot have a `default`");
            }
            match groups.iter().position(|g| g.name == name) {
                Some(g) => {
                    groups[g].members.push(index);
                    group_lits[g].push(lit.clone());
                }
                None => {
                    let snake = if valid { name.clone() } else { "group".to_owned() };
                    let enum_ident = format_ident!("{}{}", container.ident, snake.to_upper_camel_case());
                    if valid {
                        type_names.push((enum_ident.clone(), lit.to_token_stream()));
                    }
                    groups.push(Group {
                        field_ident: Ident::new(&snake, lit.span()),
                        enum_ident,
                        name: name.clone(),
                        members: vec![index],
                    });
                    group_lits.push(vec![lit.clone()]);
                }
            }
            role = Role::Member(groups.iter().position(|g| g.name == name).unwrap_or(0));
        }

        let value_ty = match &values_enum {
            Some(e) => e.ident.to_token_stream(),
            None => value_decl_ty.to_token_stream(),
        };
        inputs.push(Input {
            field,
            wire,
            wire_at,
            wire_known,
            role,
            value_ty,
            kind,
            range: range.value,
            length: length.value,
            values: values_enum,
        });
    }

    for (group, lits) in groups.iter().zip(&group_lits) {
        if group.members.len() < 2 && groups_certain {
            cx.error_spanned_by(
                &lits[0],
                format!("exclusive group `{}` has only one member; a group needs two or more fields", group.name),
            );
        }
        if let Some(clash) = inputs.iter().find(|i| *i.field.ident == group.name) {
            cx.error_spanned_by(
                &lits[0],
                format!(
                    "group name `{}` is also the name of field `{}`: the request would hold both; expected another group name",
                    group.name, clash.field.ident
                ),
            );
        }
    }

    // Duplicate wire names, within inputs (plus the body's `model` key) and within outputs.
    let mut seen: Vec<(&str, &Ident)> = Vec::new();
    for input in inputs.iter().filter(|i| i.wire_known) {
        if input.wire == "model" && model_in_body {
            cx.error_spanned_by(
                &input.wire_at,
                "duplicate wire name `model`: the body already sends the model id as `model`; expected another name (`rename = \"...\"`)",
            );
        } else if let Some((_, first)) = seen.iter().find(|(w, _)| *w == input.wire) {
            cx.error_spanned_by(
                &input.wire_at,
                format!(
                    "duplicate wire name `{}`: field `{first}` already sends it; expected a distinct name (`rename = \"...\"`)",
                    input.wire
                ),
            );
        }
        seen.push((&input.wire, input.field.ident));
    }
    let mut seen: Vec<(&str, &Ident)> = Vec::new();
    for output in outputs.iter().filter(|o| o.wire_known) {
        if let Some((_, first)) = seen.iter().find(|(w, _)| *w == output.wire) {
            cx.error_spanned_by(
                &output.wire_at,
                format!(
                    "duplicate wire name `{}`: output field `{first}` already reads it; expected a distinct name",
                    output.wire
                ),
            );
        }
        seen.push((&output.wire, output.field.ident));
    }

    // Generated type names must not collide (`one_of = "request"` would redefine `{Name}Request`).
    for (i, (name, at)) in type_names.iter().enumerate() {
        if type_names[..i].iter().any(|(other, _)| other == name) {
            cx.error_spanned_by(
                at,
                format!("this would define `{name}` a second time; expected a name that gives another type name"),
            );
        }
    }

    if binary && !outputs.is_empty() {
        cx.error_spanned_by(outputs[0].field.ident, "a `binary` model has no output fields: its answer is raw bytes");
    } else if !binary && outputs.is_empty() && fields_certain && attrs.complete && !binary_attr.written {
        cx.error_spanned_by(
            container.ident,
            "no output fields: mark the response fields `#[model(output)]`, or add `#[model(binary)]` for non-JSON answers",
        );
    }

    let stream_attr = attrs.stream.get();
    if let Some(chunk) = &stream_attr.value {
        let at = &stream_attr.tokens;
        if binary {
            cx.error_spanned_by(at, "a `binary` model cannot stream: its answer is raw bytes, not events");
        } else if !transparent.is_empty() {
            cx.error_spanned_by(at, "a `transparent` output cannot stream: it is one whole value");
        } else if chunk.is_none() {
            if !outputs.iter().any(|o| o.wire == "response") {
                cx.error_spanned_by(
                    at,
                    "this model's output cannot stream: `stream` alone streams Workers AI `{\"response\": …}` chunks, and there is no `response` output; name the chunk type instead, `stream = MyChunk`",
                );
            }
            for output in &outputs {
                if option_inner(output.field.ty).is_none() && !output.default {
                    cx.error_spanned_by(
                        output.field.ty,
                        "a streamed chunk carries one piece at a time, so every output of a `stream` model is an `Option` or has `default`",
                    );
                }
            }
        }
    }

    if let Some(first) = transparent.first() {
        if outputs.len() > 1 {
            cx.error_spanned_by(
                first,
                "a `transparent` output is the whole answer, so it must be the only output field",
            );
        }
        if outputs.iter().any(|o| o.default || o.wire != o.field.ident.to_string().trim_start_matches("r#")) {
            cx.error_spanned_by(first, "a `transparent` output takes no `rename` or `default`");
        }
    }

    ModelPlan {
        container,
        transparent: !transparent.is_empty(),
        id: id_value,
        provider,
        endpoint,
        model_in_body,
        krate,
        binary,
        stream: stream_attr
            .value
            .map(|chunk| chunk.map_or(StreamChunk::Response, |ty| StreamChunk::Type(Box::new(ty)))),
        inputs,
        groups,
        outputs,
        request_ident: format_ident!("{}Request", container.ident),
        response_ident: format_ident!("{}Response", container.ident),
        enum_idents: type_names.into_iter().skip(2).map(|(ident, _)| ident).collect(),
    }
}

pub(crate) struct MetadataPlan<'a> {
    pub(crate) krate: CratePath,
    pub(crate) fields: Vec<(&'a Field<'a>, String, bool)>,
}

/// Checks a `#[derive(Metadata)]` struct: at most 5 scalar fields.
pub(crate) fn metadata<'a>(cx: &Ctxt, container: &'a Container<'a>) -> MetadataPlan<'a> {
    let attrs = MetadataAttrs::parse(cx, &container.original.attrs, false);
    let krate = CratePath::new(attrs.crate_path.get().value);
    let mut fields = Vec::new();
    for (i, field) in container.fields.iter().enumerate() {
        let fa = MetadataAttrs::parse(cx, &field.original.attrs, true);
        let rename = fa.rename.get();
        let wire = wire_name(field, rename.value.as_ref());
        let wire_at = rename.value.as_ref().map_or_else(|| field.ident.to_token_stream(), ToTokens::to_token_stream);
        if rename.value.as_ref().is_some_and(|lit| lit.value().is_empty()) {
            cx.error_spanned_by(&wire_at, "`rename` needs a non-empty key");
        }
        if i >= MAX_METADATA_FIELDS {
            cx.error_spanned_by(
                field.ident,
                format!("log metadata holds at most {MAX_METADATA_FIELDS} entries (Cloudflare drops the rest); `{}` is entry {}", field.ident, i + 1),
            );
        }
        let inner = option_inner(field.ty);
        let kind = kind_of(inner.unwrap_or(field.ty));
        if type_name(inner.unwrap_or(field.ty)).as_deref() == Some("u128") {
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
        let first = fields.iter().find(|(_, w, _): &&(&Field<'_>, String, bool)| *w == wire);
        if let (Some((first, _, _)), false) = (first, rename.is_broken()) {
            cx.error_spanned_by(
                &wire_at,
                format!(
                    "duplicate metadata key `{wire}`: field `{}` already sets it; expected a distinct key (`rename = \"...\"`)",
                    first.ident
                ),
            );
        }
        fields.push((field, wire, inner.is_some()));
    }
    MetadataPlan { krate, fields }
}

pub(crate) struct ProviderPlanOut<'a> {
    pub(crate) krate: CratePath,
    pub(crate) slug: String,
    pub(crate) base_url: String,
    pub(crate) auth: AuthSpec,
    pub(crate) headers: Vec<(LitStr, LitStr)>,
    pub(crate) credential: Option<(&'a Field<'a>, bool)>,
}

/// Checks a `#[derive(Provider)]` struct.
pub(crate) fn provider<'a>(cx: &Ctxt, container: &'a Container<'a>) -> ProviderPlanOut<'a> {
    let attrs = ProviderAttrs::parse(cx, &container.original.attrs, false);
    let slug = attrs.slug.get();
    let base_url = attrs.base_url.get();
    let auth = attrs.auth.get().value.unwrap_or(AuthSpec::Bearer);
    let krate = CratePath::new(attrs.crate_path.get().value);
    let slug_value = match &slug.value {
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
        None if slug.written || !attrs.complete => String::new(),
        None => {
            cx.error_spanned_by(
                container.ident,
                "missing provider slug: add `#[provider(slug = \"...\")]`, the gateway route such as \"in-house\"",
            );
            String::new()
        }
    };
    let base_value = match &base_url.value {
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
        None if base_url.written || !attrs.complete => String::new(),
        None => {
            cx.error_spanned_by(container.ident, "missing `base_url`: add `#[provider(base_url = \"https://...\")]`");
            String::new()
        }
    };
    let check_name = |name: &LitStr| {
        let v = name.value();
        if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            cx.error_spanned_by(
                name,
                format!(
                    "malformed header name {v:?}: expected ASCII letters, digits, `-` and `_`, such as \"x-api-key\""
                ),
            );
        }
    };
    if let AuthSpec::Header(name) = &auth {
        check_name(name);
    }
    for (name, value) in &attrs.headers {
        check_name(name);
        if value.value().chars().any(|c| c.is_control() && c != '\t') {
            cx.error_spanned_by(value, "malformed header value: expected no line breaks or control characters");
        }
    }
    let mut credential: Option<(&Field<'_>, bool)> = None;
    for field in &container.fields {
        let fa = ProviderAttrs::parse(cx, &field.original.attrs, true);
        if fa.credential.get().is_set() {
            if credential.is_some() {
                if let Some((first, _)) = credential {
                    cx.error_spanned_by(
                        field.ident,
                        format!("duplicate `credential`: field `{}` already is the credential; expected one credential field", first.ident),
                    );
                }
                continue;
            }
            let inner = option_inner(field.ty);
            let is_secret = match inner.unwrap_or(field.ty) {
                Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "SecretString"),
                _ => false,
            };
            if !is_secret {
                cx.error_spanned_by(field.ty, "the credential must be a `SecretString` (or `Option<SecretString>`), so it never shows in `Debug` output");
            }
            credential = Some((field, inner.is_some()));
        }
    }
    ProviderPlanOut { krate, slug: slug_value, base_url: base_value, auth, headers: attrs.headers, credential }
}
