//! From a spreadsheet to the data file: CSV exports of organisations,
//! events and membership counts (read by the `csv` crate) turned into a
//! [`RawDataset`], dates written as a person writes them ("17 October
//! 2020", "October 2020") turned into EDTF at the precision given, and
//! every problem located by file, row and column. The result is checked by
//! the very rules the widget's reader applies ([`validate`]), and each of
//! their errors is mapped back, by its JSON path, to the row and column it
//! came from.
//!
//! Native only: the command line's `import` uses it, the widget never does.

use super::data::Limits;
use super::date::EventDate;
use super::error::DataError;
use super::model::{RawCount, RawDataset, RawEvent, RawOrganisation, RawSource, RawTranslation};
use super::validate::validate;
use std::collections::HashMap;

/// A problem in an input file: `file:row:column: column-name: message`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The file it is in.
    pub file: String,
    /// 1-based record number, the header being row 1 (0: the whole file).
    pub row: usize,
    /// 1-based column (0: the whole row).
    pub column: usize,
    /// The column's name, when known.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if self.row > 0 {
            write!(f, ":{}", self.row)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": ")?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "{}", self.message)
    }
}

/// One record of a CSV text.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based record number, the first (the header) being 1.
    pub number: usize,
    /// Its cells, as written.
    pub cells: Vec<String>,
}

/// The records of a CSV text, read by the `csv` crate (RFC 4180: quoted
/// fields may hold commas, doubled quotes and line breaks). Lines may end
/// in `\n` or `\r\n`; a carriage return anywhere else is part of its field,
/// quoted or not. A UTF-8 byte-order mark is skipped. Records whose cells
/// are all blank are left out but keep their number, so the numbers are
/// the rows a spreadsheet shows; an empty line is no record.
///
/// The error is the record number and what is wrong.
pub fn read_csv(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        // `\n` alone ends a record, so a bare `\r` stays in its field (the
        // default would end the record there); a `\r\n` leaves its `\r` at
        // the end of the record's last field, taken off below.
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(text.as_bytes());
    let (mut records, mut number, mut last_start) = (Vec::new(), 0, 0);
    for record in reader.records() {
        let record = record.map_err(|e| (number + 1, e.to_string()))?;
        last_start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(last_start);
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if let Some(last) = cells.last_mut() {
            if last.ends_with('\r') {
                last.pop();
            }
        }
        if let [only] = cells.as_slice() {
            if only.is_empty() {
                // An empty `\r\n` line: no record, as an empty `\n` line.
                continue;
            }
        }
        number += 1;
        if cells.iter().any(|c| !c.trim().is_empty()) {
            records.push(Record { number, cells });
        }
    }
    if quote_left_open(text.get(last_start..).unwrap_or("")) {
        return Err((number, "a quoted field is not closed".into()));
    }
    Ok(records)
}

/// True when `record` (the text from the last record's start to the end)
/// ends inside a quoted field: the `csv` crate then reads the rest of the
/// file into that field without a word, and the rows in it would be lost.
fn quote_left_open(record: &str) -> bool {
    let (mut open, mut field_start) = (false, true);
    let mut bytes = record.bytes().peekable();
    while let Some(b) = bytes.next() {
        match (open, b) {
            (true, b'"') if bytes.peek() == Some(&b'"') => {
                bytes.next();
            }
            (true, b'"') => open = false,
            (false, b'"') if field_start => open = true,
            (false, b',' | b'\n') => {
                field_start = true;
                continue;
            }
            _ => {}
        }
        field_start = false;
    }
    open
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date as a spreadsheet holds it, as EDTF at the precision it gives:
/// EDTF as it is ("2020-10-17", "2020-23", "2021?"), "17 October 2020" and
/// "October 17, 2020" (a day), "October 2020" (a month), "2020" (a year).
pub fn to_edtf(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("the date is empty".into());
    }
    let edtf_error = match EventDate::parse(t) {
        Ok(_) => return Ok(t.to_owned()),
        Err(e) => e.reason(),
    };
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))
            .map(|i| i + 1)
    };
    let number = |w: &str| w.parse::<u32>().ok();
    let edtf = match words.as_slice() {
        [d, m, y] if number(d).is_some() && month(m).is_some() && number(y).is_some() => {
            format!("{:04}-{:02}-{:02}", number(y).unwrap_or(0), month(m).unwrap_or(0), number(d).unwrap_or(0))
        }
        [m, d, y] if month(m).is_some() && number(d).is_some() && number(y).is_some() => {
            format!("{:04}-{:02}-{:02}", number(y).unwrap_or(0), month(m).unwrap_or(0), number(d).unwrap_or(0))
        }
        [m, y] if month(m).is_some() && number(y).is_some() => {
            format!("{:04}-{:02}", number(y).unwrap_or(0), month(m).unwrap_or(0))
        }
        // Written as EDTF but wrong: the EDTF reader says what is wrong.
        _ if t.chars().all(|c| !c.is_alphabetic() || c == 'X') => return Err(edtf_error),
        _ => {
            return Err(format!(
                "\"{t}\" is not a date this import reads: write EDTF (2020-10-17, 2020-10, 2020, 2020-23, 2021?) or \"17 October 2020\" / \"October 2020\""
            ))
        }
    };
    EventDate::parse(&edtf)
        .map(|_| edtf)
        .map_err(|e| e.reason())
}

/// One input table: its file name, header and records.
struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<Record>,
}

impl Table {
    fn read(file: &str, text: &str, required: &[&str]) -> Result<Table, ImportError> {
        let err = |row, message: String| ImportError {
            file: file.to_owned(),
            row,
            column: 0,
            field: String::new(),
            message,
        };
        let mut rows = read_csv(text).map_err(|(row, m)| err(row, m))?.into_iter();
        let Some(first) = rows.next() else {
            return Err(err(0, "the file is empty; it needs a header row".into()));
        };
        let header: Vec<String> = first.cells.iter().map(|h| h.trim().to_owned()).collect();
        for r in required {
            if !header.iter().any(|h| h == r) {
                return Err(err(
                    first.number,
                    format!("no \"{r}\" column (the header has: {})", header.join(", ")),
                ));
            }
        }
        Ok(Table {
            file: file.to_owned(),
            header,
            rows: rows.collect(),
        })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The row's cell in column `name`, trimmed ("" when there is none).
    fn get<'a>(&self, row: &'a Record, name: &str) -> &'a str {
        self.col(name)
            .and_then(|i| row.cells.get(i))
            .map_or("", |s| s.trim())
    }

    fn text(&self, row: &Record, name: &str) -> String {
        self.get(row, name).to_owned()
    }

    /// The cell in column `name`, `None` when it is empty.
    fn optional(&self, row: &Record, name: &str) -> Option<String> {
        Some(self.get(row, name))
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// The cell in column `name` as EDTF, `None` when it is empty or (the
    /// problem noted) not a date.
    fn date(&self, row: &Record, name: &str, problems: &mut Vec<ImportError>) -> Option<String> {
        let v = self.get(row, name);
        if v.is_empty() {
            return None;
        }
        to_edtf(v)
            .map_err(|m| problems.push(self.error(row, name, m)))
            .ok()
    }

    /// A date that must be given: a problem is noted and a placeholder
    /// written, so every row's problems are found in one pass.
    fn required_date(&self, row: &Record, name: &str, problems: &mut Vec<ImportError>) -> String {
        match to_edtf(self.get(row, name)) {
            Ok(d) => d,
            Err(m) => {
                problems.push(self.error(row, name, m));
                "2000".into()
            }
        }
    }

    fn error(&self, row: &Record, name: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            row: row.number,
            column: self.col(name).map_or(0, |c| c + 1),
            field: name.to_owned(),
            message: message.into(),
        }
    }
}

fn organisation(t: &Table, row: &Record, problems: &mut Vec<ImportError>) -> RawOrganisation {
    RawOrganisation {
        id: t.text(row, "id"),
        name: t.text(row, "name"),
        native_name: t.optional(row, "nativeName"),
        abbreviation: t.text(row, "abbreviation"),
        native_abbreviation: t.optional(row, "nativeAbbreviation"),
        founded: t.date(row, "founded", problems),
        dissolved: t.date(row, "dissolved", problems),
        color: t.text(row, "color"),
    }
}

fn source(t: &Table, row: &Record) -> RawSource {
    RawSource {
        article: t.text(row, "article"),
        section: t.text(row, "section"),
        quote: t.text(row, "quote"),
        url: t.optional(row, "url"),
    }
}

/// The names in a cell, separated by `;`.
fn names(t: &Table, row: &Record, column: &str) -> Vec<String> {
    t.get(row, column)
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

fn event(t: &Table, row: &Record, problems: &mut Vec<ImportError>) -> RawEvent {
    let mut i18n = HashMap::new();
    if let Some(title) = t.optional(row, "title_ru") {
        let translation = RawTranslation {
            title,
            label: t.optional(row, "label_ru"),
            summary: t.optional(row, "summary_ru"),
            people: names(t, row, "people_ru"),
            unit: None,
            predecessor: t.optional(row, "predecessor_ru"),
        };
        i18n.insert("ru".to_owned(), translation);
    }
    RawEvent {
        id: t.text(row, "id"),
        org: t.text(row, "org"),
        date: t.required_date(row, "date", problems),
        kind: t.text(row, "kind"),
        title: t.text(row, "title"),
        label: t.optional(row, "label"),
        summary: t.optional(row, "summary"),
        people: names(t, row, "people"),
        measure: None,
        predecessor: t.optional(row, "predecessor"),
        source: source(t, row),
        i18n,
    }
}

fn count(t: &Table, row: &Record, problems: &mut Vec<ImportError>) -> RawCount {
    let members = t.get(row, "members").replace([',', ' ', '\u{a0}'], "");
    let members = match members.parse::<u32>() {
        Ok(n) => f64::from(n),
        Err(_) => {
            problems.push(t.error(
                row,
                "members",
                format!("\"{members}\" is not a whole number of members"),
            ));
            0.0
        }
    };
    RawCount {
        org: t.text(row, "org"),
        date: t.required_date(row, "date", problems),
        members,
        source: source(t, row),
    }
}

/// The column a field of the data file comes from: `source.quote` from
/// `quote`, `i18n.ru.title` from `title_ru`, `people[2]` from `people`.
fn column_of(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("source.") {
        return rest.to_owned();
    }
    if let Some(rest) = field.strip_prefix("i18n.") {
        if let Some((lang, name)) = rest.split_once('.') {
            let name = name.split('[').next().unwrap_or(name);
            return format!("{name}_{lang}");
        }
    }
    field.split(['.', '[']).next().unwrap_or("").to_owned()
}

/// `events[3].source.quote` as `("events", Some(3), "source.quote")`.
fn split_path(path: &str) -> (&str, Option<usize>, &str) {
    let Some((list, rest)) = path.split_once('[') else {
        return (path, None, "");
    };
    let Some((index, field)) = rest.split_once(']') else {
        return (path, None, "");
    };
    (list, index.parse().ok(), field.trim_start_matches('.'))
}

/// The three tables, to map the data file's paths back to them.
struct Sheets<'t> {
    organisations: &'t Table,
    events: &'t Table,
    membership: Option<&'t Table>,
}

impl Sheets<'_> {
    /// The sheet's place among the three, for sorting problems.
    fn order(&self, file: &str) -> usize {
        [Some(self.organisations), Some(self.events), self.membership]
            .iter()
            .position(|t| t.is_some_and(|t| t.file == file))
            .unwrap_or(3)
    }

    /// The file, row and column a reader's error at a JSON path names.
    fn locate(&self, e: &DataError) -> ImportError {
        let (list, index, field) = split_path(&e.path);
        let table = match list {
            "organisations" => Some(self.organisations),
            "events" => Some(self.events),
            "membership" => self.membership,
            _ => None,
        };
        let row = table
            .zip(index)
            .and_then(|(t, i)| t.rows.get(i).map(|r| (t, r)));
        match (table, row) {
            (_, Some((t, row))) => t.error(row, &column_of(field), e.message.clone()),
            // A whole list ("there are no events"): its file.
            (Some(t), None) => ImportError {
                file: t.file.clone(),
                row: 0,
                column: 0,
                field: String::new(),
                message: e.message.clone(),
            },
            (None, None) => ImportError {
                file: self.events.file.clone(),
                row: 0,
                column: 0,
                field: e.path.clone(),
                message: e.message.clone(),
            },
        }
    }
}

/// The data file for these tables (pretty-printed JSON ending in a line
/// break), or every problem found, in file, row and column order. Each
/// table is `(file name, text)`.
pub fn import(
    organisations: (&str, &str),
    events: (&str, &str),
    membership: Option<(&str, &str)>,
) -> Result<String, Vec<ImportError>> {
    let orgs = Table::read(
        organisations.0,
        organisations.1,
        &["id", "name", "abbreviation", "color"],
    )
    .map_err(|e| vec![e])?;
    let evs = Table::read(
        events.0,
        events.1,
        &[
            "id", "org", "date", "kind", "title", "article", "section", "quote",
        ],
    )
    .map_err(|e| vec![e])?;
    let counts = membership
        .map(|(f, t)| {
            Table::read(
                f,
                t,
                &["org", "date", "members", "article", "section", "quote"],
            )
        })
        .transpose()
        .map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let raw = RawDataset {
        organisations: orgs
            .rows
            .iter()
            .map(|r| organisation(&orgs, r, &mut problems))
            .collect(),
        events: evs
            .rows
            .iter()
            .map(|r| event(&evs, r, &mut problems))
            .collect(),
        membership: counts.as_ref().map_or_else(Vec::new, |t| {
            t.rows.iter().map(|r| count(t, r, &mut problems)).collect()
        }),
    };
    let sheets = Sheets {
        organisations: &orgs,
        events: &evs,
        membership: counts.as_ref(),
    };
    // The widget's own rules decide; each error goes back to its cell (a
    // cell already reported holds a placeholder: its problem is said once).
    if let Err(errors) = validate(raw.clone(), Limits::default()) {
        let reported = problems.len();
        for e in &errors {
            let found = sheets.locate(e);
            let same = |p: &ImportError| {
                (&p.file, p.row, p.column) == (&found.file, found.row, found.column)
            };
            if !problems.iter().take(reported).any(same) {
                problems.push(found);
            }
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| (sheets.order(&p.file), p.row, p.column));
        return Err(problems);
    }
    let mut json = serde_json::to_string_pretty(&raw).map_err(|e| {
        vec![ImportError {
            file: evs.file.clone(),
            row: 0,
            column: 0,
            field: String::new(),
            message: format!("the data file could not be written: {e}"),
        }]
    })?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::read::parse_dataset;

    const ORGS: &str = "id,name,abbreviation,color,founded\nrsm,Russian Socialist Movement,RSM,#3b78c9,7 March 2011\n";

    fn cells(text: &str) -> Vec<Vec<String>> {
        read_csv(text)
            .unwrap()
            .into_iter()
            .map(|r| r.cells)
            .collect()
    }

    #[test]
    fn csv_reads_quotes_commas_and_line_breaks() {
        let rows = cells("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n");
        assert_eq!(rows, [vec!["a", "b"], vec!["x, \"y\"", "two\nlines"]]);
        assert_eq!(
            read_csv("a,b\nc,\"d\n").unwrap_err(),
            (2, "a quoted field is not closed".to_owned())
        );
        // A quote inside an unquoted field is kept, as the `csv` crate reads it.
        assert_eq!(cells("a,b\"c\n"), [vec!["a", "b\"c"]]);
    }

    #[test]
    fn csv_keeps_a_bare_carriage_return_and_skips_a_byte_order_mark() {
        let rows = cells("\u{feff}a,b\r\nx\ry,\"p\rq\"\r\nlast,z\r");
        assert_eq!(
            rows,
            [vec!["a", "b"], vec!["x\ry", "p\rq"], vec!["last", "z"]]
        );
    }

    #[test]
    fn blank_rows_are_skipped_but_keep_their_number() {
        let records = read_csv("h1,h2\n,\n\r\n\nx,y\r\n ,  \nz,w").unwrap();
        let numbers: Vec<usize> = records.iter().map(|r| r.number).collect();
        // `,` and ` ,  ` are rows of a spreadsheet; empty lines are none.
        assert_eq!(numbers, [1, 3, 5]);
        assert_eq!(records[2].cells, ["z", "w"]);
    }

    #[test]
    fn dates_keep_the_precision_they_are_written_with() {
        assert_eq!(to_edtf("17 October 2020").unwrap(), "2020-10-17");
        assert_eq!(to_edtf("October 17, 2020").unwrap(), "2020-10-17");
        assert_eq!(to_edtf("October 2020").unwrap(), "2020-10");
        assert_eq!(to_edtf("2020-10-17").unwrap(), "2020-10-17");
        assert_eq!(to_edtf("2020").unwrap(), "2020");
        assert_eq!(to_edtf("2021?").unwrap(), "2021?");
        assert_eq!(to_edtf("2020-23").unwrap(), "2020-23");
        assert!(to_edtf("31 February 2020").is_err());
        assert!(to_edtf("soon").unwrap_err().contains("EDTF"));
    }

    #[test]
    fn a_good_spreadsheet_becomes_data_the_widget_reads() {
        let events = "id,org,date,kind,title,label,summary,people,article,section,quote,url,title_ru\n\
            rsm-founded,rsm,7 March 2011,founding,RSM founded,Founded,\"Founded by a merger, in Moscow.\",A; B,Russian Socialist Movement,History,\"The RSM was founded on March 7, 2011.\",https://en.wikipedia.org/wiki/Russian_Socialist_Movement,Основано РСД\n";
        let json = import(("orgs.csv", ORGS), ("events.csv", events), None).unwrap();
        assert!(json.ends_with("}\n"), "{json}");
        let raw: RawDataset = serde_json::from_str(&json).unwrap();
        assert_eq!(raw.organisations[0].founded.as_deref(), Some("2011-03-07"));
        assert_eq!(raw.events[0].i18n["ru"].title, "Основано РСД");
        let data = parse_dataset(&json).unwrap();
        assert_eq!(data.events.len(), 1);
        assert_eq!(data.text(data.events[0].date_text), "2011-03-07");
        assert_eq!(data.people(&data.events[0]).collect::<Vec<_>>(), ["A", "B"]);
    }

    #[test]
    fn bad_rows_are_located_by_file_row_and_column() {
        let events = "id,org,date,kind,title,article,section,quote\n\
            a,rsm,2011,founding,A,X,Y,Z\n\
            b,rsm,13 Smarch 2011,founding,B,X,Y,Z\n";
        let errs = import(("orgs.csv", ORGS), ("events.csv", events), None).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0]
                .to_string()
                .starts_with("events.csv:3:3: date: \"13 Smarch 2011\""),
            "{}",
            errs[0]
        );
        // An error only the widget's reader finds goes back to its cell too.
        let events = "id,org,date,kind,title,article,section,quote\n\
            a,rsm,2011,founding,A,X,Y,Z\n\
            b,xyz,2011,founding,B,X,Y,Z\n";
        let errs = import(("orgs.csv", ORGS), ("events.csv", events), None).unwrap_err();
        assert!(
            errs[0].to_string().starts_with("events.csv:3:2: org: "),
            "{}",
            errs[0]
        );
        let errs = import(("orgs.csv", "id,name\n"), ("events.csv", events), None).unwrap_err();
        assert_eq!(
            errs[0].to_string(),
            "orgs.csv:1: no \"abbreviation\" column (the header has: id, name)"
        );
    }

    #[test]
    fn every_problem_is_mapped_to_its_cell_in_file_order() {
        let orgs = "id,name,abbreviation,color\nrsm,RSM,RSM,#3b78c9\nkp,KP,KP,blue\n";
        let events = "id,org,date,kind,title,article,section,quote,title_ru\n\
            a,rsm,2011,party,A,X,Y,,\n\
            \n\
            b,xyz,2011,founding,B,X,,Z,\n\
            a,rsm,2011,founding,C,X,Y,Z, \n";
        let counts = "org,date,members,article,section,quote\nrsm,2012,many,X,Y,Z\n";
        let errs = import(("o.csv", orgs), ("e.csv", events), Some(("m.csv", counts))).unwrap_err();
        let lines: Vec<String> = errs
            .iter()
            .map(|e| {
                let s = e.to_string();
                s.split(": ").take(2).collect::<Vec<_>>().join(": ")
            })
            .collect();
        assert_eq!(
            lines,
            [
                "o.csv:3:4: color",
                "e.csv:2:4: kind",
                "e.csv:2:8: quote",
                "e.csv:3:7: section",
                "m.csv:2:3: members",
            ],
            "{errs:#?}"
        );
    }

    #[test]
    fn paths_name_their_columns() {
        assert_eq!(column_of("source.quote"), "quote");
        assert_eq!(column_of("i18n.ru.title"), "title_ru");
        assert_eq!(column_of("people[2]"), "people");
        assert_eq!(column_of("date"), "date");
        assert_eq!(
            split_path("events[3].source.url"),
            ("events", Some(3), "source.url")
        );
        assert_eq!(split_path("events"), ("events", None, ""));
    }
}
