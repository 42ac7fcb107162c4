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
//! through serde-wasm-bindgen ([`options`]); unknown keys are warned about.

pub mod options;

use crate::core::align::Align;
use crate::core::data::EventKind;
use crate::core::date::iso_day;
use crate::core::export::ExportFormat;
use crate::core::filter::{Filter, IdSet, KindSet};
use crate::core::i18n::{Lang, Msg};
use crate::core::url_state::{window_edge, ViewState};
use crate::state::{Action, Theme};
use crate::view::{dom::warn, DataSource, Timeline, TimelineProps, WheelZoom, WidgetEvent};
use options::{
    to_js, ErrorDetail, FilterOptions, Height, IdList, MountOptions, RangeDetail, ReadyDetail,
    SelectDetail,
};
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

fn kinds_of(list: IdList) -> KindSet {
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

/// The window from `start` and `end`: dates, or days since founding
/// (`120d`) for the view aligned by founding (`founding`); `None` with a
/// warning when either is neither, the two differ in kind or from the
/// alignment, or the window is reversed (it is then left alone).
fn window_of(start: &str, end: &str, founding: bool) -> Option<(i32, i32)> {
    let (a, b) = (window_edge(start, false), window_edge(end, true));
    match (a, b) {
        (Some((_, x)), Some((_, y))) if x != founding || y != founding => {
            warn(&format!(
                "the window {start} to {end}: dates by calendar, days since founding (120d) when aligned by founding; it was ignored"
            ));
            None
        }
        (Some((a, _)), Some((b, _))) if a <= b => Some((a, b)),
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

/// The widget's properties, and its height as a CSS length.
fn props_from_options(options: JsValue) -> Result<(TimelineProps, Option<String>), JsValue> {
    let o: MountOptions = options::read(options, "mount options", |key: &str| {
        warn(&format!(
            "unknown option \"{key}\" ignored (movement-timeline.d.ts lists the options)"
        ))
    })?;
    let source = if let Some(text) = o.data.dyn_ref::<js_sys::JsString>() {
        DataSource::Text(text.clone())
    } else if o.data.is_object() {
        DataSource::Object(o.data.clone())
    } else if let Some(url) = &o.data_url {
        DataSource::Url(url.clone().into())
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
    match o.align.as_deref().map(|a| (a, Align::parse(a))) {
        Some((_, Some(align))) => view.align = align,
        Some((other, None)) => warn(&format!(
            "align \"{other}\" is not calendar or founding; using calendar"
        )),
        None => {}
    }
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
        if let Some((a, b)) = window_of(&a, &b, view.align == Align::Founding) {
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
    let lang = o.lang.as_deref().and_then(|tag| {
        let lang = Lang::parse(tag);
        if lang.is_none() {
            warn(&format!(
                "lang \"{tag}\" is not supported (en, ru); the page's language is used"
            ));
        }
        lang
    });
    let height = o.height.as_ref().and_then(Height::css);
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
        exporter: o.exporter.dyn_into::<js_sys::Function>().ok(),
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
    match event {
        WidgetEvent::Select {
            id,
            title,
            date,
            org,
            kind,
        } => (
            "select",
            to_js(&SelectDetail {
                id,
                title,
                date,
                org,
                kind,
            }),
        ),
        WidgetEvent::Deselect => ("select", JsValue::NULL),
        WidgetEvent::RangeChange {
            start_day,
            end_day,
            align,
        } => {
            let edge = |d: i32| match align {
                Align::Calendar => iso_day(d),
                Align::Founding => format!("{d}d"),
            };
            (
                "rangechange",
                to_js(&RangeDetail {
                    start: edge(*start_day),
                    end: edge(*end_day),
                    align: align.as_str(),
                }),
            )
        }
        WidgetEvent::Error { message, location } => {
            ("error", to_js(&ErrorDetail { message, location }))
        }
        WidgetEvent::Ready { events } => (
            "ready",
            to_js(&ReadyDetail {
                events: u32::try_from(*events).unwrap_or(u32::MAX),
            }),
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
        let filter = if filter.is_undefined() || filter.is_null() {
            FilterOptions::default()
        } else {
            options::read(filter, "setFilter", |key: &str| {
                warn(&format!(
                    "unknown filter key \"{key}\" ignored (orgs, kinds, text)"
                ))
            })?
        };
        self.dispatch(Action::SetFilter(Filter {
            orgs: filter.orgs.map(|l| l.0.into_iter().collect()),
            kinds: filter.kinds.map(kinds_of),
            text: filter.text.unwrap_or_default(),
        }));
        Ok(())
    }

    /// Shows the window from `start` to `end` (YYYY, YYYY-MM or YYYY-MM-DD;
    /// days since founding, `120d`, when aligned by founding); a reversed
    /// or unreadable window is left alone, with a warning.
    #[wasm_bindgen(js_name = setWindow)]
    pub fn set_window(&self, start: String, end: String) {
        let founding = start.ends_with('d') && end.ends_with('d');
        if let Some((a, b)) = window_of(&start, &end, founding) {
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
        let format = ExportFormat::parse(&format).unwrap_or(ExportFormat::Json);
        self.dispatch(Action::Export {
            format,
            download: false,
        });
    }

    /// Places the lanes by date (`calendar`) or by time since each
    /// organisation's founding (`founding`).
    #[wasm_bindgen(js_name = setAlign)]
    pub fn set_align(&self, align: String) {
        match Align::parse(&align) {
            Some(a) => self.dispatch(Action::SetAlign(a)),
            None => warn(&format!(
                "align \"{align}\" is not calendar or founding; ignored"
            )),
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
