//! Object Detection models, generated from the catalog: do not edit.

/// `@cf/facebook/detr-resnet-50`
#[allow(clippy::all, clippy::pedantic, reason = "generated")]
pub mod detr_resnet_50 {
    /// DEtection TRansformer (DETR) model trained end-to-end on COCO 2017 object detection (118k annotated images).
    ///
    /// Model `@cf/facebook/detr-resnet-50`, task Object Detection.
    ///
    /// - beta: true
    #[derive(Debug, gateway_core::Model)]
    #[model(id = "@cf/facebook/detr-resnet-50")]
    pub struct DetrResnet50 {
        /// An array of integers that represent the image data constrained to 8-bit unsigned integer values
        image: Option<Vec<u8>>,
        /// An array of detected objects within the input image
        #[model(output, transparent)]
        result: Vec<AnswerItem>,
    }
    /// Coordinates defining the bounding box around the detected object
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct Box {
        /// The x-coordinate of the top-left corner of the bounding box
        pub xmin: Option<f64>,
        /// The y-coordinate of the top-left corner of the bounding box
        pub ymin: Option<f64>,
        /// The x-coordinate of the bottom-right corner of the bounding box
        pub xmax: Option<f64>,
        /// The y-coordinate of the bottom-right corner of the bounding box
        pub ymax: Option<f64>,
    }
    #[derive(Debug, Clone, gateway_core::Object)]
    pub struct AnswerItem {
        /// Confidence score indicating the likelihood that the detection is correct
        pub score: Option<f64>,
        /// The class label or name of the detected object
        pub label: Option<String>,
        /// Coordinates defining the bounding box around the detected object
        #[model(rename = "box", nested)]
        pub box_: Option<Box>,
    }
}
