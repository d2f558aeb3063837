//! A first message to a suggested partner or to a funded project, in the visitor's language: it
//! presents the idea (description, needs, territory), says why this organisation (the card's
//! reasons) and what is asked. The visitor copies it and sends it themselves: nothing is sent, and
//! no address is put in (the directory has none).

use serde::{Deserialize, Serialize};

use crate::catalog::Province;
use crate::model::Answers;
use crate::text::{Lang, Text};
use crate::time::RomeDateTime;

/// What a message needs from the call, which the catalog engine does not hold: the app sends it with
/// the answers, and the engine puts a draft in each card ([`crate::catalog::engine::MatchesView`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    pub call: Text,
    pub deadline: RomeDateTime,
}

/// The visitor's idea as the message presents it.
#[derive(Debug, Clone, PartialEq)]
pub struct Idea {
    pub description: String,
    /// The needs' labels.
    pub needs: Vec<Text>,
    /// Where the project takes place (province names).
    pub places: Vec<String>,
    pub call: Text,
    pub deadline: RomeDateTime,
}

impl Idea {
    /// The idea of these answers: their needs' labels and their provinces' names (`provinces`: the
    /// catalog's; a code it does not know is shown as it is).
    pub fn of(answers: &Answers, provinces: &[Province], context: &Context) -> Idea {
        let place = |code: &String| provinces.iter().find(|p| p.code == *code).map_or_else(|| code.clone(), |p| p.name.clone());
        Idea {
            description: answers.description.clone(),
            needs: answers.needs.iter().map(|n| n.label()).collect(),
            places: answers.territory.provinces.iter().map(place).collect(),
            call: context.call.clone(),
            deadline: context.deadline,
        }
    }
}

/// Whom the message is for, and so what it asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A possible partner: to join the network and sign a letter of intent before the deadline.
    Partner,
    /// A funded project: to share its experience and advice.
    Project,
}

/// The draft in both languages (the card carries it; the page shows the visitor's).
pub fn drafts(idea: &Idea, ask: Ask, name: &str, reasons: &[Text]) -> Text {
    Text::new(draft(Lang::It, idea, ask, name, reasons), draft(Lang::En, idea, ask, name, reasons))
}

/// The draft, in `lang`.
pub fn draft(lang: Lang, idea: &Idea, ask: Ask, name: &str, reasons: &[Text]) -> String {
    let it = lang == Lang::It;
    let pick = |i: &'static str, e: &'static str| if it { i } else { e };
    let mut out = format!("{} {name},\n\n", pick("Gentili", "Dear"));
    out += &format!(
        "{} «{}» {}",
        pick("stiamo preparando un'idea progettuale per il bando", "we are preparing a project idea for the call"),
        idea.call.get(lang),
        pick("di Fondazione Cariplo.", "by Fondazione Cariplo."),
    );
    let description = idea.description.trim();
    if !description.is_empty() {
        out += &format!("\n\n{} {description}", pick("L'idea in breve:", "The idea in brief:"));
    }
    let needs: Vec<&str> = idea.needs.iter().map(|n| n.get(lang)).collect();
    if !needs.is_empty() {
        out += &format!("\n{} {}.", pick("Bisogni a cui risponde:", "Needs it addresses:"), needs.join(", "));
    }
    if !idea.places.is_empty() {
        out += &format!("\n{} {}.", pick("Territorio:", "Where:"), idea.places.join(", "));
    }
    if !reasons.is_empty() {
        out += pick("\n\nVi scriviamo perché:", "\n\nWe are writing to you because:");
        for r in reasons {
            out += &format!("\n- {}", r.get(lang));
        }
    }
    let deadline = if it { idea.deadline.format_it() } else { idea.deadline.format_en() };
    out += &match (ask, it) {
        (Ask::Partner, true) => format!(
            "\n\nVi chiediamo se volete entrare nella rete e firmare una lettera d'intenti prima della scadenza del bando ({deadline})."
        ),
        (Ask::Partner, false) => format!(
            "\n\nWould you join the network and sign a letter of intent before the call's deadline ({deadline})?"
        ),
        (Ask::Project, true) => "\n\nVi chiediamo se potete condividere la vostra esperienza e qualche consiglio: che cosa ha funzionato nel vostro progetto, che cosa fareste diversamente.".into(),
        (Ask::Project, false) => "\n\nCould you share your experience and some advice: what worked in your project, and what you would do differently?".into(),
    };
    out += pick("\n\nGrazie per l'attenzione,\n[nome, ente e contatti]", "\n\nThank you for your time,\n[name, organisation and contacts]");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idea(description: &str, needs: &[Text]) -> Idea {
        Idea {
            description: description.into(),
            needs: needs.to_vec(),
            places: vec!["Lecco".into(), "Como".into()],
            call: Text::new("Welfare di Comunità e Innovazione Sociale", "Community Welfare and Social Innovation"),
            deadline: RomeDateTime::parse("2016-04-28T18:00").unwrap(),
        }
    }

    #[test]
    fn drafts_in_both_languages() {
        let elderly = Text::new("Anziani soli", "Lonely elderly people");
        let near = [Text::new("Lavora in provincia di Lecco", "Works in the province of Lecco")];
        // (language, description, needs, ask, what must be in the draft, what must not)
        type Case<'a> = (Lang, &'a str, &'a [Text], Ask, &'a [&'a str], &'a [&'a str]);
        let cases: &[Case] = &[
            (Lang::It, "Custodi sociali di quartiere.", std::slice::from_ref(&elderly), Ask::Partner, &[
                "Gentili Coop Alfa,\n\nstiamo preparando un'idea progettuale per il bando «Welfare di Comunità e Innovazione Sociale» di Fondazione Cariplo.",
                "\n\nL'idea in breve: Custodi sociali di quartiere.\nBisogni a cui risponde: Anziani soli.\nTerritorio: Lecco, Como.",
                "\n\nVi scriviamo perché:\n- Lavora in provincia di Lecco",
                "lettera d'intenti prima della scadenza del bando (28/04/2016 ore 18:00).",
                "[nome, ente e contatti]",
            ], &["consiglio", "Dear"]),
            (Lang::En, "Neighbourhood carers.", std::slice::from_ref(&elderly), Ask::Partner, &[
                "Dear Coop Alfa,\n\nwe are preparing a project idea for the call «Community Welfare and Social Innovation» by Fondazione Cariplo.",
                "\n\nThe idea in brief: Neighbourhood carers.\nNeeds it addresses: Lonely elderly people.\nWhere: Lecco, Como.",
                "\n\nWe are writing to you because:\n- Works in the province of Lecco",
                "sign a letter of intent before the call's deadline (28 April 2016, 18:00)?",
            ], &["advice", "Gentili"]),
            (Lang::It, "  ", &[], Ask::Project, &["Fondazione Cariplo.\nTerritorio: Lecco, Como.", "condividere la vostra esperienza e qualche consiglio"],
             &["L'idea in breve", "Bisogni", "lettera d'intenti"]),
            (Lang::En, "", &[], Ask::Project, &["by Fondazione Cariplo.\nWhere: Lecco, Como.", "share your experience and some advice"],
             &["in brief", "Needs", "letter of intent"]),
        ];
        for (lang, description, needs, ask, want, not) in cases {
            let got = draft(*lang, &idea(description, needs), *ask, "Coop Alfa", &near);
            for w in *want {
                assert!(got.contains(w), "{lang:?} {ask:?}: {w:?} missing from\n{got}");
            }
            for n in *not {
                assert!(!got.contains(n), "{lang:?} {ask:?}: {n:?} in\n{got}");
            }
        }
        // No reasons, no place: no empty heading.
        let mut bare = idea("", &[]);
        bare.places.clear();
        let got = draft(Lang::En, &bare, Ask::Project, "X", &[]);
        assert!(!got.contains("because") && !got.contains("Where"), "{got}");
    }
}
