//! The catalog: every entry parsed once, looked up by id or searched.

use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;

use crate::files::FILES;
use crate::properties::Properties;

/// The embedded catalog, parsed on first use.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::parse)
}

/// Cloudflare's Workers AI model catalog as published (see the crate docs):
/// one [`CatalogModel`] per catalog file.
#[derive(Debug)]
pub struct Catalog {
    models: Vec<CatalogModel>,
}

impl Catalog {
    fn parse() -> Self {
        // The files are checked by this crate's tests to parse; one that did not
        // would be left out rather than stop the program.
        let mut models: Vec<CatalogModel> = FILES
            .iter()
            .filter_map(|(file, text)| {
                let mut entry: Entry = serde_json::from_str(text).ok()?;
                if let Some(schema) = entry.schema.as_mut() {
                    schema.repair();
                }
                Some(CatalogModel { file, text, entry, canonical: false })
            })
            .collect();
        for index in 0..models.len() {
            let id = models[index].id();
            let first = models.iter().position(|model| model.id() == id);
            let named = models.iter().position(|model| model.id() == id && model.file_named_after_id());
            models[index].canonical = named.or(first) == Some(index);
        }
        Self { models }
    }

    /// Every catalog entry, in file-name order (100 entries, two of them
    /// for the same id: see [`get`](Self::get)).
    pub fn entries(&self) -> &[CatalogModel] {
        &self.models
    }

    /// One entry per model id, in file-name order: what [`search`](Self::search) looks through.
    pub fn models(&self) -> impl Iterator<Item = &CatalogModel> {
        self.models.iter().filter(|model| model.canonical)
    }

    /// The model with this id (`@cf/meta/llama-3.1-8b-instruct`), compared exactly.
    ///
    /// Where two catalog files describe the same id (`qwen.json` and
    /// `qwen1.5-0.5b-chat.json` both describe `@cf/qwen/qwen1.5-0.5b-chat`),
    /// the one whose file is named after the id's last segment answers; the
    /// other stays in [`entries`](Self::entries).
    pub fn get(&self, id: &str) -> Option<&CatalogModel> {
        self.models().find(|model| model.id() == id)
    }

    /// Whether the catalog has a model with this id.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The models matching every criterion of `search`, in file-name order.
    pub fn search(&self, search: &Search) -> Vec<&CatalogModel> {
        self.models().filter(|model| search.matches(model)).collect()
    }
}

/// What [`Catalog::search`] looks for, like the Workers binding's
/// `models({task, author, search})`: each criterion set is a case-insensitive
/// substring of the model's task name, author, or id; unset criteria match
/// everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    task: Option<String>,
    author: Option<String>,
    name: Option<String>,
}

impl Search {
    /// A search matching every model.
    pub fn new() -> Self {
        Self::default()
    }

    /// Models whose task name contains `task` (`"text generation"`, `"embed"`).
    #[must_use]
    pub fn task(self, task: impl Into<String>) -> Self {
        Self { task: Some(task.into().to_lowercase()), ..self }
    }

    /// Models whose author (`meta` in `@cf/meta/...`) contains `author`.
    #[must_use]
    pub fn author(self, author: impl Into<String>) -> Self {
        Self { author: Some(author.into().to_lowercase()), ..self }
    }

    /// Models whose id (`@cf/meta/llama-3.1-8b-instruct`) contains `name`.
    #[must_use]
    pub fn name(self, name: impl Into<String>) -> Self {
        Self { name: Some(name.into().to_lowercase()), ..self }
    }

    /// Whether `model` matches every criterion set.
    pub fn matches(&self, model: &CatalogModel) -> bool {
        let has = |wanted: &Option<String>, value: &str| {
            wanted.as_ref().is_none_or(|wanted| value.to_lowercase().contains(wanted.as_str()))
        };
        has(&self.task, model.task().name()) && has(&self.author, model.author()) && has(&self.name, model.id())
    }
}

/// One catalog entry: a Workers AI model, its task, properties and schemas.
#[derive(Debug)]
pub struct CatalogModel {
    file: &'static str,
    text: &'static str,
    entry: Entry,
    canonical: bool,
}

impl CatalogModel {
    /// The model id `run` takes (`@cf/meta/llama-3.1-8b-instruct`; the catalog's `name`).
    pub fn id(&self) -> &str {
        &self.entry.model_id
    }

    /// The catalog's own identifier of the entry (a UUID; the catalog's `id`).
    pub fn uuid(&self) -> &str {
        &self.entry.uuid
    }

    /// The author: the id's middle segment (`meta` in `@cf/meta/llama-3.1-8b-instruct`).
    pub fn author(&self) -> &str {
        self.id().split('/').nth(1).unwrap_or_default()
    }

    /// The model's description, as the catalog writes it.
    pub fn description(&self) -> &str {
        &self.entry.description
    }

    /// The task the model performs.
    pub fn task(&self) -> &Task {
        &self.entry.task
    }

    /// Its properties: context window, pricing, features, links.
    pub fn properties(&self) -> &Properties {
        &self.entry.properties
    }

    /// The JSON Schemas of its input and output; `None` for the two entries
    /// without (`apertus-v1.5-8b`, `eurollm-9b-it`).
    pub fn schema(&self) -> Option<&ModelSchema> {
        self.entry.schema.as_ref()
    }

    /// The catalog's tags (all empty today).
    pub fn tags(&self) -> &[String] {
        &self.entry.tags
    }

    /// When the entry was created, as the catalog writes it (some entries lack it).
    pub fn created_at(&self) -> Option<&str> {
        self.entry.created_at.as_deref()
    }

    /// Whether the catalog marks the model deprecated (absent: not deprecated).
    pub fn deprecated(&self) -> bool {
        self.entry.deprecated.unwrap_or(false)
    }

    /// The catalog file the entry comes from (`llama-3.1-8b-instruct.json`).
    pub fn file_name(&self) -> &'static str {
        self.file
    }

    /// The catalog file's text, byte for byte.
    pub fn source_text(&self) -> &'static str {
        self.text
    }

    fn file_named_after_id(&self) -> bool {
        let last = self.id().rsplit('/').next().unwrap_or_default();
        self.file.strip_suffix(".json") == Some(last)
    }
}

/// A model's task, as the catalog names and describes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Task {
    id: String,
    name: String,
    description: String,
}

impl Task {
    /// The task's catalog identifier (a UUID).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The task's name (`Text Generation`, `Text Embeddings`, `Text-to-Image`, ...).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the task is, as the catalog describes it.
    pub fn description(&self) -> &str {
        &self.description
    }
}

/// A model's input and output JSON Schemas, as published (draft-07 style:
/// `type`, `properties`, `required`, `oneOf`, `anyOf`, `enum`, limits; no
/// `$ref`), with one slip repaired: a `required` list written inside
/// `properties` (the inputs of `flux-2-dev` and Deepgram's `flux`) is moved up to its object.
/// [`CatalogModel::source_text`] keeps the file as written.
///
/// A binary output is a schema `{"type": "string", "format": "binary",
/// "contentType": "image/png"}`: the answer is raw bytes of that type, not
/// JSON. The output schema describes the model's result (`result` inside
/// the REST API's envelope).
#[derive(Debug, Clone, Deserialize)]
pub struct ModelSchema {
    input: Value,
    output: Value,
}

impl ModelSchema {
    /// The schemas of a catalog entry's `schema` object (`{"input": ..,
    /// "output": ..}`), repaired as [`CatalogModel::schema`]'s are: for
    /// tools reading catalog files themselves (the generator of
    /// [`generated`](crate::generated)). `None` when it is not such an object.
    pub fn from_entry_schema(schema: &Value) -> Option<Self> {
        let mut schema = Self::deserialize(schema).ok()?;
        schema.repair();
        Some(schema)
    }

    fn repair(&mut self) {
        repair(&mut self.input);
        repair(&mut self.output);
    }

    /// The JSON Schema of the model's input.
    pub fn input(&self) -> &Value {
        &self.input
    }

    /// The JSON Schema of the model's output.
    pub fn output(&self) -> &Value {
        &self.output
    }

    /// [`output`](Self::output) with every `oneOf` read as `anyOf`: what
    /// answers are checked against. Many catalog outputs choose between
    /// objects that require nothing (an embedding or its async `request_id`),
    /// so every answer matches several branches and none matches `oneOf`.
    pub fn output_as_any_of(&self) -> Value {
        let mut schema = self.output.clone();
        one_of_as_any_of(&mut schema);
        schema
    }
}

fn one_of_as_any_of(schema: &mut Value) {
    match schema {
        Value::Object(node) => {
            if let Some(branches) = node.remove("oneOf") {
                if node.contains_key("anyOf") {
                    // Both choices on one node: the former `oneOf` joins as an `allOf` member.
                    let all_of = node.entry("allOf").or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(members) = all_of {
                        members.push(serde_json::json!({"anyOf": branches}));
                    }
                } else {
                    node.insert("anyOf".to_owned(), branches);
                }
            }
            node.values_mut().for_each(one_of_as_any_of);
        }
        Value::Array(items) => items.iter_mut().for_each(one_of_as_any_of),
        _ => {}
    }
}

/// Moves a `required` list written inside `properties` (where it would be a
/// property named "required", and not a schema) up to its object, where its
/// author meant it: Cloudflare's `flux-2-dev` and Deepgram `flux` input schemas have this slip, and
/// JSON Schema validators refuse the schema as written.
fn repair(schema: &mut Value) {
    match schema {
        Value::Object(node) => {
            let misplaced = node
                .get_mut("properties")
                .and_then(Value::as_object_mut)
                .filter(|properties| properties.get("required").is_some_and(Value::is_array))
                .and_then(|properties| properties.remove("required"));
            if let Some(required) = misplaced {
                node.entry("required").or_insert(required);
            }
            node.values_mut().for_each(repair);
        }
        Value::Array(items) => items.iter_mut().for_each(repair),
        _ => {}
    }
}

/// A catalog file, as Cloudflare writes it.
#[derive(Debug, Deserialize)]
struct Entry {
    /// The catalog's `id`: a UUID.
    #[serde(rename = "id")]
    uuid: String,
    /// The catalog's `name`: the model id `run` takes.
    #[serde(rename = "name")]
    model_id: String,
    description: String,
    task: Task,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    properties: Properties,
    schema: Option<ModelSchema>,
    created_at: Option<String>,
    deprecated: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_folder_is_listed_once_and_parses() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| std::path::Path::new(name).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json")))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(file, _)| (*file).to_owned()).collect();
        listed.sort();
        assert_eq!(listed, on_disk);
        for (file, text) in FILES {
            assert_eq!(
                *text,
                std::fs::read_to_string(format!("{folder}/{file}")).unwrap(),
                "{file} is not byte for byte"
            );
            if let Err(problem) = serde_json::from_str::<Entry>(text) {
                panic!("{file}: {problem}");
            }
        }
        assert_eq!(catalog().entries().len(), 100);
        assert_eq!(catalog().entries().iter().filter(|model| model.schema().is_some()).count(), 98);
    }

    #[test]
    fn a_required_list_inside_properties_is_moved_to_its_object() {
        let flux = catalog().get("@cf/black-forest-labs/flux-2-dev").unwrap().schema().unwrap();
        assert_eq!(flux.input()["required"], serde_json::json!(["multipart"]));
        assert!(flux.input()["properties"].get("required").is_none());
    }

    #[test]
    fn one_model_per_id() {
        let ids: Vec<&str> = catalog().models().map(CatalogModel::id).collect();
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids.len(), 99);
        assert_eq!(unique.len(), 99);
        assert_eq!(catalog().get("@cf/qwen/qwen1.5-0.5b-chat").unwrap().file_name(), "qwen1.5-0.5b-chat.json");
    }

    #[test]
    fn search_by_task_author_and_name() {
        let meta_text: Vec<&str> = catalog()
            .search(&Search::new().task("TEXT generation").author("Meta"))
            .into_iter()
            .map(CatalogModel::id)
            .collect();
        assert!(meta_text.contains(&"@cf/meta/llama-3.1-8b-instruct-fp8"));
        assert!(!meta_text.contains(&"@cf/meta/m2m100-1.2b"), "a translation model");
        let bge: Vec<&str> = catalog().search(&Search::new().name("BGE-")).into_iter().map(CatalogModel::id).collect();
        assert_eq!(bge.len(), 6, "{bge:?}");
        assert_eq!(catalog().search(&Search::new().name("no such model")).len(), 0);
        assert_eq!(catalog().search(&Search::new()).len(), 99);
    }
}
