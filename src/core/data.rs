//! The dataset: organisations, dated events and membership counts, read
//! from JSON text (or from an object already parsed by the browser) and
//! validated into a compact [`Dataset`].
//!
//! The file format is described in `CONTRACT.md` and by the JSON Schema in
//! `static/data/movements.schema.json`. Reading is strict: unknown fields,
//! missing fields, wrong types, impossible dates, unknown organisations and
//! duplicate ids are refused with a [`DataError`] naming the JSON path, the
//! item and the line and column of the offending value. Problems that do not
//! stop the widget become [`DataWarning`]s.
//!
//! Every string of every event lives in one buffer of the dataset ([`Text`]
//! spans), so 100,000 events cost a few megabytes and no allocation each.

use super::date::{Day, EventDate};
use super::error::DataError;
use super::joined::{joined, Joined};
use super::json::{number, Number, Pos, Reader, Sink, Token};
use super::order::{radix_permutation, sort_by_u64};

/// Largest data text accepted, checked before (or while) reading.
pub const MAX_DATA_BYTES: usize = 64 * 1024 * 1024;
/// Most events accepted in one dataset.
pub const MAX_EVENTS: usize = 250_000;
/// Largest membership count accepted; larger numbers are data-entry errors.
pub const MAX_MEMBERS: i64 = 1_000_000_000;

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

/// The kinds' identifiers and names, in the order of [`EventKind::ALL`].
const IDS: Joined = joined![
    "founding",
    "existence",
    "congress",
    "conference",
    "merger",
    "announcement",
    "appointment",
    "arrest",
    "registration",
    "registration-refusal",
    "election",
    "publication",
    "criticism",
    "dispute",
    "milestone",
    "designation",
    "dissolution",
];
const LABELS: Joined = joined![
    "Founding",
    "Existence",
    "Congress",
    "Conference",
    "Merger",
    "Announcement",
    "Appointment",
    "Arrest",
    "Registration submitted",
    "Registration refused",
    "Election",
    "Publication",
    "Criticism",
    "Dispute",
    "Milestone",
    "Designation",
    "Dissolution",
];
// One identifier and one name per kind, checked while compiling (a match
// over the kinds checked this itself).
const _: () = assert!(IDS.ends.len() == EventKind::ALL.len());
const _: () = assert!(LABELS.ends.len() == EventKind::ALL.len());

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
        IDS.get(self.index()).unwrap_or_default()
    }

    /// A capitalised name for people: "Registration refused".
    pub fn label(self) -> &'static str {
        LABELS.get(self.index()).unwrap_or_default()
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

/// Where a fact comes from: an article, its section, a verbatim quote, and
/// optionally a link (empty when there is none or it was unsafe).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Source {
    /// Title of the source article.
    pub article: Text,
    /// Section path inside the article ("History › Founding").
    pub section: Text,
    /// The sentence(s) the fact is taken from, copied verbatim.
    pub quote: Text,
    /// A link to the article, kept only when it is an `http:` or `https:`
    /// URL (see [`safe_link`]); empty otherwise.
    pub url: Text,
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
/// Longest label a mark shows.
pub const MAX_LABEL_CHARS: usize = 32;

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
    if s.chars().any(|c| {
        c.is_control()
            || c.is_ascii_whitespace()
            || matches!(
                c,
                '\u{a0}' | '\u{2000}'
                    ..='\u{200b}' | '\u{2028}' | '\u{2029}' | '\u{3000}' | '\u{feff}'
            )
    }) {
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
        && host.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || !c.is_ascii()
                || matches!(c, '.' | '-' | ':' | '[' | ']' | '_')
        });
    valid_host.then(|| format!("{scheme}:{rest}"))
}

/// How a counted number relates to the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureBound {
    /// The number is exact.
    Exact,
    /// The source says "more than" the number.
    MoreThan,
}

/// A countable fact attached to an event ("offices in 74 settlements").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    /// The number the source gives.
    pub value: u32,
    /// What is counted, plural ("settlements with offices").
    pub unit: Text,
    /// Exact, or a lower bound.
    pub bound: MeasureBound,
}

/// A piece of the dataset's text (see [`Dataset::text`]): every string of
/// every event lives in one buffer, so an event holds no heap allocation of
/// its own and 100,000 of them stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Text {
    start: u32,
    len: u32,
}

impl Text {
    /// True for an absent or empty string.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
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
    /// Short name in the organisation's own language (`ДЗНС`).
    pub native_abbreviation: Option<String>,
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

/// A translation of an event's words into one language (the quote is
/// never translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Translation {
    /// Language code (`ru`).
    pub lang: Text,
    /// The title in that language.
    pub title: Text,
    /// The short label in that language (empty: none given).
    pub label: Text,
    /// The summary in that language (empty: none given).
    pub summary: Text,
}

/// A dated fact about one organisation. Its strings are [`Text`]s of the
/// dataset: read them with [`Dataset::text`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Event {
    /// Stable id, unique in the dataset.
    pub id: Text,
    /// Index into [`Dataset::organisations`].
    pub org: usize,
    /// The date at its precision.
    pub date: EventDate,
    /// The EDTF text of the date, as written in the file.
    pub date_text: Text,
    /// What kind of fact it is.
    pub kind: EventKind,
    /// One-line title.
    pub title: Text,
    /// Short label for the mark (at most 32 characters); empty when the
    /// data gives none (the title is shown then).
    pub label: Text,
    /// A few sentences of context.
    pub summary: Text,
    /// People named in the fact, one per line.
    pub people: Text,
    /// Its countable fact, where the source gives one (read it with
    /// [`Dataset::measure`]): 0 for none, else its place in the dataset's
    /// list plus one, so an event without one (most) holds four bytes, not
    /// sixteen.
    measure: u32,
    /// The name of a different, earlier organisation this fact is about,
    /// when it is drawn in the lane of the organisation that took its name
    /// (the 1990s "Russian Movement for a New Socialism"); empty otherwise.
    pub predecessor: Text,
    /// Where it comes from: the quote, and the article, section and link
    /// as a place in the dataset's list (read them with
    /// [`Dataset::source`]); most events share one, so an event holds 12
    /// bytes of source, not 32.
    quote: Text,
    place: u32,
    /// Its place in the file's `events` list.
    pub file_index: u32,
    /// Its translations: the first in the dataset's list, and how many
    /// (two fields, not a pair, so the count packs beside `kind`).
    translations_from: u32,
    translations_len: u8,
}

/// A published membership count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MembershipCount {
    /// Index into [`Dataset::organisations`].
    pub org: usize,
    /// When the count holds, at its precision.
    pub date: EventDate,
    /// The EDTF text of the date, as written in the file.
    pub date_text: Text,
    /// Number of members.
    pub members: u32,
    /// Where it comes from.
    pub source: Source,
}

/// A validated dataset, events sorted by date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    /// Problems that did not stop the data from being shown.
    pub warnings: Vec<DataWarning>,
    /// Organisations in file order (lane order).
    pub organisations: Vec<Organisation>,
    /// Events sorted by [`EventDate::sort_key`], ties in file order.
    pub events: Vec<Event>,
    /// Membership counts sorted by organisation and date.
    pub membership: Vec<MembershipCount>,
    text: String,
    translations: Vec<Translation>,
    measures: Vec<Measure>,
    /// The events' sources without their quotes, each once.
    places: Vec<Source>,
}

impl Dataset {
    /// The string a [`Text`] of this dataset stands for.
    pub fn text(&self, t: Text) -> &str {
        let start = t.start as usize;
        self.text.get(start..start + t.len as usize).unwrap_or("")
    }

    /// The people an event names.
    pub fn people<'a>(&'a self, e: &Event) -> impl Iterator<Item = &'a str> {
        self.text(e.people).split('\n').filter(|p| !p.is_empty())
    }

    /// The words a mark shows: the label, or the title when there is none.
    pub fn label(&self, e: &Event) -> &str {
        self.text(if e.label.is_empty() { e.title } else { e.label })
    }

    /// The translations of an event.
    pub fn translations(&self, e: &Event) -> &[Translation] {
        let (start, n) = (
            e.translations_from as usize,
            usize::from(e.translations_len),
        );
        self.translations.get(start..start + n).unwrap_or(&[])
    }

    /// Where `e` comes from.
    pub fn source(&self, e: &Event) -> Source {
        Source {
            quote: e.quote,
            ..self
                .places
                .get(e.place as usize)
                .copied()
                .unwrap_or_default()
        }
    }

    /// The countable fact of `e`, where the source gives one.
    pub fn measure(&self, e: &Event) -> Option<&Measure> {
        self.measures.get((e.measure as usize).checked_sub(1)?)
    }

    /// The translation of an event into `lang`, if the data has one.
    pub fn translation(&self, e: &Event, lang: &str) -> Option<&Translation> {
        self.translations(e)
            .iter()
            .find(|t| self.text(t.lang) == lang)
    }

    /// The index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| self.text(e.id) == id)
    }

    /// The name of the organisation a fact is about: the lane's, or a
    /// predecessor's.
    pub fn organisation_name<'a>(&'a self, e: &Event) -> &'a str {
        if e.predecessor.is_empty() {
            self.organisations
                .get(e.org)
                .map_or("", |o| o.name.as_str())
        } else {
            self.text(e.predecessor)
        }
    }

    /// The accessible name of an event's mark, which begins with the words
    /// the mark shows: "Founding congress — Congress — 17 October 2020 — For
    /// a New Socialism".
    pub fn accessible_name(&self, e: &Event) -> String {
        format!(
            "{} — {} — {} — {}",
            self.label(e),
            e.kind.label(),
            e.date.label(),
            self.organisation_name(e)
        )
    }

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

/// How much data a widget accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest text, checked before (or while) reading.
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

/// Parse and validate a dataset from JSON text.
///
/// A leading byte-order mark is ignored. Errors carry the JSON path, the item
/// id and the line and column of the offending value.
pub fn parse_dataset(text: &str) -> Result<Dataset, DataError> {
    parse_dataset_within(text, &Limits::default())
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
    let mut reader = DatasetReader::new(*limits);
    reader.feed(text.as_bytes())?;
    reader.finish()
}

/// Reads a dataset from pieces of JSON text as they arrive (a network
/// stream), or from tokens of an already parsed document
/// ([`DatasetReader::token`]), keeping only the dataset in memory.
#[derive(Debug)]
pub struct DatasetReader {
    json: Reader,
    builder: Builder,
    bytes: usize,
    /// The whole text's length in bytes, when the caller knows it (0: not
    /// known), and the next read length at which to size the buffers by it.
    expected: usize,
    next_estimate: usize,
}

/// Bytes read before the buffers are first sized from the expected length:
/// enough events to judge their size by, while the buffers they leave
/// behind when they move are still small.
const ESTIMATE_AFTER: usize = 1 << 20;

impl DatasetReader {
    /// A reader that refuses data over `limits`.
    pub fn new(limits: Limits) -> DatasetReader {
        DatasetReader {
            json: Reader::new(),
            builder: Builder::new(limits),
            bytes: 0,
            expected: 0,
            next_estimate: ESTIMATE_AFTER,
        }
    }

    /// Says how long the whole text is, in bytes (an estimate will do).
    ///
    /// Large data then gets its event list and text buffer sized once from
    /// what the first megabyte held, instead of doubling as it grows: each
    /// doubling holds the old and the new buffer at once, and WebAssembly
    /// memory never shrinks, so at 100,000 events the doubling alone cost
    /// about 15 MB of the widget's memory (docs/BENCHMARKS.md).
    pub fn expect_bytes(&mut self, total: usize) {
        self.expected = total.min(self.builder.limits.max_bytes);
    }

    /// Sizes the buffers for the expected length at the density read so
    /// far, plus a twentieth; looked at again at each doubling of what was
    /// read, and grown only when the estimate itself (not its margin) no
    /// longer fits, so the buffers move at most rarely, and early.
    fn estimate(&mut self) {
        if self.expected == 0 || self.bytes < self.next_estimate || self.bytes >= self.expected {
            return;
        }
        self.next_estimate = self.bytes.saturating_mul(2);
        let (read, expected) = (self.bytes as u64, self.expected as u64);
        let grow = |len: usize, capacity: usize, most: usize| {
            let total = usize::try_from(len as u64 * expected / read).unwrap_or(most);
            (total > capacity).then(|| (total + total / 20 + 16).min(most).saturating_sub(len))
        };
        let data = &mut self.builder.data;
        let most = self.builder.limits.max_events;
        if let Some(more) = grow(data.events.len(), data.events.capacity(), most) {
            data.events.reserve_exact(more);
            let at = &mut self.builder.id_at;
            at.reserve_exact((data.events.len() + more).saturating_sub(at.len()));
        }
        if let Some(more) = grow(data.text.len(), data.text.capacity(), usize::MAX) {
            data.text.reserve_exact(more);
        }
    }

    /// Reads the next piece of the JSON text.
    pub fn feed(&mut self, piece: &[u8]) -> Result<(), DataError> {
        self.bytes += piece.len();
        let max = self.builder.limits.max_bytes;
        if self.bytes > max {
            return Err(DataError::whole(format!(
                "the data is more than the limit of {max} bytes; the rest was not read"
            )));
        }
        let result = self.json.feed(piece, &mut self.builder);
        result.map_err(|e| with_path(e, self.builder.path(None)))?;
        self.estimate();
        Ok(())
    }

    /// Takes one token of a document that is already parsed (a JavaScript
    /// object): such data has paths but no lines.
    pub fn token(&mut self, token: Token<'_>) -> Result<(), DataError> {
        self.builder.started = true;
        self.builder.token(token, Pos::default())
    }

    /// Completes the dataset.
    pub fn finish(mut self) -> Result<Dataset, DataError> {
        if self.bytes > 0 || !self.builder.started {
            if self.json.is_empty() {
                return Err(DataError::whole("the data file is empty"));
            }
            let path = self.builder.path(None);
            self.json
                .finish(&mut self.builder)
                .map_err(|e| with_path(e, path))?;
        }
        self.builder.finish()
    }
}

// ---- the builder: JSON tokens -> validated dataset ------------------------

/// What an object or list of the format is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Root,
    Orgs,
    Events,
    Counts,
    Org,
    Event,
    Count,
    Source,
    People,
    Measure,
    I18n,
    Lang,
}

impl Frame {
    /// The keys an object of this kind may have, and which are required.
    fn fields(self) -> (&'static [&'static str], u32) {
        match self {
            Frame::Root => (&["organisations", "events", "membership"], 0b011),
            Frame::Org => (
                &[
                    "id",
                    "name",
                    "nativeName",
                    "abbreviation",
                    "founded",
                    "dissolved",
                    "color",
                    "nativeAbbreviation",
                ],
                0b100_1011,
            ),
            Frame::Event => (
                &[
                    "id",
                    "org",
                    "date",
                    "kind",
                    "title",
                    "label",
                    "summary",
                    "people",
                    "measure",
                    "predecessor",
                    "source",
                    "i18n",
                ],
                0b100_0001_1111,
            ),
            Frame::Count => (&["org", "date", "members", "source"], 0b1111),
            Frame::Source => (&["article", "section", "quote", "url"], 0b0111),
            Frame::Measure => (&["value", "unit", "bound"], 0b111),
            Frame::Lang => (&["title", "label", "summary"], 0b001),
            _ => (&[], 0),
        }
    }
}

#[derive(Debug)]
struct Level {
    frame: Frame,
    /// Items read so far (lists), or the field being read (objects).
    index: usize,
    /// The current key, for language objects (whose keys are codes).
    key: String,
    /// Fields seen (a bit per field).
    seen: u32,
    /// A key was read and its value is being read.
    pending: bool,
}

impl Level {
    fn new(frame: Frame) -> Level {
        Level {
            frame,
            index: 0,
            key: String::new(),
            seen: 0,
            pending: false,
        }
    }
}

/// One item being read: its fields as texts of the arena, and where each
/// value stood.
#[derive(Debug, Default)]
struct Item {
    values: [Text; 12],
    at: [Pos; 12],
    /// Short strings that are checked, not kept (org and kind ids, bound,
    /// dates): read into these buffers.
    org: String,
    kind: String,
    date: String,
    dissolved: String,
    bound: String,
    number: Option<(Number, String)>,
    measure_value: Option<(Number, String, Pos)>,
    source: Source,
    /// Where the fields of the nested object being read (source, measure,
    /// a translation) stood.
    nested_at: [Pos; 4],
    has_measure: bool,
    null: u32,
    translations: u32,
}

impl Item {
    /// Clears for the next item, keeping the buffers' memory.
    fn reset(&mut self) {
        self.values = [Text::default(); 12];
        self.at = [Pos::default(); 12];
        self.nested_at = [Pos::default(); 4];
        for s in [
            &mut self.org,
            &mut self.kind,
            &mut self.date,
            &mut self.dissolved,
            &mut self.bound,
        ] {
            s.clear();
        }
        self.number = None;
        self.measure_value = None;
        self.source = Source::default();
        self.has_measure = false;
        self.null = 0;
    }
}

#[derive(Debug)]
struct Builder {
    limits: Limits,
    stack: Vec<Level>,
    item: Item,
    data: Dataset,
    /// Organisation ids with their index, for events.
    started: bool,
    seen_events: usize,
    long_titles: usize,
    unlabelled: usize,
    first_unlabelled: String,
    /// The latest distinct strings of the fields that repeat from event to
    /// event (see [`Builder::push_shared`]), and where the next one goes.
    shared: [Text; SHARED],
    next_shared: usize,
    /// Line and column of each event's id in the file (0 when read from an
    /// object), for a duplicate id's message; dropped with the builder,
    /// so a read dataset does not carry it (0.8 MB at 100,000 events).
    id_at: Vec<(u32, u32)>,
}

/// How many repeating strings [`Builder::push_shared`] remembers.
const SHARED: usize = 8;

/// Gives a syntax error (which the reader reports without a path) the path
/// of the place it was found.
fn with_path(mut err: DataError, path: String) -> DataError {
    if err.path.is_empty() && err.item_id.is_none() {
        err.path = path;
    }
    err
}

fn located(err: DataError, at: Pos) -> DataError {
    if at.line == 0 {
        err
    } else {
        err.line_column(at.line, at.column)
    }
}

pub(crate) fn describe(token: &Token<'_>) -> String {
    match token {
        Token::Str(s) => format!("string \"{}\"", s.chars().take(40).collect::<String>()),
        Token::Num(n) => format!("number {n}"),
        Token::Bool(b) => format!("boolean `{b}`"),
        Token::Null => "null".into(),
        Token::BeginObject => "an object".into(),
        Token::BeginArray => "a list".into(),
        _ => "the end of a list or object".into(),
    }
}

impl Builder {
    fn new(limits: Limits) -> Builder {
        Builder {
            limits,
            stack: Vec::new(),
            item: Item::default(),
            data: Dataset::default(),
            started: false,
            seen_events: 0,
            long_titles: 0,
            unlabelled: 0,
            first_unlabelled: String::new(),
            shared: [Text::default(); SHARED],
            next_shared: 0,
            id_at: Vec::new(),
        }
    }

    /// The JSON path of the current place (`events[3].source.quote`), with
    /// `field` appended. With `item`, a list at the top names the item it
    /// is starting (for an error about that item).
    fn path_at(&self, field: Option<&str>, item: bool) -> String {
        let mut out = String::new();
        let last = self.stack.len().saturating_sub(1);
        for (i, level) in self.stack.iter().enumerate() {
            let inner = i < last;
            match level.frame {
                Frame::Orgs | Frame::Events | Frame::Counts | Frame::People if inner || item => {
                    out.push_str(&format!("[{}]", level.index));
                }
                Frame::Orgs | Frame::Events | Frame::Counts | Frame::People => {}
                _ if inner || level.pending => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(self.key_name(level));
                }
                _ => {}
            }
        }
        if let Some(f) = field {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(f);
        }
        out
    }

    fn path(&self, field: Option<&str>) -> String {
        self.path_at(field, false)
    }

    fn key_name<'a>(&'a self, level: &'a Level) -> &'a str {
        match level.frame {
            Frame::I18n => &level.key,
            frame => frame.fields().0.get(level.index).copied().unwrap_or(""),
        }
    }

    fn fail(&self, field: Option<&str>, message: impl Into<String>, at: Pos) -> DataError {
        self.fail_at(self.path(field), message, at)
    }

    fn fail_at(&self, path: String, message: impl Into<String>, at: Pos) -> DataError {
        let mut err = DataError::at(path, message);
        if let Some(id) = self.item_id() {
            err = err.item(&id);
        }
        located(err, at)
    }

    /// The id of the item being read, once known (for messages).
    fn item_id(&self) -> Option<String> {
        let item = self
            .stack
            .iter()
            .rev()
            .find(|l| matches!(l.frame, Frame::Org | Frame::Event))?;
        if item.seen & 1 == 0 {
            return None;
        }
        Some(self.data.text(self.item.values[0]).to_owned())
    }

    fn push_text(&mut self, s: &str) -> Text {
        let start = self.data.text.len();
        self.data.text.push_str(s);
        Text {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(s.len()).unwrap_or(0),
        }
    }

    /// Stores a string of a field whose value repeats from event to event
    /// (a source's article, section and link, a count's unit) once: the
    /// same text as one of the last few such strings is not stored again
    /// (at 100,000 events, about 2 MB of a source's article and section
    /// names alone).
    fn push_shared(&mut self, s: &str) -> Text {
        for t in self.shared {
            if self.data.text(t) == s {
                return t;
            }
        }
        let t = self.push_text(s);
        if let Some(slot) = self.shared.get_mut(self.next_shared % SHARED) {
            *slot = t;
        }
        self.next_shared += 1;
        t
    }

    /// The place in the dataset's list of `source`'s article, section and
    /// link: one of the last few, or a new one.
    fn place_of(&mut self, source: Source) -> u32 {
        let place = Source {
            quote: Text::default(),
            ..source
        };
        let places = &mut self.data.places;
        let n = places.len();
        let found = places
            .iter()
            .rev()
            .take(SHARED)
            .position(|p| *p == place)
            .map(|back| n - 1 - back);
        u32::try_from(found.unwrap_or_else(|| {
            places.push(place);
            n
        }))
        .unwrap_or(0)
    }

    fn token(&mut self, token: Token<'_>, at: Pos) -> Result<(), DataError> {
        self.started = true;
        match token {
            Token::Key(key) => return self.key(key, at),
            Token::EndObject => return self.end_object(at),
            Token::EndArray => return self.end_array(at),
            _ => {}
        }
        let Some(top) = self.stack.last() else {
            return match token {
                Token::BeginObject => {
                    self.stack.push(Level::new(Frame::Root));
                    Ok(())
                }
                other => Err(located(
                    DataError::whole(format!(
                        "the data must be a JSON object, not {}",
                        describe(&other)
                    )),
                    at,
                )),
            };
        };
        let (frame, index) = (top.frame, top.index);
        match frame {
            Frame::Orgs | Frame::Events | Frame::Counts => {
                let item = match frame {
                    Frame::Orgs => Frame::Org,
                    Frame::Events => Frame::Event,
                    _ => Frame::Count,
                };
                if token != Token::BeginObject {
                    let path = self.path_at(None, true);
                    return Err(self.fail_at(
                        path,
                        format!("invalid type: {}, expected an object", describe(&token)),
                        at,
                    ));
                }
                if item == Frame::Event {
                    self.seen_events += 1;
                    if self.seen_events > self.limits.max_events {
                        return Err(DataError::at(
                            "events",
                            format!(
                                "{} events is more than the limit of {} events",
                                self.seen_events, self.limits.max_events
                            ),
                        ));
                    }
                }
                self.item.reset();
                self.item.translations = u32::try_from(self.data.translations.len()).unwrap_or(0);
                self.stack.push(Level::new(item));
                Ok(())
            }
            Frame::People => match token {
                Token::Str(name) => {
                    let start = self.item.values[7];
                    let joined = start.is_empty();
                    if !joined {
                        self.data.text.push('\n');
                    }
                    let clean = name.replace('\n', " ");
                    let t = self.push_text(clean.trim());
                    self.item.values[7] = if joined {
                        t
                    } else {
                        Text {
                            start: start.start,
                            len: t.start + t.len - start.start,
                        }
                    };
                    if let Some(level) = self.stack.last_mut() {
                        level.index += 1;
                    }
                    Ok(())
                }
                other => {
                    let path = self.path_at(None, true);
                    Err(self.fail_at(
                        path,
                        format!(
                            "invalid type: {}, expected a name (string)",
                            describe(&other)
                        ),
                        at,
                    ))
                }
            },
            _ => self.value(frame, index, token, at),
        }
    }

    fn key(&mut self, key: &str, at: Pos) -> Result<(), DataError> {
        let Some(level) = self.stack.last() else {
            return Ok(());
        };
        let frame = level.frame;
        if frame == Frame::I18n {
            let code_ok = (2..=8).contains(&key.len())
                && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            if !code_ok {
                return Err(self.fail(
                    Some(key),
                    format!("\"{key}\" is not a language code (like \"ru\")"),
                    at,
                ));
            }
            let first = self.item.translations as usize;
            let repeated = self
                .data
                .translations
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .any(|t| self.data.text(t.lang) == key);
            if repeated {
                return Err(self.fail(Some(key), format!("duplicate language `{key}`"), at));
            }
            if let Some(level) = self.stack.last_mut() {
                level.key = key.to_owned();
                level.pending = true;
            }
            return Ok(());
        }
        let (names, _) = frame.fields();
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(self.fail(
                Some(key),
                format!(
                    "unknown field `{key}`, expected one of `{}`",
                    names.join("`, `")
                ),
                at,
            ));
        };
        if level.seen & (1 << i) != 0 {
            return Err(self.fail(Some(key), format!("duplicate field `{key}`"), at));
        }
        if let Some(level) = self.stack.last_mut() {
            level.index = i;
            level.seen |= 1 << i;
            level.pending = true;
        }
        Ok(())
    }

    /// A value for field `field` of an object of kind `frame`.
    fn value(
        &mut self,
        frame: Frame,
        field: usize,
        token: Token<'_>,
        at: Pos,
    ) -> Result<(), DataError> {
        let name = if frame == Frame::I18n {
            ""
        } else {
            frame.fields().0.get(field).copied().unwrap_or("")
        };
        let nested = Level::new;
        let expected = |what: &str, b: &Builder| {
            b.fail(
                None,
                format!("invalid type: {}, expected {what}", describe(&token)),
                at,
            )
        };
        let scalar = !matches!(token, Token::BeginObject | Token::BeginArray);
        match (frame, name, token) {
            (Frame::Root, "organisations", Token::BeginArray) => {
                self.stack.push(nested(Frame::Orgs))
            }
            (Frame::Root, "events", Token::BeginArray) => self.stack.push(nested(Frame::Events)),
            (Frame::Root, "membership", Token::BeginArray) => {
                self.stack.push(nested(Frame::Counts))
            }
            (Frame::Root, _, _) => return Err(expected("a list", self)),
            (Frame::Event, "people", Token::BeginArray) => self.stack.push(nested(Frame::People)),
            (Frame::Event, "measure", Token::BeginObject) => {
                self.item.has_measure = true;
                self.stack.push(nested(Frame::Measure));
            }
            (Frame::Event | Frame::Count, "source", Token::BeginObject) => {
                self.stack.push(nested(Frame::Source))
            }
            (Frame::Event, "i18n", Token::BeginObject) => self.stack.push(nested(Frame::I18n)),
            (Frame::I18n, _, Token::BeginObject) => {
                let lang = self.stack.last().map(|l| l.key.clone()).unwrap_or_default();
                let lang = self.push_text(&lang);
                self.data.translations.push(Translation {
                    lang,
                    title: Text::default(),
                    label: Text::default(),
                    summary: Text::default(),
                });
                self.stack.push(nested(Frame::Lang));
            }
            (Frame::I18n, _, _) => {
                return Err(expected("an object of title, label and summary", self))
            }
            (
                Frame::Org,
                "nativeName" | "nativeAbbreviation" | "founded" | "dissolved",
                Token::Null,
            )
            | (Frame::Event, "summary" | "predecessor", Token::Null)
            | (Frame::Source, "url", Token::Null) => {
                self.item.null |= 1 << field;
            }
            (Frame::Count, "members", Token::Num(n)) => {
                self.item.number = Some((number(n), n.to_owned()));
                self.item.at[field] = at;
            }
            (Frame::Count, "members", _) => return Err(expected("a number", self)),
            (Frame::Measure, "value", Token::Num(n)) => {
                self.item.measure_value = Some((number(n), n.to_owned(), at));
            }
            (Frame::Measure, "value", _) => return Err(expected("a whole number", self)),
            (_, _, Token::Str(s)) => self.string(frame, name, field, s, at)?,
            _ => return Err(expected("a string", self)),
        }
        if scalar {
            self.value_done();
        }
        Ok(())
    }

    /// The value of the current key is complete.
    fn value_done(&mut self) {
        if let Some(level) = self.stack.last_mut() {
            level.pending = false;
        }
    }

    fn string(
        &mut self,
        frame: Frame,
        name: &str,
        field: usize,
        s: &str,
        at: Pos,
    ) -> Result<(), DataError> {
        let slot = field.min(11);
        match (frame, name) {
            (Frame::Org | Frame::Event | Frame::Count, "org") => {
                self.item.org.clear();
                self.item.org.push_str(s);
                self.item.at[slot] = at;
            }
            (Frame::Event, "kind") => {
                self.item.kind.clear();
                self.item.kind.push_str(s);
                self.item.at[slot] = at;
            }
            (Frame::Org, "dissolved") => {
                self.item.dissolved.clear();
                self.item.dissolved.push_str(s);
                self.item.at[slot] = at;
            }
            (Frame::Org | Frame::Event | Frame::Count, "date" | "founded") => {
                self.item.date.clear();
                self.item.date.push_str(s);
                self.item.at[slot] = at;
                if frame != Frame::Org {
                    self.item.values[slot] = self.push_text(s);
                }
            }
            (Frame::Measure, "bound") => {
                self.item.bound.clear();
                self.item.bound.push_str(s);
                self.item.nested_at[2] = at;
            }
            (Frame::Measure, "unit") => {
                self.item.values[11] = self.push_shared(s);
            }
            (Frame::Source, _) => {
                let t = match name {
                    "url" => Text::default(),
                    "quote" => self.push_text(s),
                    _ => self.push_shared(s),
                };
                let source = &mut self.item.source;
                match field {
                    0 => source.article = t,
                    1 => source.section = t,
                    2 => source.quote = t,
                    _ => {
                        let url = s.trim();
                        match safe_link(url) {
                            Some(safe) => self.item.source.url = self.push_shared(&safe),
                            None => {
                                let message = format!(
                                    "the link \"{}\" is not an http or https address; it was dropped",
                                    url.chars().take(60).collect::<String>()
                                );
                                let path = self.path(None);
                                self.data.warnings.push(DataWarning { message, path });
                            }
                        }
                    }
                }
                self.item.nested_at[field.min(3)] = at;
            }
            (Frame::Lang, _) => {
                let t = self.push_text(s);
                if let Some(tr) = self.data.translations.last_mut() {
                    match field {
                        0 => tr.title = t,
                        1 => tr.label = t,
                        _ => tr.summary = t,
                    }
                }
                self.item.nested_at[field.min(3)] = at;
            }
            _ => {
                self.item.values[slot] = self.push_text(s);
                self.item.at[slot] = at;
            }
        }
        Ok(())
    }

    fn end_array(&mut self, at: Pos) -> Result<(), DataError> {
        let Some(level) = self.stack.pop() else {
            return Ok(());
        };
        self.value_done();
        match level.frame {
            Frame::Orgs if level.index == 0 => Err(located(
                DataError::at("organisations", "there are no organisations"),
                at,
            )),
            Frame::Events if level.index == 0 => {
                Err(located(DataError::at("events", "there are no events"), at))
            }
            _ => Ok(()),
        }
    }

    fn end_object(&mut self, at: Pos) -> Result<(), DataError> {
        let Some(level) = self.stack.last() else {
            return Ok(());
        };
        let (names, required) = level.frame.fields();
        let missing = required & !level.seen;
        if missing != 0 {
            let i = missing.trailing_zeros() as usize;
            let name = names.get(i).copied().unwrap_or("?");
            return Err(self.fail(None, format!("missing field `{name}`"), at));
        }
        let frame = level.frame;
        match frame {
            Frame::Org => self.finish_org()?,
            Frame::Event => self.finish_event()?,
            Frame::Count => self.finish_count()?,
            Frame::Source => self.check_source()?,
            Frame::Measure => self.finish_measure()?,
            Frame::Lang => self.check_translation(at)?,
            _ => {}
        }
        self.stack.pop();
        // The enclosing list counts the item; an enclosing object's value
        // is complete.
        if let Some(parent) = self.stack.last_mut() {
            if matches!(parent.frame, Frame::Orgs | Frame::Events | Frame::Counts) {
                parent.index += 1;
            }
            parent.pending = false;
        }
        Ok(())
    }

    fn check_source(&mut self) -> Result<(), DataError> {
        let s = self.item.source;
        for (i, (field, value)) in [
            ("article", s.article),
            ("section", s.section),
            ("quote", s.quote),
        ]
        .into_iter()
        .enumerate()
        {
            if self.data.text(value).trim().is_empty() {
                let at = self.item.nested_at[i];
                return Err(self.fail(
                    Some(field),
                    format!("source {field} is empty; every fact needs its source"),
                    at,
                ));
            }
        }
        Ok(())
    }

    fn finish_measure(&mut self) -> Result<(), DataError> {
        let value = match self.item.measure_value.take() {
            Some((Number::Whole(v), _, _)) if (0..=i64::from(u32::MAX)).contains(&v) => v as u32,
            Some((_, text, at)) => {
                return Err(self.fail(
                    Some("value"),
                    format!("a count must be a whole number from 0 to 4294967295: {text}"),
                    at,
                ))
            }
            None => 0,
        };
        let bound = match self.item.bound.as_str() {
            "exact" => MeasureBound::Exact,
            "more-than" => MeasureBound::MoreThan,
            other => {
                return Err(self.fail(
                    Some("bound"),
                    format!("unknown bound \"{other}\" (expected `exact` or `more-than`)"),
                    self.item.nested_at[2],
                ))
            }
        };
        self.item.measure_value = Some((
            Number::Whole(i64::from(value)),
            String::new(),
            Pos::default(),
        ));
        self.item.bound = match bound {
            MeasureBound::Exact => "exact".into(),
            MeasureBound::MoreThan => "more-than".into(),
        };
        Ok(())
    }

    fn check_translation(&mut self, at: Pos) -> Result<(), DataError> {
        let Some(tr) = self.data.translations.last().copied() else {
            return Ok(());
        };
        if self.data.text(tr.title).trim().is_empty() {
            return Err(self.fail(Some("title"), "translated title is empty", at));
        }
        let chars = self.data.text(tr.label).chars().count();
        if chars > MAX_LABEL_CHARS {
            return Err(self.fail(
                Some("label"),
                format!("the label is {chars} characters; a label has at most {MAX_LABEL_CHARS}"),
                self.item.nested_at[1],
            ));
        }
        Ok(())
    }

    fn date(&self, field: &str, text: &str, at: Pos) -> Result<EventDate, DataError> {
        EventDate::parse(text).map_err(|e| self.fail(Some(field), e.to_string(), at))
    }

    fn finish_org(&mut self) -> Result<(), DataError> {
        let v = self.item.values;
        let at = self.item.at;
        let id = self.data.text(v[0]).to_owned();
        if !is_valid_id(&id) {
            return Err(self.fail(
                Some("id"),
                format!("organisation id \"{id}\" must be lower-case letters, digits, '-' or '_'"),
                at[0],
            ));
        }
        if self.data.org_index(&id).is_some() {
            return Err(self.fail(
                Some("id"),
                format!("duplicate organisation id \"{id}\""),
                at[0],
            ));
        }
        let name = self.data.text(v[1]).to_owned();
        if name.trim().is_empty() {
            return Err(self.fail(Some("name"), "organisation name is empty", at[1]));
        }
        let color = self.data.text(v[6]).to_ascii_lowercase();
        if !is_hex_color(&color) {
            return Err(self.fail(
                Some("color"),
                format!("colour \"{color}\" is not of the form #rrggbb"),
                at[6],
            ));
        }
        let founded = if self.item.date.is_empty() {
            None
        } else {
            Some(self.date("founded", &self.item.date, at[4])?)
        };
        let dissolved = if self.item.dissolved.is_empty() {
            None
        } else {
            Some(self.date("dissolved", &self.item.dissolved, at[5])?)
        };
        if let (Some(f), Some(d)) = (&founded, &dissolved) {
            if d.latest_or(Day::MAX) < f.earliest() {
                return Err(self.fail(Some("dissolved"), "dissolved before it was founded", at[5]));
            }
        }
        let native = self.data.text(v[2]).trim().to_owned();
        let abbreviation = self.data.text(v[3]).to_owned();
        let native_abbreviation = self.data.text(v[7]).trim().to_owned();
        // Organisations are few: they keep their own strings.
        self.data.organisations.push(Organisation {
            id,
            name,
            native_name: (!native.is_empty()).then_some(native),
            abbreviation,
            native_abbreviation: (!native_abbreviation.is_empty()).then_some(native_abbreviation),
            founded,
            dissolved,
            color,
        });
        Ok(())
    }

    fn org_of(&self, field_at: Pos) -> Result<usize, DataError> {
        let id = &self.item.org;
        self.data.org_index(id).ok_or_else(|| {
            let known: Vec<&str> = self
                .data
                .organisations
                .iter()
                .map(|o| o.id.as_str())
                .collect();
            let known = if known.is_empty() {
                "none yet: the organisations list must come before the events".to_owned()
            } else {
                known.join(", ")
            };
            self.fail(
                Some("org"),
                format!("unknown organisation \"{id}\" (known: {known})"),
                field_at,
            )
        })
    }

    fn finish_event(&mut self) -> Result<(), DataError> {
        let file_index = self.stack.iter().rev().nth(1).map_or(0, |l| l.index);
        let v = self.item.values;
        let at = self.item.at;
        let id = self.data.text(v[0]);
        if !is_valid_id(id) {
            let shown: String = id.chars().take(100).collect();
            return Err(DataError::at(
                self.path(Some("id")),
                format!(
                    "event id \"{shown}\" must be 1 to 100 lower-case letters, digits, '-' or '_'"
                ),
            )
            .line_column(at[0].line.max(1), at[0].column.max(1)));
        }
        let org = self.org_of(at[1])?;
        let Some(kind) = EventKind::parse(&self.item.kind) else {
            let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
            return Err(self.fail(
                Some("kind"),
                format!(
                    "unknown kind \"{}\" (expected one of: {})",
                    self.item.kind,
                    all.join(", ")
                ),
                at[3],
            ));
        };
        let date = self.date("date", &self.item.date, at[2])?;
        let title = self.data.text(v[4]);
        if title.trim().is_empty() {
            return Err(self.fail(Some("title"), "event title is empty", at[4]));
        }
        let title_chars = title.chars().count();
        if title_chars > LONG_TITLE_CHARS {
            self.long_titles += 1;
            let id = self.data.text(v[0]).to_owned();
            self.data.warnings.push(DataWarning {
                message: format!(
                    "event \"{id}\" has a {title_chars}-character title; it is shown clipped"
                ),
                path: self.path(Some("title")),
            });
        }
        let label = self.data.text(v[5]);
        let label_chars = label.chars().count();
        if self.stack.last().is_some_and(|l| l.seen & (1 << 5) != 0) {
            if label.trim().is_empty() {
                return Err(self.fail(
                    Some("label"),
                    "the label is empty (leave it out to show the title)",
                    at[5],
                ));
            }
            if label_chars > MAX_LABEL_CHARS {
                return Err(self.fail(
                    Some("label"),
                    format!("the label is {label_chars} characters; a label has at most {MAX_LABEL_CHARS}"),
                    at[5],
                ));
            }
        } else {
            if self.unlabelled == 0 {
                self.first_unlabelled = self.path(Some("label"));
            }
            self.unlabelled += 1;
        }
        let measure = self.item.has_measure.then_some(Measure {
            value: match self.item.measure_value {
                Some((Number::Whole(v), _, _)) => u32::try_from(v).unwrap_or(0),
                _ => 0,
            },
            unit: v[11],
            bound: if self.item.bound == "more-than" {
                MeasureBound::MoreThan
            } else {
                MeasureBound::Exact
            },
        });
        let measure = match measure {
            Some(m) => {
                self.data.measures.push(m);
                u32::try_from(self.data.measures.len()).unwrap_or(0)
            }
            None => 0,
        };
        let first_tr = self.item.translations;
        let n_tr = u32::try_from(self.data.translations.len())
            .unwrap_or(0)
            .saturating_sub(first_tr);
        let place = self.place_of(self.item.source);
        self.id_at.push((
            u32::try_from(at[0].line).unwrap_or(0),
            u32::try_from(at[0].column).unwrap_or(0),
        ));
        self.data.events.push(Event {
            id: v[0],
            org,
            date,
            date_text: v[2],
            kind,
            title: v[4],
            label: v[5],
            summary: v[6],
            people: v[7],
            measure,
            predecessor: if self.data.text(v[9]).trim().is_empty() {
                Text::default()
            } else {
                v[9]
            },
            quote: self.item.source.quote,
            place,
            file_index: u32::try_from(file_index).unwrap_or(u32::MAX),
            translations_from: first_tr,
            translations_len: u8::try_from(n_tr).unwrap_or(u8::MAX),
        });
        Ok(())
    }

    fn finish_count(&mut self) -> Result<(), DataError> {
        let at = self.item.at;
        let org = self.org_of(at[0])?;
        let date = self.date("date", &self.item.date, at[1])?;
        let (n, text) = self
            .item
            .number
            .clone()
            .unwrap_or((Number::Whole(0), String::new()));
        let bad = |msg: &str, b: &Builder| b.fail(Some("members"), format!("{msg}: {text}"), at[2]);
        let members = match n {
            Number::Whole(v) if v < 0 => return Err(bad("membership cannot be negative", self)),
            Number::Fraction => return Err(bad("membership must be a whole number", self)),
            Number::Whole(v) if v <= MAX_MEMBERS => u32::try_from(v).unwrap_or(u32::MAX),
            _ => {
                return Err(bad(
                    "membership is implausibly large (over 1,000,000,000)",
                    self,
                ))
            }
        };
        self.data.membership.push(MembershipCount {
            org,
            date,
            date_text: self.item.values[1],
            members,
            source: self.item.source,
        });
        Ok(())
    }

    fn finish(mut self) -> Result<Dataset, DataError> {
        if !self.stack.is_empty() {
            return Err(DataError::whole(
                "the data ends before its last object or list is closed",
            ));
        }
        let events = &self.data.events;
        if events.is_empty() {
            return Err(DataError::at("events", "there are no events"));
        }
        // Duplicate ids and likely copies, found by sorting: each event's
        // key is hashed once, so the sort compares integers, and strings
        // only where two hashes are equal (exact, and fast at 100,000).
        let n = events.len();
        let text = &self.data.text;
        let slice = |x: Text| {
            text.get(x.start as usize..(x.start + x.len) as usize)
                .unwrap_or("")
        };
        let id_of = |i: usize| events.get(i).map_or("", |e| slice(e.id));
        let id_hash: Vec<u64> = (0..n).map(|i| fnv(&[id_of(i).as_bytes()])).collect();
        let hash = |h: &[u64], i: usize| h.get(i).copied().unwrap_or(0);
        let by_id = exact_runs(&id_hash, &|a, b| id_of(a).cmp(id_of(b)));
        for pair in by_id.windows(2) {
            let (a, b) = (pair[0] as usize, pair[1] as usize);
            if hash(&id_hash, a) == hash(&id_hash, b) && id_of(a) == id_of(b) {
                let id = id_of(a).to_owned();
                let err = DataError::at(
                    format!("events[{b}].id"),
                    format!("duplicate event id \"{id}\": events[{a}] and events[{b}] both use it"),
                )
                .item(&id);
                let (line, column) = self.id_at.get(b).copied().unwrap_or((0, 0));
                let at = Pos {
                    line: line as usize,
                    column: column as usize,
                };
                return Err(located(err, at));
            }
        }
        // Each check's lists go before the next is made: at 100,000 events
        // they are 1.2 MB each, and module memory keeps its highest mark.
        drop((by_id, id_hash));
        // The same organisation, date and title twice is likely a copy.
        let key = |i: usize| {
            events.get(i).map_or((usize::MAX, "", ""), |e| {
                (e.org, slice(e.date_text), slice(e.title))
            })
        };
        let copy_hash: Vec<u64> = (0..n)
            .map(|i| {
                let (org, date, title) = key(i);
                fnv(&[&org.to_le_bytes(), date.as_bytes(), title.as_bytes()])
            })
            .collect();
        let by_key = exact_runs(&copy_hash, &|a, b| key(a).cmp(&key(b)));
        for pair in by_key.windows(2) {
            let (a, b) = (pair[0] as usize, pair[1] as usize);
            if hash(&copy_hash, a) == hash(&copy_hash, b) && key(a) == key(b) {
                let id = id_of(b).to_owned();
                self.data.warnings.push(DataWarning {
                    message: format!("events[{a}] and events[{b}] (\"{id}\") have the same organisation, date and title"),
                    path: format!("events[{b}]"),
                });
            }
        }
        drop((by_key, copy_hash));
        if self.unlabelled > 0 {
            self.data.warnings.push(DataWarning {
                message: format!(
                    "{} event{} no label; the title is shown on the mark",
                    self.unlabelled,
                    if self.unlabelled == 1 {
                        " has"
                    } else {
                        "s have"
                    }
                ),
                path: std::mem::take(&mut self.first_unlabelled),
            });
        }
        // Stable sorts keep file order for equal dates; keys computed once.
        let by_date = |date: &EventDate| {
            let (a, b) = date.sort_key();
            let bits = |d: Day| u64::from((d as u32) ^ 0x8000_0000);
            bits(a) << 32 | bits(b)
        };
        let keys: Vec<u64> = self.data.events.iter().map(|e| by_date(&e.date)).collect();
        sort_by_u64(&mut self.data.events, &keys);
        // By organisation, then date: the second sort keeps the first's
        // order among equals.
        let m = &mut self.data.membership;
        let keys: Vec<u64> = m.iter().map(|c| by_date(&c.date)).collect();
        sort_by_u64(m, &keys);
        let keys: Vec<u64> = m.iter().map(|c| c.org as u64).collect();
        sort_by_u64(m, &keys);
        self.data.text.shrink_to_fit();
        Ok(self.data)
    }
}

/// The events in the order of `hashes`, and where hashes are equal (the
/// same text, or rarely a collision) by `exact`, then by place: equal texts
/// end up side by side.
fn exact_runs(hashes: &[u64], exact: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<u32> {
    let mut order = radix_permutation(hashes);
    let hash = |i: u32| hashes.get(i as usize).copied();
    let mut from = 0;
    while from < order.len() {
        let first = order.get(from).copied().and_then(hash);
        let len = order
            .get(from..)
            .map_or(1, |rest| {
                rest.iter().take_while(|&&i| hash(i) == first).count()
            })
            .max(1);
        // A run is a duplicate's few events (or a collision's): sorted by
        // insertion, which keeps their order (by place) among equals.
        if let Some(run) = order.get_mut(from..from + len) {
            for i in 1..run.len() {
                let mut j = i;
                while j > 0 && exact(run[j - 1] as usize, run[j] as usize).is_gt() {
                    run.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
        from += len;
    }
    order
}

/// FNV-1a over the parts, with a separator between them.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

impl Sink for Builder {
    fn token(&mut self, token: Token<'_>, at: Pos) -> Result<(), DataError> {
        Builder::token(self, token, at)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_hashes_are_told_apart_by_their_text() {
        // A collision (hash 7 for "a", "b" and "a") must still put the two
        // "a" side by side, so the duplicate is found.
        let texts = ["a", "b", "a", "c"];
        let text = |i: usize| texts.get(i).copied().unwrap_or("");
        let order = exact_runs(&[7, 7, 7, 1], &|a, b| text(a).cmp(text(b)));
        assert_eq!(order, [3, 0, 2, 1]);
    }

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
        assert_eq!(d.places.len(), 1, "one article, section and link for all");
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
    fn a_known_length_sizes_the_event_list_once_instead_of_doubling_it() {
        // 10,000 events: doubling would leave room for 16,384.
        let events: Vec<String> = (0..10_000)
            .map(|i| event(&format!("e{i}"), ["dzns", "rsm"][i % 2], "2020-01-01"))
            .collect();
        let text = doc(&events);
        let read = |hint: Option<usize>| {
            let mut r = DatasetReader::new(Limits::default());
            if let Some(n) = hint {
                r.expect_bytes(n);
            }
            for chunk in text.as_bytes().chunks(1 << 16) {
                r.feed(chunk).unwrap();
            }
            r.finish().unwrap()
        };
        let (plain, sized) = (read(None), read(Some(text.len())));
        assert_eq!(ids(&sized), ids(&plain), "the same data either way");
        assert_eq!(plain.events.capacity(), 16_384, "without a length: doubled");
        let room = sized.events.capacity();
        assert!(
            (10_000..=10_600).contains(&room),
            "room for {room} events with the length known"
        );
        // A wrong guess costs room, never data.
        let low = read(Some(text.len() / 3));
        assert_eq!(ids(&low), ids(&plain));
    }

    #[test]
    fn reading_in_pieces_gives_the_same_dataset() {
        let text = doc(&[
            event("b", "dzns", "2019-11-07"),
            event("a", "rsm", "2011-03-07"),
        ])
        .replace("\"T\"", "\"Ёлка \\u00e9 title\"");
        let whole = parse_dataset(&text).unwrap();
        for piece in [1, 2, 3, 7, 64] {
            let mut r = DatasetReader::new(Limits::default());
            for chunk in text.as_bytes().chunks(piece) {
                r.feed(chunk).unwrap();
            }
            let d = r.finish().unwrap();
            assert_eq!(ids(&d), ids(&whole), "pieces of {piece}");
            assert_eq!(d.text(d.events[0].title), "Ёлка é title");
        }
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
        assert_eq!(err.path, "organisations");
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
            (
                "\"many\"",
                "invalid type: string \"many\", expected a number",
            ),
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
            .contains("must be a JSON object"));
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
    fn tokens_of_a_parsed_object_build_the_same_dataset_without_lines() {
        let mut r = DatasetReader::new(Limits::default());
        let org = [
            ("id", "x"),
            ("name", "X"),
            ("abbreviation", "X"),
            ("color", "#112233"),
        ];
        let mut tokens = vec![
            Token::BeginObject,
            Token::Key("organisations"),
            Token::BeginArray,
            Token::BeginObject,
        ];
        for (k, v) in org {
            tokens.push(Token::Key(k));
            tokens.push(Token::Str(v));
        }
        tokens.extend([
            Token::EndObject,
            Token::EndArray,
            Token::Key("events"),
            Token::BeginArray,
            Token::BeginObject,
        ]);
        for (k, v) in [
            ("id", "e"),
            ("org", "x"),
            ("date", "2020-13"),
            ("kind", "congress"),
            ("title", "T"),
        ] {
            tokens.push(Token::Key(k));
            tokens.push(Token::Str(v));
        }
        let mut result = Ok(());
        for t in tokens {
            result = r.token(t);
            if result.is_err() {
                break;
            }
        }
        assert!(result.is_ok());
        for t in [
            Token::Key("source"),
            Token::BeginObject,
            Token::Key("article"),
            Token::Str("A"),
            Token::Key("section"),
            Token::Str("S"),
            Token::Key("quote"),
            Token::Str("Q"),
            Token::EndObject,
            Token::EndObject,
            Token::EndArray,
            Token::EndObject,
        ] {
            if let Err(err) = r.token(t) {
                assert_eq!(err.path, "events[0].date");
                assert!(err.message.contains("month 13"), "{err}");
                assert_eq!(err.line, None, "an object has no lines");
                return;
            }
        }
        panic!("month 13 was accepted");
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
