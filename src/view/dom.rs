//! Browser facts, read here and handed to `core` as plain values: today,
//! widths, the wheel, the URL, the clipboard, and which element an event
//! came from.

use crate::core::date::Day;
use crate::core::url_state::ViewState;
use crate::state::Action;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Today as a day number, from the browser's clock.
pub fn today() -> Day {
    (js_sys::Date::now() / 86_400_000.0).floor() as Day
}

/// The nearest element (the target or an ancestor) of an event that has
/// `data-act` or `data-index`, with the value of that attribute.
pub fn acted_on(target: Option<web_sys::EventTarget>) -> Option<(web_sys::Element, String)> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let found = el.closest("[data-act]").ok()??;
    let act = found.get_attribute("data-act")?;
    Some((found, act))
}

/// The attribute `name` of `el` parsed as a number.
pub fn num_attr<T: std::str::FromStr>(el: &web_sys::Element, name: &str) -> Option<T> {
    el.get_attribute(name)?.parse().ok()
}

/// The zone (`plot`, `chart`, `overview`) an event happened in, and the x of
/// the pointer relative to that zone's left edge.
pub fn zone_x(target: Option<web_sys::EventTarget>, client_x: i32) -> Option<(String, f64)> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let zone = el.closest("[data-zone]").ok()??;
    let name = zone.get_attribute("data-zone")?;
    let left = zone.get_bounding_client_rect().left();
    Some((name, f64::from(client_x) - left))
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

/// Something listened to until dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

/// Listens to `kind` on `target` (not passive, so the handler may prevent
/// the default) until the returned [`Listener`] is dropped. One handler
/// type for every listener: the module holds one shim for all of them.
pub fn listen(
    target: &web_sys::EventTarget,
    kind: &'static str,
    handler: Rc<dyn Fn(&web_sys::Event)>,
) -> Option<Listener> {
    let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| handler(&e));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    target
        .add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
    Some(Listener {
        target: target.clone(),
        kind,
        callback,
    })
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

/// Input that is gathered and applied once per animation frame: many wheel
/// or pointer events between two frames make one state change and one
/// render.
#[derive(Default)]
pub struct Coalesced {
    /// Zoom factor so far and its anchor.
    zoom: Cell<Option<(f64, f64)>>,
    /// Pixels to pan so far.
    pub pan: Cell<f64>,
    /// The animation frame asked for and not yet run.
    scheduled: Cell<Option<i32>>,
    /// Made once, on the first input, and reused for every frame.
    frame: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl Drop for Coalesced {
    /// A widget that goes between an input and the next frame takes its
    /// frame with it.
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.scheduled.get(), web_sys::window()) {
            let _ = w.cancel_animation_frame(id);
        }
    }
}

impl Coalesced {
    /// Adds a zoom by `factor` around `anchor_px`.
    pub fn zoom(&self, anchor_px: f64, factor: f64) {
        let f = self.zoom.get().map_or(1.0, |(_, f)| f);
        self.zoom.set(Some((anchor_px, f * factor)));
    }

    /// Sends what was gathered to `dispatch` at the next animation frame
    /// (once, however many calls): the pan, then the zoom.
    pub fn schedule(self: &Rc<Self>, dispatch: &Callback<Action>) {
        if self.scheduled.get().is_some() {
            return;
        }
        let mut frame = self.frame.borrow_mut();
        let callback = frame.get_or_insert_with(|| {
            let this = Rc::downgrade(self);
            let dispatch = dispatch.clone();
            Closure::<dyn FnMut()>::new(move || {
                let Some(c) = this.upgrade() else {
                    return;
                };
                c.scheduled.set(None);
                let dx_px = c.pan.replace(0.0);
                if dx_px != 0.0 {
                    dispatch.emit(Action::PanBy { dx_px });
                }
                if let Some((anchor_px, factor)) = c.zoom.take() {
                    dispatch.emit(Action::ZoomAt { anchor_px, factor });
                }
            })
        });
        if let Some(w) = web_sys::window() {
            let id = w.request_animation_frame(callback.as_ref().unchecked_ref());
            self.scheduled.set(id.ok());
        }
    }
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

/// Hands the export the state asks for to the page's `exporter(format,
/// name, text, download)`; the text is `null` before the data is shown.
pub fn export(exporter: &js_sys::Function, s: &crate::state::State) {
    let (_, format, download) = s.export;
    let (name, text) = match crate::render::export::export(s, format) {
        Some((name, text)) => (JsValue::from_str(&name), JsValue::from_str(&text)),
        None => (JsValue::from_str(""), JsValue::NULL),
    };
    let args = js_sys::Array::of4(
        &JsValue::from_str(format),
        &name,
        &text,
        &JsValue::from_bool(download),
    );
    if let Err(e) = exporter.apply(&JsValue::NULL, &args) {
        web_sys::console::error_2(&JsValue::from_str("movement-timeline: export failed"), &e);
    }
}
