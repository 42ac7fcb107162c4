//! The command line, run as a reader would run it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_movement-timeline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_passes_the_shipped_data() {
    let (code, out, _) = run(&["check", "static/data/movements.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("30 events"), "{out}");
}

#[test]
fn check_names_file_line_column_path_and_message_of_an_error() {
    let file = "tests/fixtures/bad/invalid-date.json";
    let (code, out, _) = run(&["check", file]);
    assert_eq!(code, 1);
    let line = out.lines().next().unwrap();
    let rest = line.strip_prefix(&format!("{file}:")).expect(line);
    let mut parts = rest.splitn(3, ':');
    let (l, c) = (parts.next().unwrap(), parts.next().unwrap());
    assert!(
        l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok(),
        "{line}"
    );
    assert!(line.contains("events[") && line.contains(".date"), "{line}");
}

#[test]
fn prerender_writes_both_layouts_and_the_list_without_test_ids() {
    let (code, out, _) = run(&[
        "prerender",
        "static/data/movements.json",
        "--today",
        "2026-11-22",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("mt-prerender-wide") && out.contains("mt-prerender-narrow"));
    assert_eq!(out.matches("data-layout=\"vertical\"").count(), 1);
    assert_eq!(out.matches("data-layout=\"horizontal\"").count(), 1);
    assert!(!out.contains("data-testid"), "copies carry no test ids");
    assert!(out.contains("<noscript>") && out.contains("17 October 2020"));
}

#[test]
fn a_wrong_command_says_how_to_use_it() {
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage:"), "{err}");
    let (code, _, err) = run(&["check", "no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.json"), "{err}");
}

#[test]
fn check_gives_every_bad_fixture_a_located_line_with_the_widgets_message() {
    let mut seen = 0;
    for entry in std::fs::read_dir("tests/fixtures/bad").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let file = path.to_str().unwrap();
        if file.ends_with("bom.json") || file.ends_with("long-title.json") {
            // Accepted with a warning (see tests/bad_data.rs): check says so.
            let (code, out, _) = run(&["check", file]);
            assert_eq!(code, 0, "{file}: {out}");
            continue;
        }
        let widget = movement_timeline::core::read::parse_dataset(
            &std::fs::read_to_string(&path).unwrap_or_default(),
        )
        .expect_err(file);
        let (code, out, _) = run(&["check", file]);
        assert_eq!(code, 1, "{file}: {out}");
        let line = out.lines().next().unwrap();
        assert!(line.starts_with(&format!("{file}:")), "{line}");
        assert!(
            line.contains(&widget.message),
            "{file}: the widget's message: {line}"
        );
        if let (Some(l), Some(c)) = (widget.line, widget.column) {
            assert!(line.starts_with(&format!("{file}:{l}:{c}: ")), "{line}");
        }
        seen += 1;
    }
    assert!(seen >= 20, "checked {seen} fixtures");
}

#[test]
fn import_turns_the_example_spreadsheets_into_data_the_widget_reads() {
    let (code, out, err) = run(&[
        "import",
        "--organisations",
        "examples/organisations.csv",
        "--events",
        "examples/events.csv",
        "--membership",
        "examples/membership.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let data = movement_timeline::core::read::parse_dataset(&out).expect("the widget reads it");
    assert_eq!(
        (
            data.organisations.len(),
            data.events.len(),
            data.membership.len()
        ),
        (2, 9, 6)
    );
    // "17 October 2020" in the sheet is the day it says.
    let congress = &data.events[data.event_index("dzns-socialist-party-congress").unwrap()];
    assert_eq!(data.text(congress.date_text), "2020-10-17");
}

#[test]
fn import_locates_bad_rows_by_file_row_and_column() {
    let dir = std::env::temp_dir().join(format!("mt-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let events = dir.join("events.csv");
    std::fs::write(
        &events,
        "id,org,date,kind,title,article,section,quote\nok,rsm,2011,founding,A,X,Y,Z\nbad,rsm,2011-13,founding,B,X,Y,Z\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "import",
        "--organisations",
        "examples/organisations.csv",
        "--events",
        events.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let line = err.lines().next().unwrap();
    assert!(
        line.starts_with(&format!("{}:3:3: date: ", events.display())),
        "{line}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A fresh folder for one test's files.
fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mt-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn import_keeps_a_bare_carriage_return_inside_a_field() {
    let dir = scratch("bare-cr");
    let events = dir.join("events.csv");
    // Lines end in `\r\n`; the quotes hold a bare `\r`, quoted and not.
    std::fs::write(
        &events,
        "id,org,date,kind,title,article,section,quote\r\n\
         quoted,rsm,2011,founding,A,X,Y,\"a\rb\"\r\n\
         bare,rsm,2012,congress,B,X,Y,c\rd\r\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "import",
        "--organisations",
        "examples/organisations.csv",
        "--events",
        events.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let quotes: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"]["quote"].as_str().unwrap())
        .collect();
    assert_eq!(quotes, ["a\rb", "c\rd"]);
    let data = movement_timeline::core::read::parse_dataset(&out).unwrap();
    assert_eq!(data.events.len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_reports_every_problem_with_its_own_row_and_column() {
    let dir = scratch("two-problems");
    let events = dir.join("events.csv");
    std::fs::write(
        &events,
        "id,org,date,kind,title,article,section,quote\n\
         bad-date,rsm,2011-13,founding,A,X,Y,Z\n\
         ok,rsm,2011,founding,B,X,Y,Z\n\
         bad-kind,rsm,2012,picnic,C,X,Y,Z\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "import",
        "--organisations=examples/organisations.csv",
        "--events",
        events.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "no data file is written: {out}");
    let lines: Vec<&str> = err.lines().collect();
    let file = events.display().to_string();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("{file}:2:3: date: ")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("{file}:4:4: kind: unknown kind \"picnic\"")),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn help_prints_the_usage_and_succeeds() {
    for args in [&["--help"][..], &["-h"], &["check", "--help"]] {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.starts_with("usage:"), "{out}");
    }
    // An option a command does not take is a usage error.
    let (code, _, err) = run(&["check", "static/data/movements.json", "--width", "3"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("usage:"), "{err}");
}
