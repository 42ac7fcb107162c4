//! Wire values (`model`) -> the compact [`Dataset`] the
//! widget draws, with every problem named by its JSON path and item id.
//!
//! A [`Validator`] takes the file's items one at a time, in any order of
//! the file's keys (events may come before the organisations they name), so
//! 100,000 events are never held as wire values at once: each is checked and
//! stored in the dataset's compact form as soon as it is read. [`validate`]
//! does the same for a whole [`RawDataset`] in memory.
//!
//! The rules live by family: [`event`] (ids, kinds, dates, titles, labels,
//! measures, sources, translations), [`organisation`] (organisations and
//! membership counts), [`duplicates`] (ids used twice, likely copies, the
//! final order).

mod duplicates;
mod event;
mod organisation;
pub mod text;

use super::data::{DataWarning, Dataset, Limits, Source, Text};
use super::error::DataError;
use super::i18n::{number, ru_noun, Lang};
use super::model::RawDataset;
use std::collections::HashMap;

/// Most problems reported for one dataset; past this the data is clearly
/// not what was meant, and a longer list helps nobody.
pub const MAX_ERRORS: usize = 100;

/// How many repeating strings [`Validator::push_shared`] remembers.
const SHARED: usize = 8;

/// Checks and stores a dataset's items as they are read.
#[derive(Debug)]
pub struct Validator {
    limits: Limits,
    data: Dataset,
    errors: Vec<DataError>,
    /// Organisation ids that events and counts name, in the order first
    /// named: an event's `org` is a place in this list until [`finish`]
    /// turns it into a place in the organisations' list.
    ///
    /// [`finish`]: Validator::finish
    named_orgs: Vec<String>,
    named_index: HashMap<String, usize>,
    seen: Seen,
    /// The list and item being read, for an error serde finds there.
    place: (&'static str, Option<usize>),
    /// Why the reading was stopped by a rule of ours (too many events), in
    /// both languages: serde carries only a message back.
    refusal: Option<DataError>,
    /// The events the file holds, when the reader knows (0: not known).
    expected_events: usize,
    /// The latest distinct strings of the fields that repeat from event to
    /// event (see [`Validator::push_shared`]), and where the next one goes.
    shared: [Text; SHARED],
    next_shared: usize,
}

/// What the reader has met so far, for the messages of [`Validator::finish`].
#[derive(Debug, Default)]
struct Seen {
    organisations: bool,
    events: usize,
    unlabelled: usize,
    first_unlabelled: String,
    /// Strings isolated for their bidirectional controls.
    isolated: usize,
    /// Translations that lack a field the English has, and the first.
    untranslated: usize,
    first_untranslated: String,
}

impl Validator {
    /// A validator that refuses data over `limits`.
    pub fn new(limits: Limits) -> Validator {
        Validator {
            limits,
            data: Dataset::default(),
            errors: Vec::new(),
            named_orgs: Vec::new(),
            named_index: HashMap::new(),
            seen: Seen::default(),
            place: ("", None),
            refusal: None,
            expected_events: 0,
            shared: [Text::default(); SHARED],
            next_shared: 0,
        }
    }

    /// The limits this validator holds the data to.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Problems found so far.
    pub fn errors(&self) -> &[DataError] {
        &self.errors
    }

    /// Notes a problem (the first [`MAX_ERRORS`] are kept).
    fn fail(&mut self, error: DataError) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(error);
        }
    }

    /// A warning at `path`, in English and Russian.
    fn warn(&mut self, path: String, message: String, message_ru: String) {
        self.data.warnings.push(DataWarning {
            message,
            message_ru,
            path,
        });
    }

    /// Reads the next item of list `name` (its `index`th) from `seq`,
    /// noting where the reading is, for an error serde finds there.
    pub fn reading<'de, T: serde::Deserialize<'de>, A: serde::de::SeqAccess<'de>>(
        &mut self,
        name: &'static str,
        index: usize,
        seq: &mut A,
    ) -> Result<Option<T>, A::Error> {
        self.place = (name, Some(index));
        let item = seq.next_element::<T>()?;
        self.place = ("", None);
        Ok(item)
    }

    /// Notes that the reading is at list `name` as a whole.
    pub fn reading_list(&mut self, name: &'static str) {
        self.place = (name, None);
    }

    /// Stops the reading for a rule of ours: notes `error` (both
    /// languages) and returns the message serde carries back.
    pub fn refuse(&mut self, error: DataError) -> String {
        let message = error.message.clone();
        self.refusal = Some(error);
        message
    }

    /// The refusal noted by [`Validator::refuse`], if the reading stopped
    /// for one.
    pub fn take_refusal(&mut self) -> Option<DataError> {
        self.refusal.take()
    }

    /// Where the reading is: `events[3]`, `events`, or the whole document.
    pub fn place(&self) -> String {
        match self.place {
            (name, Some(index)) => format!("{name}[{index}]"),
            (name, None) => name.to_owned(),
        }
    }

    /// Says that the file's organisations list was read (it may be empty).
    pub fn organisations_read(&mut self) {
        self.seen.organisations = true;
    }

    /// Says how many events the file is expected to hold (a JavaScript
    /// array's length), so the list is sized once instead of doubling:
    /// WebAssembly memory keeps its highest mark.
    pub fn expect_events(&mut self, count: usize) {
        let count = count.min(self.limits.max_events);
        self.data.events.reserve_exact(count);
        self.expected_events = count;
    }

    /// Once a sample of events is read, sizes the text and the
    /// translations for all the expected events at the sample's density
    /// (plus a twentieth), instead of doubling them as they grow: each
    /// doubling holds the old and the new buffer at once, and WebAssembly
    /// memory keeps its highest mark.
    fn size_from_sample(&mut self) {
        const SAMPLE: usize = 2048;
        let (read, expected) = (self.data.events.len(), self.expected_events);
        if read != SAMPLE || expected < 2 * SAMPLE {
            return;
        }
        let grow = |len: usize| {
            let total = len as u64 * expected as u64 / read as u64;
            usize::try_from(total + total / 20).unwrap_or(usize::MAX)
        };
        let text = grow(self.data.text.len()).saturating_sub(self.data.text.len());
        self.data.text.reserve_exact(text);
        let translations = grow(self.data.translations.len());
        self.data
            .translations
            .reserve_exact(translations.saturating_sub(self.data.translations.len()));
    }

    /// Stores a string of the data (isolated if it holds bidirectional
    /// controls, see [`text::isolate`]).
    fn push_text(&mut self, s: &str) -> Text {
        let s = text::isolate(s);
        if matches!(s, std::borrow::Cow::Owned(_)) {
            self.seen.isolated += 1;
        }
        let start = self.data.text.len();
        self.data.text.push_str(&s);
        Text {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(s.len()).unwrap_or(0),
        }
    }

    /// Stores a string of a field whose value repeats from event to event
    /// (a source's article, section and link, a measure's unit) once: the
    /// same text as one of the last few such strings is not stored again
    /// (at 100,000 events, about 2 MB of article and section names alone).
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

    /// The place of organisation id `id` among the ids events and counts
    /// name (see [`Validator::named_orgs`]).
    fn named_org(&mut self, id: &str) -> usize {
        if let Some(&i) = self.named_index.get(id) {
            return i;
        }
        let i = self.named_orgs.len();
        self.named_orgs.push(id.to_owned());
        self.named_index.insert(id.to_owned(), i);
        i
    }

    /// Completes the dataset: organisation references resolved, duplicate
    /// ids refused, likely copies warned of, events sorted by date. Every
    /// problem found on the way is returned, in the order found.
    pub fn finish(mut self) -> Result<Dataset, Vec<DataError>> {
        if self.seen.organisations && self.data.organisations.is_empty() {
            self.fail(DataError::said(
                "organisations",
                "there are no organisations",
                "нет ни одной организации",
            ));
        }
        if self.seen.events == 0 && self.errors.is_empty() {
            self.fail(DataError::said(
                "events",
                "there are no events",
                "нет ни одного события",
            ));
        }
        self.resolve_orgs();
        if self.errors.is_empty() {
            duplicates::refuse_duplicate_ids(&mut self);
        }
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        duplicates::warn_of_copies(&mut self);
        event::warn_of_unlabelled(&mut self);
        event::warn_of_untranslated(&mut self);
        if self.seen.isolated > 0 {
            let n = self.seen.isolated;
            self.warn(
                String::new(),
                format!("{n} text{} bidirectional controls (such as U+202E); each is kept inside its own text, so it cannot reorder the words around it", if n == 1 { " holds" } else { "s hold" }),
                format!(
                    "{n} {} управляющие символы направления письма (например, U+202E); каждый такой текст изолирован и не может изменить порядок слов вокруг себя",
                    ru_noun(n, ("текст содержит", "текста содержат", "текстов содержат"))
                ),
            );
        }
        duplicates::sort(&mut self.data);
        self.data.text.shrink_to_fit();
        Ok(self.data)
    }

    /// Turns each event's and count's named organisation into its place in
    /// the organisations' list, refusing names that are not there.
    fn resolve_orgs(&mut self) {
        let places: Vec<Option<usize>> = self
            .named_orgs
            .iter()
            .map(|id| self.data.org_index(id))
            .collect();
        let known = || {
            let ids: Vec<&str> = self
                .data
                .organisations
                .iter()
                .map(|o| o.id.as_str())
                .collect();
            ids.join(", ")
        };
        let mut unknown = Vec::new();
        for e in &mut self.data.events {
            match places.get(e.org).copied().flatten() {
                Some(org) => e.org = org,
                None => unknown.push((format!("events[{}].org", e.file_index), e.org, e.id)),
            }
        }
        for (i, c) in self.data.membership.iter_mut().enumerate() {
            match places.get(c.org).copied().flatten() {
                Some(org) => c.org = org,
                None => unknown.push((format!("membership[{i}].org"), c.org, Text::default())),
            }
        }
        let known = known();
        for (path, named, id) in unknown {
            let name = self.named_orgs.get(named).cloned().unwrap_or_default();
            let mut error = DataError::said(
                path,
                format!("unknown organisation \"{name}\" (known: {known})"),
                format!(
                    "неизвестная организация «{name}» (известны: `{}`)",
                    known.replace(", ", "`, `")
                ),
            );
            if !id.is_empty() {
                error = error.item(self.data.text(id));
            }
            self.fail(error);
        }
    }
}

/// Validates a whole dataset held in memory (the `import` command's, or a
/// test's): the same rules as reading a file.
pub fn validate(raw: RawDataset, limits: Limits) -> Result<Dataset, Vec<DataError>> {
    let mut v = Validator::new(limits);
    v.organisations_read();
    for (i, org) in raw.organisations.into_iter().enumerate() {
        v.organisation(i, org);
    }
    if raw.events.len() > limits.max_events {
        return Err(vec![too_many_events(raw.events.len(), limits)]);
    }
    for (i, event) in raw.events.into_iter().enumerate() {
        v.event(i, event);
    }
    for (i, count) in raw.membership.into_iter().enumerate() {
        v.count(i, count);
    }
    v.finish()
}

/// The error for a file with more events than `limits` allow.
pub fn too_many_events(count: usize, limits: Limits) -> DataError {
    let max = limits.max_events;
    DataError::said(
        "events",
        format!("{count} events is more than the limit of {max} events"),
        format!(
            "{} {} — больше предела в {} {}",
            number(Lang::Ru, count as i64),
            ru_noun(count, ("событие", "события", "событий")),
            number(Lang::Ru, max as i64),
            ru_noun(max, ("событие", "события", "событий"))
        ),
    )
}

/// True for an id of lower-case letters, digits, `-` and `_`, 1 to 100 long.
fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}
