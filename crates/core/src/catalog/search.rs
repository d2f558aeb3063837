//! Text relevance for matching: accent folding, Italian tokens (stop words, Snowball stemmer) and a
//! small BM25 index with postings, built once and queried without per-document allocation.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Lower-case and fold accents ("Cantù" → "cantu", "Città" → "citta"); every character that is not
/// a letter or digit becomes a space, apostrophes included ("dell'Insubria" → "dell insubria").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// As [`fold`], appending to `out` (lets hot paths reuse one buffer).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => out.push(f),
            None => {
                if c.is_alphanumeric() {
                    out.push(crate::text::case::lower(c));
                } else {
                    out.push(' ');
                }
            }
        }
    }
}

fn fold_char(c: char) -> Option<char> {
    let f = match c {
        'a'..='z' | '0'..='9' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => return None,
    };
    Some(f)
}

/// Italian (and a few English) function words that carry no meaning for matching.
const STOP: &[&str] = &[
    "a", "ad", "al", "alla", "alle", "allo", "ai", "agli", "anche", "che", "chi", "con", "da", "dai", "dal", "dalla", "dalle", "degli",
    "dei", "del", "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il", "in", "l", "la", "le", "lo", "ma", "ne", "nei", "nel",
    "nella", "nelle", "noi", "non", "o", "per", "piu", "poi", "qui", "se", "si", "sia", "sono", "su", "sul", "sulla", "tra", "fra", "un",
    "una", "uno", "vi", "the", "of", "and", "to", "for", "with", "on", "at", "by", "an", "is", "are", "our", "we", "nostra", "nostro",
    "nostri", "nostre", "vogliamo", "come", "loro", "questo", "questa", "essere", "fare", "cui", "ogni", "tutti", "tutte", "c", "s", "d",
    "n", "onlus", "ets", "coop", "soc",
];

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

/// Splits text into search terms: folded, stop words removed, Italian Snowball stems.
pub struct Analyzer {
    stemmer: Stemmer,
    buf: String,
    /// Folded word → stem: vocabularies are small and stemming dominates index building.
    cache: HashMap<String, String>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer { stemmer: Stemmer::create(Algorithm::Italian), buf: String::new(), cache: HashMap::new() }
    }

    /// Calls `f(stem, folded_word)` for every meaningful word of `text`.
    pub fn each_term(&mut self, text: &str, mut f: impl FnMut(&str, &str)) {
        self.buf.clear();
        fold_into(text, &mut self.buf);
        for w in self.buf.split(' ') {
            if w.is_empty() || is_stop(w) {
                continue;
            }
            let stem = match self.cache.get(w) {
                Some(s) => s,
                None => {
                    let s = self.stemmer.stem(w).into_owned();
                    if self.cache.len() > 200_000 {
                        self.cache.clear();
                    }
                    self.cache.entry(w.to_string()).or_insert(s)
                }
            };
            if !stem.is_empty() {
                f(stem, w);
            }
        }
    }

    /// The stems of `text`, in order (with repeats).
    pub fn terms(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each_term(text, |s, _| out.push(s.to_string()));
        out
    }
}

/// A BM25 index over a fixed set of documents (numbered 0..n).
#[derive(Debug, Clone, Default)]
pub struct Bm25 {
    terms: HashMap<String, u32>,
    /// Per term: (document, term frequency), sorted by document.
    postings: Vec<Vec<(u32, u16)>>,
    doc_len: Vec<u32>,
    avgdl: f32,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

impl Bm25 {
    /// Builds from each document's terms; documents are numbered in iteration order.
    pub fn build<I, D>(docs: I) -> Bm25
    where
        I: IntoIterator<Item = D>,
        D: IntoIterator<Item = String>,
    {
        let mut idx = Bm25::default();
        let mut local: HashMap<u32, u16> = HashMap::new();
        for (doc, terms) in docs.into_iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            local.clear();
            let mut len = 0u32;
            for t in terms {
                len = len.saturating_add(1);
                let next = u32::try_from(idx.postings.len()).unwrap_or(u32::MAX);
                let id = *idx.terms.entry(t).or_insert(next);
                if id == next {
                    idx.postings.push(Vec::new());
                }
                let e = local.entry(id).or_insert(0);
                *e = e.saturating_add(1);
            }
            for (&id, &tf) in &local {
                if let Some(p) = idx.postings.get_mut(id as usize) {
                    p.push((doc, tf));
                }
            }
            idx.doc_len.push(len);
        }
        let total: u64 = idx.doc_len.iter().map(|&l| u64::from(l)).sum();
        idx.avgdl = if idx.doc_len.is_empty() { 1.0 } else { (total as f32 / idx.doc_len.len() as f32).max(1.0) };
        idx
    }

    pub fn len(&self) -> usize {
        self.doc_len.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc_len.is_empty()
    }

    pub fn term_id(&self, stem: &str) -> Option<u32> {
        self.terms.get(stem).copied()
    }

    /// Whether document `doc` contains term `term`.
    pub fn contains(&self, term: u32, doc: u32) -> bool {
        self.postings.get(term as usize).is_some_and(|p| p.binary_search_by_key(&doc, |&(d, _)| d).is_ok())
    }

    /// Adds the BM25 score of each document for `query` (distinct term ids) into `out`
    /// (resized to the number of documents and zeroed first). Returns the highest score.
    pub fn score_into(&self, query: &[u32], out: &mut Vec<f32>) -> f32 {
        out.clear();
        out.resize(self.doc_len.len(), 0.0);
        let n = self.doc_len.len() as f32;
        for &t in query {
            let Some(p) = self.postings.get(t as usize) else { continue };
            let df = p.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(doc, tf) in p {
                let dl = self.doc_len.get(doc as usize).copied().unwrap_or(0) as f32;
                let tf = f32::from(tf);
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * dl / self.avgdl));
                if let Some(o) = out.get_mut(doc as usize) {
                    *o += s;
                }
            }
        }
        out.iter().copied().fold(0.0, f32::max)
    }
}

/// A visitor's query, analysed once: distinct stems with the first word that produced each.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// (stem, folded word as typed)
    pub terms: Vec<(String, String)>,
}

impl Query {
    pub fn parse(analyzer: &mut Analyzer, text: &str) -> Query {
        let mut terms: Vec<(String, String)> = Vec::new();
        analyzer.each_term(text, |stem, word| {
            if !terms.iter().any(|(s, _)| s == stem) {
                terms.push((stem.to_string(), word.to_string()));
            }
        });
        Query { terms }
    }

    /// Term ids in `index` (terms the index has never seen are dropped), with their position in `terms`.
    pub fn ids(&self, index: &Bm25) -> Vec<(u32, usize)> {
        self.terms.iter().enumerate().filter_map(|(i, (s, _))| index.term_id(s).map(|id| (id, i))).collect()
    }

    /// The query against `index`: its terms there ([`Query::ids`]), each document's score and the
    /// best score (`Bm25::score_into`).
    pub fn scores(&self, index: &Bm25) -> (Vec<(u32, usize)>, Vec<f32>, f32) {
        let ids = self.ids(index);
        let term_ids: Vec<u32> = ids.iter().map(|(t, _)| *t).collect();
        let mut scores = Vec::new();
        let max = index.score_into(&term_ids, &mut scores);
        (ids, scores, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(fold("Cantù"), "cantu");
        assert_eq!(fold("Città dell'Insubria"), "citta dell insubria");
        assert_eq!(fold("SÒLCO-Como"), "solco como");
    }

    #[test]
    fn stems_italian_and_drops_stop_words() {
        let mut a = Analyzer::new();
        let t = a.terms("I giovani e il lavoro");
        assert_eq!(t.len(), 2);
        assert_eq!(a.terms("giovane"), a.terms("giovani"));
    }

    #[test]
    fn bm25_ranks_the_document_with_the_term() {
        let mut a = Analyzer::new();
        let docs = vec![a.terms("casa per giovani"), a.terms("anziani soli"), a.terms("lavoro giovani giovani")];
        let idx = Bm25::build(docs);
        let q = Query::parse(&mut a, "giovani");
        let ids: Vec<u32> = q.ids(&idx).into_iter().map(|(t, _)| t).collect();
        let mut out = Vec::new();
        let max = idx.score_into(&ids, &mut out);
        assert!(max > 0.0);
        assert_eq!(out.get(1).copied(), Some(0.0));
        assert!(out[2] > out[0]);
    }
}
