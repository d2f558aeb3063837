//! Prints the share code (`w2.…`) of an answers file, for `tests/e2e/bench/startup.mjs`:
//! `cargo run -p bench-wasm --example share_code -- data/examples/admissible.toml [call]`.

use welfare_core::codec::share;
use welfare_core::source::answers::parse_answers_toml;

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap_or_else(|| "data/examples/admissible.toml".to_string());
    let call = args.next().unwrap_or_else(|| "2016".to_string());
    let answers = std::fs::read_to_string(&file)
        .map_err(|e| format!("{file}: {e}"))
        .and_then(|text| parse_answers_toml(&file, &text).map_err(|p| p.to_string()));
    match answers {
        Ok(answers) => println!("{}", share::encode(&call, &answers)),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
