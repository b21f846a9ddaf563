//! Text Generation models, generated from the catalog: do not edit.

/// `@cf/cloudflare/clef`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod clef {
    /// Clef is a 27B multimodal decision model that turns a state and a schema of typed questions into decisions. It reads the state as text, JSON, images, or video, and returns a probability for every allowed option of every question.
    ///
    /// Model `@cf/cloudflare/clef`, task Text Generation.
    ///
    /// - context window: 65536
    /// - info: <https://huggingface.co/Cloudflare/clef>
    /// - terms: <https://huggingface.co/Cloudflare/clef/blob/main/LICENSE>
    /// - vision: true
    /// - price: 0.24 USD per M input tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/cloudflare/clef")]
    pub struct Clef {
        /// Required. The model selector: "clef" for @cf/cloudflare/clef, "clef-flash" for @cf/cloudflare/clef-flash.
        model: Model,
        /// Required. The content to evaluate: a string, or structured data (object/array) such as records, chat logs, or application state. Long text state is truncated to fit the model's token limit.
        state: gateway_core::serde_json::Value,
        /// Map of question id to a typed question (noul, choice, or score). 1 to 64 questions; ids may use letters, digits, '_', '.', '-' (max 100 chars). Answers are returned under the same ids.
        questions: gateway_core::serde_json::Value,
        /// Clef extension to the System One API. Optional embedded PNG, JPEG, or WebP images placed before the state (max 4; 4 MiB and 16 megapixels each, 8 MiB total decoded; whole request body max 13 MiB). Remote URLs are not accepted.
        #[model(nested, length = ..=4)]
        images: Option<Vec<ImagesItem>>,
        /// The model that performed the evaluation.
        #[model(output, rename = "model")]
        output_model: String,
        /// One answer per question, keyed by the question ids from the request.
        #[model(output)]
        answers: gateway_core::serde_json::Value,
        #[model(output)]
        usage: Usage,
    }
    /// Required. The model selector: "clef" for @cf/cloudflare/clef, "clef-flash" for @cf/cloudflare/clef-flash.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Model {
        #[model(rename = "clef")]
        Clef,
        #[model(rename = "clef-flash")]
        ClefFlash,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ImagesItemBase64Image {
        /// image/png, image/jpeg, or image/webp.
        pub content_type: String,
        /// Base64-encoded image bytes.
        pub base64: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ImagesItem {
        DataUrl(String),
        #[model(nested)]
        Base64Image(ImagesItemBase64Image),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        pub input_tokens: i64,
        pub output_tokens: i64,
    }
}

/// `@hf/thebloke/deepseek-coder-6.7b-base-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod deepseek_coder_6_7b_base_awq {
    /// Deepseek Coder is composed of a series of code language models, each trained from scratch on 2T tokens, with a composition of 87% code and 13% natural language in both English and Chinese.
    ///
    /// Model `@hf/thebloke/deepseek-coder-6.7b-base-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - terms: <https://huggingface.co/TheBloke/deepseek-coder-6.7B-base-AWQ>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/deepseek-coder-6.7b-base-awq", stream)]
    pub struct DeepseekCoder67bBaseAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/thebloke/deepseek-coder-6.7b-instruct-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod deepseek_coder_6_7b_instruct_awq {
    /// Deepseek Coder is composed of a series of code language models, each trained from scratch on 2T tokens, with a composition of 87% code and 13% natural language in both English and Chinese.
    ///
    /// Model `@hf/thebloke/deepseek-coder-6.7b-instruct-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - terms: <https://huggingface.co/TheBloke/deepseek-coder-6.7B-instruct-AWQ>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/deepseek-coder-6.7b-instruct-awq", stream)]
    pub struct DeepseekCoder67bInstructAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/deepseek-ai/deepseek-math-7b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod deepseek_math_7b_instruct {
    /// DeepSeekMath-Instruct 7B is a mathematically instructed tuning model derived from DeepSeekMath-Base 7B. DeepSeekMath is initialized with DeepSeek-Coder-v1.5 7B and continues pre-training on math-related tokens sourced from Common Crawl, together with natural language and code data for 500B tokens.
    ///
    /// Model `@cf/deepseek-ai/deepseek-math-7b-instruct`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/deepseek-ai/deepseek-math-7b-instruct>
    /// - terms: <https://github.com/deepseek-ai/DeepSeek-Math/blob/main/LICENSE-MODEL>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepseek-ai/deepseek-math-7b-instruct", stream)]
    pub struct DeepseekMath7bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/deepseek-ai/deepseek-r1-distill-qwen-32b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod deepseek_r1_distill_qwen_32b {
    /// DeepSeek-R1-Distill-Qwen-32B is a model distilled from DeepSeek-R1 based on Qwen2.5. It outperforms OpenAI-o1-mini across various benchmarks, achieving new state-of-the-art results for dense models.
    ///
    /// Model `@cf/deepseek-ai/deepseek-r1-distill-qwen-32b`, task Text Generation.
    ///
    /// - terms: <https://github.com/deepseek-ai/DeepSeek-R1/blob/main/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b", stream)]
    pub struct DeepseekR1DistillQwen32b {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/thebloke/discolm-german-7b-v1-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod discolm_german_7b_v1_awq {
    /// DiscoLM German 7b is a Mistral-based large language model with a focus on German-language applications. AWQ is an efficient, accurate and blazing-fast low-bit weight quantization method, currently supporting 4-bit quantization.
    ///
    /// Model `@cf/thebloke/discolm-german-7b-v1-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/TheBloke/DiscoLM_German_7b_v1-AWQ>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/thebloke/discolm-german-7b-v1-awq", stream)]
    pub struct DiscolmGerman7bV1Awq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/tiiuae/falcon-7b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod falcon_7b_instruct {
    /// Falcon-7B-Instruct is a 7B parameters causal decoder-only model built by TII based on Falcon-7B and finetuned on a mixture of chat/instruct datasets.
    ///
    /// Model `@cf/tiiuae/falcon-7b-instruct`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/tiiuae/falcon-7b-instruct>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/tiiuae/falcon-7b-instruct", stream)]
    pub struct Falcon7bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/google/gemma-2b-it-lora`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gemma_2b_it_lora {
    /// This is a Gemma-2B base model that Cloudflare dedicates for inference with LoRA adapters. Gemma is a family of lightweight, state-of-the-art open models from Google, built from the same research and technology used to create the Gemini models.
    ///
    /// Model `@cf/google/gemma-2b-it-lora`, task Text Generation.
    ///
    /// - beta: true
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/google/gemma-2b-it-lora", stream)]
    pub struct Gemma2bItLora {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/google/gemma-3-12b-it`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gemma_3_12b_it {
    /// Gemma 3 models are well-suited for a variety of text generation and image understanding tasks, including question answering, summarization, and reasoning. Gemma 3 models are multimodal, handling text and image input and generating text output, with a large, 128K context window, multilingual support in over 140 languages, and is available in more sizes than previous versions.
    ///
    /// Model `@cf/google/gemma-3-12b-it`, task Text Generation.
    ///
    /// - context window: 80000
    /// - price: 0.35 USD per M input tokens; 0.56 USD per M output tokens
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/google/gemma-3-12b-it")]
    pub struct Gemma312bIt {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// JSON schema that should be fufilled for the response.
        guided_json: Option<gateway_core::serde_json::Value>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: String,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ImageUrl {
        /// image uri with data (e.g. data:image/jpeg;base64,/9j/...). HTTP URL will not be accepted
        pub url: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        /// Type of the content provided
        #[model(rename = "type")]
        pub type_: Option<String>,
        pub text: Option<String>,
        #[model(nested)]
        pub image_url: Option<ImageUrl>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: Option<String>,
        #[model(nested)]
        pub content: Option<Content>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/google/gemma-4-26b-a4b-it`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gemma_4_26b_a4b_it {
    /// Gemma 4 is Google's most intelligent family of open models, built from Gemini 3 research to maximize intelligence-per-parameter.
    ///
    /// Model `@cf/google/gemma-4-26b-a4b-it`, task Text Generation.
    ///
    /// - context window: 256000
    /// - price: 0.1 USD per M input tokens; 0.3 USD per M output tokens
    /// - function calling: true
    /// - reasoning: true
    /// - terms: <https://ai.google.dev/gemma/docs/gemma_4_license>
    /// - vision: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/google/gemma-4-26b-a4b-it")]
    pub struct Gemma426bA4bIt {
        /// The input text prompt for the model to generate a response.
        #[model(length = 1..)]
        prompt: String,
        #[model(default = false)]
        skip_special_tokens: bool,
        /// ID of the model to use (e.g. '@cf/zai-org/glm-4.7-flash, etc').
        model: Option<String>,
        #[model(nested)]
        audio: Option<Audio>,
        /// Penalizes new tokens based on their existing frequency in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Modify the likelihood of specified tokens appearing in the completion. Maps token IDs to bias values from -100 to 100.
        logit_bias: Option<gateway_core::serde_json::Value>,
        /// Whether to return log probabilities of the output tokens.
        ///
        /// Default: `false`.
        logprobs: Option<bool>,
        /// How many top log probabilities to return at each token position (0-20). Requires logprobs=true.
        #[model(range = 0..=20)]
        top_logprobs: Option<u64>,
        /// Deprecated in favor of max_completion_tokens. The maximum number of tokens to generate.
        max_tokens: Option<i64>,
        /// An upper bound for the number of tokens that can be generated for a completion.
        max_completion_tokens: Option<i64>,
        /// Set of 16 key-value pairs that can be attached to the object.
        metadata: Option<gateway_core::serde_json::Value>,
        /// Output types requested from the model (e.g. \['text'\] or \['text', 'audio'\]).
        modalities: Option<Vec<ModalitiesItem>>,
        /// How many chat completion choices to generate for each input message.
        ///
        /// Default: `1`.
        #[model(range = 1..=128)]
        n: Option<u64>,
        /// Whether to enable parallel function calling during tool use.
        #[model(default = true)]
        parallel_tool_calls: bool,
        #[model(nested)]
        prediction: Option<Prediction>,
        /// Penalizes new tokens based on whether they appear in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
        reasoning_effort: Option<ReasoningEffort>,
        #[model(nested)]
        chat_template_kwargs: Option<ChatTemplateKwargs>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If specified, the system will make a best effort to sample deterministically.
        seed: Option<i64>,
        /// Specifies the processing type used for serving the request.
        ///
        /// Default: `"auto"`.
        service_tier: Option<ServiceTier>,
        /// Up to 4 sequences where the API will stop generating further tokens.
        #[model(length = 1..=4)]
        stop: Option<gateway_core::model::OneOrMany<String>>,
        /// Whether to store the output for model distillation / evals.
        ///
        /// Default: `false`.
        store: Option<bool>,
        #[model(nested)]
        stream_options: Option<StreamOptions>,
        /// Sampling temperature between 0 and 2.
        ///
        /// Default: `1`.
        #[model(range = 0..=2)]
        temperature: Option<f64>,
        #[model(nested)]
        tool_choice: Option<ToolChoice>,
        /// A list of tools the model may call.
        #[model(nested)]
        tools: Option<Vec<ToolsItem>>,
        /// Nucleus sampling: considers the results of the tokens with top_p probability mass.
        ///
        /// Default: `1`.
        #[model(range = 0..=1)]
        top_p: Option<f64>,
        /// A unique identifier representing your end-user, for abuse monitoring.
        user: Option<String>,
        #[model(nested)]
        web_search_options: Option<WebSearchOptions>,
        #[model(nested)]
        function_call: Option<FunctionCall>,
        #[model(nested, length = 1..=128)]
        functions: Option<Vec<Function2>>,
        /// A unique identifier for the chat completion.
        #[model(output)]
        id: String,
        #[model(output)]
        object: String,
        /// Unix timestamp (seconds) of when the completion was created.
        #[model(output)]
        created: i64,
        /// The model used for the chat completion.
        #[model(output, rename = "model")]
        output_model: String,
        #[model(output)]
        choices: Vec<ChoicesItem>,
        #[model(output)]
        usage: Option<Usage>,
        #[model(output)]
        system_fingerprint: Option<String>,
        #[model(output, rename = "service_tier")]
        output_service_tier: Option<ServiceTier2>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Voice2 {
        pub id: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Voice {
        Text(String),
        #[model(nested)]
        Voice2(Voice2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Format {
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "aac")]
        Aac,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "pcm16")]
        Pcm16,
    }
    /// Parameters for audio output. Required when modalities includes 'audio'.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio {
        #[model(nested)]
        pub voice: Voice,
        pub format: Format,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ModalitiesItem {
        #[model(rename = "text")]
        Text,
        #[model(rename = "audio")]
        Audio,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "content")]
        Content,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "text")]
        Text,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        #[model(rename = "type")]
        pub type_: Type2,
        pub text: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Prediction {
        #[model(rename = "type")]
        pub type_: Type,
        #[model(nested)]
        pub content: Content,
    }
    /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ReasoningEffort {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChatTemplateKwargs {
        /// Whether to enable reasoning, enabled by default.
        ///
        /// Default: `true`.
        pub enable_thinking: Option<bool>,
        /// If false, preserves reasoning context between turns.
        ///
        /// Default: `false`.
        pub clear_thinking: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type3 {
        #[model(rename = "json_object")]
        JsonObject,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat2 {
        #[model(rename = "type")]
        pub type_: Type3,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type4 {
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct JsonSchema {
        pub name: String,
        pub description: Option<String>,
        pub schema: Option<gateway_core::serde_json::Value>,
        pub strict: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat3 {
        #[model(rename = "type")]
        pub type_: Type4,
        #[model(nested)]
        pub json_schema: JsonSchema,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ResponseFormat {
        #[model(nested)]
        ResponseFormat1(ResponseFormat1),
        #[model(nested)]
        ResponseFormat2(ResponseFormat2),
        #[model(nested)]
        ResponseFormat3(ResponseFormat3),
    }
    /// Specifies the processing type used for serving the request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct StreamOptions {
        pub include_usage: Option<bool>,
        pub include_obfuscation: Option<bool>,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ToolChoice1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type5 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        pub name: String,
    }
    /// Force a specific function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice2 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type6 {
        #[model(rename = "custom")]
        Custom,
    }
    /// Force a specific custom tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice3 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type7 {
        #[model(rename = "allowed_tools")]
        AllowedTools,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Mode {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AllowedTools {
        pub mode: Mode,
        pub tools: Vec<gateway_core::serde_json::Value>,
    }
    /// Constrain to an allowed subset of tools.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice4 {
        #[model(rename = "type")]
        pub type_: Type7,
        #[model(nested)]
        pub allowed_tools: AllowedTools,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolChoice {
        ToolChoice1(ToolChoice1),
        #[model(nested)]
        ToolChoice2(ToolChoice2),
        #[model(nested)]
        ToolChoice3(ToolChoice3),
        #[model(nested)]
        ToolChoice4(ToolChoice4),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// The name of the function to be called.
        pub name: String,
        /// A description of what the function does.
        pub description: Option<String>,
        /// The parameters the function accepts, described as a JSON Schema object.
        pub parameters: Option<gateway_core::serde_json::Value>,
        /// Whether to enable strict schema adherence.
        ///
        /// Default: `false`.
        pub strict: Option<bool>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type8 {
        #[model(rename = "grammar")]
        Grammar,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Syntax {
        #[model(rename = "lark")]
        Lark,
        #[model(rename = "regex")]
        Regex,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Grammar {
        pub definition: String,
        pub syntax: Syntax,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format2 {
        #[model(rename = "type")]
        pub type_: Type8,
        #[model(nested)]
        pub grammar: Grammar,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Format3 {
        #[model(nested)]
        Format1(Format1),
        #[model(nested)]
        Format2(Format2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom {
        pub name: String,
        pub description: Option<String>,
        #[model(nested)]
        pub format: Option<Format3>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum SearchContextSize {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type9 {
        #[model(rename = "approximate")]
        Approximate,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Approximate {
        pub city: Option<String>,
        pub country: Option<String>,
        pub region: Option<String>,
        pub timezone: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UserLocation {
        #[model(rename = "type")]
        pub type_: Type9,
        #[model(nested)]
        pub approximate: Approximate,
    }
    /// Options for the web search tool (when using built-in web search).
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WebSearchOptions {
        /// Default: `"medium"`.
        pub search_context_size: Option<SearchContextSize>,
        #[model(nested)]
        pub user_location: Option<UserLocation>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FunctionCall1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum FunctionCall {
        FunctionCall1(FunctionCall1),
        #[model(nested)]
        Function(Function),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role {
        #[model(rename = "assistant")]
        Assistant,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type10 {
        #[model(rename = "url_citation")]
        UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UrlCitation {
        pub url: String,
        pub title: String,
        pub start_index: i64,
        pub end_index: i64,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnnotationsItem {
        #[model(rename = "type")]
        pub type_: Type10,
        #[model(nested)]
        pub url_citation: UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio2 {
        pub id: String,
        /// Base64 encoded audio bytes.
        pub data: gateway_core::model::Base64,
        pub expires_at: i64,
        pub transcript: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function3 {
        pub name: String,
        /// JSON-encoded arguments string.
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem1 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function3,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom2 {
        pub name: String,
        pub input: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem2 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolCallsItem {
        #[model(nested)]
        ToolCallsItem1(ToolCallsItem1),
        #[model(nested)]
        ToolCallsItem2(ToolCallsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionCall2 {
        pub name: String,
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        pub role: Role,
        pub content: Option<String>,
        pub refusal: Option<String>,
        #[model(nested)]
        pub annotations: Option<Vec<AnnotationsItem>>,
        #[model(nested)]
        pub audio: Option<Audio2>,
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
        #[model(nested)]
        pub function_call: Option<FunctionCall2>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FinishReason {
        #[model(rename = "stop")]
        Stop,
        #[model(rename = "length")]
        Length,
        #[model(rename = "tool_calls")]
        ToolCalls,
        #[model(rename = "content_filter")]
        ContentFilter,
        #[model(rename = "function_call")]
        FunctionCall,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct TopLogprobsItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ContentItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
        #[model(nested)]
        pub top_logprobs: Vec<TopLogprobsItem>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Logprobs {
        #[model(nested)]
        pub content: Option<Vec<ContentItem>>,
        #[model(nested)]
        pub refusal: Option<Vec<ContentItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        pub index: i64,
        #[model(nested)]
        pub message: Message,
        pub finish_reason: FinishReason,
        #[model(nested)]
        pub logprobs: Option<Logprobs>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct PromptTokensDetails {
        pub cached_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct CompletionTokensDetails {
        pub reasoning_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
        pub accepted_prediction_tokens: Option<i64>,
        pub rejected_prediction_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        pub prompt_tokens: i64,
        pub completion_tokens: i64,
        pub total_tokens: i64,
        #[model(nested)]
        pub prompt_tokens_details: Option<PromptTokensDetails>,
        #[model(nested)]
        pub completion_tokens_details: Option<CompletionTokensDetails>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier2 {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
}

/// `@cf/google/gemma-7b-it-lora`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gemma_7b_it_lora {
    /// This is a Gemma-7B base model that Cloudflare dedicates for inference with LoRA adapters. Gemma is a family of lightweight, state-of-the-art open models from Google, built from the same research and technology used to create the Gemini models.
    ///
    /// Model `@cf/google/gemma-7b-it-lora`, task Text Generation.
    ///
    /// - beta: true
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/google/gemma-7b-it-lora", stream)]
    pub struct Gemma7bItLora {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/google/gemma-7b-it`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gemma_7b_it {
    /// Gemma is a family of lightweight, state-of-the-art open models from Google, built from the same research and technology used to create the Gemini models. They are text-to-text, decoder-only large language models, available in English, with open weights, pre-trained variants, and instruction-tuned variants.
    ///
    /// Model `@hf/google/gemma-7b-it`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://ai.google.dev/gemma/docs>
    /// - lora: true
    /// - max batch prefill tokens: 2048
    /// - max input length: 1512
    /// - max total tokens: 2048
    /// - terms: <https://ai.google.dev/gemma/terms>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/google/gemma-7b-it", stream)]
    pub struct Gemma7bIt {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/aisingapore/gemma-sea-lion-v4-27b-it`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gemma_sea_lion_v4_27b_it {
    /// SEA-LION stands for Southeast Asian Languages In One Network, which is a collection of Large Language Models (LLMs) which have been pretrained and instruct-tuned for the Southeast Asia (SEA) region.
    ///
    /// Model `@cf/aisingapore/gemma-sea-lion-v4-27b-it`, task Text Generation.
    ///
    /// - context window: 128000
    /// - price: 0.35 USD per M input tokens; 0.56 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/aisingapore/gemma-sea-lion-v4-27b-it")]
    pub struct GemmaSeaLionV427bIt {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 2000)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        #[model(one_of = "input", nested)]
        requests: Vec<RequestsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: Answer,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "json_object")]
        JsonObject,
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        #[model(rename = "type")]
        pub type_: Option<Type>,
        pub json_schema: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItemPrompt {
        /// The input text prompt for the model to generate a response.
        #[model(length = 1..)]
        pub prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        pub lora: Option<String>,
        #[model(nested)]
        pub response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        ///
        /// Default: `false`.
        pub raw: Option<bool>,
        /// The maximum number of tokens to generate in the response.
        ///
        /// Default: `256`.
        pub max_tokens: Option<i64>,
        /// Controls the randomness of the output; higher values produce more random results.
        ///
        /// Default: `0.6`.
        #[model(range = 0..=5)]
        pub temperature: Option<f64>,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        pub top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        pub top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        pub seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        pub repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        pub frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        pub presence_penalty: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItemMessages {
        /// An array of message objects representing the conversation history.
        #[model(nested)]
        pub messages: Vec<MessagesItem>,
        #[model(nested)]
        pub functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(nested)]
        pub tools: Option<Vec<ToolsItem>>,
        #[model(nested)]
        pub response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        ///
        /// Default: `false`.
        pub raw: Option<bool>,
        /// The maximum number of tokens to generate in the response.
        ///
        /// Default: `256`.
        pub max_tokens: Option<i64>,
        /// Controls the randomness of the output; higher values produce more random results.
        ///
        /// Default: `0.6`.
        #[model(range = 0..=5)]
        pub temperature: Option<f64>,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        pub top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        pub top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        pub seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        pub repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        pub frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        pub presence_penalty: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum RequestsItem {
        #[model(nested)]
        Prompt(RequestsItemPrompt),
        #[model(nested)]
        Messages(RequestsItemMessages),
    }
    /// Object type identifier
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Object {
        #[model(rename = "chat.completion")]
        ChatCompletion,
    }
    /// Type of tool call
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// Name of the function to call
        pub name: String,
        /// JSON string of arguments for the function
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// Unique identifier for the tool call
        pub id: String,
        /// Type of tool call
        #[model(rename = "type")]
        pub type_: Type2,
        #[model(nested)]
        pub function: Function2,
    }
    /// The message generated by the model
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        /// Role of the message author
        pub role: String,
        /// The content of the message
        pub content: String,
        /// Internal reasoning content (if available)
        pub reasoning_content: Option<String>,
        /// Tool calls made by the assistant
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        /// Index of the choice in the list
        pub index: Option<f64>,
        /// The message generated by the model
        #[model(nested)]
        pub message: Option<Message>,
        /// Reason why the model stopped generating
        pub finish_reason: Option<String>,
        /// Stop reason (may be null)
        pub stop_reason: Option<String>,
        /// Log probabilities (if requested)
        pub logprobs: Option<gateway_core::serde_json::Value>,
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerChatCompletionResponse {
        /// Unique identifier for the completion
        pub id: Option<String>,
        /// Object type identifier
        pub object: Option<Object>,
        /// Unix timestamp of when the completion was created
        pub created: Option<f64>,
        /// Model used for the completion
        pub model: Option<String>,
        /// List of completion choices
        #[model(nested)]
        pub choices: Option<Vec<ChoicesItem>>,
        /// Usage statistics for the inference request
        #[model(nested)]
        pub usage: Option<Usage>,
        /// Log probabilities for the prompt (if requested)
        pub prompt_logprobs: Option<gateway_core::serde_json::Value>,
    }
    /// Object type identifier
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Object2 {
        #[model(rename = "text_completion")]
        TextCompletion,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem2 {
        /// Index of the choice in the list
        pub index: f64,
        /// The generated text completion
        pub text: String,
        /// Reason why the model stopped generating
        pub finish_reason: String,
        /// Stop reason (may be null)
        pub stop_reason: Option<String>,
        /// Log probabilities (if requested)
        pub logprobs: Option<gateway_core::serde_json::Value>,
        /// Log probabilities for the prompt (if requested)
        pub prompt_logprobs: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerTextCompletionResponse {
        /// Unique identifier for the completion
        pub id: Option<String>,
        /// Object type identifier
        pub object: Option<Object2>,
        /// Unix timestamp of when the completion was created
        pub created: Option<f64>,
        /// Model used for the completion
        pub model: Option<String>,
        /// List of completion choices
        #[model(nested)]
        pub choices: Option<Vec<ChoicesItem2>>,
        /// Usage statistics for the inference request
        #[model(nested)]
        pub usage: Option<Usage>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerAsyncResponse {
        /// The async request id that can be used to obtain the results.
        pub request_id: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Answer {
        #[model(nested)]
        ChatCompletionResponse(AnswerChatCompletionResponse),
        #[model(nested)]
        TextCompletionResponse(AnswerTextCompletionResponse),
        #[model(nested)]
        AsyncResponse(AnswerAsyncResponse),
    }
}

/// `@cf/zai-org/glm-4.7-flash`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod glm_4_7_flash {
    /// GLM-4.7-Flash is a fast and efficient multilingual text generation model with a 131,072 token context window. Optimized for dialogue, instruction-following, and multi-turn tool calling across 100+ languages.
    ///
    /// Model `@cf/zai-org/glm-4.7-flash`, task Text Generation.
    ///
    /// - context window: 131072
    /// - price: 0.06 USD per M input tokens; 0.4 USD per M output tokens
    /// - function calling: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/zai-org/glm-4.7-flash")]
    pub struct Glm47Flash {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// ID of the model to use (e.g. '@cf/zai-org/glm-4.7-flash, etc').
        model: Option<String>,
        #[model(nested)]
        audio: Option<Audio>,
        /// Penalizes new tokens based on their existing frequency in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Modify the likelihood of specified tokens appearing in the completion. Maps token IDs to bias values from -100 to 100.
        logit_bias: Option<gateway_core::serde_json::Value>,
        /// Whether to return log probabilities of the output tokens.
        ///
        /// Default: `false`.
        logprobs: Option<bool>,
        /// How many top log probabilities to return at each token position (0-20). Requires logprobs=true.
        #[model(range = 0..=20)]
        top_logprobs: Option<u64>,
        /// Deprecated in favor of max_completion_tokens. The maximum number of tokens to generate.
        max_tokens: Option<i64>,
        /// An upper bound for the number of tokens that can be generated for a completion.
        max_completion_tokens: Option<i64>,
        /// Set of 16 key-value pairs that can be attached to the object.
        metadata: Option<gateway_core::serde_json::Value>,
        /// Output types requested from the model (e.g. \['text'\] or \['text', 'audio'\]).
        modalities: Option<Vec<ModalitiesItem>>,
        /// How many chat completion choices to generate for each input message.
        ///
        /// Default: `1`.
        #[model(range = 1..=128)]
        n: Option<u64>,
        /// Whether to enable parallel function calling during tool use.
        #[model(default = true)]
        parallel_tool_calls: bool,
        #[model(nested)]
        prediction: Option<Prediction>,
        /// Penalizes new tokens based on whether they appear in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
        reasoning_effort: Option<ReasoningEffort>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If specified, the system will make a best effort to sample deterministically.
        seed: Option<i64>,
        /// Specifies the processing type used for serving the request.
        ///
        /// Default: `"auto"`.
        service_tier: Option<ServiceTier>,
        /// Up to 4 sequences where the API will stop generating further tokens.
        #[model(length = 1..=4)]
        stop: Option<gateway_core::model::OneOrMany<String>>,
        /// Whether to store the output for model distillation / evals.
        ///
        /// Default: `false`.
        store: Option<bool>,
        #[model(nested)]
        stream_options: Option<StreamOptions>,
        /// Sampling temperature between 0 and 2.
        ///
        /// Default: `1`.
        #[model(range = 0..=2)]
        temperature: Option<f64>,
        #[model(nested)]
        tool_choice: Option<ToolChoice>,
        /// A list of tools the model may call.
        #[model(nested)]
        tools: Option<Vec<ToolsItem>>,
        /// Nucleus sampling: considers the results of the tokens with top_p probability mass.
        ///
        /// Default: `1`.
        #[model(range = 0..=1)]
        top_p: Option<f64>,
        /// A unique identifier representing your end-user, for abuse monitoring.
        user: Option<String>,
        #[model(nested)]
        web_search_options: Option<WebSearchOptions>,
        #[model(nested)]
        function_call: Option<FunctionCall>,
        #[model(nested, length = 1..=128)]
        functions: Option<Vec<Function2>>,
        /// A list of messages comprising the conversation so far.
        #[model(one_of = "input", nested, length = 1..)]
        messages: Vec<MessagesItem>,
        /// A unique identifier for the chat completion.
        #[model(output)]
        id: String,
        #[model(output)]
        object: String,
        /// Unix timestamp (seconds) of when the completion was created.
        #[model(output)]
        created: i64,
        /// The model used for the chat completion.
        #[model(output, rename = "model")]
        output_model: String,
        #[model(output)]
        choices: Vec<ChoicesItem>,
        #[model(output)]
        usage: Option<Usage>,
        #[model(output)]
        system_fingerprint: Option<String>,
        #[model(output, rename = "service_tier")]
        output_service_tier: Option<ServiceTier2>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Voice2 {
        pub id: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Voice {
        Text(String),
        #[model(nested)]
        Voice2(Voice2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Format {
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "aac")]
        Aac,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "pcm16")]
        Pcm16,
    }
    /// Parameters for audio output. Required when modalities includes 'audio'.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio {
        #[model(nested)]
        pub voice: Voice,
        pub format: Format,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ModalitiesItem {
        #[model(rename = "text")]
        Text,
        #[model(rename = "audio")]
        Audio,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "content")]
        Content,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "text")]
        Text,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        #[model(rename = "type")]
        pub type_: Type2,
        pub text: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Prediction {
        #[model(rename = "type")]
        pub type_: Type,
        #[model(nested)]
        pub content: Content,
    }
    /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ReasoningEffort {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type3 {
        #[model(rename = "json_object")]
        JsonObject,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat2 {
        #[model(rename = "type")]
        pub type_: Type3,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type4 {
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct JsonSchema {
        pub name: String,
        pub description: Option<String>,
        pub schema: Option<gateway_core::serde_json::Value>,
        pub strict: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat3 {
        #[model(rename = "type")]
        pub type_: Type4,
        #[model(nested)]
        pub json_schema: JsonSchema,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ResponseFormat {
        #[model(nested)]
        ResponseFormat1(ResponseFormat1),
        #[model(nested)]
        ResponseFormat2(ResponseFormat2),
        #[model(nested)]
        ResponseFormat3(ResponseFormat3),
    }
    /// Specifies the processing type used for serving the request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct StreamOptions {
        pub include_usage: Option<bool>,
        pub include_obfuscation: Option<bool>,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ToolChoice1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type5 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        pub name: String,
    }
    /// Force a specific function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice2 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type6 {
        #[model(rename = "custom")]
        Custom,
    }
    /// Force a specific custom tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice3 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type7 {
        #[model(rename = "allowed_tools")]
        AllowedTools,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Mode {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AllowedTools {
        pub mode: Mode,
        pub tools: Vec<gateway_core::serde_json::Value>,
    }
    /// Constrain to an allowed subset of tools.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice4 {
        #[model(rename = "type")]
        pub type_: Type7,
        #[model(nested)]
        pub allowed_tools: AllowedTools,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolChoice {
        ToolChoice1(ToolChoice1),
        #[model(nested)]
        ToolChoice2(ToolChoice2),
        #[model(nested)]
        ToolChoice3(ToolChoice3),
        #[model(nested)]
        ToolChoice4(ToolChoice4),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// The name of the function to be called.
        pub name: String,
        /// A description of what the function does.
        pub description: Option<String>,
        /// The parameters the function accepts, described as a JSON Schema object.
        pub parameters: Option<gateway_core::serde_json::Value>,
        /// Whether to enable strict schema adherence.
        ///
        /// Default: `false`.
        pub strict: Option<bool>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type8 {
        #[model(rename = "grammar")]
        Grammar,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Syntax {
        #[model(rename = "lark")]
        Lark,
        #[model(rename = "regex")]
        Regex,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Grammar {
        pub definition: String,
        pub syntax: Syntax,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format2 {
        #[model(rename = "type")]
        pub type_: Type8,
        #[model(nested)]
        pub grammar: Grammar,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Format3 {
        #[model(nested)]
        Format1(Format1),
        #[model(nested)]
        Format2(Format2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom {
        pub name: String,
        pub description: Option<String>,
        #[model(nested)]
        pub format: Option<Format3>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum SearchContextSize {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type9 {
        #[model(rename = "approximate")]
        Approximate,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Approximate {
        pub city: Option<String>,
        pub country: Option<String>,
        pub region: Option<String>,
        pub timezone: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UserLocation {
        #[model(rename = "type")]
        pub type_: Type9,
        #[model(nested)]
        pub approximate: Approximate,
    }
    /// Options for the web search tool (when using built-in web search).
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WebSearchOptions {
        /// Default: `"medium"`.
        pub search_context_size: Option<SearchContextSize>,
        #[model(nested)]
        pub user_location: Option<UserLocation>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FunctionCall1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum FunctionCall {
        FunctionCall1(FunctionCall1),
        #[model(nested)]
        Function(Function),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role {
        #[model(rename = "developer")]
        Developer,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem1 {
        pub role: Role,
        #[model(nested)]
        pub content: Content,
        pub name: Option<String>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role2 {
        #[model(rename = "system")]
        System,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem2 {
        pub role: Role2,
        #[model(nested)]
        pub content: Content,
        pub name: Option<String>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role3 {
        #[model(rename = "user")]
        User,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type10 {
        #[model(rename = "text")]
        Text,
        #[model(rename = "image_url")]
        ImageUrl,
        #[model(rename = "input_audio")]
        InputAudio,
        #[model(rename = "file")]
        File,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Detail {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "low")]
        Low,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ImageUrl {
        pub url: Option<String>,
        /// Default: `"auto"`.
        pub detail: Option<Detail>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Format4 {
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "mp3")]
        Mp3,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct InputAudio {
        pub data: Option<String>,
        pub format: Option<Format4>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct File {
        pub file_data: Option<String>,
        pub file_id: Option<String>,
        pub filename: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item2 {
        #[model(rename = "type")]
        pub type_: Type10,
        pub text: Option<String>,
        #[model(nested)]
        pub image_url: Option<ImageUrl>,
        #[model(nested)]
        pub input_audio: Option<InputAudio>,
        #[model(nested)]
        pub file: Option<File>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content2 {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item2>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem3 {
        pub role: Role3,
        #[model(nested)]
        pub content: Content2,
        pub name: Option<String>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role4 {
        #[model(rename = "assistant")]
        Assistant,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type11 {
        #[model(rename = "text")]
        Text,
        #[model(rename = "refusal")]
        Refusal,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item3 {
        #[model(rename = "type")]
        pub type_: Type11,
        pub text: Option<String>,
        pub refusal: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content3 {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item3>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function3 {
        pub name: String,
        /// JSON-encoded arguments string.
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem1 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function3,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom2 {
        pub name: String,
        pub input: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem2 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolCallsItem {
        #[model(nested)]
        ToolCallsItem1(ToolCallsItem1),
        #[model(nested)]
        ToolCallsItem2(ToolCallsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionCall2 {
        pub name: String,
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem4 {
        pub role: Role4,
        #[model(nested)]
        pub content: Option<Content3>,
        pub refusal: Option<String>,
        pub name: Option<String>,
        #[model(nested)]
        pub audio: Option<Voice2>,
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
        #[model(nested)]
        pub function_call: Option<FunctionCall2>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role5 {
        #[model(rename = "tool")]
        Tool,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem5 {
        pub role: Role5,
        #[model(nested)]
        pub content: Content,
        pub tool_call_id: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem6 {
        pub role: Type5,
        pub content: String,
        pub name: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum MessagesItem {
        #[model(nested)]
        MessagesItem1(MessagesItem1),
        #[model(nested)]
        MessagesItem2(MessagesItem2),
        #[model(nested)]
        MessagesItem3(MessagesItem3),
        #[model(nested)]
        MessagesItem4(MessagesItem4),
        #[model(nested)]
        MessagesItem5(MessagesItem5),
        #[model(nested)]
        MessagesItem6(MessagesItem6),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type12 {
        #[model(rename = "url_citation")]
        UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UrlCitation {
        pub url: String,
        pub title: String,
        pub start_index: i64,
        pub end_index: i64,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnnotationsItem {
        #[model(rename = "type")]
        pub type_: Type12,
        #[model(nested)]
        pub url_citation: UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio2 {
        pub id: String,
        /// Base64 encoded audio bytes.
        pub data: gateway_core::model::Base64,
        pub expires_at: i64,
        pub transcript: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        pub role: Role4,
        pub content: Option<String>,
        pub refusal: Option<String>,
        #[model(nested)]
        pub annotations: Option<Vec<AnnotationsItem>>,
        #[model(nested)]
        pub audio: Option<Audio2>,
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
        #[model(nested)]
        pub function_call: Option<FunctionCall2>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FinishReason {
        #[model(rename = "stop")]
        Stop,
        #[model(rename = "length")]
        Length,
        #[model(rename = "tool_calls")]
        ToolCalls,
        #[model(rename = "content_filter")]
        ContentFilter,
        #[model(rename = "function_call")]
        FunctionCall,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct TopLogprobsItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ContentItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
        #[model(nested)]
        pub top_logprobs: Vec<TopLogprobsItem>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Logprobs {
        #[model(nested)]
        pub content: Option<Vec<ContentItem>>,
        #[model(nested)]
        pub refusal: Option<Vec<ContentItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        pub index: i64,
        #[model(nested)]
        pub message: Message,
        pub finish_reason: FinishReason,
        #[model(nested)]
        pub logprobs: Option<Logprobs>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct PromptTokensDetails {
        pub cached_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct CompletionTokensDetails {
        pub reasoning_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
        pub accepted_prediction_tokens: Option<i64>,
        pub rejected_prediction_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        pub prompt_tokens: i64,
        pub completion_tokens: i64,
        pub total_tokens: i64,
        #[model(nested)]
        pub prompt_tokens_details: Option<PromptTokensDetails>,
        #[model(nested)]
        pub completion_tokens_details: Option<CompletionTokensDetails>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier2 {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
}

/// `@cf/openai/gpt-oss-120b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gpt_oss_120b {
    /// OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases – gpt-oss-120b is for production, general purpose, high reasoning use-cases.
    ///
    /// Model `@cf/openai/gpt-oss-120b`, task Text Generation.
    ///
    /// - async queue: true
    /// - context window: 128000
    /// - price: 0.35 USD per M input tokens; 0.75 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/openai/gpt-oss-120b")]
    pub struct GptOss120b {
        /// Responses API Input messages. Refer to OpenAI Responses API docs to learn more about supported content types
        #[model(one_of = "choice", nested)]
        input: Input,
        #[model(with = "input", nested)]
        reasoning: Option<Reasoning>,
        #[model(one_of = "choice", nested)]
        requests: Vec<RequestsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: gateway_core::serde_json::Value,
    }
    /// Responses API Input messages. Refer to OpenAI Responses API docs to learn more about supported content types
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Input {
        Text(String),
        List(Vec<gateway_core::serde_json::Value>),
    }
    /// Constrains effort on reasoning for reasoning models. Currently supported values are low, medium, and high. Reducing reasoning effort can result in faster responses and fewer tokens used on reasoning in a response.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Effort {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    /// A summary of the reasoning performed by the model. This can be useful for debugging and understanding the model's reasoning process. One of auto, concise, or detailed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Summary {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "concise")]
        Concise,
        #[model(rename = "detailed")]
        Detailed,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Reasoning {
        /// Constrains effort on reasoning for reasoning models. Currently supported values are low, medium, and high. Reducing reasoning effort can result in faster responses and fewer tokens used on reasoning in a response.
        pub effort: Option<Effort>,
        /// A summary of the reasoning performed by the model. This can be useful for debugging and understanding the model's reasoning process. One of auto, concise, or detailed.
        pub summary: Option<Summary>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItem {
        /// Responses API Input messages. Refer to OpenAI Responses API docs to learn more about supported content types
        #[model(nested)]
        pub input: Input,
        #[model(nested)]
        pub reasoning: Option<Reasoning>,
    }
}

/// `@cf/openai/gpt-oss-20b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod gpt_oss_20b {
    /// OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and versatile developer use cases – gpt-oss-20b is for lower latency, and local or specialized use-cases.
    ///
    /// Model `@cf/openai/gpt-oss-20b`, task Text Generation.
    ///
    /// - context window: 128000
    /// - price: 0.2 USD per M input tokens; 0.3 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/openai/gpt-oss-20b")]
    pub struct GptOss20b {
        /// Responses API Input messages. Refer to OpenAI Responses API docs to learn more about supported content types
        #[model(one_of = "choice", nested)]
        input: Input,
        #[model(with = "input", nested)]
        reasoning: Option<Reasoning>,
        #[model(one_of = "choice", nested)]
        requests: Vec<RequestsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: gateway_core::serde_json::Value,
    }
    /// Responses API Input messages. Refer to OpenAI Responses API docs to learn more about supported content types
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Input {
        Text(String),
        List(Vec<gateway_core::serde_json::Value>),
    }
    /// Constrains effort on reasoning for reasoning models. Currently supported values are low, medium, and high. Reducing reasoning effort can result in faster responses and fewer tokens used on reasoning in a response.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Effort {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    /// A summary of the reasoning performed by the model. This can be useful for debugging and understanding the model's reasoning process. One of auto, concise, or detailed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Summary {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "concise")]
        Concise,
        #[model(rename = "detailed")]
        Detailed,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Reasoning {
        /// Constrains effort on reasoning for reasoning models. Currently supported values are low, medium, and high. Reducing reasoning effort can result in faster responses and fewer tokens used on reasoning in a response.
        pub effort: Option<Effort>,
        /// A summary of the reasoning performed by the model. This can be useful for debugging and understanding the model's reasoning process. One of auto, concise, or detailed.
        pub summary: Option<Summary>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItem {
        /// Responses API Input messages. Refer to OpenAI Responses API docs to learn more about supported content types
        #[model(nested)]
        pub input: Input,
        #[model(nested)]
        pub reasoning: Option<Reasoning>,
    }
}

/// `@cf/ibm-granite/granite-4.0-h-micro`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod granite_4_0_h_micro {
    /// Granite 4.0 instruct models deliver strong performance across benchmarks, achieving industry-leading results in key agentic tasks like instruction following and function calling. These efficiencies make the models well-suited for a wide range of use cases like retrieval-augmented generation (RAG), multi-agent workflows, and edge deployments.
    ///
    /// Model `@cf/ibm-granite/granite-4.0-h-micro`, task Text Generation.
    ///
    /// - context window: 131000
    /// - price: 0.017 USD per M input tokens; 0.11 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/ibm-granite/granite-4.0-h-micro")]
    pub struct Granite40HMicro {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 2000)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        #[model(one_of = "input", nested)]
        requests: Vec<RequestsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: Answer,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "json_object")]
        JsonObject,
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        #[model(rename = "type")]
        pub type_: Option<Type>,
        pub json_schema: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItemPrompt {
        /// The input text prompt for the model to generate a response.
        #[model(length = 1..)]
        pub prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        pub lora: Option<String>,
        #[model(nested)]
        pub response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        ///
        /// Default: `false`.
        pub raw: Option<bool>,
        /// The maximum number of tokens to generate in the response.
        ///
        /// Default: `256`.
        pub max_tokens: Option<i64>,
        /// Controls the randomness of the output; higher values produce more random results.
        ///
        /// Default: `0.6`.
        #[model(range = 0..=5)]
        pub temperature: Option<f64>,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        pub top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        pub top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        pub seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        pub repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        pub frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        pub presence_penalty: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItemMessages {
        /// An array of message objects representing the conversation history.
        #[model(nested)]
        pub messages: Vec<MessagesItem>,
        #[model(nested)]
        pub functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(nested)]
        pub tools: Option<Vec<ToolsItem>>,
        #[model(nested)]
        pub response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        ///
        /// Default: `false`.
        pub raw: Option<bool>,
        /// The maximum number of tokens to generate in the response.
        ///
        /// Default: `256`.
        pub max_tokens: Option<i64>,
        /// Controls the randomness of the output; higher values produce more random results.
        ///
        /// Default: `0.6`.
        #[model(range = 0..=5)]
        pub temperature: Option<f64>,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        pub top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        pub top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        pub seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        pub repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        pub frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        pub presence_penalty: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum RequestsItem {
        #[model(nested)]
        Prompt(RequestsItemPrompt),
        #[model(nested)]
        Messages(RequestsItemMessages),
    }
    /// Object type identifier
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Object {
        #[model(rename = "chat.completion")]
        ChatCompletion,
    }
    /// Type of tool call
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// Name of the function to call
        pub name: String,
        /// JSON string of arguments for the function
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// Unique identifier for the tool call
        pub id: String,
        /// Type of tool call
        #[model(rename = "type")]
        pub type_: Type2,
        #[model(nested)]
        pub function: Function2,
    }
    /// The message generated by the model
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        /// Role of the message author
        pub role: String,
        /// The content of the message
        pub content: String,
        /// Internal reasoning content (if available)
        pub reasoning_content: Option<String>,
        /// Tool calls made by the assistant
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        /// Index of the choice in the list
        pub index: Option<f64>,
        /// The message generated by the model
        #[model(nested)]
        pub message: Option<Message>,
        /// Reason why the model stopped generating
        pub finish_reason: Option<String>,
        /// Stop reason (may be null)
        pub stop_reason: Option<String>,
        /// Log probabilities (if requested)
        pub logprobs: Option<gateway_core::serde_json::Value>,
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerChatCompletionResponse {
        /// Unique identifier for the completion
        pub id: Option<String>,
        /// Object type identifier
        pub object: Option<Object>,
        /// Unix timestamp of when the completion was created
        pub created: Option<f64>,
        /// Model used for the completion
        pub model: Option<String>,
        /// List of completion choices
        #[model(nested)]
        pub choices: Option<Vec<ChoicesItem>>,
        /// Usage statistics for the inference request
        #[model(nested)]
        pub usage: Option<Usage>,
        /// Log probabilities for the prompt (if requested)
        pub prompt_logprobs: Option<gateway_core::serde_json::Value>,
    }
    /// Object type identifier
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Object2 {
        #[model(rename = "text_completion")]
        TextCompletion,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem2 {
        /// Index of the choice in the list
        pub index: f64,
        /// The generated text completion
        pub text: String,
        /// Reason why the model stopped generating
        pub finish_reason: String,
        /// Stop reason (may be null)
        pub stop_reason: Option<String>,
        /// Log probabilities (if requested)
        pub logprobs: Option<gateway_core::serde_json::Value>,
        /// Log probabilities for the prompt (if requested)
        pub prompt_logprobs: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerTextCompletionResponse {
        /// Unique identifier for the completion
        pub id: Option<String>,
        /// Object type identifier
        pub object: Option<Object2>,
        /// Unix timestamp of when the completion was created
        pub created: Option<f64>,
        /// Model used for the completion
        pub model: Option<String>,
        /// List of completion choices
        #[model(nested)]
        pub choices: Option<Vec<ChoicesItem2>>,
        /// Usage statistics for the inference request
        #[model(nested)]
        pub usage: Option<Usage>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerAsyncResponse {
        /// The async request id that can be used to obtain the results.
        pub request_id: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Answer {
        #[model(nested)]
        ChatCompletionResponse(AnswerChatCompletionResponse),
        #[model(nested)]
        TextCompletionResponse(AnswerTextCompletionResponse),
        #[model(nested)]
        AsyncResponse(AnswerAsyncResponse),
    }
}

/// `@hf/nousresearch/hermes-2-pro-mistral-7b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod hermes_2_pro_mistral_7b {
    /// Hermes 2 Pro on Mistral 7B is the new flagship 7B Hermes! Hermes 2 Pro is an upgraded, retrained version of Nous Hermes 2, consisting of an updated and cleaned version of the OpenHermes 2.5 Dataset, as well as a newly introduced Function Calling and JSON Mode dataset developed in-house.
    ///
    /// Model `@hf/nousresearch/hermes-2-pro-mistral-7b`, task Text Generation.
    ///
    /// - beta: true
    /// - function calling: true
    /// - info: <https://huggingface.co/NousResearch/Hermes-2-Pro-Mistral-7B>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/nousresearch/hermes-2-pro-mistral-7b", stream)]
    pub struct Hermes2ProMistral7b {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/moonshotai/kimi-k2.5`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod kimi_k2_5 {
    /// Kimi K2.5 is a frontier-scale open-source model with a 256k context window, multi-turn tool calling, vision inputs, and structured outputs for agentic workloads.
    ///
    /// Model `@cf/moonshotai/kimi-k2.5`, task Text Generation.
    ///
    /// - async queue: true
    /// - context window: 256000
    /// - function calling: true
    /// - reasoning: true
    /// - vision: true
    /// - price: 0.6 USD per M input tokens; 0.1 USD per M cached input tokens; 3.0 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/moonshotai/kimi-k2.5")]
    pub struct KimiK25 {
        /// The input text prompt for the model to generate a response.
        #[model(length = 1..)]
        prompt: String,
        /// ID of the model to use (e.g. '@cf/zai-org/glm-4.7-flash, etc').
        model: Option<String>,
        #[model(nested)]
        audio: Option<Audio>,
        /// Penalizes new tokens based on their existing frequency in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Modify the likelihood of specified tokens appearing in the completion. Maps token IDs to bias values from -100 to 100.
        logit_bias: Option<gateway_core::serde_json::Value>,
        /// Whether to return log probabilities of the output tokens.
        ///
        /// Default: `false`.
        logprobs: Option<bool>,
        /// How many top log probabilities to return at each token position (0-20). Requires logprobs=true.
        #[model(range = 0..=20)]
        top_logprobs: Option<u64>,
        /// Deprecated in favor of max_completion_tokens. The maximum number of tokens to generate.
        max_tokens: Option<i64>,
        /// An upper bound for the number of tokens that can be generated for a completion.
        max_completion_tokens: Option<i64>,
        /// Set of 16 key-value pairs that can be attached to the object.
        metadata: Option<gateway_core::serde_json::Value>,
        /// Output types requested from the model (e.g. \['text'\] or \['text', 'audio'\]).
        modalities: Option<Vec<ModalitiesItem>>,
        /// How many chat completion choices to generate for each input message.
        ///
        /// Default: `1`.
        #[model(range = 1..=128)]
        n: Option<u64>,
        /// Whether to enable parallel function calling during tool use.
        #[model(default = true)]
        parallel_tool_calls: bool,
        #[model(nested)]
        prediction: Option<Prediction>,
        /// Penalizes new tokens based on whether they appear in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
        reasoning_effort: Option<ReasoningEffort>,
        #[model(nested)]
        chat_template_kwargs: Option<ChatTemplateKwargs>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If specified, the system will make a best effort to sample deterministically.
        seed: Option<i64>,
        /// Specifies the processing type used for serving the request.
        ///
        /// Default: `"auto"`.
        service_tier: Option<ServiceTier>,
        /// Up to 4 sequences where the API will stop generating further tokens.
        #[model(length = 1..=4)]
        stop: Option<gateway_core::model::OneOrMany<String>>,
        /// Whether to store the output for model distillation / evals.
        ///
        /// Default: `false`.
        store: Option<bool>,
        #[model(nested)]
        stream_options: Option<StreamOptions>,
        /// Sampling temperature between 0 and 2.
        ///
        /// Default: `1`.
        #[model(range = 0..=2)]
        temperature: Option<f64>,
        #[model(nested)]
        tool_choice: Option<ToolChoice>,
        /// A list of tools the model may call.
        #[model(nested)]
        tools: Option<Vec<ToolsItem>>,
        /// Nucleus sampling: considers the results of the tokens with top_p probability mass.
        ///
        /// Default: `1`.
        #[model(range = 0..=1)]
        top_p: Option<f64>,
        /// A unique identifier representing your end-user, for abuse monitoring.
        user: Option<String>,
        #[model(nested)]
        web_search_options: Option<WebSearchOptions>,
        #[model(nested)]
        function_call: Option<FunctionCall>,
        #[model(nested, length = 1..=128)]
        functions: Option<Vec<Function2>>,
        /// A unique identifier for the chat completion.
        #[model(output)]
        id: String,
        #[model(output)]
        object: String,
        /// Unix timestamp (seconds) of when the completion was created.
        #[model(output)]
        created: i64,
        /// The model used for the chat completion.
        #[model(output, rename = "model")]
        output_model: String,
        #[model(output)]
        choices: Vec<ChoicesItem>,
        #[model(output)]
        usage: Option<Usage>,
        #[model(output)]
        system_fingerprint: Option<String>,
        #[model(output, rename = "service_tier")]
        output_service_tier: Option<ServiceTier2>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Voice2 {
        pub id: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Voice {
        Text(String),
        #[model(nested)]
        Voice2(Voice2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Format {
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "aac")]
        Aac,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "pcm16")]
        Pcm16,
    }
    /// Parameters for audio output. Required when modalities includes 'audio'.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio {
        #[model(nested)]
        pub voice: Voice,
        pub format: Format,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ModalitiesItem {
        #[model(rename = "text")]
        Text,
        #[model(rename = "audio")]
        Audio,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "content")]
        Content,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "text")]
        Text,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        #[model(rename = "type")]
        pub type_: Type2,
        pub text: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Prediction {
        #[model(rename = "type")]
        pub type_: Type,
        #[model(nested)]
        pub content: Content,
    }
    /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ReasoningEffort {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChatTemplateKwargs {
        /// Whether to enable reasoning, enabled by default.
        ///
        /// Default: `true`.
        pub enable_thinking: Option<bool>,
        /// If false, preserves reasoning context between turns.
        ///
        /// Default: `false`.
        pub clear_thinking: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type3 {
        #[model(rename = "json_object")]
        JsonObject,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat2 {
        #[model(rename = "type")]
        pub type_: Type3,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type4 {
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct JsonSchema {
        pub name: String,
        pub description: Option<String>,
        pub schema: Option<gateway_core::serde_json::Value>,
        pub strict: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat3 {
        #[model(rename = "type")]
        pub type_: Type4,
        #[model(nested)]
        pub json_schema: JsonSchema,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ResponseFormat {
        #[model(nested)]
        ResponseFormat1(ResponseFormat1),
        #[model(nested)]
        ResponseFormat2(ResponseFormat2),
        #[model(nested)]
        ResponseFormat3(ResponseFormat3),
    }
    /// Specifies the processing type used for serving the request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct StreamOptions {
        pub include_usage: Option<bool>,
        pub include_obfuscation: Option<bool>,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ToolChoice1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type5 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        pub name: String,
    }
    /// Force a specific function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice2 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type6 {
        #[model(rename = "custom")]
        Custom,
    }
    /// Force a specific custom tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice3 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type7 {
        #[model(rename = "allowed_tools")]
        AllowedTools,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Mode {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AllowedTools {
        pub mode: Mode,
        pub tools: Vec<gateway_core::serde_json::Value>,
    }
    /// Constrain to an allowed subset of tools.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice4 {
        #[model(rename = "type")]
        pub type_: Type7,
        #[model(nested)]
        pub allowed_tools: AllowedTools,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolChoice {
        ToolChoice1(ToolChoice1),
        #[model(nested)]
        ToolChoice2(ToolChoice2),
        #[model(nested)]
        ToolChoice3(ToolChoice3),
        #[model(nested)]
        ToolChoice4(ToolChoice4),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// The name of the function to be called.
        pub name: String,
        /// A description of what the function does.
        pub description: Option<String>,
        /// The parameters the function accepts, described as a JSON Schema object.
        pub parameters: Option<gateway_core::serde_json::Value>,
        /// Whether to enable strict schema adherence.
        ///
        /// Default: `false`.
        pub strict: Option<bool>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type8 {
        #[model(rename = "grammar")]
        Grammar,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Syntax {
        #[model(rename = "lark")]
        Lark,
        #[model(rename = "regex")]
        Regex,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Grammar {
        pub definition: String,
        pub syntax: Syntax,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format2 {
        #[model(rename = "type")]
        pub type_: Type8,
        #[model(nested)]
        pub grammar: Grammar,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Format3 {
        #[model(nested)]
        Format1(Format1),
        #[model(nested)]
        Format2(Format2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom {
        pub name: String,
        pub description: Option<String>,
        #[model(nested)]
        pub format: Option<Format3>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum SearchContextSize {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type9 {
        #[model(rename = "approximate")]
        Approximate,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Approximate {
        pub city: Option<String>,
        pub country: Option<String>,
        pub region: Option<String>,
        pub timezone: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UserLocation {
        #[model(rename = "type")]
        pub type_: Type9,
        #[model(nested)]
        pub approximate: Approximate,
    }
    /// Options for the web search tool (when using built-in web search).
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WebSearchOptions {
        /// Default: `"medium"`.
        pub search_context_size: Option<SearchContextSize>,
        #[model(nested)]
        pub user_location: Option<UserLocation>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FunctionCall1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum FunctionCall {
        FunctionCall1(FunctionCall1),
        #[model(nested)]
        Function(Function),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role {
        #[model(rename = "assistant")]
        Assistant,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type10 {
        #[model(rename = "url_citation")]
        UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UrlCitation {
        pub url: String,
        pub title: String,
        pub start_index: i64,
        pub end_index: i64,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnnotationsItem {
        #[model(rename = "type")]
        pub type_: Type10,
        #[model(nested)]
        pub url_citation: UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio2 {
        pub id: String,
        /// Base64 encoded audio bytes.
        pub data: gateway_core::model::Base64,
        pub expires_at: i64,
        pub transcript: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function3 {
        pub name: String,
        /// JSON-encoded arguments string.
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem1 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function3,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom2 {
        pub name: String,
        pub input: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem2 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolCallsItem {
        #[model(nested)]
        ToolCallsItem1(ToolCallsItem1),
        #[model(nested)]
        ToolCallsItem2(ToolCallsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionCall2 {
        pub name: String,
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        pub role: Role,
        pub content: Option<String>,
        pub refusal: Option<String>,
        #[model(nested)]
        pub annotations: Option<Vec<AnnotationsItem>>,
        #[model(nested)]
        pub audio: Option<Audio2>,
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
        #[model(nested)]
        pub function_call: Option<FunctionCall2>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FinishReason {
        #[model(rename = "stop")]
        Stop,
        #[model(rename = "length")]
        Length,
        #[model(rename = "tool_calls")]
        ToolCalls,
        #[model(rename = "content_filter")]
        ContentFilter,
        #[model(rename = "function_call")]
        FunctionCall,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct TopLogprobsItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ContentItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
        #[model(nested)]
        pub top_logprobs: Vec<TopLogprobsItem>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Logprobs {
        #[model(nested)]
        pub content: Option<Vec<ContentItem>>,
        #[model(nested)]
        pub refusal: Option<Vec<ContentItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        pub index: i64,
        #[model(nested)]
        pub message: Message,
        pub finish_reason: FinishReason,
        #[model(nested)]
        pub logprobs: Option<Logprobs>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct PromptTokensDetails {
        pub cached_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct CompletionTokensDetails {
        pub reasoning_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
        pub accepted_prediction_tokens: Option<i64>,
        pub rejected_prediction_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        pub prompt_tokens: i64,
        pub completion_tokens: i64,
        pub total_tokens: i64,
        #[model(nested)]
        pub prompt_tokens_details: Option<PromptTokensDetails>,
        #[model(nested)]
        pub completion_tokens_details: Option<CompletionTokensDetails>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier2 {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
}

/// `@cf/moonshotai/kimi-k2.6`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod kimi_k2_6 {
    /// Kimi K2.6 is a frontier-scale open-source 1T parameter model with a 262.1k context window, multi-turn tool calling, vision inputs, and structured outputs for agentic workloads.
    ///
    /// Model `@cf/moonshotai/kimi-k2.6`, task Text Generation.
    ///
    /// - context window: 262144
    /// - price: 0.95 USD per M input tokens; 0.16 USD per M cached input tokens; 4 USD per M output tokens
    /// - function calling: true
    /// - reasoning: true
    /// - terms: <https://huggingface.co/moonshotai/Kimi-K2.6/blob/main/LICENSE>
    /// - vision: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/moonshotai/kimi-k2.6")]
    pub struct KimiK26 {
        /// The input text prompt for the model to generate a response.
        #[model(length = 1..)]
        prompt: String,
        /// ID of the model to use (e.g. '@cf/zai-org/glm-4.7-flash, etc').
        model: Option<String>,
        #[model(nested)]
        audio: Option<Audio>,
        /// Penalizes new tokens based on their existing frequency in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Modify the likelihood of specified tokens appearing in the completion. Maps token IDs to bias values from -100 to 100.
        logit_bias: Option<gateway_core::serde_json::Value>,
        /// Whether to return log probabilities of the output tokens.
        ///
        /// Default: `false`.
        logprobs: Option<bool>,
        /// How many top log probabilities to return at each token position (0-20). Requires logprobs=true.
        #[model(range = 0..=20)]
        top_logprobs: Option<u64>,
        /// Deprecated in favor of max_completion_tokens. The maximum number of tokens to generate.
        max_tokens: Option<i64>,
        /// An upper bound for the number of tokens that can be generated for a completion.
        max_completion_tokens: Option<i64>,
        /// Set of 16 key-value pairs that can be attached to the object.
        metadata: Option<gateway_core::serde_json::Value>,
        /// Output types requested from the model (e.g. \['text'\] or \['text', 'audio'\]).
        modalities: Option<Vec<ModalitiesItem>>,
        /// How many chat completion choices to generate for each input message.
        ///
        /// Default: `1`.
        #[model(range = 1..=128)]
        n: Option<u64>,
        /// Whether to enable parallel function calling during tool use.
        #[model(default = true)]
        parallel_tool_calls: bool,
        #[model(nested)]
        prediction: Option<Prediction>,
        /// Penalizes new tokens based on whether they appear in the text so far.
        ///
        /// Default: `0`.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
        reasoning_effort: Option<ReasoningEffort>,
        #[model(nested)]
        chat_template_kwargs: Option<ChatTemplateKwargs>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If specified, the system will make a best effort to sample deterministically.
        seed: Option<i64>,
        /// Specifies the processing type used for serving the request.
        ///
        /// Default: `"auto"`.
        service_tier: Option<ServiceTier>,
        /// Up to 4 sequences where the API will stop generating further tokens.
        #[model(length = 1..=4)]
        stop: Option<gateway_core::model::OneOrMany<String>>,
        /// Whether to store the output for model distillation / evals.
        ///
        /// Default: `false`.
        store: Option<bool>,
        #[model(nested)]
        stream_options: Option<StreamOptions>,
        /// Sampling temperature between 0 and 2.
        ///
        /// Default: `1`.
        #[model(range = 0..=2)]
        temperature: Option<f64>,
        #[model(nested)]
        tool_choice: Option<ToolChoice>,
        /// A list of tools the model may call.
        #[model(nested)]
        tools: Option<Vec<ToolsItem>>,
        /// Nucleus sampling: considers the results of the tokens with top_p probability mass.
        ///
        /// Default: `1`.
        #[model(range = 0..=1)]
        top_p: Option<f64>,
        /// A unique identifier representing your end-user, for abuse monitoring.
        user: Option<String>,
        #[model(nested)]
        web_search_options: Option<WebSearchOptions>,
        #[model(nested)]
        function_call: Option<FunctionCall>,
        #[model(nested, length = 1..=128)]
        functions: Option<Vec<Function2>>,
        /// A unique identifier for the chat completion.
        #[model(output)]
        id: String,
        #[model(output)]
        object: String,
        /// Unix timestamp (seconds) of when the completion was created.
        #[model(output)]
        created: i64,
        /// The model used for the chat completion.
        #[model(output, rename = "model")]
        output_model: String,
        #[model(output)]
        choices: Vec<ChoicesItem>,
        #[model(output)]
        usage: Option<Usage>,
        #[model(output)]
        system_fingerprint: Option<String>,
        #[model(output, rename = "service_tier")]
        output_service_tier: Option<ServiceTier2>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Voice2 {
        pub id: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Voice {
        Text(String),
        #[model(nested)]
        Voice2(Voice2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Format {
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "aac")]
        Aac,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "pcm16")]
        Pcm16,
    }
    /// Parameters for audio output. Required when modalities includes 'audio'.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio {
        #[model(nested)]
        pub voice: Voice,
        pub format: Format,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ModalitiesItem {
        #[model(rename = "text")]
        Text,
        #[model(rename = "audio")]
        Audio,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "content")]
        Content,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "text")]
        Text,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        #[model(rename = "type")]
        pub type_: Type2,
        pub text: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Prediction {
        #[model(rename = "type")]
        pub type_: Type,
        #[model(nested)]
        pub content: Content,
    }
    /// Constrains effort on reasoning for reasoning models (o1, o3-mini, etc.).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ReasoningEffort {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChatTemplateKwargs {
        /// Whether to enable reasoning, enabled by default.
        ///
        /// Default: `true`.
        pub thinking: Option<bool>,
        /// If false, preserves reasoning context between turns.
        ///
        /// Default: `false`.
        pub clear_thinking: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type3 {
        #[model(rename = "json_object")]
        JsonObject,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat2 {
        #[model(rename = "type")]
        pub type_: Type3,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type4 {
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct JsonSchema {
        pub name: String,
        pub description: Option<String>,
        pub schema: Option<gateway_core::serde_json::Value>,
        pub strict: Option<bool>,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat3 {
        #[model(rename = "type")]
        pub type_: Type4,
        #[model(nested)]
        pub json_schema: JsonSchema,
    }
    /// Specifies the format the model must output.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ResponseFormat {
        #[model(nested)]
        ResponseFormat1(ResponseFormat1),
        #[model(nested)]
        ResponseFormat2(ResponseFormat2),
        #[model(nested)]
        ResponseFormat3(ResponseFormat3),
    }
    /// Specifies the processing type used for serving the request.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct StreamOptions {
        pub include_usage: Option<bool>,
        pub include_obfuscation: Option<bool>,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ToolChoice1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type5 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        pub name: String,
    }
    /// Force a specific function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice2 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type6 {
        #[model(rename = "custom")]
        Custom,
    }
    /// Force a specific custom tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice3 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Function,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type7 {
        #[model(rename = "allowed_tools")]
        AllowedTools,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Mode {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "required")]
        Required,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AllowedTools {
        pub mode: Mode,
        pub tools: Vec<gateway_core::serde_json::Value>,
    }
    /// Constrain to an allowed subset of tools.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolChoice4 {
        #[model(rename = "type")]
        pub type_: Type7,
        #[model(nested)]
        pub allowed_tools: AllowedTools,
    }
    /// Controls which (if any) tool is called by the model. 'none' = no tools, 'auto' = model decides, 'required' = must call a tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolChoice {
        ToolChoice1(ToolChoice1),
        #[model(nested)]
        ToolChoice2(ToolChoice2),
        #[model(nested)]
        ToolChoice3(ToolChoice3),
        #[model(nested)]
        ToolChoice4(ToolChoice4),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// The name of the function to be called.
        pub name: String,
        /// A description of what the function does.
        pub description: Option<String>,
        /// The parameters the function accepts, described as a JSON Schema object.
        pub parameters: Option<gateway_core::serde_json::Value>,
        /// Whether to enable strict schema adherence.
        ///
        /// Default: `false`.
        pub strict: Option<bool>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format1 {
        #[model(rename = "type")]
        pub type_: Type2,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type8 {
        #[model(rename = "grammar")]
        Grammar,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Syntax {
        #[model(rename = "lark")]
        Lark,
        #[model(rename = "regex")]
        Regex,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Grammar {
        pub definition: String,
        pub syntax: Syntax,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Format2 {
        #[model(rename = "type")]
        pub type_: Type8,
        #[model(nested)]
        pub grammar: Grammar,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Format3 {
        #[model(nested)]
        Format1(Format1),
        #[model(nested)]
        Format2(Format2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom {
        pub name: String,
        pub description: Option<String>,
        #[model(nested)]
        pub format: Option<Format3>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum SearchContextSize {
        #[model(rename = "low")]
        Low,
        #[model(rename = "medium")]
        Medium,
        #[model(rename = "high")]
        High,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type9 {
        #[model(rename = "approximate")]
        Approximate,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Approximate {
        pub city: Option<String>,
        pub country: Option<String>,
        pub region: Option<String>,
        pub timezone: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UserLocation {
        #[model(rename = "type")]
        pub type_: Type9,
        #[model(nested)]
        pub approximate: Approximate,
    }
    /// Options for the web search tool (when using built-in web search).
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WebSearchOptions {
        /// Default: `"medium"`.
        pub search_context_size: Option<SearchContextSize>,
        #[model(nested)]
        pub user_location: Option<UserLocation>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FunctionCall1 {
        #[model(rename = "none")]
        None,
        #[model(rename = "auto")]
        Auto,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum FunctionCall {
        FunctionCall1(FunctionCall1),
        #[model(nested)]
        Function(Function),
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role {
        #[model(rename = "assistant")]
        Assistant,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type10 {
        #[model(rename = "url_citation")]
        UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct UrlCitation {
        pub url: String,
        pub title: String,
        pub start_index: i64,
        pub end_index: i64,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnnotationsItem {
        #[model(rename = "type")]
        pub type_: Type10,
        #[model(nested)]
        pub url_citation: UrlCitation,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio2 {
        pub id: String,
        /// Base64 encoded audio bytes.
        pub data: gateway_core::model::Base64,
        pub expires_at: i64,
        pub transcript: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function3 {
        pub name: String,
        /// JSON-encoded arguments string.
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem1 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type5,
        #[model(nested)]
        pub function: Function3,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Custom2 {
        pub name: String,
        pub input: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem2 {
        pub id: String,
        #[model(rename = "type")]
        pub type_: Type6,
        #[model(nested)]
        pub custom: Custom2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolCallsItem {
        #[model(nested)]
        ToolCallsItem1(ToolCallsItem1),
        #[model(nested)]
        ToolCallsItem2(ToolCallsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionCall2 {
        pub name: String,
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        pub role: Role,
        pub content: Option<String>,
        pub refusal: Option<String>,
        #[model(nested)]
        pub annotations: Option<Vec<AnnotationsItem>>,
        #[model(nested)]
        pub audio: Option<Audio2>,
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
        #[model(nested)]
        pub function_call: Option<FunctionCall2>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum FinishReason {
        #[model(rename = "stop")]
        Stop,
        #[model(rename = "length")]
        Length,
        #[model(rename = "tool_calls")]
        ToolCalls,
        #[model(rename = "content_filter")]
        ContentFilter,
        #[model(rename = "function_call")]
        FunctionCall,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct TopLogprobsItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ContentItem {
        pub token: String,
        pub logprob: f64,
        pub bytes: Option<Vec<i64>>,
        #[model(nested)]
        pub top_logprobs: Vec<TopLogprobsItem>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Logprobs {
        #[model(nested)]
        pub content: Option<Vec<ContentItem>>,
        #[model(nested)]
        pub refusal: Option<Vec<ContentItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        pub index: i64,
        #[model(nested)]
        pub message: Message,
        pub finish_reason: FinishReason,
        #[model(nested)]
        pub logprobs: Option<Logprobs>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct PromptTokensDetails {
        pub cached_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct CompletionTokensDetails {
        pub reasoning_tokens: Option<i64>,
        pub audio_tokens: Option<i64>,
        pub accepted_prediction_tokens: Option<i64>,
        pub rejected_prediction_tokens: Option<i64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        pub prompt_tokens: i64,
        pub completion_tokens: i64,
        pub total_tokens: i64,
        #[model(nested)]
        pub prompt_tokens_details: Option<PromptTokensDetails>,
        #[model(nested)]
        pub completion_tokens_details: Option<CompletionTokensDetails>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum ServiceTier2 {
        #[model(rename = "auto")]
        Auto,
        #[model(rename = "default")]
        Default,
        #[model(rename = "flex")]
        Flex,
        #[model(rename = "scale")]
        Scale,
        #[model(rename = "priority")]
        Priority,
    }
}

/// `@hf/thebloke/llama-2-13b-chat-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_2_13b_chat_awq {
    /// Llama 2 13B Chat AWQ is an efficient, accurate and blazing-fast low-bit weight quantized Llama 2 variant.
    ///
    /// Model `@hf/thebloke/llama-2-13b-chat-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/TheBloke/Llama-2-13B-chat-AWQ>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/llama-2-13b-chat-awq", stream)]
    pub struct Llama213bChatAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-2-7b-chat-fp16`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_2_7b_chat_fp16 {
    /// Full precision (fp16) generative text model with 7 billion parameters from Meta
    ///
    /// Model `@cf/meta/llama-2-7b-chat-fp16`, task Text Generation.
    ///
    /// - beta: false
    /// - info: <https://ai.meta.com/llama/>
    /// - terms: <https://ai.meta.com/resources/models-and-libraries/llama-downloads/>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-2-7b-chat-fp16", stream)]
    pub struct Llama27bChatFp16 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta-llama/llama-2-7b-chat-hf-lora`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_2_7b_chat_hf_lora {
    /// This is a Llama2 base model that Cloudflare dedicated for inference with LoRA adapters. Llama 2 is a collection of pretrained and fine-tuned generative text models ranging in scale from 7 billion to 70 billion parameters. This is the repository for the 7B fine-tuned model, optimized for dialogue use cases and converted for the Hugging Face Transformers format.
    ///
    /// Model `@cf/meta-llama/llama-2-7b-chat-hf-lora`, task Text Generation.
    ///
    /// - beta: true
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta-llama/llama-2-7b-chat-hf-lora", stream)]
    pub struct Llama27bChatHfLora {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-2-7b-chat-int8`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_2_7b_chat_int8 {
    /// Quantized (int8) generative text model with 7 billion parameters from Meta
    ///
    /// Model `@cf/meta/llama-2-7b-chat-int8`, task Text Generation.
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-2-7b-chat-int8", stream)]
    pub struct Llama27bChatInt8 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3-8b-instruct-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_8b_instruct_awq {
    /// Quantized (int4) generative text model with 8 billion parameters from Meta.
    ///
    /// Model `@cf/meta/llama-3-8b-instruct-awq`, task Text Generation.
    ///
    /// - info: <https://llama.meta.com>
    /// - terms: <https://llama.meta.com/llama3/license/#>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3-8b-instruct-awq", stream)]
    pub struct Llama38bInstructAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3-8b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_8b_instruct {
    /// Generation over generation, Meta Llama 3 demonstrates state-of-the-art performance on a wide range of industry benchmarks and offers new capabilities, including improved reasoning.
    ///
    /// Model `@cf/meta/llama-3-8b-instruct`, task Text Generation.
    ///
    /// - info: <https://llama.meta.com>
    /// - terms: <https://llama.meta.com/llama3/license/#>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3-8b-instruct", stream)]
    pub struct Llama38bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.1-70b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_1_70b_instruct {
    /// The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a collection of pretrained and instruction tuned generative models. The Llama 3.1 instruction tuned text only models are optimized for multilingual dialogue use cases and outperform many of the available open source and closed chat models on common industry benchmarks.
    ///
    /// Model `@cf/meta/llama-3.1-70b-instruct`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.1-70b-instruct", stream)]
    pub struct Llama3170bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        #[model(nested)]
        image: Option<Image>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.1-8b-instruct-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_1_8b_instruct_awq {
    /// Quantized (int4) generative text model with 8 billion parameters from Meta.
    ///
    /// Model `@cf/meta/llama-3.1-8b-instruct-awq`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.1-8b-instruct-awq", stream)]
    pub struct Llama318bInstructAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.1-8b-instruct-fast`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_1_8b_instruct_fast {
    /// \[Fast version\] The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a collection of pretrained and instruction tuned generative models. The Llama 3.1 instruction tuned text only models are optimized for multilingual dialogue use cases and outperform many of the available open source and closed chat models on common industry benchmarks.
    ///
    /// Model `@cf/meta/llama-3.1-8b-instruct-fast`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.1-8b-instruct-fast", stream)]
    pub struct Llama318bInstructFast {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        #[model(nested)]
        image: Option<Image>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.1-8b-instruct-fp8`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_1_8b_instruct_fp8 {
    /// Llama 3.1 8B quantized to FP8 precision
    ///
    /// Model `@cf/meta/llama-3.1-8b-instruct-fp8`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.1-8b-instruct-fp8", stream)]
    pub struct Llama318bInstructFp8 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.1-8b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_1_8b_instruct {
    /// The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a collection of pretrained and instruction tuned generative models. The Llama 3.1 instruction tuned text only models are optimized for multilingual dialogue use cases and outperform many of the available open source and closed chat models on common industry benchmarks.
    ///
    /// Model `@cf/meta/llama-3.1-8b-instruct`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.1-8b-instruct", stream)]
    pub struct Llama318bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.2-11b-vision-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_2_11b_vision_instruct {
    /// The Llama 3.2-Vision instruction-tuned models are optimized for visual recognition, image reasoning, captioning, and answering general questions about an image.
    ///
    /// Model `@cf/meta/llama-3.2-11b-vision-instruct`, task Text Generation.
    ///
    /// - price: 0.049 USD per M input tokens; 0.68 USD per M output tokens
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.2-11b-vision-instruct", stream)]
    pub struct Llama3211bVisionInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        #[model(nested)]
        image: Option<Image>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.2-1b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_2_1b_instruct {
    /// The Llama 3.2 instruction-tuned text only models are optimized for multilingual dialogue use cases, including agentic retrieval and summarization tasks.
    ///
    /// Model `@cf/meta/llama-3.2-1b-instruct`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.2-1b-instruct", stream)]
    pub struct Llama321bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.2-3b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_2_3b_instruct {
    /// The Llama 3.2 instruction-tuned text only models are optimized for multilingual dialogue use cases, including agentic retrieval and summarization tasks.
    ///
    /// Model `@cf/meta/llama-3.2-3b-instruct`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.2-3b-instruct", stream)]
    pub struct Llama323bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-3.3-70b-instruct-fp8-fast`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_3_3_70b_instruct_fp8_fast {
    /// Llama 3.3 70B quantized to fp8 precision, optimized to be faster.
    ///
    /// Model `@cf/meta/llama-3.3-70b-instruct-fp8-fast`, task Text Generation.
    ///
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-3.3-70b-instruct-fp8-fast", stream)]
    pub struct Llama3370bInstructFp8Fast {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-4-scout-17b-16e-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_4_scout_17b_16e_instruct {
    /// Meta's Llama 4 Scout is a 17 billion parameter model with 16 experts that is natively multimodal. These models leverage a mixture-of-experts architecture to offer industry-leading performance in text and image understanding.
    ///
    /// Model `@cf/meta/llama-4-scout-17b-16e-instruct`, task Text Generation.
    ///
    /// - price: 0.27 USD per M input tokens; 0.85 USD per M output tokens
    /// - terms: <https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-4-scout-17b-16e-instruct")]
    pub struct Llama4Scout17b16eInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: String,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "json_object")]
        JsonObject,
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        #[model(rename = "type")]
        pub type_: Option<Type>,
        pub json_schema: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/meta/llama-guard-3-8b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod llama_guard_3_8b {
    /// Llama Guard 3 is a Llama-3.1-8B pretrained model, fine-tuned for content safety classification. Similar to previous versions, it can be used to classify content in both LLM inputs (prompt classification) and in LLM responses (response classification). It acts as an LLM – it generates text in its output that indicates whether a given prompt or response is safe or unsafe, and if unsafe, it also lists the content categories violated.
    ///
    /// Model `@cf/meta/llama-guard-3-8b`, task Text Generation.
    ///
    /// - price: 0.48 USD per M input tokens; 0.03 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/llama-guard-3-8b")]
    pub struct LlamaGuard38b {
        /// An array of message objects representing the conversation history.
        #[model(nested)]
        messages: Vec<MessagesItem>,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Dictate the output format of the generated response.
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        #[model(output)]
        response: Option<Response>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
    }
    /// The role of the message sender must alternate between 'user' and 'assistant'.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Role {
        #[model(rename = "user")]
        User,
        #[model(rename = "assistant")]
        Assistant,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender must alternate between 'user' and 'assistant'.
        pub role: Role,
        /// The content of the message as a string.
        pub content: String,
    }
    /// Dictate the output format of the generated response.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        /// Set to json_object to process and output generated text as JSON.
        #[model(rename = "type")]
        pub type_: Option<String>,
    }
    /// The json response parsed from the generated text response from the model.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Response2 {
        /// Whether the conversation is safe or not.
        pub safe: Option<bool>,
        /// A list of what hazard categories predicted for the conversation, if the conversation is deemed unsafe.
        pub categories: Option<Vec<String>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Response {
        Text(String),
        #[model(nested)]
        Response2(Response2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
}

/// `@hf/thebloke/mistral-7b-instruct-v0.1-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod mistral_7b_instruct_v0_1_awq {
    /// Mistral 7B Instruct v0.1 AWQ is an efficient, accurate and blazing-fast low-bit weight quantized Mistral variant.
    ///
    /// Model `@hf/thebloke/mistral-7b-instruct-v0.1-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/TheBloke/Mistral-7B-Instruct-v0.1-AWQ>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/mistral-7b-instruct-v0.1-awq", stream)]
    pub struct Mistral7bInstructV01Awq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/mistral/mistral-7b-instruct-v0.1`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod mistral_7b_instruct_v0_1 {
    /// Instruct fine-tuned version of the Mistral-7b generative text model with 7 billion parameters
    ///
    /// Model `@cf/mistral/mistral-7b-instruct-v0.1`, task Text Generation.
    ///
    /// - beta: false
    /// - info: <https://mistral.ai/news/announcing-mistral-7b/>
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/mistral/mistral-7b-instruct-v0.1", stream)]
    pub struct Mistral7bInstructV01 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/mistral/mistral-7b-instruct-v0.2-lora`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod mistral_7b_instruct_v0_2_lora {
    /// The Mistral-7B-Instruct-v0.2 Large Language Model (LLM) is an instruct fine-tuned version of the Mistral-7B-v0.2.
    ///
    /// Model `@cf/mistral/mistral-7b-instruct-v0.2-lora`, task Text Generation.
    ///
    /// - beta: true
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/mistral/mistral-7b-instruct-v0.2-lora", stream)]
    pub struct Mistral7bInstructV02Lora {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/mistral/mistral-7b-instruct-v0.2`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod mistral_7b_instruct_v0_2 {
    /// The Mistral-7B-Instruct-v0.2 Large Language Model (LLM) is an instruct fine-tuned version of the Mistral-7B-v0.2. Mistral-7B-v0.2 has the following changes compared to Mistral-7B-v0.1: 32k context window (vs 8k context in v0.1), rope-theta = 1e6, and no Sliding-Window Attention.
    ///
    /// Model `@hf/mistral/mistral-7b-instruct-v0.2`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.2>
    /// - lora: true
    /// - max batch prefill tokens: 8192
    /// - max input length: 3072
    /// - max total tokens: 4096
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/mistral/mistral-7b-instruct-v0.2", stream)]
    pub struct Mistral7bInstructV02 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/mistralai/mistral-small-3.1-24b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod mistral_small_3_1_24b_instruct {
    /// Building upon Mistral Small 3 (2501), Mistral Small 3.1 (2503) adds state-of-the-art vision understanding and enhances long context capabilities up to 128k tokens without compromising text performance. With 24 billion parameters, this model achieves top-tier capabilities in both text and vision tasks.
    ///
    /// Model `@cf/mistralai/mistral-small-3.1-24b-instruct`, task Text Generation.
    ///
    /// - context window: 128000
    /// - price: 0.35 USD per M input tokens; 0.56 USD per M output tokens
    /// - function calling: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/mistralai/mistral-small-3.1-24b-instruct")]
    pub struct MistralSmall3124bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// JSON schema that should be fulfilled for the response.
        guided_json: Option<gateway_core::serde_json::Value>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.15, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: String,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ImageUrl {
        /// image uri with data (e.g. data:image/jpeg;base64,/9j/...). HTTP URL will not be accepted
        pub url: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        /// Type of the content provided
        #[model(rename = "type")]
        pub type_: Option<String>,
        pub text: Option<String>,
        #[model(nested)]
        pub image_url: Option<ImageUrl>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
        #[model(nested)]
        Content2Item(Content2Item),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: Option<String>,
        /// The tool call id. Must be supplied for tool calls for Mistral-3. If you don't know what to put here you can fall back to 000000001
        pub tool_call_id: Option<String>,
        #[model(nested)]
        pub content: Option<Content>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/thebloke/neural-chat-7b-v3-1-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod neural_chat_7b_v3_1_awq {
    /// This model is a fine-tuned 7B parameter LLM on the Intel Gaudi 2 processor from the mistralai/Mistral-7B-v0.1 on the open source dataset Open-Orca/SlimOrca.
    ///
    /// Model `@hf/thebloke/neural-chat-7b-v3-1-awq`, task Text Generation.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/neural-chat-7b-v3-1-awq", stream)]
    pub struct NeuralChat7bV31Awq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/openchat/openchat-3.5-0106`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod openchat_3_5_0106 {
    /// OpenChat is an innovative library of open-source language models, fine-tuned with C-RLFT - a strategy inspired by offline reinforcement learning.
    ///
    /// Model `@cf/openchat/openchat-3.5-0106`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/openchat/openchat-3.5-0106>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/openchat/openchat-3.5-0106", stream)]
    pub struct Openchat350106 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/thebloke/openhermes-2.5-mistral-7b-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod openhermes_2_5_mistral_7b_awq {
    /// OpenHermes 2.5 Mistral 7B is a state of the art Mistral Fine-tune, a continuation of OpenHermes 2 model, which trained on additional code datasets.
    ///
    /// Model `@hf/thebloke/openhermes-2.5-mistral-7b-awq`, task Text Generation.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/openhermes-2.5-mistral-7b-awq", stream)]
    pub struct Openhermes25Mistral7bAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/microsoft/phi-2`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod phi_2 {
    /// Phi-2 is a Transformer-based model with a next-word prediction objective, trained on 1.4T tokens from multiple passes on a mixture of Synthetic and Web datasets for NLP and coding.
    ///
    /// Model `@cf/microsoft/phi-2`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/microsoft/phi-2>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/microsoft/phi-2", stream)]
    pub struct Phi2 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen1.5-0.5b-chat`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen {
    /// Qwen1.5 is the improved version of Qwen, the large language model series developed by Alibaba Cloud.
    ///
    /// Model `@cf/qwen/qwen1.5-0.5b-chat`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/qwen/qwen1.5-0.5b-chat>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen1.5-0.5b-chat", stream)]
    pub struct Qwen {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        #[model(nested)]
        image: Option<Image>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen1.5-0.5b-chat`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen1_5_0_5b_chat {
    /// Qwen1.5 is the improved version of Qwen, the large language model series developed by Alibaba Cloud.
    ///
    /// Model `@cf/qwen/qwen1.5-0.5b-chat`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/qwen/qwen1.5-0.5b-chat>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen1.5-0.5b-chat", stream)]
    pub struct Qwen1505bChat {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen1.5-1.8b-chat`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen1_5_1_8b_chat {
    /// Qwen1.5 is the improved version of Qwen, the large language model series developed by Alibaba Cloud.
    ///
    /// Model `@cf/qwen/qwen1.5-1.8b-chat`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/qwen/qwen1.5-1.8b-chat>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen1.5-1.8b-chat", stream)]
    pub struct Qwen1518bChat {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen1.5-14b-chat-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen1_5_14b_chat_awq {
    /// Qwen1.5 is the improved version of Qwen, the large language model series developed by Alibaba Cloud. AWQ is an efficient, accurate and blazing-fast low-bit weight quantization method, currently supporting 4-bit quantization.
    ///
    /// Model `@cf/qwen/qwen1.5-14b-chat-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/qwen/qwen1.5-14b-chat-awq>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen1.5-14b-chat-awq", stream)]
    pub struct Qwen1514bChatAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen1.5-7b-chat-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen1_5_7b_chat_awq {
    /// Qwen1.5 is the improved version of Qwen, the large language model series developed by Alibaba Cloud. AWQ is an efficient, accurate and blazing-fast low-bit weight quantization method, currently supporting 4-bit quantization.
    ///
    /// Model `@cf/qwen/qwen1.5-7b-chat-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/qwen/qwen1.5-7b-chat-awq>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen1.5-7b-chat-awq", stream)]
    pub struct Qwen157bChatAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen2.5-coder-32b-instruct`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen2_5_coder_32b_instruct {
    /// Qwen2.5-Coder is the latest series of Code-Specific Qwen large language models (formerly known as CodeQwen). As of now, Qwen2.5-Coder has covered six mainstream model sizes, 0.5, 1.5, 3, 7, 14, 32 billion parameters, to meet the needs of different developers. Qwen2.5-Coder brings the following improvements upon CodeQwen1.5:
    ///
    /// Model `@cf/qwen/qwen2.5-coder-32b-instruct`, task Text Generation.
    ///
    /// - context window: 32768
    /// - price: 0.66 USD per M input tokens; 1 USD per M output tokens
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen2.5-coder-32b-instruct")]
    pub struct Qwen25Coder32bInstruct {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: String,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "json_object")]
        JsonObject,
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        #[model(rename = "type")]
        pub type_: Option<Type>,
        pub json_schema: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/qwen/qwen3-30b-a3b-fp8`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen3_30b_a3b_fp8 {
    /// Qwen3 is the latest generation of large language models in Qwen series, offering a comprehensive suite of dense and mixture-of-experts (MoE) models. Built upon extensive training, Qwen3 delivers groundbreaking advancements in reasoning, instruction-following, agent capabilities, and multilingual support.
    ///
    /// Model `@cf/qwen/qwen3-30b-a3b-fp8`, task Text Generation.
    ///
    /// - async queue: true
    /// - context window: 32768
    /// - price: 0.051 USD per M input tokens; 0.34 USD per M output tokens
    /// - function calling: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen3-30b-a3b-fp8")]
    pub struct Qwen330bA3bFp8 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 2000)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        #[model(one_of = "input", nested)]
        requests: Vec<RequestsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: Answer,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "json_object")]
        JsonObject,
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        #[model(rename = "type")]
        pub type_: Option<Type>,
        pub json_schema: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItemPrompt {
        /// The input text prompt for the model to generate a response.
        #[model(length = 1..)]
        pub prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        pub lora: Option<String>,
        #[model(nested)]
        pub response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        ///
        /// Default: `false`.
        pub raw: Option<bool>,
        /// The maximum number of tokens to generate in the response.
        ///
        /// Default: `256`.
        pub max_tokens: Option<i64>,
        /// Controls the randomness of the output; higher values produce more random results.
        ///
        /// Default: `0.6`.
        #[model(range = 0..=5)]
        pub temperature: Option<f64>,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        pub top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        pub top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        pub seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        pub repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        pub frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        pub presence_penalty: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItemMessages {
        /// An array of message objects representing the conversation history.
        #[model(nested)]
        pub messages: Vec<MessagesItem>,
        #[model(nested)]
        pub functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(nested)]
        pub tools: Option<Vec<ToolsItem>>,
        #[model(nested)]
        pub response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        ///
        /// Default: `false`.
        pub raw: Option<bool>,
        /// The maximum number of tokens to generate in the response.
        ///
        /// Default: `256`.
        pub max_tokens: Option<i64>,
        /// Controls the randomness of the output; higher values produce more random results.
        ///
        /// Default: `0.6`.
        #[model(range = 0..=5)]
        pub temperature: Option<f64>,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        pub top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        pub top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        pub seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        pub repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        pub frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        pub presence_penalty: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum RequestsItem {
        #[model(nested)]
        Prompt(RequestsItemPrompt),
        #[model(nested)]
        Messages(RequestsItemMessages),
    }
    /// Object type identifier
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Object {
        #[model(rename = "chat.completion")]
        ChatCompletion,
    }
    /// Type of tool call
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type2 {
        #[model(rename = "function")]
        Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function2 {
        /// Name of the function to call
        pub name: String,
        /// JSON string of arguments for the function
        pub arguments: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// Unique identifier for the tool call
        pub id: String,
        /// Type of tool call
        #[model(rename = "type")]
        pub type_: Type2,
        #[model(nested)]
        pub function: Function2,
    }
    /// The message generated by the model
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Message {
        /// Role of the message author
        pub role: String,
        /// The content of the message
        pub content: String,
        /// Internal reasoning content (if available)
        pub reasoning_content: Option<String>,
        /// Tool calls made by the assistant
        #[model(nested)]
        pub tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem {
        /// Index of the choice in the list
        pub index: Option<f64>,
        /// The message generated by the model
        #[model(nested)]
        pub message: Option<Message>,
        /// Reason why the model stopped generating
        pub finish_reason: Option<String>,
        /// Stop reason (may be null)
        pub stop_reason: Option<String>,
        /// Log probabilities (if requested)
        pub logprobs: Option<gateway_core::serde_json::Value>,
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerChatCompletionResponse {
        /// Unique identifier for the completion
        pub id: Option<String>,
        /// Object type identifier
        pub object: Option<Object>,
        /// Unix timestamp of when the completion was created
        pub created: Option<f64>,
        /// Model used for the completion
        pub model: Option<String>,
        /// List of completion choices
        #[model(nested)]
        pub choices: Option<Vec<ChoicesItem>>,
        /// Usage statistics for the inference request
        #[model(nested)]
        pub usage: Option<Usage>,
        /// Log probabilities for the prompt (if requested)
        pub prompt_logprobs: Option<gateway_core::serde_json::Value>,
    }
    /// Object type identifier
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Object2 {
        #[model(rename = "text_completion")]
        TextCompletion,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChoicesItem2 {
        /// Index of the choice in the list
        pub index: f64,
        /// The generated text completion
        pub text: String,
        /// Reason why the model stopped generating
        pub finish_reason: String,
        /// Stop reason (may be null)
        pub stop_reason: Option<String>,
        /// Log probabilities (if requested)
        pub logprobs: Option<gateway_core::serde_json::Value>,
        /// Log probabilities for the prompt (if requested)
        pub prompt_logprobs: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerTextCompletionResponse {
        /// Unique identifier for the completion
        pub id: Option<String>,
        /// Object type identifier
        pub object: Option<Object2>,
        /// Unix timestamp of when the completion was created
        pub created: Option<f64>,
        /// Model used for the completion
        pub model: Option<String>,
        /// List of completion choices
        #[model(nested)]
        pub choices: Option<Vec<ChoicesItem2>>,
        /// Usage statistics for the inference request
        #[model(nested)]
        pub usage: Option<Usage>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerAsyncResponse {
        /// The async request id that can be used to obtain the results.
        pub request_id: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Answer {
        #[model(nested)]
        ChatCompletionResponse(AnswerChatCompletionResponse),
        #[model(nested)]
        TextCompletionResponse(AnswerTextCompletionResponse),
        #[model(nested)]
        AsyncResponse(AnswerAsyncResponse),
    }
}

/// `@cf/qwen/qwq-32b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwq_32b {
    /// QwQ is the reasoning model of the Qwen series. Compared with conventional instruction-tuned models, QwQ, which is capable of thinking and reasoning, can achieve significantly enhanced performance in downstream tasks, especially hard problems. QwQ-32B is the medium-sized reasoning model, which is capable of achieving competitive performance against state-of-the-art reasoning models, e.g., DeepSeek-R1, o1-mini.
    ///
    /// Model `@cf/qwen/qwq-32b`, task Text Generation.
    ///
    /// - context window: 24000
    /// - price: 0.66 USD per M input tokens; 1 USD per M output tokens
    /// - lora: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwq-32b")]
    pub struct Qwq32b {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// JSON schema that should be fulfilled for the response.
        guided_json: Option<gateway_core::serde_json::Value>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.15, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: String,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ImageUrl {
        /// image uri with data (e.g. data:image/jpeg;base64,/9j/...). HTTP URL will not be accepted
        pub url: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Content2Item {
        /// Type of the content provided
        #[model(rename = "type")]
        pub type_: Option<String>,
        pub text: Option<String>,
        #[model(nested)]
        pub image_url: Option<ImageUrl>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Content {
        Text(String),
        #[model(nested)]
        List(Vec<Content2Item>),
        #[model(nested)]
        Content2Item(Content2Item),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: Option<String>,
        /// The tool call id. Must be supplied for tool calls for Mistral-3. If you don't know what to put here you can fall back to 000000001
        pub tool_call_id: Option<String>,
        #[model(nested)]
        pub content: Option<Content>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/defog/sqlcoder-7b-2`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod sqlcoder_7b_2 {
    /// This model is intended to be used by non-technical users to understand data inside their SQL databases.
    ///
    /// Model `@cf/defog/sqlcoder-7b-2`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/defog/sqlcoder-7b-2>
    /// - terms: <https://creativecommons.org/licenses/by-sa/4.0/deed.en>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/defog/sqlcoder-7b-2", stream)]
    pub struct Sqlcoder7b2 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/nexusflow/starling-lm-7b-beta`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod starling_lm_7b_beta {
    /// We introduce Starling-LM-7B-beta, an open large language model (LLM) trained by Reinforcement Learning from AI Feedback (RLAIF). Starling-LM-7B-beta is trained from Openchat-3.5-0106 with our new reward model Nexusflow/Starling-RM-34B and policy optimization method Fine-Tuning Language Models from Human Preferences (PPO).
    ///
    /// Model `@hf/nexusflow/starling-lm-7b-beta`, task Text Generation.
    ///
    /// - beta: true
    /// - context window: 4096
    /// - info: <https://huggingface.co/Nexusflow/Starling-LM-7B-beta>
    /// - max batch prefill tokens: 8192
    /// - max input length: 3072
    /// - max total tokens: 4096
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/nexusflow/starling-lm-7b-beta")]
    pub struct StarlingLm7bBeta {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..)]
        prompt: String,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        #[model(nested)]
        response_format: Option<ResponseFormat>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0.001..=1)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = -2..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = -2..=2)]
        presence_penalty: Option<f64>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: String,
        /// Usage statistics for the inference request
        #[model(output)]
        usage: Option<Usage>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Type {
        #[model(rename = "json_object")]
        JsonObject,
        #[model(rename = "json_schema")]
        JsonSchema,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseFormat {
        #[model(rename = "type")]
        pub type_: Option<Type>,
        pub json_schema: Option<gateway_core::serde_json::Value>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    /// Usage statistics for the inference request
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Usage {
        /// Total number of tokens in input
        ///
        /// Default: `0`.
        pub prompt_tokens: Option<f64>,
        /// Total number of tokens in output
        ///
        /// Default: `0`.
        pub completion_tokens: Option<f64>,
        /// Total number of input and output tokens
        ///
        /// Default: `0`.
        pub total_tokens: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/tinyllama/tinyllama-1.1b-chat-v1.0`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod tinyllama_1_1b_chat_v1_0 {
    /// The TinyLlama project aims to pretrain a 1.1B Llama model on 3 trillion tokens. This is the chat model finetuned on top of TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T.
    ///
    /// Model `@cf/tinyllama/tinyllama-1.1b-chat-v1.0`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/tinyllama/tinyllama-1.1b-chat-v1.0", stream)]
    pub struct Tinyllama11bChatV10 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@cf/fblgit/una-cybertron-7b-v2-bf16`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod una_cybertron_7b_v2_bf16 {
    /// Cybertron 7B v2 is a 7B MistralAI based model, best on it's series. It was trained with SFT, DPO and UNA (Unified Neural Alignment) on multiple datasets.
    ///
    /// Model `@cf/fblgit/una-cybertron-7b-v2-bf16`, task Text Generation.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/fblgit/una-cybertron-7b-v2-bf16", stream)]
    pub struct UnaCybertron7bV2Bf16 {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        #[model(nested)]
        image: Option<Image>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}

/// `@hf/thebloke/zephyr-7b-beta-awq`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod zephyr_7b_beta_awq {
    /// Zephyr 7B Beta AWQ is an efficient, accurate and blazing-fast low-bit weight quantized Zephyr model variant.
    ///
    /// Model `@hf/thebloke/zephyr-7b-beta-awq`, task Text Generation.
    ///
    /// - beta: true
    /// - info: <https://huggingface.co/TheBloke/zephyr-7B-beta-AWQ>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@hf/thebloke/zephyr-7b-beta-awq", stream)]
    pub struct Zephyr7bBetaAwq {
        /// The input text prompt for the model to generate a response.
        #[model(one_of = "input", length = 1..=131072)]
        prompt: String,
        #[model(nested)]
        image: Option<Image>,
        /// If true, a chat template is not applied and you must adhere to the specific model's expected formatting.
        #[model(with = "prompt", default = false)]
        raw: bool,
        /// The maximum number of tokens to generate in the response.
        #[model(default = 256)]
        max_tokens: i64,
        /// Controls the randomness of the output; higher values produce more random results.
        #[model(default = 0.6, range = 0..=5)]
        temperature: f64,
        /// Adjusts the creativity of the AI's responses by controlling how many possible words it considers. Lower values make outputs more predictable; higher values allow for more varied and creative responses.
        #[model(range = 0..=2)]
        top_p: Option<f64>,
        /// Limits the AI to choose from the top 'k' most probable words. Lower values make responses more focused; higher values introduce more variety and potential surprises.
        #[model(range = 1..=50)]
        top_k: Option<u64>,
        /// Random seed for reproducibility of the generation.
        #[model(range = 1..=9999999999)]
        seed: Option<u64>,
        /// Penalty for repeated tokens; higher values discourage repetition.
        #[model(range = 0..=2)]
        repetition_penalty: Option<f64>,
        /// Decreases the likelihood of the model repeating the same lines verbatim.
        #[model(range = 0..=2)]
        frequency_penalty: Option<f64>,
        /// Increases the likelihood of the model introducing new topics.
        #[model(range = 0..=2)]
        presence_penalty: Option<f64>,
        /// Name of the LoRA (Low-Rank Adaptation) model to fine-tune the base model.
        #[model(with = "prompt")]
        lora: Option<String>,
        /// An array of message objects representing the conversation history.
        #[model(one_of = "input", nested)]
        messages: Vec<MessagesItem>,
        #[model(with = "messages", nested)]
        functions: Option<Vec<FunctionsItem>>,
        /// A list of tools available for the assistant to use.
        #[model(with = "messages", nested)]
        tools: Option<Vec<ToolsItem>>,
        /// The generated text response from the model
        #[model(output)]
        response: Option<String>,
        /// An array of tool calls requests made during the response generation
        #[model(output)]
        tool_calls: Option<Vec<ToolCallsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Image {
        Bytes(Vec<u8>),
        Text(String),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct MessagesItem {
        /// The role of the message sender (e.g., 'user', 'assistant', 'system', 'tool').
        pub role: String,
        /// The content of the message as a string.
        #[model(length = ..=131072)]
        pub content: String,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct FunctionsItem {
        pub name: String,
        pub code: String,
    }
    /// Schema defining the parameters accepted by the tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem1 {
        /// The name of the tool. More descriptive the better.
        pub name: String,
        /// A brief description of what the tool does.
        pub description: String,
        /// Schema defining the parameters accepted by the tool.
        #[model(nested)]
        pub parameters: Parameters,
    }
    /// Schema defining the parameters accepted by the function.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Parameters2 {
        /// The type of the parameters object (usually 'object').
        #[model(rename = "type")]
        pub type_: String,
        /// List of required parameter names.
        pub required: Option<Vec<String>>,
        /// Definitions of each parameter.
        pub properties: gateway_core::serde_json::Value,
    }
    /// Details of the function tool.
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Function {
        /// The name of the function.
        pub name: String,
        /// A brief description of what the function does.
        pub description: String,
        /// Schema defining the parameters accepted by the function.
        #[model(nested)]
        pub parameters: Parameters2,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolsItem2 {
        /// Specifies the type of tool (e.g., 'function').
        #[model(rename = "type")]
        pub type_: String,
        /// Details of the function tool.
        #[model(nested)]
        pub function: Function,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum ToolsItem {
        #[model(nested)]
        ToolsItem1(ToolsItem1),
        #[model(nested)]
        ToolsItem2(ToolsItem2),
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ToolCallsItem {
        /// The arguments passed to be passed to the tool call request
        pub arguments: Option<gateway_core::serde_json::Value>,
        /// The name of the tool to be called
        pub name: Option<String>,
    }
}
