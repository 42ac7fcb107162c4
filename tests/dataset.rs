//! The shipped dataset: valid for the Rust model and the JSON Schema, every
//! quote verbatim in its article, every named kind present.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::core::data::EventKind;
use movement_timeline::core::read::parse_dataset;
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
        // Excerpts of one passage may be joined by " … "; each must be
        // verbatim, in the article's order.
        let mut from = 0;
        for excerpt in source["quote"].as_str().unwrap().split(" … ") {
            let excerpt = normalise(excerpt);
            let found = article[from..].find(&excerpt);
            assert!(
                found.is_some(),
                "quote of {} not found verbatim (in order): {excerpt:?}",
                item["id"].as_str().unwrap_or("(membership)")
            );
            from += found.unwrap_or(0) + excerpt.len();
        }
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
        data.event_index(id)
            .map(|i| data.events[i].date.label())
            .unwrap_or_else(|| panic!("no event {id}"))
    };
    assert_eq!(label("dzns-first-congress"), "7 November 2019");
    assert_eq!(label("dzns-platoshkin-house-arrest"), "June 2020 – ?");
    assert_eq!(label("dzns-socialist-party-created"), "autumn 2020");
    assert_eq!(label("dzns-kosterina-appointed"), "c. mid-January 2020");
    assert_eq!(label("dzns-predecessor-movement"), "1990s–2000s");
    // "On July 3" in a section that runs from June 2020 to "before the
    // 2021 parliamentary elections", and a nomination after an undated
    // congress in the same span: one of two years, not a guessed one.
    assert_eq!(
        label("dzns-impostors-at-rpfj-congress"),
        "3 July 2020 or 3 July 2021"
    );
    assert_eq!(label("dzns-communist-party-nominates-7"), "2020 or 2021");
    assert_eq!(label("dzns-registration-refused"), "December 2020?");
    assert_eq!(label("rsm-dissolution"), "8 May 2024");
    assert_eq!(label("rsm-vpered-sixth-congress"), "6 March 2011?");
    assert_eq!(label("rsm-socialist-resistance-conference"), "6 March 2011");
    assert_eq!(label("rsm-regional-branches"), "7 March 2011 – ?");
    assert_eq!(label("rsm-fourth-international-group"), "7 March 2011 – ?");
    assert_eq!(label("dzns-not-disbanded-clarified"), "2 June 2020? – ?");
    assert_eq!(
        label("dzns-alternative-refuses-platoshkin"),
        "2 June 2020? – ?"
    );
}

#[test]
fn a_fact_dated_only_after_another_opens_at_that_date_and_quotes_both() {
    // "He later clarified" and "However, … refused" follow the announcement
    // of June 2 (its year inferred, so kept uncertain); "formed within the
    // RSM" follows the founding. Each opens at its anchor's date, with no
    // end, and its quote holds the anchor and the sentence the year comes
    // from as well as the fact.
    let date = |id: &str| event(id)["date"].as_str().unwrap().to_owned();
    let june = "On June 2, Platoshkin announced that he would become leader";
    let year = "On May 8, 2020";
    for (id, anchor, quoted) in [
        (
            "dzns-not-disbanded-clarified",
            "dzns-alternative-for-russia",
            [
                year,
                june,
                "He later clarified that For a New Socialism would not be disbanded, but would become the support base",
            ],
        ),
        (
            "dzns-alternative-refuses-platoshkin",
            "dzns-alternative-for-russia",
            [
                year,
                june,
                "However, the Alternative for Russia (Party of Socialist Choice) refused to make Platoshkin its leader",
            ],
        ),
        (
            "rsm-fourth-international-group",
            "rsm-founded",
            [
                "A group of members of the Fourth International",
                "was formed within the RSM",
                "which has become the new Russian section",
            ],
        ),
    ] {
        assert_eq!(date(id), format!("{}/", date(anchor)), "{id}");
        let quote = event(id)["source"]["quote"].as_str().unwrap().to_owned();
        for q in quoted {
            assert!(quote.contains(q), "{id}: {q:?} not in {quote}");
        }
    }
    assert_eq!(date("dzns-not-disbanded-clarified"), "2020-06-02?/");
    assert_eq!(date("rsm-fourth-international-group"), "2011-03-07/");
    assert_eq!(
        event("dzns-alternative-refuses-platoshkin")["label"],
        "Alternative refuses Platoshkin"
    );
    // The abandonment of the party plans is dated only after the undated
    // release from house arrest: no event of its own, and said so.
    assert!(events().iter().all(|e| !e["title"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("abandon")));
    assert!(normalise(&read("README.md")).contains(
        "Platoshkin abandoned plans to transform For a New Socialism into a political party\" has no date of its own"
    ));
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

/// Words that are capitalised only because they begin a sentence or a
/// title, and are not names. Each sentence-initial word must otherwise
/// appear (in any case) in its quote; these do not, and say nothing a quote
/// would need to back.
const SENTENCE_START_ALLOWED: &[(&str, &str)] = &[
    ("The", "article"),
    ("An", "article"),
    ("It", "pronoun for the event's organisation"),
    ("Plans", "a summary word for what the quote announces"),
    (
        "Earlier",
        "names the predecessor relative to the later movement",
    ),
    ("Programme", "British spelling of the article's 'program'"),
    (
        "Recognised",
        "British spelling of the article's 'recognized'",
    ),
];

/// The numbers (digit runs) in a text.
fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Words of a text with their position: (word, starts a sentence).
fn words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word: String = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_owned();
        if !word.is_empty() {
            out.push((word, sentence_start));
        }
        sentence_start = raw.ends_with(['.', ';', ':', '?', '!']);
    }
    out
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What in `text` (a title or summary) is not backed by `haystack` (the
/// quote, people and organisation names): every number, every capitalised
/// word (a name, a month, a party), and every sentence-initial word unless
/// its lower-case form is in the quote or it is allowed above.
fn unbacked(text: &str, haystack: &str) -> Vec<String> {
    let hay_numbers = numbers(haystack);
    let lower = haystack.to_lowercase();
    let mut missing: Vec<String> = numbers(text)
        .into_iter()
        .filter(|n| !hay_numbers.contains(n))
        .collect();
    for (word, starts) in words(text) {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if starts {
            let allowed = SENTENCE_START_ALLOWED.iter().any(|(w, _)| *w == word);
            if allowed || contains_word(&lower, &word.to_lowercase()) {
                continue;
            }
        }
        if contains_word(haystack, &word) {
            continue;
        }
        missing.push(word);
    }
    missing
}

#[test]
fn every_number_and_name_in_a_title_or_summary_is_in_its_quote() {
    let data: Value = serde_json::from_str(&read(DATA)).unwrap();
    let orgs = data["organisations"].as_array().unwrap();
    let mut problems = Vec::new();
    for event in data["events"].as_array().unwrap() {
        let id = event["id"].as_str().unwrap();
        let org = orgs
            .iter()
            .find(|o| o["id"] == event["org"])
            .unwrap_or_else(|| panic!("{id}: unknown organisation"));
        let mut haystack = String::from(event["source"]["quote"].as_str().unwrap());
        for value in event["people"].as_array().into_iter().flatten() {
            haystack.push('\n');
            haystack.push_str(value.as_str().unwrap());
        }
        for key in ["name", "abbreviation", "nativeName"] {
            if let Some(s) = org[key].as_str() {
                haystack.push('\n');
                haystack.push_str(s);
            }
        }
        if let Some(s) = event["predecessor"].as_str() {
            haystack.push('\n');
            haystack.push_str(s);
        }
        for field in ["title", "label", "summary"] {
            let text = event[field].as_str().unwrap_or("");
            let missing = unbacked(text, &haystack);
            if !missing.is_empty() {
                problems.push(format!("{id}.{field}: {missing:?} not in the quote"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_fidelity_rule_catches_a_wrong_number_name_or_month() {
    let quote = "The founding congress of the party was held on October 17, 2020.";
    assert!(unbacked("Founding congress on 17 October 2020", quote).is_empty());
    assert_eq!(
        unbacked("Founding congress on 18 October 2020", quote),
        ["18"]
    );
    assert_eq!(unbacked("Congress in November 2020", quote), ["November"]);
    assert_eq!(
        unbacked("Platoshkin holds a congress", quote),
        ["Platoshkin"]
    );
    assert_eq!(
        unbacked("The party meets. Delegates vote.", quote),
        ["Delegates"],
        "a sentence-initial word that is not in the quote is reported"
    );
}

#[test]
fn the_movement_lane_shows_no_congress_it_did_not_hold() {
    let data = parse_dataset(&read(DATA)).unwrap();
    let dzns = data.org_index("dzns").unwrap();
    let congresses: Vec<&str> = data
        .events
        .iter()
        .filter(|e| e.org == dzns && e.kind == EventKind::Congress && e.predecessor.is_empty())
        .map(|e| data.text(e.id))
        .collect();
    assert_eq!(
        congresses,
        ["dzns-first-congress", "dzns-socialist-party-congress"],
        "the movement's own congresses and its party's founding congress"
    );
    let earlier: Vec<&str> = data
        .events
        .iter()
        .filter(|e| !e.predecessor.is_empty())
        .map(|e| data.text(e.id))
        .collect();
    assert_eq!(
        earlier,
        [
            "dzns-predecessor-movement",
            "dzns-predecessor-first-congress",
            "rsm-vpered-sixth-congress",
            "rsm-socialist-resistance-conference"
        ],
        "facts of other organisations (the 1990s movement with the name, the two that merged into the RSM) are marked as such"
    );
    let congress = &data.events[data.event_index("dzns-predecessor-first-congress").unwrap()];
    let name = data.accessible_name(congress);
    assert!(
        name.contains("Russian Movement for a New Socialism")
            && !name.contains("— For a New Socialism —"),
        "its accessible name names the other organisation: {name}"
    );
}

/// The numbers of a text with digit groups joined ("78 987" is 78987).
fn plain_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let joined: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            let grouping = matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',');
            let between = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
                && chars[i + 1..].iter().take(3).all(char::is_ascii_digit);
            !(grouping && between)
        })
        .map(|(_, c)| *c)
        .collect();
    let mut n = numbers(&joined);
    n.sort();
    n
}

/// English month names and the stem every Russian form of the month shares.
const MONTHS: [(&str, &str); 12] = [
    ("January", "январ"),
    ("February", "феврал"),
    ("March", "март"),
    ("April", "апрел"),
    ("May", "ма"),
    ("June", "июн"),
    ("July", "июл"),
    ("August", "август"),
    ("September", "сентябр"),
    ("October", "октябр"),
    ("November", "ноябр"),
    ("December", "декабр"),
];

/// What a translation changes of the English text's dates and numbers.
fn translation_drift(en: &str, ru: &str) -> Vec<String> {
    let mut drift = Vec::new();
    let (a, b) = (plain_numbers(en), plain_numbers(ru));
    if a != b {
        drift.push(format!("numbers {a:?} became {b:?}"));
    }
    let lower = ru.to_lowercase();
    for (month, stem) in MONTHS {
        if contains_word(en, month) && !lower.contains(stem) {
            drift.push(format!("{month} is not in the translation"));
        }
    }
    drift
}

#[test]
fn every_event_has_a_russian_translation_with_the_same_dates_and_numbers() {
    let data: Value = serde_json::from_str(&read(DATA)).unwrap();
    let mut problems = Vec::new();
    for event in data["events"].as_array().unwrap() {
        let id = event["id"].as_str().unwrap();
        let ru = &event["i18n"]["ru"];
        for field in ["title", "label", "summary"] {
            let en = event[field].as_str().unwrap_or("");
            let Some(tr) = ru[field].as_str().filter(|s| !s.trim().is_empty()) else {
                problems.push(format!("{id}.i18n.ru.{field} is missing"));
                continue;
            };
            if tr.chars().any(|c| c.is_ascii_alphabetic()) && field != "summary" {
                problems.push(format!("{id}.i18n.ru.{field} has Latin letters: {tr}"));
            }
            for d in translation_drift(en, tr) {
                problems.push(format!("{id}.i18n.ru.{field}: {d}"));
            }
        }
        assert!(
            ru.get("quote").is_none() && ru.get("source").is_none(),
            "{id}: quotes are never translated"
        );
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_translation_rule_catches_a_changed_number_or_month() {
    let en = "Founding congress with delegates from 53 regions on 17 October 2020; 78,987 members";
    assert!(translation_drift(
        en,
        "Учредительный съезд с делегатами из 53 регионов 17 октября 2020; 78 987 участников"
    )
    .is_empty());
    assert_eq!(
        translation_drift(
            en,
            "Съезд с делегатами из 53 регионов 17 ноября 2020; 78 987"
        ),
        ["October is not in the translation"]
    );
    assert_eq!(
        translation_drift(en, "Съезд: 52 региона, 17 октября 2020; 78 987"),
        [r#"numbers ["17", "2020", "53", "78987"] became ["17", "2020", "52", "78987"]"#]
    );
}

/// Every event of the shipped data as JSON, with its Russian translation.
fn events() -> Vec<Value> {
    let data: Value = serde_json::from_str(&read(DATA)).unwrap();
    data["events"].as_array().unwrap().clone()
}

fn event(id: &str) -> Value {
    events()
        .into_iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// Every text a reader sees of an event, English and Russian.
fn texts(e: &Value) -> Vec<String> {
    let ru = &e["i18n"]["ru"];
    [
        &e["title"],
        &e["label"],
        &e["summary"],
        &ru["title"],
        &ru["label"],
        &ru["summary"],
    ]
    .iter()
    .filter_map(|v| v.as_str().map(str::to_owned))
    .collect()
}

#[test]
fn no_date_is_a_guess() {
    for e in events() {
        for text in texts(&e) {
            let lower = text.to_lowercase();
            assert!(
                !lower.contains("a guess") && !lower.contains("указан предположительно"),
                "{}: {text}",
                e["id"]
            );
        }
    }
    // "After the unification": from the founding, with no end given.
    assert_eq!(event("rsm-regional-branches")["date"], "2011-03-07/");
}

#[test]
fn the_earlier_movement_of_the_same_name_is_not_called_a_different_organisation() {
    for id in [
        "dzns-predecessor-movement",
        "dzns-predecessor-first-congress",
    ] {
        for text in texts(&event(id)) {
            let lower = text.to_lowercase();
            for claim in [
                "separate",
                "different",
                "другая",
                "другое",
                "отличная",
                "лишь потому",
            ] {
                assert!(!lower.contains(claim), "{id} says {claim:?}: {text}");
            }
        }
    }
}

#[test]
fn the_events_of_the_organisations_that_merged_into_the_rsm_are_marked_as_theirs() {
    for (id, name) in [
        ("rsm-vpered-sixth-congress", "Socialist League “Vpered”"),
        (
            "rsm-socialist-resistance-conference",
            "Socialist Resistance",
        ),
    ] {
        assert_eq!(event(id)["predecessor"], name, "{id}");
    }
}

#[test]
fn what_was_only_announced_or_refused_is_not_labelled_as_done() {
    let e = event("dzns-alternative-for-russia");
    assert_eq!(e["label"], "Plans to lead Alternative");
    assert!(e["summary"]
        .as_str()
        .unwrap()
        .contains("refused to make Platoshkin its leader"));
    assert_eq!(
        event("dzns-socialist-bloc-negotiations")["label"],
        "Bloc talks announced"
    );
}

#[test]
fn the_road_map_conference_is_not_made_the_supporter_of_the_left_front_exchange() {
    let e = event("rsm-founding-conference-road-map");
    let summary = e["summary"].as_str().unwrap();
    assert!(
        summary.contains("There is support for including"),
        "{summary}"
    );
    assert!(!summary.contains("It supports including"), "{summary}");
    let ru = e["i18n"]["ru"]["summary"].as_str().unwrap();
    assert!(!ru.contains("Конференция высказалась"), "{ru}");
}

/// True for a word in Latin script of three letters or more.
fn latin_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3)
        .collect()
}

#[test]
fn the_russian_view_holds_no_english_word() {
    let data = parse_dataset(&read(DATA)).unwrap();
    // Names the article gives only in Latin script, and nothing else.
    let allowed = ["YouTube"];
    for e in &data.events {
        let id = data.text(e.id);
        let ru = data.translation(e, "ru").unwrap();
        let mut shown: Vec<String> = [ru.title, ru.label, ru.summary]
            .iter()
            .map(|t| data.text(*t).to_owned())
            .collect();
        shown.extend(data.people_in(e, "ru").map(str::to_owned));
        if !e.predecessor.is_empty() {
            shown.push(data.organisation_name_in(e, "ru").to_owned());
        }
        if data.measure(e).is_some() {
            shown.push(data.unit_in(e, "ru").to_owned());
        }
        for text in shown {
            let english: Vec<&str> = latin_words(&text)
                .into_iter()
                .filter(|w| !allowed.contains(w))
                .collect();
            assert!(english.is_empty(), "{id}: {english:?} in {text:?}");
        }
    }
    let dzns = &data.organisations[data.org_index("dzns").unwrap()];
    assert_eq!(
        dzns.native_name.as_deref(),
        Some("Движение «За новый социализм»")
    );
    assert!(data.warnings.is_empty(), "{:?}", data.warnings);
}

#[test]
fn the_russian_words_a_native_reader_asked_for_are_used() {
    let all: Vec<String> = events().iter().flat_map(texts).collect();
    let joined = all.join("\n");
    for wrong in [
        "«иностранным агентом»",
        "«иноагентом»",
        "Офисы",
        "По состоянию на март",
        "Движение создало",
        "объявил о преобразовании",
    ] {
        assert!(!joined.contains(wrong), "{wrong}");
    }
    let ru = &event("dzns-offices-74-settlements")["i18n"]["ru"];
    assert!(ru["summary"]
        .as_str()
        .unwrap()
        .starts_with("К марту 2020 года"));
}

#[test]
fn the_first_window_starts_at_the_first_founding_unless_a_founding_is_unknown() {
    use movement_timeline::core::align::{Align, Placing};
    use movement_timeline::core::date::{days_from_civil, iso_day};
    let today = days_from_civil(2026, 12, 7);
    let data = parse_dataset(&read(DATA)).unwrap();
    let place = Placing::calendar(today);
    let (home, whole) = (place.home_span(&data).unwrap(), place.span(&data).unwrap());
    assert_eq!(iso_day(home.0), "2011-03-07", "the RSM's founding");
    assert_eq!(iso_day(whole.0), "1990-01-01", "the 1990s predecessor");
    assert_eq!(home.1, whole.1);
    // Without a founding date for every organisation nothing is left out.
    let mut v: Value = serde_json::from_str(&read(DATA)).unwrap();
    v["organisations"][0]
        .as_object_mut()
        .unwrap()
        .remove("founded");
    let unfounded = parse_dataset(&v.to_string()).unwrap();
    assert_eq!(place.home_span(&unfounded), place.span(&unfounded));
    // Aligned by founding, the first window starts at the founding, day 0.
    let offsets = movement_timeline::core::align::offsets(&data, Align::Founding);
    let aligned = Placing {
        offsets: &offsets,
        today,
        align: Align::Founding,
    };
    let (home, whole) = (
        aligned.home_span(&data).unwrap(),
        aligned.span(&data).unwrap(),
    );
    assert_eq!(home.0, 0);
    assert!(
        whole.0 < -7000,
        "the 1990s predecessor, decades before 2019"
    );
}
