//! The widget in the browser: the [`Timeline`] component that owns the
//! state and renders the components of `crate::components`, with what only
//! a browser has: gestures (`input`), the DOM and the URL (`dom`), loading
//! (`load`).

pub mod dom;
mod input;
pub mod load;

use crate::components::export::{exported, file_name, table_text, with_style, ExportSvg};
use crate::components::{Gestures, Widget};
use crate::core::data::Dataset;
use crate::core::date::Day;
use crate::core::i18n::Lang;
use crate::core::url_state::{is_meaningful_change, ViewState};
use crate::state::{Action, Effect, Load, Shared, State, Theme};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

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
        /// First visible day (by calendar, or since founding).
        start_day: Day,
        /// Last visible day.
        end_day: Day,
        /// How the days are counted.
        align: crate::core::align::Align,
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
    /// The number of the last effect done.
    effect: u32,
    view: Option<ViewState>,
    select: Option<Option<String>>,
    range: Option<(Day, Day)>,
    /// The last outcome told: the events and the dataset's address, or
    /// the error.
    outcome: Option<Result<(usize, usize), String>>,
    warned: Vec<String>,
}

/// How actions reach the widget: the embedding API, the data loader and
/// the input handlers all send them through this.
pub type Dispatch = Callback<Action>;

/// The widget in the browser: a struct component that owns the state (one
/// reducer, `State::apply`), renders [`Widget`], and does what the state
/// asks of the world after each render (effects, the URL, the embedder's
/// events, loading).
pub struct Timeline {
    input: Rc<input::Input>,
    /// The actions of the buttons (through the drag check) and gestures.
    send: Callback<Action>,
    gestures: Gestures,
    root: NodeRef,
    export_holder: NodeRef,
    notified: Notified,
    /// The source last read and the retry count then.
    loaded: Option<(DataSource, u32)>,
    /// This widget's loads, numbered: the latest wins.
    loads: load::Loads,
    /// Window listeners and the width observer, removed when the widget goes.
    keep: (Vec<EventListener>, Option<dom::WidthObserver>),
}

impl Timeline {
    fn state(&self) -> Rc<State> {
        self.input.state.borrow().clone()
    }

    /// Once mounted: width, the URL, the language, printing, the embedder.
    fn mount(&mut self, ctx: &Context<Self>) {
        let props = ctx.props();
        let dispatch = ctx.link().callback(|a: Action| a);
        if let Some(el) = self.root.cast::<web_sys::Element>() {
            if props.width_px.is_none() {
                if let Ok(Some(plot)) = el.query_selector(".mt-plot") {
                    let d = dispatch.clone();
                    self.keep.1 = dom::observe_width(&plot, move |width_px| {
                        d.emit(Action::Resize { width_px })
                    });
                }
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
                let d = dispatch.clone();
                self.keep
                    .0
                    .push(EventListener::new(&w, "popstate", move |_| {
                        d.emit(Action::ApplyView(dom::read_fragment()))
                    }));
            }
            // Printing shows the whole shown history and the list with
            // quotes; the view comes back afterwards.
            for (kind, printing) in [("beforeprint", true), ("afterprint", false)] {
                let d = dispatch.clone();
                self.keep.0.push(EventListener::new(&w, kind, move |_| {
                    d.emit(Action::Print(printing))
                }));
            }
        }
        if let Some(cb) = &props.onready {
            cb.emit(dispatch);
        }
    }

    /// Does the effects queued since the last render, then drops them.
    fn drain_effects(&mut self, ctx: &Context<Self>, s: &State) {
        let mut done = None;
        for &(n, effect) in s.effects.iter().filter(|(n, _)| *n > self.notified.effect) {
            done = Some(n);
            match effect {
                Effect::Focus(event) => {
                    if let Some(el) = self.root.cast::<web_sys::Element>() {
                        dom::focus_event(&el, event);
                    }
                }
                Effect::Export { format, download } => {
                    let text = if format.is_picture() {
                        self.export_holder
                            .cast::<web_sys::Element>()
                            .and_then(|h| h.first_element_child())
                            .and_then(|svg| dom::serialize(&svg))
                            .map(|text| with_style(&text))
                    } else {
                        table_text(s, format)
                    };
                    if let Some(f) = &ctx.props().exporter {
                        dom::export(f, format, file_name(s, format), text, download);
                    }
                }
                Effect::CopyLink => {
                    let d = ctx.link().callback(Action::Copied);
                    dom::copy_page_url(move |r| d.emit(r));
                }
            }
        }
        if let Some(n) = done {
            self.notified.effect = n;
            ctx.link().send_message(Action::EffectsDone(n));
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
        let input = input::Input::new(
            state,
            ctx.link().callback(|a: Action| a),
            props.wheel_zoom == WheelZoom::Modifier,
        );
        Timeline {
            send: input.send(),
            gestures: input.gestures(),
            input,
            root: NodeRef::default(),
            export_holder: NodeRef::default(),
            notified: Notified::default(),
            loaded: None,
            loads: load::Loads::default(),
            keep: (Vec::new(), None),
        }
    }

    fn update(&mut self, _ctx: &Context<Self>, action: Action) -> bool {
        let now = self.state();
        let panned_px = match action {
            Action::PanBy { dx_px } => Some(dx_px),
            _ => None,
        };
        let next = now.clone().apply(action);
        let changed = !Rc::ptr_eq(&now, &next);
        *self.input.state.borrow_mut() = next;
        // The drag's transforms follow the state (a pan clamped at the
        // data's edge changes nothing and renders nothing).
        self.input.applied(panned_px);
        changed
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Render);
        let s = self.state();
        // A picture export is drawn by the same components into a hidden
        // holder, serialised after this render, and dropped at the next.
        // The holder is always there, so adding its picture never moves
        // the widget in Yew's diff.
        let export = s
            .picture_export()
            .map(|_| html! { <ExportSvg state={Shared(exported(&s))} style=false /> });
        html! {
            <div class="mt-shell" ref={self.root.clone()}>
                <Widget state={Shared(s.clone())} send={self.send.clone()}
                    gestures={self.gestures.clone()} copy_link={ctx.props().url_state} />
                <div class="mt-export-holder" hidden=true ref={self.export_holder.clone()}>
                    { export }
                </div>
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
                ctx.link().callback(|a: Action| a),
                self.loads.next(),
            );
        }
        if first_render {
            self.mount(ctx);
        }
        // After every render: effects, the URL, and what the embedder is
        // told.
        self.drain_effects(ctx, &s);
        after_render(
            &s,
            props.url_state,
            props.onevent.as_ref(),
            &mut self.notified,
        );
    }
}

/// Focus, the URL and the embedder's events, after a render.
fn after_render(
    s: &State,
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
        Load::Failed(e) => Some(Err(crate::components::error_text(e, s.lang).0)),
        Load::Loading => None,
    };
    if outcome.is_some() && outcome != last.outcome {
        last.outcome = outcome.clone();
        cb.emit(match (&s.load, outcome) {
            (_, Some(Ok((events, _)))) => WidgetEvent::Ready { events },
            (Load::Failed(e), _) => {
                let (message, location) = crate::components::error_text(e, s.lang);
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
                align: s.align,
            });
        }
    }
}
