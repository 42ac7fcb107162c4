//! The shipped dataset: valid for the Rust model and the JSON Schema, every
//! quote verbatim in its article, every named kind present.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::core::data::{parse_dataset, EventKind};
use serde_json::Value;
use std::fs;

const DATA: &str = "static/data/movements.json";
const SCHEMA: &str = "static/data/movements.schema.json";

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article_text(title: &str) -> String {
    let file = match title {
        "For a New Socialism" => "tests/fixtures/articles/for-a-new-socialism.txt",
        "Russian Socialist Movement" => "tests/fixtures/articles/russian-socialist-movement.txt",
        other => panic!("unknown source article {other:?}"),
    };
    normalise(&read(file))
}

#[test]
fn shipped_data_validates_against_the_rust_model() {
    let data = parse_dataset(&read(DATA)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(data.organisations.len(), 2);
    assert!(data.events.len() >= 25, "{} events", data.events.len());
}

#[test]
fn shipped_data_validates_against_its_json_schema() {
    let schema: Value = serde_json::from_str(&read(SCHEMA)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let data: Value = serde_json::from_str(&read(DATA)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The schema is not a rubber stamp: it refuses what the model refuses.
    for (pointer, bad) in [
        ("/events/0/kind", Value::from("party")),
        ("/events/0/date", Value::from("7 March 2011")),
        ("/organisations/0/color", Value::from("red")),
        ("/membership/0/members", Value::from(12.5)),
    ] {
        let mut broken = data.clone();
        *broken.pointer_mut(pointer).unwrap() = bad.clone();
        assert!(
            !validator.is_valid(&broken),
            "schema accepted {bad} at {pointer}"
        );
    }
}

#[test]
fn every_quote_is_verbatim_in_its_article() {
    let data: Value = serde_json::from_str(&read(DATA)).unwrap();
    let items = data["events"]
        .as_array()
        .unwrap()
        .iter()
        .chain(data["membership"].as_array().unwrap());
    let mut checked = 0;
    for item in items {
        let source = &item["source"];
        let article = article_text(source["article"].as_str().unwrap());
        let quote = normalise(source["quote"].as_str().unwrap());
        assert!(
            article.contains(&quote),
            "quote of {} not found verbatim: {quote:?}",
            item["id"].as_str().unwrap_or("(membership)")
        );
        checked += 1;
    }
    assert!(checked >= 30);
}

#[test]
fn the_missions_named_kinds_are_all_in_the_data() {
    let data = parse_dataset(&read(DATA)).unwrap();
    for kind in [
        EventKind::Founding,
        EventKind::Congress,
        EventKind::Arrest,
        EventKind::Registration,
        EventKind::RegistrationRefusal,
        EventKind::Dissolution,
        EventKind::Designation,
        EventKind::Election,
        EventKind::Appointment,
        EventKind::Announcement,
        EventKind::Merger,
    ] {
        assert!(
            data.events.iter().any(|e| e.kind == kind),
            "no {} event",
            kind.as_str()
        );
    }
}

#[test]
fn dates_keep_the_precision_the_text_gives() {
    let data = parse_dataset(&read(DATA)).unwrap();
    let label = |id: &str| {
        data.events
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.date.label())
            .unwrap_or_else(|| panic!("no event {id}"))
    };
    assert_eq!(label("dzns-first-congress"), "7 November 2019");
    assert_eq!(label("dzns-platoshkin-house-arrest"), "June 2020 – ?");
    assert_eq!(label("dzns-socialist-party-created"), "autumn 2020");
    assert_eq!(label("dzns-kosterina-appointed"), "c. mid-January 2020");
    assert_eq!(label("dzns-predecessor-movement"), "1990s–2000s");
    assert_eq!(label("dzns-impostors-at-rpfj-congress"), "3 July 2021?");
    assert_eq!(label("dzns-registration-refused"), "December 2020?");
    assert_eq!(label("rsm-dissolution"), "8 May 2024");
}

#[test]
fn membership_holds_the_six_published_dzns_counts_and_nothing_for_rsm() {
    let data = parse_dataset(&read(DATA)).unwrap();
    let dzns = data.org_index("dzns").unwrap();
    let counts: Vec<(String, u32)> = data
        .membership
        .iter()
        .filter(|c| c.org == dzns)
        .map(|c| (c.date.label(), c.members))
        .collect();
    assert_eq!(
        counts,
        [
            ("December 2019".to_string(), 35_000),
            ("January 2020".to_string(), 40_000),
            ("February 2020".to_string(), 52_000),
            ("March 2020".to_string(), 62_000),
            ("May 2020".to_string(), 78_000),
            ("2021".to_string(), 78_987),
        ]
    );
    let rsm = data.org_index("rsm").unwrap();
    assert!(
        data.membership.iter().all(|c| c.org != rsm),
        "RSM published no counts"
    );
}
