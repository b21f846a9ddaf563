use gateway_core::Model;

#[derive(Debug, Model)]
#[model(id = "@cf/stabilityai/stable-diffusion-xl-base-1.0", binary, stream)]
struct Image {
    prompt: String,
}

fn main() {}
