//! Image-to-Text models, generated from the catalog: do not edit.

/// `@cf/llava-hf/llava-1.5-7b-hf`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llava_1_5_7b_hf {
    /// LLaVA is an open-source chatbot trained by fine-tuning LLaMA/Vicuna on GPT-generated multimodal instruction-following data. It is an auto-regressive language model, based on the transformer architecture.
    ///
    /// Model `@cf/llava-hf/llava-1.5-7b-hf`, task Image-to-Text.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/llava-hf/llava-1.5-7b-hf")]
    pub struct Llava157bHf {
        /// Controls the randomness of the output; higher values produce more random results.
        temperature: Option<f64>,
        /// The input text prompt for the model to generate a response.
        prompt: Option<String>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// Controls the creativity of the AI's responses by adjusting how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        top_k: Option<f64>,
        /// Random seed for reproducibility of the generation.
        seed: Option<f64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        presence_penalty: Option<f64>,
        #[model(nested)]
        image: Image,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 512)]
        max_tokens: i64,
        #[model(output)]
        description: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
}

/// `@cf/moondream/moondream3.1-9B-A2B`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod moondream3_1_9b_a2b {
    /// Moondream 3 is a fast, efficient 9B mixture-of-experts vision language model (2B active parameters) that delivers frontier-level visual reasoning for tasks like object detection, pointing, OCR, and structured output.
    ///
    /// Model `@cf/moondream/moondream3.1-9B-A2B`, task Image-to-Text.
    ///
    /// - price: 0.3 USD per M input tokens; 1 USD per M output tokens
    /// - vision: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/moondream/moondream3.1-9B-A2B")]
    pub struct Moondream319bA2b {
        /// Which Moondream skill to run.
        ///
        /// Default: `"query"`.
        task: Option<Task>,
        /// Input image as a public HTTPS URL or base64 data URI. Optional for `query`; required for `caption`, `point`, and `detect`.
        image: Option<String>,
        /// Question for the `query` task.
        #[model(default = "What's in this image?")]
        question: String,
        /// Caption length for the `caption` task.
        ///
        /// Default: `"normal"`.
        caption_length: Option<CaptionLength>,
        /// Object phrase to locate for `point` and `detect` tasks (e.g. 'person wearing a red shirt').
        #[model(default = "person")]
        target: String,
        /// Enable reasoning trace for the `query` task.
        #[model(default = true)]
        reasoning: bool,
        /// Sampling temperature.
        #[model(default = 0.2, range = 0..=2)]
        temperature: f64,
        /// Top-p (nucleus) sampling.
        #[model(default = 0.9, range = 0..=1)]
        top_p: f64,
        /// Max tokens to generate for `query` and `caption`.
        #[model(default = 8192, range = 1..=28672)]
        max_tokens: u64,
        /// Max objects to return for `point` and `detect`.
        #[model(default = 150, range = 1..=500)]
        max_objects: u64,
        /// Reason the generation finished.
        #[model(output)]
        finish_reason: String,
        #[model(output)]
        metrics: Metrics,
        /// Answer text for the `query` task. Null for other tasks.
        #[model(output)]
        answer: Option<String>,
        /// Caption text for the `caption` task. Null for other tasks.
        #[model(output)]
        caption: Option<String>,
        /// Located points for the `point` task. Null for other tasks.
        #[model(output)]
        points: Option<Vec<PointsItem>>,
        /// Detected bounding boxes for the `detect` task. Null for other tasks.
        #[model(output)]
        objects: Option<Vec<ObjectsItem>>,
        /// Reasoning trace for the `query` task when reasoning=true. Null otherwise.
        #[model(output, rename = "reasoning")]
        output_reasoning: Option<Reasoning>,
    }
    /// Which Moondream skill to run.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Task {
        #[model(rename = "query")]
        Query,
        #[model(rename = "caption")]
        Caption,
        #[model(rename = "point")]
        Point,
        #[model(rename = "detect")]
        Detect,
    }
    /// Caption length for the `caption` task.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum CaptionLength {
        #[model(rename = "short")]
        Short,
        #[model(rename = "normal")]
        Normal,
        #[model(rename = "long")]
        Long,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Metrics {
        /// Number of input tokens consumed.
        pub input_tokens: i64,
        /// Number of output tokens generated.
        pub output_tokens: i64,
        /// Prefill time in milliseconds.
        pub prefill_time_ms: f64,
        /// Decode time in milliseconds.
        pub decode_time_ms: f64,
        /// Time to first token in milliseconds.
        pub ttft_ms: f64,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct PointsItem {
        /// X coordinate.
        pub x: f64,
        /// Y coordinate.
        pub y: f64,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ObjectsItem {
        /// Minimum X coordinate.
        pub x_min: f64,
        /// Minimum Y coordinate.
        pub y_min: f64,
        /// Maximum X coordinate.
        pub x_max: f64,
        /// Maximum Y coordinate.
        pub y_max: f64,
    }
    /// Reasoning trace for the `query` task when reasoning=true. Null otherwise.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Reasoning {
        /// Reasoning text.
        pub text: String,
        /// Grounding information.
        pub grounding: Option<Vec<gateway_core::serde_json::Value>>,
    }
}

/// `@cf/unum/uform-gen2-qwen-500m`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod uform_gen2_qwen_500m {
    /// UForm-Gen is a small generative vision-language model primarily designed for Image Captioning and Visual Question Answering. The model was pre-trained on the internal image captioning dataset and fine-tuned on public instructions datasets: SVIT, LVIS, VQAs datasets.
    ///
    /// Model `@cf/unum/uform-gen2-qwen-500m`, task Image-to-Text.
    ///
    /// - beta: true
    /// - info: <https://www.unum.cloud/>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/unum/uform-gen2-qwen-500m")]
    pub struct UformGen2Qwen500m {
        /// Controls the randomness of the output; higher values produce more random results.
        temperature: Option<f64>,
        /// The input text prompt for the model to generate a response.
        prompt: Option<String>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        #[model(nested)]
        image: Image,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 512)]
        max_tokens: i64,
        #[model(output)]
        description: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
}
