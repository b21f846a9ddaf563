//! The model catalog generator: turns every Workers AI catalog entry with a
//! schema (`gateway-models/catalog/*.json`) into a `#[derive(Model)]`
//! declaration under `gateway-models/src/generated/`, one file per task
//! family.
//!
//! [`generate`] is a pure function of the catalog (sorted by file name,
//! formatted with the workspace's rustfmt settings), so [`check`] can tell
//! whether the committed files are what the catalog gives.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use gateway_models::Sampler;
use heck::{ToSnakeCase, ToUpperCamelCase};
use serde_json::Value;

/// What the generator emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `#[derive(Model)]` / `#[derive(Object)]` declarations (gateway-models).
    Derive,
    /// The same types as plain serde structs, with no limits, builders or
    /// `Model` impls: the hand-written equivalent the compile-time
    /// benchmark compares against (gateway-bench, never a user feature).
    Serde,
}

/// The task families: the catalog's task name, the cargo feature and the
/// module holding its models.
pub const FAMILIES: &[(&str, &str, &str)] = &[
    ("Text Generation", "text-generation", "text_generation"),
    ("Text Embeddings", "text-embeddings", "text_embeddings"),
    ("Text-to-Image", "text-to-image", "text_to_image"),
    ("Automatic Speech Recognition", "speech-recognition", "speech_recognition"),
    ("Translation", "translation", "translation"),
    ("Summarization", "summarization", "summarization"),
    ("Text Classification", "text-classification", "text_classification"),
    ("Image-to-Text", "image-to-text", "image_to_text"),
    ("Object Detection", "object-detection", "object_detection"),
    ("Image Classification", "image-classification", "image_classification"),
    ("Text-to-Speech", "text-to-speech", "text_to_speech"),
    ("Voice Activity Detection", "voice-activity-detection", "voice_activity_detection"),
];

/// Where the catalog is, relative to the workspace root.
pub const CATALOG_DIR: &str = "gateway-models/catalog";
/// Where the generated declarations go, relative to the workspace root.
pub const GENERATED_DIR: &str = "gateway-models/src/generated";

/// The workspace root (this crate's parent directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Generates every file of the generated directory: file name → formatted
/// source.
///
/// # Errors
///
/// A message naming the catalog file that could not be read or parsed, an
/// unknown task family, or rustfmt failing.
pub fn generate(root: &Path, mode: Mode) -> Result<BTreeMap<String, String>, String> {
    let catalog = root.join(CATALOG_DIR);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&catalog)
        .map_err(|e| format!("reading {}: {e}", catalog.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    entries.sort();
    let mut families: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut left_out = LeftOut::default();
    let mut calls: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for path in &entries {
        let text = std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let entry: Value = serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))?;
        if entry.get("schema").is_none() {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).ok_or_else(|| format!("file name {}", path.display()))?;
        let task = entry["task"]["name"].as_str().unwrap_or_default();
        let family = FAMILIES
            .iter()
            .find(|(name, _, _)| *name == task)
            .ok_or_else(|| format!("{}: unknown task family {task:?}", path.display()))?
            .2;
        let (code, call) = ModelGen::new(stem, &entry, mode, &mut left_out).run()?;
        families.entry(family).or_default().push(code);
        calls.entry(family).or_default().push(call);
    }
    let config = root.join("rustfmt.toml");
    let mut files = BTreeMap::new();
    let mut mod_rs = mod_header(mode, &left_out);
    for (task, feature, module) in FAMILIES {
        let Some(models) = families.get(module) else { continue };
        let _ = writeln!(mod_rs, "\n/// {task} models ({} with a schema).", models.len());
        let _ = writeln!(mod_rs, "#[cfg(feature = \"{feature}\")]");
        let _ = writeln!(mod_rs, "pub mod {module};");
        let mut file = format!("//! {task} models, generated from the catalog: do not edit.\n");
        for model in models {
            file.push('\n');
            file.push_str(model);
        }
        files.insert(format!("{module}.rs"), rustfmt(&file, &config)?);
    }
    files.insert("mod.rs".to_owned(), rustfmt(&mod_rs, &config)?);
    if mode == Mode::Derive {
        files.insert(OFFLINE_TEST.to_owned(), rustfmt(&offline_test(&calls), &config)?);
    }
    Ok(files)
}

/// Writes the generated files into `dir`, removing `.rs` files there that
/// the catalog no longer gives.
///
/// # Errors
///
/// As [`generate`], or a file that could not be written.
pub fn write(root: &Path, dir: &Path, mode: Mode) -> Result<usize, String> {
    let files = generate(root, mode)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    for stale in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path = stale.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if is_rust(&name) && !files.contains_key(&name) {
            std::fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
        }
    }
    for (name, text) in &files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(files.len())
}

/// The generated files that differ from what the catalog gives (missing,
/// changed or extra), by name; empty when the committed code is current.
///
/// # Errors
///
/// As [`generate`].
pub fn check(root: &Path) -> Result<Vec<String>, String> {
    let files = generate(root, Mode::Derive)?;
    let dir = root.join(GENERATED_DIR);
    let mut differing: Vec<String> = files
        .iter()
        .filter(|(name, text)| std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()))
        .map(|(name, _)| name.clone())
        .collect();
    if let Ok(listing) = std::fs::read_dir(&dir) {
        for entry in listing.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_rust(&name) && !files.contains_key(&name) {
                differing.push(name);
            }
        }
    }
    Ok(differing)
}

/// Formats `source` with rustfmt and the workspace's settings.
fn rustfmt(source: &str, config: &Path) -> Result<String, String> {
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".to_owned()))
        .args(["--edition", "2024", "--emit", "stdout", "--config-path"])
        .arg(config)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("rustfmt stdin")?
        .write_all(source.as_bytes())
        .map_err(|e| format!("writing to rustfmt: {e}"))?;
    let output = child.wait_with_output().map_err(|e| format!("running rustfmt: {e}"))?;
    if !output.status.success() {
        return Err(format!("rustfmt failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt output: {e}"))
}

/// Schema constructs the derive cannot say, with the models they occur in.
#[derive(Debug, Default)]
pub struct LeftOut(BTreeMap<&'static str, BTreeSet<String>>);

impl LeftOut {
    fn note(&mut self, what: &'static str, model: &str) {
        self.0.entry(what).or_default().insert(model.to_owned());
    }
}

/// Each construct left out or approximated, and why.
const LEFT_OUT: &[(&str, &str)] = &[
    (
        "binary-body",
        "a request body that is the raw bytes (`oneOf` with a `format: binary` string): only the JSON object \
         form is generated; the JSON form carries the same input",
    ),
    (
        "binary-alternative",
        "an answer that may be a byte stream instead of JSON (`text/event-stream`, `audio/mpeg`): the JSON \
         answer is the response type; streams are read with the client's streaming calls",
    ),
    (
        "websocket-answer",
        "an answer sent as WebSocket messages (the output schema is one message): the typed call posts the \
         input as JSON and decodes one message; the WebSocket itself is not spoken",
    ),
    (
        "stream-field",
        "the `stream` input: not a field; models whose JSON answer is Workers AI `response` chunks get the \
         derive's `stream` (`run_model_stream` sets the flag), the others are not streamed by the typed calls",
    ),
    (
        "shared-by-some-branches",
        "a field of some but not all branches of a request choice: `with` ties a field to one member, so it is \
         a request-level optional field (sendable with any member)",
    ),
    (
        "choice-without-own-field",
        "a request choice whose branches have no required field of their own (no member to choose by): the \
         first branch is generated",
    ),
    (
        "pattern",
        "`pattern` on strings, unless it is a choice of words (then the field is an enum of them): the derive has \
         no regular-expression limit; not checked",
    ),
    (
        "free-form-object",
        "objects without `properties` (maps, JSON Schemas, `additionalProperties`): `serde_json::Value`",
    ),
    ("non-string-enum", "`enum` of numbers or mixed values: the plain number type, values listed in the docs only"),
    (
        "default-on-non-scalar",
        "`default` on a field that is not a string, number or boolean, or inside a nested object: the field is \
         an `Option`, the default is documented",
    ),
    (
        "fractional-bound-on-integer",
        "a `minimum`/`maximum` that is not an integer on an integer field, or beyond 64 bits: not checked",
    ),
    (
        "object-limits",
        "`minProperties`/`maxProperties`, `uniqueItems` and item limits on lists of lists of objects: not checked",
    ),
    ("same-shape-union", "a `oneOf`/`anyOf` whose members have the same Rust type: one variant per type"),
];

fn mod_header(mode: Mode, left_out: &LeftOut) -> String {
    let mut out = String::new();
    if mode == Mode::Serde {
        out.push_str(
            "//! Hand-written-equivalent serde types of the generated catalog (`cargo run -p xtask -- \
             gen-models --serde`): the compile-time benchmark's baseline. Not a user feature.\n\n",
        );
        out.push_str(
            "#![allow(missing_docs, dead_code, unreachable_pub, clippy::pedantic, reason = \"benchmark input\")]\n",
        );
        out.push_str(
            "/// A string or a list of strings.\n#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]\n\
             #[serde(untagged)]\npub enum OneOrManyString {\n    One(String),\n    Many(Vec<String>),\n}\n",
        );
        return out;
    }
    out.push_str(
        "//! Typed declarations of every Workers AI catalog model with a schema, generated by \
         `cargo run -p xtask -- gen-models` from `gateway-models/catalog/`: do not edit. One module per \
         task family (a cargo feature of the same name), one module per model in it, holding a \
         `#[derive(Model)]` declaration named after the model and its nested `#[derive(Object)]` types.\n//!\n\
         //! # Left out\n//!\n\
         //! Schema constructs the derive cannot say, and what the generator writes instead:\n//!\n",
    );
    for (key, why) in LEFT_OUT {
        // Only what this catalog uses.
        let Some(models) = left_out.0.get(key) else { continue };
        let _ = writeln!(out, "//! - {why} (models: {}).", models.len());
    }
    out.push_str(
        "\n#![allow(missing_docs, clippy::doc_markdown, rustdoc::bare_urls, rustdoc::broken_intra_doc_links, \
         rustdoc::invalid_html_tags, reason = \"docs are the catalog's own text, which documents only some fields\")]\n\
         #![allow(unused_qualifications, reason = \"types are named through gateway_core, whatever the crate depends on\")]\n",
    );
    out
}

/// A Rust type of a schema value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Ty {
    Str,
    Bool,
    Int {
        unsigned: bool,
    },
    Float,
    Bytes,
    Base64,
    Json,
    OneOrManyStr,
    Vec(Box<Ty>),
    /// A generated type in the model's module, and whether it is checked
    /// (`nested`: structs and unions, not string enums).
    Named(String, bool),
}

impl Ty {
    fn render(&self, mode: Mode) -> String {
        match self {
            Self::Base64 if mode == Mode::Derive => "gateway_core::model::Base64".into(),
            Self::Str | Self::Base64 => "String".into(),
            Self::Bool => "bool".into(),
            Self::Int { unsigned: true } => "u64".into(),
            Self::Int { unsigned: false } => "i64".into(),
            Self::Float => "f64".into(),
            Self::Bytes => "Vec<u8>".into(),
            Self::Json => "gateway_core::serde_json::Value".into(),
            Self::OneOrManyStr if mode == Mode::Derive => "gateway_core::model::OneOrMany<String>".into(),
            Self::OneOrManyStr => "crate::generated::OneOrManyString".into(),
            Self::Vec(item) => format!("Vec<{}>", item.render(mode)),
            Self::Named(name, _) => name.clone(),
        }
    }

    /// Whether a value of this type has limits of its own to check.
    fn nested(&self) -> bool {
        match self {
            Self::Vec(item) => item.nested(),
            Self::Named(_, checked) => *checked,
            _ => false,
        }
    }

    fn scalar(&self) -> bool {
        matches!(self, Self::Str | Self::Bool | Self::Int { .. } | Self::Float)
    }
}

/// Limits of a value, as the derive writes them.
#[derive(Debug, Clone, Default, PartialEq)]
struct Limits {
    range: Option<String>,
    length: Option<String>,
    each: Option<String>,
}

/// A field of a model or object.
#[derive(Debug, Clone)]
struct Field {
    wire: String,
    ident: String,
    ty: Ty,
    optional: bool,
    doc: String,
    default: Option<String>,
    limits: Limits,
    role: Role,
    /// The field's schema: what the offline test's value for it is sampled from.
    schema: Value,
}

#[derive(Debug, Clone, PartialEq)]
enum Role {
    Input,
    /// A member of the exclusive group named here.
    Member(String),
    With(String),
    Output,
    Transparent,
}

/// A generated nested type.
#[derive(Debug, Clone)]
enum Item {
    Struct { doc: String, fields: Vec<Field> },
    Enum { doc: String, values: Vec<String> },
    Union { doc: String, variants: Vec<(String, Ty)> },
}

struct ModelGen<'a> {
    stem: &'a str,
    entry: &'a Value,
    mode: Mode,
    left_out: &'a mut LeftOut,
    /// Generated types by name, in order of creation.
    items: Vec<(String, Item)>,
    /// Item shape (rendered without its name) → name, to share equal types.
    shapes: BTreeMap<String, String>,
    output_ctx: bool,
    /// How deep in nested objects the field being generated is.
    depth: usize,
}

impl<'a> ModelGen<'a> {
    fn new(stem: &'a str, entry: &'a Value, mode: Mode, left_out: &'a mut LeftOut) -> Self {
        Self { stem, entry, mode, left_out, items: Vec::new(), shapes: BTreeMap::new(), output_ctx: false, depth: 0 }
    }

    fn note(&mut self, what: &'static str) {
        self.left_out.note(what, self.stem);
    }

    /// The module of the model, and the test call running one request of it.
    fn run(mut self) -> Result<(String, String), String> {
        let name = self.stem.to_upper_camel_case();
        let module = self.stem.to_snake_case();
        let id = self.entry["name"].as_str().ok_or_else(|| format!("{}: no model name", self.stem))?.to_owned();
        // Read as gateway-models reads it, with Cloudflare's slips repaired.
        let schema = gateway_models::ModelSchema::from_entry_schema(&self.entry["schema"])
            .ok_or_else(|| format!("{}: a schema without `input` and `output`", self.stem))?;
        let mut fields = self.input_fields(schema.input());
        self.output_ctx = true;
        let (outputs, binary) = self.output_fields(schema.output());
        let inputs: BTreeSet<String> = fields.iter().map(|f| f.ident.clone()).collect();
        for mut field in outputs {
            if inputs.contains(&field.ident) {
                field.ident = format!("output_{}", field.ident);
            }
            fields.push(field);
        }
        // A model taking `stream` whose answer is Workers AI `response` chunks
        // streams through the derive's `stream`: the streaming call sets the flag.
        let outputs: Vec<&Field> =
            fields.iter().filter(|f| matches!(f.role, Role::Output | Role::Transparent)).collect();
        let streams = self.left_out.0.get("stream-field").is_some_and(|models| models.contains(self.stem))
            && !binary
            && outputs.iter().any(|f| f.wire == "response")
            && outputs.iter().all(|f| f.optional && f.role == Role::Output);
        let container = match (binary, streams) {
            (true, _) => ", binary",
            (false, true) => ", stream",
            (false, false) => "",
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "/// {}\n#[allow(clippy::all, clippy::pedantic, reason = \"generated\")]\npub mod {module} {{",
            doc_line(&format!("`{id}`"))
        );
        out.push_str(&self.model_doc(&id));
        match self.mode {
            Mode::Derive => {
                out.push_str("#[derive(Debug, gateway_core::Model)]\n");
                let _ = writeln!(out, "#[model(id = {}{container})]", lit(&id));
                let _ = writeln!(out, "pub struct {name} {{");
                for field in &fields {
                    out.push_str(&self.render_field(field, false));
                }
                out.push_str("}\n");
            }
            Mode::Serde => {
                out.push_str("#[derive(Debug, Clone, serde::Serialize)]\n");
                let _ = writeln!(out, "pub struct {name}Request {{");
                for field in fields.iter().filter(|f| !matches!(f.role, Role::Output | Role::Transparent)) {
                    out.push_str(&self.render_field(field, true));
                }
                out.push_str("}\n");
                let transparent = fields.iter().any(|f| f.role == Role::Transparent);
                let _ = writeln!(
                    out,
                    "/// The answer.\n#[derive(Debug, Clone, serde::Deserialize)]\n{}pub struct {name}Response {{",
                    if transparent { "#[serde(transparent)]\n" } else { "" }
                );
                for field in fields.iter().filter(|f| matches!(f.role, Role::Output | Role::Transparent)) {
                    out.push_str(&self.render_field(field, true));
                }
                out.push_str("}\n");
            }
        }
        for (item_name, item) in &self.items {
            out.push_str(&self.render_item(item_name, item));
        }
        out.push_str("}\n");
        let call = self.test_call(&module, &name, &fields);
        Ok((out, call))
    }

    fn model_doc(&self, id: &str) -> String {
        let mut doc = String::new();
        if let Some(description) = self.entry["description"].as_str() {
            doc.push_str(description);
            doc.push_str("\n\n");
        }
        let task = self.entry["task"]["name"].as_str().unwrap_or_default();
        let _ = writeln!(doc, "Model `{id}`, task {task}.");
        if let Some(properties) = self.entry["properties"].as_array().filter(|p| !p.is_empty()) {
            doc.push('\n');
            for property in properties {
                let key = property["property_id"].as_str().unwrap_or_default();
                let value = match &property["value"] {
                    Value::String(s) if s.starts_with("http") => format!("<{s}>"),
                    Value::String(s) => s.clone(),
                    Value::Array(prices) if key == "price" => prices
                        .iter()
                        .map(|p| {
                            format!(
                                "{} {} {}",
                                p["price"],
                                p["currency"].as_str().unwrap_or_default(),
                                p["unit"].as_str().unwrap_or_default()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                    other => format!("`{other}`"),
                };
                let _ = writeln!(doc, "- {}: {value}", key.replace('_', " "));
            }
        }
        doc_block(&doc)
    }

    // ---- inputs ----

    fn input_fields(&mut self, input: &Value) -> Vec<Field> {
        let branches = self.branches(input, &Branch::default());
        if branches.len() == 1 {
            return self.branch_fields(&branches[0], &Role::Input);
        }
        let members: Vec<Option<String>> = branches
            .iter()
            .map(|branch| {
                branch
                    .required
                    .iter()
                    .find(|name| !branches.iter().any(|other| !std::ptr::eq(other, branch) && other.has(name)))
                    .cloned()
            })
            .collect();
        if members.iter().any(Option::is_none) {
            self.note("choice-without-own-field");
            return self.branch_fields(&branches[0], &Role::Input);
        }
        let members: Vec<String> = members.into_iter().flatten().collect();
        let group = if members.iter().any(|m| m == "input") { "choice" } else { "input" };
        let mut fields = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, branch) in branches.iter().enumerate() {
            for (wire, schema) in &branch.props {
                if !seen.insert(wire.clone()) {
                    continue;
                }
                let holders = branches.iter().filter(|b| b.has(wire)).count();
                let (role, required) = if *wire == members[i] {
                    (Role::Member(group.to_owned()), true)
                } else if holders == 1 {
                    (Role::With(members[i].clone()), branch.required.contains(wire))
                } else {
                    if holders < branches.len() {
                        self.note("shared-by-some-branches");
                    }
                    (Role::Input, branches.iter().all(|b| b.required.contains(wire)))
                };
                fields.extend(self.field(wire, schema, required, role));
            }
        }
        fields
    }

    /// The object branches of a request schema, choices flattened.
    fn branches(&mut self, schema: &Value, parent: &Branch) -> Vec<Branch> {
        let mut own = parent.clone();
        if let Some(props) = schema["properties"].as_object() {
            for (k, v) in props {
                if !own.has(k) {
                    own.props.push((k.clone(), v.clone()));
                }
            }
        }
        if let Some(required) = schema["required"].as_array() {
            own.required.extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
        }
        let choice = schema["oneOf"].as_array().or_else(|| schema["anyOf"].as_array());
        let Some(choice) = choice else { return vec![own] };
        let mut out = Vec::new();
        for member in choice {
            if member["type"] == "string" && member["format"] == "binary" {
                self.note("binary-body");
                continue;
            }
            out.extend(self.branches(member, &own));
        }
        if out.is_empty() { vec![own] } else { out }
    }

    fn branch_fields(&mut self, branch: &Branch, role: &Role) -> Vec<Field> {
        branch
            .props
            .iter()
            .filter_map(|(wire, schema)| self.field(wire, schema, branch.required.contains(wire), role.clone()))
            .collect()
    }

    /// A field of a model (`role` not `None`) or of an object.
    fn field(&mut self, wire: &str, schema: &Value, required: bool, role: Role) -> Option<Field> {
        if wire == "stream" && matches!(role, Role::Input | Role::With(_)) {
            self.note("stream-field");
            return None;
        }
        let ident = ident(wire);
        let hint = wire.to_upper_camel_case();
        let (ty, limits, nullable) = self.ty(schema, &hint);
        let mut doc = schema["description"].as_str().unwrap_or_default().to_owned();
        let mut default = None;
        let mut optional = !required || nullable;
        if let Some(value) = schema.get("default").filter(|v| !v.is_null()) {
            let model_field = role != Role::Output && self.depth == 0;
            match literal(value, &ty) {
                // A required field with a default is still sent: it stays required.
                Some(lit) if model_field && ty.scalar() && !nullable && !required => {
                    default = Some(lit);
                    optional = false;
                }
                _ => {
                    if !doc.is_empty() {
                        doc.push_str("\n\n");
                    }
                    let _ = write!(doc, "Default: `{value}`.");
                    if model_field && !required {
                        self.note("default-on-non-scalar");
                    }
                }
            }
        }
        if matches!(role, Role::Member(_)) {
            optional = false;
        }
        Some(Field { wire: wire.to_owned(), ident, ty, optional, doc, default, limits, role, schema: schema.clone() })
    }
}

/// One object branch of a request schema.
#[derive(Debug, Clone, Default)]
struct Branch {
    props: Vec<(String, Value)>,
    required: BTreeSet<String>,
}

impl Branch {
    fn has(&self, name: &str) -> bool {
        self.props.iter().any(|(k, _)| k == name)
    }
}

impl ModelGen<'_> {
    /// The Rust type of a schema, its limits, and whether it may be `null`.
    #[expect(clippy::too_many_lines, reason = "one arm per JSON Schema type reads best together")]
    fn ty(&mut self, schema: &Value, hint: &str) -> (Ty, Limits, bool) {
        let mut limits = Limits::default();
        if let Some(choice) = schema["oneOf"].as_array().or_else(|| schema["anyOf"].as_array()) {
            return self.choice_ty(schema, choice, hint);
        }
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let nullable = types.contains(&"null");
        let types: Vec<&str> = types.into_iter().filter(|t| *t != "null").collect();
        if types.len() > 1 {
            let members: Vec<Value> = types
                .iter()
                .map(|t| {
                    let mut member = schema.clone();
                    member["type"] = Value::String((*t).to_owned());
                    member
                })
                .collect();
            let (ty, limits, _) = self.choice_ty(schema, &members, hint);
            return (ty, limits, nullable);
        }
        let inferred = if schema.get("properties").is_some() {
            "object"
        } else if schema.get("items").is_some() {
            "array"
        } else if schema["enum"].as_array().is_some_and(|v| !v.is_empty() && v.iter().all(Value::is_string)) {
            // An `enum` of strings without `type` (Llama Guard's `role`) is a string enum.
            "string"
        } else {
            ""
        };
        let ty = match types.first().copied().unwrap_or(inferred) {
            "string" => {
                let words = schema["pattern"].as_str().and_then(pattern_words);
                if schema.get("pattern").is_some() && words.is_none() {
                    self.note("pattern");
                }
                limits.length = span(&schema["minLength"], &schema["maxLength"]);
                let listed = schema["enum"].as_array().filter(|v| !v.is_empty() && v.iter().all(Value::is_string));
                let values: Option<Vec<String>> =
                    listed.map(|v| v.iter().filter_map(Value::as_str).map(str::to_owned).collect()).or(words);
                match values {
                    Some(values) => {
                        let doc = schema["description"].as_str().unwrap_or_default().to_owned();
                        limits.length = None;
                        self.add_item(hint, Item::Enum { doc, values })
                    }
                    _ if self.output_ctx
                        && schema["description"].as_str().is_some_and(|d| d.to_lowercase().contains("base64")) =>
                    {
                        Ty::Base64
                    }
                    _ => Ty::Str,
                }
            }
            "boolean" => Ty::Bool,
            "integer" => {
                let unsigned = schema["minimum"].as_f64().is_some_and(|m| m >= 0.0);
                let ty = Ty::Int { unsigned };
                limits.range = self.range(schema, &ty);
                ty
            }
            "number" => {
                limits.range = self.range(schema, &Ty::Float);
                Ty::Float
            }
            "array" => {
                limits.length = span(&schema["minItems"], &schema["maxItems"]);
                if schema.get("uniqueItems").is_some() {
                    self.note("object-limits");
                }
                let items = &schema["items"];
                let bytes_hint =
                    |s: &Value| s["description"].as_str().is_some_and(|d| d.contains("255") || d.contains("8-bit"));
                let numeric = matches!(items["type"].as_str(), Some("number" | "integer"));
                if numeric && (bytes_hint(schema) || bytes_hint(items)) {
                    Ty::Bytes
                } else if items.is_object() && items.as_object().is_some_and(|m| !m.is_empty()) {
                    let item_hint = format!("{hint}Item");
                    let (item, item_limits, _) = self.ty(items, &item_hint);
                    limits.each = match (&item_limits.range, &item_limits.length) {
                        (Some(range), _) => Some(format!("range = {range}")),
                        (None, Some(length)) => Some(format!("length = {length}")),
                        _ => None,
                    };
                    Ty::Vec(Box::new(item))
                } else {
                    Ty::Vec(Box::new(Ty::Json))
                }
            }
            "object" => match schema["properties"].as_object().filter(|p| !p.is_empty()) {
                Some(props) => {
                    if schema.get("minProperties").is_some() || schema.get("maxProperties").is_some() {
                        self.note("object-limits");
                    }
                    let required: BTreeSet<&str> =
                        schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                    self.depth += 1;
                    let role = if self.output_ctx { Role::Output } else { Role::Input };
                    let fields: Vec<Field> = props
                        .iter()
                        .filter_map(|(wire, prop)| {
                            let mut field = self.field(wire, prop, required.contains(wire.as_str()), role.clone())?;
                            field.role = Role::Input;
                            Some(field)
                        })
                        .collect();
                    self.depth -= 1;
                    let doc = schema["description"].as_str().unwrap_or_default().to_owned();
                    self.add_item(hint, Item::Struct { doc, fields })
                }
                None => {
                    self.note("free-form-object");
                    Ty::Json
                }
            },
            _ => Ty::Json,
        };
        if let Some(values) = schema["enum"].as_array()
            && !matches!(ty, Ty::Named(..))
            && !values.is_empty()
        {
            self.note("non-string-enum");
        }
        (ty, limits, nullable)
    }

    /// The type of a `oneOf`/`anyOf`: the one non-null member, a string or
    /// a list of strings, or a union of the members' types.
    fn choice_ty(&mut self, parent: &Value, choice: &[Value], hint: &str) -> (Ty, Limits, bool) {
        let nullable = choice.iter().any(|m| m["type"] == "null");
        let members: Vec<Value> = choice
            .iter()
            .filter(|m| m["type"] != "null")
            .map(|m| {
                let mut m = m.clone();
                if m.get("description").is_none()
                    && let Some(d) = parent.get("description")
                {
                    m["description"] = d.clone();
                }
                m
            })
            .collect();
        if members.len() == 1 {
            let (ty, limits, _) = self.ty(&members[0], hint);
            return (ty, limits, nullable);
        }
        let is_str = |m: &Value| m["type"] == "string" && m.get("enum").is_none();
        if members.len() == 2 && is_str(&members[0]) && members[1]["type"] == "array" && is_str(&members[1]["items"]) {
            let mut limits =
                Limits { length: span(&members[1]["minItems"], &members[1]["maxItems"]), ..Limits::default() };
            let item = span(&members[0]["minLength"], &members[0]["maxLength"])
                .or_else(|| span(&members[1]["items"]["minLength"], &members[1]["items"]["maxLength"]));
            limits.each = item.map(|l| format!("length = {l}"));
            return (Ty::OneOrManyStr, limits, nullable);
        }
        let mut variants: Vec<(String, Ty)> = Vec::new();
        for (i, member) in members.iter().enumerate() {
            let title = member["title"].as_str().map(ToUpperCamelCase::to_upper_camel_case).filter(|t| valid_ident(t));
            let member_hint = format!("{hint}{}", title.clone().unwrap_or_else(|| format!("{}", i + 1)));
            let (ty, _, _) = self.ty(member, &member_hint);
            if variants.iter().any(|(_, t)| *t == ty) {
                self.note("same-shape-union");
                continue;
            }
            let name = title.unwrap_or_else(|| variant_name(&ty));
            let name = unique(&name, |n| variants.iter().any(|(v, _)| v == n));
            variants.push((name, ty));
        }
        if variants.len() == 1 {
            return (variants.remove(0).1, Limits::default(), nullable);
        }
        let doc = parent["description"].as_str().unwrap_or_default().to_owned();
        (self.add_item(hint, Item::Union { doc, variants }), Limits::default(), nullable)
    }

    fn range(&mut self, schema: &Value, ty: &Ty) -> Option<String> {
        let bound = |v: &Value| -> Option<Option<String>> {
            if v.is_null() {
                return Some(None);
            }
            let n = v.as_f64()?;
            if matches!(ty, Ty::Int { .. }) {
                #[expect(clippy::cast_possible_truncation, reason = "checked integral and in range")]
                return (n.fract() == 0.0 && n.abs() < 9.0e15).then(|| Some(format!("{}", n as i64)));
            }
            Some(Some(number(v)))
        };
        let (Some(lo), Some(hi)) = (bound(&schema["minimum"]), bound(&schema["maximum"])) else {
            self.note("fractional-bound-on-integer");
            return None;
        };
        match (lo, hi) {
            (None, None) => None,
            (Some(lo), Some(hi)) => Some(format!("{lo}..={hi}")),
            (Some(lo), None) => Some(format!("{lo}..")),
            (None, Some(hi)) => Some(format!("..={hi}")),
        }
    }

    /// Adds a nested type (or finds an equal one), named after `hint`.
    fn add_item(&mut self, hint: &str, item: Item) -> Ty {
        let checked = !matches!(item, Item::Enum { .. });
        let shape = self.render_item("_", &item);
        if let Some(name) = self.shapes.get(&shape) {
            return Ty::Named(name.clone(), checked);
        }
        let model = self.stem.to_upper_camel_case();
        let base = if valid_ident(hint) { hint.to_owned() } else { format!("T{hint}") };
        let name = unique(&base, |n| n == model || self.items.iter().any(|(m, _)| m == n));
        self.shapes.insert(shape, name.clone());
        self.items.push((name.clone(), item));
        Ty::Named(name, checked)
    }

    // ---- outputs ----

    /// The output fields, and whether the answer is raw bytes.
    fn output_fields(&mut self, output: &Value) -> (Vec<Field>, bool) {
        let is_bytes = |s: &Value| s["type"] == "string" && s["format"] == "binary";
        if output["description"].as_str().is_some_and(|d| d.to_lowercase().contains("websocket")) {
            self.note("websocket-answer");
        }
        if is_bytes(output) {
            return (Vec::new(), true);
        }
        let mut output = output.clone();
        if let Some(choice) = output["oneOf"].as_array().cloned() {
            let json: Vec<Value> = choice.iter().filter(|m| !is_bytes(m)).cloned().collect();
            if json.is_empty() {
                return (Vec::new(), true);
            }
            if json.len() < choice.len() {
                self.note("binary-alternative");
            }
            output = if json.len() == 1 {
                json[0].clone()
            } else {
                let mut merged = output.clone();
                merged["oneOf"] = Value::Array(json);
                merged
            };
        }
        let props = output["properties"].as_object().filter(|p| !p.is_empty() && output.get("oneOf").is_none());
        match props {
            Some(props) => {
                let required: BTreeSet<&str> =
                    output["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                let fields = props
                    .iter()
                    .filter_map(|(wire, prop)| self.field(wire, prop, required.contains(wire.as_str()), Role::Output))
                    .collect();
                (fields, false)
            }
            None => {
                let (ty, _, _) = self.ty(&output, "Answer");
                let doc = output["description"].as_str().unwrap_or("The whole answer.").to_owned();
                let field = Field {
                    wire: "result".into(),
                    ident: "result".into(),
                    ty,
                    optional: false,
                    doc,
                    default: None,
                    limits: Limits::default(),
                    role: Role::Transparent,
                    schema: output.clone(),
                };
                (vec![field], false)
            }
        }
    }

    // ---- rendering ----

    fn render_field(&self, field: &Field, public: bool) -> String {
        let mut out = doc_block(&field.doc);
        let mut attrs: Vec<String> = Vec::new();
        let ty = field.ty.render(self.mode);
        // In the serde baseline a group member is an optional field like any other.
        let optional = field.optional || (self.mode == Mode::Serde && matches!(field.role, Role::Member(_)));
        let ty = if optional { format!("Option<{ty}>") } else { ty };
        if self.mode == Mode::Serde {
            if field.wire != field.ident {
                attrs.push(format!("rename = {}", lit(&field.wire)));
            }
            if optional && field.role != Role::Output {
                attrs.push("skip_serializing_if = \"Option::is_none\"".into());
            }
            if field.role == Role::Output && optional {
                attrs.push("default".into());
            }
            if !attrs.is_empty() {
                let _ = writeln!(out, "#[serde({})]", attrs.join(", "));
            }
            let _ = writeln!(out, "pub {}: {ty},", field.ident);
            return out;
        }
        match &field.role {
            Role::Output => attrs.push("output".into()),
            Role::Transparent => attrs.push("output, transparent".into()),
            Role::Member(group) => attrs.push(format!("one_of = {}", lit(group))),
            Role::With(member) => attrs.push(format!("with = {}", lit(member))),
            Role::Input => {}
        }
        if field.wire != field.ident {
            attrs.push(format!("rename = {}", lit(&field.wire)));
        }
        if !matches!(field.role, Role::Output | Role::Transparent) {
            if field.ty.nested() {
                attrs.push("nested".into());
            }
            if let Some(default) = &field.default {
                attrs.push(format!("default = {default}"));
            }
            if let Some(range) = &field.limits.range {
                attrs.push(format!("range = {range}"));
            }
            if let Some(length) = &field.limits.length {
                attrs.push(format!("length = {length}"));
            }
            if let Some(each) = &field.limits.each {
                attrs.push(format!("each({each})"));
            }
        }
        if !attrs.is_empty() {
            let _ = writeln!(out, "#[model({})]", attrs.join(", "));
        }
        let vis = if public { "pub " } else { "" };
        let _ = writeln!(out, "{vis}{}: {ty},", field.ident);
        out
    }
}

impl ModelGen<'_> {
    fn render_item(&self, name: &str, item: &Item) -> String {
        let derive = match self.mode {
            Mode::Derive => "gateway_core::Object",
            Mode::Serde => "serde::Serialize, serde::Deserialize",
        };
        let mut out = String::new();
        match item {
            Item::Struct { doc, fields } => {
                out.push_str(&doc_block(doc));
                let _ = writeln!(out, "#[derive(Debug, Clone, {derive})]\npub struct {name} {{");
                for field in fields {
                    out.push_str(&self.render_field(field, true));
                }
                out.push_str("}\n");
            }
            Item::Enum { doc, values } => {
                out.push_str(&doc_block(doc));
                let _ = writeln!(out, "#[derive(Debug, Clone, Copy, PartialEq, Eq, {derive})]\npub enum {name} {{");
                let mut used = Vec::new();
                for value in values {
                    let base = value.to_upper_camel_case();
                    let base = if valid_ident(&base) { base } else { format!("V{base}") };
                    let base = if valid_ident(&base) { base } else { "Value".to_owned() };
                    let variant = unique(&base, |n| used.iter().any(|u: &String| u == n));
                    used.push(variant.clone());
                    match self.mode {
                        Mode::Derive => {
                            let _ = writeln!(out, "#[model(rename = {})]\n{variant},", lit(value));
                        }
                        Mode::Serde => {
                            let _ = writeln!(out, "#[serde(rename = {})]\n{variant},", lit(value));
                        }
                    }
                }
                out.push_str("}\n");
            }
            Item::Union { doc, variants } => {
                out.push_str(&doc_block(doc));
                let _ = writeln!(out, "#[derive(Debug, Clone, {derive})]");
                if self.mode == Mode::Serde {
                    out.push_str("#[serde(untagged)]\n");
                }
                let _ = writeln!(out, "pub enum {name} {{");
                for (variant, ty) in variants {
                    if self.mode == Mode::Derive && ty.nested() {
                        out.push_str("#[model(nested)]\n");
                    }
                    let _ = writeln!(out, "{variant}({}),", ty.render(self.mode));
                }
                out.push_str("}\n");
            }
        }
        out
    }
}

fn is_rust(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("rs"))
}

/// The words a `pattern` allows when it is only a choice of words,
/// optionally padded with spaces: `^\s*(clef|clef-flash)\s*$` gives
/// `clef`, `clef-flash` (a string enum, each word sent as written). Any
/// other pattern gives `None` (left out: not checked).
fn pattern_words(pattern: &str) -> Option<Vec<String>> {
    let inner = pattern.strip_prefix('^')?.strip_suffix('$')?;
    let inner = inner.strip_prefix("\\s*").unwrap_or(inner);
    let inner = inner.strip_suffix("\\s*").unwrap_or(inner);
    let inner = inner.strip_prefix('(')?.strip_suffix(')')?;
    let word = |w: &&str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let words: Vec<&str> = inner.split('|').collect();
    words.iter().all(word).then(|| words.into_iter().map(str::to_owned).collect())
}

/// A Rust identifier for a wire name (`type` → `type_`).
fn ident(wire: &str) -> String {
    let snake = wire.to_snake_case();
    let snake =
        if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) { format!("f_{snake}") } else { snake };
    if KEYWORDS.contains(&snake.as_str()) { format!("{snake}_") } else { snake }
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "unsafe", "use", "where", "while",
    "yield", "abstract", "become", "do", "final", "macro", "override", "typeof", "unsized", "virtual",
];

fn valid_ident(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    // A name is taken at most once per existing item, so this ends.
    (2..=usize::MAX).map(|i| format!("{base}{i}")).find(|n| !taken(n)).unwrap_or_default()
}

fn variant_name(ty: &Ty) -> String {
    match ty {
        Ty::Str | Ty::Base64 => "Text".into(),
        Ty::Bool => "Flag".into(),
        Ty::Int { .. } => "Integer".into(),
        Ty::Float => "Number".into(),
        Ty::Bytes => "Bytes".into(),
        Ty::Json => "Value".into(),
        Ty::OneOrManyStr => "Texts".into(),
        Ty::Vec(_) => "List".into(),
        Ty::Named(name, _) => name.clone(),
    }
}

/// `a..=b`, `a..`, `..=b` of two optional integer limits.
fn span(min: &Value, max: &Value) -> Option<String> {
    match (min.as_u64(), max.as_u64()) {
        (None, None) => None,
        (Some(lo), Some(hi)) => Some(format!("{lo}..={hi}")),
        (Some(lo), None) => Some(format!("{lo}..")),
        (None, Some(hi)) => Some(format!("..={hi}")),
    }
}

/// A number as a Rust literal (integral floats without a fraction).
fn number(v: &Value) -> String {
    match v.as_f64() {
        #[expect(clippy::cast_possible_truncation, reason = "checked integral and in range")]
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => format!("{}", n as i64),
        _ => v.to_string(),
    }
}

/// A schema default as a derive literal for a field of type `ty`.
fn literal(value: &Value, ty: &Ty) -> Option<String> {
    match (value, ty) {
        (Value::String(s), Ty::Str) => Some(lit(s)),
        (Value::Bool(b), Ty::Bool) => Some(b.to_string()),
        (Value::Number(n), Ty::Float) => Some(number(&Value::Number(n.clone()))),
        (Value::Number(n), Ty::Int { unsigned }) => {
            let f = n.as_f64()?;
            (f.fract() == 0.0 && (!unsigned || f >= 0.0)).then(|| number(value))
        }
        _ => None,
    }
}

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn doc_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// `///` lines of a text: trimmed (no accidental code blocks), brackets
/// and angle brackets escaped unless they wrap a URL.
fn doc_block(text: &str) -> String {
    let mut out = String::new();
    let mut blank = true;
    for line in text.trim().lines() {
        let line = line.trim().replace("```", "'''");
        let line = if line.starts_with("<http") { line } else { line.replace('[', "\\[").replace(']', "\\]") };
        if line.is_empty() {
            if !blank {
                out.push_str("///\n");
            }
            blank = true;
            continue;
        }
        blank = false;
        let _ = writeln!(out, "/// {line}");
    }
    out
}

/// The generated test running one request per model through an offline
/// gateway-local, as a path relative to the generated directory.
pub const OFFLINE_TEST: &str = "../../tests/catalog_offline.rs";

fn offline_test(calls: &BTreeMap<&str, Vec<String>>) -> String {
    let mut out = String::from(
        "//! One request per generated model through an embedded offline gateway-local, decoded into the \
         model's generated response type. Generated by `cargo run -p xtask -- gen-models`: do not edit.\n\n\
         #![allow(clippy::too_many_lines, clippy::unreadable_literal, reason = \"generated\")]\n\n\
         mod common;\n\nuse common::check;\n\n",
    );
    for (_, feature, module) in FAMILIES {
        let Some(calls) = calls.get(module) else { continue };
        let _ = writeln!(
            out,
            "/// Every `{module}` model.\n#[cfg(feature = \"{feature}\")]\n#[tokio::test]\nasync fn {module}() {{\n\
             use gateway_models::generated::{module}::*;\nlet (local, ai) = common::start().await;\n\
             let mut failures = Vec::new();"
        );
        for call in calls {
            out.push_str(call);
        }
        let models: Vec<String> = calls.iter().filter_map(|c| c.split('"').nth(1)).map(lit).collect();
        let _ = writeln!(
            out,
            "local.shutdown().await.expect(\"shutdown\");\ncommon::report(&[{}], &failures);\n}}\n",
            models.join(", ")
        );
    }
    out
}

/// Parses `a..=b`, `a..`, `..=b` back into bounds.
fn bounds(span: Option<&str>) -> (Option<f64>, Option<f64>) {
    let Some(span) = span else { return (None, None) };
    let span = span.rsplit(" = ").next().unwrap_or(span);
    let (lo, hi) = span.split_once("..").unwrap_or((span, ""));
    (lo.parse().ok(), hi.trim_start_matches('=').parse().ok())
}

impl ModelGen<'_> {
    /// `failures.extend(check(&ai, "module", &module::NameRequest::new(..)).await);`
    fn test_call(&self, module: &str, name: &str, fields: &[Field]) -> String {
        let required = |f: &Field| !f.optional && f.default.is_none();
        let mut args = Vec::new();
        let mut groups = BTreeSet::new();
        for field in fields {
            match &field.role {
                Role::Input if required(field) => args.push(self.sample_field(module, field)),
                Role::Member(group) if groups.insert(group.clone()) => {
                    let member = field.ident.to_upper_camel_case();
                    let value = self.sample_field(module, field);
                    let with: Vec<&Field> =
                        fields.iter().filter(|f| f.role == Role::With(field.ident.clone())).collect();
                    let inner = if with.is_empty() {
                        value
                    } else {
                        let mut params = vec![value];
                        params.extend(with.iter().filter(|f| required(f)).map(|f| self.sample_field(module, f)));
                        format!("{module}::{name}{member}::new({})", params.join(", "))
                    };
                    args.push(format!("{module}::{name}{}::{member}({inner})", group.to_upper_camel_case()));
                }
                _ => {}
            }
        }
        format!(
            "failures.extend(check(&ai, {}, &{module}::{name}Request::new({})).await);\n",
            lit(module),
            args.join(", ")
        )
    }

    /// A value for `field`, as a Rust expression: free-form JSON and
    /// strings with a `pattern` are sampled from the field's schema (as the
    /// offline double samples its answers), so the value is one the schema
    /// accepts; the others are [`sample`](Self::sample)d from the type.
    fn sample_field(&self, module: &str, field: &Field) -> String {
        let sampled = || Sampler::minimal().sample(&field.schema);
        match field.ty {
            Ty::Json => format!("gateway_core::serde_json::json!({})", sampled()),
            Ty::Str if field.schema.get("pattern").is_some() => match sampled() {
                Value::String(text) => format!("String::from({})", lit(&text)),
                _ => self.sample(module, &field.ty, &field.limits),
            },
            _ => self.sample(module, &field.ty, &field.limits),
        }
    }

    /// A value of `ty` within `limits`, as a Rust expression.
    fn sample(&self, module: &str, ty: &Ty, limits: &Limits) -> String {
        match ty {
            Ty::Str | Ty::Base64 => {
                let (lo, hi) = bounds(limits.length.as_deref());
                let lo = lo.unwrap_or(0.0);
                let text = if lo <= 5.0 && hi.is_none_or(|hi| hi >= 5.0) {
                    "hello".to_owned()
                } else {
                    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small lengths")]
                    "x".repeat((lo.max(1.0)) as usize)
                };
                format!("String::from({})", lit(&text))
            }
            Ty::Bool => "false".into(),
            Ty::Int { .. } | Ty::Float => {
                let (lo, hi) = bounds(limits.range.as_deref());
                let value = lo.unwrap_or_else(|| hi.map_or(1.0, |hi| hi.min(1.0)));
                let value = if lo.is_some() && value < 1.0 && hi.is_none_or(|hi| hi >= 1.0) { 1.0 } else { value };
                if *ty == Ty::Float { format!("{value:?}") } else { format!("{value}") }
            }
            Ty::Bytes => "vec![0u8; 16]".into(),
            Ty::Json => "gateway_core::serde_json::json!({})".into(),
            Ty::OneOrManyStr => {
                let item = Limits { length: limits.each.clone(), ..Limits::default() };
                format!("gateway_core::model::OneOrMany::One({})", self.sample(module, &Ty::Str, &item))
            }
            Ty::Vec(item) => {
                let (lo, _) = bounds(limits.length.as_deref());
                let each = limits.each.as_deref().unwrap_or_default();
                let item_limits = if each.starts_with("range") {
                    Limits { range: Some(each.to_owned()), ..Limits::default() }
                } else {
                    Limits { length: (!each.is_empty()).then(|| each.to_owned()), ..Limits::default() }
                };
                let one = self.sample(module, item, &item_limits);
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small lengths")]
                let n = lo.unwrap_or(1.0).max(1.0) as usize;
                format!("vec![{}]", vec![one; n].join(", "))
            }
            Ty::Named(name, _) => {
                let Some((_, item)) = self.items.iter().find(|(n, _)| n == name) else { return "todo!()".into() };
                match item {
                    Item::Struct { fields, .. } => {
                        let inits: Vec<String> = fields
                            .iter()
                            .map(|f| {
                                if f.optional {
                                    format!("{}: None", f.ident)
                                } else {
                                    format!("{}: {}", f.ident, self.sample_field(module, f))
                                }
                            })
                            .collect();
                        format!("{module}::{name} {{ {} }}", inits.join(", "))
                    }
                    Item::Enum { .. } => {
                        let variant = self.render_item(name, item);
                        let first = variant.lines().skip_while(|l| !l.starts_with("pub enum")).nth(2).unwrap_or("");
                        format!("{module}::{name}::{}", first.trim().trim_end_matches(','))
                    }
                    Item::Union { variants, .. } => {
                        let (variant, ty) = &variants[0];
                        format!("{module}::{name}::{variant}({})", self.sample(module, ty, &Limits::default()))
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pattern_words;

    #[test]
    fn a_pattern_of_words_is_an_enum_and_others_are_not() {
        assert_eq!(pattern_words(r"^\s*(clef|clef-flash)\s*$"), Some(vec!["clef".to_owned(), "clef-flash".to_owned()]));
        assert_eq!(pattern_words("^(a|b_c)$"), Some(vec!["a".to_owned(), "b_c".to_owned()]));
        for other in ["^[0-9]+$", "[a-zA-Z0-9]{9}", "^data:*", r"^[Dd][Aa][Tt][Aa]:", "^(a|b.c)$", "(a|b)"] {
            assert_eq!(pattern_words(other), None, "{other}");
        }
    }
}
