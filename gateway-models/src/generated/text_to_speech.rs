//! Text-to-Speech models, generated from the catalog: do not edit.

/// `@cf/deepgram/aura-1`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod aura_1 {
    /// Aura is a context-aware text-to-speech (TTS) model that applies natural pacing, expressiveness, and fillers based on the context of the provided text. The quality of your text input directly impacts the naturalness of the audio output.
    ///
    /// Model `@cf/deepgram/aura-1`, task Text-to-Speech.
    ///
    /// - async queue: true
    /// - price: 0.015 USD per 1k characters
    /// - partner: true
    /// - terms: <https://deepgram.com/terms>
    /// - realtime: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepgram/aura-1", binary)]
    pub struct Aura1 {
        /// Speaker used to produce the audio.
        ///
        /// Default: `"angus"`.
        speaker: Option<Speaker>,
        /// Encoding of the output audio.
        encoding: Option<Encoding>,
        /// Container specifies the file format wrapper for the output audio. The available options depend on the encoding type..
        container: Option<Container>,
        /// The text content to be converted to speech
        text: String,
        /// Sample Rate specifies the sample rate for the output audio. Based on the encoding, different sample rates are supported. For some encodings, the sample rate is not configurable
        sample_rate: Option<f64>,
        /// The bitrate of the audio in bits per second. Choose from predefined ranges or specific values based on the encoding type.
        bit_rate: Option<f64>,
    }
    /// Speaker used to produce the audio.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Speaker {
        #[model(rename = "angus")]
        Angus,
        #[model(rename = "asteria")]
        Asteria,
        #[model(rename = "arcas")]
        Arcas,
        #[model(rename = "orion")]
        Orion,
        #[model(rename = "orpheus")]
        Orpheus,
        #[model(rename = "athena")]
        Athena,
        #[model(rename = "luna")]
        Luna,
        #[model(rename = "zeus")]
        Zeus,
        #[model(rename = "perseus")]
        Perseus,
        #[model(rename = "helios")]
        Helios,
        #[model(rename = "hera")]
        Hera,
        #[model(rename = "stella")]
        Stella,
    }
    /// Encoding of the output audio.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Encoding {
        #[model(rename = "linear16")]
        Linear16,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "mulaw")]
        Mulaw,
        #[model(rename = "alaw")]
        Alaw,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "aac")]
        Aac,
    }
    /// Container specifies the file format wrapper for the output audio. The available options depend on the encoding type..
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Container {
        #[model(rename = "none")]
        None,
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "ogg")]
        Ogg,
    }
}

/// `@cf/deepgram/aura-2-en`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod aura_2_en {
    /// Aura-2 is a context-aware text-to-speech (TTS) model that applies natural pacing, expressiveness, and fillers based on the context of the provided text. The quality of your text input directly impacts the naturalness of the audio output.
    ///
    /// Model `@cf/deepgram/aura-2-en`, task Text-to-Speech.
    ///
    /// - async queue: true
    /// - price: 0.03 USD per 1k chars input
    /// - partner: true
    /// - realtime: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepgram/aura-2-en", binary)]
    pub struct Aura2En {
        /// Speaker used to produce the audio.
        ///
        /// Default: `"luna"`.
        speaker: Option<Speaker>,
        /// Encoding of the output audio.
        encoding: Option<Encoding>,
        /// Container specifies the file format wrapper for the output audio. The available options depend on the encoding type..
        container: Option<Container>,
        /// The text content to be converted to speech
        text: String,
        /// Sample Rate specifies the sample rate for the output audio. Based on the encoding, different sample rates are supported. For some encodings, the sample rate is not configurable
        sample_rate: Option<f64>,
        /// The bitrate of the audio in bits per second. Choose from predefined ranges or specific values based on the encoding type.
        bit_rate: Option<f64>,
    }
    /// Speaker used to produce the audio.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Speaker {
        #[model(rename = "amalthea")]
        Amalthea,
        #[model(rename = "andromeda")]
        Andromeda,
        #[model(rename = "apollo")]
        Apollo,
        #[model(rename = "arcas")]
        Arcas,
        #[model(rename = "aries")]
        Aries,
        #[model(rename = "asteria")]
        Asteria,
        #[model(rename = "athena")]
        Athena,
        #[model(rename = "atlas")]
        Atlas,
        #[model(rename = "aurora")]
        Aurora,
        #[model(rename = "callista")]
        Callista,
        #[model(rename = "cora")]
        Cora,
        #[model(rename = "cordelia")]
        Cordelia,
        #[model(rename = "delia")]
        Delia,
        #[model(rename = "draco")]
        Draco,
        #[model(rename = "electra")]
        Electra,
        #[model(rename = "harmonia")]
        Harmonia,
        #[model(rename = "helena")]
        Helena,
        #[model(rename = "hera")]
        Hera,
        #[model(rename = "hermes")]
        Hermes,
        #[model(rename = "hyperion")]
        Hyperion,
        #[model(rename = "iris")]
        Iris,
        #[model(rename = "janus")]
        Janus,
        #[model(rename = "juno")]
        Juno,
        #[model(rename = "jupiter")]
        Jupiter,
        #[model(rename = "luna")]
        Luna,
        #[model(rename = "mars")]
        Mars,
        #[model(rename = "minerva")]
        Minerva,
        #[model(rename = "neptune")]
        Neptune,
        #[model(rename = "odysseus")]
        Odysseus,
        #[model(rename = "ophelia")]
        Ophelia,
        #[model(rename = "orion")]
        Orion,
        #[model(rename = "orpheus")]
        Orpheus,
        #[model(rename = "pandora")]
        Pandora,
        #[model(rename = "phoebe")]
        Phoebe,
        #[model(rename = "pluto")]
        Pluto,
        #[model(rename = "saturn")]
        Saturn,
        #[model(rename = "thalia")]
        Thalia,
        #[model(rename = "theia")]
        Theia,
        #[model(rename = "vesta")]
        Vesta,
        #[model(rename = "zeus")]
        Zeus,
    }
    /// Encoding of the output audio.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Encoding {
        #[model(rename = "linear16")]
        Linear16,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "mulaw")]
        Mulaw,
        #[model(rename = "alaw")]
        Alaw,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "aac")]
        Aac,
    }
    /// Container specifies the file format wrapper for the output audio. The available options depend on the encoding type..
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Container {
        #[model(rename = "none")]
        None,
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "ogg")]
        Ogg,
    }
}

/// `@cf/deepgram/aura-2-es`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod aura_2_es {
    /// Aura-2 is a context-aware text-to-speech (TTS) model that applies natural pacing, expressiveness, and fillers based on the context of the provided text. The quality of your text input directly impacts the naturalness of the audio output.
    ///
    /// Model `@cf/deepgram/aura-2-es`, task Text-to-Speech.
    ///
    /// - async queue: true
    /// - price: 0.03 USD per 1k chars input
    /// - partner: true
    /// - realtime: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/deepgram/aura-2-es", binary)]
    pub struct Aura2Es {
        /// Speaker used to produce the audio.
        ///
        /// Default: `"aquila"`.
        speaker: Option<Speaker>,
        /// Encoding of the output audio.
        encoding: Option<Encoding>,
        /// Container specifies the file format wrapper for the output audio. The available options depend on the encoding type..
        container: Option<Container>,
        /// The text content to be converted to speech
        text: String,
        /// Sample Rate specifies the sample rate for the output audio. Based on the encoding, different sample rates are supported. For some encodings, the sample rate is not configurable
        sample_rate: Option<f64>,
        /// The bitrate of the audio in bits per second. Choose from predefined ranges or specific values based on the encoding type.
        bit_rate: Option<f64>,
    }
    /// Speaker used to produce the audio.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Speaker {
        #[model(rename = "sirio")]
        Sirio,
        #[model(rename = "nestor")]
        Nestor,
        #[model(rename = "carina")]
        Carina,
        #[model(rename = "celeste")]
        Celeste,
        #[model(rename = "alvaro")]
        Alvaro,
        #[model(rename = "diana")]
        Diana,
        #[model(rename = "aquila")]
        Aquila,
        #[model(rename = "selena")]
        Selena,
        #[model(rename = "estrella")]
        Estrella,
        #[model(rename = "javier")]
        Javier,
    }
    /// Encoding of the output audio.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Encoding {
        #[model(rename = "linear16")]
        Linear16,
        #[model(rename = "flac")]
        Flac,
        #[model(rename = "mulaw")]
        Mulaw,
        #[model(rename = "alaw")]
        Alaw,
        #[model(rename = "mp3")]
        Mp3,
        #[model(rename = "opus")]
        Opus,
        #[model(rename = "aac")]
        Aac,
    }
    /// Container specifies the file format wrapper for the output audio. The available options depend on the encoding type..
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum Container {
        #[model(rename = "none")]
        None,
        #[model(rename = "wav")]
        Wav,
        #[model(rename = "ogg")]
        Ogg,
    }
}

/// `@cf/myshell-ai/melotts`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod melotts {
    /// MeloTTS is a high-quality multi-lingual text-to-speech library by MyShell.ai.
    ///
    /// Model `@cf/myshell-ai/melotts`, task Text-to-Speech.
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/myshell-ai/melotts")]
    pub struct Melotts {
        /// A text description of the audio you want to generate
        #[model(length = 1..)]
        prompt: String,
        /// The speech language (e.g., 'en' for English, 'fr' for French). Defaults to 'en' if not specified
        #[model(default = "en")]
        lang: String,
        /// The generated audio in MP3 format, base64-encoded
        #[model(output)]
        audio: Option<gateway_core::model::Base64>,
    }
}
