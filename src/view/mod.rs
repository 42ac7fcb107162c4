//! Thin Yew components. Layout, scale and tick arithmetic live in `core`;
//! these components read browser facts (width, today, the network) and draw.

mod axis;
mod error_panel;
mod hooks;
mod lanes;

pub use axis::{TimeAxis, TimeAxisProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use lanes::{Lanes, LanesProps};

use crate::core::data::parse_dataset;
use crate::core::date::iso_day;
use crate::state::{Action, Load, LoadError, State};
use std::rc::Rc;
use yew::prelude::*;

/// Height of one organisation lane in pixels.
pub const LANE_HEIGHT_PX: f64 = 72.0;
/// Height of the time axis in pixels.
pub const AXIS_HEIGHT_PX: f64 = 28.0;

/// Where a widget's dataset comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// Fetched from a URL (relative to the page).
    Url(AttrValue),
    /// Given as JSON text.
    Json(Rc<str>),
}

/// Properties of the whole widget.
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// The dataset.
    pub source: DataSource,
}

/// The widget: header, lanes over a time axis, or an error panel.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let today = hooks::today();
    let state = use_reducer(move || State::new(today));
    let reload = use_state(|| 0_u32);

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
                            Err(msg) => Action::Failed(LoadError::Network(msg)),
                        };
                        dispatch.dispatch(action);
                    });
                }
            }
        });
    }

    let plot_ref = use_node_ref();
    {
        let dispatch = state.dispatcher();
        hooks::use_width(plot_ref.clone(), move |width_px| {
            dispatch.dispatch(Action::Resize { width_px })
        });
    }

    let zoom = |factor: f64| {
        let dispatch = state.dispatcher();
        let width = state.scale.width_px;
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
    let retry = {
        let reload = reload.clone();
        Callback::from(move |_: MouseEvent| reload.set(*reload + 1))
    };

    let scale = state.scale;
    let window_start = iso_day(scale.start_day.floor() as i32);
    let window_end = iso_day(scale.end_day.ceil() as i32);

    let body = match &state.load {
        Load::Loading => {
            html! { <p class="mt-status" role="status">{ "Loading the timeline…" }</p> }
        }
        Load::Failed(err) => html! { <ErrorPanel error={err.clone()} onretry={retry} /> },
        Load::Ready(data) => {
            let lanes_height = LANE_HEIGHT_PX * data.organisations.len() as f64;
            html! {
                <svg class="mt-svg" width={fmt_px(scale.width_px)}
                     height={fmt_px(lanes_height + AXIS_HEIGHT_PX)}
                     role="img" aria-label="Timeline of the organisations">
                    <Lanes data={data.clone()} {scale} today={state.today} />
                    <TimeAxis {scale} top_px={lanes_height} />
                </svg>
            }
        }
    };

    html! {
        <section class="mt-root" data-testid="timeline-root" data-state={state.load.as_attr()}
                 data-window-start={window_start} data-window-end={window_end}
                 aria-label="Movement timeline">
            <header class="mt-header">
                <h2 class="mt-title">{ "For a New Socialism and the Russian Socialist Movement" }</h2>
                <div class="mt-zoom" role="group" aria-label="Zoom">
                    <button type="button" data-testid="zoom-in" onclick={zoom(2.0)} aria-label="Zoom in">{ "+" }</button>
                    <button type="button" data-testid="zoom-out" onclick={zoom(0.5)} aria-label="Zoom out">{ "−" }</button>
                    <button type="button" data-testid="zoom-fit" onclick={fit}>{ "Fit" }</button>
                </div>
            </header>
            <div class="mt-plot" ref={plot_ref}>{ body }</div>
        </section>
    }
}

/// A pixel number for an SVG attribute: finite, two decimals at most.
pub fn fmt_px(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let r = (x * 100.0).round() / 100.0;
    format!("{r}")
}
