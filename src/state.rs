//! All of the app's state and every transition, in one reducer (as in yew's function_todomvc).
//! Components dispatch `Action`s; they never change state themselves. Side effects (storage,
//! URL, timers) react to the state in `platform` hooks, never here: this file is pure and is
//! tested natively.

use std::rc::Rc;

use welfare_core::codec::share::{self, ShareError};
use welfare_core::{clamp_chars, Answers, Beneficiary, CofinancingSource, Lang, Limits, Member, Need};
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
pub fn step_for_rule(rule: &welfare_core::rules::call::Rule) -> Step {
    use welfare_core::rules::call::Rule;
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

/// Answers saved on this device that a share link opened over them would replace: kept (and not
/// overwritten in storage) until the visitor chooses between them and the link's.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedDraft {
    pub call_id: String,
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub step: Step,
    pub call_id: String,
    pub answers: Answers,
    pub notice: Option<Notice>,
    /// A saved draft a share link has not replaced yet: the visitor chooses (`OpenDraft`, `KeepLink`).
    pub draft: Option<SavedDraft>,
    /// Bumped on every reset, so views keyed on it drop any leftover local state.
    pub session: u32,
    /// The member just added from a suggestion on the result page (`AddSuggested`), which one click
    /// undoes (`UndoAdd`); any other change of answers or step forgets it.
    pub last_added: Option<u32>,
}

impl AppState {
    pub fn new(lang: Lang, call_id: impl Into<String>) -> AppState {
        AppState {
            lang,
            step: Step::Start,
            call_id: call_id.into(),
            answers: Answers::default(),
            notice: None,
            draft: None,
            session: 0,
            last_added: None,
        }
    }

    /// The state a page load starts in: a share link in the fragment (`r=w2.…`) wins (other answers
    /// saved on this device are kept aside, as `draft`, until the visitor chooses); otherwise answers
    /// saved on this device are resumed and the fragment's step (`/rete`) is shown.
    pub fn from_page(lang: Lang, call_id: &str, fragment: &str, saved: Option<&str>) -> AppState {
        let mut state = AppState::new(lang, call_id);
        if let Some(code) = fragment.strip_prefix("r=") {
            match share::decode(code) {
                Ok((call_id, answers)) => {
                    state.draft = saved
                        .and_then(|saved| share::decode(saved).ok())
                        .filter(|(saved_call, saved_answers)| {
                            *saved_answers != Answers::default() && (saved_call, saved_answers) != (&call_id, &answers)
                        })
                        .map(|(call_id, answers)| SavedDraft { call_id, answers });
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

    /// The share code of the current answers (`w2.…`).
    pub fn share_code(&self) -> String {
        share::encode(&self.call_id, &self.answers)
    }

    /// What to save on this device now: the current answers' code, unless there is nothing to save
    /// or a saved draft is waiting for the visitor's choice (saving would overwrite it).
    pub fn to_save(&self) -> Option<String> {
        (self.draft.is_none() && self.answers != Answers::default()).then(|| self.share_code())
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
    AddMunicipality {
        istat: String,
        province: String,
    },
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
    SetMoney {
        total_cost: Option<u64>,
        requested_grant: Option<u64>,
    },
    ToggleCofinancing(CofinancingSource),
    SetMerit {
        question: String,
        answer: Option<u8>,
    },
    /// Replace the share link's answers with the draft saved on this device (and show it for review).
    OpenDraft,
    /// Keep the share link's answers: they replace the saved draft.
    KeepLink,
    /// Forget every answer and return to the start page.
    Reset,
    SetNotice(Option<Notice>),
    /// A suggested partner joins the network from the result page (remembered for `UndoAdd`).
    AddSuggested(Member),
    /// Removes the member `AddSuggested` just added.
    UndoAdd,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if !matches!(action, Action::SetLang(_) | Action::SetNotice(_) | Action::AddSuggested(_)) {
            s.last_added = None;
        }
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
                    .filter(|m| welfare_core::rules::call::province_of_municipality(m) == Some(code.as_str()))
                    .cloned()
                    .collect();
                s.answers.territory.municipalities.retain(|m| !gone.contains(m));
            }
            Action::AddMunicipality { istat, province } => {
                add_unique(&mut s.answers.territory.municipalities, istat);
                add_unique(&mut s.answers.territory.provinces, province);
            }
            Action::RemoveMunicipality(istat) => s.answers.territory.municipalities.retain(|m| *m != istat),
            // Past the limit the member would be lost on reload (the codec keeps `Limits::MEMBERS`);
            // the form says so instead of adding.
            Action::AddMember(member) => {
                add_member(&mut s.answers, member);
            }
            Action::UpdateMember(mut member) => {
                member.name = member.name.trim().to_string();
                clamp_chars(&mut member.name, Limits::NAME);
                if let Some(existing) = s.answers.members.iter_mut().find(|m| m.id == member.id) {
                    *existing = member;
                }
            }
            Action::RemoveMember(id) => remove_member(&mut s.answers, id),
            Action::SetLead(lead) => {
                s.answers.lead = lead.filter(|id| s.answers.members.iter().any(|m| m.id == *id));
            }
            Action::ToggleNeed(need) => toggle(&mut s.answers.needs, need),
            Action::ToggleBeneficiary(b) => toggle(&mut s.answers.beneficiaries, b),
            Action::SetDescription(mut text) => {
                clamp_chars(&mut text, Limits::DESCRIPTION);
                s.answers.description = text;
            }
            Action::SetMoney { total_cost, requested_grant } => {
                s.answers.money.total_cost = total_cost;
                s.answers.money.requested_grant = requested_grant;
            }
            Action::ToggleCofinancing(source) => toggle(&mut s.answers.money.cofinancing, source),
            Action::SetMerit { question, answer } => {
                s.answers.merit.retain(|(q, _)| *q != question);
                if let Some(a) = answer.filter(|_| s.answers.merit.len() < Limits::LIST) {
                    s.answers.merit.push((question, a.min(3)));
                }
            }
            Action::SetNotice(notice) => s.notice = notice,
            Action::AddSuggested(member) => s.last_added = add_member(&mut s.answers, member),
            Action::UndoAdd => {
                if let Some(id) = self.last_added {
                    remove_member(&mut s.answers, id);
                }
            }
            Action::OpenDraft => {
                if let Some(draft) = s.draft.take() {
                    s.call_id = draft.call_id;
                    s.answers = draft.answers;
                    s.step = Step::Review;
                    s.notice = Some(Notice::Resumed);
                }
            }
            Action::KeepLink => s.draft = None,
            Action::Reset => {
                s.answers = Answers::default();
                s.step = Step::Start;
                s.notice = None;
                s.draft = None;
                s.session = s.session.wrapping_add(1);
            }
        }
        Rc::new(s)
    }
}

/// Adds a member with an id of its own (its name trimmed and within `Limits::NAME`); the first member
/// leads until another is chosen. Past `Limits::MEMBERS` the member would be lost on reload (the codec
/// keeps that many): nothing is added (the form says so). The new member's id, if added.
fn add_member(answers: &mut Answers, mut member: Member) -> Option<u32> {
    if !answers.can_add_member() {
        return None;
    }
    member.name = member.name.trim().to_string();
    clamp_chars(&mut member.name, Limits::NAME);
    member.id = answers.next_member_id();
    if answers.members.is_empty() && answers.lead.is_none() {
        answers.lead = Some(member.id);
    }
    answers.members.push(member);
    answers.members.last().map(|m| m.id)
}

fn remove_member(answers: &mut Answers, id: u32) {
    answers.members.retain(|m| m.id != id);
    if answers.lead == Some(id) {
        answers.lead = None;
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

/// Adds `item` unless it is empty, there already, or the list is full (`Limits::LIST`, what the codec keeps).
fn add_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) && list.len() < Limits::LIST {
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
    fn a_suggestion_added_from_the_result_is_undone_in_one_step() {
        let mut s = AppState::new(Lang::It, "2016");
        s.step = Step::Result;
        s = reduce(s, Action::AddMember(Member { name: "Cooperativa Alfa".into(), ..Member::default() }));
        let before = s.answers.clone();
        let suggested = Member { name: "Comune di Lecco".into(), letter_of_intent: Some(false), ..Member::default() };
        s = reduce(s, Action::AddSuggested(suggested));
        assert_eq!(s.step, Step::Result, "the page stays on the result");
        assert_eq!(s.answers.members.len(), 2);
        let added = s.answers.members.last().cloned().unwrap();
        assert_eq!((added.name.as_str(), added.letter_of_intent), ("Comune di Lecco", Some(false)));
        assert_eq!(s.last_added, Some(added.id));
        assert_ne!(added.id, before.members[0].id);
        // A language switch keeps the undo; undoing restores the answers exactly.
        s = reduce(s, Action::SetLang(Lang::En));
        assert_eq!(s.last_added, Some(added.id));
        let undone = reduce(s.clone(), Action::UndoAdd);
        assert_eq!((undone.answers.clone(), undone.last_added), (before.clone(), None));
        assert_eq!(reduce(undone.clone(), Action::UndoAdd).answers, before, "a second undo changes nothing");
        // Any other change forgets what to undo: an undo then removes nothing.
        let moved = reduce(s.clone(), Action::Go(Step::Network));
        assert_eq!(moved.last_added, None);
        assert_eq!(reduce(moved, Action::UndoAdd).answers.members.len(), 2);
        // The first member of an empty network leads; undoing it clears the lead.
        let first =
            reduce(AppState::new(Lang::It, "2016"), Action::AddSuggested(Member { name: "Comune di Lecco".into(), ..Member::default() }));
        assert_eq!(first.answers.lead, first.last_added);
        let cleared = reduce(first, Action::UndoAdd);
        assert_eq!((cleared.answers.lead, cleared.answers.members.len()), (None, 0));
        // A full network: nothing added, nothing to undo.
        let mut full = AppState::new(Lang::It, "2016");
        for i in 0..Limits::MEMBERS {
            full = reduce(full, Action::AddMember(Member { name: format!("Ente {i}"), ..Member::default() }));
        }
        let refused = reduce(full, Action::AddSuggested(Member { name: "Uno di troppo".into(), ..Member::default() }));
        assert_eq!((refused.answers.members.len(), refused.last_added), (Limits::MEMBERS, None));
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

        let damaged = AppState::from_page(Lang::It, "2016", "r=w2.%%%", Some(&code));
        assert_eq!(damaged.step, Step::Start);
        assert_eq!(damaged.answers, Answers::default(), "a bad link restores nothing, not even saved answers");
        assert!(matches!(damaged.notice, Some(Notice::ShareError(ShareError::Damaged))));

        let old = AppState::from_page(Lang::It, "2016", &format!("r={}", code.replacen("w2.", "w0.", 1)), None);
        assert!(matches!(old.notice, Some(Notice::ShareError(ShareError::UnknownVersion(_)))));

        let resumed = AppState::from_page(Lang::En, "2016", "/rete", Some(&code));
        assert_eq!((resumed.step, resumed.notice.clone()), (Step::Network, Some(Notice::Resumed)));
        assert_eq!(resumed.answers, answers);

        let fresh = AppState::from_page(Lang::It, "2016", "/nowhere", Some("garbage"));
        assert_eq!((fresh.step, fresh.notice), (Step::Start, None));
    }

    /// Every action that adds or types something, past its limit: the answers stay within what the
    /// share codec keeps, so a reload or a share link gives them back unchanged.
    #[test]
    fn the_answers_never_exceed_what_a_reload_keeps() {
        fn long(n: usize) -> String {
            "é".repeat(n)
        }
        let member = |i: usize| Member { name: format!("Ente {i} {}", long(Limits::NAME)), ..Member::default() };
        // (what, the action for the i-th time, how many times, the check afterwards)
        type Case = (&'static str, Box<dyn Fn(usize) -> Action>, usize, Box<dyn Fn(&Answers) -> bool>);
        let cases: Vec<Case> = vec![
            (
                "members",
                Box::new(move |i| Action::AddMember(member(i))),
                Limits::MEMBERS + 3,
                Box::new(|a: &Answers| {
                    a.members.len() == Limits::MEMBERS && a.members.iter().all(|m| m.name.chars().count() == Limits::NAME)
                }),
            ),
            (
                "a renamed member",
                Box::new(move |i| {
                    if i == 0 {
                        Action::AddMember(Member { name: "x".into(), ..Member::default() })
                    } else {
                        Action::UpdateMember(Member { id: 1, name: long(Limits::NAME * 2), ..Member::default() })
                    }
                }),
                2,
                Box::new(|a: &Answers| a.members.first().is_some_and(|m| m.name.chars().count() == Limits::NAME)),
            ),
            (
                "description",
                Box::new(move |_| Action::SetDescription(long(Limits::DESCRIPTION + 10))),
                1,
                Box::new(|a: &Answers| a.description.chars().count() == Limits::DESCRIPTION),
            ),
            (
                "provinces",
                Box::new(|i| Action::AddProvince(format!("P{i}"))),
                Limits::LIST + 3,
                Box::new(|a: &Answers| a.territory.provinces.len() == Limits::LIST),
            ),
            (
                "municipalities",
                Box::new(|i| Action::AddMunicipality { istat: format!("{i:06}"), province: "SO".into() }),
                Limits::LIST + 3,
                Box::new(|a: &Answers| a.territory.municipalities.len() == Limits::LIST),
            ),
            (
                "merit answers",
                Box::new(|i| Action::SetMerit { question: format!("q{i}"), answer: Some(1) }),
                Limits::LIST + 3,
                Box::new(|a: &Answers| a.merit.len() == Limits::LIST),
            ),
        ];
        for (what, action, times, check) in &cases {
            let mut s = AppState::new(Lang::It, "2016");
            for i in 0..*times {
                s = reduce(s, action(i));
            }
            assert!(check(&s.answers), "{what}: the cap does not hold");
            assert!(s.answers.clone().clamped() == s.answers, "{what}: past the codec's limits");
            let back = share::decode(&s.share_code());
            assert!(back.as_ref().is_ok_and(|(_, a)| *a == s.answers), "{what}: lost on reload ({:?})", back.err());
        }
    }

    /// A link whose members all have id u32::MAX: decoded, they are numbered 1..n, so a member added
    /// next has an id of its own and Remove deletes exactly one.
    #[test]
    fn members_of_a_crafted_link_keep_distinct_ids() {
        let crafted = Answers {
            members: (0..3).map(|i| Member { id: u32::MAX, name: format!("Ente {i}"), ..Member::default() }).collect(),
            lead: Some(u32::MAX),
            ..Answers::default()
        };
        let mut s = AppState::from_page(Lang::It, "2016", &format!("r={}", share::encode("2016", &crafted)), None);
        s = reduce(s, Action::AddMember(Member { name: "Nuovo".into(), ..Member::default() }));
        let ids: Vec<u32> = s.answers.members.iter().map(|m| m.id).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        assert_eq!(s.answers.lead, Some(1));
        s = reduce(s, Action::RemoveMember(4));
        assert_eq!(s.answers.members.len(), 3, "one member removed, not every one with the id");
    }

    /// A share link opened on a device with other saved answers: the link shows, the saved draft is
    /// kept (and not overwritten in storage) until the visitor opens it or keeps the link.
    #[test]
    fn a_share_link_keeps_a_different_saved_draft_until_the_visitor_chooses() {
        let linked = Answers { description: "dal link".into(), ..Answers::default() };
        let saved = Answers { description: "la mia bozza".into(), ..Answers::default() };
        let link = format!("r={}", share::encode("2017", &linked));
        let saved_code = share::encode("2016", &saved);

        let s = AppState::from_page(Lang::It, "2016", &link, Some(&saved_code));
        assert_eq!((s.step, s.answers.clone(), s.call_id.as_str()), (Step::Result, linked.clone(), "2017"));
        assert_eq!(s.draft, Some(SavedDraft { call_id: "2016".into(), answers: saved.clone() }));
        assert_eq!(s.to_save(), None, "storage keeps the draft while the visitor has not chosen");

        // Anything the visitor does meanwhile (another notice, an edit) still keeps the draft.
        let mut waiting = reduce(s.clone(), Action::SetNotice(Some(Notice::StorageUnavailable)));
        waiting = reduce(waiting, Action::ToggleNeed(Need::Housing));
        assert!(waiting.draft.is_some() && waiting.to_save().is_none());

        let opened = reduce(s.clone(), Action::OpenDraft);
        assert_eq!((opened.answers.clone(), opened.call_id.as_str(), opened.step), (saved.clone(), "2016", Step::Review));
        assert_eq!((opened.draft.clone(), opened.notice.clone()), (None, Some(Notice::Resumed)));
        assert_eq!(opened.to_save(), Some(saved_code.clone()));

        let kept = reduce(s.clone(), Action::KeepLink);
        assert_eq!((kept.answers.clone(), kept.draft.clone()), (linked.clone(), None));
        assert_eq!(kept.to_save(), Some(share::encode("2017", &linked)), "the link's answers replace the draft");

        let forgotten = reduce(s, Action::Reset);
        assert_eq!((forgotten.draft.clone(), forgotten.to_save()), (None, None), "forgetting forgets the draft too");

        // Nothing to choose: the same answers, an empty or unreadable draft, or a damaged link.
        for (fragment, saved) in [
            (link.clone(), Some(share::encode("2017", &linked))),
            (link.clone(), Some(share::encode("2016", &Answers::default()))),
            (link.clone(), Some("garbage".to_string())),
            (link.clone(), None),
            ("r=w2.%%%".to_string(), Some(saved_code.clone())),
        ] {
            let s = AppState::from_page(Lang::It, "2016", &fragment, saved.as_deref());
            assert_eq!(s.draft, None, "{fragment} over {saved:?}");
        }
    }
}
