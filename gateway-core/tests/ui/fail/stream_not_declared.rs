use gateway_core::models::workers_ai::BartLargeCnnRequest;
use gateway_core::{Ai, Config, RunOptions};

// A model not declared `stream` has no `run_model_stream`.
async fn summarize(ai: &Ai) {
    let _ = ai.run_model_stream(&BartLargeCnnRequest::new("text"), &RunOptions::new()).await;
}

fn main() {
    let _ = summarize(&Ai::new(Config::new("acc")).unwrap());
}
