//! What the views draw, derived from the state when what it depends on
//! changes (never in a view): the layout of lanes or rows and the axis
//! ([`Drawn`]), and the counts and series of the data and filter
//! ([`Tallies`]).

use super::{Shared, State, MAX_ROWS, VERTICAL_BELOW_PX};
use crate::core::align::{age_axis, Align};
use crate::core::data::Dataset;
use crate::core::filter::{count, Counts};
use crate::core::i18n::Lang;
use crate::core::layout::{
    layout_lane, vertical_rows, LaneIndex, LaneLayout, LayoutParams, Outside, Row,
};
use crate::core::membership::{chart_window, measured_events, series, Series};
use crate::core::scale::TimeScale;
use crate::core::ticks::{axis, Axis};
use std::rc::Rc;

/// How the events are laid out.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Layout {
    /// Lanes side by side in time (wide containers): one layout per
    /// organisation, by index.
    #[default]
    Horizontal,
    /// Time runs down (narrow containers).
    Vertical,
}

/// What the views draw: computed from the state when it changes, never in a
/// view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drawn {
    /// Horizontal or vertical.
    pub layout: Layout,
    /// The marks and clusters of each organisation's lane (horizontal).
    pub lanes: Vec<LaneLayout>,
    /// The rows of the vertical layout.
    pub rows: Vec<Row>,
    /// Both rows of the time axis.
    pub axis: Axis,
    /// The shown events wholly before and after the window.
    pub outside: Outside,
    /// The membership chart's window (see [`chart_window`]); `None` when
    /// no visible organisation has counts.
    pub chart: Option<TimeScale>,
    /// The chart's own axis, when its window is not the timeline's (it
    /// shares [`Drawn::axis`] otherwise: not made twice every frame).
    pub chart_axis: Option<Axis>,
}

/// What follows from the data and the filter alone (not the window), so it
/// is computed when those change and not on every zoom step.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tallies {
    /// Shown events per organisation and kind.
    pub shown: Counts,
    /// All events per organisation and kind.
    pub total: Counts,
    /// The shown events that carry a countable fact.
    pub measured: Vec<usize>,
    /// The membership series of every organisation.
    pub series: Vec<Series>,
}

/// What [`State::derive`] depends on; a change of any part redraws.
#[derive(Debug, Clone, PartialEq)]
struct DrawKey {
    data: Option<*const Dataset>,
    lanes: *const Vec<LaneIndex>,
    scale: TimeScale,
    pinned: Option<usize>,
    lang: Lang,
    align: Align,
}

impl State {
    /// Recomputes what depends on what changed since `before`.
    pub(super) fn refresh(&mut self, before: &State) {
        if self.shown != before.shown || self.draw_key().data != before.draw_key().data {
            self.tally();
        }
        if self.draw_key() != before.draw_key() || self.shown != before.shown {
            self.derive();
        }
    }

    /// Recomputes the counts and series (after the data or filter changed).
    pub(super) fn tally(&mut self) {
        let Some(data) = self.data() else {
            self.tallies = Shared::new(Tallies::default());
            return;
        };
        self.tallies = Shared::new(Tallies {
            shown: count(data, self.shown.iter().copied()),
            total: count(data, 0..data.events.len()),
            measured: measured_events(data, &self.shown),
            series: series(data, &self.place()),
        });
    }

    fn draw_key(&self) -> DrawKey {
        DrawKey {
            data: self.data().map(|d| d as *const Dataset),
            lanes: Rc::as_ptr(&self.lanes.0),
            scale: self.scale,
            pinned: self.focused.or(self.selected),
            lang: self.lang,
            align: self.align,
        }
    }

    /// Recomputes what the views draw: the layout chosen by width (lanes
    /// above [`VERTICAL_BELOW_PX`], rows below), the axis, and the counts.
    fn derive(&mut self) {
        let Some(data) = self.data() else {
            self.drawn = Shared::new(Drawn::default());
            return;
        };
        let params = LayoutParams::default();
        let pinned = self.focused.or(self.selected);
        let vertical = self.scale.width_px > 0.0 && self.scale.width_px < VERTICAL_BELOW_PX;
        let chart = self.chart_scale(data);
        let drawn = Drawn {
            layout: if vertical {
                Layout::Vertical
            } else {
                Layout::Horizontal
            },
            lanes: if vertical {
                Vec::new()
            } else {
                self.lanes
                    .iter()
                    .map(|lane| layout_lane(lane, &self.scale, &params, pinned))
                    .collect()
            },
            rows: if vertical {
                vertical_rows(data, &self.order, &self.scale, &self.place(), MAX_ROWS)
            } else {
                Vec::new()
            },
            axis: self.axis_of(&self.scale),
            outside: self
                .lanes
                .iter()
                .map(|lane| lane.outside(self.scale.start_day, self.scale.end_day))
                .fold(Outside::default(), Outside::and),
            chart,
            chart_axis: chart.filter(|c| *c != self.scale).map(|c| self.axis_of(&c)),
        };
        self.drawn = Shared::new(drawn);
    }
}

impl State {
    /// The two-level axis of a window: calendar dates, or ages when
    /// aligned by founding.
    fn axis_of(&self, scale: &TimeScale) -> Axis {
        match self.align {
            Align::Calendar => axis(scale, 24, self.lang),
            Align::Founding => age_axis(scale, 24, self.lang),
        }
    }

    /// The chart's window for the organisations shown (see
    /// [`chart_window`]), on the plot's width.
    fn chart_scale(&self, data: &Dataset) -> Option<TimeScale> {
        let visible: Vec<&Series> = self
            .tallies
            .series
            .iter()
            .filter(|x| {
                data.organisations
                    .get(x.org)
                    .is_some_and(|o| self.filter.shows_org(&o.id))
            })
            .collect();
        let (start_day, end_day) =
            chart_window(self.scale.start_day, self.scale.end_day, &visible)?;
        Some(TimeScale {
            start_day,
            end_day,
            width_px: self.scale.width_px,
        })
    }
}

impl State {
    /// The chart's window when it is not the timeline's window (the widget
    /// then marks it on the time axis and names it over the chart).
    pub fn chart_apart(&self) -> Option<TimeScale> {
        let chart = self.drawn.chart.as_ref()?;
        let same = (chart.start_day - self.scale.start_day).abs() < 0.5
            && (chart.end_day - self.scale.end_day).abs() < 0.5;
        (!same).then_some(*chart)
    }

    /// The scale the chart draws with: its own window, or the timeline's.
    pub fn chart_scale_or_window(&self) -> TimeScale {
        self.drawn.chart.unwrap_or(self.scale)
    }
}
