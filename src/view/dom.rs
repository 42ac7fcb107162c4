//! Browser facts, read here and handed to `core` as plain values: today,
//! widths, the URL, the clipboard, focus and exports.

use crate::core::date::Day;
use crate::core::export::ExportFormat;
use crate::core::url_state::ViewState;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Today as a day number, from the browser's clock.
pub fn today() -> Day {
    (js_sys::Date::now() / 86_400_000.0).floor() as Day
}

/// Moves DOM focus to the mark (or row) of `event` inside `root`.
pub fn focus_event(root: &web_sys::Element, event: usize) {
    let selector = format!("[data-index=\"{event}\"]");
    if let Ok(Some(el)) = root.query_selector(&selector) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

/// Watches an element's width until dropped.
pub struct WidthObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `onresize` with `el`'s width now and whenever it changes.
pub fn observe_width(
    el: &web_sys::Element,
    onresize: impl Fn(f64) + 'static,
) -> Option<WidthObserver> {
    onresize(el.get_bounding_client_rect().width());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let width = entries
            .get(0)
            .dyn_into::<web_sys::ResizeObserverEntry>()
            .ok()
            .map(|e| e.content_rect().width());
        if let Some(w) = width {
            onresize(w);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(WidthObserver {
        observer,
        _callback: callback,
    })
}

fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The view in the page's URL fragment; what was ignored goes to the console.
pub fn read_fragment() -> ViewState {
    let (view, warnings) = ViewState::from_fragment(&current_fragment());
    for w in warnings {
        warn(&format!("ignored \"{}\" in the URL: {}", w.key, w.reason));
    }
    view
}

/// Writes `view` into the URL fragment: a new history entry when
/// `meaningful`, a replacement otherwise.
pub fn write_fragment(view: &ViewState, meaningful: bool) {
    let fragment = view.to_fragment();
    if fragment == current_fragment() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let url = if fragment.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    let _ = if meaningful {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Copies the page's address; `done` gets `Ok`, or the address to copy by
/// hand.
pub fn copy_page_url(done: impl FnOnce(Result<(), String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let href = window.location().href().unwrap_or_default();
    let promise = window.navigator().clipboard().write_text(&href);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(if ok { Ok(()) } else { Err(href) });
    });
}

thread_local! {
    /// The language this instance's widget shows, for messages made outside
    /// Yew (the crash panel).
    static LANG: Cell<crate::core::i18n::Lang> = const { Cell::new(crate::core::i18n::Lang::En) };
}

/// Remembers the widget's language.
pub fn set_current_lang(lang: crate::core::i18n::Lang) {
    LANG.with(|l| l.set(lang));
}

/// The widget's language.
pub fn current_lang() -> crate::core::i18n::Lang {
    LANG.with(Cell::get)
}

/// A warning in the console, prefixed once.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("movement-timeline: {message}")));
}

/// The browser's preferred language tag (`ru-RU`).
pub fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// An element as XML text (the SVG export).
pub fn serialize(el: &web_sys::Element) -> Option<String> {
    web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(el)
        .ok()
}

/// Hands an export to the page's `exporter(format, name, text, download)`;
/// the text is `null` before the data is shown.
pub fn export(
    exporter: &js_sys::Function,
    format: ExportFormat,
    name: Option<String>,
    text: Option<String>,
    download: bool,
) {
    let text = text.map_or(JsValue::NULL, |t| JsValue::from_str(&t));
    let args = js_sys::Array::of4(
        &JsValue::from_str(format.as_str()),
        &JsValue::from_str(&name.unwrap_or_default()),
        &text,
        &JsValue::from_bool(download),
    );
    if let Err(e) = exporter.apply(&JsValue::NULL, &args) {
        web_sys::console::error_2(&JsValue::from_str("movement-timeline: export failed"), &e);
    }
}
