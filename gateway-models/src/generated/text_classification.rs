//! Text Classification models, generated from the catalog: do not edit.

/// `@cf/baai/bge-reranker-base`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod bge_reranker_base {
    /// Different from embedding model, reranker uses question and document as input and directly output similarity instead of embedding. You can get a relevance score by inputting query and passage to the reranker. And the score can be mapped to a float value in \[0,1\] by sigmoid function.
    ///
    /// Model `@cf/baai/bge-reranker-base`, task Text Classification.
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/baai/bge-reranker-base")]
    pub struct BgeRerankerBase {
        /// A query you wish to perform against the provided contexts.
        #[model(length = 1..)]
        query: String,
        /// Number of returned results starting with the best score.
        #[model(range = 1..)]
        top_k: Option<u64>,
        /// List of provided contexts. Note that the index in this array is important, as the response will refer to it.
        #[model(nested)]
        contexts: Vec<ContextsItem>,
        #[model(output)]
        response: Option<Vec<ResponseItem>>,
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
}

/// `@cf/huggingface/distilbert-sst-2-int8`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod distilbert_sst_2_int8 {
    /// Distilled BERT model that was finetuned on SST-2 for sentiment classification
    ///
    /// Model `@cf/huggingface/distilbert-sst-2-int8`, task Text Classification.
    ///
    /// - price: 0.026 USD per M input tokens
    /// - info: <https://huggingface.co/Intel/distilbert-base-uncased-finetuned-sst-2-english-int8-static>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/huggingface/distilbert-sst-2-int8")]
    pub struct DistilbertSst2Int8 {
        /// The text that you want to classify
        #[model(length = 1..)]
        text: String,
        /// An array of classification results for the input text
        #[model(output, transparent)]
        result: Vec<AnswerItem>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerItem {
        /// Confidence score indicating the likelihood that the text belongs to the specified label
        pub score: Option<f64>,
        /// The classification label assigned to the text (e.g., 'POSITIVE' or 'NEGATIVE')
        pub label: Option<String>,
    }
}
