use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8")]
pub struct Llama;

fn main() {}
