//! What crosses the JavaScript boundary, as serde types converted by
//! serde-wasm-bindgen: `mount()`'s options, `setFilter`'s filter, and the
//! details of the events a page listens to. The names here are the API's
//! (camelCase), as `movement-timeline.d.ts` declares them.
//!
//! A value of the wrong type is a `TypeError` naming its key
//! (`mount options: urlState: invalid type: …`); a key the widget does not
//! read is a console warning naming it, and is otherwise ignored.

use serde::de::{DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// The options of `mount(element, options)` (README "Embedding it on your
/// page"); every one may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object")]
pub struct MountOptions {
    /// The data itself: JSON text, or an object already parsed.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    pub data: JsValue,
    /// Where to load the data from (relative to the page).
    pub data_url: Option<String>,
    /// The organisations to show.
    pub orgs: Option<IdList>,
    /// The kinds of event to show.
    pub kinds: Option<IdList>,
    /// The window to show first: `{ start, end }`.
    pub window: Option<WindowOption>,
    /// The window's start, where `window` is not given.
    pub from: Option<String>,
    /// The window's end, where `window` is not given.
    pub to: Option<String>,
    /// `auto`, `light` or `dark`.
    pub theme: Option<String>,
    /// When the wheel zooms: `modifier` (with Ctrl or ⌘) or `always`.
    pub wheel_zoom: Option<String>,
    /// The widget's greatest height: pixels, or a CSS length.
    pub height: Option<Height>,
    /// Keep the view in the page's URL fragment.
    pub url_state: Option<bool>,
    /// `en` or `ru`.
    pub lang: Option<String>,
    /// `calendar` (default) or `founding`: the lanes by date, or by time
    /// since each organisation's founding.
    pub align: Option<String>,
    /// A view as the URL fragment writes it (`orgs=rsm&from=2011`).
    pub view: Option<String>,
    /// The stylesheet's URL (read by the loader, which puts it in).
    pub stylesheet: Option<String>,
    /// The loader's download function (not the page author's).
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    pub loader: JsValue,
    /// The loader's export function (not the page author's).
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    pub exporter: JsValue,
}

/// `window: { start, end }`, dates as YYYY, YYYY-MM or YYYY-MM-DD.
#[derive(Debug, Default, Deserialize)]
#[serde(expecting = "an object with start and end")]
pub struct WindowOption {
    /// The first date shown.
    pub start: Option<String>,
    /// The last date shown.
    pub end: Option<String>,
}

/// A height: a number of pixels, or a CSS length.
#[derive(Debug, Deserialize)]
#[serde(untagged, expecting = "a number of pixels or a CSS length")]
pub enum Height {
    /// Pixels.
    Px(f64),
    /// A CSS length (`80vh`), checked by the loader.
    Css(String),
}

impl Height {
    /// As CSS: `640px`, `80vh`; `None` for no useful height.
    pub fn css(&self) -> Option<String> {
        match self {
            Height::Px(n) if n.is_finite() && *n > 0.0 => Some(format!("{}px", n.round() as i64)),
            Height::Px(_) => None,
            Height::Css(text) => Some(text.clone()),
        }
    }
}

/// `setFilter(filter)`: a missing key shows all.
#[derive(Debug, Default, Deserialize)]
#[serde(expecting = "an object")]
pub struct FilterOptions {
    /// The organisations to show.
    pub orgs: Option<IdList>,
    /// The kinds of event to show.
    pub kinds: Option<IdList>,
    /// Words every shown event must contain.
    pub text: Option<String>,
}

/// Ids: a list of strings, or one string of ids separated by commas.
#[derive(Debug, Default, PartialEq)]
pub struct IdList(pub Vec<String>);

impl<'de> Deserialize<'de> for IdList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IdList, D::Error> {
        struct Ids;
        impl<'de> Visitor<'de> for Ids {
            type Value = IdList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of ids, or ids separated by commas")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<IdList, E> {
                let ids = s.split(',').map(str::trim).filter(|s| !s.is_empty());
                Ok(IdList(ids.map(str::to_owned).collect()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<IdList, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(IdList(ids))
            }
        }
        deserializer.deserialize_any(Ids)
    }
}

/// Reads `value` as a `T`, for the API call `what` (`mount options`,
/// `setFilter`): a value of the wrong type is a `TypeError` naming its key;
/// each key `T` does not read is passed to `unknown`.
pub fn read<T: DeserializeOwned>(
    value: JsValue,
    what: &str,
    mut unknown: impl FnMut(&str),
) -> Result<T, JsValue> {
    let keys: Vec<String> = match value.dyn_ref::<js_sys::Object>() {
        Some(object) if !value.is_function() => js_sys::Object::keys(object)
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
        _ => Vec::new(),
    };
    let fields = field_names::<T>();
    for key in keys.iter().filter(|k| !fields.contains(&k.as_str())) {
        unknown(key);
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        // serde-wasm-bindgen's errors name no key: the key is the one whose
        // value alone is refused (read again, on the error path only).
        let culprit = keys.iter().find(|key| {
            let alone = js_sys::Object::new();
            let value = js_sys::Reflect::get(&value, &JsValue::from_str(key));
            let set = value.and_then(|v| js_sys::Reflect::set(&alone, &JsValue::from_str(key), &v));
            set.is_ok() && serde_wasm_bindgen::from_value::<T>(alone.into()).is_err()
        });
        let place = culprit.map_or(String::new(), |key| format!("{key}: "));
        let said = e.to_string();
        let said = crate::view::load::without_error_prefix(&said);
        js_sys::TypeError::new(&format!("movement-timeline: {what}: {place}{said}")).into()
    })
}

/// The keys a derived struct reads, as serde itself lists them: a
/// deserializer that asks the struct for its fields and reads nothing.
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    impl<'de> Deserializer<'de> for &mut Fields {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(serde::de::Error::custom("fields read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields = Fields(&[]);
    let _ = T::deserialize(&mut fields);
    fields.0
}

/// The detail of a `select` event.
#[derive(Debug, Serialize)]
pub struct SelectDetail<'a> {
    /// The event's id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its date in words.
    pub date: &'a str,
    /// Its organisation's id.
    pub org: &'a str,
    /// Its kind's id.
    pub kind: &'a str,
}

/// The detail of a `rangechange` event: the window's first and last day.
#[derive(Debug, Serialize)]
pub struct RangeDetail {
    /// YYYY-MM-DD, or days since founding (`120d`) when aligned.
    pub start: String,
    /// YYYY-MM-DD, or days since founding.
    pub end: String,
    /// `calendar` or `founding`.
    pub align: &'static str,
}

/// The detail of an `error` event.
#[derive(Debug, Serialize)]
pub struct ErrorDetail<'a> {
    /// What is wrong.
    pub message: &'a str,
    /// Where: the JSON path, item and line, or the URL.
    pub location: &'a str,
}

/// The detail of a `ready` event.
#[derive(Debug, Serialize)]
pub struct ReadyDetail {
    /// How many events the data holds.
    pub events: u32,
}

/// A payload as a plain JavaScript object.
pub fn to_js<T: Serialize>(detail: &T) -> JsValue {
    serde_wasm_bindgen::to_value(detail).unwrap_or(JsValue::NULL)
}
