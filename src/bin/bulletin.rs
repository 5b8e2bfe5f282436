//! `bulletin`: the election widget's command-line companion (check, convert, fallback).
//! Host only; all of it lives in the library's `cli` module, so that the widget's WebAssembly
//! module does not grow. On wasm32 (where `cargo test --target wasm32-unknown-unknown` builds
//! every binary) it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    election_widget::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
