//! The widget's reducer, natively: every `Action` from representative
//! states, on the shipped data.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::core::align::Align;
use movement_timeline::core::data::EventKind;
use movement_timeline::core::date::{days_from_civil, iso_day};
use movement_timeline::core::export::ExportFormat;
use movement_timeline::core::filter::Filter;
use movement_timeline::core::filter::{IdSet, KindSet};
use movement_timeline::core::i18n::Lang;
use movement_timeline::core::navigate::Step;
use movement_timeline::core::read::parse_dataset;
use movement_timeline::core::url_state::ViewState;
use movement_timeline::state::{Action, Effect, Layout, Load, LoadError, State, Theme};
use std::rc::Rc;

const DATA: &str = include_str!("../static/data/movements.json");
const WIDTH: f64 = 1000.0;

fn today() -> i32 {
    days_from_civil(2026, 11, 22)
}

fn fresh() -> Rc<State> {
    Rc::new(State::new(today(), Theme::Auto))
}

/// A widget 1000 px wide with the shipped data loaded.
fn loaded() -> Rc<State> {
    let data = parse_dataset(DATA).unwrap();
    fresh()
        .apply(Action::Resize { width_px: WIDTH })
        .apply(Action::Loaded(Rc::new(data)))
}

fn index(state: &State, id: &str) -> usize {
    state
        .data()
        .unwrap()
        .event_index(id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn id(state: &State, i: usize) -> &str {
    let data = state.data().unwrap();
    data.text(data.events[i].id)
}

fn shown_ids(state: &State) -> Vec<&str> {
    state.shown.iter().map(|&i| id(state, i)).collect()
}

fn window(state: &State) -> (String, String) {
    (
        iso_day(state.scale.start_day.floor() as i32),
        iso_day(state.scale.end_day.ceil() as i32),
    )
}

fn day(y: i32, m: u32, d: u32) -> f64 {
    f64::from(days_from_civil(y, m, d))
}

#[test]
fn loading_shows_the_history_from_the_first_founding_and_counts_what_is_earlier() {
    let s = loaded();
    assert!(matches!(s.load, Load::Ready(_)));
    assert_eq!(s.shown.len(), 30);
    let (start, end) = window(&s);
    // The RSM was founded on 7 March 2011; the day before, its two
    // predecessors met: they are in the window too.
    assert!(
        start.as_str() > "2010-01-01" && start.as_str() < "2011-03-06",
        "{start}"
    );
    assert!(end.as_str() > "2026-11-22", "DZNS still exists: {end}");
    assert_eq!(s.lanes.len(), 2);
    assert_eq!(s.scale.width_px, WIDTH);
    // The 1990s predecessor's two events are counted at the start.
    let out = s.drawn.outside;
    assert_eq!((out.before, out.after), (2, 0));
    assert_eq!(
        out.first.map(|(i, _)| id(&s, i)),
        Some("dzns-predecessor-movement")
    );
    // Bringing them in keeps the end and shows the whole history.
    let all = s.clone().apply(Action::Reveal { earlier: true });
    let (start, end_after) = window(&all);
    assert!(start.as_str() < "1990-01-01", "{start}");
    assert_eq!(end_after, end);
    assert_eq!(all.drawn.outside.before, 0);
    assert_eq!(
        s.clone().apply(Action::Reveal { earlier: false }),
        s,
        "nothing later: nothing changes"
    );
    // Fit goes back to the reader's window.
    assert_eq!(window(&all.apply(Action::Fit)), window(&s));
}

#[test]
fn zoomed_in_the_edges_count_the_events_on_each_side() {
    let s = loaded().apply(Action::ShowRange {
        start_day: day(2020, 1, 1),
        end_day: day(2021, 1, 1),
    });
    let out = s.drawn.outside;
    let data = s.data().unwrap();
    let count = |keep: &dyn Fn(f64, f64) -> bool| {
        s.shown
            .iter()
            .filter(|&&i| {
                let d = &data.events[i].date;
                keep(f64::from(d.earliest()), f64::from(d.latest_or(today()) + 1))
            })
            .count()
    };
    let (a, b) = (s.scale.start_day, s.scale.end_day);
    assert_eq!(out.before, count(&|_, end| end < a));
    assert_eq!(out.after, count(&|start, _| start > b));
    assert!(out.before > 2 && out.after > 0, "{out:?}");
    let later = s.apply(Action::Reveal { earlier: false });
    assert_eq!(later.drawn.outside.after, 0);
    assert_eq!(later.scale.start_day, day(2020, 1, 1));
}

#[test]
fn the_chart_spreads_the_counts_and_shares_the_window_when_zoomed_into_them() {
    let s = loaded();
    let chart = s.chart_apart().expect("its own window at first");
    // December 2019 to the year 2021, a little padded.
    assert!(chart.start_day > day(2019, 9, 1) && chart.start_day < day(2019, 12, 1));
    assert!(chart.end_day > day(2022, 1, 1) && chart.end_day < day(2022, 4, 1));
    assert_eq!(chart.width_px, WIDTH);
    let zoomed = s.apply(Action::ShowRange {
        start_day: day(2020, 1, 1),
        end_day: day(2020, 7, 1),
    });
    assert_eq!(zoomed.chart_apart(), None);
    assert_eq!(zoomed.chart_scale_or_window(), zoomed.scale);
    // With DZNS hidden no organisation has counts: no chart window.
    let rsm = zoomed.apply(Action::ToggleOrg("dzns".into()));
    assert!(rsm.drawn.chart.is_none());
}

#[test]
fn a_view_given_before_the_data_is_applied_when_it_arrives() {
    let data = parse_dataset(DATA).unwrap();
    let view = ViewState {
        orgs: Some(IdSet::from(["rsm".to_string()])),
        event: Some("rsm-dissolution".into()),
        ..ViewState::default()
    };
    let s = fresh()
        .apply(Action::Resize { width_px: WIDTH })
        .apply(Action::ApplyView(view));
    assert!(s.pending.is_some(), "kept until the data loads");
    let s = s.apply(Action::Loaded(Rc::new(data)));
    assert!(s.pending.is_none());
    assert_eq!(s.shown.len(), 9);
    assert_eq!(s.selected.map(|i| id(&s, i)), Some("rsm-dissolution"));
}

#[test]
fn failing_and_reloading_change_only_the_load_state() {
    let s = loaded();
    let failed = s.clone().apply(Action::Failed(LoadError::Network {
        reason: "HTTP 404".into(),
        url: "x.json".into(),
    }));
    assert_eq!(failed.load.as_attr(), "error");
    assert_eq!(failed.scale, s.scale);
    assert_eq!(failed.apply(Action::Reload).load.as_attr(), "loading");
}

#[test]
fn a_resize_to_the_same_width_changes_nothing() {
    let s = loaded();
    let same = s.clone().apply(Action::Resize {
        width_px: WIDTH + 0.2,
    });
    assert!(Rc::ptr_eq(&s, &same), "no new state, so nothing re-renders");
    let wider = s.clone().apply(Action::Resize { width_px: 1500.0 });
    assert_eq!(wider.scale.width_px, 1500.0);
    assert_eq!(
        wider.scale.start_day, s.scale.start_day,
        "the window keeps its start"
    );
}

#[test]
fn zooming_keeps_the_day_under_the_anchor_and_narrows_the_window() {
    let s = loaded();
    let anchor_px = 700.0;
    let anchor_day = s.scale.unmap(anchor_px);
    let z = s.clone().apply(Action::ZoomAt {
        anchor_px,
        factor: 2.0,
    });
    assert!((z.scale.span_days() - s.scale.span_days() / 2.0).abs() < 1.0);
    assert!((z.scale.unmap(anchor_px) - anchor_day).abs() < 0.01);
    let out = z.apply(Action::ZoomAt {
        anchor_px,
        factor: 0.01,
    });
    assert!(
        (out.scale.start_day - s.limits.min_day).abs() < 1e-6
            && (out.scale.end_day - s.limits.max_day).abs() < 1e-6,
        "zooming out stops at the data's whole span"
    );
}

#[test]
fn panning_moves_the_window_by_the_pixels_dragged() {
    let s = loaded().apply(Action::ZoomAt {
        anchor_px: 500.0,
        factor: 4.0,
    });
    let days_per_px = s.scale.span_days() / WIDTH;
    let p = s.clone().apply(Action::PanBy { dx_px: 100.0 });
    assert!((p.scale.start_day - (s.scale.start_day - 100.0 * days_per_px)).abs() < 0.01);
    assert!((p.scale.span_days() - s.scale.span_days()).abs() < 1e-6);
}

#[test]
fn show_range_fit_and_edges() {
    let s = loaded();
    let r = s.clone().apply(Action::ShowRange {
        start_day: day(2020, 1, 1),
        end_day: day(2021, 1, 1),
    });
    assert_eq!(window(&r), ("2020-01-01".into(), "2021-01-01".into()));
    let start = r.clone().apply(Action::ToEdge { start: true });
    assert_eq!(start.scale.start_day, s.limits.min_day);
    assert!((start.scale.span_days() - r.scale.span_days()).abs() < 1e-6);
    let end = r.clone().apply(Action::ToEdge { start: false });
    assert_eq!(end.scale.end_day, s.limits.max_day);
    assert_eq!(window(&r.apply(Action::Fit)), window(&s));
}

#[test]
fn fit_with_a_filter_shows_the_span_of_the_shown_events() {
    let s = loaded()
        .apply(Action::ToggleOrg("dzns".into()))
        .apply(Action::Fit);
    let (start, end) = window(&s);
    assert!(
        start.as_str() > "2010-01-01" && start.as_str() < "2011-03-06",
        "{start}"
    );
    assert!(
        end.as_str() > "2024-05-08" && end.as_str() < "2025-06-01",
        "{end}"
    );
}

#[test]
fn selecting_opens_the_event_focuses_it_and_brings_it_into_view() {
    let s = loaded().apply(Action::ShowRange {
        start_day: day(2011, 1, 1),
        end_day: day(2012, 1, 1),
    });
    let i = index(&s, "rsm-dissolution");
    let sel = s.apply(Action::Select(Some(i)));
    assert_eq!(sel.selected, Some(i));
    assert_eq!(sel.focused, Some(i));
    let on_screen = day(2024, 5, 8);
    assert!(sel.scale.start_day <= on_screen && on_screen <= sel.scale.end_day);
    let closed = sel.clone().apply(Action::Select(None));
    assert_eq!(closed.selected, None);
    assert_eq!(closed.focused, Some(i), "focus stays for the keyboard");
}

#[test]
fn focus_asks_the_view_to_move_dom_focus_each_time() {
    let s = loaded();
    let i = index(&s, "rsm-founded");
    let a = s.apply(Action::Focus(i));
    let b = a.clone().apply(Action::Focus(i));
    let focus: Vec<u32> = b
        .effects
        .iter()
        .filter(|(_, e)| *e == Effect::Focus(i))
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(focus.len(), 2, "each Focus queues a move of DOM focus");
    // Once the view has done them, they are gone.
    let done = b.apply(Action::EffectsDone(focus[1]));
    assert!(done.effects.is_empty());
}

#[test]
fn an_export_is_queued_once_and_a_picture_waits_to_be_drawn() {
    let s = loaded();
    let a = s.apply(Action::Export {
        format: ExportFormat::Png,
        download: true,
    });
    assert_eq!(a.picture_export(), Some(ExportFormat::Png));
    let n = a.effect_seq;
    let done = a.apply(Action::EffectsDone(n));
    assert_eq!(done.picture_export(), None);
    let csv = done.apply(Action::Export {
        format: ExportFormat::Csv,
        download: false,
    });
    assert_eq!(csv.picture_export(), None, "a table is not drawn");
    assert_eq!(csv.effects.len(), 1);
}

#[test]
fn steps_walk_the_shown_events_in_time_order() {
    let s = loaded();
    let first = s.clone().apply(Action::Step(Step::First));
    assert_eq!(
        first.focused.map(|i| id(&first, i)),
        Some("dzns-predecessor-movement")
    );
    let next = first.apply(Action::Step(Step::Next));
    assert_eq!(
        next.focused.map(|i| id(&next, i)),
        Some("dzns-predecessor-first-congress")
    );
    let last = next.apply(Action::Step(Step::Last));
    assert_eq!(last.focused.map(|i| id(&last, i)), Some("rsm-dissolution"));
    let prev = last.apply(Action::Step(Step::Prev));
    assert_eq!(
        prev.focused.map(|i| id(&prev, i)),
        Some("rsm-foreign-agent")
    );
    let up = prev.apply(Action::Step(Step::LaneUp));
    let e = &up.data().unwrap().events[up.focused.unwrap()];
    assert_eq!(
        up.data().unwrap().organisations[e.org].id,
        "dzns",
        "the lane above"
    );
}

#[test]
fn list_and_theme_toggles() {
    let s = loaded();
    assert!(s.clone().apply(Action::ToggleList).list_open);
    let themes: Vec<Theme> = [1, 2, 3]
        .iter()
        .scan(s.clone(), |st, _| {
            *st = st.clone().apply(Action::CycleTheme);
            Some(st.theme)
        })
        .collect();
    assert_eq!(themes, [Theme::Light, Theme::Dark, Theme::Auto]);
    assert_eq!(s.apply(Action::SetTheme(Theme::Dark)).theme, Theme::Dark);
}

#[test]
fn hiding_an_organisation_drops_its_events_and_a_hidden_selection() {
    let s = loaded();
    let i = index(&s, "dzns-first-congress");
    let s = s.apply(Action::Select(Some(i)));
    let rsm = s.apply(Action::ToggleOrg("dzns".into()));
    assert!(shown_ids(&rsm).iter().all(|id| id.starts_with("rsm-")));
    assert_eq!(rsm.shown.len(), 9);
    assert_eq!(rsm.selected, None, "the selection was hidden");
    assert_eq!(rsm.focused, None);
    assert_eq!(rsm.apply(Action::ToggleOrg("dzns".into())).shown.len(), 30);
}

#[test]
fn kind_text_and_whole_filters() {
    let s = loaded();
    let no_congress = s.clone().apply(Action::ToggleKind(EventKind::Congress));
    let congresses = s
        .data()
        .unwrap()
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Congress)
        .count();
    assert_eq!(no_congress.shown.len(), 30 - congresses);
    let text = s.clone().apply(Action::SetText("foreign agent".into()));
    assert_eq!(shown_ids(&text), ["rsm-foreign-agent", "rsm-dissolution"]);
    assert_eq!(
        text.search.len(),
        30,
        "the search index is built on first use"
    );
    assert!(s.search.is_empty(), "and not before");
    let whole = s.clone().apply(Action::SetFilter(Filter {
        orgs: Some(IdSet::from(["rsm".to_string()])),
        kinds: Some(KindSet::from([EventKind::Founding])),
        text: String::new(),
    }));
    assert_eq!(
        shown_ids(&whole),
        ["rsm-founded", "rsm-fourth-international-group"]
    );
    assert_eq!(whole.apply(Action::ResetFilters).shown.len(), 30);
}

#[test]
fn a_view_from_a_link_sets_filters_window_selection_theme_list_and_language() {
    let s = loaded();
    let view = ViewState {
        orgs: Some(IdSet::from(["rsm".to_string(), "nonexistent".to_string()])),
        kinds: None,
        text: String::new(),
        from: Some(days_from_civil(2024, 1, 1)),
        to: Some(days_from_civil(2024, 12, 31)),
        event: Some("rsm-foreign-agent".into()),
        theme: Some("dark".into()),
        list: true,
        lang: Some(Lang::Ru),
        align: Align::Calendar,
    };
    let v = s.apply(Action::ApplyView(view));
    assert_eq!(
        v.filter.orgs,
        Some(IdSet::from(["rsm".to_string()])),
        "unknown ids are dropped"
    );
    assert_eq!(window(&v), ("2024-01-01".into(), "2025-01-01".into()));
    assert_eq!(v.selected.map(|i| id(&v, i)), Some("rsm-foreign-agent"));
    assert_eq!(v.theme, Theme::Dark);
    assert!(v.list_open);
    assert_eq!(v.lang, Lang::Ru);
    assert_eq!(
        v.view_state().lang,
        Some(Lang::Ru),
        "a chosen language stays in the link"
    );
}

#[test]
fn the_view_state_round_trips_through_a_fresh_widget() {
    let s = loaded()
        .apply(Action::ToggleOrg("rsm".into()))
        .apply(Action::SetText("platoshkin".into()))
        .apply(Action::ShowRange {
            start_day: day(2020, 3, 1),
            end_day: day(2020, 9, 1),
        })
        .apply(Action::ToggleList)
        .apply(Action::SetTheme(Theme::Light));
    let i = index(&s, "dzns-platoshkin-house-arrest");
    let s = s.apply(Action::Select(Some(i)));
    let view = s.view_state();
    let again = loaded().apply(Action::ApplyView(view.clone()));
    assert_eq!(again.view_state(), view);
    assert_eq!(shown_ids(&again), shown_ids(&s));
}

#[test]
fn a_fitted_window_is_left_out_of_the_link() {
    let view = loaded().view_state();
    assert_eq!((view.from, view.to), (None, None));
}

#[test]
fn the_language_changes_heading_labels_and_axis_but_not_the_link_unless_chosen() {
    let s = loaded();
    assert_eq!(
        s.title(),
        "For a New Socialism and the Russian Socialist Movement"
    );
    let page = s.clone().apply(Action::SetLang(Lang::Ru, false));
    assert_eq!(
        page.title(),
        "Движение «За новый социализм» и Российское социалистическое движение"
    );
    assert_eq!(
        page.view_state().lang,
        None,
        "taken from the page: not in the link"
    );
    let chosen = s.apply(Action::SetLang(Lang::Ru, true));
    assert_eq!(chosen.view_state().lang, Some(Lang::Ru));
    assert!(
        chosen
            .drawn
            .axis
            .major
            .iter()
            .all(|t| !t.label.ends_with('s')),
        "Russian decades"
    );
}

#[test]
fn open_close_and_browse_walk_the_shown_events_in_time_order() {
    let s = loaded();
    let first = index(&s, "dzns-predecessor-movement");
    let mut st = s.apply(Action::Open(first));
    assert_eq!(st.selected, Some(first));
    let mut seen = vec![id(&st, first).to_owned()];
    for _ in 0..40 {
        st = st.apply(Action::Browse(1));
        let sel = id(&st, st.selected.unwrap()).to_owned();
        if seen.last() == Some(&sel) {
            break;
        }
        seen.push(sel);
    }
    assert_eq!(seen.len(), 30, "Next walks all 30 events: {seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("rsm-dissolution"));
    let back = st.clone().apply(Action::Browse(-1));
    assert_eq!(
        back.selected.map(|i| id(&back, i)),
        Some("rsm-foreign-agent")
    );
    let closed = back.apply(Action::Close);
    assert_eq!(closed.selected, None);
    assert!(closed.focused.is_some(), "focus stays on the event");
}

#[test]
fn chart_copy_and_retry_state() {
    let s = loaded();
    let g = s
        .clone()
        .apply(Action::ChartGrowth(true))
        .apply(Action::ChartTable);
    assert!(g.chart.growth && g.chart.table);
    let r = g.apply(Action::Readout(Some(2)));
    assert_eq!(r.chart.readout, Some(2));
    let c = r.apply(Action::Copied(Err("https://x".into())));
    assert_eq!(c.copy, Some(Err("https://x".to_string())));
    assert_eq!(c.clone().apply(Action::Retry).reloads, c.reloads + 1);
}

#[test]
fn narrow_widgets_are_laid_out_downwards() {
    let s = loaded();
    assert_eq!(s.drawn.layout, Layout::Horizontal);
    assert_eq!(s.drawn.lanes.len(), 2);
    let narrow = s.apply(Action::Resize { width_px: 375.0 });
    assert_eq!(narrow.drawn.layout, Layout::Vertical);
    let events = narrow
        .drawn
        .rows
        .iter()
        .filter(|r| matches!(r, movement_timeline::core::layout::Row::Event(_)))
        .count();
    assert_eq!(events, 28, "every shown event in the window is a row");
    assert_eq!(
        narrow.drawn.outside.before, 2,
        "the two earlier ones are counted"
    );
}

#[test]
fn at_fit_the_important_kinds_keep_whole_labelled_marks_at_1024_px_and_up() {
    use movement_timeline::core::layout::is_important;
    for width in [1024.0, 1280.0, 1600.0] {
        let s = loaded().apply(Action::Resize { width_px: width });
        let data = s.data().unwrap();
        let labelled: Vec<usize> = s
            .drawn
            .lanes
            .iter()
            .flat_map(|l| l.marks.iter().filter(|m| m.labelled).map(|m| m.event))
            .collect();
        for (i, e) in data.events.iter().enumerate() {
            let in_window = f64::from(e.date.latest_or(today()) + 1) >= s.scale.start_day;
            if is_important(e.kind) && in_window {
                assert!(
                    labelled.contains(&i),
                    "{} at {width} px: no labelled mark of its own",
                    data.text(e.id)
                );
            }
        }
    }
}

#[test]
fn calls_made_before_the_data_arrives_win_over_the_initial_view() {
    let data = parse_dataset(DATA).unwrap();
    let initial = ViewState {
        orgs: Some(IdSet::from(["dzns".to_string()])),
        theme: Some("light".into()),
        ..ViewState::default()
    };
    let s = fresh()
        .apply(Action::Resize { width_px: WIDTH })
        .apply(Action::ApplyView(initial))
        .apply(Action::SetFilter(Filter {
            orgs: Some(IdSet::from(["rsm".to_string()])),
            ..Filter::default()
        }))
        .apply(Action::SetTheme(Theme::Dark))
        .apply(Action::ShowRange {
            start_day: day(2020, 1, 1),
            end_day: day(2021, 1, 1),
        })
        .apply(Action::Loaded(Rc::new(data)));
    assert_eq!(s.shown.len(), 9, "the later filter (RSM) holds");
    assert_eq!(s.theme, Theme::Dark);
    assert_eq!(window(&s), ("2020-01-01".into(), "2021-01-01".into()));
}

#[test]
fn printing_shows_the_whole_history_and_the_list_then_puts_the_view_back() {
    let zoomed = loaded().apply(Action::ShowRange {
        start_day: f64::from(days_from_civil(2020, 1, 1)),
        end_day: f64::from(days_from_civil(2020, 3, 1)),
    });
    let before = (zoomed.scale, zoomed.list_open);
    let printing = zoomed.clone().apply(Action::Print(true));
    assert_eq!(printing.scale, zoomed.whole(), "the whole shown history");
    assert_eq!(printing.drawn.outside.before, 0, "the predecessors too");
    assert!(printing.list_open, "with the list");
    // A second beforeprint (some browsers send two) keeps the saved view.
    let twice = printing.clone().apply(Action::Print(true));
    let after = twice.apply(Action::Print(false));
    assert_eq!(
        (after.scale, after.list_open),
        before,
        "the reader's view comes back"
    );
    assert!(after.printing.is_none());
}

#[test]
fn aligned_by_founding_both_foundings_stand_at_day_0_and_calendar_comes_back() {
    let calendar = loaded().apply(Action::ShowRange {
        start_day: day(2020, 1, 1),
        end_day: day(2021, 1, 1),
    });
    let s = calendar.clone().apply(Action::SetAlign(Align::Founding));
    assert_eq!(s.align, Align::Founding);
    let data = s.data().unwrap();
    let place = s.place();
    let at = |id: &str| place.event(&data.events[index(&s, id)]).unwrap();
    assert_eq!(at("rsm-founded").0, 0);
    assert_eq!(at("dzns-refounded").0, 0);
    // Drawn on one line: the same x in both lanes.
    let x = |id: &str| {
        let i = index(&s, id);
        s.drawn
            .lanes
            .iter()
            .flat_map(|l| &l.marks)
            .find(|m| m.event == i)
            .map(|m| m.x_px)
            .unwrap()
    };
    assert!((x("rsm-founded") - x("dzns-refounded")).abs() < 0.5);
    // The first view starts at the foundings; the 1990s predecessor sits
    // decades before, counted at the edge.
    assert!(
        s.scale.start_day < 0.0 && s.scale.start_day > -400.0,
        "{}",
        s.scale.start_day
    );
    assert_eq!(s.drawn.outside.before, 2);
    assert_eq!(
        s.drawn.axis.minor.first().map(|t| t.label.as_str()),
        Some("year 1")
    );
    let dissolution = &data.events[index(&s, "rsm-dissolution")];
    assert_eq!(
        s.age_of(data, dissolution).as_deref(),
        Some("13 years 2 months 1 day after founding")
    );
    // The chart's counts are placed by age too: DZNS's first, December
    // 2019, in its first year.
    let first = &s.tallies.series[0].points[0];
    assert!(
        first.start_day > 300.0 && first.start_day < 320.0,
        "{}",
        first.start_day
    );
    // The link says so, and a fresh widget reads it back.
    let link = s.view_state();
    assert!(
        link.to_fragment().starts_with("align=founding"),
        "{}",
        link.to_fragment()
    );
    // Back to the calendar: the window it left.
    let back = s.clone().apply(Action::SetAlign(Align::Calendar));
    assert_eq!(back.align, Align::Calendar);
    assert_eq!(window(&back), window(&calendar));
    assert_eq!(back.age_of(data, dissolution), None);
}

#[test]
fn aligned_before_the_data_arrives_it_stays_aligned_and_keys_walk_by_age() {
    let data = parse_dataset(DATA).unwrap();
    let s = fresh()
        .apply(Action::Resize { width_px: WIDTH })
        .apply(Action::ApplyView(ViewState::default()))
        .apply(Action::SetAlign(Align::Founding))
        .apply(Action::Loaded(Rc::new(data)));
    assert_eq!(
        s.align,
        Align::Founding,
        "the waiting view does not undo it"
    );
    // From the Perm branch joining (April 2011, in the RSM's first weeks)
    // the next event by age is For a New Socialism's, months after its own
    // founding; by date it would be the 2019 re-founding (day 0).
    let perm = index(&s, "rsm-perm-rwp-joins");
    let next = s
        .clone()
        .apply(Action::Focus(perm))
        .apply(Action::Step(Step::Next));
    let data = next.data().unwrap();
    let place = next.place();
    let at = |i: usize| place.event(&data.events[i]).unwrap().0;
    let to = next.focused.unwrap();
    assert_ne!(id(&next, to), "dzns-refounded");
    assert!(at(to) >= at(perm), "{} at {}", id(&next, to), at(to));
    assert_eq!(
        next.neighbour(to, -1),
        Some(perm),
        "Previous goes back by age too"
    );
}
