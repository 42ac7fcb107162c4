//! The widget's view: one Yew component over the reducer in `state`.
//!
//! What is drawn comes from `core` through the state (`State::drawn`:
//! layout, axis, counts); `render` writes it as markup text, which
//! [`markup::html`] turns into Yew's virtual DOM. Input is handled by a few
//! listeners on a wrapper around it that read what was acted on from
//! `data-act` attributes, so the hundreds of marks and buttons carry no
//! closures of their own.

pub mod dom;
pub mod load;
mod markup;

use crate::core::data::Dataset;
use crate::core::date::Day;
use crate::core::i18n::Lang;
use crate::core::navigate::Step;
use crate::core::scale::TimeScale;
use crate::core::url_state::{is_meaningful_change, ViewState};
use crate::state::{Action, Brush, Load, Shared, State, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::core::scale::fmt_px;
pub use load::DataSink;

/// Where a widget's dataset comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// Fetched from a URL (relative to the page) by the page's loader.
    Url(AttrValue),
    /// JSON text.
    Json(Rc<str>),
    /// JSON text the page holds (a JavaScript string): read a piece at a
    /// time, so the whole text is never copied into the module's memory.
    Text(js_sys::JsString),
    /// A JavaScript object (already parsed by the page).
    Object(wasm_bindgen::JsValue),
    /// Already read (the prerender at build time).
    Parsed(Shared<Dataset>),
}

/// When the mouse wheel zooms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WheelZoom {
    /// Always: the wheel over the timeline zooms it.
    #[default]
    Always,
    /// Only with Ctrl or ⌘ held, so page scrolling is never trapped.
    Modifier,
}

/// Properties of the whole widget.
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// The dataset.
    pub source: DataSource,
    /// The initial colour theme.
    #[prop_or_default]
    pub theme: Theme,
    /// When the wheel zooms.
    #[prop_or_default]
    pub wheel_zoom: WheelZoom,
    /// Keep the view in the page's URL fragment (the full page does; embeds
    /// do not, since the host's URL is not theirs).
    #[prop_or_default]
    pub url_state: bool,
    /// A view to start from (initial filters and window from the embedder).
    #[prop_or_default]
    pub initial_view: Option<ViewState>,
    /// The language the page asked for; otherwise the browser's.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// Today, fixed (the prerender); otherwise the browser's clock.
    #[prop_or_default]
    pub today: Option<Day>,
    /// A fixed plot width (the prerender); otherwise the measured one.
    #[prop_or_default]
    pub width_px: Option<f64>,
    /// The page's data loader: `loader(url, sink)` fetches `url` and feeds
    /// it to the [`DataSink`] as it arrives.
    #[prop_or_default]
    pub loader: Option<js_sys::Function>,
    /// The page's exporter: `exporter(format, name, text, download)` gets
    /// each export (see `core::export` and `render::export`).
    #[prop_or_default]
    pub exporter: Option<js_sys::Function>,
    /// Receives the widget's dispatcher once mounted (the embedding API
    /// drives the widget through it).
    #[prop_or_default]
    pub onready: Option<Callback<Dispatch>>,
    /// Receives what happens, for the embedding page.
    #[prop_or_default]
    pub onevent: Option<Callback<WidgetEvent>>,
}

/// What a widget tells the page that embeds it.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent {
    /// The data loaded and is shown.
    Ready {
        /// Number of events.
        events: usize,
    },
    /// An event was selected.
    Select {
        /// Its id.
        id: String,
        /// Its title.
        title: String,
        /// Its date in words.
        date: String,
        /// Its organisation's id.
        org: String,
        /// Its kind.
        kind: &'static str,
    },
    /// The selection was cleared.
    Deselect,
    /// The visible window changed.
    RangeChange {
        /// First visible day.
        start_day: Day,
        /// Last visible day.
        end_day: Day,
    },
    /// Loading failed.
    Error {
        /// What went wrong.
        message: String,
        /// Where, when known.
        location: String,
    },
}

impl TimelineProps {
    /// Defaults for a full page: automatic theme, the wheel always zooms,
    /// the view in the URL.
    pub fn for_page(source: DataSource) -> TimelineProps {
        TimelineProps {
            source,
            theme: Theme::Auto,
            wheel_zoom: WheelZoom::Always,
            url_state: true,
            initial_view: None,
            lang: None,
            today: None,
            width_px: None,
            loader: None,
            exporter: None,
            onready: None,
            onevent: None,
        }
    }
}

/// What was last reported or applied, so each change happens once.
#[derive(Default)]
struct Notified {
    focus_request: u32,
    view: Option<ViewState>,
    select: Option<Option<String>>,
    range: Option<(Day, Day)>,
    /// The last outcome told: the events and the dataset's address, or
    /// the error.
    outcome: Option<Result<(usize, usize), String>>,
    warned: Vec<String>,
    export: u32,
}

/// Pointers down on the plot or a strip.
#[derive(Default)]
struct Gesture {
    /// Pointer id and last x (relative to its zone).
    pointers: Vec<(i32, f64)>,
    /// Pixels moved since the first pointer went down.
    travel_px: f64,
    /// The zone the gesture started in.
    zone: String,
    /// The last gesture moved (a drag or a brush), so the click the browser
    /// sends when the button comes up is not a click on what is under it.
    dragged: bool,
}

/// The zoom factor of a wheel step: about 1.22 per 100 pixels, capped.
/// (The browser's `Math.exp`: Rust's would bring libm's into the module.)
fn wheel_factor(delta_y_px: f64) -> f64 {
    js_sys::Math::exp(-delta_y_px.clamp(-600.0, 600.0) * 0.002)
}

/// How actions reach the widget: the embedding API, the data loader and
/// the input handlers all send them through this.
pub type Dispatch = Callback<Action>;

/// What the input handlers share: the latest state, the way back to the
/// widget, pointers down, and input gathered per animation frame.
struct Input {
    state: RefCell<Rc<State>>,
    dispatch: Dispatch,
    gesture: RefCell<Gesture>,
    frame: Rc<dom::Coalesced>,
    modifier_only: bool,
}

/// The events the widget listens to on its own element: one handler for
/// all of them, so the module holds one listener shim, not one per event.
const INPUT_EVENTS: [&str; 11] = [
    "wheel",
    "click",
    "keydown",
    "input",
    "pointerdown",
    "pointermove",
    "pointerup",
    "pointercancel",
    "dblclick",
    "mouseover",
    "focusin",
];

impl Input {
    fn handle(&self, e: &web_sys::Event) {
        let kind = e.type_();
        match kind.as_str() {
            "wheel" => self.wheel(e.unchecked_ref()),
            "click" => self.click(e.unchecked_ref()),
            "keydown" => self.key(e.unchecked_ref()),
            "input" => {
                if let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    if input.get_attribute("data-act").as_deref() == Some("search") {
                        self.dispatch.emit(Action::SetText(input.value()));
                    }
                }
            }
            "pointerdown" => self.pointer_down(e.unchecked_ref()),
            "pointermove" => self.pointer_move(e.unchecked_ref()),
            "pointerup" | "pointercancel" => self.pointer_up(e.unchecked_ref()),
            "dblclick" => {
                let e: &web_sys::MouseEvent = e.unchecked_ref();
                if let Some((zone, x)) = dom::zone_x(e.target(), e.client_x()) {
                    if zone == "plot" {
                        self.dispatch.emit(Action::ZoomAt {
                            anchor_px: x,
                            factor: 2.0,
                        });
                    }
                }
            }
            // Hovering or focusing a chart point reads out its number and
            // source.
            _ => {
                let point = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("[data-point]").ok().flatten())
                    .and_then(|el| dom::num_attr::<usize>(&el, "data-point"));
                if point.is_some() && point != self.state.borrow().chart.readout {
                    self.dispatch.emit(Action::Readout(point));
                }
            }
        }
    }

    fn wheel(&self, e: &web_sys::WheelEvent) {
        let Some((zone, x)) = dom::zone_x(e.target(), e.client_x()) else {
            return;
        };
        if zone == "overview" || (self.modifier_only && !(e.ctrl_key() || e.meta_key())) {
            return;
        }
        e.prevent_default();
        let unit = match e.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
        if dx.abs() > dy.abs() {
            self.frame.pan.set(self.frame.pan.get() - dx);
        } else {
            self.frame.zoom(x, wheel_factor(dy));
        }
        self.frame.schedule(&self.dispatch);
    }

    fn click(&self, e: &web_sys::MouseEvent) {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Callback);
        // A drag that began on a mark or a button ends with a click on it:
        // the drag was what the reader meant.
        if std::mem::take(&mut self.gesture.borrow_mut().dragged) {
            return;
        }
        let Some((el, act)) = dom::acted_on(e.target()) else {
            return;
        };
        let action = click_action(&self.state.borrow(), &el, &act);
        if let Some(action) = action {
            e.stop_propagation();
            self.dispatch.emit(action);
        } else if act == "copy" {
            let d = self.dispatch.clone();
            dom::copy_page_url(move |r| d.emit(Action::Copied(r)));
        }
    }

    fn key(&self, e: &web_sys::KeyboardEvent) {
        // A click from the keyboard follows; it is the reader's.
        self.gesture.borrow_mut().dragged = false;
        let on = dom::acted_on(e.target());
        let on_event = on
            .as_ref()
            .filter(|(_, act)| act == "event")
            .and_then(|(el, _)| dom::num_attr::<usize>(el, "data-index"));
        let in_plot = on.as_ref().is_some_and(|(_, act)| act == "plot");
        let action = key_action(&self.state.borrow(), &e.key(), on_event, in_plot);
        if let Some(action) = action {
            e.prevent_default();
            self.dispatch.emit(action);
        }
    }

    fn pointer_down(&self, e: &web_sys::PointerEvent) {
        // A new press: whatever the last one did, its click has passed.
        self.gesture.borrow_mut().dragged = false;
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        let Some((zone, x)) = dom::zone_x(e.target(), e.client_x()) else {
            return;
        };
        let mut g = self.gesture.borrow_mut();
        if g.pointers.is_empty() {
            g.travel_px = 0.0;
            g.zone = zone.clone();
        }
        g.pointers.retain(|(id, _)| *id != e.pointer_id());
        g.pointers.push((e.pointer_id(), x));
        drop(g);
        if zone != "plot" {
            capture(e);
            self.dispatch.emit(Action::Brush(Some(Brush {
                from_px: x,
                to_px: x,
                overview: zone == "overview",
            })));
        }
    }

    fn pointer_move(&self, e: &web_sys::PointerEvent) {
        let s = self.state.borrow().clone();
        let mut g = self.gesture.borrow_mut();
        let zone_now = dom::zone_x(e.target(), e.client_x());
        let Some(at) = g.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else {
            drop(g);
            // Hovering the chart: name the nearest event marker.
            if let Some((_, x)) = zone_now.filter(|(z, _)| z == "chart") {
                let near = crate::render::chart::marker_near(&s, x);
                if near != s.chart.marker {
                    self.dispatch.emit(Action::Marker(near));
                }
            }
            return;
        };
        // Positions relative to the zone the gesture started in.
        let last = g.pointers.get(at).map_or(0.0, |p| p.1);
        let x = match &zone_now {
            Some((z, x)) if *z == g.zone => *x,
            _ => last + f64::from(e.movement_x()),
        };
        g.travel_px += (x - last).abs();
        if let Some(p) = g.pointers.get_mut(at) {
            p.1 = x;
        }
        let action = if g.zone != "plot" {
            s.chart
                .brush
                .map(|b| Action::Brush(Some(Brush { to_px: x, ..b })))
        } else if g.pointers.len() >= 2 {
            // Pinch: around the finger that did not move, so the day under
            // each finger stays under it.
            g.pointers
                .iter()
                .find(|(id, _)| *id != e.pointer_id())
                .map(|&(_, other)| Action::ZoomAt {
                    anchor_px: other,
                    factor: (x - other).abs().max(1.0) / (last - other).abs().max(1.0),
                })
        } else {
            if g.travel_px > 3.0 {
                capture(e);
                self.frame.pan.set(self.frame.pan.get() + x - last);
                self.frame.schedule(&self.dispatch);
            }
            None
        };
        drop(g);
        if let Some(action) = action {
            self.dispatch.emit(action);
        }
    }

    fn pointer_up(&self, e: &web_sys::PointerEvent) {
        {
            let mut g = self.gesture.borrow_mut();
            let tracked = g.pointers.iter().any(|(id, _)| *id == e.pointer_id());
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.dragged = tracked && g.travel_px > 3.0;
        }
        let s = self.state.borrow().clone();
        if let Some(b) = s.chart.brush {
            self.dispatch.emit(Action::Brush(None));
            let scale = if b.overview {
                TimeScale::fit(&s.limits, s.scale.width_px)
            } else {
                s.scale
            };
            let (a, z) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
            if z - a > 4.0 {
                self.dispatch.emit(Action::ShowRange {
                    start_day: scale.unmap(a),
                    end_day: scale.unmap(z),
                });
            }
        }
    }
}

/// Keeps a pointer's events on the element it went down on.
fn capture(e: &web_sys::PointerEvent) {
    if let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = el.set_pointer_capture(e.pointer_id());
    }
}

/// The widget: one component over the reducer in `state`.
pub struct Timeline {
    input: Rc<Input>,
    root: NodeRef,
    notified: Notified,
    /// The source last read and the retry count then.
    loaded: Option<(DataSource, u32)>,
    /// This widget's loads, numbered: the latest wins.
    loads: load::Loads,
    /// Listeners and the width observer, removed when the widget goes.
    keep: (Vec<dom::Listener>, Option<dom::WidthObserver>),
}

impl Timeline {
    fn state(&self) -> Rc<State> {
        self.input.state.borrow().clone()
    }

    /// Once mounted: width, input, the URL, the language, the embedder.
    fn mount(&mut self, props: &TimelineProps) {
        let dispatch = &self.input.dispatch;
        if let Some(el) = self.root.cast::<web_sys::Element>() {
            if props.width_px.is_none() {
                if let Ok(Some(plot)) = el.query_selector(".mt-plot") {
                    let d = dispatch.clone();
                    self.keep.1 = dom::observe_width(&plot, move |width_px| {
                        d.emit(Action::Resize { width_px })
                    });
                }
            }
            let input = self.input.clone();
            let handler: Rc<dyn Fn(&web_sys::Event)> = Rc::new(move |e| input.handle(e));
            for kind in INPUT_EVENTS {
                self.keep.0.extend(dom::listen(&el, kind, handler.clone()));
            }
        }
        // The language: the page's choice, else the browser's.
        if props.lang.is_none() {
            if let Some(l) = dom::browser_language().and_then(|t| Lang::parse(&t)) {
                dispatch.emit(Action::SetLang(l, false));
            }
        }
        if let Some(w) = web_sys::window() {
            if props.url_state {
                dispatch.emit(Action::ApplyView(dom::read_fragment()));
            }
            // Printing shows the whole shown history and the list with
            // quotes; the view comes back afterwards.
            let d = dispatch.clone();
            let url_state = props.url_state;
            let on_window: Rc<dyn Fn(&web_sys::Event)> =
                Rc::new(move |e| match e.type_().as_str() {
                    "beforeprint" => d.emit(Action::Print(true)),
                    "afterprint" => d.emit(Action::Print(false)),
                    _ if url_state => d.emit(Action::ApplyView(dom::read_fragment())),
                    _ => {}
                });
            for kind in ["beforeprint", "afterprint", "popstate"] {
                self.keep.0.extend(dom::listen(&w, kind, on_window.clone()));
            }
        }
        if let Some(cb) = &props.onready {
            cb.emit(dispatch.clone());
        }
    }
}

impl Component for Timeline {
    type Message = Action;
    type Properties = TimelineProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        let mut s = State::new(props.today.unwrap_or_else(dom::today), props.theme);
        s.pending = props.initial_view.clone();
        if let Some(l) = props.lang {
            s.lang = l;
        }
        let mut state = Rc::new(s);
        if let Some(width_px) = props.width_px {
            state = state.apply(Action::Resize { width_px });
        }
        Timeline {
            input: Rc::new(Input {
                state: RefCell::new(state),
                dispatch: ctx.link().callback(|a: Action| a),
                gesture: RefCell::default(),
                frame: Rc::default(),
                modifier_only: props.wheel_zoom == WheelZoom::Modifier,
            }),
            root: NodeRef::default(),
            notified: Notified::default(),
            loaded: None,
            loads: load::Loads::default(),
            keep: (Vec::new(), None),
        }
    }

    fn update(&mut self, _ctx: &Context<Self>, action: Action) -> bool {
        let now = self.state();
        let next = now.clone().apply(action);
        let changed = !Rc::ptr_eq(&now, &next);
        *self.input.state.borrow_mut() = next;
        changed
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Render);
        let mut text = crate::core::markup::Markup::new(true);
        crate::render::widget(&mut text, &self.state(), ctx.props().url_state);
        html! {
            <div class="mt-shell" ref={self.root.clone()}>
                { markup::html(&text.out) }
            </div>
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        // A download still under way is stopped: its outcome has no widget.
        self.loads.supersede();
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        let props = ctx.props();
        let s = self.state();
        // Data: read the source whenever it (or a retry) changes.
        let source = (props.source.clone(), s.reloads);
        if self.loaded.as_ref() != Some(&source) {
            self.loaded = Some(source);
            load::start(
                props.source.clone(),
                props.loader.clone(),
                self.input.dispatch.clone(),
                self.loads.next(),
            );
        }
        if first_render {
            self.mount(props);
        }
        // After every render: the export, focus, the URL, and what the
        // embedder is told.
        let last = &mut self.notified;
        if s.export.0 != last.export {
            last.export = s.export.0;
            if let Some(f) = &props.exporter {
                dom::export(f, &s);
            }
        }
        after_render(
            &s,
            &self.root,
            props.url_state,
            props.onevent.as_ref(),
            last,
        );
    }
}

/// The action a click on an element with `data-act` asks for.
fn click_action(s: &State, el: &web_sys::Element, act: &str) -> Option<Action> {
    let half = s.scale.width_px / 2.0;
    let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
    Some(match act {
        "zoom-in" => Action::ZoomAt {
            anchor_px: half,
            factor: 2.0,
        },
        "zoom-out" => Action::ZoomAt {
            anchor_px: half,
            factor: 0.5,
        },
        "fit" => Action::Fit,
        "list" => Action::ToggleList,
        "export-menu" => Action::ToggleExportMenu,
        "export" => Action::Export(
            match attr("data-format").as_str() {
                "svg" => "svg",
                "png" => "png",
                "csv" => "csv",
                _ => "json",
            },
            true,
        ),
        "theme" => Action::CycleTheme,
        "lang" => Action::SetLang(Lang::parse(&attr("data-lang"))?, true),
        "reset" => Action::ResetFilters,
        "org" => Action::ToggleOrg(attr("data-org")),
        "kind" => Action::ToggleKind(crate::core::data::EventKind::parse(&attr("data-kind"))?),
        "event" => Action::Open(dom::num_attr(el, "data-index")?),
        "cluster" => {
            // Whole days: reading floats would pull a parser and its tables
            // into the module.
            let (a, z): (i64, i64) = (
                dom::num_attr(el, "data-from")?,
                dom::num_attr(el, "data-to")?,
            );
            let (a, z) = (a as f64, z as f64);
            let pad = ((z - a) * 0.1).max(3.0);
            Action::ShowRange {
                start_day: a - pad,
                end_day: z + pad,
            }
        }
        "close" => Action::Close,
        "prev" => Action::Browse(-1),
        "next" => Action::Browse(1),
        "retry" => Action::Retry,
        "counts" => Action::ChartGrowth(false),
        "growth" => Action::ChartGrowth(true),
        "table" => Action::ChartTable,
        "point" => Action::Readout(dom::num_attr(el, "data-point")),
        _ => return None,
    })
}

/// The action a key asks for, on an event mark (`on_event`) or elsewhere.
fn key_action(s: &State, key: &str, on_event: Option<usize>, in_plot: bool) -> Option<Action> {
    let half = s.scale.width_px / 2.0;
    let w = s.scale.width_px;
    Some(match (key, on_event) {
        ("Escape", _) if s.selected.is_some() => Action::Close,
        ("Enter" | " ", Some(i)) => Action::Open(i),
        (_, None) if !in_plot => return None,
        ("+" | "=", _) => Action::ZoomAt {
            anchor_px: half,
            factor: 1.5,
        },
        ("-" | "_", _) => Action::ZoomAt {
            anchor_px: half,
            factor: 1.0 / 1.5,
        },
        ("ArrowRight", Some(_)) => Action::Step(Step::Next),
        ("ArrowLeft", Some(_)) => Action::Step(Step::Prev),
        ("ArrowUp", Some(_)) => Action::Step(Step::LaneUp),
        ("ArrowDown", Some(_)) => Action::Step(Step::LaneDown),
        ("Home", Some(_)) => Action::Step(Step::First),
        ("End", Some(_)) => Action::Step(Step::Last),
        ("ArrowRight", None) => Action::PanBy { dx_px: -w * 0.2 },
        ("ArrowLeft", None) => Action::PanBy { dx_px: w * 0.2 },
        ("Home", None) => Action::ToEdge { start: true },
        ("End", None) => Action::ToEdge { start: false },
        ("Enter" | "ArrowDown", None) => match s.focused {
            Some(f) => Action::Focus(f),
            None => Action::Step(Step::Next),
        },
        _ => return None,
    })
}

/// Focus, the URL and the embedder's events, after a render.
fn after_render(
    s: &State,
    root: &NodeRef,
    url_state: bool,
    onevent: Option<&Callback<WidgetEvent>>,
    last: &mut Notified,
) {
    dom::set_current_lang(s.lang);
    for id in &s.ignored_orgs {
        if !last.warned.contains(id) {
            let known: Vec<&str> = s
                .data()
                .map(|d| d.organisations.iter().map(|o| o.id.as_str()).collect())
                .unwrap_or_default();
            dom::warn(&format!(
                "unknown organisation \"{id}\" ignored (the organisations are: {})",
                known.join(", ")
            ));
            last.warned.push(id.clone());
        }
    }
    if s.focus_request != last.focus_request {
        last.focus_request = s.focus_request;
        if let (Some(el), Some(f)) = (root.cast::<web_sys::Element>(), s.focused) {
            dom::focus_event(&el, f);
        }
    }
    let ready = matches!(s.load, Load::Ready(_));
    if url_state && ready {
        let view = s.view_state();
        if last.view.as_ref() != Some(&view) {
            let meaningful = last
                .view
                .as_ref()
                .is_some_and(|p| is_meaningful_change(p, &view));
            dom::write_fragment(&view, meaningful);
            last.view = Some(view);
        }
    }
    let Some(cb) = onevent else {
        return;
    };
    let outcome = match &s.load {
        // Each dataset is its own outcome (`ready` again for new data of
        // the same size): told apart by where it lives.
        Load::Ready(d) => Some(Ok((d.events.len(), Rc::as_ptr(&d.0) as usize))),
        Load::Failed(e) => Some(Err(crate::render::error_text(e, s.lang).0)),
        Load::Loading => None,
    };
    if outcome.is_some() && outcome != last.outcome {
        last.outcome = outcome.clone();
        cb.emit(match (&s.load, outcome) {
            (_, Some(Ok((events, _)))) => WidgetEvent::Ready { events },
            (Load::Failed(e), _) => {
                let (message, location) = crate::render::error_text(e, s.lang);
                WidgetEvent::Error { message, location }
            }
            _ => return,
        });
    }
    if let Some(data) = s.data() {
        let selected = s.selected.and_then(|i| data.events.get(i));
        let id = selected.map(|e| data.text(e.id).to_owned());
        if last.select.as_ref() != Some(&id) {
            let first = last.select.is_none();
            last.select = Some(id);
            match selected {
                Some(e) => cb.emit(WidgetEvent::Select {
                    id: data.text(e.id).to_owned(),
                    title: data.text(e.title).to_owned(),
                    date: e.date.label(),
                    org: data
                        .organisations
                        .get(e.org)
                        .map(|o| o.id.clone())
                        .unwrap_or_default(),
                    kind: e.kind.as_str(),
                }),
                None if !first => cb.emit(WidgetEvent::Deselect),
                None => {}
            }
        }
        let range = (
            s.scale.start_day.floor() as Day,
            s.scale.end_day.ceil() as Day - 1,
        );
        if last.range != Some(range) && s.scale.width_px > 0.0 {
            last.range = Some(range);
            cb.emit(WidgetEvent::RangeChange {
                start_day: range.0,
                end_day: range.1,
            });
        }
    }
}
