//! One reducer per widget instance: the loaded data and the visible window.
//!
//! Every transition delegates its arithmetic to `core`; this module only
//! decides which core function an action calls.

use crate::core::data::Dataset;
use crate::core::date::Day;
use crate::core::error::DataError;
use crate::core::scale::{ScaleLimits, TimeScale};
use std::rc::Rc;
use yew::Reducible;

/// Why there is nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The data could not be fetched (status or network message).
    Network(String),
    /// The data was fetched but is not a valid dataset.
    Data(DataError),
}

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// Waiting for the data.
    Loading,
    /// The data is shown.
    Ready(Rc<Dataset>),
    /// Loading failed; the message says why.
    Failed(LoadError),
}

impl Load {
    /// The `data-state` attribute of the root: `loading`, `ready`, `error`.
    pub fn as_attr(&self) -> &'static str {
        match self {
            Load::Loading => "loading",
            Load::Ready(_) => "ready",
            Load::Failed(_) => "error",
        }
    }
}

/// Everything one widget instance shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Data loading status.
    pub load: Load,
    /// The visible window.
    pub scale: TimeScale,
    /// How far the window may zoom and pan.
    pub limits: ScaleLimits,
    /// Today's day number, where open-ended lifespans stop.
    pub today: Day,
}

impl State {
    /// A widget waiting for data, knowing today's date.
    pub fn new(today: Day) -> State {
        let limits = ScaleLimits::around(f64::from(today - 3650), f64::from(today));
        State {
            load: Load::Loading,
            scale: TimeScale::fit(&limits, 0.0),
            limits,
            today,
        }
    }
}

/// What can happen to a widget.
#[derive(Debug, Clone)]
pub enum Action {
    /// The data arrived and is valid.
    Loaded(Rc<Dataset>),
    /// The data could not be loaded.
    Failed(LoadError),
    /// Loading starts again (retry, or new data URL).
    Reload,
    /// The plot area has a new width.
    Resize {
        /// New width in CSS pixels.
        width_px: f64,
    },
    /// Zoom around a point (factor > 1 zooms in).
    ZoomAt {
        /// The pixel that stays fixed.
        anchor_px: f64,
        /// How much to zoom.
        factor: f64,
    },
    /// Show everything.
    Fit,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(data) => {
                if let Some((first, last)) = data.span(next.today) {
                    next.limits = ScaleLimits::around(f64::from(first), f64::from(last));
                }
                next.scale = TimeScale::fit(&next.limits, next.scale.width_px);
                next.load = Load::Ready(data);
            }
            Action::Failed(err) => next.load = Load::Failed(err),
            Action::Reload => next.load = Load::Loading,
            Action::Resize { width_px } => {
                if (width_px - next.scale.width_px).abs() < 0.5 {
                    return self;
                }
                next.scale = next.scale.with_width(width_px).clamped(&next.limits);
            }
            Action::ZoomAt { anchor_px, factor } => {
                next.scale = next.scale.zoom_at(anchor_px, factor, &next.limits);
            }
            Action::Fit => next.scale = TimeScale::fit(&next.limits, next.scale.width_px),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
