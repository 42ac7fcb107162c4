//! The date parser's words, bounds and refusals.

use super::*;

fn label(s: &str) -> String {
    match EventDate::parse(s) {
        Ok(d) => d.label(),
        Err(e) => format!("ERR {e}"),
    }
}

#[test]
fn day_numbers_round_trip_across_leap_years_and_centuries() {
    for days in (-800_000..800_000).step_by(97) {
        let (y, m, d) = civil_from_days(days);
        assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
    }
    assert_eq!(iso_day(days_from_civil(2000, 2, 29)), "2000-02-29");
}

#[test]
fn every_precision_gets_its_own_words() {
    let cases = [
        ("2019-11-07", "7 November 2019"),
        ("2020-06", "June 2020"),
        ("2020-23", "autumn 2020"),
        ("2020-21", "spring 2020"),
        ("2019", "2019"),
        ("2020-01-15~", "c. mid-January 2020"),
        ("2020-03-02~", "c. early March 2020"),
        ("2021-07-03?", "3 July 2021?"),
        ("1997~", "c. 1997"),
        ("1997%", "c. 1997?"),
        ("199X/200X", "1990s–2000s"),
        ("2011/2024", "2011–2024"),
        ("2020-06/2020-08", "June 2020 – August 2020"),
        ("2019-01-29/..", "29 January 2019 – present"),
        ("2020-06/", "June 2020 – ?"),
        ("19XX", "1900s"),
        ("[2020,2021]", "2020 or 2021"),
        ("[2020-07-03,2021-07-03]", "3 July 2020 or 3 July 2021"),
    ];
    for (input, want) in cases {
        assert_eq!(label(input), want, "label of {input}");
    }
}

#[test]
fn bounds_cover_exactly_what_the_precision_allows() {
    let b = |s: &str| {
        let d = EventDate::parse(s).unwrap();
        (iso_day(d.earliest()), d.latest().map(iso_day))
    };
    assert_eq!(
        b("2020-06"),
        ("2020-06-01".into(), Some("2020-06-30".into()))
    );
    assert_eq!(
        b("2020-02"),
        ("2020-02-01".into(), Some("2020-02-29".into())),
        "leap year"
    );
    assert_eq!(
        b("2020-23"),
        ("2020-09-01".into(), Some("2020-11-30".into())),
        "autumn"
    );
    assert_eq!(
        b("2020-24"),
        ("2020-12-01".into(), Some("2021-02-28".into())),
        "winter wraps"
    );
    assert_eq!(b("199X"), ("1990-01-01".into(), Some("1999-12-31".into())));
    assert_eq!(
        b("199X/200X"),
        ("1990-01-01".into(), Some("2009-12-31".into()))
    );
    assert_eq!(
        b("2020-01-15~"),
        ("2020-01-11".into(), Some("2020-01-20".into())),
        "mid-month"
    );
    assert_eq!(b("2019-01-29/.."), ("2019-01-29".into(), None), "open end");
    let today = days_from_civil(2026, 1, 1);
    let open = EventDate::parse("2019-01-29/..").unwrap();
    assert_eq!(
        open.latest_or(today),
        today,
        "still going on: reaches today"
    );
    let unknown = EventDate::parse("2020-06/").unwrap();
    assert_eq!(
        iso_day(unknown.latest_or(today)),
        "2020-06-30",
        "unknown end: no claim past the start"
    );
}

#[test]
fn impossible_dates_are_refused_in_plain_words() {
    assert_eq!(
        label("2020-02-30"),
        "ERR invalid date \"2020-02-30\": February 2020 has no day 30"
    );
    assert_eq!(
        label("2019-02-29"),
        "ERR invalid date \"2019-02-29\": February 2019 has no day 29"
    );
    assert_eq!(
        label("2020-13"),
        "ERR invalid date \"2020-13\": month 13 does not exist"
    );
    assert_eq!(
        label("2020-00-10"),
        "ERR invalid date \"2020-00-10\": month 0 does not exist"
    );
    assert!(
        label("2024/2011").contains("ends before it starts"),
        "{}",
        label("2024/2011")
    );
    assert!(label("").contains("empty"));
    assert!(label("yesterday").starts_with("ERR"));
    assert!(label("2020-06-01T10:00:00").contains("times of day"));
    assert!(label("1X9X").contains("level 2"), "{}", label("1X9X"));
    assert!(
        label("2020-XX").contains("unspecified month"),
        "{}",
        label("2020-XX")
    );
    assert!(label("{2020,2021}").starts_with("ERR"));
    for set in ["[2020..2021]", "[2019,2020,2021]", "[2020]", "[..2020]"] {
        assert!(
            label(set).contains("a choice of two"),
            "{set}: {}",
            label(set)
        );
    }
    for wrong in ["[2021,2020]", "[2020,2020]", "[2020,2021-05]"] {
        assert!(
            label(wrong).contains("same precision"),
            "{wrong}: {}",
            label(wrong)
        );
    }
}

#[test]
fn sort_key_puts_earlier_then_more_precise_first() {
    let mut v: Vec<EventDate> = ["2020", "2020-06", "2019-11-07", "2020-01-29"]
        .iter()
        .map(|s| EventDate::parse(s).unwrap())
        .collect();
    v.sort_by_key(EventDate::sort_key);
    let labels: Vec<String> = v.iter().map(EventDate::label).collect();
    assert_eq!(
        labels,
        ["7 November 2019", "2020", "29 January 2020", "June 2020"]
    );
    // 2020 and 29 January 2020 both start on or before 29 January; the
    // year starts earlier, so it sorts first even though it is coarser.
}

#[test]
fn qualifiers_are_reported() {
    let d = EventDate::parse("2021-07-03?").unwrap();
    assert!(d.is_uncertain() && !d.is_approximate());
    let d = EventDate::parse("2020-01-15~").unwrap();
    assert!(d.is_approximate() && !d.is_uncertain());
    assert!(EventDate::parse("2011/2024").unwrap().is_interval());
    let d = EventDate::parse("[2020-07-03,2021-07-03]").unwrap();
    assert!(d.is_choice() && d.is_uncertain() && !d.is_interval() && !d.is_one_day());
    assert!(EventDate::parse("2021-07-03").unwrap().is_one_day());
}

#[test]
fn a_choice_covers_both_of_its_dates_and_nothing_claims_a_duration() {
    let d = EventDate::parse("[2020,2021]").unwrap();
    assert_eq!(iso_day(d.earliest()), "2020-01-01");
    assert_eq!(d.latest().map(iso_day).as_deref(), Some("2021-12-31"));
    let today = days_from_civil(2026, 1, 1);
    assert_eq!(iso_day(d.latest_or(today)), "2021-12-31");
}
