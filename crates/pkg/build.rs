//! Validates and packs the bundled data as the root `build.rs` does, with the same core function
//! (`welfare_core::codec::pack::pack_data_dir`): the call editions and provinces (`calls.bin`) and the
//! catalog in its embedded form (`catalog.bin`). The package embeds both (`include_bytes!`). A problem
//! in any file stops the build with a message naming the file and field.

use std::fs;
use std::path::Path;

fn main() {
    // A build script runs in its package's folder: `../../data` names the files as staff see them.
    let data = Path::new("../../data");
    println!("cargo:rerun-if-changed={}", data.join("calls").display());
    println!("cargo:rerun-if-changed={}", data.join("catalog").display());
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    match welfare_core::codec::pack::pack_data_dir(data) {
        Ok(packed) => {
            write(&out_dir, "calls.bin", &packed.calls);
            write(&out_dir, "catalog.bin", &packed.catalog);
        }
        Err(problems) => {
            for p in &problems {
                println!("cargo:warning={p}");
            }
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            eprintln!("the data in data/ has {} problem(s):\n{}", list.len(), list.join("\n"));
            std::process::exit(1);
        }
    }
}

fn write(out_dir: &str, name: &str, bytes: &[u8]) {
    if let Err(e) = fs::write(Path::new(out_dir).join(name), bytes) {
        eprintln!("cannot write {name}: {e}");
        std::process::exit(1);
    }
}
