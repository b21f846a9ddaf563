//! Cross-attribute rules: turns a parsed declaration into a plan the
//! generators can trust, recording every violation with its span.

use heck::ToUpperCamelCase;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::{Ident, LitStr, Type};

use super::ast::{Container, Field, Kind, kind_of, option_inner};
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
    pub(crate) inputs: Vec<Input<'a>>,
    pub(crate) groups: Vec<Group>,
    pub(crate) outputs: Vec<Output<'a>>,
    /// The one output field is the whole answer (`#[model(output, transparent)]`).
    pub(crate) transparent: bool,
    pub(crate) request_ident: Ident,
    pub(crate) response_ident: Ident,
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

fn check_bounds(cx: &Ctxt, bounds: &Bounds, tokens: &TokenStream, integer_only: bool, non_negative: bool) {
    for n in [&bounds.min, &bounds.max].into_iter().flatten() {
        if integer_only && n.is_float {
            cx.error_spanned_by(&n.tokens, "bounds of an integer field must be integers");
        }
        if non_negative && n.value < 0.0 {
            cx.error_spanned_by(&n.tokens, "a length cannot be negative");
        }
    }
    if let (Some(min), Some(max)) = (&bounds.min, &bounds.max) {
        if min.value > max.value {
            cx.error_spanned_by(
                tokens,
                format!("empty range: the minimum {} is above the maximum {}", min.value, max.value),
            );
        }
    }
}

fn variant_ident(value: &LitStr) -> Option<Ident> {
    let camel = value.value().to_upper_camel_case();
    let valid = camel.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && camel.chars().all(|c| c.is_ascii_alphanumeric());
    valid.then(|| Ident::new(&camel, value.span()))
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
    }
    fits
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
    let binary = attrs.binary.get().is_set();
    let krate = CratePath::new(attrs.crate_path.get().value);

    let id_value = match &id.value {
        Some(lit) => {
            let v = lit.value();
            if v.is_empty() || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
                cx.error_spanned_by(lit, "malformed model id: it must be non-empty and contain no whitespace");
            }
            v
        }
        None => {
            cx.error_spanned_by(
                container.ident,
                "missing model id: add `#[model(id = \"...\")]`, e.g. `@cf/meta/llama-3.1-8b-instruct-fp8`",
            );
            String::new()
        }
    };
    let looks_workers_ai = id_value.starts_with("@cf/") || id_value.starts_with("@hf/");

    let provider = match provider_attr.value {
        Some(ProviderRef::Builtin(lit)) => {
            let slug = lit.value();
            match BUILTIN_PROVIDERS.iter().find(|(s, _)| *s == slug) {
                Some((_, variant)) => ProviderPlan::Builtin(Ident::new(variant, lit.span())),
                None => {
                    let known: Vec<&str> = BUILTIN_PROVIDERS.iter().map(|(s, _)| *s).collect();
                    cx.error_spanned_by(
                        &lit,
                        format!(
                            "unknown provider `{slug}`: expected one of {}, or a type implementing `ProviderKind` (`provider = MyProvider`)",
                            known.join(", ")
                        ),
                    );
                    ProviderPlan::Builtin(Ident::new("WorkersAi", lit.span()))
                }
            }
        }
        Some(ProviderRef::Type(path)) => ProviderPlan::Custom(path),
        None if looks_workers_ai || id.value.is_none() => {
            ProviderPlan::Builtin(Ident::new("WorkersAi", Span::call_site()))
        }
        None => {
            cx.error_spanned_by(
                id.value.as_ref().map_or_else(|| container.ident.to_token_stream(), ToTokens::to_token_stream),
                "missing provider: add `provider = \"openai\"` (a published slug) or `provider = MyProvider` (a provider type)",
            );
            ProviderPlan::Builtin(Ident::new("WorkersAi", Span::call_site()))
        }
    };
    let is_workers_ai = matches!(&provider, ProviderPlan::Builtin(v) if v == "WorkersAi");
    if is_workers_ai && id.value.is_some() && !is_workers_ai_id(&id_value) && endpoint_attr.value.is_none() {
        if let Some(lit) = &id.value {
            cx.error_spanned_by(
                lit,
                format!("malformed Workers AI model id `{id_value}`: expected `@cf/author/name` or `@hf/author/name`"),
            );
        }
    } else if !is_workers_ai && id_value.chars().any(|c| c.is_whitespace() || c == '?' || c == '#') {
        // Reported above for whitespace; `?` and `#` would break URLs and bodies alike.
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
        None => {
            let owner = id.value.as_ref().map_or_else(|| container.ident.to_token_stream(), ToTokens::to_token_stream);
            cx.error_spanned_by(
                owner,
                "missing endpoint: this provider does not imply one; add `endpoint = \"...\"`, the path after the provider's base URL (e.g. \"chat/completions\")",
            );
            String::new()
        }
    };
    let model_in_body = !(is_workers_ai && endpoint_attr.value.is_none());

    let mut inputs: Vec<Input<'a>> = Vec::new();
    let mut outputs: Vec<Output<'a>> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_lits: Vec<Vec<LitStr>> = Vec::new();
    let mut transparent: Vec<TokenStream> = Vec::new();

    for field in &container.fields {
        let fa = FieldAttrs::parse(cx, &field.original.attrs);
        let output = fa.output.get().is_set();
        let transparent_attr = fa.transparent.get();
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
            outputs.push(Output { field, wire, wire_at, default: default.is_set() });
            continue;
        }

        let inner = option_inner(field.ty);
        let value_decl_ty = inner.unwrap_or(field.ty);
        let kind = kind_of(value_decl_ty);

        let mut role = if inner.is_some() { Role::Optional } else { Role::Required };
        if let Some(value) = &default.value {
            match value {
                None => {
                    cx.error_spanned_by(&default.tokens, "`default` on an input field needs a value: `default = 0.6`")
                }
                Some(value) if inner.is_some() => cx.error_spanned_by(
                    value,
                    "`default` on an `Option` field: use the plain type, the default is sent when the field is not set",
                ),
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
                            cx.error_spanned_by(d, format!("default {v} is outside the field's range"));
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

        let mut values_enum = None;
        if let Some(list) = &values.value {
            if kind == Kind::Str {
                let mut variants: Vec<(Ident, LitStr)> = Vec::new();
                if list.is_empty() {
                    cx.error_spanned_by(&values.tokens, "`values` needs at least one value");
                }
                for lit in list {
                    match variant_ident(lit) {
                        _ if variants.iter().any(|(_, l)| l.value() == lit.value()) => {
                            cx.error_spanned_by(lit, format!("duplicate value `{}`", lit.value()));
                        }
                        Some(ident) if variants.iter().any(|(i, _)| *i == ident) => {
                            cx.error_spanned_by(
                                lit,
                                format!("value `{}` gives the same variant name as another value", lit.value()),
                            );
                        }
                        Some(ident) => variants.push((ident, lit.clone())),
                        None => cx.error_spanned_by(
                            lit,
                            "each value must start with a letter so it can name an enum variant",
                        ),
                    }
                }
                if let Role::Defaulted(d) = &role {
                    let found = match d {
                        DefaultValue::Lit(syn::Lit::Str(s)) => variants.iter().any(|(_, l)| l.value() == s.value()),
                        _ => false,
                    };
                    if !found {
                        cx.error_spanned_by(d, "the default must be one of the field's `values`");
                    }
                }
                let ident = format_ident!("{}{}", container.ident, field.ident.to_string().to_upper_camel_case());
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
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                cx.error_spanned_by(lit, "a group name is a snake_case identifier, such as \"input\"");
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
                    groups.push(Group {
                        field_ident: Ident::new(&snake, lit.span()),
                        enum_ident: format_ident!("{}{}", container.ident, snake.to_upper_camel_case()),
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
            role,
            value_ty,
            kind,
            range: range.value,
            length: length.value,
            values: values_enum,
        });
    }

    for (group, lits) in groups.iter().zip(&group_lits) {
        if group.members.len() < 2 {
            cx.error_spanned_by(
                &lits[0],
                format!("exclusive group `{}` has only one member; a group needs two or more fields", group.name),
            );
        }
        if let Some(clash) = inputs.iter().find(|i| *i.field.ident == group.name) {
            cx.error_spanned_by(
                &lits[0],
                format!("group name `{}` is also the name of field `{}`", group.name, clash.field.ident),
            );
        }
    }

    // Duplicate wire names, within inputs (plus the body's `model` key) and within outputs.
    let mut seen: Vec<&str> = Vec::new();
    if model_in_body {
        seen.push("model");
    }
    for input in &inputs {
        if seen.contains(&input.wire.as_str()) {
            let reason = if input.wire == "model" && model_in_body {
                "duplicate wire name `model`: the model id is already sent as `model`".to_owned()
            } else {
                format!("duplicate wire name `{}`", input.wire)
            };
            cx.error_spanned_by(&input.wire_at, reason);
        }
        seen.push(&input.wire);
    }
    let mut seen: Vec<&str> = Vec::new();
    for output in &outputs {
        if seen.contains(&output.wire.as_str()) {
            cx.error_spanned_by(&output.wire_at, format!("duplicate wire name `{}` among output fields", output.wire));
        }
        seen.push(&output.wire);
    }

    if binary && !outputs.is_empty() {
        cx.error_spanned_by(outputs[0].field.ident, "a `binary` model has no output fields: its answer is raw bytes");
    } else if !binary && outputs.is_empty() && id.value.is_some() {
        cx.error_spanned_by(
            container.ident,
            "no output fields: mark the response fields `#[model(output)]`, or add `#[model(binary)]` for non-JSON answers",
        );
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
        inputs,
        groups,
        outputs,
        request_ident: format_ident!("{}Request", container.ident),
        response_ident: format_ident!("{}Response", container.ident),
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
        if i >= MAX_METADATA_FIELDS {
            cx.error_spanned_by(
                field.ident,
                format!("log metadata holds at most {MAX_METADATA_FIELDS} entries (Cloudflare drops the rest); `{}` is entry {}", field.ident, i + 1),
            );
        }
        let inner = option_inner(field.ty);
        let kind = kind_of(inner.unwrap_or(field.ty));
        if !matches!(kind, Kind::Int | Kind::Float | Kind::Str | Kind::Bool) {
            cx.error_spanned_by(
                field.ty,
                format!(
                    "metadata values must be strings, numbers or booleans; `{}` is {}",
                    field.ty.to_token_stream().to_string().replace(' ', ""),
                    kind.describe()
                ),
            );
        }
        if fields.iter().any(|(_, w, _): &(&Field<'_>, String, bool)| *w == wire) {
            cx.error_spanned_by(field.ident, format!("duplicate metadata key `{wire}`"));
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
                    "a provider slug is lowercase letters, digits and inner `-`, such as \"in-house\"",
                );
            }
            v
        }
        None => {
            cx.error_spanned_by(container.ident, "missing provider slug: add `#[provider(slug = \"...\")]`");
            String::new()
        }
    };
    let base_value = match &base_url.value {
        Some(lit) => {
            let v = lit.value();
            if !(v.starts_with("https://") || v.starts_with("http://")) {
                cx.error_spanned_by(lit, "`base_url` must be an http or https URL");
            }
            v
        }
        None => {
            cx.error_spanned_by(container.ident, "missing `base_url`: add `#[provider(base_url = \"https://...\")]`");
            String::new()
        }
    };
    if let AuthSpec::Header(name) = &auth {
        let v = name.value();
        if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            cx.error_spanned_by(name, "not a valid header name");
        }
    }
    for (name, _) in &attrs.headers {
        let v = name.value();
        if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            cx.error_spanned_by(name, "not a valid header name");
        }
    }
    let mut credential = None;
    for field in &container.fields {
        let fa = ProviderAttrs::parse(cx, &field.original.attrs, true);
        if fa.credential.get().is_set() {
            if credential.is_some() {
                cx.error_spanned_by(field.ident, "only one field can be the `credential`");
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
