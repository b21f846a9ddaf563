//! Automatic Speech Recognition models, generated from the catalog: do not edit.

/// `@cf/deepgram/flux`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod flux {
    /// Flux is the first conversational speech recognition model built specifically for voice agents.
    ///
    /// Model `@cf/deepgram/flux`, task Automatic Speech Recognition.
    ///
    /// - partner: true
    /// - realtime: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepgram/flux")]
    pub struct Flux {
        /// Encoding of the audio stream. Currently only supports raw signed little-endian 16-bit PCM.
        encoding: Encoding,
        /// Sample rate of the audio stream in Hz.
        sample_rate: String,
        /// End-of-turn confidence required to fire an eager end-of-turn event. When set, enables EagerEndOfTurn and TurnResumed events. Valid Values 0.3 - 0.9.
        eager_eot_threshold: Option<String>,
        /// End-of-turn confidence required to finish a turn. Valid Values 0.5 - 0.9.
        #[model(default = "0.7")]
        eot_threshold: String,
        /// A turn will be finished when this much time has passed after speech, regardless of EOT confidence.
        #[model(default = "5000")]
        eot_timeout_ms: String,
        /// Keyterm prompting can improve recognition of specialized terminology. Pass multiple keyterm query parameters to boost multiple keyterms.
        keyterm: Option<String>,
        /// Opts out requests from the Deepgram Model Improvement Program. Refer to Deepgram Docs for pricing impacts before setting this to true. https://dpgr.am/deepgram-mip
        ///
        /// Default: `"false"`.
        mip_opt_out: Option<MipOptOut>,
        /// Label your requests for the purpose of identification during usage reporting
        tag: Option<String>,
        /// The unique identifier of the request (uuid)
        #[model(output)]
        request_id: Option<String>,
        /// Starts at 0 and increments for each message the server sends to the client.
        #[model(output)]
        sequence_id: Option<u64>,
        /// The type of event being reported.
        #[model(output)]
        event: Option<Event>,
        /// The index of the current turn
        #[model(output)]
        turn_index: Option<u64>,
        /// Start time in seconds of the audio range that was transcribed
        #[model(output)]
        audio_window_start: Option<f64>,
        /// End time in seconds of the audio range that was transcribed
        #[model(output)]
        audio_window_end: Option<f64>,
        /// Text that was said over the course of the current turn
        #[model(output)]
        transcript: Option<String>,
        /// The words in the transcript
        #[model(output)]
        words: Option<Vec<WordsItem>>,
        /// Confidence that no more speech is coming in this turn
        #[model(output)]
        end_of_turn_confidence: Option<f64>,
    }
    /// Encoding of the audio stream. Currently only supports raw signed little-endian 16-bit PCM.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Encoding {
        #[model(rename = "linear16")]
        Linear16,
    }
    /// Opts out requests from the Deepgram Model Improvement Program. Refer to Deepgram Docs for pricing impacts before setting this to true. https://dpgr.am/deepgram-mip
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum MipOptOut {
        #[model(rename = "true")]
        True,
        #[model(rename = "false")]
        False,
    }
    /// The type of event being reported.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Event {
        #[model(rename = "Update")]
        Update,
        #[model(rename = "StartOfTurn")]
        StartOfTurn,
        #[model(rename = "EagerEndOfTurn")]
        EagerEndOfTurn,
        #[model(rename = "TurnResumed")]
        TurnResumed,
        #[model(rename = "EndOfTurn")]
        EndOfTurn,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WordsItem {
        /// The individual punctuated, properly-cased word from the transcript
        pub word: String,
        /// Confidence that this word was transcribed correctly
        pub confidence: f64,
    }
}

/// `@cf/deepgram/nova-3`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod nova_3 {
    /// Transcribe audio using Deepgram’s speech-to-text model
    ///
    /// Model `@cf/deepgram/nova-3`, task Automatic Speech Recognition.
    ///
    /// - async queue: true
    /// - price: 0.0052 USD per audio minute; 0.0092 USD per audio minute (websocket)
    /// - partner: true
    /// - terms: <https://deepgram.com/terms>
    /// - realtime: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepgram/nova-3")]
    pub struct Nova3 {
        #[model(nested)]
        audio: Audio,
        /// Sets how the model will interpret strings submitted to the custom_topic param. When strict, the model will only return topics submitted using the custom_topic param. When extended, the model will return its own detected topics in addition to those submitted using the custom_topic param.
        custom_topic_mode: Option<CustomTopicMode>,
        /// Custom topics you want the model to detect within your input audio or text if present Submit up to 100
        custom_topic: Option<String>,
        /// Sets how the model will interpret intents submitted to the custom_intent param. When strict, the model will only return intents submitted using the custom_intent param. When extended, the model will return its own detected intents in addition those submitted using the custom_intents param
        custom_intent_mode: Option<CustomIntentMode>,
        /// Custom intents you want the model to detect within your input audio if present
        custom_intent: Option<String>,
        /// Identifies and extracts key entities from content in submitted audio
        detect_entities: Option<bool>,
        /// Identifies the dominant language spoken in submitted audio
        detect_language: Option<bool>,
        /// Recognize speaker changes. Each word in the transcript will be assigned a speaker number starting at 0
        diarize: Option<bool>,
        /// Identify and extract key entities from content in submitted audio
        dictation: Option<bool>,
        /// Specify the expected encoding of your submitted audio
        encoding: Option<Encoding>,
        /// Arbitrary key-value pairs that are attached to the API response for usage in downstream processing
        extra: Option<String>,
        /// Filler Words can help transcribe interruptions in your audio, like 'uh' and 'um'
        filler_words: Option<bool>,
        /// Key term prompting can boost or suppress specialized terminology and brands.
        keyterm: Option<String>,
        /// Keywords can boost or suppress specialized terminology and brands.
        keywords: Option<String>,
        /// The BCP-47 language tag that hints at the primary spoken language. Depending on the Model and API endpoint you choose only certain languages are available.
        language: Option<String>,
        /// Spoken measurements will be converted to their corresponding abbreviations.
        measurements: Option<bool>,
        /// Opts out requests from the Deepgram Model Improvement Program. Refer to our Docs for pricing impacts before setting this to true. https://dpgr.am/deepgram-mip.
        mip_opt_out: Option<bool>,
        /// Mode of operation for the model representing broad area of topic that will be talked about in the supplied audio
        mode: Option<Mode>,
        /// Transcribe each audio channel independently.
        multichannel: Option<bool>,
        /// Numerals converts numbers from written format to numerical format.
        numerals: Option<bool>,
        /// Splits audio into paragraphs to improve transcript readability.
        paragraphs: Option<bool>,
        /// Profanity Filter looks for recognized profanity and converts it to the nearest recognized non-profane word or removes it from the transcript completely.
        profanity_filter: Option<bool>,
        /// Add punctuation and capitalization to the transcript.
        punctuate: Option<bool>,
        /// Redaction removes sensitive information from your transcripts.
        redact: Option<String>,
        /// Search for terms or phrases in submitted audio and replaces them.
        replace: Option<String>,
        /// Search for terms or phrases in submitted audio.
        search: Option<String>,
        /// Recognizes the sentiment throughout a transcript or text.
        sentiment: Option<bool>,
        /// Apply formatting to transcript output. When set to true, additional formatting will be applied to transcripts to improve readability.
        smart_format: Option<bool>,
        /// Detect topics throughout a transcript or text.
        topics: Option<bool>,
        /// Segments speech into meaningful semantic units.
        utterances: Option<bool>,
        /// Seconds to wait before detecting a pause between words in submitted audio.
        utt_split: Option<f64>,
        /// The number of channels in the submitted audio
        channels: Option<f64>,
        /// Specifies whether the streaming endpoint should provide ongoing transcription updates as more audio is received. When set to true, the endpoint sends continuous updates, meaning transcription results may evolve over time. Note: Supported only for webosockets.
        interim_results: Option<bool>,
        /// Indicates how long model will wait to detect whether a speaker has finished speaking or pauses for a significant period of time. When set to a value, the streaming endpoint immediately finalizes the transcription for the processed time range and returns the transcript with a speech_final parameter set to true. Can also be set to false to disable endpointing
        endpointing: Option<String>,
        /// Indicates that speech has started. You'll begin receiving Speech Started messages upon speech starting. Note: Supported only for webosockets.
        vad_events: Option<bool>,
        /// Indicates how long model will wait to send an UtteranceEnd message after a word has been transcribed. Use with interim_results. Note: Supported only for webosockets.
        utterance_end_ms: Option<bool>,
        #[model(output)]
        results: Option<Results>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Audio {
        pub body: gateway_core::serde_json::Value,
        #[model(rename = "contentType")]
        pub content_type: String,
    }
    /// Sets how the model will interpret strings submitted to the custom_topic param. When strict, the model will only return topics submitted using the custom_topic param. When extended, the model will return its own detected topics in addition to those submitted using the custom_topic param.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum CustomTopicMode {
        #[model(rename = "extended")]
        Extended,
        #[model(rename = "strict")]
        Strict,
    }
    /// Sets how the model will interpret intents submitted to the custom_intent param. When strict, the model will only return intents submitted using the custom_intent param. When extended, the model will return its own detected intents in addition those submitted using the custom_intents param
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum CustomIntentMode {
        #[model(rename = "extended")]
        Extended,
        #[model(rename = "strict")]
        Strict,
    }
    /// Specify the expected encoding of your submitted audio
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Encoding {
        #[model(rename = "linear16")]
        Linear16,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "mulaw")]
        Mulaw,
        #[model(rename = "amr-nb")]
        AmrNb,
        #[model(rename = "amr-wb")]
        AmrWb,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "speex")]
        Speex,
        #[model(rename = "g729")]
        G729,
    }
    /// Mode of operation for the model representing broad area of topic that will be talked about in the supplied audio
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Mode {
        #[model(rename = "general")]
        General,
        #[model(rename = "medical")]
        Medical,
        #[model(rename = "finance")]
        Finance,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WordsItem {
        pub confidence: Option<f64>,
        pub end: Option<f64>,
        pub start: Option<f64>,
        pub word: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AlternativesItem {
        pub confidence: Option<f64>,
        pub transcript: Option<String>,
        #[model(nested)]
        pub words: Option<Vec<WordsItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct ChannelsItem {
        #[model(nested)]
        pub alternatives: Option<Vec<AlternativesItem>>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Summary {
        pub result: Option<String>,
        pub short: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct SegmentsItem {
        pub text: Option<String>,
        pub start_word: Option<f64>,
        pub end_word: Option<f64>,
        pub sentiment: Option<String>,
        pub sentiment_score: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Average {
        pub sentiment: Option<String>,
        pub sentiment_score: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Sentiments {
        #[model(nested)]
        pub segments: Option<Vec<SegmentsItem>>,
        #[model(nested)]
        pub average: Option<Average>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Results {
        #[model(nested)]
        pub channels: Option<Vec<ChannelsItem>>,
        #[model(nested)]
        pub summary: Option<Summary>,
        #[model(nested)]
        pub sentiments: Option<Sentiments>,
    }
}

/// `@cf/openai/whisper-large-v3-turbo`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod whisper_large_v3_turbo {
    /// Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation.
    ///
    /// Model `@cf/openai/whisper-large-v3-turbo`, task Automatic Speech Recognition.
    ///
    /// - price: 0.00051 USD per audio minute
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/openai/whisper-large-v3-turbo")]
    pub struct WhisperLargeV3Turbo {
        /// Base64 encoded value of the audio data.
        audio: String,
        /// Supported tasks are 'translate' or 'transcribe'.
        #[model(default = "transcribe")]
        task: String,
        /// The language of the audio being transcribed or translated.
        #[model(default = "en")]
        language: String,
        /// Preprocess the audio with a voice activity detection model.
        #[model(default = false)]
        vad_filter: bool,
        /// A text prompt to help provide context to the model on the contents of the audio.
        initial_prompt: Option<String>,
        /// The prefix it appended the the beginning of the output of the transcription and can guide the transcription result.
        prefix: Option<String>,
        #[model(output)]
        transcription_info: Option<TranscriptionInfo>,
        /// The complete transcription of the audio.
        #[model(output)]
        text: String,
        /// The total number of words in the transcription.
        #[model(output)]
        word_count: Option<f64>,
        #[model(output)]
        segments: Option<Vec<SegmentsItem>>,
        /// The transcription in WebVTT format, which includes timing and text information for use in subtitles.
        #[model(output)]
        vtt: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct TranscriptionInfo {
        /// The language of the audio being transcribed or translated.
        pub language: Option<String>,
        /// The confidence level or probability of the detected language being accurate, represented as a decimal between 0 and 1.
        pub language_probability: Option<f64>,
        /// The total duration of the original audio file, in seconds.
        pub duration: Option<f64>,
        /// The duration of the audio after applying Voice Activity Detection (VAD) to remove silent or irrelevant sections, in seconds.
        pub duration_after_vad: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WordsItem {
        /// The individual word transcribed from the audio.
        pub word: Option<String>,
        /// The starting time of the word within the audio, in seconds.
        pub start: Option<f64>,
        /// The ending time of the word within the audio, in seconds.
        pub end: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct SegmentsItem {
        /// The starting time of the segment within the audio, in seconds.
        pub start: Option<f64>,
        /// The ending time of the segment within the audio, in seconds.
        pub end: Option<f64>,
        /// The transcription of the segment.
        pub text: Option<String>,
        /// The temperature used in the decoding process, controlling randomness in predictions. Lower values result in more deterministic outputs.
        pub temperature: Option<f64>,
        /// The average log probability of the predictions for the words in this segment, indicating overall confidence.
        pub avg_logprob: Option<f64>,
        /// The compression ratio of the input to the output, measuring how much the text was compressed during the transcription process.
        pub compression_ratio: Option<f64>,
        /// The probability that the segment contains no speech, represented as a decimal between 0 and 1.
        pub no_speech_prob: Option<f64>,
        #[model(nested)]
        pub words: Option<Vec<WordsItem>>,
    }
}

/// `@cf/openai/whisper-tiny-en`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod whisper_tiny_en {
    /// Whisper is a pre-trained model for automatic speech recognition (ASR) and speech translation. Trained on 680k hours of labelled data, Whisper models demonstrate a strong ability to generalize to many datasets and domains without the need for fine-tuning. This is the English-only version of the Whisper Tiny model which was trained on the task of speech recognition.
    ///
    /// Model `@cf/openai/whisper-tiny-en`, task Automatic Speech Recognition.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/openai/whisper-tiny-en")]
    pub struct WhisperTinyEn {
        /// An array of integers that represent the audio data constrained to 8-bit unsigned integer values
        audio: Vec<u8>,
        /// The transcription
        #[model(output)]
        text: String,
        #[model(output)]
        word_count: Option<f64>,
        #[model(output)]
        words: Option<Vec<WordsItem>>,
        #[model(output)]
        vtt: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WordsItem {
        pub word: Option<String>,
        /// The second this word begins in the recording
        pub start: Option<f64>,
        /// The ending second when the word completes
        pub end: Option<f64>,
    }
}

/// `@cf/openai/whisper`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod whisper {
    /// Whisper is a general-purpose speech recognition model. It is trained on a large dataset of diverse audio and is also a multitasking model that can perform multilingual speech recognition, speech translation, and language identification.
    ///
    /// Model `@cf/openai/whisper`, task Automatic Speech Recognition.
    ///
    /// - beta: false
    /// - info: <https://openai.com/research/whisper>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/openai/whisper")]
    pub struct Whisper {
        /// An array of integers that represent the audio data constrained to 8-bit unsigned integer values
        audio: Vec<u8>,
        /// The transcription
        #[model(output)]
        text: String,
        #[model(output)]
        word_count: Option<f64>,
        #[model(output)]
        words: Option<Vec<WordsItem>>,
        #[model(output)]
        vtt: Option<String>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct WordsItem {
        pub word: Option<String>,
        /// The second this word begins in the recording
        pub start: Option<f64>,
        /// The ending second when the word completes
        pub end: Option<f64>,
    }
}
