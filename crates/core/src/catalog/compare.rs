//! "Your idea beside the funded ones": for each figure the catalog knows of some funded projects
//! (total cost, grant share, members, public bodies, third-sector members), their distribution
//! over the projects that have it (minimum, quartiles, maximum and how many projects it rests on)
//! and where the visitor's idea stands. Part of the catalog engine ([`crate::catalog::engine`]): the view is
//! display-ready, positions on a 0..=100 axis and texts in both languages.
//!
//! Only real figures: a project counts for a figure only when its sources give it. Its members are
//! counted when its partner list names each one (no collective entry such as "the municipalities of
//! the district"), its lead is known and the list is not in doubt (`unconfirmed.partners`); its public
//! bodies and third-sector members when, besides, every member's kind is stated or derived from its
//! name by the directory (not a fallback guess).

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, KindConfidence, Project};
use crate::model::{Answers, Sector};
use crate::text::number::euros;
use crate::text::{Lang, Text};

/// The figures compared, in the order the result page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figure {
    Cost,
    GrantShare,
    Members,
    PublicBodies,
    ThirdSector,
}

impl Figure {
    pub const ALL: [Figure; 5] = [Figure::Cost, Figure::GrantShare, Figure::Members, Figure::PublicBodies, Figure::ThirdSector];

    /// A stable id (the page's `data-figure`).
    pub fn id(self) -> &'static str {
        match self {
            Figure::Cost => "cost",
            Figure::GrantShare => "grant_share",
            Figure::Members => "members",
            Figure::PublicBodies => "public_bodies",
            Figure::ThirdSector => "third_sector",
        }
    }

    pub fn name(self) -> Text {
        match self {
            Figure::Cost => Text::new("Costo totale", "Total cost"),
            Figure::GrantShare => Text::new("Contributo sul costo totale", "Grant as a share of the cost"),
            Figure::Members => Text::new("Membri della rete", "Network members"),
            Figure::PublicBodies => Text::new("Enti pubblici nella rete", "Public bodies in the network"),
            Figure::ThirdSector => Text::new("Enti del terzo settore nella rete", "Third-sector members of the network"),
        }
    }

    /// What the visitor has not said when their idea has no value for this figure.
    fn missing(self) -> Text {
        match self {
            Figure::Cost => Text::new(
                "Non hai indicato il costo totale: la tua idea non è segnata.",
                "You have not given the total cost: your idea is not marked.",
            ),
            Figure::GrantShare => Text::new(
                "Non hai indicato il costo totale e il contributo richiesto: la tua idea non è segnata.",
                "You have not given the total cost and the grant you request: your idea is not marked.",
            ),
            Figure::Members => Text::new(
                "Non hai indicato i membri della rete: la tua idea non è segnata.",
                "You have not listed the network's members: your idea is not marked.",
            ),
            Figure::PublicBodies | Figure::ThirdSector => Text::new(
                "Non hai indicato il tipo di ogni membro della rete: la tua idea non è segnata.",
                "You have not given the kind of every network member: your idea is not marked.",
            ),
        }
    }

    /// A value of this figure as the page writes it.
    fn format(self, v: f64) -> Text {
        match self {
            Figure::Cost => {
                let eur = v.round().max(0.0) as u64;
                euros(eur)
            }
            Figure::GrantShare => {
                let pct = v.round();
                Text::new(format!("{pct} %"), format!("{pct}%"))
            }
            _ => {
                // Quartiles of counts may fall half-way between two projects.
                let tenths = (v * 10.0).round() / 10.0;
                Text::new(format!("{tenths}").replace('.', ","), format!("{tenths}"))
            }
        }
    }

    /// This figure of a funded project, when its sources give it.
    pub fn of_project(self, catalog: &Catalog, p: &Project) -> Option<f64> {
        match self {
            Figure::Cost => p.cost.map(|c| c as f64),
            Figure::GrantShare => match (p.grant, p.cost) {
                (Some(g), Some(c)) if c > 0 => Some(g as f64 * 100.0 / c as f64),
                _ => None,
            },
            Figure::Members => members_known(p).then_some(p.partners.len() as f64),
            Figure::PublicBodies | Figure::ThirdSector => {
                let want = if self == Figure::PublicBodies { Sector::Public } else { Sector::ThirdSector };
                if !members_known(p) {
                    return None;
                }
                let mut n = 0u32;
                for partner in &p.partners {
                    let org = partner.org.as_deref().and_then(|id| catalog.organisation(id))?;
                    if org.kind_confidence == KindConfidence::Inferred {
                        return None;
                    }
                    n += u32::from(org.kind.sector() == want);
                }
                Some(f64::from(n))
            }
        }
    }

    /// This figure of the visitor's idea, when they have given it.
    pub fn of_answers(self, a: &Answers) -> Option<f64> {
        let (cost, grant) = (a.money.total_cost.filter(|c| *c > 0), a.money.requested_grant);
        let sectors = |want: Sector| {
            let kinds: Option<Vec<_>> = a.members.iter().map(|m| m.kind).collect();
            kinds.filter(|k| !k.is_empty()).map(|k| k.iter().filter(|k| k.sector() == want).count() as f64)
        };
        match self {
            Figure::Cost => cost.map(|c| c as f64),
            Figure::GrantShare => Some(grant? as f64 * 100.0 / cost? as f64),
            Figure::Members => (!a.members.is_empty()).then_some(a.members.len() as f64),
            Figure::PublicBodies => sectors(Sector::Public),
            Figure::ThirdSector => sectors(Sector::ThirdSector),
        }
    }
}

/// A project's partner list names every member.
fn members_known(p: &Project) -> bool {
    p.lead.is_some() && !p.partners.is_empty() && !p.partners.iter().any(|x| x.collective) && !p.unconfirmed.contains_key("partners")
}

/// A distribution: `n` values, their minimum, quartiles (linear interpolation between the closest
/// ranks, as spreadsheets' `QUARTILE.INC`) and maximum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub n: u32,
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
}

impl Distribution {
    /// `None` for no values; non-finite values are left out.
    pub fn of(values: &[f64]) -> Option<Distribution> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        let at = |p: f64| {
            let h = (v.len().saturating_sub(1)) as f64 * p;
            let (lo, frac) = (h.floor() as usize, h - h.floor());
            let a = v.get(lo).copied()?;
            Some(a + frac * (v.get(lo + 1).copied().unwrap_or(a) - a))
        };
        Some(Distribution { n: v.len() as u32, min: at(0.0)?, q1: at(0.25)?, median: at(0.5)?, q3: at(0.75)?, max: at(1.0)? })
    }

    fn values(&self) -> [f64; 5] {
        [self.min, self.q1, self.median, self.q3, self.max]
    }
}

/// One figure as the result page shows it: few fields, all display-ready (the app's wasm decodes
/// it, and every field costs its first load).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureView {
    pub figure: Figure,
    /// "Costo totale · basato su 8 progetti": the figure and how many funded projects it rests on.
    pub caption: Text,
    /// The minimum, the median and the maximum in words, then where the idea stands (or what the
    /// visitor has not said).
    pub words: Text,
    /// The table's row: the figure, the number of projects, minimum, first quartile, median, third
    /// quartile, maximum, the idea's value (or a dash).
    pub row: Vec<Text>,
    /// Positions on the chart's axis, 0..=1000 (whole numbers: the app's wasm formats no float):
    /// the five statistics, then each project's value.
    pub at: Vec<u16>,
    /// The idea's position, when it has this figure.
    pub mark: Option<u16>,
}

/// The comparison: the figures some funded project has, in [`Figure::ALL`]'s order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CompareView {
    pub figures: Vec<FigureView>,
}

fn projects(n: u32) -> Text {
    if n == 1 {
        Text::new("1 progetto", "1 project")
    } else {
        Text::new(format!("{n} progetti"), format!("{n} projects"))
    }
}

/// A figure over the catalog: the projects' values, their distribution, the idea's value and the
/// projects below and above it (0 and 0 without one).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub figure: Figure,
    pub values: Vec<f64>,
    pub stats: Distribution,
    pub yours: Option<f64>,
    pub below: u32,
    pub above: u32,
}

impl Placed {
    /// `None` when no funded project has the figure.
    pub fn new(catalog: &Catalog, answers: &Answers, figure: Figure) -> Option<Placed> {
        let values: Vec<f64> = catalog.projects.iter().filter_map(|p| figure.of_project(catalog, p)).collect();
        let stats = Distribution::of(&values)?;
        let yours = figure.of_answers(answers).filter(|v| v.is_finite());
        let (below, above) =
            yours.map_or((0, 0), |y| (values.iter().filter(|v| **v < y).count() as u32, values.iter().filter(|v| **v > y).count() as u32));
        Some(Placed { figure, values, stats, yours, below, above })
    }

    pub fn view(&self) -> FigureView {
        let Placed { figure, stats, yours, below, above, .. } = *self;
        let (lo, hi) = yours.map_or((stats.min, stats.max), |y| (stats.min.min(y), stats.max.max(y)));
        let at = |v: f64| if hi > lo { (40.0 + 920.0 * (v - lo) / (hi - lo)).round() as u16 } else { 500 };
        let f = |v: f64| figure.format(v);
        let n = stats.n;
        let (min, med, max) = (f(stats.min), f(stats.median), f(stats.max));
        let placement = match yours {
            Some(y) => {
                let y = f(y);
                Text::new(
                    format!("La tua idea: {}. Progetti finanziati con un valore minore: {below} su {n}; maggiore: {above} su {n}.", y.it),
                    format!("Your idea: {}. Funded projects with a lower value: {below} of {n}; higher: {above} of {n}.", y.en),
                )
            }
            None => figure.missing(),
        };
        let (name, based_on) = (figure.name(), projects(n));
        let mut row = vec![name.clone(), Text::new(n.to_string(), n.to_string())];
        row.extend(stats.values().into_iter().map(f));
        row.push(yours.map_or_else(|| Text::new("—", "—"), f));
        FigureView {
            figure,
            caption: Text::new(format!("{} · basato su {}", name.it, based_on.it), format!("{} · based on {}", name.en, based_on.en)),
            words: Text::new(
                format!("Da {} a {}, mediana {}. {}", min.it, max.it, med.it, placement.it),
                format!("From {} to {}, median {}. {}", min.en, max.en, med.en, placement.en),
            ),
            row,
            at: stats.values().into_iter().chain(self.values.iter().copied()).map(at).collect(),
            mark: yours.map(at),
        }
    }
}

impl CompareView {
    pub fn new(catalog: &Catalog, answers: &Answers) -> CompareView {
        let figures = Figure::ALL.into_iter().filter_map(|f| Placed::new(catalog, answers, f)).map(|p| p.view()).collect();
        CompareView { figures }
    }

    /// The result page's section, in `lang`, as markup; empty when no figure is known. Built here, in
    /// the catalog engine, so that neither the view's decoder nor its drawing is in the app's first
    /// load: the app inserts it as it is. Per figure a strip of the projects' values (one tick each)
    /// over their box (quartiles, median) and the idea's mark, hidden from screen readers, and the
    /// same in words; the table holds every number (for screen readers, and printed). Its text is
    /// fixed labels and numbers only, escaped all the same.
    pub fn markup(&self, lang: Lang) -> String {
        if self.figures.is_empty() {
            return String::new();
        }
        let t = |it: &str, en: &str| escape(if lang == Lang::It { it } else { en });
        let mut out = format!(
            "<section aria-labelledby=\"wc-compare-heading\" class=\"wc-compare\"><h2 id=\"wc-compare-heading\" tabindex=\"-1\">{}</h2><p>{}</p>",
            t("La tua idea accanto ai progetti finanziati", "Your idea beside the funded ones"),
            t(
                "Per ogni dato, i progetti finanziati di cui le fonti lo riportano: ogni trattino è un progetto, il riquadro va dal primo al terzo quartile con la mediana, la barra più larga è la tua idea.",
                "For each figure, the funded projects whose sources give it: each tick is a project, the box runs from the first to the third quartile with the median, the wider bar is your idea.",
            ),
        );
        for f in &self.figures {
            let at = |i: usize| f.at.get(i).copied().unwrap_or(500);
            let (min, q1, med, q3, max) = (at(0), at(1), at(2), at(3), at(4));
            let rect = |class: &str, x: u16, y: &str, width: u16, height: u16| {
                format!("<rect class=\"wc-compare__{class}\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\"/>")
            };
            out += &format!(
                "<figure class=\"wc-compare__figure\" data-figure=\"{}\"><figcaption>{}</figcaption><svg class=\"wc-compare__chart\" viewBox=\"0 0 1000 12\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">",
                f.figure.id(),
                escape(f.caption.get(lang)),
            );
            out +=
                &format!("<rect class=\"wc-compare__whisker\" x=\"{min}\" y=\"5.5\" width=\"{}\" height=\"1\"/>", max.saturating_sub(min));
            out += &rect("box", q1, "3", q3.saturating_sub(q1).max(4), 6);
            out += &rect("median", med.saturating_sub(3), "3", 6, 6);
            for d in f.at.iter().skip(5) {
                out += &rect("dot", d.saturating_sub(2), "1", 4, 10);
            }
            if let Some(m) = f.mark {
                out += &rect("you", m.saturating_sub(9), "0", 18, 12);
            }
            let marked = if f.mark.is_some() { " wc-compare__words--marked" } else { "" };
            out += &format!("</svg><p class=\"wc-compare__words{marked}\">{}</p></figure>", escape(f.words.get(lang)));
        }
        out += &format!(
            "<table class=\"wc-compare__table\"><caption>{}</caption><thead><tr>",
            t("I dati dei progetti finanziati e della tua idea", "The funded projects' figures and your idea's")
        );
        for (it, en) in [
            ("Dato", "Figure"),
            ("Progetti", "Projects"),
            ("Minimo", "Minimum"),
            ("Primo quartile", "First quartile"),
            ("Mediana", "Median"),
            ("Terzo quartile", "Third quartile"),
            ("Massimo", "Maximum"),
            ("La tua idea", "Your idea"),
        ] {
            out += &format!("<th scope=\"col\">{}</th>", t(it, en));
        }
        out += "</tr></thead><tbody>";
        for f in &self.figures {
            out += "<tr>";
            for (i, cell) in f.row.iter().enumerate() {
                let cell = escape(cell.get(lang));
                out += &if i == 0 { format!("<th scope=\"row\">{cell}</th>") } else { format!("<td>{cell}</td>") };
            }
            out += "</tr>";
        }
        out + "</tbody></table></section>"
    }
}

/// Text for HTML, in an element or a quoted attribute.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            '\'' => out += "&#39;",
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::import::{load_catalog, CatalogSources};
    use crate::catalog::{Organisation, Origin, ProjectPartner};
    use crate::model::{Member, MemberKind, Money};
    use std::path::Path;

    fn real() -> Catalog {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
        load_catalog(&CatalogSources::read_dir(&dir, "data/catalog").unwrap()).unwrap().for_embedding()
    }

    fn admissible() -> Answers {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/examples/admissible.toml");
        crate::source::answers::parse_answers_toml("admissible.toml", &std::fs::read_to_string(file).unwrap()).unwrap()
    }

    #[test]
    fn distributions_by_hand() {
        let cases: &[(&[f64], Option<[f64; 5]>)] = &[
            (&[], None),
            (&[7.0], Some([7.0, 7.0, 7.0, 7.0, 7.0])),
            (&[3.0, 1.0], Some([1.0, 1.5, 2.0, 2.5, 3.0])),
            (&[5.0, 1.0, 3.0], Some([1.0, 2.0, 3.0, 4.0, 5.0])),
            (&[1.0, 2.0, 3.0, 4.0], Some([1.0, 1.75, 2.5, 3.25, 4.0])),
            (&[f64::NAN, 2.0], Some([2.0; 5])),
        ];
        for (values, want) in cases {
            let got = Distribution::of(values).map(|d| d.values());
            assert_eq!(got, *want, "{values:?}");
        }
    }

    fn org(id: &str, kind: MemberKind, confidence: KindConfidence) -> Organisation {
        Organisation {
            id: id.into(),
            name: id.into(),
            kind,
            kind_confidence: confidence,
            source_kind: String::new(),
            provinces: vec!["LC".into()],
            provinces_from: String::new(),
            projects: Vec::new(),
            needs: Vec::new(),
            description: None,
            sources: Vec::new(),
            verified: true,
            verified_note: None,
            origin: Origin::FundedProjects,
            istat: None,
            lead_municipality: None,
            website: None,
            aliases: Vec::new(),
            synthetic: false,
        }
    }

    fn project(id: &str, cost: Option<u64>, grant: Option<u64>, partners: &[&str]) -> Project {
        let mut p = real().projects.swap_remove(0);
        p.id = id.into();
        p.cost = cost;
        p.grant = grant;
        p.lead = Some("lead".into());
        p.unconfirmed.clear();
        p.partners = partners
            .iter()
            .map(|o| ProjectPartner { name: o.to_string(), source_kind: String::new(), org: Some(o.to_string()), collective: false })
            .collect();
        p
    }

    /// A small catalog whose every figure can be worked out by hand.
    #[test]
    fn exact_figures_of_a_small_catalog() {
        let mut c = real();
        c.organisations = vec![
            org("comune", MemberKind::Comune, KindConfidence::Stated),
            org("coop", MemberKind::SocialCooperative, KindConfidence::Derived),
            org("ditta", MemberKind::Company, KindConfidence::Stated),
            org("guess", MemberKind::Association, KindConfidence::Inferred),
        ];
        let mut collective = project("d", Some(4_000_000), None, &["comune"]);
        collective.partners[0].collective = true;
        let mut doubted = project("e", None, None, &["comune", "coop"]);
        doubted.unconfirmed.insert("partners".into(), "two sources differ".into());
        c.projects = vec![
            project("a", Some(1_000_000), Some(500_000), &["comune", "coop"]),
            project("b", Some(2_000_000), Some(1_000_000), &["comune", "coop", "coop", "ditta"]),
            project("c", Some(3_000_000), None, &["comune", "guess", "coop"]),
            collective,
            doubted,
        ];
        let mut answers = Answers {
            money: Money { total_cost: Some(2_500_000), requested_grant: Some(1_000_000), cofinancing: Vec::new() },
            ..Answers::default()
        };
        for (id, kind) in [(1, Some(MemberKind::Comune)), (2, Some(MemberKind::Comune)), (3, Some(MemberKind::Association))] {
            answers.members.push(Member { id, kind, ..Member::default() });
        }
        let view = CompareView::new(&c, &answers);
        type Row = (Figure, [f64; 5], u32, Option<f64>, u32, u32);
        let got: Vec<Row> = Figure::ALL
            .into_iter()
            .filter_map(|f| Placed::new(&c, &answers, f))
            .map(|f| (f.figure, f.stats.values(), f.stats.n, f.yours, f.below, f.above))
            .collect();
        let want = vec![
            (Figure::Cost, [1e6, 1.75e6, 2.5e6, 3.25e6, 4e6], 4, Some(2.5e6), 2, 2),
            (Figure::GrantShare, [50.0; 5], 2, Some(40.0), 0, 2),
            (Figure::Members, [2.0, 2.5, 3.0, 3.5, 4.0], 3, Some(3.0), 1, 1),
            (Figure::PublicBodies, [1.0; 5], 2, Some(2.0), 2, 0),
            (Figure::ThirdSector, [1.0, 1.25, 1.5, 1.75, 2.0], 2, Some(1.0), 0, 1),
        ];
        assert_eq!(got, want);
        let cost = &view.figures[0];
        assert_eq!(
            (cost.caption.it.as_str(), cost.caption.en.as_str()),
            ("Costo totale · basato su 4 progetti", "Total cost · based on 4 projects")
        );
        assert_eq!(
            cost.words.it,
            "Da 1.000.000 € a 4.000.000 €, mediana 2.500.000 €. La tua idea: 2.500.000 €. Progetti finanziati con un valore minore: 2 su 4; maggiore: 2 su 4."
        );
        assert_eq!(
            cost.words.en,
            "From EUR 1,000,000 to EUR 4,000,000, median EUR 2,500,000. Your idea: EUR 2,500,000. Funded projects with a lower value: 2 of 4; higher: 2 of 4."
        );
        assert_eq!(cost.at, vec![40, 270, 500, 730, 960, 40, 347, 653, 960]);
        assert_eq!(cost.mark, Some(500));
        let members = &view.figures[2];
        let cell = |i: usize| (members.row[i].it.as_str(), members.row[i].en.as_str());
        assert_eq!((cell(0).1, cell(1), cell(3), cell(7)), ("Network members", ("3", "3"), ("2,5", "2.5"), ("3", "3")));
        assert_eq!(view.figures[1].row[7].it, "40 %");
        assert_eq!(projects(1).en, "1 project");

        // Nothing said: every figure is there, none marked, each says what is missing.
        let view = CompareView::new(&c, &Answers::default());
        assert_eq!(view.figures.len(), 5);
        for f in &view.figures {
            assert_eq!((f.mark, f.row[7].it.as_str()), (None, "—"));
            assert!(f.words.it.contains(". Non hai indicato") && f.words.en.contains(". You have not"), "{f:?}");
        }
        // A member without a kind: the sector counts are not known, the member count is.
        answers.members.push(Member { id: 4, ..Member::default() });
        assert_eq!(Figure::ALL.map(|f| f.of_answers(&answers)), [Some(2.5e6), Some(40.0), Some(4.0), None, None]);
        // No project with a figure: the figure is left out.
        c.projects.truncate(0);
        assert!(CompareView::new(&c, &answers).figures.is_empty());
    }

    #[test]
    fn the_real_catalog() {
        let c = real();
        let answers = admissible();
        let view = CompareView::new(&c, &answers);
        assert_eq!(view.figures.iter().map(|f| f.figure).collect::<Vec<_>>(), Figure::ALL.to_vec());
        for (f, v) in Figure::ALL.into_iter().map(|f| Placed::new(&c, &answers, f).unwrap()).zip(&view.figures) {
            let n = c.projects.iter().filter(|p| f.figure.of_project(&c, p).is_some()).count() as u32;
            let s = f.stats;
            assert!(s.n == n && n >= 5 && (n as usize) < c.projects.len(), "{:?} rests on {n}", f.figure);
            assert!(s.min <= s.q1 && s.q1 <= s.median && s.median <= s.q3 && s.q3 <= s.max, "{s:?}");
            assert_eq!(v.at.len() as u32, n + 5);
            assert!(v.at.iter().chain(&v.mark).all(|x| (40..=960).contains(x)));
            // The admissible example gives every figure: it is marked, and placed among the projects.
            let yours = f.figure.of_answers(&answers).unwrap();
            assert!(v.mark.is_some() && f.yours == Some(yours));
            assert_eq!(f.below, f.values.iter().filter(|v| **v < yours).count() as u32);
            assert_eq!(f.above, f.values.iter().filter(|v| **v > yours).count() as u32);
            assert!(
                v.caption.it.ends_with(&format!("basato su {n} progetti")) && v.caption.en.ends_with(&format!("based on {n} projects"))
            );
        }
        // The sources give 8 costs; the cheapest project is Archimedes (650,000 euros).
        let cost = Placed::new(&c, &answers, Figure::Cost).unwrap();
        assert_eq!((cost.stats.n, cost.stats.min, cost.stats.max), (8, 650_000.0, 2_500_000.0));
        // A collective member ("the municipalities of the district") makes a project's members unknown.
        let living_land = c.project("living-land").unwrap();
        assert_eq!(Figure::Members.of_project(&c, living_land), None);
    }

    #[test]
    fn the_section_as_markup() {
        let c = real();
        let answers = admissible();
        let view = CompareView::new(&c, &answers);
        for (lang, heading, caption) in [
            (Lang::It, ">La tua idea accanto ai progetti finanziati</h2>", "basato su 8 progetti"),
            (Lang::En, ">Your idea beside the funded ones</h2>", "based on 8 projects"),
        ] {
            let html = view.markup(lang);
            assert!(html.starts_with("<section aria-labelledby=\"wc-compare-heading\"") && html.ends_with("</section>"), "{html}");
            assert!(html.contains(heading) && html.contains(caption), "{lang:?}");
            // One figure, one idea mark, one table row and a tick per project for each figure.
            assert_eq!(html.matches("<figure ").count(), view.figures.len());
            assert_eq!(html.matches("wc-compare__you").count(), view.figures.len());
            assert_eq!(html.matches("<th scope=\"row\">").count(), view.figures.len());
            let ticks: usize = view.figures.iter().map(|f| f.at.len() - 5).sum();
            assert_eq!(html.matches("class=\"wc-compare__dot\"").count(), ticks);
            assert_eq!(html.matches('<').count(), html.matches('>').count());
        }
        // Text is escaped; nothing to compare gives nothing to insert.
        let mut odd = view.clone();
        odd.figures.truncate(1);
        odd.figures[0].words = Text::new("<script>\"&'", "<b>");
        let html = odd.markup(Lang::It);
        assert!(html.contains("&lt;script&gt;&quot;&amp;&#39;") && !html.contains("<script>"), "{html}");
        assert_eq!(CompareView::default().markup(Lang::En), "");
    }
}
