//! The dataset the widget draws: organisations, dated events and
//! membership counts, validated and compact.
//!
//! The file's wire types are in `model` (serde derives them; the
//! JSON Schema `static/data/movements.schema.json` says the same), the
//! reading in `read` and the rules in `validate`: unknown
//! fields, missing fields, wrong types, impossible dates, unknown
//! organisations and duplicate ids are refused with a
//! `DataError` naming the JSON path, the item and, for
//! text, the line and column of the offending value. Problems that do not
//! stop the widget become [`DataWarning`]s.
//!
//! Every string of every event lives in one buffer of the dataset ([`Text`]
//! spans), so 100,000 events cost a few megabytes and no allocation each.

use super::date::{Day, EventDate};
pub use super::kind::EventKind;

/// Largest membership count accepted; larger numbers are data-entry errors.
pub const MAX_MEMBERS: i64 = 1_000_000_000;

/// Largest data text accepted, checked before reading.
pub const MAX_DATA_BYTES: usize = 64 * 1024 * 1024;
/// Most events accepted in one dataset.
pub const MAX_EVENTS: usize = 250_000;

/// How much data a widget accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest text, checked before reading.
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
    /// The same in Russian (the Russian view shows it).
    pub message_ru: String,
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
    pub(crate) start: u32,
    pub(crate) len: u32,
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
    /// The people, in that language and the English order, one per line
    /// (empty: none given).
    pub people: Text,
    /// The measure's unit in that language (empty: none given).
    pub unit: Text,
    /// The predecessor's name in that language (empty: none given).
    pub predecessor: Text,
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
    pub(crate) measure: u32,
    /// The name of an earlier organisation this fact is about (a previous
    /// movement with the lane's name, or one that merged into the lane's),
    /// drawn in that lane; empty for the lane's own facts.
    pub predecessor: Text,
    /// Where it comes from: the quote, and the article, section and link
    /// as a place in the dataset's list (read them with
    /// [`Dataset::source`]); most events share one, so an event holds 12
    /// bytes of source, not 32.
    pub(crate) quote: Text,
    pub(crate) place: u32,
    /// Its place in the file's `events` list.
    pub file_index: u32,
    /// Its translations: the first in the dataset's list, and how many
    /// (two fields, not a pair, so the count packs beside `kind`).
    pub(crate) translations_from: u32,
    pub(crate) translations_len: u8,
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
    pub(crate) text: String,
    pub(crate) translations: Vec<Translation>,
    pub(crate) measures: Vec<Measure>,
    /// The events' sources without their quotes, each once.
    pub(crate) places: Vec<Source>,
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

    /// A translated field of `e` in `lang` where the data gives it, else
    /// the English one.
    fn in_lang(
        &self,
        e: &Event,
        lang: &str,
        field: fn(&Translation) -> Text,
        english: Text,
    ) -> &str {
        let given = self
            .translation(e, lang)
            .map(field)
            .filter(|t| !t.is_empty());
        self.text(given.unwrap_or(english))
    }

    /// The people an event names, as written in `lang` where the data
    /// gives them.
    pub fn people_in<'a>(&'a self, e: &Event, lang: &str) -> impl Iterator<Item = &'a str> {
        self.in_lang(e, lang, |t| t.people, e.people)
            .split('\n')
            .filter(|p| !p.is_empty())
    }

    /// The unit of an event's measure in `lang` where the data gives it.
    pub fn unit_in(&self, e: &Event, lang: &str) -> &str {
        let english = self.measure(e).map_or(Text::default(), |m| m.unit);
        self.in_lang(e, lang, |t| t.unit, english)
    }

    /// The name of the organisation a fact is about, in `lang` where the
    /// data gives a predecessor's name in it: the lane's (English), or a
    /// predecessor's.
    pub fn organisation_name_in<'a>(&'a self, e: &Event, lang: &str) -> &'a str {
        if e.predecessor.is_empty() {
            self.organisation_name(e)
        } else {
            self.in_lang(e, lang, |t| t.predecessor, e.predecessor)
        }
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
}
