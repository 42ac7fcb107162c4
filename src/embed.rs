//! The JavaScript-facing entry points.
//!
//! - The full page (`index.html`) has an element with the id
//!   `movement-timeline-page`; the loader calls [`mount_page`] on it.
//! - Embedding pages use the ES module `movement-timeline.js`, which calls
//!   [`mount_widget`] for each instance: the widget renders into the
//!   element's own shadow root, styled only by an external stylesheet and
//!   the documented `--mt-*` custom properties, and is driven through the
//!   returned [`WidgetHandle`].
//! - The loader gives every widget its own instance of this wasm module, so
//!   a panic (which leaves Yew's scheduler unusable) stops only that widget:
//!   the panic hook replaces it with a static error message.
//!
//! Options, filters and event payloads cross the boundary as serde types
//! (serde-wasm-bindgen); the only direct property access left is listing an
//! options object's keys, to warn about the unknown ones (serde would skip
//! them silently).

use crate::core::data::EventKind;
use crate::core::date::iso_day;
use crate::core::filter::{Filter, IdSet, KindSet};
use crate::core::i18n::{Lang, Msg};
use crate::core::url_state::{parse_url_date, ViewState};
use crate::state::{Action, State, Theme};
use crate::view::{dom::warn, DataSource, Timeline, TimelineProps, WheelZoom, WidgetEvent};
use serde::{Deserialize, Deserializer, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{AppHandle, Callback, UseReducerDispatcher};

thread_local! {
    /// The element this wasm instance's widget renders into. The loader gives
    /// every widget its own instance, so a panic can only concern this one.
    static HOST: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// Set once this instance has panicked: it must not be used again.
    static CRASHED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook of this wasm instance: report to the console, and
/// replace this instance's widget with a static error, built without Yew
/// (whose scheduler cannot run again after a panic).
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        CRASHED.with(|c| c.set(true));
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "movement-timeline: internal error, this timeline has stopped: {info}"
        )));
        HOST.with(|host| {
            if let Some(host) = host.borrow().as_ref() {
                show_crash(host);
            }
        });
    }));
}

fn show_crash(host: &web_sys::Element) {
    let Some(document) = host.owner_document() else {
        return;
    };
    let lang = crate::view::dom::current_lang();
    let build = || -> Result<web_sys::Element, JsValue> {
        let root = document.create_element("section")?;
        root.set_attribute("class", "mt-root")?;
        root.set_attribute("data-testid", "timeline-root")?;
        root.set_attribute("data-state", "error")?;
        root.set_attribute("lang", lang.code())?;
        let panel = document.create_element("div")?;
        panel.set_attribute("class", "mt-error")?;
        panel.set_attribute("data-testid", "error-panel")?;
        panel.set_attribute("role", "alert")?;
        let heading = document.create_element("p")?;
        heading.set_attribute("class", "mt-error-heading")?;
        heading.set_text_content(Some(Msg::Crashed.text(lang)));
        let detail = document.create_element("p")?;
        detail.set_text_content(Some(Msg::CrashedDetail.text(lang)));
        panel.append_child(&heading)?;
        panel.append_child(&detail)?;
        root.append_child(&panel)?;
        Ok(root)
    };
    if let Ok(root) = build() {
        clear(host);
        let _ = host.append_child(&root);
    }
}

/// True once this wasm instance has panicked.
#[wasm_bindgen(js_name = isCrashed)]
pub fn is_crashed() -> bool {
    CRASHED.with(|c| c.get())
}

/// Mounts the full-page widget into `root` (reading its `data-src`), with
/// the URL fragment kept in sync; `loader` fetches the data.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: web_sys::Element, loader: js_sys::Function) {
    install_panic_hook();
    HOST.with(|h| *h.borrow_mut() = Some(root.clone()));
    let data_url = root
        .get_attribute("data-src")
        .unwrap_or_else(|| crate::core::DEFAULT_DATA_URL.to_string());
    clear(&root);
    yew::Renderer::<Timeline>::with_root_and_props(
        root,
        TimelineProps {
            loader: Some(loader),
            ..TimelineProps::for_page(DataSource::Url(data_url.into()))
        },
    )
    .render();
}

/// A list option: an array of strings, or one comma-separated string.
#[derive(Debug, Default)]
struct List(Vec<String>);

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = List;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of ids, or ids separated by commas")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<List, E> {
                Ok(List(
                    s.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                ))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<List, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(List(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The visible window: `{ start, end }` as YYYY, YYYY-MM or YYYY-MM-DD.
#[derive(Debug, Default, Deserialize)]
struct Window {
    start: Option<String>,
    end: Option<String>,
}

/// The options of `mount()` (see the README and `movement-timeline.d.ts`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MountOptions {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    data: JsValue,
    data_url: Option<String>,
    orgs: Option<List>,
    kinds: Option<List>,
    window: Option<Window>,
    from: Option<String>,
    to: Option<String>,
    theme: Option<String>,
    wheel_zoom: Option<String>,
    /// Pixels, or a CSS length (the loader has checked it).
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    height: JsValue,
    url_state: Option<bool>,
    lang: Option<String>,
    view: Option<String>,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    loader: JsValue,
}

/// Every option `mount()` reads; others are warned about.
pub const OPTION_NAMES: &[&str] = &[
    "data",
    "dataUrl",
    "orgs",
    "kinds",
    "window",
    "from",
    "to",
    "theme",
    "wheelZoom",
    "height",
    "urlState",
    "lang",
    "view",
    "loader",
    "stylesheet",
];

/// Reads a value of `T` from JavaScript; a wrong type is an error naming
/// `what` (the option).
fn read<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        JsValue::from(js_sys::TypeError::new(&format!(
            "movement-timeline: {what}: {e}"
        )))
    })
}

fn kinds_of(list: List) -> KindSet {
    let mut unknown = Vec::new();
    let set = list
        .0
        .iter()
        .filter_map(|k| {
            let kind = EventKind::parse(k);
            if kind.is_none() {
                unknown.push(k.as_str());
            }
            kind
        })
        .collect();
    if !unknown.is_empty() {
        let valid: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        warn(&format!(
            "unknown kinds \"{}\" ignored (the kinds are: {})",
            unknown.join("\", \""),
            valid.join(", ")
        ));
    }
    set
}

fn theme_of(theme: Option<&str>) -> Theme {
    match theme {
        None => Theme::Auto,
        Some(t) => Theme::parse(t).unwrap_or_else(|| {
            warn(&format!(
                "theme \"{t}\" is not auto, light or dark; using auto"
            ));
            Theme::Auto
        }),
    }
}

/// The window from `start` and `end`, or `None` with a warning when either
/// is not a date or the window is reversed (it is then left alone).
fn window_of(start: &str, end: &str) -> Option<(i32, i32)> {
    let (a, b) = (parse_url_date(start, false), parse_url_date(end, true));
    match (a, b) {
        (Some(a), Some(b)) if a <= b => Some((a, b)),
        (Some(_), Some(_)) => {
            warn(&format!(
                "the window {start} to {end} ends before it starts; it was ignored"
            ));
            None
        }
        _ => {
            warn(&format!(
                "the window {start} to {end} is not two dates (YYYY, YYYY-MM or YYYY-MM-DD); it was ignored"
            ));
            None
        }
    }
}

/// Warns about the keys of `options` that `mount()` does not read.
fn warn_unknown_keys(options: &JsValue) {
    if !options.is_object() {
        return;
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            warn(&format!(
                "unknown option \"{key}\" ignored (the options are: {})",
                OPTION_NAMES.join(", ")
            ));
        }
    }
}

/// The widget's properties, and its height as a CSS length.
fn props_from_options(options: JsValue) -> Result<(TimelineProps, Option<String>), JsValue> {
    warn_unknown_keys(&options);
    let o: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        read(options, "mount options")?
    };
    let source = if let Some(text) = o.data.as_string() {
        DataSource::Json(Rc::from(text.as_str()))
    } else if o.data.is_object() {
        DataSource::Object(o.data.clone())
    } else if let Some(url) = o.data_url {
        DataSource::Url(url.into())
    } else {
        return Err(js_sys::TypeError::new(
            "movement-timeline: give the data as `dataUrl`, or as JSON text or an object in `data`",
        )
        .into());
    };
    let mut view = match &o.view {
        Some(fragment) => {
            let (view, warnings) = ViewState::from_fragment(fragment);
            for w in warnings {
                warn(&format!("view: ignored \"{}\": {}", w.key, w.reason));
            }
            view
        }
        None => ViewState::default(),
    };
    let theme = theme_of(o.theme.as_deref().or(view.theme.as_deref()));
    view.theme = (theme != Theme::Auto).then(|| theme.as_str().to_owned());
    if let Some(orgs) = o.orgs {
        view.orgs = Some(orgs.0.into_iter().collect::<IdSet>());
    }
    if let Some(kinds) = o.kinds {
        view.kinds = Some(kinds_of(kinds));
    }
    let (start, end) = match o.window {
        Some(w) => (w.start, w.end),
        None => (o.from, o.to),
    };
    if let (Some(a), Some(b)) = (start, end) {
        if let Some((a, b)) = window_of(&a, &b) {
            view.from = Some(a);
            view.to = Some(b);
        }
    }
    let wheel_zoom = match o.wheel_zoom.as_deref() {
        Some("always") => WheelZoom::Always,
        None | Some("modifier") => WheelZoom::Modifier,
        Some(other) => {
            warn(&format!(
                "wheelZoom \"{other}\" is not always or modifier; using modifier"
            ));
            WheelZoom::Modifier
        }
    };
    let lang = match o.lang.as_deref() {
        Some(tag) => {
            let lang = Lang::parse(tag);
            if lang.is_none() {
                warn(&format!(
                    "lang \"{tag}\" is not supported (en, ru); the page's language is used"
                ));
            }
            lang
        }
        None => None,
    };
    let height = match o.height.as_f64() {
        Some(n) if n.is_finite() && n > 0.0 => Some(format!("{}px", n.round() as i64)),
        _ => o.height.as_string(),
    };
    let props = TimelineProps {
        source,
        theme,
        wheel_zoom,
        url_state: o.url_state.unwrap_or(false),
        initial_view: Some(view),
        lang: lang.or_else(|| view_lang(&o.view)),
        today: None,
        width_px: None,
        loader: o.loader.dyn_into::<js_sys::Function>().ok(),
        onready: None,
        onevent: None,
    };
    Ok((props, height))
}

/// A language given in the `view` option (`lang=ru`).
fn view_lang(view: &Option<String>) -> Option<Lang> {
    view.as_deref()
        .and_then(|v| ViewState::from_fragment(v).0.lang)
}

/// What `select` listeners receive.
#[derive(Serialize)]
struct SelectPayload<'a> {
    id: &'a str,
    title: &'a str,
    date: &'a str,
    org: &'a str,
    kind: &'a str,
}

/// What `rangechange` listeners receive.
#[derive(Serialize)]
struct RangePayload {
    start: String,
    end: String,
}

/// What `error` listeners receive.
#[derive(Serialize)]
struct ErrorPayload<'a> {
    message: &'a str,
    location: &'a str,
}

/// What `ready` listeners receive.
#[derive(Serialize)]
struct ReadyPayload {
    events: usize,
}

fn event_to_js(event: &WidgetEvent) -> (&'static str, JsValue) {
    let to = |r: Result<JsValue, serde_wasm_bindgen::Error>| r.unwrap_or(JsValue::NULL);
    match event {
        WidgetEvent::Select {
            id,
            title,
            date,
            org,
            kind,
        } => (
            "select",
            to(serde_wasm_bindgen::to_value(&SelectPayload {
                id,
                title,
                date,
                org,
                kind,
            })),
        ),
        WidgetEvent::Deselect => ("select", JsValue::NULL),
        WidgetEvent::RangeChange { start_day, end_day } => (
            "rangechange",
            to(serde_wasm_bindgen::to_value(&RangePayload {
                start: iso_day(*start_day),
                end: iso_day(*end_day),
            })),
        ),
        WidgetEvent::Error { message, location } => (
            "error",
            to(serde_wasm_bindgen::to_value(&ErrorPayload {
                message,
                location,
            })),
        ),
        WidgetEvent::Ready { events } => (
            "ready",
            to(serde_wasm_bindgen::to_value(&ReadyPayload {
                events: *events,
            })),
        ),
    }
}

/// Removes the children of a shadow root but its stylesheet links.
fn clear_except_stylesheets(root: &web_sys::ShadowRoot) {
    let mut child = root.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        let keep = node
            .dyn_ref::<web_sys::Element>()
            .is_some_and(|el| el.tag_name() == "LINK");
        if !keep {
            let _ = root.remove_child(&node);
        }
    }
}

/// Removes every child of a node (without touching HTML parsing).
fn clear(node: &web_sys::Node) {
    while let Some(child) = node.first_child() {
        if node.remove_child(&child).is_err() {
            break;
        }
    }
}

type Listeners = Rc<RefCell<Vec<(String, js_sys::Function)>>>;

/// The widget's dispatcher once it has rendered, and the actions asked for
/// before: they are applied in order as soon as it exists.
#[derive(Default)]
struct Dispatch {
    dispatcher: Option<UseReducerDispatcher<State>>,
    queued: Vec<Action>,
}

/// One mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<Timeline>>,
    props: TimelineProps,
    dispatch: Rc<RefCell<Dispatch>>,
    listeners: Listeners,
    shadow: web_sys::ShadowRoot,
    container: web_sys::Element,
}

/// Mounts a widget into `element`'s shadow root. The options are described
/// in the README and `movement-timeline.d.ts`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let (mut props, height) = props_from_options(options)?;
    let document = element
        .owner_document()
        .ok_or_else(|| JsValue::from_str("movement-timeline: the element has no document"))?;
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => {
            element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
        }
    };
    // The loader has put the stylesheet in already; anything else goes.
    clear_except_stylesheets(&shadow);
    let container = document.create_element("div")?;
    container.set_attribute("class", "mt-host")?;
    install_panic_hook();
    HOST.with(|h| *h.borrow_mut() = Some(container.clone()));
    // The loader has checked the height (a CSS length). CSSOM, not a style
    // attribute: allowed under a strict style-src.
    if let (Some(height), Some(el)) = (height, container.dyn_ref::<web_sys::HtmlElement>()) {
        let style = el.style();
        style.set_property("max-height", &height)?;
        style.set_property("overflow", "auto")?;
    }
    shadow.append_child(&container)?;

    let dispatch: Rc<RefCell<Dispatch>> = Rc::default();
    let listeners: Listeners = Rc::default();
    {
        let dispatch = dispatch.clone();
        props.onready = Some(Callback::from(move |d: UseReducerDispatcher<State>| {
            let queued = std::mem::take(&mut dispatch.borrow_mut().queued);
            for action in queued {
                d.dispatch(action);
            }
            dispatch.borrow_mut().dispatcher = Some(d);
        }));
    }
    {
        let listeners = listeners.clone();
        let host = element.clone();
        props.onevent = Some(Callback::from(move |event: WidgetEvent| {
            let (name, detail) = event_to_js(&event);
            let callbacks: Vec<js_sys::Function> = listeners
                .borrow()
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, f)| f.clone())
                .collect();
            for f in callbacks {
                if let Err(e) = f.call1(&host, &detail) {
                    web_sys::console::error_2(
                        &JsValue::from_str("movement-timeline: a listener failed"),
                        &e,
                    );
                }
            }
        }));
    }
    let app =
        yew::Renderer::<Timeline>::with_root_and_props(container.clone(), props.clone()).render();
    Ok(WidgetHandle {
        app: Some(app),
        props,
        dispatch,
        listeners,
        shadow,
        container,
    })
}

/// A filter for `setFilter`: `{ orgs, kinds, text }`; a missing key shows all.
#[derive(Deserialize, Default)]
struct FilterOptions {
    orgs: Option<List>,
    kinds: Option<List>,
    text: Option<String>,
}

#[wasm_bindgen]
impl WidgetHandle {
    fn dispatch(&self, action: Action) {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Callback);
        let mut d = self.dispatch.borrow_mut();
        match d.dispatcher.clone() {
            Some(dispatcher) => {
                drop(d);
                dispatcher.dispatch(action);
            }
            None => d.queued.push(action),
        }
    }

    fn update(&mut self) {
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    /// Replaces the data: JSON text, or an object (read directly, without
    /// a round trip through text).
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, data: JsValue) {
        self.props.source = match data.as_string() {
            Some(text) => DataSource::Json(Rc::from(text.as_str())),
            None => DataSource::Object(data),
        };
        self.update();
    }

    /// Loads the data from a URL.
    #[wasm_bindgen(js_name = setDataUrl)]
    pub fn set_data_url(&mut self, url: String) {
        self.props.source = DataSource::Url(url.into());
        self.update();
    }

    /// Sets the filter: `{ orgs, kinds, text }`; a missing key shows all.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&self, filter: JsValue) -> Result<(), JsValue> {
        warn_unknown_filter_keys(&filter);
        let f: FilterOptions = if filter.is_undefined() || filter.is_null() {
            FilterOptions::default()
        } else {
            read(filter, "setFilter")?
        };
        self.dispatch(Action::SetFilter(Filter {
            orgs: f.orgs.map(|l| l.0.into_iter().collect()),
            kinds: f.kinds.map(kinds_of),
            text: f.text.unwrap_or_default(),
        }));
        Ok(())
    }

    /// Shows the window from `start` to `end` (YYYY, YYYY-MM or YYYY-MM-DD);
    /// a reversed or unreadable window is left alone, with a warning.
    #[wasm_bindgen(js_name = setWindow)]
    pub fn set_window(&self, start: String, end: String) {
        if let Some((a, b)) = window_of(&start, &end) {
            self.dispatch(Action::ShowRange {
                start_day: f64::from(a),
                end_day: f64::from(b) + 1.0,
            });
        }
    }

    /// Sets the theme: `auto`, `light` or `dark`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: String) {
        self.dispatch(Action::SetTheme(theme_of(Some(&theme))));
    }

    /// Sets the language: `en` or `ru`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, lang: String) {
        match Lang::parse(&lang) {
            Some(l) => self.dispatch(Action::SetLang(l, false)),
            None => warn(&format!("lang \"{lang}\" is not supported (en, ru)")),
        }
    }

    /// Makes this widget panic, to exercise the crash path in tests: the
    /// widget shows a static error and other widgets keep working. `place`
    /// is `action` (in the reducer), `render`, `callback` (the next click
    /// or handle call) or `loading` (when the next download completes).
    /// Only in builds with the `crash-test` feature.
    #[cfg(feature = "crash-test")]
    #[wasm_bindgen(js_name = simulateCrash)]
    pub fn simulate_crash(&mut self, place: String) {
        use crate::crash::{arm, Point};
        match place.as_str() {
            "render" => {
                arm(Point::Render);
                self.dispatch(Action::CycleTheme);
            }
            "callback" => arm(Point::Callback),
            "loading" => {
                arm(Point::Loading);
                self.set_data_url(crate::core::DEFAULT_DATA_URL.into());
            }
            _ => self.dispatch(Action::SimulateCrash),
        }
    }

    /// Bytes of WebAssembly memory this widget's instance holds (for
    /// benchmarks and diagnostics).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map(|m| {
                f64::from(
                    m.buffer()
                        .unchecked_into::<js_sys::ArrayBuffer>()
                        .byte_length(),
                )
            })
            .unwrap_or(0.0)
    }

    /// Listens to `select`, `rangechange`, `error` or `ready`.
    pub fn on(&self, event: String, callback: js_sys::Function) {
        if !matches!(event.as_str(), "select" | "rangechange" | "error" | "ready") {
            warn(&format!(
                "there is no \"{event}\" event (select, rangechange, error, ready)"
            ));
        }
        self.listeners.borrow_mut().push((event, callback));
    }

    /// Stops listening.
    pub fn off(&self, event: String, callback: js_sys::Function) {
        self.listeners
            .borrow_mut()
            .retain(|(name, f)| !(name == &event && f == &callback));
    }

    /// Unmounts the widget, drops its listeners and empties its shadow root.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.listeners.borrow_mut().clear();
        *self.dispatch.borrow_mut() = Dispatch::default();
        self.container.remove();
        clear(&self.shadow);
    }
}

fn warn_unknown_filter_keys(filter: &JsValue) {
    if !filter.is_object() {
        return;
    }
    for key in js_sys::Object::keys(filter.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !matches!(key.as_str(), "orgs" | "kinds" | "text") {
            warn(&format!(
                "unknown filter key \"{key}\" ignored (orgs, kinds, text)"
            ));
        }
    }
}
