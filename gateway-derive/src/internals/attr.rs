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
pub(crate) struct Attr<'c, T> {
    cx: &'c Ctxt,
    name: Symbol,
    tokens: TokenStream,
    value: Option<T>,
}

impl<'c, T> Attr<'c, T> {
    pub(crate) fn none(cx: &'c Ctxt, name: Symbol) -> Self {
        Self { cx, name, tokens: TokenStream::new(), value: None }
    }

    /// Sets the value; a second setting is an error spanned on it.
    pub(crate) fn set<A: ToTokens>(&mut self, owner: Symbol, tokens: A, value: T) {
        let tokens = tokens.into_token_stream();
        if self.value.is_some() {
            self.cx.error_spanned_by(tokens, format!("duplicate {owner} attribute `{}`", self.name));
        } else {
            self.tokens = tokens;
            self.value = Some(value);
        }
    }

    pub(crate) fn get(self) -> Spanned<T> {
        Spanned { tokens: self.tokens, value: self.value }
    }
}

/// A parsed setting with the tokens that set it.
pub(crate) struct Spanned<T> {
    pub(crate) tokens: TokenStream,
    pub(crate) value: Option<T>,
}

impl<T> Spanned<T> {
    pub(crate) fn is_set(&self) -> bool {
        self.value.is_some()
    }
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
    value
        .parse::<LitStr>()
        .map_err(|_| value.error(format!("expected a string literal after `{} =`", path_name(&meta.path))))
}

/// `values("a", "b")`.
pub(crate) fn parse_str_list(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<LitStr>> {
    let content;
    syn::parenthesized!(content in meta.input);
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    Ok(list.into_iter().collect())
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
pub(crate) struct ModelAttrs<'c> {
    pub(crate) id: Attr<'c, LitStr>,
    pub(crate) provider: Attr<'c, ProviderRef>,
    pub(crate) endpoint: Attr<'c, LitStr>,
    pub(crate) crate_path: Attr<'c, syn::Path>,
    pub(crate) binary: Attr<'c, ()>,
}

const MODEL_KEYS: &str = "`id`, `provider`, `endpoint`, `binary` or `crate`";
const FIELD_KEYS: &str = "`rename`, `default`, `range`, `length`, `one_of`, `values`, `output` or `transparent`";

/// Parses `crate = "path"`.
fn parse_crate(meta: &ParseNestedMeta<'_>) -> syn::Result<syn::Path> {
    let lit = parse_lit_str(meta)?;
    lit.parse::<syn::Path>().map_err(|_| syn::Error::new_spanned(&lit, "expected a path such as \"my_gateway\""))
}

impl<'c> ModelAttrs<'c> {
    pub(crate) fn parse(cx: &'c Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Self {
            id: Attr::none(cx, symbol::ID),
            provider: Attr::none(cx, symbol::PROVIDER),
            endpoint: Attr::none(cx, symbol::ENDPOINT),
            crate_path: Attr::none(cx, symbol::CRATE),
            binary: Attr::none(cx, symbol::BINARY),
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::MODEL) {
            let result = attr.parse_nested_meta(|meta| {
                let path = meta.path.clone();
                if path == symbol::ID {
                    let lit = parse_lit_str(&meta)?;
                    out.id.set(symbol::MODEL, &path, lit);
                } else if path == symbol::PROVIDER {
                    let value = meta.value()?;
                    let provider = if value.peek(LitStr) {
                        ProviderRef::Builtin(value.parse()?)
                    } else {
                        ProviderRef::Type(value.parse().map_err(|_| {
                            value.error("expected a provider slug such as \"workers-ai\" or a provider type")
                        })?)
                    };
                    out.provider.set(symbol::MODEL, &path, provider);
                } else if path == symbol::ENDPOINT {
                    let lit = parse_lit_str(&meta)?;
                    out.endpoint.set(symbol::MODEL, &path, lit);
                } else if path == symbol::CRATE {
                    let krate = parse_crate(&meta)?;
                    out.crate_path.set(symbol::MODEL, &path, krate);
                } else if path == symbol::BINARY {
                    out.binary.set(symbol::MODEL, &path, ());
                } else {
                    return Err(meta.error(format!(
                        "unknown model attribute `{}`, expected one of {MODEL_KEYS}",
                        path_name(&path)
                    )));
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }
        out
    }
}

/// The field settings of `#[derive(Model)]`.
pub(crate) struct FieldAttrs<'c> {
    pub(crate) rename: Attr<'c, LitStr>,
    pub(crate) default: Attr<'c, Option<DefaultValue>>,
    pub(crate) range: Attr<'c, Bounds>,
    pub(crate) length: Attr<'c, Bounds>,
    pub(crate) one_of: Attr<'c, LitStr>,
    pub(crate) values: Attr<'c, Vec<LitStr>>,
    pub(crate) output: Attr<'c, ()>,
    pub(crate) transparent: Attr<'c, ()>,
}

impl<'c> FieldAttrs<'c> {
    pub(crate) fn parse(cx: &'c Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Self {
            rename: Attr::none(cx, symbol::RENAME),
            default: Attr::none(cx, symbol::DEFAULT),
            range: Attr::none(cx, symbol::RANGE),
            length: Attr::none(cx, symbol::LENGTH),
            one_of: Attr::none(cx, symbol::ONE_OF),
            values: Attr::none(cx, symbol::VALUES),
            output: Attr::none(cx, symbol::OUTPUT),
            transparent: Attr::none(cx, symbol::TRANSPARENT),
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::MODEL) {
            let result = attr.parse_nested_meta(|meta| {
                let path = meta.path.clone();
                if path == symbol::RENAME {
                    let lit = parse_lit_str(&meta)?;
                    out.rename.set(symbol::MODEL, &path, lit);
                } else if path == symbol::DEFAULT {
                    let value = parse_default(&meta)?;
                    let tokens = value.as_ref().map_or_else(|| path.to_token_stream(), ToTokens::to_token_stream);
                    out.default.set(symbol::MODEL, tokens, value);
                } else if path == symbol::RANGE {
                    let (bounds, tokens) = parse_bounds(&meta)?;
                    out.range.set(symbol::MODEL, tokens, bounds);
                } else if path == symbol::LENGTH {
                    let (bounds, tokens) = parse_bounds(&meta)?;
                    out.length.set(symbol::MODEL, tokens, bounds);
                } else if path == symbol::ONE_OF {
                    let lit = parse_lit_str(&meta)?;
                    out.one_of.set(symbol::MODEL, &path, lit);
                } else if path == symbol::VALUES {
                    let list = parse_str_list(&meta)?;
                    out.values.set(symbol::MODEL, &path, list);
                } else if path == symbol::OUTPUT {
                    out.output.set(symbol::MODEL, &path, ());
                } else if path == symbol::TRANSPARENT {
                    out.transparent.set(symbol::MODEL, &path, ());
                } else {
                    return Err(meta.error(format!(
                        "unknown model field attribute `{}`, expected one of {FIELD_KEYS}",
                        path_name(&path)
                    )));
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }
        out
    }
}

/// Settings of `#[derive(Metadata)]` (container: `crate`; fields: `rename`).
pub(crate) struct MetadataAttrs<'c> {
    pub(crate) crate_path: Attr<'c, syn::Path>,
    pub(crate) rename: Attr<'c, LitStr>,
}

impl<'c> MetadataAttrs<'c> {
    pub(crate) fn parse(cx: &'c Ctxt, attrs: &[syn::Attribute], is_field: bool) -> Self {
        let mut out = Self { crate_path: Attr::none(cx, symbol::CRATE), rename: Attr::none(cx, symbol::RENAME) };
        for attr in attrs.iter().filter(|a| a.path() == symbol::METADATA) {
            let result = attr.parse_nested_meta(|meta| {
                let path = meta.path.clone();
                if is_field && path == symbol::RENAME {
                    let lit = parse_lit_str(&meta)?;
                    out.rename.set(symbol::METADATA, &path, lit);
                } else if !is_field && path == symbol::CRATE {
                    let krate = parse_crate(&meta)?;
                    out.crate_path.set(symbol::METADATA, &path, krate);
                } else {
                    let expected = if is_field { "`rename`" } else { "`crate`" };
                    return Err(
                        meta.error(format!("unknown metadata attribute `{}`, expected {expected}", path_name(&path)))
                    );
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }
        out
    }
}

/// Settings of `#[derive(Provider)]`.
pub(crate) struct ProviderAttrs<'c> {
    pub(crate) slug: Attr<'c, LitStr>,
    pub(crate) base_url: Attr<'c, LitStr>,
    pub(crate) auth: Attr<'c, AuthSpec>,
    pub(crate) headers: Vec<(LitStr, LitStr)>,
    pub(crate) crate_path: Attr<'c, syn::Path>,
    pub(crate) credential: Attr<'c, ()>,
}

const PROVIDER_KEYS: &str = "`slug`, `base_url`, `auth`, `header` or `crate`";

impl<'c> ProviderAttrs<'c> {
    pub(crate) fn parse(cx: &'c Ctxt, attrs: &[syn::Attribute], is_field: bool) -> Self {
        let mut out = Self {
            slug: Attr::none(cx, symbol::SLUG),
            base_url: Attr::none(cx, symbol::BASE_URL),
            auth: Attr::none(cx, symbol::AUTH),
            headers: Vec::new(),
            crate_path: Attr::none(cx, symbol::CRATE),
            credential: Attr::none(cx, symbol::CREDENTIAL),
        };
        for attr in attrs.iter().filter(|a| a.path() == symbol::PROVIDER) {
            let result = attr.parse_nested_meta(|meta| {
                let path = meta.path.clone();
                if is_field {
                    if path == symbol::CREDENTIAL {
                        out.credential.set(symbol::PROVIDER, &path, ());
                        return Ok(());
                    }
                    return Err(meta.error(format!(
                        "unknown provider field attribute `{}`, expected `credential`",
                        path_name(&path)
                    )));
                }
                if path == symbol::SLUG {
                    let lit = parse_lit_str(&meta)?;
                    out.slug.set(symbol::PROVIDER, &path, lit);
                } else if path == symbol::BASE_URL {
                    let lit = parse_lit_str(&meta)?;
                    out.base_url.set(symbol::PROVIDER, &path, lit);
                } else if path == symbol::AUTH {
                    let value = meta.value()?;
                    let ident: syn::Ident =
                        value.parse().map_err(|_| value.error("expected `bearer`, `none` or `header(\"name\")`"))?;
                    let spec = if ident == "bearer" {
                        AuthSpec::Bearer
                    } else if ident == "none" {
                        AuthSpec::None
                    } else if ident == "header" {
                        let content;
                        syn::parenthesized!(content in value);
                        AuthSpec::Header(content.parse()?)
                    } else {
                        return Err(syn::Error::new_spanned(ident, "expected `bearer`, `none` or `header(\"name\")`"));
                    };
                    out.auth.set(symbol::PROVIDER, &path, spec);
                } else if path == symbol::HEADER {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let name: LitStr = content.parse()?;
                    content.parse::<Token![,]>()?;
                    let value: LitStr = content.parse()?;
                    out.headers.push((name, value));
                } else if path == symbol::CRATE {
                    let krate = parse_crate(&meta)?;
                    out.crate_path.set(symbol::PROVIDER, &path, krate);
                } else {
                    return Err(meta.error(format!(
                        "unknown provider attribute `{}`, expected one of {PROVIDER_KEYS}",
                        path_name(&path)
                    )));
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }
        out
    }
}
