use gateway_core::models::workers_ai::{Llama31InstructInput, Llama31InstructRequest};
use gateway_core::{BuiltinProvider, Fallback};

// A Workers AI model cannot be a step for OpenAI: the mismatch does not compile.
fn main() {
    let llama = Llama31InstructRequest::new(Llama31InstructInput::Prompt("Hi".into()));
    let _ = Fallback::new().then(&BuiltinProvider::openai("sk"), &llama);
}
