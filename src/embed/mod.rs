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
//! Options and filters are read key by key ([`Fields`]) and event payloads
//! built as plain objects: serde and serde-wasm-bindgen did the same for
//! 17 KB gzip more WebAssembly (docs/BENCHMARKS.md, step 12), and the
//! weight budget comes first. Unknown keys are warned about.

use crate::core::data::EventKind;
use crate::core::date::iso_day;
use crate::core::filter::{Filter, IdSet, KindSet};
use crate::core::i18n::{Lang, Msg};
use crate::core::json::Token;
use crate::core::url_state::{parse_url_date, ViewState};
use crate::state::{Action, Theme};
use crate::view::{dom::warn, DataSource, Timeline, TimelineProps, WheelZoom, WidgetEvent};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{AppHandle, Callback};

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
pub fn mount_page(root: web_sys::Element, loader: js_sys::Function, exporter: JsValue) {
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
            exporter: exporter.dyn_into::<js_sys::Function>().ok(),
            ..TimelineProps::for_page(DataSource::Url(data_url.into()))
        },
    )
    .render();
}

/// A list option: an array of strings, or one comma-separated string.
#[derive(Debug, Default)]
struct List(Vec<String>);

/// An options object read key by key: a value of the wrong type is a
/// `TypeError` naming the key, in the words the data reader uses
/// (`invalid type: string "yes", expected true or false`).
///
/// Written out by hand rather than derived with serde: serde's generic
/// visitors and its error formatting (floats included) cost 17 KB gzip of
/// WebAssembly for a dozen keys (docs/BENCHMARKS.md, the size table).
struct Fields<'a> {
    object: &'a JsValue,
    /// What the object is, for messages: `mount options`, `setFilter`.
    what: &'static str,
}

impl Fields<'_> {
    /// The value of `key`; `undefined` and `null` are absent.
    fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(self.object, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn wrong(&self, key: &str, value: &JsValue, expected: &str) -> JsValue {
        let found = match value.as_string() {
            Some(s) => crate::core::data::describe(&Token::Str(&s)),
            None if value.as_f64().is_some() => "a number".into(),
            None if value.as_bool().is_some() => "a boolean".into(),
            None if js_sys::Array::is_array(value) => "a list".into(),
            None if value.is_function() => "a function".into(),
            None => "an object".into(),
        };
        js_sys::TypeError::new(&format!(
            "movement-timeline: {}: {key}: invalid type: {found}, expected {expected}",
            self.what
        ))
        .into()
    }

    fn string(&self, key: &str) -> Result<Option<String>, JsValue> {
        self.get(key)
            .map(|v| v.as_string().ok_or_else(|| self.wrong(key, &v, "a string")))
            .transpose()
    }

    fn boolean(&self, key: &str) -> Result<Option<bool>, JsValue> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| self.wrong(key, &v, "true or false"))
            })
            .transpose()
    }

    fn list(&self, key: &str) -> Result<Option<List>, JsValue> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let expected = "a list of ids, or ids separated by commas";
        if let Some(s) = v.as_string() {
            return Ok(Some(List(
                s.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )));
        }
        if !js_sys::Array::is_array(&v) {
            return Err(self.wrong(key, &v, expected));
        }
        let array: &js_sys::Array = v.unchecked_ref();
        array
            .iter()
            .map(|item| {
                item.as_string()
                    .ok_or_else(|| self.wrong(key, &item, "a string in the list"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|ids| Some(List(ids)))
    }

    /// An object-valued key (`window`), as fields of its own.
    fn object(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        match self.get(key) {
            Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => Ok(Some(v)),
            Some(v) => Err(self.wrong(key, &v, "an object")),
            None => Ok(None),
        }
    }
}

/// A plain JavaScript object with these properties (event payloads).
fn js_object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
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
    "exporter",
    "stylesheet",
];

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
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(Fields {
            object: &JsValue::UNDEFINED,
            what: "mount",
        }
        .wrong("options", &options, "an object"));
    }
    let o = Fields {
        object: &options,
        what: "mount options",
    };
    let data = o.get("data");
    let source = if let Some(text) = data.as_ref().and_then(|d| d.dyn_ref::<js_sys::JsString>()) {
        DataSource::Text(text.clone())
    } else if let Some(object) = data.filter(JsValue::is_object) {
        DataSource::Object(object)
    } else if let Some(url) = o.string("dataUrl")? {
        DataSource::Url(url.into())
    } else {
        return Err(js_sys::TypeError::new(
            "movement-timeline: give the data as `dataUrl`, or as JSON text or an object in `data`",
        )
        .into());
    };
    let view_option = o.string("view")?;
    let mut view = match &view_option {
        Some(fragment) => {
            let (view, warnings) = ViewState::from_fragment(fragment);
            for w in warnings {
                warn(&format!("view: ignored \"{}\": {}", w.key, w.reason));
            }
            view
        }
        None => ViewState::default(),
    };
    let theme = theme_of(o.string("theme")?.as_deref().or(view.theme.as_deref()));
    view.theme = (theme != Theme::Auto).then(|| theme.as_str().to_owned());
    if let Some(orgs) = o.list("orgs")? {
        view.orgs = Some(orgs.0.into_iter().collect::<IdSet>());
    }
    if let Some(kinds) = o.list("kinds")? {
        view.kinds = Some(kinds_of(kinds));
    }
    let (start, end) = match o.object("window")? {
        Some(w) => {
            let w = Fields {
                object: &w,
                what: "mount options: window",
            };
            (w.string("start")?, w.string("end")?)
        }
        None => (o.string("from")?, o.string("to")?),
    };
    if let (Some(a), Some(b)) = (start, end) {
        if let Some((a, b)) = window_of(&a, &b) {
            view.from = Some(a);
            view.to = Some(b);
        }
    }
    let wheel_zoom = match o.string("wheelZoom")?.as_deref() {
        Some("always") => WheelZoom::Always,
        None | Some("modifier") => WheelZoom::Modifier,
        Some(other) => {
            warn(&format!(
                "wheelZoom \"{other}\" is not always or modifier; using modifier"
            ));
            WheelZoom::Modifier
        }
    };
    let lang = match o.string("lang")?.as_deref() {
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
    let height = o.get("height").and_then(|h| match h.as_f64() {
        Some(n) if n.is_finite() && n > 0.0 => Some(format!("{}px", n.round() as i64)),
        _ => h.as_string(),
    });
    let props = TimelineProps {
        source,
        theme,
        wheel_zoom,
        url_state: o.boolean("urlState")?.unwrap_or(false),
        initial_view: Some(view),
        lang: lang.or_else(|| view_lang(&view_option)),
        today: None,
        width_px: None,
        loader: o
            .get("loader")
            .and_then(|l| l.dyn_into::<js_sys::Function>().ok()),
        exporter: o
            .get("exporter")
            .and_then(|l| l.dyn_into::<js_sys::Function>().ok()),
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

/// The detail of a widget event as listeners receive it (the payloads are
/// described in the README and `movement-timeline.d.ts`).
fn event_to_js(event: &WidgetEvent) -> (&'static str, JsValue) {
    let s = |text: &str| JsValue::from_str(text);
    match event {
        WidgetEvent::Select {
            id,
            title,
            date,
            org,
            kind,
        } => (
            "select",
            js_object(&[
                ("id", s(id)),
                ("title", s(title)),
                ("date", s(date)),
                ("org", s(org)),
                ("kind", s(kind)),
            ]),
        ),
        WidgetEvent::Deselect => ("select", JsValue::NULL),
        WidgetEvent::RangeChange { start_day, end_day } => (
            "rangechange",
            js_object(&[
                ("start", s(&iso_day(*start_day))),
                ("end", s(&iso_day(*end_day))),
            ]),
        ),
        WidgetEvent::Error { message, location } => (
            "error",
            js_object(&[("message", s(message)), ("location", s(location))]),
        ),
        WidgetEvent::Ready { events } => (
            "ready",
            js_object(&[("events", JsValue::from(*events as u32))]),
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
    dispatcher: Option<crate::view::Dispatch>,
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
        props.onready = Some(Callback::from(move |d: crate::view::Dispatch| {
            let queued = std::mem::take(&mut dispatch.borrow_mut().queued);
            for action in queued {
                d.emit(action);
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

#[wasm_bindgen]
impl WidgetHandle {
    fn dispatch(&self, action: Action) {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Callback);
        let mut d = self.dispatch.borrow_mut();
        match d.dispatcher.clone() {
            Some(dispatcher) => {
                drop(d);
                dispatcher.emit(action);
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
        self.props.source = match data.dyn_into::<js_sys::JsString>() {
            Ok(text) => DataSource::Text(text),
            Err(data) => DataSource::Object(data),
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
        let f = Fields {
            object: &filter,
            what: "setFilter",
        };
        if !(filter.is_undefined() || filter.is_null() || filter.is_object()) {
            return Err(f.wrong("filter", &filter, "an object"));
        }
        self.dispatch(Action::SetFilter(Filter {
            orgs: f.list("orgs")?.map(|l| l.0.into_iter().collect()),
            kinds: f.list("kinds")?.map(kinds_of),
            text: f.string("text")?.unwrap_or_default(),
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

    /// Exports the view as `svg`, `png`, `csv` or `json`: the widget hands
    /// it to the loader's exporter, which resolves the API's promise.
    #[wasm_bindgen(js_name = requestExport)]
    pub fn request_export(&self, format: String) {
        let format = match format.as_str() {
            "svg" => "svg",
            "png" => "png",
            "csv" => "csv",
            _ => "json",
        };
        self.dispatch(Action::Export(format, false));
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
                // The same data again: the panic comes when it arrives.
                arm(Point::Loading);
                self.dispatch(Action::Retry);
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
