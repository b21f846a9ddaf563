//! A model's catalog properties, typed where the catalog's values are simple.

use serde::Deserialize;
use serde_json::Value;

/// A model's properties (`property_id`, `value` pairs in the catalog), with
/// typed accessors for the common ones and [`get`](Self::get) for any other.
///
/// The catalog writes numbers and flags as strings (`"131072"`, `"true"`);
/// the accessors parse them, and a value that does not parse reads as absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Properties {
    list: Vec<Property>,
}

/// One property as the catalog writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Property {
    property_id: String,
    value: Value,
}

impl Property {
    /// Its name (`context_window`, `price`, `function_calling`, ...).
    pub fn id(&self) -> &str {
        &self.property_id
    }

    /// Its value as written: a string, or a list for `price`.
    pub fn value(&self) -> &Value {
        &self.value
    }
}

/// One line of a model's pricing.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Price {
    /// What is counted (`per M input tokens`, `per 1k characters`, `per step`, ...).
    pub unit: String,
    /// The price per unit.
    pub price: f64,
    /// The currency (`USD`).
    pub currency: String,
}

impl Properties {
    /// Every property, in the catalog's order.
    pub fn iter(&self) -> impl Iterator<Item = &Property> {
        self.list.iter()
    }

    /// The raw value of property `id`, if the model has it.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.list.iter().find(|property| property.property_id == id).map(|property| &property.value)
    }

    fn text(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(Value::as_str)
    }

    fn number(&self, id: &str) -> Option<u64> {
        self.text(id).and_then(|text| text.trim().parse().ok())
    }

    fn flag(&self, id: &str) -> bool {
        self.text(id).is_some_and(|text| text.trim().eq_ignore_ascii_case("true"))
    }

    /// `context_window`: the most tokens of input and output together.
    pub fn context_window(&self) -> Option<u64> {
        self.number("context_window")
    }

    /// `max_input_tokens`: the most input tokens (embedding models).
    pub fn max_input_tokens(&self) -> Option<u64> {
        self.number("max_input_tokens")
    }

    /// `output_dimensions`: the length of each embedding vector.
    pub fn output_dimensions(&self) -> Option<u64> {
        self.number("output_dimensions")
    }

    /// `max_total_tokens`: the most tokens of input and output together (older models).
    pub fn max_total_tokens(&self) -> Option<u64> {
        self.number("max_total_tokens")
    }

    /// `max_input_length`: the most input tokens (older models).
    pub fn max_input_length(&self) -> Option<u64> {
        self.number("max_input_length")
    }

    /// `max_batch_prefill_tokens` (older models).
    pub fn max_batch_prefill_tokens(&self) -> Option<u64> {
        self.number("max_batch_prefill_tokens")
    }

    /// `price`: the pricing lines (empty when the catalog gives none).
    pub fn prices(&self) -> Vec<Price> {
        self.get("price").and_then(|value| Vec::<Price>::deserialize(value).ok()).unwrap_or_default()
    }

    /// `function_calling`: the model can answer with tool calls.
    pub fn function_calling(&self) -> bool {
        self.flag("function_calling")
    }

    /// `vision`: the model reads images.
    pub fn vision(&self) -> bool {
        self.flag("vision")
    }

    /// `reasoning`: the model reasons before answering.
    pub fn reasoning(&self) -> bool {
        self.flag("reasoning")
    }

    /// `lora`: the model takes LoRA adapters.
    pub fn lora(&self) -> bool {
        self.flag("lora")
    }

    /// `beta`: Cloudflare marks the model beta.
    pub fn beta(&self) -> bool {
        self.flag("beta")
    }

    /// `async_queue`: the model takes batch requests (`queueRequest`).
    pub fn async_queue(&self) -> bool {
        self.flag("async_queue")
    }

    /// `realtime`: the model can be used over a WebSocket.
    pub fn realtime(&self) -> bool {
        self.flag("realtime")
    }

    /// `partner`: a partner's model.
    pub fn partner(&self) -> bool {
        self.flag("partner")
    }

    /// `info`: a link to more about the model.
    pub fn info(&self) -> Option<&str> {
        self.text("info")
    }

    /// `terms`: a link to the model's terms or licence.
    pub fn terms(&self) -> Option<&str> {
        self.text("terms")
    }

    /// `languages`: the languages the catalog lists, split at commas.
    pub fn languages(&self) -> Vec<&str> {
        self.text("languages")
            .map(|text| text.split(',').map(str::trim).filter(|language| !language.is_empty()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog;

    #[test]
    fn typed_properties_read_the_catalog() {
        let bge = catalog().get("@cf/baai/bge-base-en-v1.5").unwrap().properties();
        assert_eq!((bge.max_input_tokens(), bge.output_dimensions()), (Some(512), Some(768)));
        assert!(!bge.beta());
        let llama = catalog().get("@cf/moonshotai/kimi-k2.6").unwrap().properties();
        assert!(llama.function_calling());
        assert!(llama.context_window().is_some());
        assert!(!llama.prices().is_empty());
        assert_eq!(llama.prices()[0].currency, "USD");
        let m2m = catalog().get("@cf/meta/m2m100-1.2b").unwrap().properties();
        assert_eq!(m2m.languages()[0], "english");
        assert_eq!(
            m2m.get("languages").and_then(|value| value.as_str()).map(|text| text.starts_with("english")),
            Some(true)
        );
    }
}
