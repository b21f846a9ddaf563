//! Hygiene of the generated code (STYLE.md section 3).
//!
//! The three derives expand inside `shadow`, a module where every prelude name
//! generated code might write bare (`Result`, `Ok`, `Some`, `String`,
//! `Into`, ...) names a unit struct of ours, where `vec!`, `format!`,
//! `panic!`, ... are local macros, and where `core`, `std`, `serde`,
//! `serde_json`, `async_trait` and `gateway_core` are empty modules. Generated
//! code that is not written with absolute paths (`::core::option::Option`,
//! `::gateway_core`) fails to compile here. The declarations are odd on
//! purpose: private and `pub(crate)`, raw identifiers, fields named like the
//! generated methods (`validate`, `serialize`) and like the macro's locals
//! (`__map`, `__v`, `__value`, `__metadata`), a declaration named
//! `...Request`, no inputs at all. Everything is compiled under
//! `#![deny(warnings)]`, so a lint the generated code trips in a user crate
//! fails this test too. The tests then use the generated API and check real
//! values. Known bugs of the generated code are at the end of the file,
//! commented out under `// BUG:`, each with its error and a proposed fix.

#![deny(warnings)]

use gateway_core::secrecy::{ExposeSecret, SecretString};
use gateway_core::{AuthScheme, BinaryOutput, BuiltinProvider, Model, ModelRequest, Provider, ProviderSlug};
use serde_json::json;

mod shadow {
    // Prelude names, in the type and the value namespace at once.
    pub(crate) struct Result;
    pub(crate) struct Ok;
    pub(crate) struct Err;
    pub(crate) struct Option;
    pub(crate) struct Some;
    pub(crate) struct None;
    pub(crate) struct String;
    pub(crate) struct Box;
    pub(crate) struct Vec;
    pub(crate) struct Default;
    pub(crate) struct From;
    pub(crate) struct Into;
    pub(crate) struct Clone;
    pub(crate) struct Copy;
    pub(crate) struct Send;
    pub(crate) struct Sync;
    pub(crate) struct Sized;
    pub(crate) struct ToOwned;
    pub(crate) struct ToString;
    pub(crate) struct Iterator;
    // Names of the core crate's own items.
    pub(crate) struct Model;
    pub(crate) struct ModelRequest;
    pub(crate) struct ModelResponse;
    pub(crate) struct ProviderKind;
    pub(crate) struct ToMetadata;
    pub(crate) struct Metadata;
    pub(crate) struct MetadataValue;
    pub(crate) struct Provider;
    pub(crate) struct ProviderSlug;
    pub(crate) struct AuthScheme;
    pub(crate) struct GatewayResponse;
    pub(crate) struct Serialize;
    pub(crate) struct Serializer;
    pub(crate) struct Deserialize;

    // Prelude macros: a bare `vec![...]` in generated code would call these.
    macro_rules! vec {
        ($($t:tt)*) => {
            1_usize
        };
    }
    macro_rules! format {
        ($($t:tt)*) => {
            1_usize
        };
    }
    macro_rules! panic {
        ($($t:tt)*) => {
            1_usize
        };
    }
    macro_rules! unreachable {
        ($($t:tt)*) => {
            1_usize
        };
    }
    macro_rules! matches {
        ($($t:tt)*) => {
            1_usize
        };
    }

    // Crate names as relative paths: from here, only absolute paths
    // (`::core`, `::std`, `::gateway_core`) reach the real crates.
    mod core {}
    mod std {}
    mod serde {}
    mod serde_json {}
    mod async_trait {}
    mod gateway_core {}

    /// Uses every shadowing item, so none is dead code; all are unit structs
    /// (size 0) and every macro above gives 1.
    pub(crate) fn shadowing_items() -> (usize, usize) {
        let types = (Result, Ok, Err, Option, Some, None, String, Box, Vec, Default, From, Into, Clone, Copy, Send);
        let more = (Sync, Sized, ToOwned, ToString, Iterator, Model, ModelRequest, ModelResponse, ProviderKind);
        let core = (ToMetadata, Metadata, MetadataValue, Provider, ProviderSlug, AuthScheme, GatewayResponse);
        let serde = (Serialize, Serializer, Deserialize);
        let size = ::core::mem::size_of_val(&(types, more, core, serde));
        (size, vec![] + format!() + panic!() + unreachable!() + matches!())
    }

    /// Every field feature: an exclusive group, `values` (with and without a
    /// default), defaults of each literal kind, ranges, lengths, `rename`, and
    /// outputs plain, renamed and `default`.
    #[derive(::gateway_core::Model)]
    #[model(id = "@cf/test/everything")]
    pub(crate) struct Everything {
        #[model(one_of = "input", length = 1..=10)]
        prompt: ::std::string::String,
        #[model(one_of = "input", length = 1..)]
        messages: ::std::vec::Vec<::std::string::String>,
        #[model(values("fast", "careful"))]
        mode: ::std::option::Option<::std::string::String>,
        #[model(values("low", "high"), default = "low")]
        effort: ::std::string::String,
        #[model(default = 0.5, range = 0..=1)]
        temperature: f64,
        #[model(default = 16, range = 1..=64)]
        max_tokens: u32,
        #[model(default = "hello", length = 1..)]
        greeting: ::std::string::String,
        #[model(default = false)]
        raw: bool,
        #[model(rename = "top_p", range = 0..=1)]
        nucleus: ::std::option::Option<f64>,
        #[model(length = ..=3)]
        stop: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
        #[model(output)]
        response: ::std::option::Option<::std::string::String>,
        #[model(output, rename = "usage")]
        tokens: ::std::option::Option<u64>,
        #[model(output, default)]
        tool_calls: ::std::vec::Vec<::std::string::String>,
        #[model(output)]
        id: ::std::string::String,
    }

    /// Group members with fields of their own (`with`, required and
    /// optional, one named like a local), `each` limits and `OneOrMany`.
    #[derive(::gateway_core::Model)]
    #[model(id = "@cf/test/variants")]
    pub(crate) struct Variants {
        #[model(one_of = "input", length = 1..)]
        text: ::gateway_core::model::OneOrMany<::std::string::String>,
        #[model(with = "text", each(range = 0..=1))]
        __value: ::std::option::Option<::std::vec::Vec<f64>>,
        #[model(one_of = "input")]
        image: ::gateway_core::model::Base64,
        #[model(with = "image", values("png", "jpeg"))]
        format: ::std::string::String,
        #[model(output)]
        data: ::std::vec::Vec<f32>,
    }

    /// A nested object with fields named like the generated code's locals,
    /// optional and nested fields, and one holding a list of itself.
    #[derive(::core::fmt::Debug, ::core::clone::Clone, ::gateway_core::Object)]
    pub(crate) struct Node {
        #[model(length = 1..)]
        pub(crate) __name: ::std::string::String,
        #[model(rename = "path", range = 0..=9)]
        pub(crate) __path: ::std::option::Option<u8>,
        #[model(nested)]
        pub(crate) __map: ::std::option::Option<::std::vec::Vec<Node>>,
    }

    /// A string enum with a raw identifier, a rename and an `other`.
    #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::gateway_core::Object)]
    pub(crate) enum Kind {
        r#Type,
        #[model(rename = "plain-text")]
        PlainText,
        #[model(other)]
        __Other,
    }

    /// One of two shapes, one of them nested.
    #[derive(::core::fmt::Debug, ::core::clone::Clone, ::gateway_core::Object)]
    pub(crate) enum Label {
        Name(::std::string::String),
        #[model(nested)]
        Nodes(::std::vec::Vec<Node>),
    }

    /// A model with a nested list of objects.
    #[derive(::gateway_core::Model)]
    #[model(id = "@cf/test/tree")]
    pub(crate) struct Tree {
        #[model(nested, length = 1..)]
        nodes: ::std::vec::Vec<Node>,
        kind: ::std::option::Option<Kind>,
        #[model(nested)]
        label: ::std::option::Option<Label>,
        #[model(output)]
        root: Node,
    }

    /// Private, with private fields named like generated methods and locals,
    /// raw identifiers, and a custom provider type.
    #[derive(::gateway_core::Model)]
    #[model(id = "odd-1", provider = Echo, endpoint = "odd/names")]
    struct OddNames {
        r#type: ::std::string::String,
        // Required, so it is a parameter of `new`, not a method (see BUG (1) at the end).
        new: u32,
        validate: ::std::option::Option<bool>,
        serialize: ::std::option::Option<::std::string::String>,
        __map: ::std::option::Option<u32>,
        #[model(default = 3, range = 0..=10)]
        __v: i64,
        value: ::std::option::Option<u8>,
        __serializer: ::std::option::Option<bool>,
        // A raw identifier with `values`: the enum is `OddNamesEnum`.
        #[model(values("json", "plain-text"))]
        r#enum: ::std::option::Option<::std::string::String>,
        #[model(one_of = "kind", range = 1..)]
        r#loop: u32,
        #[model(one_of = "kind", length = 1..)]
        __value: ::std::string::String,
        #[model(output)]
        r#match: bool,
        #[model(output, rename = "__map")]
        map: ::std::option::Option<u8>,
    }

    /// A declaration whose own name ends in `Request`, with a whole-body output.
    #[derive(::gateway_core::Model)]
    #[model(id = "ping-1", provider = "openai", endpoint = "ping")]
    pub(crate) struct PingRequest {
        count: u8,
        #[model(output, transparent)]
        pongs: ::std::vec::Vec<u32>,
    }

    /// No inputs at all.
    #[derive(::gateway_core::Model)]
    #[model(id = "@cf/test/nothing")]
    pub(crate) struct Nothing {
        #[model(output)]
        ok: bool,
    }

    /// A binary answer.
    #[derive(::gateway_core::Model)]
    #[model(id = "@cf/test/picture", binary)]
    pub(crate) struct Picture {
        prompt: ::std::string::String,
    }

    /// Metadata: private, with fields named like the macro's locals.
    #[derive(::gateway_core::Metadata)]
    struct Tags {
        user: u64,
        r#type: &'static str,
        __metadata: bool,
        __value: ::std::option::Option<f64>,
        #[metadata(rename = "team-name")]
        team: ::std::string::String,
    }

    /// Metadata with no entries.
    #[derive(::gateway_core::Metadata)]
    pub(crate) struct NoTags {}

    /// A provider with a credential header and a fixed header.
    #[derive(::core::fmt::Debug, ::gateway_core::Provider)]
    #[provider(slug = "echo", base_url = "https://echo.example.com/v1", auth = header("x-echo-key"))]
    #[provider(header("x-echo-version", "2"))]
    pub(crate) struct Echo {
        #[provider(credential)]
        pub(crate) key: ::gateway_core::secrecy::SecretString,
    }

    /// A provider with an optional bearer credential.
    #[derive(::core::fmt::Debug, ::gateway_core::Provider)]
    #[provider(slug = "keyed", base_url = "http://keyed.example.com", auth = bearer)]
    pub(crate) struct Keyed {
        #[provider(credential)]
        pub(crate) key: ::std::option::Option<::gateway_core::secrecy::SecretString>,
    }

    /// A provider with no credential and no fields.
    #[derive(::core::fmt::Debug, ::gateway_core::Provider)]
    #[provider(slug = "quiet", base_url = "https://quiet.example.com", auth = none)]
    pub(crate) struct Quiet {}

    /// The private declarations, tested from a child module (which sees
    /// private items but not the shadowing names).
    mod private {
        use gateway_core::{Model, ModelRequest, ProviderSlug, ToMetadata};
        use serde_json::json;

        use super::{Echo, OddNames, OddNamesEnum, OddNamesKind, OddNamesRequest, OddNamesResponse, Tags};

        fn odd() -> OddNamesRequest {
            OddNamesRequest::new("t", 7_u32, OddNamesKind::Loop(5))
        }

        #[test]
        fn odd_names_serialize_under_their_wire_names() {
            let request = odd()
                .validate(true)
                .serialize("s")
                .__map(1_u32)
                .__v(4_i64)
                .value(9_u8)
                .__serializer(false)
                .r#enum(OddNamesEnum::PlainText);
            assert_eq!(
                request.to_query().unwrap().to_string(),
                r#"{"model":"odd-1","type":"t","new":7,"validate":true,"serialize":"s","__map":1,"__v":4,"value":9,"__serializer":false,"enum":"plain-text","loop":5}"#
            );
            assert_eq!(odd().r#enum(OddNamesEnum::Json).to_query().unwrap()["enum"], "json");
            // Unset optionals are left out, `__v` (with a default) too.
            assert_eq!(odd().to_query().unwrap().to_string(), r#"{"model":"odd-1","type":"t","new":7,"loop":5}"#);
            let other = OddNamesRequest::new("t", 7_u32, OddNamesKind::Value("v".to_owned()));
            assert_eq!(other.to_query().unwrap()["__value"], "v");
            assert_eq!(other.r#type, "t");
            assert_eq!(other.new, 7);
        }

        #[test]
        fn odd_names_validate_binds_no_user_names() {
            // The `validate` builder method takes the name; the trait method is still there.
            assert!(ModelRequest::validate(&odd().validate(false)).is_ok());
            let err = ModelRequest::validate(&odd().__v(11_i64)).unwrap_err();
            assert_eq!(err.to_string(), "invalid __v: must be between 0 and 10, got 11");
            let err = ModelRequest::validate(&OddNamesRequest::new("t", 0_u32, OddNamesKind::Loop(0))).unwrap_err();
            assert_eq!(err.to_string(), "invalid loop: must be at least 1, got 0");
            let empty = OddNamesRequest::new("t", 0_u32, OddNamesKind::Value(String::new()));
            assert_eq!(empty.to_query().unwrap_err().to_string(), "invalid __value: length must be at least 1, got 0");
        }

        #[test]
        fn odd_names_model_and_response() {
            assert_eq!(OddNames::ID, "odd-1");
            const { assert!(OddNames::MODEL_IN_BODY) };
            assert_eq!(OddNames::provider(), ProviderSlug::Other("echo".to_owned()));
            assert_eq!(OddNames::endpoint(), "odd/names");
            let response: OddNamesResponse = serde_json::from_value(json!({"match": true, "__map": 2})).unwrap();
            assert!(response.r#match);
            assert_eq!(response.map, Some(2));
            let step = odd().to_step(&Echo { key: "k".into() }).unwrap();
            assert_eq!(step.provider.as_str(), "echo");
            assert_eq!(step.endpoint, "odd/names");
            assert_eq!(step.query["loop"], 5);
        }

        #[test]
        fn tags_become_metadata_in_declared_order() {
            let tags = Tags { user: 12_345, r#type: "kind", __metadata: true, __value: None, team: "AI".to_owned() };
            let metadata = tags.to_metadata();
            assert_eq!(
                metadata.to_json(),
                // `__value: None` is absent: left out, never sent as `null`.
                r#"{"user":12345,"type":"kind","__metadata":true,"team-name":"AI"}"#
            );
            assert_eq!(gateway_core::Metadata::from(&tags), metadata);
            let tags = Tags { __value: Some(1.5), ..tags };
            assert_eq!(
                gateway_core::Metadata::from(tags).to_json(),
                r#"{"user":12345,"type":"kind","__metadata":true,"__value":1.5,"team-name":"AI"}"#
            );
        }
    }
}

#[test]
fn variants_send_their_own_fields() {
    use shadow::{VariantsFormat, VariantsImage, VariantsRequest, VariantsText};

    let request = VariantsRequest::new(VariantsText::new(["a", "b"]).__value(vec![0.5]));
    assert_eq!(request.to_query().unwrap().to_string(), r#"{"text":["a","b"],"__value":[0.5]}"#);
    let request = VariantsRequest::new(VariantsImage::new("UE5H", VariantsFormat::Png));
    assert_eq!(request.to_query().unwrap().to_string(), r#"{"image":"UE5H","format":"png"}"#);
    let err = VariantsRequest::new(VariantsText::new("a").__value(vec![0.5, 1.5])).validate().unwrap_err();
    assert_eq!(err.to_string(), "invalid __value[1]: must be between 0 and 1, got 1.5");
}

#[test]
fn nested_objects_serialize_validate_and_decode() {
    use shadow::{Kind, Label, Node, TreeRequest, TreeResponse};

    let leaf = |name: &str, path: Option<u8>| Node { __name: name.to_owned(), __path: path, __map: None };
    let tree =
        TreeRequest::new(vec![Node { __name: "root".to_owned(), __path: None, __map: Some(vec![leaf("a", Some(1))]) }]);
    assert_eq!(
        tree.to_query().unwrap().to_string(),
        r#"{"nodes":[{"__name":"root","__map":[{"__name":"a","path":1}]}]}"#
    );
    let bad = TreeRequest::new(vec![Node {
        __name: "root".to_owned(),
        __path: None,
        __map: Some(vec![leaf("a", Some(1)), leaf("", None)]),
    }]);
    assert_eq!(
        bad.validate().unwrap_err().to_string(),
        "invalid nodes[0].__map[1].__name: length must be at least 1, got 0"
    );
    let deep = TreeRequest::new(vec![leaf("x", Some(10))]);
    assert_eq!(deep.validate().unwrap_err().to_string(), "invalid nodes[0].path: must be between 0 and 9, got 10");
    let response: TreeResponse = serde_json::from_value(json!({"root": {"__name": "r", "path": 2}})).unwrap();
    assert_eq!((response.root.__name.as_str(), response.root.__path), ("r", Some(2)));
    assert!(response.root.__map.is_none());

    let request = TreeRequest::new(vec![leaf("a", None)]).kind(Kind::PlainText);
    assert_eq!(request.to_query().unwrap()["kind"], "plain-text");
    assert_eq!(serde_json::to_value(Kind::r#Type).unwrap(), "type");
    assert_eq!(serde_json::from_value::<Kind>(json!("new-kind")).unwrap(), Kind::__Other);
    assert_eq!(Kind::PlainText.to_string(), "plain-text");

    let labelled = TreeRequest::new(vec![leaf("a", None)]).label(Label::Nodes(vec![leaf("", None)]));
    assert_eq!(
        labelled.validate().unwrap_err().to_string(),
        "invalid label[0].__name: length must be at least 1, got 0"
    );
    let named = TreeRequest::new(vec![leaf("a", None)]).label(Label::Name("n".to_owned()));
    assert_eq!(named.to_query().unwrap()["label"], "n");
}

#[test]
fn shadowing_items_are_ours() {
    assert_eq!(shadow::shadowing_items(), (0, 5));
}

#[test]
fn everything_request_serializes_set_values_only() {
    use shadow::{EverythingEffort, EverythingInput, EverythingMode, EverythingRequest};

    // A `default` is the model's own: not sent unless set.
    let request = EverythingRequest::new(EverythingInput::Prompt("hi".to_owned()));
    assert_eq!(request.to_query().unwrap().to_string(), r#"{"prompt":"hi"}"#);
    assert_eq!(request.effort, None);
    assert!(request.mode.is_none());

    let request = EverythingRequest::new(EverythingInput::Messages(vec!["a".to_owned(), "b".to_owned()]))
        .mode(EverythingMode::Careful)
        .effort(EverythingEffort::High)
        .temperature(0.25)
        .max_tokens(64)
        .greeting("hey")
        .raw(true)
        .nucleus(0.9)
        .stop(vec!["x".to_owned()]);
    assert_eq!(
        request.to_query().unwrap().to_string(),
        r#"{"messages":["a","b"],"mode":"careful","effort":"high","temperature":0.25,"max_tokens":64,"greeting":"hey","raw":true,"top_p":0.9,"stop":["x"]}"#
    );
    assert_eq!(serde_json::to_value(&request).unwrap(), request.to_query().unwrap());
    assert_eq!(EverythingMode::Fast.as_str(), "fast");
    assert_eq!(serde_json::to_value(EverythingMode::Fast).unwrap(), json!("fast"));
    assert_eq!(EverythingEffort::High.as_str(), "high");
    // The value enums are plain data: Copy, Eq, Hash, Debug.
    let mode = EverythingMode::Careful;
    let copied = mode;
    assert_eq!(mode, copied);
    assert_eq!(format!("{mode:?}"), "Careful");
}

#[test]
fn everything_request_checks_each_limit_by_wire_name() {
    use shadow::{EverythingInput, EverythingRequest};

    let prompt = |p: &str| EverythingRequest::new(EverythingInput::Prompt(p.to_owned()));
    let cases = [
        (prompt("hi").temperature(9.0), "invalid temperature: must be between 0 and 1, got 9"),
        (prompt("hi").max_tokens(0_u32), "invalid max_tokens: must be between 1 and 64, got 0"),
        (prompt("hi").nucleus(1.5), "invalid top_p: must be between 0 and 1, got 1.5"),
        (prompt("hi").greeting(""), "invalid greeting: length must be at least 1, got 0"),
        (prompt("hi").stop(vec![String::new(); 4]), "invalid stop: length must be at most 3, got 4"),
        (prompt(""), "invalid prompt: length must be between 1 and 10, got 0"),
        (prompt("12345678901"), "invalid prompt: length must be between 1 and 10, got 11"),
        (
            EverythingRequest::new(EverythingInput::Messages(Vec::new())),
            "invalid messages: length must be at least 1, got 0",
        ),
    ];
    for (request, message) in cases {
        assert_eq!(request.validate().unwrap_err().to_string(), message);
        assert_eq!(request.to_query().unwrap_err().to_string(), message);
    }
    assert!(prompt("1234567890").temperature(1.0).max_tokens(1_u32).validate().is_ok());
}

#[test]
fn everything_model_constants() {
    use shadow::Everything;

    assert_eq!(Everything::ID, "@cf/test/everything");
    const { assert!(!Everything::MODEL_IN_BODY) };
    assert_eq!(Everything::provider(), ProviderSlug::WorkersAi);
    assert_eq!(Everything::endpoint(), "@cf/test/everything");
}

#[test]
fn everything_response_decodes_leniently() {
    use shadow::EverythingResponse;

    let full: EverythingResponse = serde_json::from_value(json!({
        "response": "ok",
        "usage": 12,
        "tool_calls": ["search"],
        "id": "r1",
        "unknown": {"ignored": true}
    }))
    .unwrap();
    assert_eq!(full.response.as_deref(), Some("ok"));
    assert_eq!(full.tokens, Some(12));
    assert_eq!(full.tool_calls, ["search"]);
    assert_eq!(full.id, "r1");

    // `output, default`: missing decodes as empty; `Option`: missing is `None`.
    let sparse: EverythingResponse = serde_json::from_value(json!({"id": "r2"})).unwrap();
    assert_eq!(sparse.response, None);
    assert_eq!(sparse.tokens, None);
    assert!(sparse.tool_calls.is_empty());

    // A required output is required.
    let err = serde_json::from_value::<EverythingResponse>(json!({"response": "ok"})).unwrap_err();
    assert!(err.to_string().contains("missing field `id`"), "{err}");
}

#[test]
fn declaration_named_request_gets_request_request() {
    use shadow::{PingRequest, PingRequestRequest, PingRequestResponse};

    let request = PingRequestRequest::new(3_u8);
    assert_eq!(request.to_query().unwrap().to_string(), r#"{"model":"ping-1","count":3}"#);
    assert_eq!(PingRequest::provider(), ProviderSlug::Openai);
    let response: PingRequestResponse = serde_json::from_value(json!([1, 2, 3])).unwrap();
    assert_eq!(response.pongs, [1, 2, 3]);

    let step = request.to_step(&BuiltinProvider::openai("sk")).unwrap();
    assert_eq!(step.endpoint, "ping");
    let err = request.to_step_dyn(&shadow::Quiet {}).unwrap_err();
    assert_eq!(err.to_string(), "invalid provider: model `ping-1` is served by `openai`, not `quiet`");
}

#[test]
fn model_without_inputs_sends_an_empty_object() {
    use shadow::{NothingRequest, NothingResponse};

    assert_eq!(NothingRequest::new().to_query().unwrap(), json!({}));
    let response: NothingResponse = serde_json::from_value(json!({"ok": true})).unwrap();
    assert!(response.ok);
}

#[test]
fn binary_model_answers_with_binary_output() {
    use shadow::{Picture, PictureRequest, PictureResponse};

    assert_eq!(PictureRequest::new("a cat").to_query().unwrap(), json!({"prompt": "a cat"}));
    assert_eq!(std::any::TypeId::of::<PictureResponse>(), std::any::TypeId::of::<BinaryOutput>());
    assert_eq!(std::any::TypeId::of::<<Picture as Model>::Response>(), std::any::TypeId::of::<BinaryOutput>());
}

#[test]
fn empty_metadata_struct_gives_empty_metadata() {
    assert!(gateway_core::ToMetadata::to_metadata(&shadow::NoTags {}).is_empty());
}

#[test]
fn derived_providers_implement_provider_and_kind() {
    use gateway_core::ProviderKind;
    use shadow::{Echo, Keyed, Quiet};

    let echo = Echo { key: SecretString::from("sk-echo") };
    assert_eq!(echo.slug(), ProviderSlug::Other("echo".to_owned()));
    assert_eq!(<Echo as ProviderKind>::SLUG, "echo");
    assert_eq!(echo.base_url(), "https://echo.example.com/v1");
    assert_eq!(echo.auth_scheme(), AuthScheme::Header("x-echo-key".to_owned()));
    assert_eq!(echo.credential().map(ExposeSecret::expose_secret), Some("sk-echo"));
    assert_eq!(echo.fixed_headers(), [("x-echo-version".to_owned(), "2".to_owned())]);
    let headers: Vec<(String, Option<String>)> =
        echo.request_headers().into_iter().map(|(k, v)| (k, v.to_wire())).collect();
    assert_eq!(
        headers,
        [("x-echo-key".to_owned(), Some("sk-echo".to_owned())), ("x-echo-version".to_owned(), Some("2".to_owned()))]
    );
    assert!(!format!("{echo:?}").contains("sk-echo"));

    let keyed = Keyed { key: Some("sk-keyed".into()) };
    assert_eq!(keyed.auth_scheme(), AuthScheme::Bearer);
    assert_eq!(keyed.credential().map(ExposeSecret::expose_secret), Some("sk-keyed"));
    assert!(keyed.fixed_headers().is_empty());
    assert!(Keyed { key: None }.credential().is_none());
    assert_eq!(<Keyed as ProviderKind>::SLUG, "keyed");

    let quiet = Quiet {};
    assert_eq!(quiet.auth_scheme(), AuthScheme::None);
    assert!(quiet.credential().is_none());
    assert_eq!(quiet.base_url(), "https://quiet.example.com");
    assert!(quiet.request_headers().is_empty());
}

// A user module named like an alias the macro might use: the generated code
// brings the core crate in under a name nobody writes, so user types keep
// their meaning.
mod _gw {
    #[derive(Debug, Clone, serde::Serialize)]
    pub(crate) struct Shape(pub(crate) u8);
}

#[derive(gateway_core::Model)]
#[model(id = "@cf/test/shape")]
struct Shaped {
    shape: _gw::Shape,
    #[model(output)]
    ok: bool,
}

#[test]
fn user_module_named_like_the_alias() {
    assert_eq!(ShapedRequest::new(_gw::Shape(1)).to_query().unwrap(), json!({"shape": 1}));
    assert!(serde_json::from_value::<ShapedResponse>(json!({"ok": true})).unwrap().ok);
}

// A crate may send only some of the allowed values: the others are not dead code.
#[derive(gateway_core::Model)]
#[model(id = "@cf/test/partial")]
struct Partial {
    #[model(values("fast", "careful"))]
    mode: String,
    #[model(output)]
    ok: bool,
}

#[test]
fn unsent_values_are_not_dead_code() {
    assert_eq!(PartialRequest::new(PartialMode::Fast).to_query().unwrap(), json!({"mode": "fast"}));
    assert!(serde_json::from_value::<PartialResponse>(json!({"ok": true})).unwrap().ok);
}
