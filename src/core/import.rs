//! From a spreadsheet to the data file: CSV exports of organisations,
//! events and membership counts read into the JSON the widget loads, dates
//! written as a person writes them ("17 October 2020", "October 2020")
//! turned into EDTF at the precision given, and every problem located by
//! file, row and column. The result is checked by the very reader the
//! widget uses, and its errors are mapped back to the row and column they
//! came from.

use super::data::parse_dataset;
use super::date::EventDate;
use super::export::json_string;

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

/// Records of an RFC 4180 text (quoted fields may hold commas, quotes
/// doubled and line breaks); a UTF-8 byte-order mark is skipped.
pub fn read_csv(text: &str) -> Result<Vec<Vec<String>>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let (mut quoted, mut was_quoted) = (false, false);
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            '"' => {
                return Err((
                    rows.len() + 1,
                    "a quote inside an unquoted field; quote the whole field and double the quote"
                        .into(),
                ))
            }
            ',' => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err((rows.len() + 1, "a quoted field is not closed".into()));
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
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
        Err(e) => e.reason,
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
    EventDate::parse(&edtf).map(|_| edtf).map_err(|e| e.reason)
}

/// One input table: its file name, header and records.
struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
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
        let mut rows = read_csv(text).map_err(|(row, m)| err(row, m))?;
        if rows.is_empty() {
            return Err(err(0, "the file is empty; it needs a header row".into()));
        }
        let header: Vec<String> = rows.remove(0).iter().map(|h| h.trim().to_owned()).collect();
        for r in required {
            if !header.iter().any(|h| h == r) {
                return Err(err(
                    1,
                    format!("no \"{r}\" column (the header has: {})", header.join(", ")),
                ));
            }
        }
        Ok(Table {
            file: file.to_owned(),
            header,
            rows,
        })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.col(name)
            .and_then(|i| row.get(i))
            .map_or("", |s| s.trim())
    }

    fn error(&self, index: usize, name: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            row: index + 2,
            column: self.col(name).map_or(0, |c| c + 1),
            field: name.to_owned(),
            message: message.into(),
        }
    }
}

fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(", ");
    json_string(out, key);
    out.push_str(": ");
    json_string(out, value);
}

/// Opens the `i`th object of a list with its first field.
fn open_object(out: &mut String, i: usize, key: &str, value: &str) {
    out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
    json_string(out, key);
    out.push_str(": ");
    json_string(out, value);
}

/// The row's date as EDTF; a problem is noted and a placeholder written, so
/// every row's problems are found in one pass.
fn date_field(
    out: &mut String,
    t: &Table,
    i: usize,
    row: &[String],
    problems: &mut Vec<ImportError>,
) {
    match to_edtf(t.get(row, "date")) {
        Ok(d) => field(out, "date", &d),
        Err(m) => {
            problems.push(t.error(i, "date", m));
            field(out, "date", "2000");
        }
    }
}

fn source(out: &mut String, t: &Table, row: &[String]) {
    out.push_str(", \"source\": {");
    json_string(out, "article");
    out.push_str(": ");
    json_string(out, t.get(row, "article"));
    field(out, "section", t.get(row, "section"));
    field(out, "quote", t.get(row, "quote"));
    if !t.get(row, "url").is_empty() {
        field(out, "url", t.get(row, "url"));
    }
    out.push('}');
}

/// The data file for these tables, or every problem found. `events` and
/// `membership` are `(file name, text)`.
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
    // Where each JSON value came from, to map the reader's errors back:
    // (path prefix, table, row index).
    let mut origin: Vec<(String, &Table, usize)> = Vec::new();
    let mut out = String::from("{\n  \"organisations\": [");
    for (i, row) in orgs.rows.iter().enumerate() {
        open_object(&mut out, i, "id", orgs.get(row, "id"));
        for key in [
            "name",
            "abbreviation",
            "color",
            "nativeName",
            "nativeAbbreviation",
        ] {
            if orgs.col(key).is_some() && !orgs.get(row, key).is_empty() {
                field(&mut out, key, orgs.get(row, key));
            }
        }
        for key in ["founded", "dissolved"] {
            let v = orgs.get(row, key);
            if !v.is_empty() {
                match to_edtf(v) {
                    Ok(d) => field(&mut out, key, &d),
                    Err(m) => problems.push(orgs.error(i, key, m)),
                }
            }
        }
        out.push('}');
        origin.push((format!("organisations[{i}]"), &orgs, i));
    }
    out.push_str("\n  ],\n  \"events\": [");
    for (i, row) in evs.rows.iter().enumerate() {
        open_object(&mut out, i, "id", evs.get(row, "id"));
        field(&mut out, "org", evs.get(row, "org"));
        date_field(&mut out, &evs, i, row, &mut problems);
        for key in ["kind", "title", "label", "summary"] {
            if key == "kind" || key == "title" || !evs.get(row, key).is_empty() {
                field(&mut out, key, evs.get(row, key));
            }
        }
        let people: Vec<&str> = evs
            .get(row, "people")
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if !people.is_empty() {
            out.push_str(", \"people\": [");
            for (j, p) in people.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                json_string(&mut out, p);
            }
            out.push(']');
        }
        source(&mut out, &evs, row);
        if !evs.get(row, "title_ru").is_empty() {
            out.push_str(", \"i18n\": {\"ru\": {");
            json_string(&mut out, "title");
            out.push_str(": ");
            json_string(&mut out, evs.get(row, "title_ru"));
            for (col, key) in [("label_ru", "label"), ("summary_ru", "summary")] {
                if !evs.get(row, col).is_empty() {
                    field(&mut out, key, evs.get(row, col));
                }
            }
            out.push_str("}}");
        }
        out.push('}');
        origin.push((format!("events[{i}]"), &evs, i));
    }
    out.push_str("\n  ]");
    if let Some(counts) = &counts {
        out.push_str(",\n  \"membership\": [");
        for (i, row) in counts.rows.iter().enumerate() {
            open_object(&mut out, i, "org", counts.get(row, "org"));
            date_field(&mut out, counts, i, row, &mut problems);
            let members = counts.get(row, "members").replace([',', ' ', '\u{a0}'], "");
            match members.parse::<u32>() {
                Ok(n) => out.push_str(&format!(", \"members\": {n}")),
                Err(_) => {
                    problems.push(counts.error(
                        i,
                        "members",
                        format!("\"{members}\" is not a whole number of members"),
                    ));
                    out.push_str(", \"members\": 0");
                }
            }
            source(&mut out, counts, row);
            out.push('}');
            origin.push((format!("membership[{i}]"), counts, i));
        }
        out.push_str("\n  ]");
    }
    out.push_str("\n}\n");
    if !problems.is_empty() {
        return Err(problems);
    }
    // The widget's own reader decides; its error goes back to its cell.
    match parse_dataset(&out) {
        Ok(_) => Ok(out),
        Err(e) => {
            let found = origin
                .iter()
                .filter(|(prefix, _, _)| {
                    e.path == *prefix || e.path.starts_with(&format!("{prefix}."))
                })
                .max_by_key(|(prefix, _, _)| prefix.len());
            Err(vec![match found {
                Some((prefix, table, row)) => {
                    let rest = e
                        .path
                        .get(prefix.len()..)
                        .unwrap_or("")
                        .trim_start_matches('.');
                    let name = rest.split(['.', '[']).next().unwrap_or("");
                    let name = if name == "source" {
                        rest.rsplit('.').next().unwrap_or(name)
                    } else {
                        name
                    };
                    table.error(*row, name, e.message.clone())
                }
                None => ImportError {
                    file: events.0.to_owned(),
                    row: 0,
                    column: 0,
                    field: e.path.clone(),
                    message: e.message.clone(),
                },
            }])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORGS: &str = "id,name,abbreviation,color,founded\nrsm,Russian Socialist Movement,RSM,#3b78c9,7 March 2011\n";

    #[test]
    fn csv_reads_quotes_commas_and_line_breaks() {
        let rows = read_csv("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n").unwrap();
        assert_eq!(rows, [vec!["a", "b"], vec!["x, \"y\"", "two\nlines"]]);
        assert!(read_csv("a,\"b\n").is_err());
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
        let events = "id,org,date,kind,title,label,summary,people,article,section,quote,url\n\
            rsm-founded,rsm,7 March 2011,founding,RSM founded,Founded,\"Founded by a merger, in Moscow.\",A; B,Russian Socialist Movement,History,\"The RSM was founded on March 7, 2011.\",https://en.wikipedia.org/wiki/Russian_Socialist_Movement\n";
        let json = import(("orgs.csv", ORGS), ("events.csv", events), None).unwrap();
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
}
