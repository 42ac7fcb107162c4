//! The data file's wire types: what `static/data/movements.json` holds, as
//! serde derives it. These types are the schema (`movements.schema.json`
//! says the same for other tools): field names in camelCase, unknown fields
//! refused where the schema is closed, optional fields as `Option`. Key
//! order never matters.
//!
//! Nothing here is checked beyond its JSON type: dates are EDTF text, kinds
//! and organisation references are strings. `validate` turns
//! these values into the compact `Dataset` the widget
//! draws, and names the JSON path and event id of every problem it finds.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

/// An optional field that, when present, must hold a value: the schema
/// allows `"summary"` to be left out, not to be `null`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Writes a count as the whole number it is (`35000`, not `35000.0`).
fn whole<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && (0.0..=9e15).contains(value) {
        serializer.serialize_u64(*value as u64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// The whole file. Its three lists are read one item at a time (see
/// `read`), so this type is what a writer builds (the
/// `import` command) and what the documentation shows, not a buffer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "the dataset object")]
pub struct RawDataset {
    /// The organisations, each with a lane, in lane order.
    pub organisations: Vec<RawOrganisation>,
    /// The dated facts.
    pub events: Vec<RawEvent>,
    /// Published membership counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub membership: Vec<RawCount>,
}

/// An organisation with a lane of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    expecting = "an organisation object"
)]
pub struct RawOrganisation {
    /// Stable id (`dzns`), lower-case letters, digits, `-` and `_`.
    pub id: String,
    /// English name.
    pub name: String,
    /// Name in the organisation's own language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Short name (`DZNS`).
    pub abbreviation: String,
    /// Short name in the organisation's own language (`ДЗНС`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_abbreviation: Option<String>,
    /// When it was founded (EDTF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<String>,
    /// When it was dissolved (EDTF); absent while it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<String>,
    /// Lane colour, `#rrggbb`.
    pub color: String,
}

/// A dated fact about one organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an event object")]
pub struct RawEvent {
    /// Stable id, unique in the dataset.
    pub id: String,
    /// The organisation's id.
    pub org: String,
    /// The date at the precision the source gives (EDTF).
    pub date: String,
    /// One of the closed vocabulary of kinds (`congress`).
    pub kind: String,
    /// One-line title.
    pub title: String,
    /// Short label for the mark, at most 32 characters.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub label: Option<String>,
    /// A few sentences of context.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub summary: Option<String>,
    /// People named in the fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// A countable fact ("offices in 74 settlements").
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub measure: Option<RawMeasure>,
    /// The name of an earlier organisation this fact is about, when it is
    /// drawn in the lane of the organisation that took its name or grew
    /// out of it.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub predecessor: Option<String>,
    /// Where it comes from.
    pub source: RawSource,
    /// Translations by language code (`ru`); the quote is never translated.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub i18n: HashMap<String, RawTranslation>,
}

/// A countable fact attached to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a measure object")]
pub struct RawMeasure {
    /// The number the source gives.
    #[serde(serialize_with = "whole")]
    pub value: f64,
    /// What is counted, plural.
    pub unit: String,
    /// `exact` or `more-than`.
    pub bound: String,
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a source object")]
pub struct RawSource {
    /// Title of the source article.
    pub article: String,
    /// Section path inside the article, parts joined by `›`.
    pub section: String,
    /// The sentence(s) the fact is taken from, copied verbatim.
    pub quote: String,
    /// A link to the article; only `http:` and `https:` addresses are kept.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
}

/// An event's words in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a translation object")]
pub struct RawTranslation {
    /// The title.
    pub title: String,
    /// The short label, at most 32 characters.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub label: Option<String>,
    /// The summary.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub summary: Option<String>,
    /// The event's people as written in this language: the same people,
    /// in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// The measure's unit in this language.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit: Option<String>,
    /// The predecessor's name in this language.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub predecessor: Option<String>,
}

/// A published membership count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a membership count object")]
pub struct RawCount {
    /// The organisation's id.
    pub org: String,
    /// When the count holds (EDTF).
    pub date: String,
    /// Number of members.
    #[serde(serialize_with = "whole")]
    pub members: f64,
    /// Where it comes from.
    pub source: RawSource,
}
