//! Rules of `#[derive(Model)]` on the container (id, provider, endpoint) and
//! across fields (groups, wire names, type names, outputs, `stream`,
//! `transparent`). The per-field rules are in `fields` and `values`.

use heck::ToUpperCamelCase;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident};
use syn::{Ident, LitStr};

use super::did_you_mean;
use super::fields::Fields;
use crate::internals::ast::{Container, Decl};
use crate::internals::attr::{Attr, FieldAttrs, ModelAttrs, ProviderRef};
use crate::internals::ctxt::Ctxt;
use crate::internals::plan::{CratePath, Input, ModelPlan, ModelProvider, Output, Role, StreamChunk};
use crate::internals::providers::BUILTIN_PROVIDERS;
use crate::internals::ty::option_inner;

/// The model id as written.
struct Id {
    lit: Option<LitStr>,
    value: String,
    /// An error is already reported on it: one error per id.
    reported: bool,
}

/// Checks a `#[derive(Model)]` declaration.
pub(crate) fn model<'a>(cx: &Ctxt, decl: Decl<'a, ModelAttrs, FieldAttrs>) -> ModelPlan<'a> {
    let Decl { container, attrs, fields: field_decls } = decl;
    let binary = attrs.binary.is_set();
    let krate = CratePath::new(attrs.crate_path.value);

    let id = id_present_and_plain(cx, container, &attrs.id, attrs.complete);
    let provider = provider_known_or_implied(cx, &attrs.provider, attrs.complete, &id);
    let is_workers_ai = matches!(&provider, Some(ModelProvider::Builtin(v)) if v == "WorkersAi");
    id_fits_provider(cx, &id, is_workers_ai, attrs.endpoint.written);
    let endpoint = endpoint_relative_or_implied(cx, container, &attrs.endpoint, &id, is_workers_ai, provider.is_some());
    let provider = provider.unwrap_or_else(|| ModelProvider::Builtin(Ident::new("WorkersAi", Span::call_site())));
    let model_in_body = !(is_workers_ai && attrs.endpoint.value.is_none());

    let mut fields = Fields::new(container.ident);
    for field_decl in field_decls {
        cx.report(field_decl.parse_errors);
        fields.add(cx, field_decl.field, field_decl.attrs);
    }

    groups_have_members_and_free_names(cx, &fields);
    attached_fields_name_members(cx, &mut fields, container.ident);
    distinct_input_wire_names(cx, &fields.inputs, model_in_body);
    distinct_output_wire_names(cx, &fields.outputs);
    distinct_type_names(cx, &fields.type_names);
    outputs_unless_binary(cx, container, &fields, binary, attrs.complete && !attrs.binary.written);
    stream_fits_output(cx, &attrs.stream, &fields, binary);
    transparent_alone(cx, &fields);

    ModelPlan {
        container,
        transparent: !fields.transparent.is_empty(),
        id: id.value,
        provider,
        endpoint,
        model_in_body,
        krate,
        binary,
        stream: attrs
            .stream
            .value
            .map(|chunk| chunk.map_or(StreamChunk::Response, |ty| StreamChunk::Type(Box::new(ty)))),
        inputs: fields.inputs,
        groups: fields.groups,
        outputs: fields.outputs,
        request_ident: format_ident!("{}Request", container.ident),
        response_ident: format_ident!("{}Response", container.ident),
        enum_idents: fields.type_names.into_iter().skip(2).map(|(ident, _)| ident).collect(),
    }
}

/// The id is required, non-empty and has no whitespace or control characters.
fn id_present_and_plain(cx: &Ctxt, container: &Container<'_>, id: &Attr<LitStr>, complete: bool) -> Id {
    let mut reported = false;
    let value = match &id.value {
        Some(lit) => {
            let v = lit.value();
            if v.is_empty() || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
                cx.error_spanned_by(lit, "malformed model id: expected a non-empty id without whitespace");
                reported = true;
            }
            v
        }
        // Written but rejected (already reported), or lost to a syntax error in `#[model(...)]`.
        None if id.written || !complete => String::new(),
        None => {
            cx.error_spanned_by(
                container.ident,
                "missing model id: add `#[model(id = \"...\")]`, e.g. `@cf/meta/llama-3.1-8b-instruct-fp8`",
            );
            String::new()
        }
    };
    Id { lit: id.value.clone(), value, reported }
}

/// The provider is a published slug or a user type; without one, the id
/// must be a Workers AI id (which implies the provider).
///
/// `None` when the provider is unknown because of an error already
/// reported: the rules that depend on it (id format, endpoint) stay silent.
fn provider_known_or_implied(
    cx: &Ctxt,
    provider: &Attr<ProviderRef>,
    complete: bool,
    id: &Id,
) -> Option<ModelProvider> {
    match &provider.value {
        Some(ProviderRef::Builtin(lit)) => {
            let slug = lit.value();
            match BUILTIN_PROVIDERS.iter().find(|(s, _)| *s == slug) {
                Some((_, variant)) => Some(ModelProvider::Builtin(Ident::new(variant, lit.span()))),
                None => {
                    cx.error_spanned_by(lit, unknown_provider_message(&slug));
                    None
                }
            }
        }
        Some(ProviderRef::Type(path)) => Some(ModelProvider::Custom(path.clone())),
        None if provider.written || !complete => None,
        None if id.value.starts_with("@cf/") || id.value.starts_with("@hf/") || id.lit.is_none() => {
            Some(ModelProvider::Builtin(Ident::new("WorkersAi", Span::call_site())))
        }
        None => {
            if let (Some(lit), false) = (&id.lit, id.reported) {
                cx.error_spanned_by(lit, missing_provider_message(&id.value));
            }
            None
        }
    }
}

fn unknown_provider_message(slug: &str) -> String {
    let known: Vec<&str> = BUILTIN_PROVIDERS.iter().map(|(s, _)| *s).collect();
    let hint = did_you_mean(slug, known.iter().copied()).map(|k| format!("did you mean `{k}`? ")).unwrap_or_default();
    format!(
        "unknown provider `{slug}`: {hint}expected a published slug ({}) or a type implementing `ProviderKind` (`provider = MyProvider`)",
        known.join(", ")
    )
}

/// An id without a provider that is not a Workers AI id: either a Workers
/// AI id missing its `@`, or a model of another provider.
fn missing_provider_message(id: &str) -> String {
    if is_workers_ai_id(&format!("@{id}")) {
        format!(
            "malformed Workers AI model id `{id}`: expected `@{id}` (Workers AI ids start with `@cf/` or `@hf/`); a model of another provider needs `provider = \"...\"`"
        )
    } else {
        format!(
            "missing provider: `{id}` is not a Workers AI id (`@cf/author/name`), so add `provider = \"openai\"` (a published slug) or `provider = MyProvider` (a provider type)"
        )
    }
}

/// A Workers AI id is `@cf/author/name` or `@hf/author/name` (unless an
/// explicit endpoint says where it goes); no id has `?` or `#`, which would
/// break URLs and bodies alike. One error per id.
fn id_fits_provider(cx: &Ctxt, id: &Id, is_workers_ai: bool, endpoint_written: bool) {
    let Some(lit) = &id.lit else { return };
    if id.reported {
        // Whitespace is reported already.
    } else if is_workers_ai && !is_workers_ai_id(&id.value) && !endpoint_written {
        cx.error_spanned_by(
            lit,
            format!("malformed Workers AI model id `{}`: expected `@cf/author/name` or `@hf/author/name`", id.value),
        );
    } else if !is_workers_ai && id.value.chars().any(|c| c == '?' || c == '#') {
        cx.error_spanned_by(lit, "malformed model id: `?` and `#` are not allowed");
    }
}

fn is_workers_ai_id(id: &str) -> bool {
    let mut parts = id.split('/');
    let (Some(scope), Some(author), Some(name), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    matches!(scope, "@cf" | "@hf") && ok(author) && ok(name)
}

/// The endpoint is a relative path under the provider's base URL. Workers AI
/// implies it (the id); other providers need it written.
fn endpoint_relative_or_implied(
    cx: &Ctxt,
    container: &Container<'_>,
    endpoint: &Attr<LitStr>,
    id: &Id,
    is_workers_ai: bool,
    provider_known: bool,
) -> String {
    match &endpoint.value {
        Some(lit) => {
            let v = lit.value();
            if !is_relative_path(&v) {
                cx.error_spanned_by(lit, format!("malformed endpoint `{v}`: expected a relative path such as \"chat/completions\" (no leading `/`, no `..`)"));
            }
            v
        }
        None if is_workers_ai => id.value.clone(),
        None if endpoint.written || !provider_known => String::new(),
        None => {
            let owner = id.lit.as_ref().map_or_else(|| container.ident.to_token_stream(), ToTokens::to_token_stream);
            cx.error_spanned_by(
                owner,
                "missing endpoint: this provider does not imply one; add `endpoint = \"...\"`, the path after the provider's base URL (e.g. \"chat/completions\")",
            );
            String::new()
        }
    }
}

fn is_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
        && path.chars().all(|c| c.is_ascii_alphanumeric() || "._-~:@/".contains(c))
}

/// A group has two or more members (one alone is just a field), and its
/// name is not also a field's: the request would hold both.
fn groups_have_members_and_free_names(cx: &Ctxt, fields: &Fields<'_>) {
    for (group, lits) in fields.groups.iter().zip(&fields.group_lits) {
        if group.members.len() < 2 && fields.groups_certain {
            cx.error_spanned_by(
                &lits[0],
                format!("exclusive group `{}` has only one member; a group needs two or more fields", group.name),
            );
        }
        if let Some(clash) = fields.inputs.iter().find(|i| *i.field.ident == group.name) {
            cx.error_spanned_by(
                &lits[0],
                format!(
                    "group name `{}` is also the name of field `{}`: the request would hold both; expected another group name",
                    group.name, clash.field.ident
                ),
            );
        }
    }
}

/// A `with = "member"` field is sent only with that member of an exclusive
/// group (a schema's `oneOf` branch with fields of its own), so the member
/// exists and is in a group. The member's variant then holds a struct
/// `{Name}{Member}` of it and its attached fields.
fn attached_fields_name_members(cx: &Ctxt, fields: &mut Fields<'_>, decl: &Ident) {
    let bare = |ident: &Ident| ident.to_string().trim_start_matches("r#").to_owned();
    for i in 0..fields.inputs.len() {
        let Some(lit) = fields.inputs[i].with.clone() else { continue };
        let name = lit.value();
        let members: Vec<String> =
            fields.inputs.iter().filter(|m| matches!(m.role, Role::Member(_))).map(|m| bare(m.field.ident)).collect();
        match fields.inputs.iter().position(|m| bare(m.field.ident) == name) {
            Some(m) if matches!(fields.inputs[m].role, Role::Member(_)) => {
                fields.inputs[i].attached_to = Some(m);
                if fields.inputs[m].variant_struct.is_none() {
                    let ident = format_ident!("{}{}", decl, name.to_upper_camel_case());
                    fields.type_names.push((ident.clone(), lit.to_token_stream()));
                    fields.inputs[m].variant_struct = Some(ident);
                }
            }
            found => {
                let what = if found.is_some() {
                    format!("`{name}` is not in an exclusive group")
                } else {
                    format!("there is no field `{name}`")
                };
                let hint = did_you_mean(&name, members.iter().map(String::as_str))
                    .map(|k| format!("did you mean `{k}`? "))
                    .unwrap_or_default();
                let expected = if members.is_empty() {
                    "a `one_of` field, and this declaration has none".to_owned()
                } else {
                    members.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                };
                cx.error_spanned_by(
                    &lit,
                    format!("`with = {name:?}`: {what}; {hint}expected a member of an exclusive group: {expected}"),
                );
            }
        }
    }
}

/// Each input has its own wire name, and none is `model` when the body
/// already sends the model id under that key.
pub(super) fn distinct_input_wire_names(cx: &Ctxt, inputs: &[Input<'_>], model_in_body: bool) {
    let mut seen: Vec<(&str, &Ident)> = Vec::new();
    for input in inputs.iter().filter(|i| i.wire.known) {
        if input.wire.name == "model" && model_in_body {
            cx.error_spanned_by(
                &input.wire.at,
                "duplicate wire name `model`: the body already sends the model id as `model`; expected another name (`rename = \"...\"`)",
            );
        } else if let Some((_, first)) = seen.iter().find(|(w, _)| *w == input.wire.name) {
            cx.error_spanned_by(
                &input.wire.at,
                format!(
                    "duplicate wire name `{}`: field `{first}` already sends it; expected a distinct name (`rename = \"...\"`)",
                    input.wire.name
                ),
            );
        }
        seen.push((&input.wire.name, input.field.ident));
    }
}

/// Each output reads its own wire name.
fn distinct_output_wire_names(cx: &Ctxt, outputs: &[Output<'_>]) {
    let mut seen: Vec<(&str, &Ident)> = Vec::new();
    for output in outputs.iter().filter(|o| o.wire.known) {
        if let Some((_, first)) = seen.iter().find(|(w, _)| *w == output.wire.name) {
            cx.error_spanned_by(
                &output.wire.at,
                format!(
                    "duplicate wire name `{}`: output field `{first}` already reads it; expected a distinct name",
                    output.wire.name
                ),
            );
        }
        seen.push((&output.wire.name, output.field.ident));
    }
}

/// Generated type names do not collide (`one_of = "request"` would redefine `{Name}Request`).
fn distinct_type_names(cx: &Ctxt, type_names: &[(Ident, TokenStream)]) {
    for (i, (name, at)) in type_names.iter().enumerate() {
        if type_names[..i].iter().any(|(other, _)| other == name) {
            cx.error_spanned_by(
                at,
                format!("this would define `{name}` a second time; expected a name that gives another type name"),
            );
        }
    }
}

/// A JSON model has output fields; a `binary` one has none (its answer is
/// raw bytes). `certain` is false when a rejected attribute may have hidden them.
fn outputs_unless_binary(cx: &Ctxt, container: &Container<'_>, fields: &Fields<'_>, binary: bool, certain: bool) {
    if binary && !fields.outputs.is_empty() {
        cx.error_spanned_by(
            fields.outputs[0].field.ident,
            "a `binary` model has no output fields: its answer is raw bytes",
        );
    } else if !binary && fields.outputs.is_empty() && fields.outputs_certain && certain {
        cx.error_spanned_by(
            container.ident,
            "no output fields: mark the response fields `#[model(output)]`, or add `#[model(binary)]` for non-JSON answers",
        );
    }
}

/// Only a JSON answer of several fields streams. `stream` alone streams
/// Workers AI `{"response": …}` chunks, so it needs a `response` output, and
/// as chunks carry one piece at a time, every output is optional.
fn stream_fits_output(cx: &Ctxt, stream: &Attr<Option<syn::Type>>, fields: &Fields<'_>, binary: bool) {
    let Some(chunk) = &stream.value else { return };
    let at = &stream.tokens;
    if binary {
        cx.error_spanned_by(at, "a `binary` model cannot stream: its answer is raw bytes, not events");
    } else if !fields.transparent.is_empty() {
        cx.error_spanned_by(at, "a `transparent` output cannot stream: it is one whole value");
    } else if chunk.is_none() {
        if !fields.outputs.iter().any(|o| o.wire.name == "response") {
            cx.error_spanned_by(
                at,
                "this model's output cannot stream: `stream` alone streams Workers AI `{\"response\": …}` chunks, and there is no `response` output; name the chunk type instead, `stream = MyChunk`",
            );
        }
        for output in &fields.outputs {
            if option_inner(output.field.ty).is_none() && !output.default {
                cx.error_spanned_by(
                    output.field.ty,
                    "a streamed chunk carries one piece at a time, so every output of a `stream` model is an `Option` or has `default`",
                );
            }
        }
    }
}

/// A `transparent` output is the whole answer: the only output, read as is
/// (no `rename`, no `default`).
fn transparent_alone(cx: &Ctxt, fields: &Fields<'_>) {
    let Some(first) = fields.transparent.first() else { return };
    if fields.outputs.len() > 1 {
        cx.error_spanned_by(first, "a `transparent` output is the whole answer, so it must be the only output field");
    }
    if fields.outputs.iter().any(|o| o.default || o.wire.name != o.field.ident.to_string().trim_start_matches("r#")) {
        cx.error_spanned_by(first, "a `transparent` output takes no `rename` or `default`");
    }
}
