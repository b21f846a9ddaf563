//! Parsing of `#[model(...)]`, `#[metadata(...)]` and `#[provider(...)]`
//! attributes into plain values that remember their spans.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{LitStr, Token};

use super::ctxt::Ctxt;
use super::symbol::{self, Symbol};

/// One setting: its value and the tokens that set it (for spans).
pub(crate) struct Attr<T> {
    name: Symbol,
    pub(crate) tokens: TokenStream,
    pub(crate) value: Option<T>,
    /// Written by the user, even if its value was rejected (so it is not also reported missing).
    pub(crate) written: bool,
}

impl<T> Attr<T> {
    pub(crate) fn none(name: Symbol) -> Self {
        Self { name, tokens: TokenStream::new(), value: None, written: false }
    }

    /// Sets the value; a second setting is an error spanned on it.
    pub(crate) fn set<A: ToTokens>(&mut self, cx: &Ctxt, owner: Symbol, tokens: A, value: T) {
        let tokens = tokens.into_token_stream();
        if self.written {
            cx.error_spanned_by(tokens, format!("duplicate {owner} attribute `{}`: set it once", self.name));
        } else {
            self.tokens = tokens;
            self.value = Some(value);
            self.written = true;
        }
    }

    /// Sets the parsed value, or on a parse error marks the setting as
    /// written (its error is reported, not a "missing" one) and passes the error on.
    pub(crate) fn set_parsed<A: ToTokens>(
        &mut self,
        cx: &Ctxt,
        owner: Symbol,
        tokens: A,
        parsed: syn::Result<T>,
    ) -> syn::Result<()> {
        match parsed {
            Ok(value) => {
                self.set(cx, owner, tokens, value);
                Ok(())
            }
            Err(err) => {
                self.written = true;
                Err(err)
            }
        }
    }

    pub(crate) fn is_set(&self) -> bool {
        self.value.is_some()
    }

    /// Written but rejected: its error is already reported, so rules that
    /// depend on it stay silent.
    pub(crate) fn is_broken(&self) -> bool {
        self.written && self.value.is_none()
    }
}

/// Parses the keys of one attribute with `parse_key`. A key whose parsing
/// fails is reported and skipped up to the next `,`, so one mistake does not
/// hide the keys after it. Returns `false` when the attribute as a whole
/// could not be read (some of its keys may be lost).
fn parse_keys(
    cx: &Ctxt,
    attr: &syn::Attribute,
    mut parse_key: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) -> bool {
    let result = attr.parse_nested_meta(|meta| {
        if let Err(err) = parse_key(&meta) {
            cx.syn_error(err);
            skip_to_comma(meta.input);
        }
        Ok(())
    });
    match result {
        Ok(()) => true,
        Err(err) => {
            cx.syn_error(err);
            false
        }
    }
}

/// The error for a key that no rule of the attribute matched:
/// "unknown {what} `key`, expected {expected}".
fn unknown_key(meta: &ParseNestedMeta<'_>, what: &str, expected: impl std::fmt::Display) -> syn::Result<()> {
    Err(meta.error(format!("unknown {what} `{}`, expected {expected}", path_name(&meta.path))))
}

/// Skips the rest of a rejected key's value.
fn skip_to_comma(input: ParseStream<'_>) {
    let skipped: syn::Result<()> = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
    debug_assert!(skipped.is_ok(), "skipping never fails");
}

/// A flag such as `binary` or `output`: it takes no value.
pub(crate) fn parse_flag(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    let input = meta.input;
    if input.is_empty() || input.peek(Token![,]) {
        return Ok(());
    }
    let name = path_name(&meta.path);
    let rest: TokenStream = input.fork().parse()?;
    let shown: TokenStream =
        rest.into_iter().take_while(|t| !matches!(t, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',')).collect();
    Err(syn::Error::new_spanned(shown, format!("`{name}` is a flag and takes no value: write just `{name}`")))
}

/// `stream` alone, or `stream = ChunkType`.
fn parse_stream(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<syn::Type>> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(None);
    }
    let value = meta.value()?;
    value
        .parse::<syn::Type>()
        .map(Some)
        .map_err(|_| value.error("expected a chunk type after `stream =`, such as `stream = MyChunk`"))
}

/// A number in an attribute, with its sign.
#[derive(Clone)]
pub(crate) struct Number {
    pub(crate) value: f64,
    pub(crate) is_float: bool,
    pub(crate) tokens: TokenStream,
}

/// `min..=max`, `min..`, `..=max` (both ends inclusive).
pub(crate) struct Bounds {
    pub(crate) min: Option<Number>,
    pub(crate) max: Option<Number>,
}

/// Where a model's provider comes from.
pub(crate) enum ProviderRef {
    /// A published slug, checked at expansion.
    Builtin(LitStr),
    /// A user type implementing `ProviderKind`.
    Type(syn::Path),
}

/// How a derived provider sends its credential.
pub(crate) enum AuthSpec {
    Bearer,
    None,
    Header(LitStr),
}

fn parse_number(input: ParseStream<'_>) -> syn::Result<Option<Number>> {
    let mut tokens = TokenStream::new();
    let negative = if input.peek(Token![-]) {
        let minus: Token![-] = input.parse()?;
        minus.to_tokens(&mut tokens);
        true
    } else {
        false
    };
    let (magnitude, is_float) = if input.peek(syn::LitInt) {
        let lit: syn::LitInt = input.parse()?;
        lit.to_tokens(&mut tokens);
        (lit.base10_parse::<f64>()?, false)
    } else if input.peek(syn::LitFloat) {
        let lit: syn::LitFloat = input.parse()?;
        lit.to_tokens(&mut tokens);
        (lit.base10_parse::<f64>()?, true)
    } else if negative {
        return Err(input.error("expected a number after `-`"));
    } else {
        return Ok(None);
    };
    Ok(Some(Number { value: if negative { -magnitude } else { magnitude }, is_float, tokens }))
}

/// Parses `a..=b`, `a..`, `..=b` after `range =` or `length =`.
pub(crate) fn parse_bounds(meta: &ParseNestedMeta<'_>) -> syn::Result<(Bounds, TokenStream)> {
    let input = meta.value()?;
    let fork_start = input.cursor().token_stream();
    let min = parse_number(input)?;
    let max = if input.peek(Token![..=]) {
        input.parse::<Token![..=]>()?;
        let max = parse_number(input)?;
        if max.is_none() {
            return Err(input.error("expected the upper bound after `..=`"));
        }
        max
    } else if input.peek(Token![..]) {
        input.parse::<Token![..]>()?;
        if !(input.is_empty() || input.peek(Token![,])) {
            return Err(input.error("exclusive upper bounds are not supported: write `min..=max`"));
        }
        None
    } else {
        return Err(input.error("expected a range such as `0..=5`, `1..` or `..=100`"));
    };
    if min.is_none() && max.is_none() {
        return Err(meta.error("a range needs at least one bound"));
    }
    // Span the whole range for later checks.
    let consumed: TokenStream = fork_start
        .into_iter()
        .take_while(|t| !matches!(t, proc_macro2::TokenTree::Punct(p) if p.as_char() == ','))
        .collect();
    Ok((Bounds { min, max }, consumed))
}

/// `key = "string"`.
pub(crate) fn parse_lit_str(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    let value = meta.value()?;
    if value.peek(LitStr) {
        return value.parse();
    }
    let message = format!("expected a string literal after `{} =`, such as `{0} = \"...\"`", path_name(&meta.path));
    match value.parse::<proc_macro2::TokenTree>() {
        Ok(found) => Err(syn::Error::new_spanned(found, message)),
        Err(_) => Err(value.error(message)),
    }
}

/// `values("a", "b")`.
pub(crate) fn parse_str_list(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<LitStr>> {
    const EXPECTED: &str = "expected a list of strings: `values(\"a\", \"b\")`";
    let Some(content) = parse_parenthesized(meta.input) else {
        return Err(meta.error(EXPECTED));
    };
    parse_lit_strs(&content, EXPECTED)
}

/// The contents of a `(...)` group, consumed whole, so a mistake inside is
/// reported once (by the caller) rather than again as "unexpected token".
fn parse_parenthesized(input: ParseStream<'_>) -> Option<TokenStream> {
    input
        .step(|cursor| match cursor.group(proc_macro2::Delimiter::Parenthesis) {
            Some((content, _, rest)) => Ok((content.token_stream(), rest)),
            None => Err(cursor.error("expected parentheses")),
        })
        .ok()
}

/// `"a", "b", ...`; any other token is an error spanned on it.
fn parse_lit_strs(content: &TokenStream, expected: &str) -> syn::Result<Vec<LitStr>> {
    let parser = Punctuated::<LitStr, Token![,]>::parse_terminated;
    syn::parse::Parser::parse2(parser, content.clone())
        .map(|list| list.into_iter().collect())
        .map_err(|e| syn::Error::new(e.span(), expected))
}

/// `default = <literal>` (or a bare `default`).
pub(crate) fn parse_default(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<DefaultValue>> {
    if !meta.input.peek(Token![=]) {
        return Ok(None);
    }
    let input = meta.value()?;
    if let Some(number) = parse_number(input)? {
        return Ok(Some(DefaultValue::Number(number)));
    }
    let lit: syn::Lit =
        input.parse().map_err(|_| input.error("expected a literal default: a number, a string or a boolean"))?;
    Ok(Some(DefaultValue::Lit(lit)))
}

/// A literal default value.
#[derive(Clone)]
pub(crate) enum DefaultValue {
    Number(Number),
    Lit(syn::Lit),
}

impl ToTokens for DefaultValue {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Self::Number(n) => n.tokens.to_tokens(tokens),
            Self::Lit(l) => l.to_tokens(tokens),
        }
    }
}

pub(crate) fn path_name(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

/// The container settings of `#[derive(Model)]`.
pub(crate) struct ModelAttrs {
    pub(crate) id: Attr<LitStr>,
    pub(crate) provider: Attr<ProviderRef>,
    pub(crate) endpoint: Attr<LitStr>,
    pub(crate) crate_path: Attr<syn::Path>,
    pub(crate) binary: Attr<()>,
    /// `stream` (chunks decode as the response) or `stream = ChunkType`.
    pub(crate) stream: Attr<Option<syn::Type>>,
    /// Every `#[model(...)]` could be read (no key was lost to a syntax error).
    pub(crate) complete: bool,
}

const MODEL_KEYS: &str = "`id`, `provider`, `endpoint`, `binary`, `stream` or `crate`";
const FIELD_KEYS: &str =
    "`rename`, `default`, `range`, `length`, `each`, `nested`, `one_of`, `with`, `values`, `output` or `transparent`";
const EACH_KEYS: &str = "`range` or `length`";

/// Parses `crate = "path"`.
fn parse_crate(meta: &ParseNestedMeta<'_>) -> syn::Result<syn::Path> {
    let lit = parse_lit_str(meta)?;
    lit.parse::<syn::Path>().map_err(|_| syn::Error::new_spanned(&lit, "expected a path such as \"my_gateway\""))
}

/// Parses `provider = "slug"` or `provider = Type`.
fn parse_provider(meta: &ParseNestedMeta<'_>) -> syn::Result<ProviderRef> {
    let value = meta.value()?;
    if value.peek(LitStr) {
        return Ok(ProviderRef::Builtin(value.parse()?));
    }
    let fork = value.fork();
    match fork.parse::<syn::Path>() {
        Ok(path) if fork.is_empty() || fork.peek(Token![,]) => {
            value.parse::<syn::Path>()?;
            Ok(ProviderRef::Type(path))
        }
        _ => {
            let message = "expected a provider slug such as \"openai\" or a provider type such as `MyProvider`";
            match value.parse::<proc_macro2::TokenTree>() {
                Ok(found) => Err(syn::Error::new_spanned(found, message)),
                Err(_) => Err(value.error(message)),
            }
        }
    }
}

impl ModelAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Self {
            id: Attr::none(symbol::ID),
            provider: Attr::none(symbol::PROVIDER),
            endpoint: Attr::none(symbol::ENDPOINT),
            crate_path: Attr::none(symbol::CRATE),
            binary: Attr::none(symbol::BINARY),
            stream: Attr::none(symbol::STREAM),
            complete: true,
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::MODEL) {
            let complete = parse_keys(cx, attr, |meta| {
                let path = &meta.path;
                if path == symbol::ID {
                    out.id.set_parsed(cx, symbol::MODEL, path, parse_lit_str(meta))
                } else if path == symbol::PROVIDER {
                    out.provider.set_parsed(cx, symbol::MODEL, path, parse_provider(meta))
                } else if path == symbol::ENDPOINT {
                    out.endpoint.set_parsed(cx, symbol::MODEL, path, parse_lit_str(meta))
                } else if path == symbol::CRATE {
                    out.crate_path.set_parsed(cx, symbol::MODEL, path, parse_crate(meta))
                } else if path == symbol::BINARY {
                    out.binary.set_parsed(cx, symbol::MODEL, path, parse_flag(meta))
                } else if path == symbol::STREAM {
                    out.stream.set_parsed(cx, symbol::MODEL, path, parse_stream(meta))
                } else {
                    unknown_key(meta, "model attribute", format_args!("one of {MODEL_KEYS}"))
                }
            });
            out.complete &= complete;
        }
        out
    }
}

/// The field settings of `#[derive(Model)]`.
pub(crate) struct FieldAttrs {
    pub(crate) rename: Attr<LitStr>,
    pub(crate) default: Attr<Option<DefaultValue>>,
    pub(crate) range: Attr<Bounds>,
    pub(crate) length: Attr<Bounds>,
    pub(crate) one_of: Attr<LitStr>,
    pub(crate) values: Attr<Vec<LitStr>>,
    pub(crate) output: Attr<()>,
    pub(crate) transparent: Attr<()>,
    /// `each(range = .., length = ..)`: limits on each item of a list.
    pub(crate) each: Attr<Each>,
    /// `with = "member"`: sent only with that member of an exclusive group.
    pub(crate) with: Attr<LitStr>,
    /// `nested`: the value is a `#[derive(Object)]` (or a list of them) whose limits are checked too.
    pub(crate) nested: Attr<()>,
    /// Every `#[model(...)]` of the field could be read.
    pub(crate) complete: bool,
}

impl FieldAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Self {
            rename: Attr::none(symbol::RENAME),
            default: Attr::none(symbol::DEFAULT),
            range: Attr::none(symbol::RANGE),
            length: Attr::none(symbol::LENGTH),
            one_of: Attr::none(symbol::ONE_OF),
            values: Attr::none(symbol::VALUES),
            output: Attr::none(symbol::OUTPUT),
            transparent: Attr::none(symbol::TRANSPARENT),
            each: Attr::none(symbol::EACH),
            with: Attr::none(symbol::WITH),
            nested: Attr::none(symbol::NESTED),
            complete: true,
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::MODEL) {
            let complete = parse_keys(cx, attr, |meta| {
                let path = &meta.path;
                if path == symbol::NESTED {
                    out.nested.set_parsed(cx, symbol::MODEL, path, parse_flag(meta))
                } else if path == symbol::WITH {
                    out.with.set_parsed(cx, symbol::MODEL, path, parse_lit_str(meta))
                } else if path == symbol::EACH {
                    out.each.set_parsed(cx, symbol::MODEL, path, parse_each(cx, meta))
                } else if path == symbol::RENAME {
                    out.rename.set_parsed(cx, symbol::MODEL, path, parse_lit_str(meta))
                } else if path == symbol::DEFAULT {
                    let value = parse_default(meta);
                    let tokens = match &value {
                        Ok(Some(value)) => value.to_token_stream(),
                        _ => path.to_token_stream(),
                    };
                    out.default.set_parsed(cx, symbol::MODEL, tokens, value)
                } else if path == symbol::RANGE || path == symbol::LENGTH {
                    let (bounds, tokens) = match parse_bounds(meta) {
                        Ok((bounds, tokens)) => (Ok(bounds), tokens),
                        Err(err) => (Err(err), path.to_token_stream()),
                    };
                    let attr = if path == symbol::RANGE { &mut out.range } else { &mut out.length };
                    attr.set_parsed(cx, symbol::MODEL, tokens, bounds)
                } else if path == symbol::ONE_OF {
                    out.one_of.set_parsed(cx, symbol::MODEL, path, parse_lit_str(meta))
                } else if path == symbol::VALUES {
                    out.values.set_parsed(cx, symbol::MODEL, path, parse_str_list(meta))
                } else if path == symbol::OUTPUT {
                    out.output.set_parsed(cx, symbol::MODEL, path, parse_flag(meta))
                } else if path == symbol::TRANSPARENT {
                    out.transparent.set_parsed(cx, symbol::MODEL, path, parse_flag(meta))
                } else {
                    unknown_key(meta, "model field attribute", format_args!("one of {FIELD_KEYS}"))
                }
            });
            out.complete &= complete;
        }
        out
    }
}

/// The limits of `each(...)`, each with the tokens that set it.
pub(crate) struct Each {
    pub(crate) range: Attr<Bounds>,
    pub(crate) length: Attr<Bounds>,
}

/// Parses `each(range = a..=b, length = a..=b)`.
fn parse_each(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<Each> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error("expected limits on each item: `each(length = 1..)` or `each(range = 0..=1)`"));
    }
    let mut each = Each { range: Attr::none(symbol::RANGE), length: Attr::none(symbol::LENGTH) };
    meta.parse_nested_meta(|inner| {
        let path = &inner.path;
        let parsed = if path == symbol::RANGE || path == symbol::LENGTH {
            let (bounds, tokens) = match parse_bounds(&inner) {
                Ok((bounds, tokens)) => (Ok(bounds), tokens),
                Err(err) => (Err(err), path.to_token_stream()),
            };
            let attr = if path == symbol::RANGE { &mut each.range } else { &mut each.length };
            attr.set_parsed(cx, symbol::EACH, tokens, bounds)
        } else {
            unknown_key(&inner, "`each` limit", format_args!("{EACH_KEYS}"))
        };
        // As in `parse_keys`: report, skip the rest of this key, read the next.
        if let Err(err) = parsed {
            cx.syn_error(err);
            skip_to_comma(inner.input);
        }
        Ok(())
    })?;
    Ok(each)
}

/// The settings of a variant of a `#[derive(Object)]` string enum.
pub(crate) struct VariantAttrs {
    pub(crate) rename: Attr<LitStr>,
    /// `other`: the variant any unknown value decodes as.
    pub(crate) other: Attr<()>,
    /// `nested`: a one-value variant whose value's own limits are checked.
    pub(crate) nested: Attr<()>,
}

impl VariantAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Self {
            rename: Attr::none(symbol::RENAME),
            other: Attr::none(symbol::OTHER),
            nested: Attr::none(symbol::NESTED),
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::MODEL) {
            parse_keys(cx, attr, |meta| {
                let path = &meta.path;
                if path == symbol::RENAME {
                    out.rename.set_parsed(cx, symbol::MODEL, path, parse_lit_str(meta))
                } else if path == symbol::OTHER {
                    out.other.set_parsed(cx, symbol::MODEL, path, parse_flag(meta))
                } else if path == symbol::NESTED {
                    out.nested.set_parsed(cx, symbol::MODEL, path, parse_flag(meta))
                } else {
                    unknown_key(meta, "enum variant attribute", "`rename`, `other` or `nested`")
                }
            });
        }
        out
    }
}

/// Settings of `#[derive(Metadata)]` (container: `crate`; fields: `rename`).
pub(crate) struct MetadataAttrs {
    pub(crate) crate_path: Attr<syn::Path>,
    pub(crate) rename: Attr<LitStr>,
}

impl MetadataAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute], is_field: bool) -> Self {
        let mut out = Self { crate_path: Attr::none(symbol::CRATE), rename: Attr::none(symbol::RENAME) };
        for attr in attrs.iter().filter(|a| a.path() == symbol::METADATA) {
            parse_keys(cx, attr, |meta| {
                let path = &meta.path;
                if is_field && path == symbol::RENAME {
                    out.rename.set_parsed(cx, symbol::METADATA, path, parse_lit_str(meta))
                } else if !is_field && path == symbol::CRATE {
                    out.crate_path.set_parsed(cx, symbol::METADATA, path, parse_crate(meta))
                } else {
                    let (expected, place) = if is_field { ("`rename`", "field") } else { ("`crate`", "struct") };
                    Err(meta.error(format!(
                        "unknown metadata attribute `{}` on a {place}, expected {expected}",
                        path_name(path)
                    )))
                }
            });
        }
        out
    }
}

/// Settings of `#[derive(Provider)]`.
pub(crate) struct ProviderAttrs {
    pub(crate) slug: Attr<LitStr>,
    pub(crate) base_url: Attr<LitStr>,
    pub(crate) auth: Attr<AuthSpec>,
    pub(crate) headers: Vec<(LitStr, LitStr)>,
    pub(crate) crate_path: Attr<syn::Path>,
    pub(crate) credential: Attr<()>,
    /// Every `#[provider(...)]` could be read.
    pub(crate) complete: bool,
}

const PROVIDER_KEYS: &str = "`slug`, `base_url`, `auth`, `header` or `crate`";
const AUTH_EXPECTED: &str = "expected `auth = bearer`, `auth = none` or `auth = header(\"name\")`";
const HEADER_EXPECTED: &str = "expected a fixed header as `header(\"name\", \"value\")`";

/// Parses `auth = bearer | none | header("name")`.
fn parse_auth(meta: &ParseNestedMeta<'_>) -> syn::Result<AuthSpec> {
    let value = meta.value()?;
    let ident: syn::Ident = match value.parse::<proc_macro2::TokenTree>() {
        Ok(proc_macro2::TokenTree::Ident(ident)) => ident,
        Ok(found) => return Err(syn::Error::new_spanned(found, AUTH_EXPECTED)),
        Err(_) => return Err(value.error(AUTH_EXPECTED)),
    };
    if ident == "bearer" {
        Ok(AuthSpec::Bearer)
    } else if ident == "none" {
        Ok(AuthSpec::None)
    } else if ident == "header" && value.peek(syn::token::Paren) {
        let content = parse_parenthesized(value).ok_or_else(|| syn::Error::new_spanned(&ident, AUTH_EXPECTED))?;
        match parse_lit_strs(&content, AUTH_EXPECTED)?.as_slice() {
            [name] => Ok(AuthSpec::Header(name.clone())),
            _ => Err(syn::Error::new_spanned(content, AUTH_EXPECTED)),
        }
    } else {
        Err(syn::Error::new_spanned(ident, AUTH_EXPECTED))
    }
}

/// Parses `header("name", "value")`.
fn parse_header(meta: &ParseNestedMeta<'_>) -> syn::Result<(LitStr, LitStr)> {
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(HEADER_EXPECTED));
    }
    let content = parse_parenthesized(meta.input).ok_or_else(|| meta.error(HEADER_EXPECTED))?;
    match parse_lit_strs(&content, HEADER_EXPECTED)?.as_slice() {
        [name, value] => Ok((name.clone(), value.clone())),
        _ => Err(meta.error(HEADER_EXPECTED)),
    }
}

impl ProviderAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[syn::Attribute], is_field: bool) -> Self {
        let mut out = Self {
            slug: Attr::none(symbol::SLUG),
            base_url: Attr::none(symbol::BASE_URL),
            auth: Attr::none(symbol::AUTH),
            headers: Vec::new(),
            crate_path: Attr::none(symbol::CRATE),
            credential: Attr::none(symbol::CREDENTIAL),
            complete: true,
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::PROVIDER) {
            let complete = parse_keys(cx, attr, |meta| {
                let path = &meta.path;
                if is_field {
                    if path == symbol::CREDENTIAL {
                        return out.credential.set_parsed(cx, symbol::PROVIDER, path, parse_flag(meta));
                    }
                    return unknown_key(meta, "provider field attribute", "`credential`");
                }
                if path == symbol::SLUG {
                    out.slug.set_parsed(cx, symbol::PROVIDER, path, parse_lit_str(meta))
                } else if path == symbol::BASE_URL {
                    out.base_url.set_parsed(cx, symbol::PROVIDER, path, parse_lit_str(meta))
                } else if path == symbol::AUTH {
                    out.auth.set_parsed(cx, symbol::PROVIDER, path, parse_auth(meta))
                } else if path == symbol::HEADER {
                    out.headers.push(parse_header(meta)?);
                    Ok(())
                } else if path == symbol::CRATE {
                    out.crate_path.set_parsed(cx, symbol::PROVIDER, path, parse_crate(meta))
                } else {
                    unknown_key(meta, "provider attribute", format_args!("one of {PROVIDER_KEYS}"))
                }
            });
            out.complete &= complete;
        }
        out
    }
}
