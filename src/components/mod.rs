//! What the widget draws: Yew components written with `html!`, pure
//! functions of the state. They compile for the browser and natively, so
//! the prerendered page (Yew's server renderer) and the render tests use
//! the very components the widget renders with.
//!
//! The tree: [`Widget`] → [`toolbar::Toolbar`], [`filters::FilterBar`],
//! the plot ([`lanes::Lanes`], or [`rows::Rows`] on a phone),
//! [`chart::MembershipChart`], [`filters::Legend`],
//! [`details::EventDetails`] and [`list::EventList`]; [`list::ErrorPanel`]
//! when loading failed; [`export::ExportSvg`] draws the picture export.
//! Components whose props do not depend on the window (the toolbar,
//! filters, legend, details) are skipped by a zoom frame. Parts that are
//! drawn whenever their parent is (the time axis, the export menu, the
//! warnings, a mark) are functions returning `Html`: a component costs
//! about 0.8 KB gzip of Yew's lifecycle code each (measured), and these
//! would never skip a render.
//!
//! Buttons send typed [`Action`]s through [`Callback`]s. The marks are not
//! a component each: one delegated listener on the plot (see [`Gestures`])
//! serves the thousands of them, and the browser shell (`view`) gives it
//! meaning.

pub mod chart;
pub mod details;
pub mod edges;
pub mod export;
pub mod filters;
pub mod glyph;
pub mod lanes;
pub mod list;
pub mod rows;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod toolbar;

use crate::core::data::Organisation;
use crate::core::date::{iso_day, Day};
use crate::core::i18n::{Lang, Msg};
use crate::core::scale::{fmt_px, TimeScale};
use crate::state::{Action, Layout, Load, LoadError, Shared, State, Theme};
use yew::prelude::*;

/// Most rows the list view shows; zooming in shows the rest.
pub const MAX_LIST_ROWS: usize = 500;

/// A pixel number as an attribute value (one decimal at most; no float
/// formatting code in the module).
pub fn px(x: f64) -> AttrValue {
    AttrValue::from(fmt_px(x))
}

/// `translate(x y)` for a `transform` attribute.
pub fn translate(x: f64, y: f64) -> AttrValue {
    AttrValue::from(["translate(", &fmt_px(x), " ", &fmt_px(y), ")"].concat())
}

/// `0 0 width height` for a `viewBox`, so a copy drawn at one width can be
/// scaled to another (the prerendered page).
pub fn view_box(width: f64, height: f64) -> AttrValue {
    AttrValue::from(["0 0 ", &fmt_px(width), " ", &fmt_px(height)].concat())
}

/// `"true"` or `"false"`, for `aria-pressed` and `aria-expanded`.
pub fn flag(on: bool) -> AttrValue {
    AttrValue::Static(if on { "true" } else { "false" })
}

/// A whole number as text or an attribute value.
pub fn int(n: i64) -> AttrValue {
    let mut out = String::new();
    crate::core::scale::push_int(&mut out, n);
    AttrValue::from(out)
}

/// An organisation's abbreviation in the reader's language.
pub fn abbreviation(org: &Organisation, l: Lang) -> &str {
    match (l, &org.native_abbreviation) {
        (Lang::Ru, Some(a)) => a.as_str(),
        _ => org.abbreviation.as_str(),
    }
}

/// An organisation's name in the reader's language.
pub fn org_name(org: &Organisation, l: Lang) -> &str {
    match (l, &org.native_name) {
        (Lang::Ru, Some(n)) => n,
        _ => &org.name,
    }
}

/// The message and location of a load error, as the error panel says them.
pub fn error_text(err: &LoadError, lang: Lang) -> (String, String) {
    match err {
        LoadError::Network { reason, url } => (
            [
                Msg::CouldNotLoad.text(lang),
                " (",
                &crate::core::i18n::load_reason(lang, reason),
                ")",
            ]
            .concat(),
            url.clone(),
        ),
        LoadError::Data(errors) => errors.first().map_or_else(Default::default, |e| {
            (
                crate::core::i18n::problem_text(lang, e),
                crate::core::i18n::problem_place(lang, e),
            )
        }),
    }
}

/// Items as one node of the virtual DOM, a list of their own. `html!`
/// splices `{ for items }` into the surrounding children, and Yew diffs
/// children by key only when every sibling has one: marks, ticks and points
/// beside an unkeyed background or heading would be diffed by position,
/// and every one after a change rebuilt (a zoom frame at 10,000 events
/// spent most of its time removing and re-creating elements).
pub fn list(items: impl IntoIterator<Item = Html>) -> Html {
    items.into_iter().collect()
}

/// A click handler that sends `action`: one closure type for every
/// button, so the module holds one copy of it.
pub fn act(send: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    send.reform(move |_| action.clone())
}

/// Shows the days `first`..`last` with a margin (a cluster's click).
pub fn show_days(first: f64, last: f64) -> Action {
    let pad = ((last - first) * 0.1).max(3.0);
    Action::ShowRange {
        start_day: first - pad,
        end_day: last + pad,
    }
}

/// Where a pointer or wheel event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The lanes (or rows): drag pans, wheel and pinch zoom.
    Plot,
    /// The membership chart: drag brushes a range to show.
    Chart,
    /// The overview strip: drag brushes a range of the whole period.
    Overview,
}

impl Zone {
    /// The CSS selector of the zone's element (the pointer's x is measured
    /// from its left edge).
    pub fn selector(self) -> &'static str {
        match self {
            Zone::Plot => ".mt-plot",
            Zone::Chart => ".mt-chart-svg",
            Zone::Overview => ".mt-overview",
        }
    }
}

/// A drawing whose dated parts move with a drag on the lanes (the groups of
/// class `mt-pan` in it; see `view::input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The lanes' drawing (marks, clusters, lifespans, the axis).
    Lanes,
    /// The chart's drawing, when it shares the timeline's window.
    Chart,
}

impl Surface {
    /// The CSS selector of the surface's `<svg>`.
    pub fn selector(self) -> &'static str {
        match self {
            Surface::Lanes => ".mt-svg",
            Surface::Chart => ".mt-chart-svg",
        }
    }
}

/// The listeners the browser shell gives the drawing surfaces: gestures
/// need pointer state and animation frames, which live in the shell, not
/// in the drawing. The prerender passes the defaults (they do nothing).
#[derive(Clone, PartialEq, Default)]
pub struct Gestures {
    /// Pointer down, move, up or cancel in a zone.
    pub pointer: Callback<(Zone, PointerEvent)>,
    /// The wheel over a zone.
    pub wheel: Callback<(Zone, WheelEvent)>,
    /// A click in the plot: the delegated listener of the marks.
    pub click: Callback<MouseEvent>,
    /// A double click in the plot.
    pub dblclick: Callback<MouseEvent>,
    /// A key anywhere in the widget (marks, the plot, Escape).
    pub key: Callback<KeyboardEvent>,
    /// The pointer or focus entered something in the chart (a point reads
    /// out its number).
    pub hover: Callback<Event>,
    /// A surface is being drawn for a window: called from its component's
    /// render, so that the shell takes a drag's offset off the surface in
    /// the same task as Yew puts the new drawing in (Yew may yield to the
    /// browser between a render and the `rendered` calls after it).
    pub drawing: Callback<(Surface, TimeScale)>,
}

/// Properties of the plot's two layouts, [`lanes::Lanes`] and
/// [`rows::Rows`].
#[derive(Properties, Clone)]
pub struct MarksProps {
    /// What to draw.
    pub state: Shared<State>,
    /// Where the buttons' actions go.
    pub send: Callback<Action>,
    /// Told when the lanes are drawn (see [`Gestures::drawing`]).
    #[prop_or_default]
    pub drawing: Callback<(Surface, TimeScale)>,
}

impl PartialEq for MarksProps {
    /// Equal when the marks or rows drawn are (see
    /// [`State::draws_same_marks`]): a chart hover, a brush or the export
    /// menu does not build the thousands of marks again.
    fn eq(&self, other: &Self) -> bool {
        // `drawing` is left out: it changes nothing drawn (and a layout
        // not given one gets a new default at each render).
        self.send == other.send && self.state.draws_same_marks(&other.state)
    }
}

/// Properties of the whole widget's drawing.
#[derive(Properties, Clone, PartialEq)]
pub struct WidgetProps {
    /// What to draw.
    pub state: Shared<State>,
    /// Where the buttons' actions go.
    pub send: Callback<Action>,
    /// The gesture listeners (the browser shell's).
    #[prop_or_default]
    pub gestures: Gestures,
    /// Show the Copy link button (the full page, whose URL holds the view).
    #[prop_or_default]
    pub copy_link: bool,
}

/// A window edge as the root's `data-window-start`/`-end` say it: an ISO
/// date, or when aligned by founding the signed days since founding.
pub fn window_attr(s: &State, day: f64) -> AttrValue {
    match s.align {
        crate::core::align::Align::Calendar => AttrValue::from(iso_day(day as Day)),
        crate::core::align::Align::Founding => int(day as i64),
    }
}

/// The whole widget: its root section and everything in it.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let s = &*props.state;
    let l = s.lang;
    let send = &props.send;
    let g = &props.gestures;
    let vertical = s.drawn.layout == Layout::Vertical;
    let class = classes!(
        "mt-root",
        (s.theme == Theme::Light).then_some("mt-theme-light"),
        (s.theme == Theme::Dark).then_some("mt-theme-dark"),
        vertical.then_some("mt-vertical"),
    );
    let data = match &s.load {
        Load::Ready(d) => Some(d.clone()),
        _ => None,
    };
    let zone = |z: Zone| g.pointer.reform(move |e| (z, e));
    let plot = match &s.load {
        Load::Loading => html! {
            <p class="mt-status" role="status">{ Msg::Loading.text(l) }</p>
        },
        Load::Failed(err) => html! {
            <list::ErrorPanel error={err.clone()} lang={l} send={send.clone()} />
        },
        Load::Ready(_) if vertical => html! {
            <rows::Rows state={props.state.clone()} send={send.clone()} />
        },
        Load::Ready(_) => {
            html! { <lanes::Lanes state={props.state.clone()} send={send.clone()}
            drawing={g.drawing.clone()} /> }
        }
    };
    html! {
        <section {class} data-testid="timeline-root"
            data-state={s.load.as_attr()}
            data-window-start={window_attr(s, s.scale.start_day.floor())}
            data-window-end={window_attr(s, s.scale.end_day.ceil())}
            data-align={s.align.as_str()}
            data-layout={if vertical { "vertical" } else { "horizontal" }}
            lang={l.code()}
            aria-label={Msg::WidgetName.text(l)}
            onkeydown={g.key.clone()}>
            <header class="mt-header">
                <h2 class="mt-title">{ s.title() }</h2>
                <toolbar::Toolbar lang={l} list_open={s.list_open} export_open={s.export_open}
                    theme={s.theme} align={s.align} send={send.clone()} />
            </header>
            if let Some(data) = &data {
                <filters::FilterBar data={data.clone()} lang={l} filter={s.filter.clone()}
                    tallies={s.tallies.clone()} copy={s.copy.clone()}
                    copy_link={props.copy_link} send={send.clone()} />
            }
            <div class="mt-plot" tabindex="0" role="group"
                aria-label={Msg::PlotHelp.text(l)}
                onclick={g.click.clone()} ondblclick={g.dblclick.clone()}
                onwheel={g.wheel.reform(|e| (Zone::Plot, e))}
                onpointerdown={zone(Zone::Plot)} onpointermove={zone(Zone::Plot)}
                onpointerup={zone(Zone::Plot)} onpointercancel={zone(Zone::Plot)}>
                { plot }
            </div>
            if let Some(data) = &data {
                <chart::MembershipChart state={props.state.clone()} send={send.clone()}
                    gestures={g.clone()} />
                { list::warnings(data, l) }
                <filters::Legend lang={l} filter={s.filter.clone()} tallies={s.tallies.clone()}
                    open={s.legend_open.unwrap_or(s.scale.width_px == 0.0 || s.scale.width_px > 640.0)}
                    send={send.clone()} />
                if let Some(event) = s.selected {
                    <details::EventDetails data={data.clone()} {event} lang={l}
                        prev={s.neighbour(event, -1)} next={s.neighbour(event, 1)}
                        age={data.events.get(event).and_then(|e| s.age_of(data, e)).map(AttrValue::from)}
                        send={send.clone()} />
                }
                if s.list_open {
                    <list::EventList state={props.state.clone()} send={send.clone()} />
                }
            }
        </section>
    }
}
