use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/stabilityai/stable-diffusion-xl-base-1.0", binary = true)]
pub struct Sdxl {
    prompt: String,
}

fn main() {}
