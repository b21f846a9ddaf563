//! Text Embeddings models, generated from the catalog: do not edit.

/// `@cf/baai/bge-base-en-v1.5`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod bge_base_en_v1_5 {
    /// BAAI general embedding (Base) model that transforms any given text into a 768-dimensional vector
    ///
    /// Model `@cf/baai/bge-base-en-v1.5`, task Text Embeddings.
    ///
    /// - beta: false
    /// - info: <https://huggingface.co/BAAI/bge-base-en-v1.5>
    /// - max input tokens: 512
    /// - output dimensions: 768
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/baai/bge-base-en-v1.5")]
    pub struct BgeBaseEnV15 {
        #[model(length = ..=100, each(length = 1..))]
        text: gateway_core::model::OneOrMany<String>,
        #[model(output)]
        shape: Option<Vec<f64>>,
        /// Embeddings of the requested text values
        #[model(output)]
        data: Option<Vec<Vec<f64>>>,
    }
}

/// `@cf/baai/bge-large-en-v1.5`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod bge_large_en_v1_5 {
    /// BAAI general embedding (Large) model that transforms any given text into a 1024-dimensional vector
    ///
    /// Model `@cf/baai/bge-large-en-v1.5`, task Text Embeddings.
    ///
    /// - beta: false
    /// - info: <https://huggingface.co/BAAI/bge-base-en-v1.5>
    /// - max input tokens: 512
    /// - output dimensions: 1024
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/baai/bge-large-en-v1.5")]
    pub struct BgeLargeEnV15 {
        #[model(length = ..=100, each(length = 1..))]
        text: gateway_core::model::OneOrMany<String>,
        #[model(output)]
        shape: Option<Vec<f64>>,
        /// Embeddings of the requested text values
        #[model(output)]
        data: Option<Vec<Vec<f64>>>,
    }
}

/// `@cf/baai/bge-m3`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod bge_m3 {
    /// Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model.
    ///
    /// Model `@cf/baai/bge-m3`, task Text Embeddings.
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/baai/bge-m3")]
    pub struct BgeM3 {
        /// A query you wish to perform against the provided contexts. If no query is provided the model with respond with embeddings for contexts
        #[model(length = 1..)]
        query: Option<String>,
        /// List of provided contexts. Note that the index in this array is important, as the response will refer to it.
        #[model(nested)]
        contexts: Vec<ContextsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: Answer,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ContextsItem {
        /// One of the provided context content
        #[model(length = 1..)]
        pub text: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ResponseItem {
        /// Index of the context in the request
        pub id: Option<i64>,
        /// Score of the context under the index.
        pub score: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerQuery {
        #[model(nested)]
        pub response: Option<Vec<ResponseItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerEmbedding {
        pub response: Option<Vec<Vec<f64>>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Answer {
        #[model(nested)]
        Query(AnswerQuery),
        #[model(nested)]
        Embedding(AnswerEmbedding),
    }
}

/// `@cf/baai/bge-small-en-v1.5`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod bge_small_en_v1_5 {
    /// BAAI general embedding (Small) model that transforms any given text into a 384-dimensional vector
    ///
    /// Model `@cf/baai/bge-small-en-v1.5`, task Text Embeddings.
    ///
    /// - beta: false
    /// - info: <https://huggingface.co/BAAI/bge-base-en-v1.5>
    /// - max input tokens: 512
    /// - output dimensions: 384
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/baai/bge-small-en-v1.5")]
    pub struct BgeSmallEnV15 {
        #[model(length = ..=100, each(length = 1..))]
        text: gateway_core::model::OneOrMany<String>,
        #[model(output)]
        shape: Option<Vec<f64>>,
        /// Embeddings of the requested text values
        #[model(output)]
        data: Option<Vec<Vec<f64>>>,
    }
}

/// `@cf/google/embeddinggemma-300m`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod embeddinggemma_300m {
    /// EmbeddingGemma is a 300M parameter, state-of-the-art for its size, open embedding model from Google, built from Gemma 3 (with T5Gemma initialization) and the same research and technology used to create Gemini models. EmbeddingGemma produces vector representations of text, making it well-suited for search and retrieval tasks, including classification, clustering, and semantic similarity search. This model was trained with data in 100+ spoken languages.
    ///
    /// Model `@cf/google/embeddinggemma-300m`, task Text Embeddings.
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/google/embeddinggemma-300m")]
    pub struct Embeddinggemma300m {
        #[model(length = ..=100, each(length = 1..))]
        text: gateway_core::model::OneOrMany<String>,
        #[model(output)]
        shape: Option<Vec<f64>>,
        /// Embeddings of the requested text values
        #[model(output)]
        data: Option<Vec<Vec<f64>>>,
    }
}

/// `@cf/baai/omni-bge-base-en-v1.5`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod omni_bge_base_en_v1_5 {
    /// BAAI general embedding (Base) model that transforms any given text into a 768-dimensional vector
    ///
    /// Model `@cf/baai/omni-bge-base-en-v1.5`, task Text Embeddings.
    ///
    /// - async queue: true
    /// - info: <https://huggingface.co/BAAI/bge-base-en-v1.5>
    /// - max input tokens: 512
    /// - output dimensions: 768
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/baai/omni-bge-base-en-v1.5")]
    pub struct OmniBgeBaseEnV15 {
        #[model(one_of = "input", length = ..=100, each(length = 1..))]
        text: gateway_core::model::OneOrMany<String>,
        /// The pooling method used in the embedding process. `cls` pooling will generate more accurate embeddings on larger inputs - however, embeddings created with cls pooling are not compatible with embeddings generated with mean pooling. The default pooling method is `mean` in order for this to not be a breaking change, but we highly suggest using the new `cls` pooling for better accuracy.
        ///
        /// Default: `"mean"`.
        #[model(with = "text")]
        pooling: Option<Pooling>,
        /// Batch of the embeddings requests to run using async-queue
        #[model(one_of = "input", nested)]
        requests: Vec<RequestsItem>,
        /// The whole answer.
        #[model(output, transparent)]
        result: Answer,
    }
    /// The pooling method used in the embedding process. `cls` pooling will generate more accurate embeddings on larger inputs - however, embeddings created with cls pooling are not compatible with embeddings generated with mean pooling. The default pooling method is `mean` in order for this to not be a breaking change, but we highly suggest using the new `cls` pooling for better accuracy.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Pooling {
        #[model(rename = "mean")]
        Mean,
        #[model(rename = "cls")]
        Cls,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct RequestsItem {
        #[model(length = ..=100, each(length = 1..))]
        pub text: gateway_core::model::OneOrMany<String>,
        /// The pooling method used in the embedding process. `cls` pooling will generate more accurate embeddings on larger inputs - however, embeddings created with cls pooling are not compatible with embeddings generated with mean pooling. The default pooling method is `mean` in order for this to not be a breaking change, but we highly suggest using the new `cls` pooling for better accuracy.
        ///
        /// Default: `"mean"`.
        pub pooling: Option<Pooling>,
    }
    /// The pooling method used in the embedding process.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Pooling2 {
        #[model(rename = "mean")]
        Mean,
        #[model(rename = "cls")]
        Cls,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Answer1 {
        pub shape: Option<Vec<f64>>,
        /// Embeddings of the requested text values
        pub data: Option<Vec<Vec<f64>>>,
        /// The pooling method used in the embedding process.
        pub pooling: Option<Pooling2>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerAsyncResponse {
        /// The async request id that can be used to obtain the results.
        pub request_id: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub enum Answer {
        #[model(nested)]
        Answer1(Answer1),
        #[model(nested)]
        AsyncResponse(AnswerAsyncResponse),
    }
}

/// `@cf/pfnet/plamo-embedding-1b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod plamo_embedding_1b {
    /// PLaMo-Embedding-1B is a Japanese text embedding model developed by Preferred Networks, Inc.
    ///
    /// It can convert Japanese text input into numerical vectors and can be used for a wide range of applications, including information retrieval, text classification, and clustering.
    ///
    /// Model `@cf/pfnet/plamo-embedding-1b`, task Text Embeddings.
    ///
    /// - price: 0.019 USD per M input tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/pfnet/plamo-embedding-1b")]
    pub struct PlamoEmbedding1b {
        /// Input text to embed. Can be a single string or a list of strings.
        text: gateway_core::model::OneOrMany<String>,
        /// Embedding vectors, where each vector is a list of floats.
        #[model(output)]
        data: Vec<Vec<f64>>,
        /// Shape of the embedding data as \[number_of_embeddings, embedding_dimension\].
        #[model(output)]
        shape: Vec<i64>,
    }
}

/// `@cf/qwen/qwen3-embedding-0.6b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod qwen3_embedding_0_6b {
    /// The Qwen3 Embedding model series is the latest proprietary model of the Qwen family, specifically designed for text embedding and ranking tasks.
    ///
    /// Model `@cf/qwen/qwen3-embedding-0.6b`, task Text Embeddings.
    ///
    /// - price: 0.012 USD per M input tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/qwen/qwen3-embedding-0.6b")]
    pub struct Qwen3Embedding06b {
        #[model(length = ..=32, each(length = 1..))]
        queries: Option<gateway_core::model::OneOrMany<String>>,
        /// Optional instruction for the task
        #[model(default = "Given a web search query, retrieve relevant passages that answer the query")]
        instruction: String,
        #[model(length = ..=32, each(length = 1..))]
        documents: Option<gateway_core::model::OneOrMany<String>>,
        #[model(length = ..=32, each(length = 1..))]
        text: Option<gateway_core::model::OneOrMany<String>>,
        #[model(output)]
        data: Option<Vec<Vec<f64>>>,
        #[model(output)]
        shape: Option<Vec<i64>>,
    }
}
