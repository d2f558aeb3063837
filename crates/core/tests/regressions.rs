//! Regression tests for what fuzzing and the broken-data fixtures found (issue 7). Each feeds the
//! exact input that went wrong, natively, so `cargo test` keeps it fixed without a fuzzer.
#![cfg(feature = "source")]

use welfare_core::catalog::{self, slug};

use welfare_core::catalog::import::import_organisations_csv;
use welfare_core::codec::share::{self, ShareError};
use welfare_core::source::answers::parse_answers_json;
use welfare_core::Answers;

/// Found by `broken_data.rs` (crafted share codes): postcard ignores bytes after the value, so two
/// links pasted together (`w2.<payload><payload>`) decoded as the first one. Now `Damaged`.
#[test]
fn share_code_with_trailing_bytes_is_damaged() {
    let good = share::encode("2016", &Answers { description: "Giovani e lavoro".into(), ..Answers::default() });
    let payload = good.strip_prefix("w2.").unwrap();
    assert!(share::decode(&good).is_ok());
    // Three base64 characters more always decode to at least one more byte.
    for extra in ["AAAA", "AAA", payload] {
        let code = format!("{good}{extra}");
        assert_eq!(share::decode(&code), Err(ShareError::Damaged), "{code}");
    }
}

/// Found by the `organisations-bom.json` fixture: a catalog JSON file saved with a byte-order mark
/// gave "expected value at line 1 column 1" instead of its real problems (CSV already skipped it).
#[test]
fn json_with_a_byte_order_mark_is_read() {
    let text = "\u{feff}[]";
    assert_eq!(catalog::import::parse_projects("projects.json", text), Ok(Vec::new()));
    assert_eq!(catalog::import::parse_organisations("organisations.json", text), Ok(Vec::new()));
    assert_eq!(parse_answers_json("\u{feff}{\"description\": \"x\"}").map(|a| a.description), Ok("x".to_string()));
}

/// Found by `cargo fuzz run import_csv` (crash-cb18ea66…, minimised to 123 bytes): `slug` cut the
/// folded name at byte 60 with `String::truncate`, which panics inside a multi-byte character
/// (here the Arabic letter `ﻯ`, kept by the accent folding). Now cut on a character boundary.
#[test]
fn import_csv_slug_cut_inside_a_character() {
    // The exact minimised input (fuzz/seeds/import_csv/regression-slug-char-boundary.csv).
    let input = "name,kind,provinces,source_url,s\n\"Asied\niale Esempio Uno,s0ocialoci\tal_coource_url,vnamdpres\u{feef}t\",association,,https://exm\n";
    let provinces =
        catalog::import::parse_provinces("province-italia.csv", "province_code,name,sigla,region\n015,Milano,MI,Lombardia\n").unwrap();
    let orgs = import_organisations_csv("import.csv", input, &provinces).unwrap();
    assert_eq!(orgs.len(), 1);
    assert!(orgs[0].id.len() <= "import-".len() + 60, "{}", orgs[0].id);

    // The same at every offset: a 3-byte and a 4-byte character across the 60-byte cut.
    for pad in 55..62 {
        for ch in ['\u{feef}', '\u{1d400}', 'è'] {
            let name = format!("{}{ch}{ch}", "a".repeat(pad));
            let s = slug(&name);
            assert!(s.len() <= 60 && s.starts_with(&"a".repeat(pad.min(60))), "{pad} {ch:?}: {s}");
        }
    }
}

/// Found by `cargo fuzz run engine_request` (crash-869f8042…, 31 bytes): a `Match` request whose
/// limits ask for `usize::MAX` partners made `match_all` reserve that many (an allocation failure,
/// a trap in the engine module). The request comes from the app, which never asks that, but the
/// engine answers any bytes: the partners' list is now reserved for the candidates there are.
#[test]
fn engine_match_with_huge_limits_answers() {
    use welfare_core::catalog::engine::{decode_response, Engine, Response};
    // The exact input (fuzz/seeds/engine_request/regression-huge-limits).
    let input = [5, 0, 0, 0, 0, 0, 1, 4, 0, 0, 1, 0, 1, 4, 0, 0, 1, 4, 121, 255, 255, 255, 255, 255, 255, 255, 255, 10, 0, 0, 0];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
    let sources = catalog::import::CatalogSources::read_dir(&dir, "data/catalog").unwrap();
    let mut engine = Engine::with_catalog(catalog::import::load_catalog(&sources).unwrap());
    let response = decode_response(&engine.handle_bytes(&input));
    assert!(matches!(response, Response::Matches(_) | Response::Failed(_)), "{response:?}");
}
