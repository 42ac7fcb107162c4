//! What the widget draws, natively: the markup `render` writes for the
//! shipped data (the same text the browser turns into elements and the
//! page shows prerendered), read back with the reader the browser uses.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::core::date::days_from_civil;
use movement_timeline::core::markup::{read, Markup, Piece, ATTRIBUTE_NAMES};
use movement_timeline::core::read::parse_dataset;
use movement_timeline::render;
use movement_timeline::state::{Action, LoadError, State, Theme};
use std::rc::Rc;

const DATA: &str = include_str!("../static/data/movements.json");

fn state(data: &str, width_px: f64) -> Rc<State> {
    let data = parse_dataset(data).unwrap();
    Rc::new(State::new(days_from_civil(2026, 11, 22), Theme::Auto))
        .apply(Action::Resize { width_px })
        .apply(Action::Loaded(Rc::new(data)))
}

fn markup(s: &State) -> String {
    let mut m = Markup::new(true);
    render::widget(&mut m, s, true);
    m.out
}

/// An element as read back: tag, attributes, text inside (all of it).
#[derive(Debug, Default, Clone)]
struct Element {
    tag: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every element of `markup`, in document order, checking that each one
/// is closed.
fn elements(markup: &str) -> Vec<Element> {
    let mut done = Vec::new();
    let mut open: Vec<Element> = Vec::new();
    read(markup, &mut |p| match p {
        Piece::Open(tag) => open.push(Element {
            tag: tag.to_owned(),
            ..Element::default()
        }),
        Piece::Attr(n, v) => open
            .last_mut()
            .unwrap()
            .attrs
            .push((n.to_owned(), v.into_owned())),
        Piece::Children => {}
        Piece::Text(t) => {
            for e in &mut open {
                e.text.push_str(&t);
            }
        }
        Piece::Close => done.push(open.pop().expect("a close without an open")),
    });
    assert!(
        open.is_empty(),
        "unclosed: {:?}",
        open.iter().map(|e| &e.tag).collect::<Vec<_>>()
    );
    done
}

fn by_testid<'a>(all: &'a [Element], id: &str) -> Vec<&'a Element> {
    all.iter()
        .filter(|e| e.attr("data-testid") == Some(id))
        .collect()
}

#[test]
fn the_shipped_data_is_drawn_as_well_formed_markup_with_every_event_once() {
    let s = state(DATA, 1230.0);
    let all = elements(&markup(&s));
    let root = by_testid(&all, "timeline-root");
    assert_eq!(root.len(), 1);
    assert_eq!(root[0].attr("data-state"), Some("ready"));
    assert_eq!(root[0].attr("data-layout"), Some("horizontal"));
    let marks = by_testid(&all, "event");
    let clusters: usize = by_testid(&all, "cluster")
        .iter()
        .map(|c| c.attr("data-count").unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(
        marks.len() + clusters,
        27,
        "each event is a mark or counted in a cluster"
    );
    let mut ids: Vec<&str> = marks
        .iter()
        .map(|m| m.attr("data-event-id").unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), marks.len(), "no event drawn twice");
    assert_eq!(by_testid(&all, "lane").len(), 2);
    assert!(by_testid(&all, "tick-major").len() >= 2);
}

#[test]
fn the_named_events_are_labelled_at_the_default_view() {
    let s = state(DATA, 1230.0);
    let all = elements(&markup(&s));
    let labels: Vec<&str> = all
        .iter()
        .filter(|e| e.attr("class") == Some("mt-label"))
        .map(|e| e.text.as_str())
        .collect();
    for named in [
        "First congress",
        "House arrest",
        "Registration refused",
        "Self-dissolution",
        "RSM founded by merger",
        "Recognised as foreign agent",
    ] {
        assert!(labels.contains(&named), "{named} in {labels:?}");
    }
}

#[test]
fn narrow_widgets_draw_rows_and_every_row_names_its_event() {
    let s = state(DATA, 360.0);
    let all = elements(&markup(&s));
    assert_eq!(
        by_testid(&all, "timeline-root")[0].attr("data-layout"),
        Some("vertical")
    );
    let rows = by_testid(&all, "event");
    assert_eq!(rows.len(), 27);
    let data = parse_dataset(DATA).unwrap();
    for r in rows {
        // No aria-label: the row's name is its text, which begins with the
        // label and holds the kind, date, organisation and full title.
        assert_eq!(r.attr("aria-label"), None);
        let e = &data.events[data.event_index(r.attr("data-event-id").unwrap()).unwrap()];
        assert!(r.text.starts_with(data.label(e)), "{}", r.text);
        assert!(r.text.contains(&e.date.label()), "{}", r.text);
        assert!(r.text.contains(data.text(e.title)), "{}", r.text);
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
    let s = state(&hostile, 1230.0).apply(Action::ToggleList);
    let text = markup(&s);
    let all = elements(&text);
    assert!(all.iter().all(|e| e.tag != "script"), "no script element");
    assert!(all
        .iter()
        .all(|e| e.attrs.iter().all(|(n, _)| !n.starts_with("on"))));
    assert!(
        all.iter()
            .any(|e| e.text.contains("<script>alert(1)</script>")),
        "the title is shown as written"
    );
}

#[test]
fn the_details_panel_carries_the_quote_and_browses_the_shown_events() {
    let s = state(DATA, 1230.0);
    let first = s.shown[0];
    let s = s.apply(Action::Open(first));
    let all = elements(&markup(&s));
    let details = by_testid(&all, "event-details");
    assert_eq!(details.len(), 1);
    assert!(all
        .iter()
        .any(|e| e.tag == "blockquote" && !e.text.is_empty()));
    let prev = by_testid(&all, "details-prev")[0];
    let next = by_testid(&all, "details-next")[0];
    assert_eq!(prev.attr("disabled"), Some(""), "nothing before the first");
    assert_eq!(next.attr("disabled"), None);
}

#[test]
fn the_svg_export_is_one_self_contained_document_with_every_drawn_label() {
    for width in [1280.0, 360.0] {
        let s = state(DATA, width);
        let svg = render::export::svg(&s).unwrap();
        let all = elements(&svg);
        assert!(
            svg.starts_with("<svg xmlns='http://www.w3.org/2000/svg'") && svg.ends_with("</svg>")
        );
        let root = all.iter().find(|e| e.attr("xmlns").is_some()).unwrap();
        let size = |n: &str| {
            root.attr(n)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        assert!(
            size("width") >= 960.0 && size("height") > 300.0,
            "{:?}",
            root.attrs
        );
        assert!(!svg.contains("var(") && !svg.contains("href") && !svg.contains("url("));
        assert!(
            all.iter().any(|e| e.text == render::export::SOURCES),
            "the sources line"
        );
        // What the widget draws at its export width is all there.
        let shown = if width < 600.0 {
            s.clone().apply(Action::Resize { width_px: 960.0 })
        } else {
            s.clone()
        };
        let view = elements(&markup(&shown));
        let labels: Vec<&Element> = view
            .iter()
            .filter(|e| e.attr("class") == Some("mt-label"))
            .collect();
        assert!(labels.len() >= 10, "{} labels", labels.len());
        let texts = |els: &[Element], pick: &dyn Fn(&Element) -> bool| -> Vec<String> {
            els.iter()
                .filter(|e| pick(e))
                .map(|e| e.text.clone())
                .collect()
        };
        let exported = texts(&all, &|e| e.attr("class") == Some("mt-label"));
        for l in labels {
            assert!(exported.contains(&l.text), "{}", l.text);
        }
        let majors = texts(&all, &|e| e.attr("data-testid") == Some("tick-major"));
        for t in view
            .iter()
            .filter(|e| e.attr("data-testid") == Some("tick-major"))
        {
            assert!(majors.contains(&t.text), "the axis's {}", t.text);
        }
        assert!(
            all.iter().any(|e| e.attr("class") == Some("mt-chart-svg")),
            "the chart is in it"
        );
    }
}

#[test]
fn exports_are_named_after_the_view() {
    let s = state(DATA, 1280.0).apply(Action::ToggleOrg("dzns".into()));
    let (name, csv) = render::export::export(&s, "csv").unwrap();
    assert!(
        name.starts_with("movement-timeline-") && name.ends_with("-rsm.csv"),
        "{name}"
    );
    assert_eq!(csv.lines().count(), 1 + 8, "{csv}");
}

/// Sibling keys that are not unique, in every element of `markup`.
fn duplicate_keys(markup: &str) -> Vec<String> {
    let mut stack: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
    let mut dups = Vec::new();
    read(markup, &mut |p| match p {
        Piece::Open(tag) => stack.push((tag.to_owned(), Vec::new())),
        Piece::Attr("key", value) => {
            let n = stack.len();
            if n >= 2 {
                stack[n - 2].1.push(value.into_owned());
            }
        }
        Piece::Close => {
            if let Some((tag, keys)) = stack.pop() {
                let mut unique = keys.clone();
                unique.sort();
                unique.dedup();
                if unique.len() != keys.len() {
                    dups.push(format!("<{tag}>: {keys:?}"));
                }
            }
        }
        _ => {}
    });
    dups
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
        base.clone().apply(Action::SetLang(
            movement_timeline::core::i18n::Lang::Ru,
            true,
        )),
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
fn sibling_keys_are_unique_in_every_view() {
    // The browser's diff goes by key where siblings have keys: a repeated
    // key there is a broken widget, so every view is checked.
    for (i, s) in every_view().iter().enumerate() {
        let dups = duplicate_keys(&markup(s));
        assert!(dups.is_empty(), "view {i}: {dups:#?}");
    }
}

#[test]
fn every_attribute_the_views_write_has_a_slot() {
    // The browser keeps an element's attributes as slots of one list of
    // names and compares them slot by slot; a name missing from the list
    // is not set, so every view is checked.
    let mut missing = std::collections::BTreeSet::new();
    for s in &every_view() {
        read(&markup(s), &mut |p| {
            if let Piece::Attr(name, _) = p {
                if name != "key" && name != "value" && !ATTRIBUTE_NAMES.contains(&name) {
                    missing.insert(name.to_owned());
                }
            }
        });
    }
    assert!(missing.is_empty(), "not in ATTRIBUTE_NAMES: {missing:?}");
    let mut sorted = ATTRIBUTE_NAMES.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        ATTRIBUTE_NAMES.len(),
        "a name is listed twice"
    );
}

#[test]
fn every_attribute_name_in_the_render_code_has_a_slot() {
    // The browser sets only listed names (a name missing from the list
    // would be dropped), so besides the views drawn above, every name the
    // render code spells out is checked: in the writer's calls
    // (`.attr("name"`, `.px(`, `.int(`, `.flag(`, `.attr_if(.., "name"`)
    // and in raw markup (` name='`).
    let sources = [
        include_str!("../src/render/mod.rs"),
        include_str!("../src/render/plot.rs"),
        include_str!("../src/render/chart.rs"),
        include_str!("../src/render/glyph.rs"),
        include_str!("../src/core/markup.rs"),
    ];
    let mut names = std::collections::BTreeSet::new();
    for src in sources {
        for call in [".attr(\"", ".px(\"", ".int(\"", ".flag(\"", ".float(\""] {
            for (at, _) in src.match_indices(call) {
                let rest = &src[at + call.len()..];
                names.insert(rest[..rest.find('"').unwrap()].to_owned());
            }
        }
        for (at, _) in src.match_indices(".attr_if(") {
            let rest = &src[at..];
            let rest = &rest[rest.find('"').unwrap() + 1..];
            names.insert(rest[..rest.find('"').unwrap()].to_owned());
        }
        for (at, _) in src.match_indices("='") {
            let before = &src[..at];
            let start = before
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .map_or(0, |i| i + 1);
            if before[..start].ends_with(' ') && start < at {
                names.insert(before[start..].to_owned());
            }
        }
    }
    assert!(names.len() > 30, "the scan found the names: {names:?}");
    let missing: Vec<&String> = names
        .iter()
        // `key` is the diff's, not an attribute; an input's `value` is set
        // as a property.
        .filter(|n| {
            !["key", "value"].contains(&n.as_str()) && !ATTRIBUTE_NAMES.contains(&n.as_str())
        })
        .collect();
    assert!(missing.is_empty(), "not in ATTRIBUTE_NAMES: {missing:?}");
}

#[test]
fn keys_of_headings_and_badges_never_equal_an_event_id() {
    // Year headings and cluster badges sit among event marks keyed by
    // their ids; ids are lowercase, so their keys start with a capital. Ids
    // shaped like the headings' keys must not repeat a key.
    let data = DATA
        .replace("\"dzns-refounded\"", "\"y2019\"")
        .replace("\"dzns-first-congress\"", "\"c2019\"")
        .replace("\"dzns-programme-published\"", "\"c0\"");
    for width in [360.0, 1280.0] {
        let s = state(&data, width);
        let dups = duplicate_keys(&markup(&s));
        assert!(dups.is_empty(), "{width} px: {dups:#?}");
    }
}
