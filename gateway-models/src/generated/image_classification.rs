//! Image Classification models, generated from the catalog: do not edit.

/// `@cf/microsoft/resnet-50`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod resnet_50 {
    /// 50 layers deep image classification CNN trained on more than 1M images from ImageNet
    ///
    /// Model `@cf/microsoft/resnet-50`, task Image Classification.
    ///
    /// - beta: false
    /// - info: <https://www.microsoft.com/en-us/research/blog/microsoft-vision-model-resnet-50-combines-web-scale-data-and-multi-task-learning-to-achieve-state-of-the-art/>
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/microsoft/resnet-50")]
    pub struct Resnet50 {
        /// An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Vec<u8>,
        /// The whole answer.
        #[model(output, transparent)]
        result: Vec<AnswerItem>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerItem {
        /// A confidence value, between 0 and 1, indicating how certain the model is about the predicted label
        pub score: Option<f64>,
        /// The predicted category or class for the input image based on analysis
        pub label: Option<String>,
    }
}
