//! `welfare bench-match [--catalog DIR] [--queries N] [--sizes 10000,100000]`: index build time and
//! query time (p50/p95) of the matching over the real catalog and synthetic directories.
//! Also included by `crates/core/benches/matching.rs` (it only needs welfare-core and std).

use std::time::Instant;

use welfare_core::catalog::matching::{match_all, Gaps, Limits, SearchIndex};
use welfare_core::catalog::synth::{self, XorShift};
use welfare_core::catalog::{Catalog, TERRITORY};
use welfare_core::{Answers, Member, MemberKind, Need, Territory};

/// Varied visitors: a province of the territory, one or two needs, a free-text description, a small network.
pub fn visitors(n: usize, seed: u64) -> Vec<Answers> {
    let texts = synth::queries(n, seed);
    let mut rng = XorShift::new(seed);
    texts
        .into_iter()
        .map(|description| {
            let province = rng.pick(&TERRITORY).copied().unwrap_or("MI").to_string();
            let mut needs = vec![rng.pick(&Need::ALL).copied().unwrap_or(Need::Youth)];
            if rng.below(2) == 0 {
                if let Some(n) = rng.pick(&Need::ALL) {
                    if !needs.contains(n) {
                        needs.push(*n);
                    }
                }
            }
            Answers {
                territory: Territory { provinces: vec![province.clone()], municipalities: Vec::new() },
                members: vec![Member {
                    id: 0,
                    name: "Cooperativa Sociale Ippogrifo".to_string(),
                    kind: Some(MemberKind::SocialCooperative),
                    province: Some(province),
                    letter_of_intent: None,
                    directory: None,
                }],
                lead: Some(0),
                needs,
                description,
                ..Answers::default()
            }
        })
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted.get(i).copied().unwrap_or(0.0)
}

/// One row: (label, partners, index build ms, query p50 ms, query p95 ms).
pub fn measure(label: &str, catalog: &Catalog, queries: &[Answers]) -> (String, usize, f64, f64, f64) {
    let t = Instant::now();
    let index = SearchIndex::build(catalog);
    let build = t.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::with_capacity(queries.len());
    let mut sink = 0usize;
    for a in queries {
        let gaps = Gaps::basic(a);
        let t = Instant::now();
        let m = match_all(catalog, &index, a, &gaps, Limits::default());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        sink += m.partners.len() + m.projects.len();
    }
    times.sort_by(f64::total_cmp);
    let partners = catalog.organisations.len() + catalog.municipalities.len();
    let _ = sink;
    (label.to_string(), partners, build, percentile(&times, 0.5), percentile(&times, 0.95))
}

/// The whole table as text.
pub fn table(real: &Catalog, sizes: &[usize], n_queries: usize) -> String {
    let queries = visitors(n_queries, 42);
    let mut rows = vec![measure("real catalog", real, &queries)];
    for &n in sizes {
        let c = synth::catalog(real, n, 2024);
        rows.push(measure(&format!("synthetic {n}"), &c, &queries));
    }
    let mut out =
        format!("{:<18} {:>10} {:>14} {:>12} {:>12}\n", "directory", "candidates", "index build ms", "query p50 ms", "query p95 ms");
    for (label, n, b, p50, p95) in rows {
        out.push_str(&format!("{label:<18} {n:>10} {b:>14.2} {p50:>12.3} {p95:>12.3}\n"));
    }
    out.push_str(&format!("({n_queries} queries each; candidates = organisations + municipalities)\n"));
    out
}

/// `welfare bench-match` (its options are in `main.rs`: core's bench compiles this file without clap).
#[allow(dead_code)]
pub fn run(dir: &str, n_queries: usize, sizes: &[usize]) -> i32 {
    let Some(real) = crate::catalog_validate::load(dir) else { return 1 };
    if cfg!(debug_assertions) {
        eprintln!("note: debug build; use `cargo run --release -p welfare-cli -- bench-match` for real figures");
    }
    out!("{}", table(&real, sizes, n_queries));
    0
}
