//! Reading a dataset with any serde deserializer: `serde_json` over text
//! (natively, and for the command line), `serde-wasm-bindgen` over an object
//! the browser parsed. Either way the file's three lists are read one item
//! at a time into a [`Validator`] ([`DatasetSeed`], serde's way of
//! processing a list without buffering it), so key order never matters and
//! 100,000 events are never held as wire values at once.
//!
//! A value serde refuses (a wrong type, an unknown or missing field, a
//! syntax error) stops the reading with one error at its JSON path; the
//! validator's problems are all reported.

use super::data::{Dataset, Limits};
pub use super::data::{MAX_DATA_BYTES, MAX_EVENTS};
use super::error::{line_column_of, DataError};
#[cfg(not(target_arch = "wasm32"))]
use super::locate::{char_position, Locator};

use super::validate::{too_many_events, Validator};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The top level's keys.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum TopField {
    Organisations,
    Events,
    Membership,
}

/// Reads the dataset object into a validator.
pub struct DatasetSeed<'v>(pub &'v mut Validator);

impl<'de> DeserializeSeed<'de> for DatasetSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DatasetSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 3];
        while let Some(key) = map.next_key::<TopField>()? {
            let list = match key {
                TopField::Organisations => List::Organisations,
                TopField::Events => List::Events,
                TopField::Membership => List::Membership,
            };
            let seen = &mut seen[list as usize];
            if std::mem::replace(seen, true) {
                return Err(de::Error::duplicate_field(list.name()));
            }
            map.next_value_seed(ListSeed(list, &mut *self.0))?;
        }
        match seen {
            [false, ..] => Err(de::Error::missing_field(List::Organisations.name())),
            [_, false, _] => Err(de::Error::missing_field(List::Events.name())),
            _ => Ok(()),
        }
    }
}

/// One of the file's three lists.
#[derive(Clone, Copy)]
enum List {
    Organisations = 0,
    Events = 1,
    Membership = 2,
}

impl List {
    fn name(self) -> &'static str {
        match self {
            List::Organisations => "organisations",
            List::Events => "events",
            List::Membership => "membership",
        }
    }
}

struct ListSeed<'v>(List, &'v mut Validator);

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ListSeed(list, v) = self;
        let name = list.name();
        let mut index = 0;
        match list {
            List::Organisations => {
                v.organisations_read();
                while let Some(o) = v.reading(name, index, &mut seq)? {
                    v.organisation(index, o);
                    index += 1;
                }
            }
            List::Events => {
                let limits = v.limits();
                if let Some(n) = seq.size_hint() {
                    v.expect_events(n);
                }
                while let Some(e) = v.reading(name, index, &mut seq)? {
                    v.event(index, e);
                    index += 1;
                    if index > limits.max_events {
                        while seq.next_element::<IgnoredAny>()?.is_some() {
                            index += 1;
                        }
                        v.reading_list(name);
                        let error = too_many_events(index, limits);
                        return Err(de::Error::custom(v.refuse(error)));
                    }
                }
            }
            List::Membership => {
                while let Some(c) = v.reading(name, index, &mut seq)? {
                    v.count(index, c);
                    index += 1;
                }
            }
        }
        Ok(())
    }
}

/// Reads a dataset with `deserializer`: every problem the validator finds,
/// or the one value serde refused, located at the item being read
/// (`events[3]`; the message names the field where serde does).
pub fn read_with<'de, D: Deserializer<'de>>(
    deserializer: D,
    limits: Limits,
) -> Result<Dataset, Vec<DataError>> {
    let mut validator = Validator::new(limits);
    match DatasetSeed(&mut validator).deserialize(deserializer) {
        Ok(()) => validator.finish(),
        Err(e) => Err(vec![validator
            .take_refusal()
            .unwrap_or_else(|| DataError::at(validator.place(), e.to_string()))]),
    }
}

/// Reads a dataset from JSON text with serde_json, every value's path
/// tracked (serde_path_to_error): a refused value is named exactly
/// (`events[3].date`), with its line and column.
#[cfg(not(target_arch = "wasm32"))]
fn read_tracked(text: &str, limits: Limits) -> Result<Dataset, Vec<DataError>> {
    let mut validator = Validator::new(limits);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(&mut deserializer, &mut track);
    let refused = match DatasetSeed(&mut validator).deserialize(tracked) {
        Ok(()) => deserializer.end().err(),
        Err(e) => Some(e),
    };
    let Some(e) = refused else {
        return validator.finish();
    };
    // A key that was not read (a syntax error in its place) is `?`.
    let path = track.path().to_string();
    let path = path.trim_end_matches(".?").trim_start_matches('.');
    let (line, column) = char_position(text, e.line(), e.column());
    let error = match validator.take_refusal() {
        Some(ours) => ours,
        None => DataError::at(path, json_message(text, &e)),
    };
    Err(vec![error.line_column(line, column)])
}

#[cfg(not(target_arch = "wasm32"))]
/// Parse and validate a dataset from JSON text, reporting every problem.
///
/// A leading byte-order mark is ignored. Each error carries its JSON path,
/// the item's id and the line and column of the offending value.
pub fn read_json(text: &str, limits: Limits) -> Result<Dataset, Vec<DataError>> {
    if text.len() > limits.max_bytes {
        return Err(vec![DataError::whole(format!(
            "the data is {} bytes, more than the limit of {} bytes; it was not read",
            text.len(),
            limits.max_bytes
        ))]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(error) = not_json(text) {
        return Err(vec![error]);
    }
    read_tracked(text, limits).map_err(|errors| Locator::new(text).locate(errors))
}

#[cfg(not(target_arch = "wasm32"))]
/// Parse and validate a dataset from JSON text; the first problem found.
pub fn parse_dataset(text: &str) -> Result<Dataset, DataError> {
    parse_dataset_within(text, &Limits::default())
}

#[cfg(not(target_arch = "wasm32"))]
/// [`parse_dataset`] with explicit limits.
pub fn parse_dataset_within(text: &str, limits: &Limits) -> Result<Dataset, DataError> {
    read_json(text, *limits).map_err(|mut errors| errors.swap_remove(0))
}

/// The words for a text that is no JSON at all: empty, or a web page.
pub fn not_json(text: &str) -> Option<DataError> {
    let start = text.trim_start();
    if start.is_empty() {
        return Some(DataError::said(
            "",
            "the data file is empty",
            "файл данных пуст",
        ));
    }
    if start.starts_with('<') {
        let (line, column) = line_column_of(text, text.len() - start.len());
        return Some(
            DataError::said(
                "",
                "the data is an HTML page, not JSON (is the data URL right?)",
                "вместо JSON — HTML-страница (проверьте адрес данных)",
            )
            .line_column(line, column),
        );
    }
    None
}

#[cfg(not(target_arch = "wasm32"))]
/// serde_json's message without its position (the error carries that),
/// and in plainer words where JSON's rules surprise: `NaN` and `Infinity`
/// are not numbers in JSON.
pub fn json_message(text: &str, error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((words, _)) => words.to_owned(),
        None => message,
    };
    if error.is_syntax() {
        let offset = super::locate::offset_of(text, error.line(), error.column());
        let rest = text.get(offset..).unwrap_or("");
        let rest = rest.trim_start_matches([':', ' ', '\t', '\r', '\n', '[', ',']);
        if ["NaN", "Infinity", "-Infinity", "+Infinity"]
            .iter()
            .any(|word| rest.starts_with(word))
        {
            return "NaN and Infinity are not JSON numbers".into();
        }
    }
    message
}
