//! Getting the data into the widget: JSON text, a JavaScript object, or a
//! URL that the page's loader fetches and hands to a [`DataSink`].
//!
//! Text is parsed by the browser's `JSON.parse` (its object graph lives in
//! JavaScript's heap, which gives it back), and the object is read with
//! `serde-wasm-bindgen` one item at a time into the validator (see
//! [`crate::core::read`]): the module's memory, which never shrinks, holds
//! only the compact dataset. A problem is named by its JSON path and item
//! id; a syntax error by the line and column the browser gives.

use super::DataSource;
use super::Dispatch;
use crate::core::data::{Dataset, Limits};
use crate::core::error::{line_column_of, DataError};
use crate::core::i18n::{number, ru_noun, Lang};
use crate::core::read::{not_json, read_with};
use crate::state::{Action, LoadError};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The loads of one widget, numbered as they are asked for: only the
/// latest may change what the widget shows, so a slow download that ends
/// after a newer one (or after `setData`) changes nothing.
#[derive(Debug, Default, Clone)]
pub struct Loads(Rc<Cell<u64>>);

impl Loads {
    /// Starts a new load; every earlier one is superseded from now on.
    pub fn next(&self) -> Ticket {
        self.supersede();
        Ticket {
            loads: self.clone(),
            number: self.0.get(),
        }
    }

    /// Supersedes every load asked for so far (the widget is going).
    pub fn supersede(&self) {
        self.0.set(self.0.get() + 1);
    }
}

/// One load's number among its widget's [`Loads`].
#[derive(Debug)]
pub struct Ticket {
    loads: Loads,
    number: u64,
}

impl Ticket {
    /// True while no newer load has been asked for.
    pub fn is_current(&self) -> bool {
        self.loads.0.get() == self.number
    }
}

/// Starts reading `source` into the widget, as the load `ticket`.
pub fn start(
    source: DataSource,
    loader: Option<js_sys::Function>,
    dispatch: Dispatch,
    ticket: Ticket,
) {
    match source {
        DataSource::Parsed(data) => dispatch.emit(Action::Loaded(data.0)),
        DataSource::Json(text) => dispatch.emit(done(read_text(&js_sys::JsString::from(&*text)))),
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
                url: Some(url.to_string()),
                dispatch,
                ticket,
            };
            let _ = loader.call2(
                &JsValue::NULL,
                &JsValue::from_str(&url),
                &JsValue::from(sink),
            );
        }
    }
}

/// The action that ends a load.
fn done(result: Result<Dataset, Vec<DataError>>) -> Action {
    match result {
        Ok(data) => Action::Loaded(Rc::new(data)),
        Err(errors) => Action::Failed(LoadError::Data(errors)),
    }
}

/// Where the loader hands a download: `finish` with its text, or `fail`
/// with the reason. One outcome reaches the widget.
#[wasm_bindgen]
pub struct DataSink {
    /// The address, until an outcome is given.
    url: Option<String>,
    dispatch: Dispatch,
    ticket: Ticket,
}

#[wasm_bindgen]
impl DataSink {
    /// The most bytes of data the widget reads; the loader stops a
    /// download that passes it.
    #[wasm_bindgen(getter, js_name = limitBytes)]
    pub fn limit_bytes(&self) -> f64 {
        Limits::default().max_bytes as f64
    }

    /// True once a newer load was asked for: the loader stops this
    /// download, whose outcome would change nothing.
    #[wasm_bindgen(getter)]
    pub fn superseded(&self) -> bool {
        !self.ticket.is_current()
    }

    /// The download is complete: its text.
    pub fn finish(&mut self, text: &js_sys::JsString) {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Loading);
        if self.url.take().is_some() && self.ticket.is_current() {
            self.dispatch.emit(done(read_text(text)));
        }
    }

    /// The download failed: an HTTP status, a network error, a time-out.
    pub fn fail(&mut self, reason: String) {
        if let Some(url) = self.url.take().filter(|_| self.ticket.is_current()) {
            self.dispatch
                .emit(Action::Failed(LoadError::Network { reason, url }));
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `JSON.parse`, given the page's string itself: the
    /// text is never copied into the module's memory to be read.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// Reads a dataset from JSON text that the page holds.
pub fn read_text(text: &js_sys::JsString) -> Result<Dataset, Vec<DataError>> {
    let limits = Limits::default();
    // A UTF-16 unit is one to three bytes of UTF-8: a text whose units
    // alone pass the limit is over it.
    if text.length() as usize > limits.max_bytes {
        let max = limits.max_bytes;
        return Err(vec![DataError::said(
            "",
            format!("the data is more than the limit of {max} bytes; it was not read"),
            format!(
                "объём данных превышает предел в {} {}; они не прочитаны",
                number(Lang::Ru, max as i64),
                ru_noun(max, ("байт", "байта", "байт"))
            ),
        )]);
    }
    let text = match text.char_code_at(0) as u32 {
        0xFEFF => text.slice(1, text.length()),
        _ => text.clone(),
    };
    match parse_json(&text) {
        Ok(value) => read_object(&value),
        Err(error) => Err(vec![syntax_error(&text, &error)]),
    }
}

/// What is wrong with text that `JSON.parse` refused, and where, from the
/// browser's own message: Chromium and Firefox name the line and column
/// (or the position); WebKit names neither, and its message stands alone.
fn syntax_error(text: &js_sys::JsString, error: &JsValue) -> DataError {
    // Only on the error path is the text copied into the module.
    let whole = String::from(text);
    if let Some(error) = not_json(&whole) {
        return error;
    }
    let said = js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let error = DataError::said(
        "",
        format!("the data is not valid JSON ({said})"),
        format!("данные не являются корректным JSON ({said})"),
    );
    let number_after = |word: &str| -> Option<usize> {
        let at = said.find(word)? + word.len();
        let digits: String = said
            .get(at..)?
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    match (
        number_after("line "),
        number_after(" column "),
        number_after("position "),
    ) {
        (Some(line), Some(column), _) => error.line_column(line, column),
        (_, _, Some(position)) => {
            // A position in UTF-16 units, as JavaScript counts.
            let before = String::from(text.slice(0, position as u32));
            let (line, column) = line_column_of(&before, before.len());
            error.line_column(line, column)
        }
        _ => error,
    }
}

/// Reads a dataset from a JavaScript object (already parsed by the page),
/// with the same validation and messages as JSON text, paths included.
pub fn read_object(value: &JsValue) -> Result<Dataset, Vec<DataError>> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value.clone());
    read_with(deserializer, Limits::default()).map_err(|errors| {
        errors
            .into_iter()
            .map(|mut e| {
                e.message = without_error_prefix(&e.message).to_owned();
                name_the_item(value, e)
            })
            .collect()
    })
}

/// A serde-wasm-bindgen error's words without the `Error: ` that
/// JavaScript's `toString` puts before them.
pub fn without_error_prefix(message: &str) -> &str {
    message.strip_prefix("Error: ").unwrap_or(message)
}

/// Gives an error inside `events[i]` or `organisations[i]` the id of that
/// item, read from the object.
fn name_the_item(root: &JsValue, error: DataError) -> DataError {
    if error.item_id.is_some() {
        return error;
    }
    let mut steps = error.path.split(['[', ']']);
    let (Some(list @ ("events" | "organisations")), Some(index)) = (steps.next(), steps.next())
    else {
        return error;
    };
    let Ok(index) = index.parse::<u32>() else {
        return error;
    };
    let id = js_sys::Reflect::get(root, &JsValue::from_str(list))
        .and_then(|items| js_sys::Reflect::get_u32(&items, index))
        .and_then(|item| js_sys::Reflect::get(&item, &JsValue::from_str("id")))
        .ok()
        .and_then(|id| id.as_string());
    match id {
        Some(id) => error.item(&id),
        None => error,
    }
}
