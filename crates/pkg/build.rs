//! Validates and packs the bundled data as the root `build.rs` does, with the same core code: the call
//! editions and provinces (`calls.bin`) and the catalog in its embedded form (`catalog.bin`), both
//! `welfare_core::pack`. The package embeds both (`include_bytes!`). A problem in any file stops the
//! build with a message naming the file and field.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let data = root.join("data");
    println!("cargo:rerun-if-changed={}", data.join("calls").display());
    println!("cargo:rerun-if-changed={}", data.join("catalog").display());
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());

    let mut problems = Vec::new();
    let mut calls = Vec::new();
    let mut files: Vec<_> = fs::read_dir(data.join("calls"))
        .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    for path in &files {
        let name = format!("data/calls/{}", path.file_name().unwrap_or_default().to_string_lossy());
        match fs::read_to_string(path) {
            Ok(text) => match welfare_core::call::load_call_toml(&name, &text) {
                Ok(call) => calls.push(call),
                Err(found) => problems.extend(found.into_iter().map(|p| p.to_string())),
            },
            Err(e) => problems.push(format!("{name}: cannot read: {e}")),
        }
    }
    let sources = welfare_core::catalog::CatalogSources::read_dir(&data.join("catalog"), "data/catalog")
        .map_err(|found| problems.extend(found.into_iter().map(|p| p.to_string())))
        .unwrap_or_default();
    let catalog = match welfare_core::catalog::load_catalog(&sources) {
        Ok(catalog) => Some(catalog.for_embedding()),
        Err(found) => {
            problems.extend(found.into_iter().map(|p| p.to_string()));
            None
        }
    };
    if calls.is_empty() && problems.is_empty() {
        problems.push("data/calls: no call file (*.toml) found".into());
    }
    if !problems.is_empty() {
        for p in &problems {
            println!("cargo:warning={p}");
        }
        eprintln!("the data in data/ has {} problem(s):\n{}", problems.len(), problems.join("\n"));
        std::process::exit(1);
    }
    let catalog = catalog.unwrap_or_default();
    let provinces = catalog.provinces.clone();
    write(&out_dir, "calls.bin", &welfare_core::pack::encode_calls(&welfare_core::pack::CallData { calls, provinces }));
    write(&out_dir, "catalog.bin", &welfare_core::pack::encode_catalog(&catalog));
}

fn write(out_dir: &str, name: &str, bytes: &[u8]) {
    if let Err(e) = fs::write(Path::new(out_dir).join(name), bytes) {
        eprintln!("cannot write {name}: {e}");
        std::process::exit(1);
    }
}
