//! Times full evaluations of the edition III call (every criterion and merit score) on a few sets of
//! answers. Plain `harness = false`: `cargo bench -p welfare-core --bench eligibility`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use welfare_core::rules::call::load_call_toml;
use welfare_core::source::answers::parse_answers_json;
use welfare_core::{evaluate, RomeDateTime};

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/calls/2016.toml");
    let text = std::fs::read_to_string(&path).expect("read the 2016 call");
    let call = load_call_toml("2016.toml", &text).expect("a valid call");
    let answers = [
        r#"{}"#,
        r#"{"territory":{"provinces":["LC"]},"lead":1,"money":{"total_cost":1800000,"requested_grant":1000000},
            "members":[{"id":1,"name":"Comune di Lecco","kind":"comune","letter_of_intent":true},
                       {"id":2,"name":"Coop","kind":"social_cooperative","letter_of_intent":true},
                       {"id":3,"name":"Assoc","kind":"association","letter_of_intent":true}],
            "merit":[["comunita_coinvolgimento",3],["innovazione_pratica",2]]}"#,
        r#"{"territory":{"provinces":["TO","MI"]},"lead":2,"money":{"total_cost":1400000,"requested_grant":2100000},
            "members":[{"id":1,"name":"Coop","kind":"social_cooperative","letter_of_intent":false},
                       {"id":2,"name":"Impresa","kind":"company"}]}"#,
    ]
    .map(|a| parse_answers_json(a).expect("answers"));
    let now = RomeDateTime::parse("2016-04-01T10:00").expect("now");

    let n: u32 = 20_000;
    for _ in 0..1_000 {
        for a in &answers {
            black_box(evaluate(&call, a, now));
        }
    }
    let start = Instant::now();
    for _ in 0..n {
        for a in &answers {
            black_box(evaluate(black_box(&call), black_box(a), now));
        }
    }
    let elapsed = start.elapsed();
    let evaluations = u128::from(n) * answers.len() as u128;
    println!(
        "eligibility: {evaluations} evaluations in {:.1} ms: {} ns/evaluation",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_nanos() / evaluations
    );
}
