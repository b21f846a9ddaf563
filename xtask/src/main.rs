//! `cargo run -p xtask -- gen-models [--serde DIR]`: regenerates the typed
//! catalog in `gateway-models/src/generated/` (or, with `--serde`, the plain
//! serde baseline of the compile-time benchmark into `DIR`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = xtask::workspace_root();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["gen-models"] => xtask::write(&root, &root.join(xtask::GENERATED_DIR), xtask::Mode::Derive),
        ["gen-models", "--serde", dir] => xtask::write(&root, &root.join(dir), xtask::Mode::Serde),
        _ => Err("usage: cargo run -p xtask -- gen-models [--serde DIR]".to_owned()),
    };
    match result {
        Ok(files) => {
            println!("wrote {files} files");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
