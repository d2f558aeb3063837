//! The root component: owns the reducer, derives the verdict and the matches, wires the side
//! effects (URL, storage, kiosk idle watch, iframe height, catalog update), and shows the screen
//! for the current step.

use std::rc::Rc;

use welfare_core::catalog::engine::{MatchesView, PartnerCard};
use welfare_core::catalog::matching::{Gaps, Limits};
use welfare_core::rules::call::{Call, Rule};
use welfare_core::rules::eligibility::evaluate;
use welfare_core::rules::verdict::Verdict;
use welfare_core::rules::verdict::{changes, Status};
use welfare_core::time::RomeDateTime;
use welfare_core::{Lang, Text};
use yew::prelude::*;

use crate::components::autocomplete::Suggestion;
use crate::components::header::Header;
use crate::components::idle_dialog::IdleDialog;
use crate::components::matches::Matches;
use crate::components::member_form::Draft;
use crate::components::merit::Merit;
use crate::components::money::Money;
use crate::components::needs::Needs;
use crate::components::network::Network;
use crate::components::notice::{draft_choice, NoticeBanner};
use crate::components::result::ResultPage;
use crate::components::result_tools::ResultTools;
use crate::components::review::Review;
use crate::components::start::Start;
use crate::components::territory::{ProvinceChoice, Territory};
use crate::data::data;
use crate::hooks::{use_autosave, use_catalog, use_idle, use_step_history, Catalog};
use crate::i18n::K;
use crate::options::{share_base, Mode, Options};
use crate::platform;
use crate::state::{Action, AppState, Step};

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub options: Options,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let options = props.options.clone();
    let kiosk = options.kiosk;
    let state = {
        let options = options.clone();
        use_reducer(move || {
            // A kiosk never resumes another visitor's answers.
            let saved = if options.kiosk { None } else { platform::saved_answers() };
            AppState::from_page(options.lang, &options.call_id, &platform::hash(), saved.as_deref())
        })
    };
    let data = data();
    let catalog = {
        let state = state.clone();
        let notice = Callback::from(move |notice| state.dispatch(Action::SetNotice(Some(notice))));
        use_catalog(options.catalog_url.clone(), options.asset_base.clone(), notice)
    };
    let current = catalog.ready().cloned();

    // ---- Side effects, each reacting to the state.
    {
        let standalone = options.mode == Mode::Standalone;
        use_effect_with(state.lang, move |lang| {
            if standalone {
                platform::set_document_lang(*lang);
            }
        });
    }
    // Once the visitor has started, the catalog and its search index are prepared while they answer
    // (after the screen has painted), so the result does not wait for them.
    {
        use_effect_with((state.step == Step::Start, current.clone()), move |(on_start, current)| {
            let warm_up = match (on_start, current.clone()) {
                (false, Some(current)) => Some(gloo::timers::callback::Timeout::new(50, move || {
                    current.prepare();
                })),
                _ => None,
            };
            move || drop(warm_up)
        });
    }
    use_step_history(state.step, kiosk, {
        let state = state.clone();
        Callback::from(move |step| state.dispatch(Action::Go(step)))
    });
    use_autosave(state.clone(), kiosk);
    // An iframe tells its parent its height; a kiosk installs its offline cache (where the page is the
    // widget's: an element's `sw.js` would be resolved against the host's page, which is not ours).
    let owns_page = options.mode != Mode::Element;
    {
        let (mode, parent) = (options.mode, options.parent_origin.clone());
        use_effect_with((), move |_| {
            let reporter = if mode == Mode::Iframe { platform::report_height(parent) } else { None };
            if kiosk && owns_page {
                platform::register_service_worker();
            }
            move || drop(reporter)
        });
    }
    // The kiosk's idle watch: a countdown, then everything is wiped (memory, storage, URL; a kiosk's
    // history has no entry of its own to wipe). A wipe is also when a new deploy takes over a kiosk,
    // with one reload: nobody is using it then.
    let wipe = {
        let state = state.clone();
        Callback::from(move |_| {
            platform::wipe();
            state.dispatch(Action::Reset);
            if kiosk && owns_page {
                platform::take_update_at_wipe();
            }
        })
    };
    let idle_left = use_idle(kiosk && holds_a_visit(&state), options.idle_seconds, options.warning_seconds(), wipe.clone());

    let lang = state.lang;
    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| state.dispatch(Action::SetLang(lang)))
    };
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let now = options.now();
    // The verdict is derived from the answers, never stored: one computation a change. The start page
    // does not show it, so the first render (the page load) does not wait for it.
    let verdict = {
        let data = data.clone();
        let on_start = state.step == Step::Start;
        use_memo((state.answers.clone(), state.call_id.clone(), on_start), move |(answers, call_id, on_start)| {
            if *on_start {
                None
            } else {
                data.call(call_id).map(|call| platform::timed("wc-verdict", || evaluate(call, answers, now)))
            }
        })
    };
    // The matches, likewise derived: computed when the result shows, not again when the language
    // changes or the kiosk's countdown ticks (their texts carry both languages). `None` until there
    // is a catalog to ask; then the engine's answer, `None` if it failed (a trap in its module).
    // Each card carries a first message to send, except on a kiosk: a copied draft would stay in its
    // clipboard for the next visitor.
    let matches = {
        let on_result = state.step == Step::Result;
        let message = data
            .call(&state.call_id)
            .filter(|_| !kiosk)
            .map(|c| welfare_core::catalog::message::Context { call: c.name.clone(), deadline: c.deadline });
        use_memo(
            (state.answers.clone(), verdict.clone(), current.clone(), on_result, message),
            |(answers, verdict, current, on_result, message)| match (on_result, verdict.as_ref().as_ref(), current) {
                (true, Some(verdict), Some(current)) => Some(platform::timed("wc-matches", || {
                    current.matches(answers, &Gaps::from_verdict(verdict), Limits::default(), message.clone())
                })),
                _ => None,
            },
        )
    };
    // The idea beside the funded projects, likewise.
    let compare = {
        let on_result = state.step == Step::Result;
        use_memo((state.answers.clone(), current.clone(), on_result, lang), |(answers, current, on_result, lang)| {
            current.as_ref().filter(|_| *on_result).and_then(|c| c.compare(answers, *lang))
        })
    };

    // Focus follows the change: to "Undo" once a suggestion is added (the status beside it says what
    // changed), to the suggested partners once it is undone.
    use_effect_with(state.last_added, move |added| {
        if added.is_some() {
            platform::focus_id("wc-added-undo");
        }
    });

    let body = match data.call(&state.call_id) {
        None => html! {
            <div class="wc-panel wc-panel--error" role="alert">
                <h1 id="wc-heading" tabindex="-1">{ K::AppName.get(lang) }</h1>
                { for data.problems.iter().map(|p| html! { <p>{ p }</p> }) }
            </div>
        },
        Some(call) => screen(&Screen {
            state: &state,
            options: &options,
            call,
            catalog: &catalog,
            verdict: verdict.as_ref().as_ref(),
            matches: matches.as_ref().as_ref(),
            compare: compare.as_ref().as_ref(),
            now,
            on_action: &on_action,
            wipe: &wipe,
        }),
    };

    // The verdict is announced when the result appears (the region exists on every screen, so a
    // screen reader hears the change).
    let announcement = match (state.step, verdict.as_ref()) {
        (Step::Result, Some(v)) => v.headline.get(lang).to_string(),
        _ => String::new(),
    };
    let classes = classes!("wc-app", options.theme.class(), kiosk.then_some("wc-kiosk"));
    html! {
        <div class={classes} lang={lang.code()}>
            <a class="wc-skip" href="#wc-main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); platform::focus_id("wc-main"); })}>
                { K::SkipToContent.get(lang) }
            </a>
            <Header {lang} {on_lang} on_restart={kiosk.then(|| wipe.clone())} />
            <main id="wc-main" class="wc-main" tabindex="-1">
                if let Some(now) = options.now {
                    // A staff preview says so on every screen: its verdict holds for the simulated date only.
                    <p class="wc-panel wc-panel--warn wc-preview"><strong>{ K::PreviewBanner.fill(lang, &[&match lang { Lang::It => now.format_it(), Lang::En => now.format_en() }]) }</strong></p>
                }
                if state.draft.is_some() {
                    { draft_choice(lang, &on_action) }
                }
                if let Some(notice) = &state.notice {
                    <NoticeBanner {lang} notice={notice.clone()} on_dismiss={on_action.reform(|_| Action::SetNotice(None))} />
                }
                // Keyed by session: a wipe drops every component's local state (drafts, typed text).
                <div key={state.session}>{ body }</div>
            </main>
            <div class="wc-visually-hidden" role="status" aria-live="polite" id="wc-announcer">{ announcement }</div>
            if let Some(seconds) = idle_left {
                <IdleDialog {lang} {seconds} />
            }
        </div>
    }
}

/// Whether the page holds anything of a visitor: a step past the start page, or answers. A kiosk's idle
/// watch runs whenever it does, the start page included: a visitor who went Back to the start page and
/// walked away left their answers behind for the next one to find after "Start" (issue 13). Going back
/// to the start page does not wipe by itself: a visitor who pressed Back once too often expects to find
/// their answers again, as off a kiosk; walking away is what the idle time is for.
fn holds_a_visit(state: &AppState) -> bool {
    state.step != Step::Start || state.answers != welfare_core::Answers::default()
}

/// What a screen is drawn from: the state, what is derived from it (never stored), and the callbacks.
struct Screen<'a> {
    state: &'a AppState,
    options: &'a Options,
    call: &'a Rc<Call>,
    catalog: &'a Catalog,
    verdict: Option<&'a Verdict>,
    /// `None` until the result asks for them with a catalog there; then the engine's answer, `None` if it failed.
    matches: Option<&'a Option<MatchesView>>,
    compare: Option<&'a Html>,
    now: RomeDateTime,
    on_action: &'a Callback<Action>,
    wipe: &'a Callback<()>,
}

/// The screen of the current step: one switch, each step's props prepared beside it.
fn screen(s: &Screen) -> Html {
    let (lang, answers, on_action) = (s.state.lang, &s.state.answers, s.on_action.clone());
    let data = data();
    match s.state.step {
        Step::Start => html! {
            <Start {lang} call={s.call.clone()} now={s.now} on_start={on_action.reform(|_| Action::Next)} />
        },
        Step::Territory => {
            let provinces = data
                .provinces
                .iter()
                .map(|p| ProvinceChoice { code: p.code.clone(), name: p.name.clone(), in_territory: p.in_territory })
                .collect::<Vec<_>>();
            let chosen: Vec<(String, String)> =
                answers.territory.municipalities.iter().map(|i| (i.clone(), municipality_name(s.catalog, i))).collect();
            let search = {
                let current = s.catalog.ready().cloned();
                Callback::from(move |q: String| {
                    let Some(current) = &current else { return Vec::new() };
                    current
                        .search_municipalities(&q, 8)
                        .into_iter()
                        .map(|m| Suggestion { value: format!("{}:{}", m.istat, m.province), label: format!("{} ({})", m.name, m.province) })
                        .collect::<Vec<_>>()
                })
            };
            html! {
                <Territory {lang} {provinces} territory={answers.territory.clone()} chosen_municipalities={chosen}
                           {search} loading={s.catalog.loading()} {on_action} />
            }
        }
        Step::Network => {
            let provinces: Vec<(String, String)> = data.provinces.iter().map(|p| (p.code.clone(), p.name.clone())).collect();
            let hints = network_hints(s.call, s.verdict);
            let search = {
                let current = s.catalog.ready().cloned();
                Callback::from(move |q: String| {
                    let Some(current) = &current else { return Vec::new() };
                    current
                        .search_directory(&q, 8)
                        .into_iter()
                        .map(|h| {
                            let province = h.province.unwrap_or_default();
                            Suggestion {
                                value: Draft::suggestion_value(h.kind, &province, &h.key, &h.name),
                                label: format!("{} ({}, {province})", h.name, h.kind.label().get(lang)),
                            }
                        })
                        .collect::<Vec<_>>()
                })
            };
            html! {
                <Network {lang} members={answers.members.clone()} lead={answers.lead} {provinces} {hints} {search}
                         loading={s.catalog.loading()} {on_action} />
            }
        }
        Step::Needs => html! {
            <Needs {lang} needs={answers.needs.clone()} beneficiaries={answers.beneficiaries.clone()}
                   description={answers.description.clone()} {on_action} />
        },
        Step::Money => html! { <Money {lang} money={answers.money.clone()} {on_action} /> },
        Step::Merit => html! {
            <Merit {lang} dimensions={s.call.merit.clone()} answers={answers.merit.clone()} {on_action} />
        },
        Step::Review => {
            let province_name = |code: &String| data.province(code).map(|p| p.name.clone()).unwrap_or_else(|| code.clone());
            html! {
                <Review {lang} answers={answers.clone()}
                        province_names={answers.territory.provinces.iter().map(province_name).collect::<Vec<_>>()}
                        municipality_names={answers.territory.municipalities.iter().map(|i| municipality_name(s.catalog, i)).collect::<Vec<_>>()}
                        merit_questions={s.call.merit.iter().map(|d| d.questions.len()).sum::<usize>()}
                        {on_action} />
            }
        }
        Step::Result => match s.verdict {
            Some(verdict) => result(s, verdict),
            None => html! {},
        },
    }
}

/// A municipality's name from the catalog (its ISTAT code while the catalog is not there).
fn municipality_name(catalog: &Catalog, istat: &String) -> String {
    catalog.ready().and_then(|c| c.municipality_name(istat)).unwrap_or_else(|| format!("ISTAT {istat}"))
}

/// The live hints of the network page: the remedies of the network's gating criteria not met yet.
fn network_hints(call: &Call, verdict: Option<&Verdict>) -> Vec<Text> {
    let Some(verdict) = verdict else { return Vec::new() };
    verdict
        .criteria
        .iter()
        .filter(|c| c.gating && c.status == Status::NotMet)
        .filter(|c| {
            call.criterion(&c.id).is_some_and(|k| {
                matches!(k.rule, Rule::MinMembersOfSectors { .. } | Rule::MinMembersOfKinds { .. } | Rule::LeadKindAdmissible)
            })
        })
        .filter_map(|c| c.remedy_text.clone())
        .collect()
}

/// After a suggested partner joined from the result page: its name and what that changed in the
/// verdict (the verdict without it, against the current one), until another change forgets it.
/// Shown on the result page only, and only until the next change: computed there, not memoised.
fn added(state: &AppState, call: &Call, verdict: &Verdict, now: RomeDateTime) -> Option<(String, Vec<Text>)> {
    let member = state.answers.members.iter().find(|m| Some(m.id) == state.last_added)?;
    let mut without = state.answers.clone();
    without.members.retain(|m| m.id != member.id);
    without.lead = without.lead.filter(|l| *l != member.id);
    Some((member.name.clone(), changes(&evaluate(call, &without, now), verdict)))
}

/// The result page: the verdict, the matches (or why there are none yet), the tools, and what the
/// last suggested partner added changed.
fn result(s: &Screen, verdict: &Verdict) -> Html {
    let (lang, answers, on_action, kiosk) = (s.state.lang, &s.state.answers, s.on_action, s.options.kiosk);
    // Where "see the suggested partners" leads while there are none to show.
    let unavailable = |why: K| {
        html! {
            <p class="wc-panel wc-panel--warn" id="wc-partners-heading" tabindex="-1">{ why.get(lang) }</p>
        }
    };
    let matches = match (s.catalog.ready(), s.matches) {
        (Some(_), Some(Some(matches))) => {
            let provinces = answers.territory.provinces.clone();
            let on_add = on_action.reform(move |card: PartnerCard| Action::AddSuggested(card.to_member(&provinces)));
            html! { <>
                <Matches {lang} matches={matches.clone()} offline_links={kiosk} {on_add} />
                if let Some(section) = s.compare { { section.clone() } }
            </> }
        }
        // The engine failed while matching: there will be nothing to load.
        (Some(_), Some(None)) => unavailable(K::MatchesFailed),
        _ if s.catalog.missing() => unavailable(K::CatalogMissing),
        _ => html! {
            <p class="wc-panel" role="status" id="wc-partners-heading" tabindex="-1">{ K::CatalogLoading.get(lang) }</p>
        },
    };
    let code = s.state.share_code();
    // A share link carries what the visitor chose, never a staff preview date.
    let base = share_base(&platform::page_url());
    let share_url = format!("{base}#r={code}");
    let qr_base = kiosk.then(|| s.options.qr_base.clone().unwrap_or(base));
    let tools = html! {
        <ResultTools {lang} {share_url} qr_base={qr_base.map(AttrValue::from)} {kiosk}
                     call_id={s.state.call_id.clone()} answers={answers.clone()}
                     engine={s.catalog.ready().cloned()} engine_missing={s.catalog.missing()}
                     on_action={on_action.clone()} on_wipe={s.wipe.clone()} />
    };
    let undo = on_action.reform(|_| {
        platform::focus_id("wc-partners-heading");
        Action::UndoAdd
    });
    let added = added(s.state, s.call, verdict, s.now);
    let added = html! {
        <div class="wc-added wc-no-print">
            <div role="status" id="wc-added-status">
                if let Some((name, changes)) = added.as_ref() {
                    <div class="wc-panel wc-panel--ok">
                        <p>{ K::SuggestionAdded.fill(lang, &[name]) }</p>
                        <ul>{ for changes.iter().map(|c| html! { <li>{ c.get(lang) }</li> }) }</ul>
                    </div>
                }
            </div>
            if let Some((name, _)) = added.as_ref() {
                <button type="button" class="wc-button wc-button--secondary" id="wc-added-undo" onclick={undo}>
                    { K::SuggestionUndo.get(lang) }<span class="wc-visually-hidden">{ format!(": {name}") }</span>
                </button>
            }
        </div>
    };
    html! {
        <ResultPage {lang} verdict={verdict.clone()} call={s.call.clone()} {matches} {tools} {kiosk} {added}
                    on_action={on_action.clone()} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use welfare_core::Member;

    #[test]
    fn a_kiosk_watches_any_page_that_holds_a_visit_the_start_page_included() {
        let fresh = AppState::new(Lang::It, "2016");
        assert!(!holds_a_visit(&fresh), "a fresh start page has nothing to wipe");
        let started = Rc::new(fresh.clone()).reduce(Action::Next);
        assert!(holds_a_visit(&started));
        let back_at_start =
            started.reduce(Action::AddMember(Member { name: "Comune di Segreto".into(), ..Member::default() })).reduce(Action::Back);
        assert_eq!(back_at_start.step, Step::Start);
        assert!(holds_a_visit(&back_at_start), "answers on the start page are still a visit");
        assert!(!holds_a_visit(&back_at_start.reduce(Action::Reset)));
    }
}
