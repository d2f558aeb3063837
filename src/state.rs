//! All of the app's state and every transition, in one reducer (as in yew's function_todomvc).
//! Components dispatch `Action`s; they never change state themselves. Side effects (storage,
//! URL, timers) react to the state in `platform` hooks, never here: this file is pure and is
//! tested natively.

use std::rc::Rc;

use welfare_core::share::{self, ShareError};
use welfare_core::{Answers, Beneficiary, CofinancingSource, Lang, Member, Need};
use yew::Reducible;

/// The screens of the journey, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Start,
    Territory,
    Network,
    Needs,
    Money,
    Merit,
    Review,
    Result,
}

impl Step {
    pub const ALL: [Step; 8] =
        [Step::Start, Step::Territory, Step::Network, Step::Needs, Step::Money, Step::Merit, Step::Review, Step::Result];

    /// The slug used in the URL (`#/territorio`).
    pub fn slug(self) -> &'static str {
        match self {
            Step::Start => "",
            Step::Territory => "territorio",
            Step::Network => "rete",
            Step::Needs => "bisogno",
            Step::Money => "risorse",
            Step::Merit => "valutazione",
            Step::Review => "riepilogo",
            Step::Result => "esito",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Step {
        Step::ALL.get(self.index() + 1).copied().unwrap_or(Step::Result)
    }

    pub fn prev(self) -> Step {
        self.index().checked_sub(1).and_then(|i| Step::ALL.get(i).copied()).unwrap_or(Step::Start)
    }

    /// (number, total) of the question steps, for "Step 2 of 6"; `None` for start, review, result.
    pub fn progress(self) -> Option<(usize, usize)> {
        let questions = [Step::Territory, Step::Network, Step::Needs, Step::Money, Step::Merit];
        questions.iter().position(|s| *s == self).map(|i| (i + 1, questions.len()))
    }
}

/// The question page where a rule's answers are given: "change" and "answer" links go there.
pub fn step_for_rule(rule: &welfare_core::call::Rule) -> Step {
    use welfare_core::call::Rule;
    match rule {
        Rule::TerritoryWithin => Step::Territory,
        Rule::MinTotalCost { .. } | Rule::MaxGrant { .. } => Step::Money,
        Rule::BeforeDeadline => Step::Start,
        Rule::MinMembersOfSectors { .. }
        | Rule::MinMembersOfKinds { .. }
        | Rule::LeadKindAdmissible
        | Rule::LettersOfIntent
        | Rule::NonConventionalActors { .. }
        | Rule::AmbitoScale { .. } => Step::Network,
    }
}

/// A message about where the answers came from, or why they could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Answers saved earlier on this device were restored.
    Resumed,
    /// Answers came from a share link.
    ShareRestored,
    /// A share link could not be read.
    ShareError(ShareError),
    /// The browser refuses local storage: answers live only in this page.
    StorageUnavailable,
    /// The host's updated catalog could not be used (why, in plain words); the bundled one is.
    CatalogFailed(String),
    /// The bundled catalog could not be loaded (why): the check works, the suggestions do not.
    CatalogUnavailable(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub step: Step,
    pub call_id: String,
    pub answers: Answers,
    pub notice: Option<Notice>,
    /// Bumped on every reset, so views keyed on it drop any leftover local state.
    pub session: u32,
}

impl AppState {
    pub fn new(lang: Lang, call_id: impl Into<String>) -> AppState {
        AppState { lang, step: Step::Start, call_id: call_id.into(), answers: Answers::default(), notice: None, session: 0 }
    }

    /// The state a page load starts in: a share link in the fragment (`r=w1.…`) wins; otherwise
    /// answers saved on this device are resumed and the fragment's step (`/rete`) is shown.
    pub fn from_page(lang: Lang, call_id: &str, fragment: &str, saved: Option<&str>) -> AppState {
        let mut state = AppState::new(lang, call_id);
        if let Some(code) = fragment.strip_prefix("r=") {
            match share::decode(code) {
                Ok((call_id, answers)) => {
                    state.call_id = call_id;
                    state.answers = answers;
                    state.step = Step::Result;
                    state.notice = Some(Notice::ShareRestored);
                }
                Err(e) => state.notice = Some(Notice::ShareError(e)),
            }
            return state;
        }
        if let Some(Ok((saved_call, answers))) = saved.map(share::decode) {
            if answers != Answers::default() {
                state.call_id = saved_call;
                state.answers = answers;
                state.notice = Some(Notice::Resumed);
            }
        }
        if let Some(step) = fragment.strip_prefix('/').and_then(Step::from_slug) {
            state.step = step;
        }
        state
    }

    /// The share code of the current answers (`w1.…`).
    pub fn share_code(&self) -> String {
        share::encode(&self.call_id, &self.answers)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Go(Step),
    Next,
    Back,
    /// Replace every answer (restore from storage or a share link).
    Restore(Answers),
    AddProvince(String),
    RemoveProvince(String),
    /// A municipality (ISTAT code) and its province, which is added to the territory too.
    AddMunicipality { istat: String, province: String },
    RemoveMunicipality(String),
    /// Adds a member; its id is assigned here. The first member leads until another is chosen.
    AddMember(Member),
    /// Replaces the member with the same id.
    UpdateMember(Member),
    RemoveMember(u32),
    SetLead(Option<u32>),
    ToggleNeed(Need),
    ToggleBeneficiary(Beneficiary),
    SetDescription(String),
    SetMoney { total_cost: Option<u64>, requested_grant: Option<u64> },
    ToggleCofinancing(CofinancingSource),
    SetMerit { question: String, answer: Option<u8> },
    /// Forget every answer and return to the start page.
    Reset,
    SetNotice(Option<Notice>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Go(step) => s.step = step,
            Action::Next => s.step = s.step.next(),
            Action::Back => s.step = s.step.prev(),
            Action::Restore(answers) => s.answers = answers,
            Action::AddProvince(code) => add_unique(&mut s.answers.territory.provinces, code),
            Action::RemoveProvince(code) => {
                s.answers.territory.provinces.retain(|p| *p != code);
                let gone: Vec<String> = s
                    .answers
                    .territory
                    .municipalities
                    .iter()
                    .filter(|m| welfare_core::call::province_of_municipality(m) == Some(code.as_str()))
                    .cloned()
                    .collect();
                s.answers.territory.municipalities.retain(|m| !gone.contains(m));
            }
            Action::AddMunicipality { istat, province } => {
                add_unique(&mut s.answers.territory.municipalities, istat);
                add_unique(&mut s.answers.territory.provinces, province);
            }
            Action::RemoveMunicipality(istat) => s.answers.territory.municipalities.retain(|m| *m != istat),
            Action::AddMember(mut member) => {
                member.name = member.name.trim().to_string();
                member.id = s.answers.next_member_id();
                if s.answers.members.is_empty() && s.answers.lead.is_none() {
                    s.answers.lead = Some(member.id);
                }
                s.answers.members.push(member);
            }
            Action::UpdateMember(mut member) => {
                member.name = member.name.trim().to_string();
                if let Some(existing) = s.answers.members.iter_mut().find(|m| m.id == member.id) {
                    *existing = member;
                }
            }
            Action::RemoveMember(id) => {
                s.answers.members.retain(|m| m.id != id);
                if s.answers.lead == Some(id) {
                    s.answers.lead = None;
                }
            }
            Action::SetLead(lead) => {
                s.answers.lead = lead.filter(|id| s.answers.members.iter().any(|m| m.id == *id));
            }
            Action::ToggleNeed(need) => toggle(&mut s.answers.needs, need),
            Action::ToggleBeneficiary(b) => toggle(&mut s.answers.beneficiaries, b),
            Action::SetDescription(text) => s.answers.description = text,
            Action::SetMoney { total_cost, requested_grant } => {
                s.answers.money.total_cost = total_cost;
                s.answers.money.requested_grant = requested_grant;
            }
            Action::ToggleCofinancing(source) => toggle(&mut s.answers.money.cofinancing, source),
            Action::SetMerit { question, answer } => {
                s.answers.merit.retain(|(q, _)| *q != question);
                if let Some(a) = answer {
                    s.answers.merit.push((question, a.min(3)));
                }
            }
            Action::SetNotice(notice) => s.notice = notice,
            Action::Reset => {
                s.answers = Answers::default();
                s.step = Step::Start;
                s.notice = None;
                s.session = s.session.wrapping_add(1);
            }
        }
        Rc::new(s)
    }
}

fn toggle<T: PartialEq + Ord>(list: &mut Vec<T>, item: T) {
    if let Some(at) = list.iter().position(|x| *x == item) {
        list.remove(at);
    } else {
        list.push(item);
        welfare_core::order::sort_small(list);
    }
}

fn add_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: AppState, a: Action) -> AppState {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn steps_walk_forward_and_back_and_stop_at_the_ends() {
        let mut s = AppState::new(Lang::It, "2016");
        let mut seen = vec![s.step];
        for _ in 0..10 {
            s = reduce(s, Action::Next);
            seen.push(s.step);
        }
        assert_eq!(&seen[..8], &Step::ALL);
        assert_eq!(s.step, Step::Result);
        for _ in 0..10 {
            s = reduce(s, Action::Back);
        }
        assert_eq!(s.step, Step::Start);
    }

    #[test]
    fn slugs_round_trip_and_are_distinct() {
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::from_slug("nonsense"), None);
    }

    #[test]
    fn reset_forgets_answers_and_changes_session() {
        let mut s = AppState::new(Lang::En, "2016");
        s.answers.description = "segreto".into();
        s.step = Step::Money;
        let r = reduce(s.clone(), Action::Reset);
        assert_eq!(r.answers, Answers::default());
        assert_eq!(r.step, Step::Start);
        assert_ne!(r.session, s.session);
        assert_eq!(r.lang, Lang::En, "the language survives a reset");
    }

    #[test]
    fn members_get_distinct_ids_the_first_leads_and_removing_the_lead_clears_it() {
        let mut s = AppState::new(Lang::It, "2016");
        for name in ["Comune di Sondrio", "  Coop Alfa  "] {
            s = reduce(s, Action::AddMember(Member { name: name.into(), ..Member::default() }));
        }
        let ids: Vec<u32> = s.answers.members.iter().map(|m| m.id).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        assert_eq!(s.answers.members[1].name, "Coop Alfa", "names are trimmed");
        assert_eq!(s.answers.lead, Some(ids[0]), "the first member leads by default");

        // Editing keeps the id and the position.
        let mut edited = s.answers.members[1].clone();
        edited.name = "Cooperativa Alfa".into();
        s = reduce(s, Action::UpdateMember(edited));
        assert_eq!(s.answers.members[1].name, "Cooperativa Alfa");
        assert_eq!(s.answers.members.len(), 2);

        s = reduce(s, Action::SetLead(Some(999)));
        assert_eq!(s.answers.lead, None, "a lead must be a member");
        s = reduce(s, Action::SetLead(Some(ids[0])));
        s = reduce(s, Action::RemoveMember(ids[0]));
        assert_eq!(s.answers.lead, None);
        assert_eq!(s.answers.members.len(), 1);
    }

    #[test]
    fn removing_a_province_removes_its_municipalities() {
        let mut s = AppState::new(Lang::It, "2016");
        s = reduce(s, Action::AddMunicipality { istat: "014061".into(), province: "SO".into() });
        s = reduce(s, Action::AddMunicipality { istat: "015146".into(), province: "MI".into() });
        assert_eq!(s.answers.territory.provinces, vec!["SO", "MI"]);
        s = reduce(s, Action::RemoveProvince("SO".into()));
        assert_eq!(s.answers.territory.provinces, vec!["MI"]);
        assert_eq!(s.answers.territory.municipalities, vec!["015146"]);
    }

    #[test]
    fn toggles_add_and_remove_and_merit_answers_replace() {
        let mut s = AppState::new(Lang::It, "2016");
        s = reduce(s, Action::ToggleNeed(Need::Housing));
        s = reduce(s, Action::ToggleNeed(Need::Poverty));
        assert_eq!(s.answers.needs, vec![Need::Poverty, Need::Housing]);
        s = reduce(s, Action::ToggleNeed(Need::Housing));
        assert_eq!(s.answers.needs, vec![Need::Poverty]);
        s = reduce(s, Action::SetMerit { question: "q1".into(), answer: Some(2) });
        s = reduce(s, Action::SetMerit { question: "q1".into(), answer: Some(9) });
        assert_eq!(s.answers.merit, vec![("q1".to_string(), 3)]);
        s = reduce(s, Action::SetMerit { question: "q1".into(), answer: None });
        assert!(s.answers.merit.is_empty());
    }

    #[test]
    fn a_page_load_restores_a_share_link_then_saved_answers_then_the_step() {
        let answers = Answers { description: "orti sociali".into(), ..Answers::default() };
        let code = share::encode("2017", &answers);

        let shared = AppState::from_page(Lang::It, "2016", &format!("r={code}"), None);
        assert_eq!((shared.step, shared.call_id.as_str()), (Step::Result, "2017"));
        assert_eq!(shared.answers, answers);
        assert_eq!(shared.notice, Some(Notice::ShareRestored));

        let damaged = AppState::from_page(Lang::It, "2016", "r=w1.%%%", Some(&code));
        assert_eq!(damaged.step, Step::Start);
        assert_eq!(damaged.answers, Answers::default(), "a bad link restores nothing, not even saved answers");
        assert!(matches!(damaged.notice, Some(Notice::ShareError(ShareError::Damaged))));

        let old = AppState::from_page(Lang::It, "2016", &format!("r={}", code.replacen("w1.", "w0.", 1)), None);
        assert!(matches!(old.notice, Some(Notice::ShareError(ShareError::UnknownVersion(_)))));

        let resumed = AppState::from_page(Lang::En, "2016", "/rete", Some(&code));
        assert_eq!((resumed.step, resumed.notice.clone()), (Step::Network, Some(Notice::Resumed)));
        assert_eq!(resumed.answers, answers);

        let fresh = AppState::from_page(Lang::It, "2016", "/nowhere", Some("garbage"));
        assert_eq!((fresh.step, fresh.notice), (Step::Start, None));
    }
}
