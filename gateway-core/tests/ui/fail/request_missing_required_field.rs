use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/meta/m2m100-1.2b")]
pub struct M2m100 {
    text: String,
    target_lang: String,
    #[model(output)]
    translated_text: Option<String>,
}

fn main() {
    let _ = M2m100Request::new("Hello");
}
