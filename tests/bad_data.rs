//! Every bad input of the data gets a message that says what and where.
//! One fixture file per case under tests/fixtures/bad/.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::core::data::Limits;
use movement_timeline::core::read::{parse_dataset, parse_dataset_within};
use std::fs;

struct Case {
    file: &'static str,
    message: &'static str,
    path: &'static str,
    item: Option<&'static str>,
    line: Option<usize>,
}

const fn case(
    file: &'static str,
    message: &'static str,
    path: &'static str,
    item: Option<&'static str>,
    line: Option<usize>,
) -> Case {
    Case {
        file,
        message,
        path,
        item,
        line,
    }
}

// The line is where the offending value (or key, or closing bracket)
// stands, so an editor can jump to it.
const CASES: &[Case] = &[
    case(
        "malformed.json",
        "key must be a string",
        "organisations[0]",
        None,
        Some(8),
    ),
    case(
        "trailing-comma.json",
        "trailing comma",
        "membership",
        None,
        Some(56),
    ),
    case("empty.json", "the data file is empty", "", None, None),
    case(
        "empty-object.json",
        "missing field `organisations`",
        "",
        None,
        Some(1),
    ),
    case(
        "no-events.json",
        "there are no events",
        "events",
        None,
        Some(19),
    ),
    case(
        "unknown-field.json",
        "unknown field `titel`",
        "events[1].titel",
        Some("dzns-first-congress"),
        Some(43),
    ),
    case(
        "missing-field.json",
        "missing field `date`",
        "events[1]",
        Some("dzns-first-congress"),
        Some(42),
    ),
    case(
        "wrong-type.json",
        "invalid type: string \"many\", expected f64",
        "membership[0].members",
        None,
        Some(49),
    ),
    case(
        "nan.json",
        "NaN and Infinity are not JSON numbers",
        "membership[0].members",
        None,
        Some(49),
    ),
    case(
        "infinity.json",
        "NaN and Infinity are not JSON numbers",
        "membership[0].members",
        None,
        Some(49),
    ),
    case(
        "deep-nesting.json",
        "invalid type: sequence, expected a string",
        "organisations[0][0]",
        None,
        Some(1),
    ),
    case(
        "invalid-date.json",
        "invalid date \"7 November 2019\"",
        "events[1].date",
        Some("dzns-first-congress"),
        Some(35),
    ),
    case(
        "impossible-date.json",
        "February 2020 has no day 30",
        "events[1].date",
        Some("dzns-first-congress"),
        Some(35),
    ),
    case(
        "month-13.json",
        "month 13 does not exist",
        "events[1].date",
        Some("dzns-first-congress"),
        Some(35),
    ),
    case(
        "end-before-start.json",
        "the interval ends before it starts",
        "events[1].date",
        Some("dzns-first-congress"),
        Some(35),
    ),
    case(
        "unknown-organisation.json",
        "unknown organisation \"kprf\" (known: dzns, rsm)",
        "events[1].org",
        Some("dzns-first-congress"),
        Some(34),
    ),
    case(
        "unknown-kind.json",
        "unknown kind \"party\"",
        "events[1].kind",
        Some("dzns-first-congress"),
        Some(36),
    ),
    case(
        "duplicate-ids.json",
        "events[0] and events[1] both use it",
        "events[1].id",
        Some("rsm-founded"),
        Some(33),
    ),
    case(
        "negative-members.json",
        "membership cannot be negative: -5",
        "membership[0].members",
        None,
        Some(49),
    ),
    case(
        "fractional-members.json",
        "membership must be a whole number: 12.5",
        "membership[0].members",
        None,
        Some(49),
    ),
    case(
        "huge-members.json",
        "implausibly large",
        "membership[0].members",
        None,
        Some(49),
    ),
    case(
        "bad-colour.json",
        "is not of the form #rrggbb",
        "organisations[1].color",
        Some("rsm"),
        Some(16),
    ),
    case("html-page.json", "HTML page, not JSON", "", None, Some(1)),
];

fn read(file: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/bad/{file}")).unwrap()
}

#[test]
fn every_bad_input_is_refused_with_what_and_where() {
    let mut failures = Vec::new();
    for c in CASES {
        match parse_dataset(&read(c.file)) {
            Ok(_) => failures.push(format!("{}: accepted", c.file)),
            Err(e) => {
                let ok = e.message.contains(c.message)
                    && e.path == c.path
                    && e.item_id.as_deref() == c.item
                    && e.line == c.line
                    && (e.line.is_none() || e.column.is_some());
                if !ok {
                    failures.push(format!("{}: got {e:?}", c.file));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_fixture_file_is_covered() {
    let mut files: Vec<String> = fs::read_dir("tests/fixtures/bad")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let accepted = ["bom.json", "long-title.json"];
    for f in &files {
        assert!(
            accepted.contains(&f.as_str()) || CASES.iter().any(|c| c.file == f),
            "{f} has no expectation"
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let d = parse_dataset(&read("bom.json")).unwrap();
    assert_eq!(d.events.len(), 2);
    let messages: Vec<&str> = d.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        ["2 events have no label; the title is shown on the mark"]
    );
}

#[test]
fn a_100_kb_title_is_accepted_with_a_warning() {
    let d = parse_dataset(&read("long-title.json")).unwrap();
    let title = d
        .warnings
        .iter()
        .find(|w| w.message.contains("100000-character title"))
        .unwrap();
    assert_eq!(title.path, "events[1].title");
}

#[test]
fn caps_are_stated_and_the_size_cap_applies_before_parsing() {
    let text = read("bom.json");
    let small = Limits {
        max_bytes: 100,
        max_events: 1,
    };
    // Over the byte cap: refused without parsing, even though it is invalid
    // JSON after the cap (the parser would otherwise have complained).
    let err = parse_dataset_within(&format!("{text}{}", "x".repeat(200)), &small).unwrap_err();
    assert!(
        err.message
            .contains("more than the limit of 100 bytes; it was not read"),
        "{err}"
    );
    let roomy = Limits {
        max_bytes: 1 << 20,
        max_events: 1,
    };
    let err = parse_dataset_within(&text, &roomy).unwrap_err();
    assert_eq!(err.message, "2 events is more than the limit of 1 events");
    assert_eq!(
        &*err.message_ru, "2 события — больше предела в 1 событие",
        "the refusal keeps its Russian words through serde"
    );
    assert_eq!(err.path, "events");
}

#[test]
fn fuzz_regressions_never_panic() {
    let mut replayed = 0;
    for entry in fs::read_dir("tests/fixtures/fuzz").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = parse_dataset(text);
        }
        replayed += 1;
    }
    // Also the whole bad-data set, with bytes cut at every tenth position.
    for entry in fs::read_dir("tests/fixtures/bad").unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        if text.len() > 20_000 {
            continue;
        }
        for cut in (0..text.len())
            .step_by(10)
            .filter(|c| text.is_char_boundary(*c))
        {
            let _ = parse_dataset(&text[..cut]);
            replayed += 1;
        }
    }
    assert!(replayed > 100);
}

/// The fixtures whose problem is the JSON syntax itself: the words come
/// from the JSON reader (natively serde_json's, in the browser the
/// browser's own), not from the widget.
const SYNTAX: [&str; 5] = [
    "malformed.json",
    "trailing-comma.json",
    "nan.json",
    "infinity.json",
    "deep-nesting.json",
];

#[test]
fn every_problem_but_the_json_syntax_is_said_in_russian_too() {
    use movement_timeline::core::i18n::{problem_line, Lang};
    let cyrillic = |s: &str| {
        s.chars()
            .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
    };
    let mut english = Vec::new();
    for c in CASES.iter().filter(|c| !SYNTAX.contains(&c.file)) {
        let errors = movement_timeline::core::read::read_json(&read(c.file), Limits::default())
            .expect_err(c.file);
        for e in &errors {
            let ru = problem_line(Lang::Ru, e);
            // What is left once the names written in the file (in quotes,
            // backticks or guillemets) and the paths are taken out.
            let words: String = ru
                .split(['`', '«', '»', '"'])
                .step_by(2)
                .collect::<Vec<_>>()
                .join(" ");
            let latin: Vec<&str> = words
                .split(|ch: char| !ch.is_ascii_alphabetic())
                .filter(|w| w.len() > 2 && !["id", "JSON", "HTML", "EDTF", "null"].contains(w))
                .filter(|w| !e.path.contains(w))
                .collect();
            if !cyrillic(&ru) || !latin.is_empty() {
                english.push(format!("{}: {ru} (Latin words: {latin:?})", c.file));
            }
        }
    }
    assert!(english.is_empty(), "{english:#?}");
}
