//! The dataset: raw JSON shapes, and their validation into a [`Dataset`].
//!
//! The file format is described in `CONTRACT.md` and by the JSON Schema in
//! `static/data/movements.schema.json`. Parsing is strict: unknown fields,
//! missing fields, wrong types, impossible dates, unknown organisations and
//! duplicate ids are refused with a [`DataError`] naming the path, the item
//! and (where the text is known) the line and column.

use super::date::{Day, EventDate};
use super::error::{line_column_of, DataError};
use serde::Deserialize;
use std::collections::HashMap;

/// Largest data text accepted, checked before parsing.
pub const MAX_DATA_BYTES: usize = 64 * 1024 * 1024;
/// Most events accepted in one dataset.
pub const MAX_EVENTS: usize = 250_000;
/// Deepest nesting of arrays and objects accepted (the format needs 4).
pub const MAX_DEPTH: usize = 32;
/// Largest membership count accepted; larger numbers are data-entry errors.
pub const MAX_MEMBERS: f64 = 1.0e9;

/// The closed vocabulary of event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// An organisation is founded or re-founded.
    Founding,
    /// A stretch of time an organisation (or a predecessor) existed.
    Existence,
    /// A congress of the organisation or of an ally it took part in.
    Congress,
    /// A conference (smaller than a congress, or of another body).
    Conference,
    /// Organisations merge, or a group joins.
    Merger,
    /// A public announcement of plans.
    Announcement,
    /// Someone is appointed to a post.
    Appointment,
    /// An arrest or house arrest.
    Arrest,
    /// Registration documents are submitted.
    Registration,
    /// The authorities refuse registration.
    RegistrationRefusal,
    /// Nominations, elections and seats won.
    Election,
    /// A programme or document is published.
    Publication,
    /// Published criticism of the organisation.
    Criticism,
    /// The organisation publicly disowns or rejects a claim or another
    /// group (Platoshkin calling speakers who used the movement's name
    /// "impostors").
    Dispute,
    /// A countable state of the organisation (offices, branches).
    Milestone,
    /// An official designation (such as "foreign agent").
    Designation,
    /// The organisation ends its activity.
    Dissolution,
}

impl EventKind {
    /// Every kind, in legend order.
    pub const ALL: [EventKind; 17] = [
        EventKind::Founding,
        EventKind::Existence,
        EventKind::Congress,
        EventKind::Conference,
        EventKind::Merger,
        EventKind::Announcement,
        EventKind::Appointment,
        EventKind::Arrest,
        EventKind::Registration,
        EventKind::RegistrationRefusal,
        EventKind::Election,
        EventKind::Publication,
        EventKind::Criticism,
        EventKind::Dispute,
        EventKind::Milestone,
        EventKind::Designation,
        EventKind::Dissolution,
    ];

    /// The identifier used in the data file and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Founding => "founding",
            EventKind::Existence => "existence",
            EventKind::Congress => "congress",
            EventKind::Conference => "conference",
            EventKind::Merger => "merger",
            EventKind::Announcement => "announcement",
            EventKind::Appointment => "appointment",
            EventKind::Arrest => "arrest",
            EventKind::Registration => "registration",
            EventKind::RegistrationRefusal => "registration-refusal",
            EventKind::Election => "election",
            EventKind::Publication => "publication",
            EventKind::Criticism => "criticism",
            EventKind::Dispute => "dispute",
            EventKind::Milestone => "milestone",
            EventKind::Designation => "designation",
            EventKind::Dissolution => "dissolution",
        }
    }

    /// A capitalised name for people: "Registration refused".
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Founding => "Founding",
            EventKind::Existence => "Existence",
            EventKind::Congress => "Congress",
            EventKind::Conference => "Conference",
            EventKind::Merger => "Merger",
            EventKind::Announcement => "Announcement",
            EventKind::Appointment => "Appointment",
            EventKind::Arrest => "Arrest",
            EventKind::Registration => "Registration submitted",
            EventKind::RegistrationRefusal => "Registration refused",
            EventKind::Election => "Election",
            EventKind::Publication => "Publication",
            EventKind::Criticism => "Criticism",
            EventKind::Dispute => "Dispute",
            EventKind::Milestone => "Milestone",
            EventKind::Designation => "Designation",
            EventKind::Dissolution => "Dissolution",
        }
    }

    /// The kind's position in [`EventKind::ALL`].
    pub fn index(self) -> usize {
        // ALL lists the kinds in declaration order (tested below).
        self as usize
    }

    /// The kind named by `s`, if it is in the vocabulary.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a fact comes from: an article, its section, and a verbatim quote.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the source article.
    pub article: String,
    /// Section path inside the article ("History › Founding").
    pub section: String,
    /// The sentence(s) the fact is taken from, copied verbatim.
    pub quote: String,
    /// A link to the article: kept only when it is an `http:` or `https:`
    /// URL (see [`safe_link`]); anything else is dropped with a warning.
    #[serde(default)]
    pub url: Option<String>,
}

/// A problem in the data that does not stop the widget: it is listed for
/// the reader, not hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataWarning {
    /// What is odd, and what the widget did about it.
    pub message: String,
    /// JSON path of the value.
    pub path: String,
}

/// Longest title shown in full; longer ones are accepted and clipped.
pub const LONG_TITLE_CHARS: usize = 300;

/// `Some(url)` when `s` is an absolute `http:` or `https:` URL with a host,
/// written without surrounding whitespace or control characters; `None` for
/// anything else (`javascript:`, `JaVaScRiPt:`, ` javascript:`, `data:`,
/// `vbscript:`, relative or protocol-relative URLs).
///
/// ```
/// use movement_timeline::core::data::safe_link;
/// assert!(safe_link("https://example.org/a?b#c").is_some());
/// assert!(safe_link(" javascript:alert(1)").is_none());
/// ```
pub fn safe_link(s: &str) -> Option<String> {
    if s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = s.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.strip_prefix("//")?;
    let host_end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
    let host = authority.get(..host_end)?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let valid_host = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
    valid_host.then(|| format!("{scheme}:{rest}"))
}

/// How a counted number relates to the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureBound {
    /// The number is exact.
    Exact,
    /// The source says "more than" the number.
    MoreThan,
}

/// A countable fact attached to an event ("offices in 74 settlements").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The number the source gives.
    pub value: u32,
    /// What is counted, plural ("settlements with offices").
    pub unit: String,
    /// Exact, or a lower bound.
    pub bound: MeasureBound,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawDataset {
    organisations: Vec<RawOrganisation>,
    events: Vec<RawEvent>,
    #[serde(default)]
    membership: Vec<RawCount>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawOrganisation {
    id: String,
    name: String,
    #[serde(default)]
    native_name: Option<String>,
    abbreviation: String,
    #[serde(default)]
    founded: Option<String>,
    #[serde(default)]
    dissolved: Option<String>,
    color: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawEvent {
    id: String,
    org: String,
    date: String,
    kind: String,
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    measure: Option<Measure>,
    #[serde(default)]
    predecessor: Option<String>,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawCount {
    org: String,
    date: String,
    members: f64,
    source: Source,
}

/// An organisation with a lane of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// Stable id (`dzns`, `rsm`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Name in the organisation's own language.
    pub native_name: Option<String>,
    /// Short name (`DZNS`).
    pub abbreviation: String,
    /// When it was founded.
    pub founded: Option<EventDate>,
    /// When it was dissolved; `None` while it exists.
    pub dissolved: Option<EventDate>,
    /// Lane colour, `#rrggbb`.
    pub color: String,
}

impl Organisation {
    /// First and last day of the organisation's existence; one that has not
    /// been dissolved lasts until `today`. `None` without a founding date.
    pub fn lifespan(&self, today: Day) -> Option<(Day, Day)> {
        let founded = self.founded?;
        let end = match &self.dissolved {
            Some(d) => d.latest_or(today),
            None => today.max(founded.latest_or(today)),
        };
        Some((founded.earliest(), end))
    }
}

/// A dated fact about one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable id, unique in the dataset.
    pub id: String,
    /// Index into [`Dataset::organisations`].
    pub org: usize,
    /// The date at its precision.
    pub date: EventDate,
    /// The EDTF text of the date, as written in the file.
    pub date_text: String,
    /// What kind of fact it is.
    pub kind: EventKind,
    /// One-line title.
    pub title: String,
    /// A few sentences of context.
    pub summary: String,
    /// People named in the fact.
    pub people: Vec<String>,
    /// A countable fact, where the source gives one.
    pub measure: Option<Measure>,
    /// The name of a different, earlier organisation this fact is about,
    /// when it is drawn in the lane of the organisation that took its name
    /// (the 1990s "Russian Movement for a New Socialism"). Such facts are
    /// drawn apart from the lane's own and named as another organisation.
    pub predecessor: Option<String>,
    /// Where it comes from.
    pub source: Source,
}

impl Event {
    /// The accessible name of the event's mark:
    /// "Congress — 7 November 2019 — For a New Socialism — First congress…".
    pub fn accessible_name(&self, org: &Organisation) -> String {
        format!(
            "{} — {} — {} — {}",
            self.kind.label(),
            self.date.label(),
            self.organisation_name(org),
            self.title
        )
    }

    /// The organisation the fact is about: the lane's, or a predecessor's.
    pub fn organisation_name<'a>(&'a self, org: &'a Organisation) -> &'a str {
        self.predecessor.as_deref().unwrap_or(&org.name)
    }
}

/// A published membership count.
#[derive(Debug, Clone, PartialEq)]
pub struct MembershipCount {
    /// Index into [`Dataset::organisations`].
    pub org: usize,
    /// When the count holds, at its precision.
    pub date: EventDate,
    /// The EDTF text of the date, as written in the file.
    pub date_text: String,
    /// Number of members.
    pub members: u32,
    /// Where it comes from.
    pub source: Source,
}

/// A validated dataset, events sorted by date.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Problems that did not stop the data from being shown.
    pub warnings: Vec<DataWarning>,
    /// Organisations in file order (lane order).
    pub organisations: Vec<Organisation>,
    /// Events sorted by [`EventDate::sort_key`], ties in file order.
    pub events: Vec<Event>,
    /// Membership counts sorted by date.
    pub membership: Vec<MembershipCount>,
}

impl Dataset {
    /// The index of the organisation with this id.
    pub fn org_index(&self, id: &str) -> Option<usize> {
        self.organisations.iter().position(|o| o.id == id)
    }

    /// First and last day of everything dated in the dataset (events,
    /// counts, organisation lifespans); open ends reach `today`. `None` for a
    /// dataset with nothing dated.
    pub fn span(&self, today: Day) -> Option<(Day, Day)> {
        let events = self.events.iter().map(|e| e.date);
        let counts = self.membership.iter().map(|c| c.date);
        let ranges = events
            .chain(counts)
            .map(|d| (d.earliest(), d.latest_or(today)))
            .chain(self.organisations.iter().filter_map(|o| o.lifespan(today)));
        ranges.fold(None, |acc, (lo, hi)| {
            Some(match acc {
                None => (lo, hi),
                Some((a, b)) => (lo.min(a), hi.max(b)),
            })
        })
    }
}

/// Parse and validate a dataset from JSON text.
///
/// A leading byte-order mark is ignored. Errors carry the JSON path, the item
/// id and the line and column.
pub fn parse_dataset(text: &str) -> Result<Dataset, DataError> {
    parse_dataset_within(text, &Limits::default())
}

/// How much data a widget accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest text, checked before parsing.
    pub max_bytes: usize,
    /// Most events.
    pub max_events: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: MAX_DATA_BYTES,
            max_events: MAX_EVENTS,
        }
    }
}

/// [`parse_dataset`] with explicit limits.
pub fn parse_dataset_within(text: &str, limits: &Limits) -> Result<Dataset, DataError> {
    if text.len() > limits.max_bytes {
        return Err(DataError::whole(format!(
            "the data is {} bytes, more than the limit of {} bytes; it was not read",
            text.len(),
            limits.max_bytes
        )));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DataError::whole("the data file is empty"));
    }
    if text.trim_start().starts_with('<') {
        return Err(DataError::whole(
            "the data is an HTML page, not JSON (is the data URL right?)",
        )
        .line_column(1, 1));
    }
    check_depth(text, MAX_DEPTH)?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let raw: RawDataset = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.inner();
        let mut message = inner.to_string();
        // serde_json appends " at line L column C"; we report those apart.
        if let Some(cut) = message.rfind(" at line ") {
            message.truncate(cut);
        }
        if message == "expected value" {
            let at = offset_of(text, inner.line(), inner.column());
            let rest = text.get(at.saturating_sub(1)..).unwrap_or("");
            let rest = rest.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
            if ["NaN", "Infinity", "-Infinity"]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                message = "NaN and Infinity are not JSON numbers".into();
            }
        }
        let path = if path == "." { String::new() } else { path };
        let err = DataError::at(path, message);
        if inner.line() > 0 {
            err.line_column(inner.line(), inner.column())
        } else {
            err
        }
    })?;
    validate(raw, text, limits)
}

/// Refuses text whose arrays and objects nest deeper than `max`, before
/// parsing, naming where the limit is crossed.
fn check_depth(text: &str, max: usize) -> Result<(), DataError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    let (l, c) = line_column_of(text, i);
                    return Err(DataError::whole(format!(
                        "the data nests arrays and objects more than {max} levels deep"
                    ))
                    .line_column(l, c));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Byte offset of a 1-based line and column (characters) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = text.get(start..).unwrap_or("");
    start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

/// Places an error at the `nth` occurrence of `key` (a quoted JSON key).
fn locate_key(err: DataError, text: &str, key: &str, nth: usize) -> DataError {
    match text.match_indices(key).nth(nth) {
        Some((offset, _)) => {
            let (l, c) = line_column_of(text, offset);
            err.line_column(l, c)
        }
        None => err,
    }
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Finds where `"id"` stands in the text (the `nth` occurrence), so errors
/// found after parsing can still name a line and column.
fn locate(err: DataError, text: &str, id: &str, nth: usize) -> DataError {
    let needle = format!("\"{id}\"");
    match text.match_indices(&needle).nth(nth) {
        Some((offset, _)) => {
            let (l, c) = line_column_of(text, offset);
            err.line_column(l, c)
        }
        None => err,
    }
}

/// Keeps a source link only when it is safe to open; warns otherwise.
fn clean_url(url: Option<String>, path: &str, warnings: &mut Vec<DataWarning>) -> Option<String> {
    let url = url?;
    let safe = safe_link(&url);
    if safe.is_none() {
        warnings.push(DataWarning {
            message: format!(
                "the link \"{}\" is not an http or https address; it was dropped",
                url.chars().take(60).collect::<String>()
            ),
            path: path.to_owned(),
        });
    }
    safe
}

fn check_source(source: &Source, path: &str) -> Result<(), DataError> {
    for (field, value) in [
        ("article", &source.article),
        ("section", &source.section),
        ("quote", &source.quote),
    ] {
        if value.trim().is_empty() {
            return Err(DataError::at(
                format!("{path}.source.{field}"),
                format!("source {field} is empty; every fact needs its source"),
            ));
        }
    }
    Ok(())
}

fn validate(raw: RawDataset, text: &str, limits: &Limits) -> Result<Dataset, DataError> {
    if raw.organisations.is_empty() {
        return Err(DataError::at("organisations", "there are no organisations"));
    }
    if raw.events.is_empty() {
        return Err(DataError::at("events", "there are no events"));
    }
    if raw.events.len() > limits.max_events {
        return Err(DataError::at(
            "events",
            format!(
                "{} events is more than the limit of {} events",
                raw.events.len(),
                limits.max_events
            ),
        ));
    }

    let mut organisations = Vec::with_capacity(raw.organisations.len());
    let mut org_ids: HashMap<String, usize> = HashMap::new();
    for (i, o) in raw.organisations.into_iter().enumerate() {
        let path = format!("organisations[{i}]");
        let fail = |field: &str, msg: String| {
            locate(
                DataError::at(format!("{path}.{field}"), msg).item(&o.id),
                text,
                &o.id,
                0,
            )
        };
        if !is_valid_id(&o.id) {
            return Err(DataError::at(
                format!("{path}.id"),
                format!(
                    "organisation id \"{}\" must be lower-case letters, digits, '-' or '_'",
                    o.id
                ),
            ));
        }
        if let Some(first) = org_ids.get(&o.id) {
            return Err(fail(
                "id",
                format!(
                    "duplicate organisation id \"{}\" (also organisations[{first}])",
                    o.id
                ),
            ));
        }
        if o.name.trim().is_empty() {
            return Err(fail("name", "organisation name is empty".into()));
        }
        if !is_hex_color(&o.color) {
            return Err(fail(
                "color",
                format!("colour \"{}\" is not of the form #rrggbb", o.color),
            ));
        }
        let date = |field: &str, value: &Option<String>| -> Result<Option<EventDate>, DataError> {
            value
                .as_deref()
                .map(|s| EventDate::parse(s).map_err(|e| fail(field, e.to_string())))
                .transpose()
        };
        let founded = date("founded", &o.founded)?;
        let dissolved = date("dissolved", &o.dissolved)?;
        if let (Some(f), Some(d)) = (&founded, &dissolved) {
            if d.latest_or(Day::MAX) < f.earliest() {
                return Err(fail("dissolved", "dissolved before it was founded".into()));
            }
        }
        org_ids.insert(o.id.clone(), i);
        organisations.push(Organisation {
            id: o.id,
            name: o.name,
            native_name: o.native_name.filter(|s| !s.trim().is_empty()),
            abbreviation: o.abbreviation,
            founded,
            dissolved,
            color: o.color.to_ascii_lowercase(),
        });
    }

    let known_orgs = || {
        organisations
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };

    let mut warnings = Vec::new();
    let mut events = Vec::with_capacity(raw.events.len());
    let mut event_ids: HashMap<String, usize> = HashMap::with_capacity(raw.events.len());
    let mut facts: HashMap<(String, String, String), usize> = HashMap::new();
    for (i, e) in raw.events.into_iter().enumerate() {
        let path = format!("events[{i}]");
        let occurrence = usize::from(event_ids.contains_key(&e.id));
        let fail = |field: &str, msg: String| {
            locate(
                DataError::at(format!("{path}.{field}"), msg).item(&e.id),
                text,
                &e.id,
                occurrence,
            )
        };
        if !is_valid_id(&e.id) {
            return Err(DataError::at(
                format!("{path}.id"),
                format!(
                    "event id \"{}\" must be 1 to 100 lower-case letters, digits, '-' or '_'",
                    e.id.chars().take(100).collect::<String>()
                ),
            ));
        }
        if let Some(first) = event_ids.get(&e.id) {
            return Err(fail(
                "id",
                format!(
                    "duplicate event id \"{}\": events[{first}] and events[{i}] both use it",
                    e.id
                ),
            ));
        }
        let Some(&org) = org_ids.get(&e.org) else {
            return Err(fail(
                "org",
                format!(
                    "unknown organisation \"{}\" (known: {})",
                    e.org,
                    known_orgs()
                ),
            ));
        };
        let Some(kind) = EventKind::parse(&e.kind) else {
            let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
            return Err(fail(
                "kind",
                format!(
                    "unknown kind \"{}\" (expected one of: {})",
                    e.kind,
                    all.join(", ")
                ),
            ));
        };
        let date = EventDate::parse(&e.date).map_err(|err| fail("date", err.to_string()))?;
        if e.title.trim().is_empty() {
            return Err(fail("title", "event title is empty".into()));
        }
        check_source(&e.source, &path).map_err(|err| locate(err.item(&e.id), text, &e.id, 0))?;
        let title_chars = e.title.chars().count();
        if title_chars > LONG_TITLE_CHARS {
            warnings.push(DataWarning {
                message: format!(
                    "event \"{}\" has a {title_chars}-character title; it is shown clipped",
                    e.id
                ),
                path: format!("{path}.title"),
            });
        }
        let fact = (e.org.clone(), e.date.clone(), e.title.clone());
        if let Some(first) = facts.insert(fact, i) {
            warnings.push(DataWarning {
                message: format!(
                    "events[{first}] and events[{i}] (\"{}\") have the same organisation, date and title",
                    e.id
                ),
                path: path.clone(),
            });
        }
        let mut source = e.source;
        source.url = clean_url(source.url, &format!("{path}.source.url"), &mut warnings);
        event_ids.insert(e.id.clone(), i);
        events.push(Event {
            id: e.id,
            org,
            date,
            date_text: e.date,
            kind,
            title: e.title,
            summary: e.summary,
            people: e.people,
            measure: e.measure,
            predecessor: e.predecessor.filter(|s| !s.trim().is_empty()),
            source,
        });
    }
    // Stable sort keeps file order for equal dates.
    events.sort_by_key(|e| e.date.sort_key());

    let mut membership = Vec::with_capacity(raw.membership.len());
    for (i, c) in raw.membership.into_iter().enumerate() {
        let path = format!("membership[{i}]");
        let Some(&org) = org_ids.get(&c.org) else {
            return Err(DataError::at(
                format!("{path}.org"),
                format!(
                    "unknown organisation \"{}\" (known: {})",
                    c.org,
                    known_orgs()
                ),
            ));
        };
        let date = EventDate::parse(&c.date)
            .map_err(|err| DataError::at(format!("{path}.date"), err.to_string()))?;
        let m = c.members;
        let bad = |msg: &str| {
            locate_key(
                DataError::at(format!("{path}.members"), format!("{msg}: {m}")),
                text,
                "\"members\"",
                i,
            )
        };
        if !m.is_finite() {
            return Err(bad("membership must be a finite number"));
        }
        if m < 0.0 {
            return Err(bad("membership cannot be negative"));
        }
        if m.fract() != 0.0 {
            return Err(bad("membership must be a whole number"));
        }
        if m > MAX_MEMBERS {
            return Err(bad("membership is implausibly large (over 1,000,000,000)"));
        }
        check_source(&c.source, &path)?;
        let mut source = c.source;
        source.url = clean_url(source.url, &format!("{path}.source.url"), &mut warnings);
        membership.push(MembershipCount {
            org,
            date,
            date_text: c.date,
            // Checked above: whole, non-negative and at most 1e9.
            members: m as u32,
            source,
        });
    }
    membership.sort_by_key(|c| (c.org, c.date.sort_key()));

    Ok(Dataset {
        warnings,
        organisations,
        events,
        membership,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_small_valid_dataset_is_sorted_by_date() {
        let d = parse_dataset(&doc(&[
            event("b", "dzns", "2019-11-07"),
            event("a", "rsm", "2011-03-07"),
        ]))
        .unwrap();
        let ids: Vec<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(d.events[0].org, 1);
        assert_eq!(d.org_index("dzns"), Some(0));
    }

    #[test]
    fn accessible_names_say_kind_date_organisation_and_title() {
        let d = parse_dataset(&doc(&[event("b", "dzns", "2019-11-07")])).unwrap();
        assert_eq!(
            d.events[0].accessible_name(&d.organisations[0]),
            "Congress — 7 November 2019 — For a New Socialism — T"
        );
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
        assert!(d.events.iter().all(|e| e.source.url.is_none()));
        let messages: Vec<&str> = d.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(d.warnings.len(), 2, "{messages:?}");
        assert!(messages
            .iter()
            .any(|m| m.contains("not an http or https address")));
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
    fn unknown_organisation_names_the_event_and_its_line() {
        let text = doc(&[event("a", "rsm", "2011"), event("b", "kprf", "2012")]);
        let err = parse_dataset(&text).unwrap_err();
        assert_eq!(err.path, "events[1].org");
        assert_eq!(err.item_id.as_deref(), Some("b"));
        assert!(
            err.message.contains("unknown organisation \"kprf\""),
            "{err}"
        );
        assert!(err.message.contains("dzns, rsm"), "{err}");
        assert_eq!(err.line, Some(6), "{err}");
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let text = doc(&[event("a", "rsm", "2011"), event("a", "rsm", "2012")]);
        let err = parse_dataset(&text).unwrap_err();
        assert!(err.message.contains("events[0] and events[1]"), "{err}");
        assert_eq!(err.line, Some(6), "the second occurrence: {err}");
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse_dataset("{\n  \"organisations\": [,]\n}").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(21)), "{err}");
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
    }

    #[test]
    fn membership_must_be_a_plausible_whole_number() {
        for (members, want) in [
            ("-5", "negative"),
            ("12.5", "whole number"),
            ("5e12", "implausibly large"),
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
    fn impossible_dates_are_located() {
        let err = parse_dataset(&doc(&[event("x", "rsm", "2020-02-30")])).unwrap_err();
        assert_eq!(err.path, "events[0].date");
        assert!(err.message.contains("February 2020 has no day 30"), "{err}");
    }

    #[test]
    fn empty_and_trivial_documents_are_refused_in_words() {
        assert!(parse_dataset("").unwrap_err().message.contains("empty"));
        assert!(parse_dataset("  \n").unwrap_err().message.contains("empty"));
        assert!(parse_dataset("{}")
            .unwrap_err()
            .message
            .contains("missing field `organisations`"));
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
    }

    #[test]
    fn span_covers_events_and_open_lifespans() {
        let d = parse_dataset(&doc(&[event("a", "rsm", "2011-03-07")])).unwrap();
        let today = super::super::date::days_from_civil(2026, 1, 1);
        let (lo, hi) = d.span(today).unwrap();
        assert_eq!(super::super::date::iso_day(lo), "2011-03-07");
        assert_eq!(hi, today, "DZNS has no dissolution, so it reaches today");
    }
}
