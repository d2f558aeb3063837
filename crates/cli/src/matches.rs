//! `welfare match --call ID [--now YYYY-MM-DDTHH:MM] [--data DIR] [--catalog DIR] [--text [--lang it|en]]
//! [--drafts] ANSWERS_FILE`: the funded projects and the partners the result page shows for a set of
//! answers, each with its reasons, the way the widget gets them: the catalog compiled from its sources
//! and packed as `build.rs` packs it, read by a catalog `Engine`, asked `Request::Match` over the wire
//! format (bytes in, bytes out, as the engine's wasm module is asked) with the gaps of the verdict
//! (`Gaps::from_verdict` of `evaluate`) and the result page's `Limits::default()`. Printed as the
//! `MatchesView`'s pretty JSON, or with `--text` as the page's numbered cards. Without `--drafts` the
//! cards carry no message draft (as on a kiosk).

use std::path::PathBuf;

use welfare_core::catalog::engine::{decode_response, encode_request, Engine, MatchesView, Request, Response};
use welfare_core::catalog::import::load_catalog;
use welfare_core::catalog::matching::{Gaps, Limits};
use welfare_core::catalog::message::Context;
use welfare_core::{evaluate, Lang, Text};

use crate::assess::{Input, When};
use crate::catalog_validate::read_sources;
use welfare_core::codec::pack::encode_catalog_for_widget;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub when: When,
    /// The catalog's source files (default: DATA/catalog)
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// The cards as text, numbered, instead of JSON
    #[arg(long)]
    pub text: bool,
    /// The language of the text
    #[arg(long, value_name = "it|en", default_value = "it", value_parser = parse_lang, requires = "text")]
    pub lang: Lang,
    /// Put in each card a draft of a first message, as the widget does (except on a kiosk)
    #[arg(long)]
    pub drafts: bool,
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("`{code}` is not a language of the widget: it or en"))
}

/// One request over the wire format, as the web app asks the engine's wasm module.
pub fn ask(engine: &mut Engine, request: &Request) -> Response {
    decode_response(&engine.handle_bytes(&encode_request(request)))
}

/// A catalog engine holding the catalog of `dir` as the widget gets it: compiled and validated from
/// the sources, slimmed and packed (`catalog-validate --out`), read from those bytes.
pub fn engine(dir: &str) -> Result<Engine, String> {
    let catalog =
        load_catalog(&read_sources(dir)?).map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    let mut engine = Engine::new();
    // Not validated again, as the build's own catalog is not: `load_catalog` has just validated it.
    match ask(&mut engine, &Request::Load { name: dir.to_string(), bytes: encode_catalog_for_widget(catalog), validate: false }) {
        Response::Loaded(problems) if problems.is_empty() => Ok(engine),
        Response::Loaded(problems) => Err(problems.join("\n")),
        other => Err(format!("the catalog engine answered {other:?}")),
    }
}

/// What the result page would show for the answers of `args`.
pub fn view(args: &Args) -> Result<MatchesView, String> {
    let (call, answers) = args.input.read()?;
    let dir = args.catalog.clone().unwrap_or_else(|| args.input.data.join("catalog"));
    let mut engine = engine(&dir.display().to_string())?;
    let verdict = evaluate(&call, &answers, args.when.now());
    // The app's request (src/app.rs): the verdict's gaps, the default limits, the call's name and
    // deadline for the drafts.
    let message = args.drafts.then(|| Context { call: call.name.clone(), deadline: call.deadline });
    let request = Request::Match { answers, gaps: Gaps::from_verdict(&verdict), limits: Limits::default(), message };
    match ask(&mut engine, &request) {
        Response::Matches(view) => Ok(view),
        Response::Failed(e) => Err(e),
        other => Err(format!("the catalog engine answered {other:?}")),
    }
}

/// The result page's words (src/i18n.rs), in `lang`.
struct Words {
    partners: &'static str,
    projects: &'static str,
    none: &'static str,
    why: &'static str,
    edition: &'static str,
    unverified: &'static str,
    source: &'static str,
    draft: &'static str,
}

impl Words {
    fn new(lang: Lang) -> Words {
        let pick = |it, en| match lang {
            Lang::It => it,
            Lang::En => en,
        };
        Words {
            partners: pick("Partner che potresti coinvolgere", "Partners you could involve"),
            projects: pick("Progetti finanziati da cui imparare", "Funded projects to learn from"),
            none: pick(
                "Nessun risultato per ora: aggiungi bisogni, territorio o una descrizione.",
                "No results yet: add needs, territory or a description.",
            ),
            why: pick("Perché:", "Why:"),
            edition: pick("Edizione", "Edition"),
            unverified: pick("dati da verificare", "data to be checked"),
            source: pick("Fonte", "Source"),
            draft: pick("Bozza del messaggio per", "Draft message to"),
        }
    }
}

/// One card as text: what the page shows of a partner or a funded project.
struct Card<'a> {
    name: &'a str,
    /// Kind or edition, places, "data to be checked": the line under the name.
    facts: Vec<String>,
    summary: Option<&'a str>,
    reasons: &'a [Text],
    source: Option<&'a String>,
    draft: Option<&'a Text>,
}

impl Card<'_> {
    fn write(&self, out: &mut String, n: usize, words: &Words, lang: Lang) {
        out.push_str(&format!("\n{n}. {}\n   {}\n", self.name, self.facts.join(" · ")));
        if let Some(summary) = self.summary {
            out.push_str(&format!("   {summary}\n"));
        }
        out.push_str(&format!("   {}\n", words.why));
        for r in self.reasons {
            out.push_str(&format!("   - {}\n", r.get(lang)));
        }
        if let Some(url) = self.source {
            out.push_str(&format!("   {}: {url}\n", words.source));
        }
        if let Some(draft) = self.draft {
            out.push_str(&format!("   {} {}:\n", words.draft, self.name));
            for line in draft.get(lang).lines() {
                out.push_str(&if line.is_empty() { "   >\n".to_string() } else { format!("   > {line}\n") });
            }
        }
    }
}

/// The cards as the result page shows them, in `lang`: the partners, then the funded projects, each
/// numbered, with its kind or edition, its places, each reason on its own line, its source and, if
/// asked, its draft.
pub fn text(view: &MatchesView, lang: Lang) -> String {
    let words = Words::new(lang);
    let unverified = |verified: bool| (!verified).then(|| words.unverified.to_string());
    let partners = view.partners.iter().map(|p| Card {
        name: &p.name,
        facts: [Some(p.kind.label().get(lang).to_string()), (!p.places.is_empty()).then(|| p.places.join(", ")), unverified(p.verified)]
            .into_iter()
            .flatten()
            .collect(),
        summary: None,
        reasons: &p.reasons,
        source: p.source.as_ref(),
        draft: p.draft.as_ref(),
    });
    let projects = view.projects.iter().map(|p| Card {
        name: &p.name,
        facts: [
            Some(format!("{} {}", words.edition, p.edition_year)),
            (!p.provinces.is_empty()).then(|| p.provinces.join(", ")),
            unverified(p.verified),
        ]
        .into_iter()
        .flatten()
        .collect(),
        summary: Some(p.summary.get(lang)),
        reasons: &p.reasons,
        source: p.source.as_ref(),
        draft: p.draft.as_ref(),
    });
    let mut out = String::new();
    let sections: [(&str, Vec<Card>); 2] = [(words.partners, partners.collect()), (words.projects, projects.collect())];
    for (i, (heading, cards)) in sections.iter().enumerate() {
        out.push_str(&format!("{}{heading}\n", if i == 0 { "" } else { "\n" }));
        if cards.is_empty() {
            out.push_str(&format!("\n{}\n", words.none));
        }
        for (n, card) in cards.iter().enumerate() {
            card.write(&mut out, n + 1, &words, lang);
        }
    }
    out
}

pub fn run(args: Args) -> i32 {
    let printed = view(&args).and_then(|view| {
        if args.text {
            Ok(text(&view, args.lang))
        } else {
            serde_json::to_string_pretty(&view).map(|json| json + "\n").map_err(|e| e.to_string())
        }
    });
    match printed {
        Ok(printed) => {
            out!("{printed}");
            0
        }
        Err(e) => {
            eprintln!("welfare match: {e}");
            2
        }
    }
}
