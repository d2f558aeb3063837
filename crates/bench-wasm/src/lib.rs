//! The matching, built for the browser and driven by `tests/e2e/bench/matching.mjs` (issue 4).
//!
//! A [`Bench`] holds the real catalog and a synthetic directory (`welfare_core::catalog::synth`, labelled
//! "Sintetico …"). The page times every call with `performance.now()`; nothing here reads a clock.
//!
//! Two workloads:
//! - **text relevance only**: our analyzer (folding, stop words, Italian stemmer) and BM25 over the
//!   same records and queries the page gives MiniSearch (`records_json`, `queries_json`);
//! - **full matching**: `SearchIndex::build` and `match_all` over the synthetic directory, for the
//!   same varied visitors as `welfare bench-match`.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

use serde::Serialize;
use wasm_bindgen::prelude::*;
use welfare_core::catalog::import::CatalogSources;
use welfare_core::catalog::matching::{match_all, Gaps, Limits, SearchIndex};
use welfare_core::catalog::search::{Analyzer, Bm25, Query};
use welfare_core::catalog::synth;
use welfare_core::catalog::{self, Catalog};
use welfare_core::Answers;

// `bench_match.rs` is shared with the CLI and the native bench; its `run` wants this module.
#[allow(dead_code)]
mod catalog_validate {
    pub fn load(_dir: &str) -> Option<welfare_core::catalog::Catalog> {
        None
    }
}

// Its `run` prints through the CLI's `outln!` and `out!`.
#[macro_use]
#[allow(dead_code, unused_macros)]
#[path = "../../cli/src/out.rs"]
mod out;

// Only `visitors` is used here: the same visitors as the native table.
#[allow(dead_code)]
#[path = "../../cli/src/bench_match.rs"]
mod bench_match;

macro_rules! catalog_file {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog/", $name))
    };
}

/// The real catalog, compiled from the data files embedded in this module.
pub fn real_catalog() -> Result<Catalog, String> {
    let src = CatalogSources {
        dir: "data/catalog".to_string(),
        projects: catalog_file!("projects.json").to_string(),
        organisations: catalog_file!("organisations.json").to_string(),
        municipalities: catalog_file!("comuni-territorio.csv").to_string(),
        provinces: catalog_file!("province-italia.csv").to_string(),
        adjacency: catalog_file!("adjacency.toml").to_string(),
        weights: catalog_file!("weights.toml").to_string(),
    };
    catalog::import::load_catalog(&src).map_err(|problems| problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))
}

/// One record as both engines index it: the organisation's name, and its text (kind, needs, description).
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub id: u32,
    pub name: String,
    pub text: String,
}

/// The records of a directory, numbered in order (the number is the BM25 document and MiniSearch id).
pub fn records(c: &Catalog) -> Vec<Record> {
    c.organisations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut text = o.kind.label().it;
            for n in &o.needs {
                text.push_str(". ");
                text.push_str(&n.label().it);
            }
            if let Some(d) = &o.description {
                text.push_str(". ");
                text.push_str(d);
            }
            Record { id: u32::try_from(i).unwrap_or(u32::MAX), name: o.name.clone(), text }
        })
        .collect()
}

#[wasm_bindgen]
pub struct Bench {
    synthetic: Catalog,
    records: Vec<Record>,
    queries: Vec<String>,
    visitors: Vec<Answers>,
    analyzer: Analyzer,
    text: Bm25,
    scores: Vec<f32>,
    hits: Vec<(f32, u32)>,
    index: Option<SearchIndex>,
}

#[wasm_bindgen]
impl Bench {
    /// The real catalog with `partners` synthetic organisations (seed 2024, as `welfare bench-match`),
    /// `queries` free-text queries and as many visitors (seed 42).
    #[wasm_bindgen(constructor)]
    pub fn new(partners: usize, queries: usize) -> Result<Bench, JsError> {
        let real = real_catalog().map_err(|e| JsError::new(&e))?;
        let synthetic = synth::catalog(&real, partners, 2024);
        Ok(Bench {
            records: records(&synthetic),
            synthetic,
            queries: synth::queries(queries, 42),
            visitors: bench_match::visitors(queries, 42),
            analyzer: Analyzer::new(),
            text: Bm25::default(),
            scores: Vec::new(),
            hits: Vec::new(),
            index: None,
        })
    }

    /// The records as JSON (`[{id, name, text}]`), for MiniSearch.
    pub fn records_json(&self) -> Result<String, JsError> {
        serde_json::to_string(&self.records).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The free-text queries as JSON (`["…"]`).
    pub fn queries_json(&self) -> Result<String, JsError> {
        serde_json::to_string(&self.queries).map_err(|e| JsError::new(&e.to_string()))
    }

    pub fn query_count(&self) -> usize {
        self.queries.len()
    }

    /// Organisations plus municipalities: the partner candidates `match_all` ranks.
    pub fn candidates(&self) -> usize {
        self.synthetic.organisations.len() + self.synthetic.municipalities.len()
    }

    /// Text relevance only: the BM25 index over the records (the name counts twice, as in matching).
    pub fn build_text_index(&mut self) {
        let analyzer = &mut self.analyzer;
        let docs = self.records.iter().map(|r| {
            let mut doc = analyzer.terms(&r.name);
            doc.extend(analyzer.terms(&r.name));
            doc.extend(analyzer.terms(&r.text));
            doc
        });
        self.text = Bm25::build(docs);
    }

    /// Runs query `i` against the text index; keeps the `k` best and returns how many records matched.
    pub fn text_query(&mut self, i: usize, k: usize) -> usize {
        let Some(text) = self.queries.get(i) else { return 0 };
        let query = Query::parse(&mut self.analyzer, text);
        let ids: Vec<u32> = query.ids(&self.text).into_iter().map(|(t, _)| t).collect();
        self.text.score_into(&ids, &mut self.scores);
        self.hits.clear();
        self.hits
            .extend(self.scores.iter().enumerate().filter(|(_, s)| **s > 0.0).map(|(d, s)| (*s, u32::try_from(d).unwrap_or(u32::MAX))));
        let matched = self.hits.len();
        let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if k > 0 && self.hits.len() > k {
            self.hits.select_nth_unstable_by(k - 1, by_score);
            self.hits.truncate(k);
        }
        self.hits.sort_unstable_by(by_score);
        matched
    }

    /// The record numbers kept by the last `text_query`, best first.
    pub fn last_top(&self) -> Vec<u32> {
        self.hits.iter().map(|(_, d)| *d).collect()
    }

    /// Full matching: the search index over the synthetic directory.
    pub fn build_match_index(&mut self) {
        self.index = Some(SearchIndex::build(&self.synthetic));
    }

    pub fn visitor_count(&self) -> usize {
        self.visitors.len()
    }

    /// `match_all` for visitor `i` (gaps from the answers alone); returns how many matches came back.
    pub fn match_visitor(&self, i: usize) -> usize {
        let (Some(index), Some(answers)) = (self.index.as_ref(), self.visitors.get(i)) else { return 0 };
        let matches = match_all(&self.synthetic, index, answers, &Gaps::basic(answers), Limits::default());
        matches.partners.len() + matches.projects.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_workloads_run_on_a_small_directory() {
        let mut b = Bench::new(500, 5).expect("the real catalog loads");
        assert_eq!(b.records.len(), 500);
        assert!(b.records_json().is_ok_and(|j| j.contains("Sintetico 000499")));
        b.build_text_index();
        assert!((0..b.query_count()).any(|i| b.text_query(i, 10) > 0));
        assert!(b.last_top().len() <= 10);
        b.build_match_index();
        assert!(b.match_visitor(0) > 0);
        assert_eq!(b.match_visitor(99), 0);
    }
}
