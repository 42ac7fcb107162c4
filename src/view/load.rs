//! Getting the data into the widget: JSON text, a JavaScript object, or a
//! URL that the page's loader fetches and streams into a [`DataSink`].
//!
//! The loader (`movement-timeline.js`) starts the download before the
//! WebAssembly module is compiled and feeds the response to the sink piece
//! by piece, so the text is read as it arrives and never held whole.

use super::DataSource;
use super::Dispatch;
use crate::core::data::{parse_dataset, DatasetReader, Limits};
use crate::core::error::DataError;
use crate::core::json::Token;
use crate::state::{Action, LoadError};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Starts reading `source` into the widget.
pub fn start(source: DataSource, loader: Option<js_sys::Function>, dispatch: Dispatch) {
    let done = |result: Result<crate::core::data::Dataset, DataError>| match result {
        Ok(data) => Action::Loaded(Rc::new(data)),
        Err(err) => Action::Failed(LoadError::Data(err)),
    };
    match source {
        DataSource::Parsed(data) => dispatch.emit(Action::Loaded(data.0)),
        DataSource::Json(text) => dispatch.emit(done(parse_dataset(&text))),
        DataSource::Text(text) => dispatch.emit(done(read_text(&text))),
        DataSource::Object(value) => dispatch.emit(done(read_object(&value))),
        DataSource::Url(url) => {
            dispatch.emit(Action::Reload);
            let Some(loader) = loader else {
                dispatch.emit(Action::Failed(LoadError::Network {
                    reason: "no loader for data URLs on this page".into(),
                    url: url.to_string(),
                }));
                return;
            };
            let sink = DataSink {
                reader: Some(DatasetReader::new(Limits::default())),
                url: url.to_string(),
                dispatch,
            };
            let _ = loader.call2(
                &JsValue::NULL,
                &JsValue::from_str(&url),
                &JsValue::from(sink),
            );
        }
    }
}

/// Where the loader pours a download: `feed` each piece as it arrives, then
/// `finish`, or `fail` with the reason. Each outcome reaches the widget once.
#[wasm_bindgen]
pub struct DataSink {
    reader: Option<DatasetReader>,
    url: String,
    dispatch: Dispatch,
}

#[wasm_bindgen]
impl DataSink {
    /// Reads the next piece; `false` means stop downloading (the data has
    /// an error, which the widget now shows, or it is over the size limit).
    pub fn feed(&mut self, piece: &[u8]) -> bool {
        let Some(reader) = self.reader.as_mut() else {
            return false;
        };
        match reader.feed(piece) {
            Ok(()) => true,
            Err(err) => {
                self.reader = None;
                self.dispatch.emit(Action::Failed(LoadError::Data(err)));
                false
            }
        }
    }

    /// The download's length in bytes, when the response says it (not
    /// compressed): the data's buffers are then sized once, not doubled.
    pub fn expect(&mut self, bytes: f64) {
        if let Some(reader) = self.reader.as_mut() {
            reader.expect_bytes(bytes as usize);
        }
    }

    /// The download is complete.
    pub fn finish(&mut self) {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Loading);
        let Some(reader) = self.reader.take() else {
            return;
        };
        self.dispatch.emit(match reader.finish() {
            Ok(data) => Action::Loaded(Rc::new(data)),
            Err(err) => Action::Failed(LoadError::Data(err)),
        });
    }

    /// The download failed: an HTTP status, a network error, a time-out.
    pub fn fail(&mut self, reason: String) {
        if self.reader.take().is_some() {
            self.dispatch.emit(Action::Failed(LoadError::Network {
                reason,
                url: std::mem::take(&mut self.url),
            }));
        }
    }
}

/// UTF-16 units of JSON text read at a time.
const PIECE: u32 = 1 << 16;

#[wasm_bindgen]
extern "C" {
    /// The browser's UTF-8 encoder: one native call per piece, where
    /// passing a string into the module converts it a character at a time
    /// in JavaScript (a third of the mount time at 100,000 events).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// Writes `text` as UTF-8 straight into `into` (module memory): no
    /// array per piece to allocate, copy in and collect.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &js_sys::JsString, into: &mut [u8]) -> Encoded;
    /// What `encodeInto` did.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// Reads a dataset from JSON text that the page holds, a piece at a time
/// (never splitting a surrogate pair), with the same messages and lines as
/// any other text: at 100,000 events the text is 28 MB, and copying it in
/// whole was most of the module's memory.
pub fn read_text(text: &js_sys::JsString) -> Result<crate::core::data::Dataset, DataError> {
    let mut reader = DatasetReader::new(Limits::default());
    let encoder = TextEncoder::new();
    let len = text.length();
    // A UTF-16 unit is at most three bytes of UTF-8.
    let mut buffer = vec![0u8; 3 * PIECE as usize];
    let mut at = 0;
    while at < len {
        let mut end = (at + PIECE).min(len);
        if end < len && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end -= 1;
        }
        let written = encoder
            .encode_into(&text.slice(at, end), &mut buffer)
            .written();
        let piece = buffer.get(..written as usize).unwrap_or_default();
        if at == 0 && end > 0 {
            // The whole text's bytes, from the first piece's bytes per unit.
            reader.expect_bytes((u64::from(len) * piece.len() as u64 / u64::from(end)) as usize);
        }
        reader.feed(piece)?;
        at = end;
    }
    reader.finish()
}

/// Reads a dataset from a JavaScript object (already parsed by the page),
/// with the same validation and messages as JSON text, paths included.
pub fn read_object(value: &JsValue) -> Result<crate::core::data::Dataset, DataError> {
    let mut reader = DatasetReader::new(Limits::default());
    walk(value, &mut reader, 0)?;
    reader.finish()
}

fn walk(value: &JsValue, reader: &mut DatasetReader, depth: usize) -> Result<(), DataError> {
    if depth > crate::core::json::MAX_DEPTH {
        return Err(DataError::whole(
            "the data nests arrays and objects more than 32 levels deep",
        ));
    }
    if let Some(s) = value.as_string() {
        return reader.token(Token::Str(&s));
    }
    if let Some(n) = value.as_f64() {
        if !n.is_finite() {
            return Err(DataError::whole("NaN and Infinity are not JSON numbers"));
        }
        // Whole numbers as integers; others as a decimal the reader can tell
        // from whole.
        let text = if n.fract() == 0.0 && n.abs() < 9e15 {
            (n as i64).to_string()
        } else {
            String::from(
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .unwrap_or_default(),
            )
        };
        return reader.token(Token::Num(&text));
    }
    if let Some(b) = value.as_bool() {
        return reader.token(Token::Bool(b));
    }
    if value.is_null() || value.is_undefined() {
        return reader.token(Token::Null);
    }
    if js_sys::Array::is_array(value) {
        reader.token(Token::BeginArray)?;
        let array: &js_sys::Array = value.unchecked_ref();
        for item in array.iter() {
            walk(&item, reader, depth + 1)?;
        }
        return reader.token(Token::EndArray);
    }
    if value.is_object() {
        reader.token(Token::BeginObject)?;
        let object: &js_sys::Object = value.unchecked_ref();
        for entry in js_sys::Object::entries(object).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            reader.token(Token::Key(&key))?;
            walk(&pair.get(1), reader, depth + 1)?;
        }
        return reader.token(Token::EndObject);
    }
    Err(DataError::whole(
        "the data holds a value JSON cannot (a function or a symbol)",
    ))
}
