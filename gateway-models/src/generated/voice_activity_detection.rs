//! Voice Activity Detection models, generated from the catalog: do not edit.

/// `@cf/pipecat-ai/smart-turn-v2`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod smart_turn_v2 {
    /// An open source, community-driven, native audio turn detection model in 2nd version
    ///
    /// Model `@cf/pipecat-ai/smart-turn-v2`, task Voice Activity Detection.
    ///
    /// - async queue: true
    /// - price: 0.00034 USD per audio minute
    /// - realtime: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/pipecat-ai/smart-turn-v2")]
    pub struct SmartTurnV2 {
        /// readable stream with audio data and content-type specified for that data
        #[model(nested)]
        audio: Audio,
        /// type of data PCM data that's sent to the inference server as raw array
        dtype: Option<Dtype>,
        /// if true, end-of-turn was detected
        #[model(output)]
        is_complete: Option<bool>,
        /// probability of the end-of-turn detection
        #[model(output)]
        probability: Option<f64>,
    }
    /// readable stream with audio data and content-type specified for that data
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio {
        pub body: gateway_core::serde_json::Value,
        #[model(rename = "contentType")]
        pub content_type: String,
    }
    /// type of data PCM data that's sent to the inference server as raw array
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Dtype {
        #[model(rename = "uint8")]
        Uint8,
        #[model(rename = "float32")]
        Float32,
        #[model(rename = "float64")]
        Float64,
    }
}
