//! Validates the editable data in `data/` with the same core code the CLI uses, and packs it
//! (`welfare_core::codec::pack`: postcard, read in the browser without a JSON parser): the calls and provinces
//! are embedded in the wasm (`calls.bin`); the catalog is written as `catalog-<content hash>.bin`, which
//! `scripts/postbuild.mjs` copies beside the wasm, and `catalog.bin` (the same bytes, for the tests).
//! A problem in any file stops the build with a message naming the file and field.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data/calls");
    println!("cargo:rerun-if-changed=data/catalog");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());

    // The core's loader and packer: every `*.toml` of `data/calls`, sorted, each validated, no two with
    // one id; the catalog's sources validated and trimmed to what the widget shows.
    let packed = match welfare_core::codec::pack::pack_data_dir(Path::new("data")) {
        Ok(packed) => packed,
        Err(problems) => {
            for p in &problems {
                println!("cargo:warning={p}");
            }
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            eprintln!("the data in data/ has {} problem(s):\n{}", list.len(), list.join("\n"));
            std::process::exit(1);
        }
    };
    write(&out_dir, "calls.bin", &packed.calls);
    // The catalog is not embedded: it ships beside the wasm, named after its content, and the app
    // fetches it once the start page is up. `scripts/postbuild.mjs` copies it into the build.
    write(&out_dir, "catalog.bin", &packed.catalog);
    let name = write_named(&out_dir, "catalog", "bin", &packed.catalog);
    println!("cargo:rustc-env=WC_CATALOG_FILE={name}");
    engine(&out_dir);
}

/// The release wasm's catalog engine (`crates/engine`): built here, as its own wasm module, by a
/// nested cargo with the same toolchain and flags (scripts/trunk-release.sh), in `target/engine`;
/// shrunk by `wasm-opt` when it is on the PATH (it is under `make`); named after its content
/// (`engine-<hash>.wasm`, which `scripts/postbuild.mjs` copies beside the app). Only for the release
/// wasm: debug builds and native builds run the engine in process (`src/engine.rs`).
fn engine(out_dir: &str) {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("TARGET") != "wasm32-unknown-unknown" || var("PROFILE") != "release" {
        return;
    }
    println!("cargo:rerun-if-changed=crates/engine");
    println!("cargo:rerun-if-changed=crates/core/src");
    let fail = |what: String| -> ! {
        eprintln!("the catalog engine (crates/engine): {what}");
        std::process::exit(1);
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target_dir = root.join("target/engine");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = std::process::Command::new(cargo);
    build
        .current_dir(root)
        .args(["build", "--release", "--lib", "-p", "welfare-engine", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target_dir)
        // The outer build's flags for this package only; the target's flags come from the environment.
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTFLAGS");
    match build.status() {
        Ok(status) if status.success() => {}
        Ok(status) => fail(format!("cargo build failed ({status})")),
        Err(e) => fail(format!("cannot run cargo: {e}")),
    }
    let built = target_dir.join("wasm32-unknown-unknown/release/welfare_engine.wasm");
    let opt = Path::new(out_dir).join("engine.opt.wasm");
    let optimised = std::process::Command::new("wasm-opt")
        .arg(&built)
        .args(["-Oz", "--converge", "--strip-debug", "--strip-producers", "--strip-target-features", "-o"])
        .arg(&opt)
        .status()
        .is_ok_and(|s| s.success());
    if !optimised {
        println!("cargo:warning=wasm-opt is not on the PATH: the catalog engine ships unoptimised");
    }
    let bytes = fs::read(if optimised { &opt } else { &built }).unwrap_or_else(|e| fail(format!("cannot read {}: {e}", built.display())));
    let name = write_named(out_dir, "engine", "wasm", &bytes);
    println!("cargo:rustc-env=WC_ENGINE_FILE={name}");
}

/// Writes `bytes` as `<stem>-<content hash>.<ext>` and returns that name; only this build's file of
/// that stem stays (an edit leaves an older one behind, which postbuild must not pick up).
fn write_named(out_dir: &str, stem: &str, ext: &str, bytes: &[u8]) -> String {
    let name = format!("{stem}-{}.{ext}", welfare_core::codec::pack::content_hash(bytes));
    for entry in fs::read_dir(out_dir).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&format!("{stem}-")) && file.ends_with(&format!(".{ext}")) && file != name {
            let _ = fs::remove_file(entry.path());
        }
    }
    write(out_dir, &name, bytes);
    name
}

fn write(out_dir: &str, name: &str, bytes: &[u8]) {
    if let Err(e) = fs::write(Path::new(out_dir).join(name), bytes) {
        eprintln!("cannot write {name}: {e}");
        std::process::exit(1);
    }
}
