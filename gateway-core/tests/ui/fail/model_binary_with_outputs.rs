use gateway_core::Model;

#[derive(Model)]
#[model(id = "@cf/stabilityai/stable-diffusion-xl-base-1.0", binary)]
pub struct Sdxl {
    prompt: String,
    #[model(output)]
    image: String,
}

fn main() {}
