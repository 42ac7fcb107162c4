//! Reading a dataset: JSON text through serde into the validator, with
//! every problem named by path, item, line and column.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::core::data::{safe_link, Dataset, Event, EventKind, Limits};
use movement_timeline::core::model::RawDataset;
use movement_timeline::core::read::parse_dataset;
use movement_timeline::core::read::read_json;
use movement_timeline::core::validate::validate;

const ORGS: &str = r##""organisations": [
    {"id": "dzns", "name": "For a New Socialism", "abbreviation": "DZNS", "founded": "2019-01-29", "color": "#aa2222"},
    {"id": "rsm", "name": "Russian Socialist Movement", "abbreviation": "RSM", "founded": "2011-03-07", "dissolved": "2024-05-08", "color": "#2255aa"}
]"##;

fn event(id: &str, org: &str, date: &str) -> String {
    format!(
        r#"{{"id": "{id}", "org": "{org}", "date": "{date}", "kind": "congress", "title": "T",
           "source": {{"article": "A", "section": "S", "quote": "Q"}}}}"#
    )
}

fn doc(events: &[String]) -> String {
    format!("{{{ORGS}, \"events\": [{}]}}", events.join(",\n"))
}

fn ids(d: &Dataset) -> Vec<&str> {
    d.events.iter().map(|e| d.text(e.id)).collect()
}

#[test]
fn a_small_valid_dataset_is_sorted_by_date() {
    let d = parse_dataset(&doc(&[
        event("b", "dzns", "2019-11-07"),
        event("a", "rsm", "2011-03-07"),
    ]))
    .unwrap();
    assert_eq!(ids(&d), ["a", "b"]);
    assert_eq!(d.events[0].org, 1);
    assert_eq!(d.events[0].file_index, 1);
    assert_eq!(d.org_index("dzns"), Some(0));
    assert_eq!(d.text(d.source(&d.events[1]).quote), "Q");
}

#[test]
fn a_source_named_by_every_event_is_stored_once() {
    let events: Vec<String> = (0..20)
        .map(|i| event(&format!("e{i}"), "dzns", "2020-01-01"))
        .collect();
    let d = parse_dataset(&doc(&events)).unwrap();
    let (first, last) = (d.source(&d.events[0]), d.source(&d.events[19]));
    assert_eq!(first.article, last.article, "one copy of the article");
    assert_eq!(first.section, last.section, "one copy of the section");
    assert_eq!(d.text(last.article), "A");
    assert_eq!(d.text(last.section), "S");
    // Quotes are the events' own words: kept apart even when equal.
    assert_ne!(first.quote, last.quote);
    assert_eq!(d.text(last.quote), "Q");
}

#[test]
fn an_event_stays_small() {
    // 100,000 events are most of a large dataset's memory: a field
    // added to every event must earn its bytes (measured in
    // docs/BENCHMARKS.md). 120 bytes here, where usize is 8 bytes;
    // less in WebAssembly.
    assert!(
        std::mem::size_of::<Event>() <= 120,
        "{} bytes",
        std::mem::size_of::<Event>()
    );
}

#[test]
fn accessible_names_begin_with_the_words_on_the_mark() {
    let d = parse_dataset(&doc(&[event("b", "dzns", "2019-11-07")])).unwrap();
    assert_eq!(
        d.accessible_name(&d.events[0]),
        "T — Congress — 7 November 2019 — For a New Socialism"
    );
    let labelled = doc(&[event("b", "dzns", "2019-11-07")]).replace(
        "\"title\": \"T\"",
        "\"title\": \"The first congress\", \"label\": \"First congress\"",
    );
    let d = parse_dataset(&labelled).unwrap();
    assert_eq!(d.label(&d.events[0]), "First congress");
    assert!(d
        .accessible_name(&d.events[0])
        .starts_with("First congress — Congress"));
}

#[test]
fn labels_are_checked_and_missing_ones_are_a_single_warning() {
    let long = doc(&[event("b", "dzns", "2019-11-07")]).replace(
        "\"title\": \"T\"",
        "\"title\": \"T\", \"label\": \"A label that is far too long for a mark\"",
    );
    let err = parse_dataset(&long).unwrap_err();
    assert_eq!(err.path, "events[0].label");
    assert!(err.message.contains("at most 32"), "{err}");
    let d = parse_dataset(&doc(&[
        event("a", "rsm", "2011"),
        event("b", "rsm", "2012"),
    ]))
    .unwrap();
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(
        d.warnings[0].message,
        "2 events have no label; the title is shown on the mark"
    );
    assert_eq!(d.label(&d.events[0]), "T");
}

#[test]
fn translations_are_kept_per_event_and_quotes_are_not_among_them() {
    let text = doc(&[event("b", "dzns", "2019-11-07")]).replace(
        "\"title\": \"T\"",
        r#""title": "T", "i18n": {"ru": {"title": "Т", "label": "Съезд", "summary": "С"}}"#,
    );
    let d = parse_dataset(&text).unwrap();
    let tr = d.translation(&d.events[0], "ru").unwrap();
    assert_eq!((d.text(tr.title), d.text(tr.label)), ("Т", "Съезд"));
    assert!(d.translation(&d.events[0], "de").is_none());
    let bad = text.replace("\"label\": \"Съезд\"", "\"quote\": \"x\"");
    let err = parse_dataset(&bad).unwrap_err();
    assert_eq!(err.path, "events[0].i18n.ru.quote", "{err}");
}

#[test]
fn only_http_and_https_links_survive() {
    for good in [
        "https://en.wikipedia.org/wiki/X",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/a#b",
    ] {
        assert!(safe_link(good).is_some(), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "javascript :alert(1)",
        "\tjavascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "https://",
        "//evil.example/x",
        "/relative",
        "https://exa mple.org",
        "https:evil.example",
        "",
    ] {
        assert_eq!(safe_link(bad), None, "{bad:?}");
    }
}

#[test]
fn bad_links_and_long_titles_are_warnings_not_errors() {
    let long = "T".repeat(100_000);
    let text = doc(&[event("a", "rsm", "2011"), event("b", "rsm", "2012")])
        .replacen(
            "\"quote\": \"Q\"",
            "\"quote\": \"Q\", \"url\": \"javascript:alert(1)\"",
            1,
        )
        .replacen("\"title\": \"T\"", &format!("\"title\": \"{long}\""), 1);
    let d = parse_dataset(&text).unwrap();
    assert!(d.events.iter().all(|e| d.source(e).url.is_empty()));
    let messages: Vec<&str> = d.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(d.warnings.len(), 3, "{messages:?}");
    assert!(messages
        .iter()
        .any(|m| m.contains("not an http or https address")));
    assert_eq!(d.warnings[0].path, "events[0].source.url");
    assert!(messages
        .iter()
        .any(|m| m.contains("100000-character title")));
}

#[test]
fn an_html_page_instead_of_json_is_named_as_such() {
    let err = parse_dataset("<!doctype html><h1>Not found</h1>").unwrap_err();
    assert!(err.message.contains("HTML page, not JSON"), "{err}");
    assert_eq!((err.line, err.column), (Some(1), Some(1)));
}

#[test]
fn kind_index_is_the_position_in_all() {
    for (i, k) in EventKind::ALL.iter().enumerate() {
        assert_eq!(k.index(), i, "{k:?}");
    }
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", doc(&[event("a", "rsm", "2011")]));
    assert!(parse_dataset(&text).is_ok());
}

#[test]
fn unknown_organisation_names_the_event_and_its_value() {
    let text = doc(&[event("a", "rsm", "2011"), event("b", "kprf", "2012")]);
    let err = parse_dataset(&text).unwrap_err();
    assert_eq!(err.path, "events[1].org");
    assert_eq!(err.item_id.as_deref(), Some("b"));
    assert!(
        err.message.contains("unknown organisation \"kprf\""),
        "{err}"
    );
    assert!(err.message.contains("dzns, rsm"), "{err}");
    assert_eq!((err.line, err.column), (Some(6), Some(20)), "{err}");
}

#[test]
fn duplicate_ids_name_both_places() {
    let text = doc(&[event("a", "rsm", "2011"), event("a", "rsm", "2012")]);
    let err = parse_dataset(&text).unwrap_err();
    assert!(err.message.contains("events[0] and events[1]"), "{err}");
    assert_eq!(err.path, "events[1].id");
}

#[test]
fn syntax_errors_carry_path_line_and_column() {
    let err = parse_dataset("{\n  \"organisations\": [,]\n}").unwrap_err();
    assert_eq!((err.line, err.column), (Some(2), Some(21)), "{err}");
    assert_eq!(err.path, "organisations[0]");
}

#[test]
fn unknown_and_missing_fields_name_their_path() {
    let text = doc(&[event("a", "rsm", "2011")]).replace("\"title\"", "\"titel\"");
    let err = parse_dataset(&text).unwrap_err();
    assert!(err.message.contains("unknown field `titel`"), "{err}");
    assert_eq!(err.path, "events[0].titel");

    let text = doc(&[event("a", "rsm", "2011")]).replace("\"kind\": \"congress\", ", "");
    let err = parse_dataset(&text).unwrap_err();
    assert!(err.message.contains("missing field `kind`"), "{err}");
    assert_eq!(err.path, "events[0]");
    assert_eq!(err.item_id.as_deref(), Some("a"));
}

#[test]
fn membership_must_be_a_plausible_whole_number() {
    for (members, want) in [
        ("-5", "negative"),
        ("12.5", "whole number"),
        ("5e12", "implausibly large"),
        ("\"many\"", "invalid type: string \"many\""),
    ] {
        let text = doc(&[event("a", "rsm", "2011")]).replace(
            "\"events\"",
            &format!(
                r#""membership": [{{"org": "dzns", "date": "2019-12", "members": {members},
                  "source": {{"article": "A", "section": "S", "quote": "Q"}}}}], "events""#
            ),
        );
        let err = parse_dataset(&text).unwrap_err();
        assert!(err.message.contains(want), "{members}: {err}");
        assert_eq!(err.path, "membership[0].members");
    }
}

#[test]
fn impossible_dates_are_located_at_the_date() {
    let err = parse_dataset(&doc(&[event("x", "rsm", "2020-02-30")])).unwrap_err();
    assert_eq!(err.path, "events[0].date");
    assert!(err.message.contains("February 2020 has no day 30"), "{err}");
    assert_eq!(err.line, Some(4));
}

#[test]
fn empty_and_trivial_documents_are_refused_in_words() {
    assert!(parse_dataset("").unwrap_err().message.contains("empty"));
    assert!(parse_dataset("  \n").unwrap_err().message.contains("empty"));
    assert!(parse_dataset("\u{feff}")
        .unwrap_err()
        .message
        .contains("empty"));
    assert!(parse_dataset("{}")
        .unwrap_err()
        .message
        .contains("missing field `organisations`"));
    assert!(parse_dataset("[1]")
        .unwrap_err()
        .message
        .contains("invalid type: sequence, expected the dataset object"));
    let no_events = format!("{{{ORGS}, \"events\": []}}");
    assert_eq!(
        parse_dataset(&no_events).unwrap_err().message,
        "there are no events"
    );
}

#[test]
fn colours_must_be_hex() {
    let text = doc(&[event("a", "rsm", "2011")]).replace("#2255aa", "red; x: url(y)");
    let err = parse_dataset(&text).unwrap_err();
    assert_eq!(err.path, "organisations[1].color");
    assert_eq!(err.item_id.as_deref(), Some("rsm"));
}

#[test]
fn span_covers_events_and_open_lifespans() {
    let d = parse_dataset(&doc(&[event("a", "rsm", "2011-03-07")])).unwrap();
    let today = movement_timeline::core::date::days_from_civil(2026, 1, 1);
    let place = movement_timeline::core::align::Placing::calendar(today);
    let (lo, hi) = place.span(&d).unwrap();
    assert_eq!(movement_timeline::core::date::iso_day(lo), "2011-03-07");
    assert_eq!(hi, today, "DZNS has no dissolution, so it reaches today");
}

/// The shipped dataset written with every object's keys in alphabetical
/// order (as `json.dumps(sort_keys=True)` writes them: `events` first),
/// extra whitespace, `\u` escapes for every non-ASCII character and a BOM.
fn reordered_shipped_data() -> String {
    fn write(v: &serde_json::Value) -> String {
        match v {
            // serde_json's map keeps keys sorted.
            serde_json::Value::Object(map) => {
                let pairs: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{} :  {}", serde_json::to_string(k).unwrap(), write(v)))
                    .collect();
                format!("{{ {} }}", pairs.join(" ,\n\t "))
            }
            serde_json::Value::Array(items) => {
                let parts: Vec<String> = items.iter().map(write).collect();
                format!("[ {} ]", parts.join(" ,\n "))
            }
            other => other.to_string(),
        }
    }
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../static/data/movements.json")).unwrap();
    let escaped: String = write(&shipped)
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\u{:04x}", c as u32)
            }
        })
        .collect();
    format!("\u{feff}  {escaped}\n")
}

#[test]
fn keys_in_any_order_with_escapes_and_a_bom_read_the_same_dataset() {
    let shipped = parse_dataset(include_str!("../static/data/movements.json")).unwrap();
    let text = reordered_shipped_data();
    assert!(text.find("\"events\"").unwrap() < text.find("\"organisations\"").unwrap());
    let reordered = parse_dataset(&text).unwrap();
    assert_eq!(reordered.events.len(), 30);
    assert_eq!(reordered, shipped);
}

#[test]
fn a_dataset_in_memory_validates_like_its_text() {
    let text = include_str!("../static/data/movements.json");
    let raw: RawDataset = serde_json::from_str(text).unwrap();
    assert_eq!(
        validate(raw, Limits::default()).unwrap(),
        parse_dataset(text).unwrap()
    );
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let text = doc(&[
        event("a", "rsm", "2020-13"),
        event("b", "kprf", "2012"),
        event("B!", "rsm", "2012"),
    ])
    .replacen("\"kind\": \"congress\"", "\"kind\": \"party\"", 1);
    let errors = read_json(&text, Limits::default()).unwrap_err();
    let found: Vec<(&str, Option<&str>)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.item_id.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("events[0].kind", Some("a")),
            ("events[0].date", Some("a")),
            ("events[2].id", Some("B!")),
            ("events[1].org", Some("b")),
        ],
        "{errors:#?}"
    );
    assert!(errors
        .iter()
        .all(|e| e.line.is_some() && e.column.is_some()));
}

#[test]
fn an_empty_translated_label_is_an_error_like_an_english_one() {
    let text = doc(&[event("b", "dzns", "2019-11-07")]).replace(
        "\"title\": \"T\"",
        r#""title": "T", "i18n": {"ru": {"title": "Т", "label": " "}}"#,
    );
    let err = parse_dataset(&text).unwrap_err();
    assert_eq!(err.path, "events[0].i18n.ru.label");
    assert!(err.message.contains("the label is empty"), "{err}");
}

#[test]
fn null_is_refused_where_the_schema_allows_a_field_to_be_left_out_but_not_emptied() {
    for field in ["summary", "predecessor", "label"] {
        let text = doc(&[event("b", "dzns", "2019-11-07")]).replace(
            "\"title\": \"T\"",
            &format!("\"title\": \"T\", \"{field}\": null"),
        );
        let err = parse_dataset(&text).unwrap_err();
        assert_eq!(err.path, format!("events[0].{field}"), "{err}");
        assert!(err.message.contains("invalid type: null"), "{err}");
    }
}

#[test]
fn events_before_their_organisations_are_read() {
    let text = format!(
        "{{\"events\": [{}], {ORGS}}}",
        event("a", "rsm", "2011-03-07")
    );
    let d = parse_dataset(&text).unwrap();
    assert_eq!(d.organisations[d.events[0].org].id, "rsm");
}
