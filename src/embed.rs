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

use crate::core::data::EventKind;
use crate::core::date::iso_day;
use crate::core::filter::Filter;
use crate::core::filter::KindSet;
use crate::core::url_state::{parse_url_date, ViewState};
use crate::state::{Action, State, Theme};
use crate::view::{DataSource, Timeline, TimelineProps, WheelZoom, WidgetEvent};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{AppHandle, Callback, UseReducerDispatcher};

/// Default location of the dataset, relative to the page.
pub const DEFAULT_DATA_URL: &str = crate::core::DEFAULT_DATA_URL;

thread_local! {
    /// The element this wasm instance's widget renders into. The loader gives
    /// every widget its own instance, so a panic can only concern this one.
    static HOST: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// Set once this instance has panicked: it must not be used again.
    static CRASHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
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
    let build = || -> Result<web_sys::Element, JsValue> {
        let root = document.create_element("section")?;
        root.set_attribute("class", "mt-root")?;
        root.set_attribute("data-testid", "timeline-root")?;
        root.set_attribute("data-state", "error")?;
        let panel = document.create_element("div")?;
        panel.set_attribute("class", "mt-error")?;
        panel.set_attribute("data-testid", "error-panel")?;
        panel.set_attribute("role", "alert")?;
        let heading = document.create_element("p")?;
        heading.set_attribute("class", "mt-error-heading")?;
        heading.set_text_content(Some("This timeline stopped because of an internal error"));
        let detail = document.create_element("p")?;
        detail.set_text_content(Some(
            "The details are in the browser console. Reload the page to try again; other timelines on the page are not affected.",
        ));
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
/// the URL fragment kept in sync.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: web_sys::Element, loader: js_sys::Function) {
    install_panic_hook();
    HOST.with(|h| *h.borrow_mut() = Some(root.clone()));
    let data_url = root
        .get_attribute("data-src")
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_string());
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

type Listeners = Rc<RefCell<Vec<(String, js_sys::Function)>>>;
type Dispatcher = Rc<RefCell<Option<UseReducerDispatcher<State>>>>;

/// One mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<Timeline>>,
    props: TimelineProps,
    dispatcher: Dispatcher,
    listeners: Listeners,
    shadow: web_sys::ShadowRoot,
    container: web_sys::Element,
}

fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn get_string(options: &JsValue, key: &str) -> Option<String> {
    get(options, key).and_then(|v| v.as_string())
}

/// A list option: an array of strings, or one comma-separated string.
fn get_list(options: &JsValue, key: &str) -> Option<Vec<String>> {
    let value = get(options, key)?;
    if let Some(s) = value.as_string() {
        return Some(
            s.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    let array = value.dyn_into::<js_sys::Array>().ok()?;
    Some(array.iter().filter_map(|v| v.as_string()).collect())
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("movement-timeline: {message}")));
}

fn kinds_of(list: Vec<String>) -> KindSet {
    list.iter()
        .filter_map(|k| {
            let kind = EventKind::parse(k);
            if kind.is_none() {
                warn(&format!("unknown kind \"{k}\" ignored"));
            }
            kind
        })
        .collect()
}

/// A CSS length for the `height` option: a number of pixels, or a number
/// with px, em, rem, vh or %.
fn css_length(value: &JsValue) -> Option<String> {
    if let Some(n) = value.as_f64() {
        return (n.is_finite() && n > 0.0).then(|| format!("{}px", n.round() as i64));
    }
    let s = value.as_string()?;
    let s = s.trim();
    let unit = ["px", "rem", "em", "vh", "%"]
        .into_iter()
        .find(|u| s.ends_with(u))?;
    let number = s.strip_suffix(unit)?;
    number
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n > 0.0)
        .map(|_| s.to_owned())
}

/// Reads the mount options: `data` (JSON text) or `dataUrl`, `orgs`,
/// `kinds`, `window: { start, end }` (or `from` / `to`), `theme`,
/// `wheelZoom` (`"always"` or `"modifier"`, the default), `urlState`.
fn props_from_options(options: &JsValue) -> Result<TimelineProps, JsValue> {
    let source = match (get_string(options, "data"), get_string(options, "dataUrl")) {
        (Some(text), _) => DataSource::Json(Rc::from(text.as_str())),
        (None, Some(url)) => DataSource::Url(url.into()),
        (None, None) => {
            return Err(JsValue::from_str(
                "movement-timeline: give the data as `dataUrl` or as JSON text in `data`",
            ))
        }
    };
    let theme = get_string(options, "theme")
        .map(|t| {
            Theme::parse(&t).unwrap_or_else(|| {
                warn(&format!("unknown theme \"{t}\"; using auto"));
                Theme::Auto
            })
        })
        .unwrap_or_default();
    let wheel_zoom = match get_string(options, "wheelZoom").as_deref() {
        Some("always") => WheelZoom::Always,
        _ => WheelZoom::Modifier,
    };
    let window = get(options, "window");
    let date = |key: &str, end: bool| {
        let text = window
            .as_ref()
            .and_then(|w| get_string(w, if end { "end" } else { "start" }))
            .or_else(|| get_string(options, key))?;
        let day = parse_url_date(&text, end);
        if day.is_none() {
            warn(&format!(
                "\"{text}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            ));
        }
        day
    };
    let initial_view = ViewState {
        orgs: get_list(options, "orgs").map(|l| l.into_iter().collect()),
        kinds: get_list(options, "kinds").map(kinds_of),
        from: date("from", false),
        to: date("to", true),
        theme: (theme != Theme::Auto).then(|| theme.as_str().to_owned()),
        ..ViewState::default()
    };
    Ok(TimelineProps {
        source,
        theme,
        wheel_zoom,
        url_state: get(options, "urlState")
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        initial_view: Some(initial_view),
        lang: get_string(options, "lang").and_then(|l| crate::core::i18n::Lang::parse(&l)),
        today: None,
        width_px: None,
        loader: get(options, "loader").and_then(|f| f.dyn_into::<js_sys::Function>().ok()),
        onready: None,
        onevent: None,
    })
}

fn event_to_js(event: &WidgetEvent) -> (&'static str, JsValue) {
    let object = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), &v);
    };
    let name = match event {
        WidgetEvent::Select {
            id,
            title,
            date,
            org,
            kind,
        } => {
            let kind: &str = kind;
            set("id", JsValue::from_str(id));
            set("title", JsValue::from_str(title));
            set("date", JsValue::from_str(date));
            set("org", JsValue::from_str(org));
            set("kind", JsValue::from_str(kind));
            "select"
        }
        WidgetEvent::Deselect => "select",
        WidgetEvent::RangeChange { start_day, end_day } => {
            set("start", JsValue::from_str(&iso_day(*start_day)));
            set("end", JsValue::from_str(&iso_day(*end_day)));
            "rangechange"
        }
        WidgetEvent::Error { message, location } => {
            set("message", JsValue::from_str(message));
            set("location", JsValue::from_str(location));
            "error"
        }
        WidgetEvent::Ready { events } => {
            set("events", JsValue::from_f64(*events as f64));
            "ready"
        }
    };
    if matches!(event, WidgetEvent::Deselect) {
        return (name, JsValue::NULL);
    }
    (name, object.into())
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

/// Mounts a widget into `element`'s shadow root. `options` are described
/// in the README (`dataUrl` or `data`, `orgs`, `kinds`, `window`, `theme`,
/// `wheelZoom`, `height`, `urlState`, and `stylesheet`: the URL of
/// `timeline.css`, set by the loader module).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let mut props = props_from_options(&options)?;
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
    if let Some(href) = get_string(&options, "stylesheet") {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", &href)?;
        shadow.append_child(&link)?;
    }
    let container = document.create_element("div")?;
    container.set_attribute("class", "mt-host")?;
    install_panic_hook();
    HOST.with(|h| *h.borrow_mut() = Some(container.clone()));
    if let Some(height) = get(&options, "height").as_ref().and_then(css_length) {
        // CSSOM, not a style attribute: allowed under a strict style-src.
        if let Some(el) = container.dyn_ref::<web_sys::HtmlElement>() {
            let style = el.style();
            style.set_property("max-height", &height)?;
            style.set_property("overflow", "auto")?;
        }
    }
    shadow.append_child(&container)?;

    let dispatcher: Dispatcher = Rc::new(RefCell::new(None));
    let listeners: Listeners = Rc::new(RefCell::new(Vec::new()));
    {
        let dispatcher = dispatcher.clone();
        props.onready = Some(Callback::from(move |d: UseReducerDispatcher<State>| {
            *dispatcher.borrow_mut() = Some(d);
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
        dispatcher,
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
        if let Some(d) = self.dispatcher.borrow().as_ref() {
            d.dispatch(action);
        }
    }

    /// Replaces the data with JSON text.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&mut self, json: String) {
        self.props.source = DataSource::Json(Rc::from(json.as_str()));
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    /// Loads the data from a URL.
    #[wasm_bindgen(js_name = setDataUrl)]
    pub fn set_data_url(&mut self, url: String) {
        self.props.source = DataSource::Url(url.into());
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    /// Sets the filter: `{ orgs, kinds, text }`; a missing key shows all.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&self, filter: JsValue) {
        self.dispatch(Action::SetFilter(Filter {
            orgs: get_list(&filter, "orgs").map(|l| l.into_iter().collect()),
            kinds: get_list(&filter, "kinds").map(kinds_of),
            text: get_string(&filter, "text").unwrap_or_default(),
        }));
    }

    /// Shows the window from `start` to `end` (YYYY, YYYY-MM or YYYY-MM-DD).
    #[wasm_bindgen(js_name = setWindow)]
    pub fn set_window(&self, start: String, end: String) -> Result<(), JsValue> {
        let (Some(a), Some(b)) = (parse_url_date(&start, false), parse_url_date(&end, true)) else {
            return Err(JsValue::from_str(
                "movement-timeline: setWindow takes dates as YYYY, YYYY-MM or YYYY-MM-DD",
            ));
        };
        self.dispatch(Action::ShowRange {
            start_day: f64::from(a),
            end_day: f64::from(b) + 1.0,
        });
        Ok(())
    }

    /// Sets the theme: `auto`, `light` or `dark`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: String) {
        match Theme::parse(&theme) {
            Some(t) => self.dispatch(Action::SetTheme(t)),
            None => warn(&format!("unknown theme \"{theme}\"")),
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
                self.set_data_url("data/movements.json".into());
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
        *self.dispatcher.borrow_mut() = None;
        self.container.remove();
        clear(&self.shadow);
    }
}
