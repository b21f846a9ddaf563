//! Text-to-Image models, generated from the catalog: do not edit.

/// `@cf/lykon/dreamshaper-8-lcm`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod dreamshaper_8_lcm {
    /// Stable Diffusion model that has been fine-tuned to be better at photorealism without sacrificing range.
    ///
    /// Model `@cf/lykon/dreamshaper-8-lcm`, task Text-to-Image.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/Lykon/DreamShaper>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/lykon/dreamshaper-8-lcm", binary)]
    pub struct Dreamshaper8Lcm {
        /// A text description of the image you want to generate
        #[model(length = 1..)]
        prompt: String,
        /// Text describing elements to avoid in the generated image
        negative_prompt: Option<String>,
        /// The height of the generated image in pixels
        #[model(range = 256..=2048)]
        height: Option<u64>,
        /// The width of the generated image in pixels
        #[model(range = 256..=2048)]
        width: Option<u64>,
        /// For use with img2img tasks. An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Option<Vec<u8>>,
        /// For use with img2img tasks. A base64-encoded string of the input image
        image_b64: Option<String>,
        /// An array representing An array of integers that represent mask image data for inpainting constrained to 8-bit unsigned integer values
        mask: Option<Vec<u8>>,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(default = 20, range = ..=20)]
        num_steps: i64,
        /// A value between 0 and 1 indicating how strongly to apply the transformation during img2img tasks; lower values make the output closer to the input image
        #[model(default = 1)]
        strength: f64,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 7.5)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        seed: Option<i64>,
    }
}

/// `@cf/black-forest-labs/flux-1-schnell`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod flux_1_schnell {
    /// FLUX.1 \[schnell\] is a 12 billion parameter rectified flow transformer capable of generating images from text descriptions.
    ///
    /// Model `@cf/black-forest-labs/flux-1-schnell`, task Text-to-Image.
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/black-forest-labs/flux-1-schnell")]
    pub struct Flux1Schnell {
        /// A text description of the image you want to generate.
        #[model(length = 1..=2048)]
        prompt: String,
        /// The number of diffusion steps; higher values can improve quality but take longer.
        #[model(default = 4, range = ..=8)]
        steps: i64,
        /// The generated image in Base64 format.
        #[model(output)]
        image: Option<gateway_core::model::Base64>,
    }
}

/// `@cf/black-forest-labs/flux-2-dev`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod flux_2_dev {
    /// FLUX.2 \[dev\] is an image model from Black Forest Labs where you can generate highly realistic and detailed images, with multi-reference support.
    ///
    /// Model `@cf/black-forest-labs/flux-2-dev`, task Text-to-Image.
    ///
    /// - terms: <https://bfl.ai/legal/terms-of-service>
    /// - partner: true
    /// - price: 0.00021 USD per input 512x512 tile, per step; 0.00041 USD per output 512x512 tile, per step
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/black-forest-labs/flux-2-dev")]
    pub struct Flux2Dev {
        #[model(nested)]
        multipart: Multipart,
        /// Generated image as Base64 string.
        #[model(output)]
        image: Option<gateway_core::model::Base64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Multipart {
        pub body: gateway_core::serde_json::Value,
        #[model(rename = "contentType")]
        pub content_type: String,
    }
}

/// `@cf/black-forest-labs/flux-2-klein-4b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod flux_2_klein_4b {
    /// FLUX.2 \[klein\] is an ultra-fast, distilled image model. It unifies image generation and editing in a single model, delivering state-of-the-art quality enabling interactive workflows, real-time previews, and latency-critical applications.
    ///
    /// Model `@cf/black-forest-labs/flux-2-klein-4b`, task Text-to-Image.
    ///
    /// - partner: true
    /// - terms: <https://bfl.ai/legal/terms-of-service>
    /// - price: 0.000059 USD per input 512x512 tile; 0.000287 USD per output 512x512 tile
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/black-forest-labs/flux-2-klein-4b")]
    pub struct Flux2Klein4b {
        #[model(nested)]
        multipart: Multipart,
        /// Generated image as Base64 string.
        #[model(output)]
        image: Option<gateway_core::model::Base64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Multipart {
        pub body: Option<gateway_core::serde_json::Value>,
        #[model(rename = "contentType")]
        pub content_type: Option<String>,
    }
}

/// `@cf/black-forest-labs/flux-2-klein-9b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod flux_2_klein_9b {
    /// FLUX.2 \[klein\] 9B is an ultra-fast, distilled image model with enhanced quality. It unifies image generation and editing in a single model, delivering state-of-the-art quality enabling interactive workflows, real-time previews, and latency-critical applications.
    ///
    /// Model `@cf/black-forest-labs/flux-2-klein-9b`, task Text-to-Image.
    ///
    /// - partner: true
    /// - terms: <https://bfl.ai/legal/terms-of-service>
    /// - price: 0.015 USD per first MP (1024x1024); 0.002 USD per subsequent MP; 0.002 USD per input image MP
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/black-forest-labs/flux-2-klein-9b")]
    pub struct Flux2Klein9b {
        #[model(nested)]
        multipart: Multipart,
        /// Generated image as Base64 string.
        #[model(output)]
        image: Option<gateway_core::model::Base64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Multipart {
        pub body: Option<gateway_core::serde_json::Value>,
        #[model(rename = "contentType")]
        pub content_type: Option<String>,
    }
}

/// `@cf/leonardo/lucid-origin`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod lucid_origin {
    /// Lucid Origin from Leonardo.AI is their most adaptable and prompt-responsive model to date. Whether you're generating images with sharp graphic design, stunning full-HD renders, or highly specific creative direction, it adheres closely to your prompts, renders text with accuracy, and supports a wide array of visual styles and aesthetics – from stylized concept art to crisp product mockups.
    ///
    /// Model `@cf/leonardo/lucid-origin`, task Text-to-Image.
    ///
    /// - price: 0.007 USD per 512 by 512 tile; 0.00013 USD per step
    /// - partner: true
    /// - terms: <https://leonardo.ai/terms-of-service/>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/leonardo/lucid-origin")]
    pub struct LucidOrigin {
        /// A text description of the image you want to generate.
        #[model(length = 1..)]
        prompt: String,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 4.5, range = 0..=10)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        #[model(range = 0..)]
        seed: Option<u64>,
        /// The height of the generated image in pixels
        #[model(default = 1120, range = 0..=2500)]
        height: u64,
        /// The width of the generated image in pixels
        #[model(default = 1120, range = 0..=2500)]
        width: u64,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(range = 1..=40)]
        num_steps: Option<u64>,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(range = 1..=40)]
        steps: Option<u64>,
        /// The generated image in Base64 format.
        #[model(output)]
        image: Option<gateway_core::model::Base64>,
    }
}

/// `@cf/leonardo/phoenix-1.0`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod phoenix_1_0 {
    /// Phoenix 1.0 is a model by Leonardo.Ai that generates images with exceptional prompt adherence and coherent text.
    ///
    /// Model `@cf/leonardo/phoenix-1.0`, task Text-to-Image.
    ///
    /// - price: 0.0058 USD per 512 by 512 tile; 0.00011 USD per step
    /// - partner: true
    /// - terms: <https://leonardo.ai/terms-of-service/>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/leonardo/phoenix-1.0", binary)]
    pub struct Phoenix10 {
        /// A text description of the image you want to generate.
        #[model(length = 1..)]
        prompt: String,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 2, range = 2..=10)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        #[model(range = 0..)]
        seed: Option<u64>,
        /// The height of the generated image in pixels
        #[model(default = 1024, range = 0..=2048)]
        height: u64,
        /// The width of the generated image in pixels
        #[model(default = 1024, range = 0..=2048)]
        width: u64,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(default = 25, range = 1..=50)]
        num_steps: u64,
        /// Specify what to exclude from the generated images
        #[model(length = 1..)]
        negative_prompt: Option<String>,
    }
}

/// `@cf/runwayml/stable-diffusion-v1-5-img2img`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod stable_diffusion_v1_5_img2img {
    /// Stable Diffusion is a latent text-to-image diffusion model capable of generating photo-realistic images. Img2img generate a new image from an input image with Stable Diffusion.
    ///
    /// Model `@cf/runwayml/stable-diffusion-v1-5-img2img`, task Text-to-Image.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/runwayml/stable-diffusion-v1-5>
    /// - terms: <https://github.com/runwayml/stable-diffusion/blob/main/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/runwayml/stable-diffusion-v1-5-img2img", binary)]
    pub struct StableDiffusionV15Img2img {
        /// A text description of the image you want to generate
        #[model(length = 1..)]
        prompt: String,
        /// Text describing elements to avoid in the generated image
        negative_prompt: Option<String>,
        /// The height of the generated image in pixels
        #[model(range = 256..=2048)]
        height: Option<u64>,
        /// The width of the generated image in pixels
        #[model(range = 256..=2048)]
        width: Option<u64>,
        /// For use with img2img tasks. An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Option<Vec<u8>>,
        /// For use with img2img tasks. A base64-encoded string of the input image
        image_b64: Option<String>,
        /// An array representing An array of integers that represent mask image data for inpainting constrained to 8-bit unsigned integer values
        mask: Option<Vec<u8>>,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(default = 20, range = ..=20)]
        num_steps: i64,
        /// A value between 0 and 1 indicating how strongly to apply the transformation during img2img tasks; lower values make the output closer to the input image
        #[model(default = 1)]
        strength: f64,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 7.5)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        seed: Option<i64>,
    }
}

/// `@cf/runwayml/stable-diffusion-v1-5-inpainting`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod stable_diffusion_v1_5_inpainting {
    /// Stable Diffusion Inpainting is a latent text-to-image diffusion model capable of generating photo-realistic images given any text input, with the extra capability of inpainting the pictures by using a mask.
    ///
    /// Model `@cf/runwayml/stable-diffusion-v1-5-inpainting`, task Text-to-Image.
    ///
    /// - beta: true
    /// - price: 0 USD per step
    /// - info: <https://huggingface.co/runwayml/stable-diffusion-inpainting>
    /// - terms: <https://github.com/runwayml/stable-diffusion/blob/main/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/runwayml/stable-diffusion-v1-5-inpainting", binary)]
    pub struct StableDiffusionV15Inpainting {
        /// A text description of the image you want to generate
        #[model(length = 1..)]
        prompt: String,
        /// Text describing elements to avoid in the generated image
        negative_prompt: Option<String>,
        /// The height of the generated image in pixels
        #[model(range = 256..=2048)]
        height: Option<u64>,
        /// The width of the generated image in pixels
        #[model(range = 256..=2048)]
        width: Option<u64>,
        /// For use with img2img tasks. An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Option<Vec<u8>>,
        /// For use with img2img tasks. A base64-encoded string of the input image
        image_b64: Option<String>,
        /// An array representing An array of integers that represent mask image data for inpainting constrained to 8-bit unsigned integer values
        mask: Option<Vec<u8>>,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(default = 20, range = ..=20)]
        num_steps: i64,
        /// A value between 0 and 1 indicating how strongly to apply the transformation during img2img tasks; lower values make the output closer to the input image
        #[model(default = 1)]
        strength: f64,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 7.5)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        seed: Option<i64>,
    }
}

/// `@cf/stabilityai/stable-diffusion-xl-base-1.0`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod stable_diffusion_xl_base_1_0 {
    /// Diffusion-based text-to-image generative model by Stability AI. Generates and modify images based on text prompts.
    ///
    /// Model `@cf/stabilityai/stable-diffusion-xl-base-1.0`, task Text-to-Image.
    ///
    /// - beta: true
    /// - info: <https://stability.ai/stable-diffusion>
    /// - terms: <https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/stabilityai/stable-diffusion-xl-base-1.0", binary)]
    pub struct StableDiffusionXlBase10 {
        /// A text description of the image you want to generate
        #[model(length = 1..)]
        prompt: String,
        /// Text describing elements to avoid in the generated image
        negative_prompt: Option<String>,
        /// The height of the generated image in pixels
        #[model(range = 256..=2048)]
        height: Option<u64>,
        /// The width of the generated image in pixels
        #[model(range = 256..=2048)]
        width: Option<u64>,
        /// For use with img2img tasks. An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Option<Vec<u8>>,
        /// For use with img2img tasks. A base64-encoded string of the input image
        image_b64: Option<String>,
        /// An array representing An array of integers that represent mask image data for inpainting constrained to 8-bit unsigned integer values
        mask: Option<Vec<u8>>,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(default = 20, range = ..=20)]
        num_steps: i64,
        /// A value between 0 and 1 indicating how strongly to apply the transformation during img2img tasks; lower values make the output closer to the input image
        #[model(default = 1)]
        strength: f64,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 7.5)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        seed: Option<i64>,
    }
}

/// `@cf/bytedance/stable-diffusion-xl-lightning`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod stable_diffusion_xl_lightning {
    /// SDXL-Lightning is a lightning-fast text-to-image generation model. It can generate high-quality 1024px images in a few steps.
    ///
    /// Model `@cf/bytedance/stable-diffusion-xl-lightning`, task Text-to-Image.
    ///
    /// - beta: true
    /// - price: 0 USD per step
    /// - info: <https://huggingface.co/ByteDance/SDXL-Lightning>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/bytedance/stable-diffusion-xl-lightning", binary)]
    pub struct StableDiffusionXlLightning {
        /// A text description of the image you want to generate
        #[model(length = 1..)]
        prompt: String,
        /// Text describing elements to avoid in the generated image
        negative_prompt: Option<String>,
        /// The height of the generated image in pixels
        #[model(range = 256..=2048)]
        height: Option<u64>,
        /// The width of the generated image in pixels
        #[model(range = 256..=2048)]
        width: Option<u64>,
        /// For use with img2img tasks. An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Option<Vec<u8>>,
        /// For use with img2img tasks. A base64-encoded string of the input image
        image_b64: Option<String>,
        /// An array representing An array of integers that represent mask image data for inpainting constrained to 8-bit unsigned integer values
        mask: Option<Vec<u8>>,
        /// The number of diffusion steps; higher values can improve quality but take longer
        #[model(default = 20, range = ..=20)]
        num_steps: i64,
        /// A value between 0 and 1 indicating how strongly to apply the transformation during img2img tasks; lower values make the output closer to the input image
        #[model(default = 1)]
        strength: f64,
        /// Controls how closely the generated image should adhere to the prompt; higher values make the image more aligned with the prompt
        #[model(default = 7.5)]
        guidance: f64,
        /// Random seed for reproducibility of the image generation
        seed: Option<i64>,
    }
}
