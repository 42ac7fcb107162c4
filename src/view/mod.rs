//! Thin Yew components. Layout, scale, tick and navigation arithmetic live in
//! `core`; these components read browser facts (width, pointer positions,
//! keys, today, the network) and draw.

mod axis;
mod chart;
mod details;
mod error_panel;
mod filter_bar;
mod glyph;
mod hooks;
mod lanes;
mod legend;
mod list;
mod warnings;

pub use axis::{TimeAxis, TimeAxisProps};
pub use chart::{MembershipChart, MembershipChartProps};
pub use details::{EventDetails, EventDetailsProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use filter_bar::{FilterBar, FilterBarProps};
pub use lanes::{Lanes, LanesProps};
pub use legend::{Legend, LegendProps};
pub use list::{EventList, EventListProps};
pub use warnings::{DataWarnings, DataWarningsProps};

use crate::core::data::parse_dataset;
use crate::core::date::iso_day;
use crate::core::filter::count;
use crate::core::layout::LayoutParams;
use crate::core::navigate::Step;
use crate::core::url_state::ViewState;
use crate::state::{Action, Load, LoadError, State, Theme};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew::UseReducerDispatcher;

/// Height of a lane's header (name and lifespan band).
pub const LANE_HEADER_PX: f64 = 26.0;
/// Height of one row of marks.
pub const ROW_PX: f64 = 22.0;
/// Height of the time axis in pixels.
pub const AXIS_HEIGHT_PX: f64 = 28.0;

/// Height of one organisation lane: header, rows of marks, a cluster row.
pub fn lane_height_px() -> f64 {
    LANE_HEADER_PX + ROW_PX * (LayoutParams::default().rows as f64 + 1.0) + 4.0
}

/// Where a widget's dataset comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// Fetched from a URL (relative to the page).
    Url(AttrValue),
    /// Given as JSON text.
    Json(Rc<str>),
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
    /// Receives the widget's dispatcher once mounted (the embedding API
    /// drives the widget through it).
    #[prop_or_default]
    pub onready: Option<Callback<UseReducerDispatcher<State>>>,
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
        kind: String,
    },
    /// The selection was cleared.
    Deselect,
    /// The visible window changed.
    RangeChange {
        /// First visible day.
        start_day: i32,
        /// Last visible day.
        end_day: i32,
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
    /// Defaults for a full page: automatic theme, the wheel always zooms.
    pub fn default_for_page() -> TimelineProps {
        TimelineProps {
            source: DataSource::Url(crate::embed::DEFAULT_DATA_URL.into()),
            theme: Theme::Auto,
            wheel_zoom: WheelZoom::Always,
            url_state: true,
            initial_view: None,
            onready: None,
            onevent: None,
        }
    }
}

/// A callback, made once, that turns its payload into an action.
#[hook]
fn use_action<T: 'static>(
    dispatch: UseReducerDispatcher<State>,
    make: fn(T) -> Action,
) -> Callback<T> {
    use_callback((), move |value: T, _| dispatch.dispatch(make(value)))
}

/// Pointers down on the plot, for drag and pinch.
#[derive(Default)]
struct Gesture {
    /// Pointer id → last x (relative to the plot).
    pointers: HashMap<i32, f64>,
    /// Pixels moved since the pointer went down.
    travel_px: f64,
}

fn plot_x(plot: &NodeRef, client_x: i32) -> f64 {
    plot.cast::<web_sys::Element>().map_or(0.0, |el| {
        f64::from(client_x) - el.get_bounding_client_rect().left()
    })
}

/// The widget: header, legend, lanes over a time axis, details and list; or
/// an error panel.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let today = hooks::today();
    let initial_theme = props.theme;
    let initial_view = props.initial_view.clone();
    let state = use_reducer(move || State {
        pending: initial_view,
        ..State::new(today, initial_theme)
    });
    let copy_status = use_state(AttrValue::default);
    let reload = use_state(|| 0_u32);
    let root_ref = use_node_ref();
    let plot_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);

    {
        let dispatch = state.dispatcher();
        use_effect_with((props.source.clone(), *reload), move |(source, _)| {
            let parsed = |text: &str| match parse_dataset(text) {
                Ok(data) => Action::Loaded(Rc::new(data)),
                Err(err) => Action::Failed(LoadError::Data(err)),
            };
            match source.clone() {
                DataSource::Json(text) => dispatch.dispatch(parsed(&text)),
                DataSource::Url(url) => {
                    dispatch.dispatch(Action::Reload);
                    wasm_bindgen_futures::spawn_local(async move {
                        let action = match hooks::fetch_text(&url).await {
                            Ok(text) => parsed(&text),
                            Err(reason) => Action::Failed(LoadError::Network {
                                reason,
                                url: url.to_string(),
                            }),
                        };
                        dispatch.dispatch(action);
                    });
                }
            }
        });
    }

    {
        let dispatch = state.dispatcher();
        hooks::use_width(plot_ref.clone(), move |width_px| {
            dispatch.dispatch(Action::Resize { width_px })
        });
    }
    // The wheel over the lanes or the chart: zoom around the pointer, or pan
    // with the horizontal axis.
    let onwheel = {
        let dispatch = state.dispatcher();
        let plot = plot_ref.clone();
        use_callback((), move |(client_x, factor, pan_px): (i32, f64, f64), _| {
            if pan_px != 0.0 {
                dispatch.dispatch(Action::PanBy { dx_px: -pan_px });
            }
            if factor != 1.0 {
                dispatch.dispatch(Action::ZoomAt {
                    anchor_px: plot_x(&plot, client_x),
                    factor,
                });
            }
        })
    };
    {
        let onwheel = onwheel.clone();
        hooks::use_wheel(
            plot_ref.clone(),
            props.wheel_zoom == WheelZoom::Modifier,
            move |client_x, factor, pan_px| onwheel.emit((client_x, factor, pan_px)),
        );
    }
    // Move DOM focus to the focused event after each keyboard step.
    {
        let root = root_ref.clone();
        let focused = state.focused;
        use_effect_with(state.focus_request, move |_| {
            hooks::focus_event(&root, focused);
        });
    }

    {
        let dispatch = state.dispatcher();
        hooks::use_url_state(
            props.url_state,
            matches!(state.load, Load::Ready(_)),
            state.view_state(),
            Callback::from(move |view: ViewState| dispatch.dispatch(Action::ApplyView(view))),
        );
    }

    // The embedding API: hand over the dispatcher, and report selection,
    // window, load and error changes.
    {
        let dispatch = state.dispatcher();
        let onready = props.onready.clone();
        use_effect_with((), move |_| {
            if let Some(cb) = onready {
                cb.emit(dispatch);
            }
        });
    }
    {
        let onevent = props.onevent.clone();
        let event = state.selected.and_then(|i| {
            let data = state.data()?;
            let e = data.events.get(i)?;
            Some(WidgetEvent::Select {
                id: data.text(e.id).to_owned(),
                title: data.text(e.title).to_owned(),
                date: e.date.label(),
                org: data
                    .organisations
                    .get(e.org)
                    .map(|o| o.id.clone())
                    .unwrap_or_default(),
                kind: e.kind.as_str().to_owned(),
            })
        });
        let first = use_mut_ref(|| true);
        use_effect_with(event, move |event| {
            let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let Some(cb) = onevent {
                match event {
                    Some(e) => cb.emit(e.clone()),
                    None if !was_first => cb.emit(WidgetEvent::Deselect),
                    None => {}
                }
            }
        });
    }
    {
        let onevent = props.onevent.clone();
        let ready = matches!(state.load, Load::Ready(_));
        let range = (
            state.scale.start_day.floor() as i32,
            state.scale.end_day.ceil() as i32 - 1,
        );
        use_effect_with((ready, range), move |(ready, (start_day, end_day))| {
            if let (true, Some(cb)) = (*ready, onevent) {
                cb.emit(WidgetEvent::RangeChange {
                    start_day: *start_day,
                    end_day: *end_day,
                });
            }
        });
    }
    {
        let onevent = props.onevent.clone();
        let outcome = match &state.load {
            Load::Ready(d) => Some(Ok(d.events.len())),
            Load::Failed(LoadError::Network { reason, url }) => Some(Err((
                format!("Could not load data ({reason})"),
                url.clone(),
            ))),
            Load::Failed(LoadError::Data(e)) => Some(Err((e.message.clone(), e.location()))),
            Load::Loading => None,
        };
        use_effect_with(outcome, move |outcome| {
            if let (Some(cb), Some(outcome)) = (onevent, outcome) {
                cb.emit(match outcome {
                    Ok(events) => WidgetEvent::Ready { events: *events },
                    Err((message, location)) => WidgetEvent::Error {
                        message: message.clone(),
                        location: location.clone(),
                    },
                });
            }
        });
    }

    let width = state.scale.width_px;
    let zoom = |factor: f64| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::ZoomAt {
                anchor_px: width / 2.0,
                factor,
            })
        })
    };
    let fit = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Fit))
    };
    // Callbacks for child components are made once (use_callback), so a
    // zoom step does not re-render children whose data did not change.
    let retry = {
        let count = *reload;
        let reload = reload.setter();
        use_callback(count, move |_: MouseEvent, count| reload.set(*count + 1))
    };
    // Focus follows selection, so the keyboard carries on from the event
    // that was clicked (in the plot or the list).
    let onselect = {
        let dispatch = state.dispatcher();
        use_callback((), move |i: usize, _| {
            dispatch.dispatch(Action::Select(Some(i)));
            dispatch.dispatch(Action::Focus(i));
        })
    };
    let onclose = {
        let dispatch = state.dispatcher();
        use_callback(state.focused, move |_: MouseEvent, focused| {
            dispatch.dispatch(Action::Select(None));
            if let Some(f) = *focused {
                dispatch.dispatch(Action::Focus(f));
            }
        })
    };
    let onshowrange = use_action(state.dispatcher(), |(start_day, end_day): (f64, f64)| {
        Action::ShowRange { start_day, end_day }
    });
    let ontoggleorg = use_action(state.dispatcher(), Action::ToggleOrg);
    let ontogglekind = use_action(state.dispatcher(), Action::ToggleKind);
    let onsearch = use_action(state.dispatcher(), Action::SetText);
    let onreset = use_action(state.dispatcher(), |_: MouseEvent| Action::ResetFilters);
    let copy_link = {
        let copy_status = copy_status.setter();
        use_callback((), move |_: MouseEvent, _| {
            let copy_status = copy_status.clone();
            hooks::copy_page_url(Callback::from(move |s: String| copy_status.set(s.into())));
        })
    };
    let oncopylink = props.url_state.then_some(copy_link);
    let data_for_counts = match &state.load {
        Load::Ready(d) => Some(d.clone()),
        _ => None,
    };
    let total_counts = use_memo(data_for_counts.clone(), |d| {
        d.as_ref()
            .map(|d| count(d, 0..d.events.len()))
            .unwrap_or_default()
    });
    let shown_counts = use_memo((data_for_counts, state.shown.clone()), |(d, shown)| {
        d.as_ref()
            .map(|d| count(d, shown.iter().copied()))
            .unwrap_or_default()
    });

    let toggle_list = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleList))
    };
    let cycle_theme = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CycleTheme))
    };

    let onkeydown = {
        let dispatch = state.dispatcher();
        let focused = state.focused;
        let selected = state.selected;
        Callback::from(move |e: KeyboardEvent| {
            let on_event = hooks::event_index_of(e.target());
            let action = match (e.key().as_str(), on_event) {
                ("+" | "=", _) => Some(Action::ZoomAt {
                    anchor_px: width / 2.0,
                    factor: 1.5,
                }),
                ("-" | "_", _) => Some(Action::ZoomAt {
                    anchor_px: width / 2.0,
                    factor: 1.0 / 1.5,
                }),
                ("Escape", _) if selected.is_some() => {
                    dispatch.dispatch(Action::Select(None));
                    focused.map(Action::Focus)
                }
                ("Enter" | " ", Some(i)) => Some(Action::Select(Some(i))),
                ("ArrowRight", Some(_)) => Some(Action::Step(Step::Next)),
                ("ArrowLeft", Some(_)) => Some(Action::Step(Step::Prev)),
                ("ArrowUp", Some(_)) => Some(Action::Step(Step::LaneUp)),
                ("ArrowDown", Some(_)) => Some(Action::Step(Step::LaneDown)),
                ("Home", Some(_)) => Some(Action::Step(Step::First)),
                ("End", Some(_)) => Some(Action::Step(Step::Last)),
                ("ArrowRight", None) => Some(Action::PanBy {
                    dx_px: -width * 0.2,
                }),
                ("ArrowLeft", None) => Some(Action::PanBy { dx_px: width * 0.2 }),
                ("Home", None) => Some(Action::ToEdge { start: true }),
                ("End", None) => Some(Action::ToEdge { start: false }),
                ("Enter" | "ArrowDown", None) => Some(match focused {
                    Some(f) => Action::Focus(f),
                    None => Action::Step(Step::Next),
                }),
                _ => None,
            };
            if let Some(action) = action {
                e.prevent_default();
                dispatch.dispatch(action);
            }
        })
    };

    let onpointerdown = {
        let gesture = gesture.clone();
        let plot = plot_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.travel_px = 0.0;
            }
            g.pointers
                .insert(e.pointer_id(), plot_x(&plot, e.client_x()));
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let plot = plot_ref.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |e: PointerEvent| {
            let x = plot_x(&plot, e.client_x());
            let mut g = gesture.borrow_mut();
            let Some(&last) = g.pointers.get(&e.pointer_id()) else {
                return;
            };
            if g.pointers.len() >= 2 {
                // Pinch: the ratio of the pointer spread is the zoom factor,
                // around the finger that did not move, so the day under
                // each finger stays under it (and so does their midpoint).
                let other = g
                    .pointers
                    .iter()
                    .find(|(id, _)| **id != e.pointer_id())
                    .map(|(_, x)| *x);
                if let Some(other) = other {
                    let before = (last - other).abs().max(1.0);
                    let after = (x - other).abs().max(1.0);
                    g.travel_px += (x - last).abs();
                    dispatch.dispatch(Action::ZoomAt {
                        anchor_px: other,
                        factor: after / before,
                    });
                }
            } else {
                g.travel_px += (x - last).abs();
                if g.travel_px > 3.0 {
                    // Capture on the plot itself: Yew delegates events, so
                    // capturing on the listener's element would starve it.
                    if let Some(el) = plot.cast::<web_sys::Element>() {
                        let _ = el.set_pointer_capture(e.pointer_id());
                    }
                    dispatch.dispatch(Action::PanBy { dx_px: x - last });
                }
            }
            g.pointers.insert(e.pointer_id(), x);
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            gesture.borrow_mut().pointers.remove(&e.pointer_id());
        })
    };
    let ondblclick = {
        let dispatch = state.dispatcher();
        let plot = plot_ref.clone();
        Callback::from(move |e: MouseEvent| {
            dispatch.dispatch(Action::ZoomAt {
                anchor_px: plot_x(&plot, e.client_x()),
                factor: 2.0,
            })
        })
    };

    let scale = state.scale;
    let window_start = iso_day(scale.start_day.floor() as i32);
    let window_end = iso_day(scale.end_day.ceil() as i32);
    let theme_class = match state.theme {
        Theme::Auto => None,
        Theme::Light => Some("mt-theme-light"),
        Theme::Dark => Some("mt-theme-dark"),
    };

    let (legend, body, below) = match &state.load {
        Load::Loading => (
            html! {},
            html! { <p class="mt-status" role="status">{ "Loading the timeline…" }</p> },
            html! {},
        ),
        Load::Failed(err) => (
            html! {},
            html! { <ErrorPanel error={err.clone()} onretry={retry} /> },
            html! {},
        ),
        Load::Ready(data) => {
            let visible: Vec<usize> = data
                .organisations
                .iter()
                .enumerate()
                .filter(|(_, o)| state.filter.shows_org(&o.id))
                .map(|(i, _)| i)
                .collect();
            let lanes_height = lane_height_px() * visible.len() as f64;
            (
                html! {
                    <>
                        <FilterBar data={data.clone()} filter={state.filter.clone()}
                                   shown={(*shown_counts).clone()} total={(*total_counts).clone()}
                                   {ontoggleorg} {onsearch} onreset={onreset.clone()} {oncopylink}
                                   copy_status={(*copy_status).clone()} />
                    </>
                },
                html! {
                    <>
                    if state.shown.is_empty() {
                        <div class="mt-empty" role="status">
                            { "No events match these filters. " }
                            <button type="button" onclick={onreset}>{ "Reset filters" }</button>
                        </div>
                    }
                    <svg class="mt-svg" width={fmt_px(scale.width_px)}
                         height={fmt_px(lanes_height + AXIS_HEIGHT_PX)}>
                        <TimeAxis {scale} top_px={lanes_height} />
                        <Lanes data={data.clone()} lanes={state.lanes.clone()} visible={visible.clone()} {scale} today={state.today}
                               selected={state.selected} focused={state.focused}
                               onselect={onselect.clone()} onzoomto={onshowrange.clone()} />
                    </svg>
                    </>
                },
                html! {
                    <>
                        <MembershipChart data={data.clone()} lanes={state.lanes.clone()} shown={state.shown.clone()}
                                         visible={visible.clone()} {scale} limits={state.limits} today={state.today}
                                         onbrush={onshowrange.clone()} onwheel={onwheel.clone()} />
                        <DataWarnings data={data.clone()} />
                        <Legend data={data.clone()} open={scale.width_px == 0.0 || scale.width_px > 640.0}
                                filter={state.filter.clone()} shown={(*shown_counts).clone()}
                                total={(*total_counts).clone()} {ontogglekind} />
                        if let Some(sel) = state.selected {
                            <EventDetails data={data.clone()} event={sel} onclose={onclose} />
                        }
                        if state.list_open {
                            <EventList data={data.clone()} shown={state.shown.clone()} {scale}
                                       today={state.today} selected={state.selected}
                                       onselect={onselect.clone()} />
                        }
                    </>
                },
            )
        }
    };

    html! {
        <section class={classes!("mt-root", theme_class)} ref={root_ref}
                 data-testid="timeline-root" data-state={state.load.as_attr()}
                 data-window-start={window_start} data-window-end={window_end}
                 aria-label="Movement timeline" {onkeydown}>
            <header class="mt-header">
                <h2 class="mt-title">{ state.title() }</h2>
                <div class="mt-toolbar" role="toolbar" aria-label="Timeline controls">
                    <button type="button" data-testid="zoom-in" onclick={zoom(2.0)} aria-label="Zoom in" title="Zoom in (+)">{ "+" }</button>
                    <button type="button" data-testid="zoom-out" onclick={zoom(0.5)} aria-label="Zoom out" title="Zoom out (−)">{ "−" }</button>
                    <button type="button" data-testid="zoom-fit" onclick={fit} title="Show everything">{ "Fit" }</button>
                    <button type="button" data-testid="list-toggle" onclick={toggle_list}
                            aria-pressed={state.list_open.to_string()} title="Show the visible events as a table">{ "List" }</button>
                    <button type="button" data-testid="theme-toggle" onclick={cycle_theme}
                            title="Colour theme: automatic, light or dark">{ format!("Theme: {}", state.theme.as_str()) }</button>
                </div>
            </header>
            { legend }
            <div class="mt-plot" ref={plot_ref} tabindex="0" role="group"
                 aria-label="Timeline. Arrow keys pan, + and − zoom, Enter moves to the events; on an event, arrow keys move between events and Enter opens its details."
                 {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
                 {ondblclick}>
                { body }
            </div>
            { below }
        </section>
    }
}

pub use crate::core::scale::fmt_px;
