//! Summarization models, generated from the catalog: do not edit.

/// `@cf/facebook/bart-large-cnn`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod bart_large_cnn {
    /// BART is a transformer encoder-encoder (seq2seq) model with a bidirectional (BERT-like) encoder and an autoregressive (GPT-like) decoder. You can use this model for text summarization.
    ///
    /// Model `@cf/facebook/bart-large-cnn`, task Summarization.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/facebook/bart-large-cnn")]
    pub struct BartLargeCnn {
        /// The text that you want the model to summarize
        #[model(length = 1..)]
        input_text: String,
        /// The maximum length of the generated summary in tokens
        #[model(default = 1024)]
        max_length: i64,
        /// The summarized version of the input text
        #[model(output)]
        summary: Option<String>,
    }
}
