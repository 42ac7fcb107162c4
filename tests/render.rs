//! What the widget draws, natively: the components rendered by Yew's
//! server renderer for the shipped data (the same components the browser
//! renders and the page shows prerendered), read back with an HTML parser.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::components::export::{file_name, table_text, with_style};
use movement_timeline::components::rows::row_key;
use movement_timeline::components::server;
use movement_timeline::core::date::days_from_civil;
use movement_timeline::core::export::ExportFormat;
use movement_timeline::core::i18n::{Lang, Msg};
use movement_timeline::core::read::parse_dataset;
use movement_timeline::state::{Action, LoadError, State, Theme};
use scraper::{ElementRef, Html, Selector};
use std::rc::Rc;

const DATA: &str = include_str!("../static/data/movements.json");

fn state(data: &str, width_px: f64) -> Rc<State> {
    let data = parse_dataset(data).unwrap();
    Rc::new(State::new(days_from_civil(2026, 11, 22), Theme::Auto))
        .apply(Action::Resize { width_px })
        .apply(Action::Loaded(Rc::new(data)))
}

/// The widget drawn from `s`, parsed.
fn drawn(s: &State) -> Html {
    Html::parse_fragment(&server::widget(s, true))
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &ElementRef) -> String {
    e.text().collect()
}

fn attr<'a>(e: &ElementRef<'a>, name: &str) -> Option<&'a str> {
    e.value().attr(name)
}

#[test]
fn the_shipped_data_is_drawn_with_every_event_once() {
    let doc = drawn(&state(DATA, 1230.0));
    let root = select(&doc, "[data-testid=timeline-root]");
    assert_eq!(root.len(), 1);
    assert_eq!(attr(&root[0], "data-state"), Some("ready"));
    assert_eq!(attr(&root[0], "data-layout"), Some("horizontal"));
    let marks = select(&doc, "[data-testid=event]");
    let clusters: usize = select(&doc, "[data-testid=cluster]")
        .iter()
        .map(|c| attr(c, "data-count").unwrap().parse::<usize>().unwrap())
        .sum();
    // The 1990s predecessor's two events lie before the first window: a
    // button at its start counts them.
    let earlier = select(&doc, "[data-testid=reveal-earlier]");
    assert_eq!(earlier.len(), 1);
    assert_eq!(attr(&earlier[0], "data-count"), Some("2"));
    assert_eq!(
        text(&earlier[0]),
        "‹ 2 earlier events (earliest: 1990s–2000s)"
    );
    assert!(select(&doc, "[data-testid=reveal-later]").is_empty());
    assert_eq!(
        marks.len() + clusters + 2,
        30,
        "each event is a mark, counted in a cluster or at the window's edge"
    );
    let mut ids: Vec<&str> = marks
        .iter()
        .map(|m| attr(m, "data-event-id").unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), marks.len(), "no event drawn twice");
    assert_eq!(select(&doc, "[data-testid=lane]").len(), 2);
    assert!(select(&doc, "[data-testid=tick-major]").len() >= 2);
}

#[test]
fn the_named_events_are_labelled_at_the_default_view() {
    let doc = drawn(&state(DATA, 1230.0));
    let labels: Vec<String> = select(&doc, ".mt-label").iter().map(text).collect();
    for named in [
        "First congress",
        "House arrest",
        "Registration refused",
        "Self-dissolution",
        "RSM founded by merger",
        "Recognised as foreign agent",
    ] {
        assert!(labels.iter().any(|l| l == named), "{named} in {labels:?}");
    }
}

#[test]
fn narrow_widgets_draw_rows_and_every_row_names_its_event() {
    let doc = drawn(&state(DATA, 360.0));
    let root = select(&doc, "[data-testid=timeline-root]");
    assert_eq!(attr(&root[0], "data-layout"), Some("vertical"));
    let rows = select(&doc, "[data-testid=event]");
    assert_eq!(rows.len(), 28);
    let earlier = select(&doc, "[data-testid=reveal-earlier]");
    assert_eq!(attr(&earlier[0], "data-count"), Some("2"));
    let data = parse_dataset(DATA).unwrap();
    for r in rows {
        // No aria-label: the row's name is its text, which begins with the
        // label and holds the kind, date, organisation and full title.
        assert_eq!(attr(&r, "aria-label"), None);
        let t = text(&r);
        let e = &data.events[data
            .event_index(attr(&r, "data-event-id").unwrap())
            .unwrap()];
        assert!(t.starts_with(data.label(e)), "{t}");
        assert!(t.contains(&e.date.label()), "{t}");
        assert!(t.contains(data.text(e.title)), "{t}");
    }
}

#[test]
fn hostile_strings_from_the_data_stay_text() {
    let hostile = DATA.replacen(
        "\"title\": \"",
        "\"title\": \"<script>alert(1)</script>\\\" onmouseover='x' ",
        1,
    );
    // The list view shows every title.
    let doc = drawn(
        &state(&hostile, 1230.0)
            .apply(Action::Reveal { earlier: true })
            .apply(Action::ToggleList),
    );
    assert!(select(&doc, "script").is_empty(), "no script element");
    assert!(select(&doc, "*")
        .iter()
        .all(|e| e.value().attrs().all(|(n, _)| !n.starts_with("on"))));
    assert!(
        select(&doc, "button")
            .iter()
            .any(|e| text(e).contains("<script>alert(1)</script>")),
        "the title is shown as written"
    );
}

#[test]
fn the_details_panel_carries_the_quote_and_browses_the_shown_events() {
    let s = state(DATA, 1230.0);
    let first = s.shown[0];
    let doc = drawn(&s.apply(Action::Open(first)));
    assert_eq!(select(&doc, "[data-testid=event-details]").len(), 1);
    assert!(select(&doc, "blockquote")
        .iter()
        .any(|e| !text(e).is_empty()));
    let prev = select(&doc, "[data-testid=details-prev]");
    let next = select(&doc, "[data-testid=details-next]");
    assert_eq!(
        attr(&prev[0], "aria-disabled"),
        Some("true"),
        "nothing before the first"
    );
    assert_eq!(attr(&next[0], "aria-disabled"), Some("false"));
}

#[test]
fn the_russian_view_names_its_controls_in_russian() {
    let doc = drawn(&state(DATA, 1230.0).apply(Action::SetLang(Lang::Ru, true)));
    let root = select(&doc, "[data-testid=timeline-root]");
    assert_eq!(attr(&root[0], "lang"), Some("ru"));
    let fit = select(&doc, "[data-testid=zoom-fit]");
    assert_eq!(text(&fit[0]), "Весь период");
}

#[test]
fn the_svg_export_is_one_self_contained_document_with_every_drawn_label() {
    for width in [1280.0, 360.0] {
        let s = state(DATA, width);
        let svg = server::svg(&s).unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.ends_with("</svg>"),
            "{}",
            &svg[..80]
        );
        let doc = Html::parse_fragment(&svg);
        let root = select(&doc, "svg")[0];
        let size = |n: &str| {
            attr(&root, n)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        assert!(size("width") >= 960.0 && size("height") > 300.0);
        assert!(!svg.contains("var(") && !svg.contains("href") && !svg.contains("url("));
        assert!(
            select(&doc, "text")
                .iter()
                .any(|e| text(e) == Msg::Sources.text(Lang::En)),
            "the sources line"
        );
        // What the widget draws at its export width is all there.
        let shown = if width < 600.0 {
            s.clone().apply(Action::Resize { width_px: 960.0 })
        } else {
            s.clone()
        };
        let view = drawn(&shown);
        let labels: Vec<String> = select(&view, ".mt-label").iter().map(text).collect();
        assert!(labels.len() >= 10, "{} labels", labels.len());
        let exported: Vec<String> = select(&doc, ".mt-label").iter().map(text).collect();
        for l in &labels {
            assert!(exported.contains(l), "{l}");
        }
        let majors: Vec<String> = select(&doc, "[data-testid=tick-major]")
            .iter()
            .map(text)
            .collect();
        for t in select(&view, "[data-testid=tick-major]") {
            assert!(majors.contains(&text(&t)), "the axis's {}", text(&t));
        }
        assert_eq!(select(&doc, ".mt-chart-svg").len(), 1, "the chart is in it");
        // What lies before the window is said, as the widget says it.
        assert!(
            select(&doc, "text.x-note")
                .iter()
                .any(|e| text(e).ends_with("; ‹ 2 earlier events (earliest: 1990s–2000s)")),
            "the window's note counts the earlier events"
        );
        assert_eq!(
            select(&doc, ".mt-chart-range").len(),
            1,
            "the chart's window"
        );
    }
}

#[test]
fn exports_are_named_after_the_view() {
    let s = state(DATA, 1280.0).apply(Action::ToggleOrg("dzns".into()));
    let name = file_name(&s, ExportFormat::Csv).unwrap();
    assert!(
        name.starts_with("movement-timeline-") && name.ends_with("-rsm.csv"),
        "{name}"
    );
    let csv = table_text(&s, ExportFormat::Csv).unwrap();
    assert_eq!(csv.lines().count(), 1 + 9, "{csv}");
    assert_eq!(
        table_text(&s, ExportFormat::Svg),
        None,
        "a picture is drawn"
    );
}

/// Every view the widget has, on the shipped data: wide and narrow, the
/// chart's three forms, the list with details, the details alone, the
/// export menu, print, Russian, a year's window, and a data error.
fn every_view() -> Vec<Rc<State>> {
    let base = state(DATA, 1280.0);
    let congress = parse_dataset(DATA)
        .unwrap()
        .event_index("dzns-socialist-party-congress")
        .unwrap();
    vec![
        base.clone(),
        state(DATA, 360.0),
        base.clone().apply(Action::ChartGrowth(true)),
        base.clone().apply(Action::ChartTable),
        base.clone()
            .apply(Action::ToggleList)
            .apply(Action::Open(congress)),
        base.clone().apply(Action::Open(congress)),
        base.clone().apply(Action::ToggleExportMenu),
        base.clone().apply(Action::Print(true)),
        base.clone().apply(Action::SetLang(Lang::Ru, true)),
        base.clone().apply(Action::ShowRange {
            start_day: f64::from(days_from_civil(2020, 1, 1)),
            end_day: f64::from(days_from_civil(2020, 12, 31)),
        }),
        Rc::new(State::new(days_from_civil(2026, 11, 22), Theme::Auto))
            .apply(Action::Resize { width_px: 1280.0 })
            .apply(Action::Failed(LoadError::Data(vec![
                parse_dataset("{]").unwrap_err()
            ]))),
    ]
}

#[test]
fn every_view_draws_its_root_and_each_test_id_where_it_belongs() {
    for (i, s) in every_view().iter().enumerate() {
        let doc = drawn(s);
        let root = select(&doc, "[data-testid=timeline-root]");
        assert_eq!(root.len(), 1, "view {i}");
        let ids: Vec<&str> = select(&doc, "[id]")
            .iter()
            .filter_map(|e| attr(e, "id"))
            .collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "view {i}: ids are unique");
    }
    let views = every_view();
    let menu = drawn(&views[6]);
    assert_eq!(
        select(&menu, "[data-testid^=export-]").len(),
        5,
        "menu and formats"
    );
    let failed = drawn(&views[10]);
    assert_eq!(select(&failed, "[data-testid=error-panel]").len(), 1);
    assert_eq!(select(&failed, "[data-testid=retry]").len(), 1);
}

#[test]
fn row_keys_are_unique_even_for_ids_shaped_like_headings() {
    // Year headings and counts sit among event rows keyed by their ids;
    // ids are lowercase, so headings' keys start with a capital. Ids
    // shaped like the headings' keys must not repeat a key (Yew's keyed
    // diff needs unique keys).
    let data = DATA
        .replace("\"dzns-refounded\"", "\"y2019\"")
        .replace("\"dzns-first-congress\"", "\"c2019\"")
        .replace("\"dzns-programme-published\"", "\"c0\"");
    for s in [state(&data, 360.0), state(DATA, 360.0)] {
        let d = s.data().unwrap();
        let keys: Vec<String> = s.drawn.rows.iter().map(|r| row_key(d, r)).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
        assert!(keys.len() > 30, "headings and rows");
    }
}

#[test]
fn the_browser_s_export_gets_its_styles_in_the_text_not_in_the_page() {
    // The browser draws the picture without its <style> (its rules would
    // restyle the live widget) and adds the styles to the serialised text.
    let s = state(DATA, 1280.0);
    let with = server::svg(&s).unwrap();
    let bare = with.replacen(
        &with[with.find("<style>").unwrap()..with.find("</style>").unwrap() + 8],
        "",
        1,
    );
    assert!(!bare.contains("<style>"));
    let restored = with_style(&bare);
    assert_eq!(
        restored, with,
        "the styles go right after the root's start tag"
    );
}

#[test]
fn the_chart_has_its_own_window_marked_on_the_time_axis_and_named() {
    let s = state(DATA, 1230.0);
    let doc = drawn(&s);
    let chart = select(&doc, "[data-testid=membership-chart]");
    assert_eq!(attr(&chart[0], "data-window-start"), Some("2019-10-16"));
    assert_eq!(attr(&chart[0], "data-window-end"), Some("2022-02-16"));
    assert_eq!(select(&doc, "[data-testid=chart-range]").len(), 1);
    let note = select(&doc, "[data-testid=chart-range-note]");
    assert_eq!(
        text(&note[0]),
        "The chart shows October 2019 – February 2022, marked on the time axis above"
    );
    // Its own axis names the years it spans; the timeline's ticks keep
    // their test ids alone.
    let chart_axis: Vec<String> = select(&doc, "[data-testid=chart-axis] text")
        .iter()
        .map(text)
        .collect();
    assert!(
        chart_axis.iter().any(|t| t == "2020") && chart_axis.iter().any(|t| t == "2021"),
        "{chart_axis:?}"
    );
    assert!(select(&doc, "[data-testid=chart-axis] [data-testid]").is_empty());
    // In the chart's own window a month is wider than a count's dot: each
    // count shows the span its date covers (a month, or 2021's year).
    let points = select(&doc, "[data-testid=chart-point]");
    assert_eq!(points.len(), 6);
    for p in &points {
        let span = p
            .select(&Selector::parse(".mt-point-span").unwrap())
            .next()
            .unwrap_or_else(|| panic!("no span drawn for {:?}", attr(p, "data-date")));
        let width: f64 = attr(&span, "width").unwrap().parse().unwrap();
        assert!(width > 20.0, "{:?}: {width} px", attr(p, "data-date"));
    }
    // In Russian, and gone once the timeline is zoomed into the counts.
    let ru = drawn(&s.clone().apply(Action::SetLang(Lang::Ru, true)));
    let earlier = select(&ru, "[data-testid=reveal-earlier]");
    assert_eq!(
        text(&earlier[0]),
        "‹ 2 более ранних события (самое раннее: 1990-е – 2000-е)"
    );
    let zoomed = drawn(&s.apply(Action::ShowRange {
        start_day: f64::from(days_from_civil(2020, 1, 1)),
        end_day: f64::from(days_from_civil(2020, 7, 1)),
    }));
    assert!(select(&zoomed, "[data-testid=chart-range]").is_empty());
    assert!(select(&zoomed, "[data-testid=chart-range-note]").is_empty());
}

#[test]
fn data_warnings_are_worded_in_the_reader_s_language() {
    let mut v: serde_json::Value = serde_json::from_str(DATA).unwrap();
    let title = "x".repeat(320);
    v["events"][3]["title"] = serde_json::Value::String(title);
    let s = state(&v.to_string(), 1230.0);
    let say = |lang| {
        let doc = drawn(&s.clone().apply(Action::SetLang(lang, true)));
        select(&doc, "[data-testid=data-warnings] li")
            .iter()
            .map(text)
            .collect::<Vec<_>>()
    };
    let (en, ru) = (say(Lang::En), say(Lang::Ru));
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(
        en[0].contains("has a 320-character title; it is shown clipped"),
        "{en:?}"
    );
    assert!(
        ru[0].contains("заголовок длиной 320 символов; он показан обрезанным"),
        "{ru:?}"
    );
    assert!(
        !ru[0].contains("character") && !ru[0].contains("clipped"),
        "no English words in the Russian view but the JSON path: {ru:?}"
    );
}

#[test]
fn a_failed_download_is_explained_in_the_reader_s_language() {
    let failed = Rc::new(State::new(days_from_civil(2026, 11, 22), Theme::Auto))
        .apply(Action::Resize { width_px: 1230.0 })
        .apply(Action::SetLang(Lang::Ru, true))
        .apply(Action::Failed(LoadError::Network {
            reason: "no answer within 30 seconds".into(),
            url: "data/movements.json".into(),
        }));
    let doc = drawn(&failed);
    let panel: String = select(&doc, "[data-testid=error-panel]")
        .iter()
        .map(text)
        .collect();
    assert!(
        panel.contains("Не удалось загрузить данные (нет ответа в течение 30 секунд)"),
        "{panel}"
    );
}

#[test]
fn a_choice_of_two_dates_is_drawn_at_both_and_said_as_a_choice() {
    // "On July 3", between the arrest of June 2020 and the 2021 elections.
    // Selected, so it is drawn as a mark, not counted in a cluster.
    let s = state(DATA, 1230.0).apply(Action::ShowRange {
        start_day: f64::from(days_from_civil(2020, 1, 1)),
        end_day: f64::from(days_from_civil(2022, 1, 1)),
    });
    let impostors = s
        .data()
        .unwrap()
        .event_index("dzns-impostors-at-rpfj-congress");
    let s = s.apply(Action::Select(impostors));
    let doc = drawn(&s);
    let drawn_ids: Vec<&str> = select(&doc, "[data-testid=event]")
        .iter()
        .filter_map(|m| attr(m, "data-event-id"))
        .collect();
    let mark = select(
        &doc,
        "[data-testid=event][data-event-id=dzns-impostors-at-rpfj-congress]",
    );
    assert_eq!(mark.len(), 1, "the impostors event is drawn: {drawn_ids:?}");
    let name = attr(&mark[0], "aria-label").unwrap();
    assert!(name.contains("3 July 2020 or 3 July 2021"), "{name}");
    assert!(attr(&mark[0], "class").unwrap().contains("mt-choices"));
    let details: String = select(&doc, "[data-testid=event-details]")
        .iter()
        .map(text)
        .collect();
    assert!(
        details.contains(
            "3 July 2020 or 3 July 2021 (one or the other: the source does not say which)"
        ),
        "{details}"
    );
    // The glyph at the first date, its outline a year later.
    let outline: Vec<&str> = mark[0]
        .select(&Selector::parse("path.mt-choice").unwrap())
        .filter_map(|p| attr(&p, "transform"))
        .collect();
    assert_eq!(outline.len(), 1, "one outline");
    let dx: f64 = outline[0]
        .trim_start_matches("translate(")
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let year_px = s.scale.px_per_day() * 365.0;
    assert!(
        (dx - year_px).abs() < 2.0,
        "{dx} px, a year is {year_px} px"
    );
    // The nomination, selected: one of two years, in both languages.
    let nominated = s
        .data()
        .unwrap()
        .event_index("dzns-communist-party-nominates-7");
    let s = s.apply(Action::Select(nominated));
    let css = "[data-testid=event][data-event-id=dzns-communist-party-nominates-7]";
    for (lang, said) in [(Lang::En, "2020 or 2021"), (Lang::Ru, "2020 или 2021")] {
        let doc = drawn(&s.clone().apply(Action::SetLang(lang, true)));
        let mark = select(&doc, css);
        assert_eq!(mark.len(), 1, "{lang:?}");
        let name = attr(&mark[0], "aria-label").unwrap();
        assert!(name.contains(said), "{name}");
    }
}

#[test]
fn the_legend_is_open_on_wide_widgets_folded_on_phones_and_as_the_reader_left_it() {
    let open = |s: &State| {
        let doc = drawn(s);
        let legend = select(&doc, "details.mt-legend");
        assert_eq!(legend.len(), 1);
        attr(&legend[0], "open").is_some()
    };
    let wide = state(DATA, 1200.0);
    let phone = state(DATA, 375.0);
    assert!(open(&wide));
    assert!(!open(&phone));
    // The reader's choice holds at any width, and the width no longer
    // decides.
    let folded = wide.clone().apply(Action::Legend(false));
    assert!(!open(&folded));
    assert!(!open(&folded.apply(Action::Resize { width_px: 900.0 })));
    let opened = phone.apply(Action::Legend(true));
    assert!(open(
        &opened.clone().apply(Action::Resize { width_px: 800.0 })
    ));
    assert!(open(&opened.apply(Action::Resize { width_px: 375.0 })));
}
