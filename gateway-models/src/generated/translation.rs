//! Translation models, generated from the catalog: do not edit.

/// `@cf/ai4bharat/indictrans2-en-indic-1B`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod indictrans2_en_indic_1b {
    /// IndicTrans2 is the first open-source transformer-based multilingual NMT model that supports high-quality translations across all the 22 scheduled Indic languages
    ///
    /// Model `@cf/ai4bharat/indictrans2-en-indic-1B`, task Translation.
    ///
    /// - price: 0.34 USD per M input tokens; 0.34 USD per M output tokens
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/ai4bharat/indictrans2-en-indic-1B")]
    pub struct Indictrans2EnIndic1b {
        /// Input text to translate. Can be a single string or a list of strings.
        text: gateway_core::model::OneOrMany<String>,
        /// Target langauge to translate to
        ///
        /// Default: `"hin_Deva"`.
        target_language: TargetLanguage,
        /// Translated texts
        #[model(output)]
        translations: Vec<String>,
    }
    /// Target langauge to translate to
    #[derive(Debug, Clone, Copy, PartialEq, Eq, gateway_core::Object)]
    pub enum TargetLanguage {
        #[model(rename = "asm_Beng")]
        AsmBeng,
        #[model(rename = "awa_Deva")]
        AwaDeva,
        #[model(rename = "ben_Beng")]
        BenBeng,
        #[model(rename = "bho_Deva")]
        BhoDeva,
        #[model(rename = "brx_Deva")]
        BrxDeva,
        #[model(rename = "doi_Deva")]
        DoiDeva,
        #[model(rename = "eng_Latn")]
        EngLatn,
        #[model(rename = "gom_Deva")]
        GomDeva,
        #[model(rename = "gon_Deva")]
        GonDeva,
        #[model(rename = "guj_Gujr")]
        GujGujr,
        #[model(rename = "hin_Deva")]
        HinDeva,
        #[model(rename = "hne_Deva")]
        HneDeva,
        #[model(rename = "kan_Knda")]
        KanKnda,
        #[model(rename = "kas_Arab")]
        KasArab,
        #[model(rename = "kas_Deva")]
        KasDeva,
        #[model(rename = "kha_Latn")]
        KhaLatn,
        #[model(rename = "lus_Latn")]
        LusLatn,
        #[model(rename = "mag_Deva")]
        MagDeva,
        #[model(rename = "mai_Deva")]
        MaiDeva,
        #[model(rename = "mal_Mlym")]
        MalMlym,
        #[model(rename = "mar_Deva")]
        MarDeva,
        #[model(rename = "mni_Beng")]
        MniBeng,
        #[model(rename = "mni_Mtei")]
        MniMtei,
        #[model(rename = "npi_Deva")]
        NpiDeva,
        #[model(rename = "ory_Orya")]
        OryOrya,
        #[model(rename = "pan_Guru")]
        PanGuru,
        #[model(rename = "san_Deva")]
        SanDeva,
        #[model(rename = "sat_Olck")]
        SatOlck,
        #[model(rename = "snd_Arab")]
        SndArab,
        #[model(rename = "snd_Deva")]
        SndDeva,
        #[model(rename = "tam_Taml")]
        TamTaml,
        #[model(rename = "tel_Telu")]
        TelTelu,
        #[model(rename = "urd_Arab")]
        UrdArab,
        #[model(rename = "unr_Deva")]
        UnrDeva,
    }
}

/// `@cf/meta/m2m100-1.2b`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod m2m100_1_2b {
    /// Multilingual encoder-decoder (seq-to-seq) model trained for Many-to-Many multilingual translation
    ///
    /// Model `@cf/meta/m2m100-1.2b`, task Translation.
    ///
    /// - price: 0.34 USD per M input tokens; 0.34 USD per M output tokens
    /// - info: <https://github.com/facebookresearch/fairseq/tree/main/examples/m2m_100>
    /// - languages: english, chinese, french, spanish, arabic, russian, german, japanese, portuguese, hindi
    /// - terms: <https://github.com/facebookresearch/fairseq/blob/main/LICENSE>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/meta/m2m100-1.2b")]
    pub struct M2m10012b {
        /// The text to be translated
        #[model(length = 1..)]
        text: String,
        /// The language code of the source text (e.g., 'en' for English). Defaults to 'en' if not specified
        #[model(default = "en")]
        source_lang: String,
        /// The language code to translate the text into (e.g., 'es' for Spanish)
        target_lang: String,
        /// The translated text in the target language
        #[model(output)]
        translated_text: Option<String>,
    }
}
