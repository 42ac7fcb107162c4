//! The shown events as a table a reader takes away: CSV (RFC 4180) and
//! JSON, with the same columns, and a file name that says what the view is.

use super::data::{Dataset, Event};
use super::date::{civil_from_days, iso_day, DatePoint, DatePrecision, Day, IntervalEnd};

/// What an export is: a picture of the view (SVG, PNG) or the shown
/// events as a table (CSV, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The view as one self-contained SVG document.
    Svg,
    /// The same picture as PNG (the page draws the SVG).
    Png,
    /// The shown events, RFC 4180.
    Csv,
    /// The shown events as JSON.
    Json,
}

impl ExportFormat {
    /// Every format, in the menu's order.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Csv,
        ExportFormat::Json,
    ];

    /// The identifier and file extension: `svg`, `png`, `csv`, `json`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The menu's name for it: `SVG`, `PNG`, `CSV`, `JSON`.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Svg => "SVG",
            ExportFormat::Png => "PNG",
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
        }
    }

    /// The format named `name`, if it is one.
    pub fn parse(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// A picture of the view (drawn by the components), not a table.
    pub fn is_picture(self) -> bool {
        matches!(self, ExportFormat::Svg | ExportFormat::Png)
    }
}

/// The columns of an export, in order.
pub const COLUMNS: [&str; 16] = [
    "id",
    "organisation",
    "date",
    "earliest",
    "latest",
    "precision",
    "kind",
    "label",
    "title",
    "summary",
    "people",
    "article",
    "section",
    "quote",
    "url",
    "days_since_founding",
];

fn point_words(p: &DatePoint) -> &'static str {
    match p.precision {
        DatePrecision::Years {
            unspecified_digits: 1,
        } => "decade",
        DatePrecision::Years {
            unspecified_digits: 2,
        } => "century",
        DatePrecision::Years { .. } => "millennium",
        DatePrecision::Year => "year",
        DatePrecision::Season => "season",
        DatePrecision::Month => "month",
        DatePrecision::Day => "day",
    }
}

/// How finely an event's date is known, in words: "day", "month,
/// uncertain", "month to unknown end", "decade to decade", "year, one of
/// two" (`[2020,2021]`).
pub fn precision_words(e: &Event) -> String {
    let d = &e.date;
    let mut out = String::from(point_words(&d.start));
    match d.end() {
        Some(IntervalEnd::Date(p)) => {
            out.push_str(" to ");
            out.push_str(point_words(&p));
        }
        Some(IntervalEnd::Open) => out.push_str(" to now"),
        Some(IntervalEnd::Unknown) => out.push_str(" to unknown end"),
        None => {}
    }
    if d.is_choice() {
        out.push_str(", one of two");
    }
    if d.is_approximate() {
        out.push_str(", approximate");
    }
    // A choice is in doubt by its nature ("one of two" says so);
    // "uncertain" is for a date marked `?`.
    if d.is_marked_uncertain() {
        out.push_str(", uncertain");
    }
    out
}

/// One event's cells, in [`COLUMNS`] order.
fn cells<'a>(data: &'a Dataset, e: &Event) -> [std::borrow::Cow<'a, str>; 16] {
    use std::borrow::Cow::{Borrowed, Owned};
    let t = |x| Borrowed(data.text(x));
    let source = data.source(e);
    [
        t(e.id),
        Borrowed(data.organisations.get(e.org).map_or("", |o| o.id.as_str())),
        t(e.date_text),
        Owned(iso_day(e.date.earliest())),
        Owned(e.date.latest().map(iso_day).unwrap_or_default()),
        Owned(precision_words(e)),
        Borrowed(e.kind.as_str()),
        t(e.label),
        t(e.title),
        t(e.summary),
        Owned(data.people(e).collect::<Vec<_>>().join("; ")),
        t(source.article),
        t(source.section),
        t(source.quote),
        t(source.url),
        // From the organisation's founding to the event's first day
        // (negative before it; empty without a founding date). Last, so
        // readers of the earlier columns by position keep working.
        Owned(
            data.organisations
                .get(e.org)
                .and_then(|o| o.founded)
                .map(|f| (e.date.earliest() - f.earliest()).to_string())
                .unwrap_or_default(),
        ),
    ]
}

/// A CSV cell: quoted when it holds a comma, quote or line break, quotes
/// doubled; a cell a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@`, or a tab or carriage return first) gets a leading apostrophe.
fn csv_cell(out: &mut String, cell: &str) {
    // A negative whole number ("-1" days) is a number, not a formula.
    let number = cell
        .strip_prefix('-')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    let formula = !number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || cell.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// The events `shown` (indexes into `data.events`, in order) as CSV: a
/// header row, then a row per event, CRLF line ends (RFC 4180), UTF-8.
pub fn csv(data: &Dataset, shown: &[usize]) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for e in shown.iter().filter_map(|&i| data.events.get(i)) {
        for (i, cell) in cells(data, e).iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_cell(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
pub fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The events `shown` as a JSON array of objects with the [`COLUMNS`] as
/// keys (`people` as an array), one event per line.
pub fn json(data: &Dataset, shown: &[usize]) -> String {
    let mut out = String::from("[");
    for (n, e) in shown.iter().filter_map(|&i| data.events.get(i)).enumerate() {
        out.push_str(if n == 0 { "\n  {" } else { ",\n  {" });
        for (i, (key, cell)) in COLUMNS.iter().zip(cells(data, e)).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            json_string(&mut out, key);
            out.push_str(": ");
            if *key == "people" {
                out.push('[');
                for (j, p) in data.people(e).enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    json_string(&mut out, p);
                }
                out.push(']');
            } else {
                json_string(&mut out, &cell);
            }
        }
        out.push('}');
    }
    out.push_str("\n]\n");
    out
}

/// The name of a download of this view, without extension:
/// `movement-timeline-2019-2021-dzns` (the window's years, then the shown
/// organisations when a filter hides some).
/// With no window (`None`: aligned by founding, where it is in ages) the
/// name says `since-founding` instead of years.
pub fn file_stem(window: Option<(Day, Day)>, orgs: &[&str], all_orgs: usize) -> String {
    let mut out = String::from("movement-timeline-");
    match window.map(|(s, e)| (civil_from_days(s).0, civil_from_days(e).0)) {
        Some((a, b)) if b != a => out.push_str(&format!("{a}-{b}")),
        Some((a, _)) => out.push_str(&a.to_string()),
        None => out.push_str("since-founding"),
    }
    if !orgs.is_empty() && orgs.len() < all_orgs {
        for o in orgs {
            out.push('-');
            out.extend(o.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-'));
        }
    }
    out
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::core::date::days_from_civil;
    use crate::core::read::parse_dataset;

    const DATA: &str = include_str!("../../static/data/movements.json");

    fn rsm() -> (Dataset, Vec<usize>) {
        let d = parse_dataset(DATA).unwrap();
        let shown: Vec<usize> = (0..d.events.len())
            .filter(|&i| d.organisations[d.events[i].org].id == "rsm")
            .collect();
        (d, shown)
    }

    /// A small RFC 4180 reader, to check what a spreadsheet would read.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_of_the_rsm_events_has_a_header_and_nine_rows_with_quotes_intact() {
        let (d, shown) = rsm();
        let rows = read_csv(&csv(&d, &shown));
        assert_eq!(rows[0], COLUMNS);
        assert_eq!(rows.len(), 1 + 9);
        let dissolution = rows.iter().find(|r| r[0] == "rsm-dissolution").unwrap();
        let e = &d.events[d.event_index("rsm-dissolution").unwrap()];
        assert_eq!(dissolution[2], "2024-05-08");
        assert_eq!(
            (dissolution[3].as_str(), dissolution[4].as_str()),
            ("2024-05-08", "2024-05-08")
        );
        assert_eq!(dissolution[5], "day");
        // 2011-03-07 to 2024-05-08.
        assert_eq!(dissolution[15], "4811");
        assert_eq!(
            dissolution[13],
            d.text(d.source(e).quote),
            "the quote survives the round trip"
        );
        assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    }

    #[test]
    fn csv_cells_are_quoted_doubled_and_defused_but_negative_numbers_stay_numbers() {
        let mut out = String::new();
        for cell in [
            "plain",
            "a, b",
            "say \"hi\"",
            "two\nlines",
            "=HYPERLINK(1)",
            "+1",
            "-1",
            "-1+2",
            "@SUM(A1)",
        ] {
            csv_cell(&mut out, cell);
            out.push('|');
        }
        assert_eq!(
            out,
            "plain|\"a, b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"'=HYPERLINK(1)\"|\"'+1\"|-1|\"'-1+2\"|\"'@SUM(A1)\"|"
        );
    }

    #[test]
    fn precision_words_follow_the_date() {
        let d = parse_dataset(DATA).unwrap();
        let words = |id: &str| precision_words(&d.events[d.event_index(id).unwrap()]);
        assert_eq!(words("dzns-socialist-party-congress"), "day");
        assert_eq!(words("dzns-registration-refused"), "month, uncertain");
        assert_eq!(words("dzns-kosterina-appointed"), "day, approximate");
        assert_eq!(
            words("dzns-platoshkin-house-arrest"),
            "month to unknown end"
        );
        assert_eq!(words("dzns-predecessor-movement"), "decade to decade");
        assert_eq!(words("dzns-socialist-party-created"), "season");
    }

    #[test]
    fn json_holds_the_same_rows_and_escapes_text() {
        let (d, shown) = rsm();
        let text = json(&d, &shown);
        assert_eq!(text.matches("\"id\": ").count(), 9);
        assert!(text.contains("\"people\": ["));
        let mut s = String::new();
        json_string(&mut s, "a \"q\" \\ \n\u{1}");
        assert_eq!(s, r#""a \"q\" \\ \n\u0001""#);
    }

    #[test]
    fn file_names_say_the_years_and_the_filter() {
        let a = days_from_civil(2019, 3, 1);
        let b = days_from_civil(2021, 6, 1);
        assert_eq!(
            file_stem(Some((a, b)), &["dzns"], 2),
            "movement-timeline-2019-2021-dzns"
        );
        assert_eq!(
            file_stem(Some((a, b)), &["dzns", "rsm"], 2),
            "movement-timeline-2019-2021"
        );
        assert_eq!(
            file_stem(Some((a, a)), &["x/../y"], 2),
            "movement-timeline-2019-xy"
        );
        assert_eq!(
            file_stem(None, &["rsm"], 2),
            "movement-timeline-since-founding-rsm"
        );
    }
}
