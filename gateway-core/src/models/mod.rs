//! Built-in model declarations, written with `#[derive(Model)]`: the main
//! Workers AI task families, plus OpenAI chat completions, the OpenAI
//! Responses API and Anthropic messages. Each is also an example of the declaration syntax.

pub mod anthropic;
pub mod openai;
pub mod workers_ai;
