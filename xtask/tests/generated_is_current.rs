//! The committed `gateway-models/src/generated/` is exactly what the
//! generator makes of the committed catalog.

#[test]
fn generated_models_match_the_catalog() {
    let root = xtask::workspace_root();
    let differing = xtask::check(&root).expect("the generator runs");
    assert!(
        differing.is_empty(),
        "generated files out of date (run `cargo run -p xtask -- gen-models`): {differing:?}"
    );
}

#[test]
fn generation_is_deterministic_and_covers_every_model_with_a_schema() {
    let root = xtask::workspace_root();
    let first = xtask::generate(&root, xtask::Mode::Derive).expect("the generator runs");
    let second = xtask::generate(&root, xtask::Mode::Derive).expect("the generator runs");
    assert_eq!(first, second);
    let with_schema = std::fs::read_dir(root.join(xtask::CATALOG_DIR))
        .unwrap()
        .filter_map(|entry| std::fs::read_to_string(entry.unwrap().path()).ok())
        .filter_map(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .filter(|entry| entry.get("schema").is_some())
        .count();
    let declared =
        first.values().map(|file| file.matches("#[derive(Debug, gateway_core::Model)]").count()).sum::<usize>();
    assert_eq!(declared, with_schema);
    assert_eq!(with_schema, 98);
}
