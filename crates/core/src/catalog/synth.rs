//! Synthetic partner directories for benchmarks: seeded, deterministic (xorshift64*), and clearly
//! labelled (`synthetic: true`, origin `synthetic`, names "Sintetico 000123 ..."). They are never
//! mixed into the real catalog: `validate_catalog` rejects any synthetic organisation.

use crate::catalog::{Catalog, KindConfidence, Organisation, Origin, TERRITORY};
use crate::model::{MemberKind, Need};

/// A small deterministic generator (xorshift64*), enough for benchmark data.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545F4914F6CDD1D)
    }

    /// Uniform in 0..n (n > 0; returns 0 for n == 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

const WORDS: &[&str] = &[
    "giovani",
    "lavoro",
    "casa",
    "abitare",
    "anziani",
    "domiciliarità",
    "caregiver",
    "famiglie",
    "genitorialità",
    "conciliazione",
    "disabilità",
    "autonomia",
    "salute",
    "mentale",
    "budget",
    "comunità",
    "quartiere",
    "vicinato",
    "povertà",
    "fragilità",
    "inclusione",
    "formazione",
    "orientamento",
    "scuola",
    "educazione",
    "minori",
    "adolescenti",
    "migranti",
    "accoglienza",
    "legalità",
    "mediazione",
    "giustizia",
    "riparativa",
    "welfare",
    "aziendale",
    "imprese",
    "volontariato",
    "cittadinanza",
    "partecipazione",
    "coprogettazione",
    "rete",
    "servizi",
    "sportello",
    "ascolto",
    "cura",
    "solidarietà",
    "emporio",
    "alimentare",
    "agricoltura",
    "sociale",
    "microcredito",
    "affitto",
    "coworking",
    "laboratorio",
    "cultura",
    "sport",
    "tempo",
    "libero",
    "montagna",
    "valle",
    "spopolamento",
    "innovazione",
    "raccolta",
    "fondi",
    "donazioni",
    "filiera",
    "tirocini",
    "neet",
    "occupabilità",
    "digitale",
    "trasporto",
    "mobilità",
    "badanti",
    "demenza",
    "isolamento",
    "relazioni",
    "legami",
    "periferie",
    "rigenerazione",
    "beni",
    "confiscati",
    "carcere",
    "recidiva",
    "dipendenze",
    "prevenzione",
    "psicologico",
    "sostegno",
    "tutoraggio",
];

const KIND_WORDS: &[(MemberKind, &str)] = &[
    (MemberKind::SocialCooperative, "Cooperativa sociale"),
    (MemberKind::SocialCooperative, "Cooperativa sociale"),
    (MemberKind::SocialCooperative, "Cooperativa sociale"),
    (MemberKind::Association, "Associazione"),
    (MemberKind::Association, "Associazione"),
    (MemberKind::Association, "APS"),
    (MemberKind::Association, "ODV"),
    (MemberKind::Foundation, "Fondazione"),
    (MemberKind::CooperativeConsortium, "Consorzio"),
    (MemberKind::OtherThirdSector, "Impresa sociale"),
    (MemberKind::Company, "Impresa"),
    (MemberKind::Company, "Srl"),
    (MemberKind::TradeAssociation, "Associazione di categoria"),
    (MemberKind::University, "Dipartimento universitario"),
    (MemberKind::Union, "Sindacato"),
    (MemberKind::Insurer, "Mutua"),
    (MemberKind::School, "Istituto comprensivo"),
    (MemberKind::MunicipalConsortium, "Azienda consortile"),
    (MemberKind::OtherPublic, "Ente pubblico"),
    (MemberKind::InformalGroup, "Gruppo di cittadini"),
];

/// `n` synthetic organisations, deterministic for a given `seed`.
pub fn organisations(n: usize, seed: u64) -> Vec<Organisation> {
    let mut rng = XorShift::new(seed);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (kind, kw) = rng.pick(KIND_WORDS).copied().unwrap_or((MemberKind::Association, "Associazione"));
        let w1 = rng.pick(WORDS).copied().unwrap_or("rete");
        let w2 = rng.pick(WORDS).copied().unwrap_or("comunità");
        let mut provinces = vec![rng.pick(&TERRITORY).copied().unwrap_or("MI").to_string()];
        if rng.below(5) == 0 {
            let p = rng.pick(&TERRITORY).copied().unwrap_or("MI").to_string();
            if !provinces.contains(&p) {
                provinces.push(p);
            }
        }
        let mut needs = Vec::new();
        for _ in 0..(1 + rng.below(3)) {
            if let Some(n) = rng.pick(&Need::ALL) {
                if !needs.contains(n) {
                    needs.push(*n);
                }
            }
        }
        let len = 6 + rng.below(12);
        let description: Vec<&str> = (0..len).filter_map(|_| rng.pick(WORDS).copied()).collect();
        out.push(Organisation {
            id: format!("synthetic-{i:06}"),
            name: format!("Sintetico {i:06} {kw} {w1} {w2}"),
            kind,
            kind_confidence: KindConfidence::Stated,
            source_kind: String::new(),
            provinces,
            provinces_from: "source".to_string(),
            projects: Vec::new(),
            needs,
            description: Some(description.join(" ")),
            sources: Vec::new(),
            verified: false,
            verified_note: None,
            origin: Origin::Synthetic,
            istat: None,
            lead_municipality: None,
            website: None,
            aliases: Vec::new(),
            synthetic: true,
        });
    }
    out
}

/// A separate catalog for benchmarks: the real projects, municipalities, provinces, adjacency and
/// weights of `base`, with a directory of `n` synthetic organisations instead of the real one.
pub fn catalog(base: &Catalog, n: usize, seed: u64) -> Catalog {
    Catalog { organisations: organisations(n, seed), ..base.clone() }
}

/// Free-text queries for benchmarks (what a visitor might write), deterministic for a given seed.
pub fn queries(n: usize, seed: u64) -> Vec<String> {
    let mut rng = XorShift::new(seed ^ 0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|_| {
            let len = 3 + rng.below(8);
            (0..len).filter_map(|_| rng.pick(WORDS).copied()).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_labelled() {
        let a = organisations(50, 7);
        let b = organisations(50, 7);
        assert_eq!(a, b);
        assert!(a.iter().all(|o| o.synthetic && o.name.starts_with("Sintetico ")));
        assert_ne!(organisations(50, 8), a);
    }
}
