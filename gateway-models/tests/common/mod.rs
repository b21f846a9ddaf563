//! The offline gateway the catalog test runs against, and how a model's
//! answer is checked.

use gateway_core::{Ai, GatewayOptions, ModelRequest, RunOptions};
use gateway_local::{LocalConfig, LocalGateway};

/// An embedded gateway-local whose upstream is the offline test double.
pub(crate) async fn start() -> (LocalGateway, Ai) {
    let local = LocalGateway::builder().config(LocalConfig::default()).offline(true).start().await.expect("start");
    let ai = Ai::new(local.client_config()).expect("client");
    (local, ai)
}

/// Runs `request` through the gateway: `None` when the answer decoded into
/// the model's generated response type, else what went wrong.
pub(crate) async fn check<R: ModelRequest>(ai: &Ai, model: &str, request: &R) -> Option<String> {
    let options = RunOptions::new().gateway(GatewayOptions::new("catalog"));
    match ai.run_model(request, &options).await {
        Ok(_) => None,
        Err(error) => Some(format!("{model}: {error}")),
    }
}

/// Fails naming every model whose request or answer did not fit.
pub(crate) fn report(failures: &[String]) {
    assert!(failures.is_empty(), "{} models failed:\n{}", failures.len(), failures.join("\n"));
}
