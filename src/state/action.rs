//! What can happen to a widget ([`Action`]) and the reducer that turns a
//! state and an action into the next state ([`State::apply`]). Arms only
//! choose which `core` function or state method an action calls.

use super::{Brush, Effect, Load, LoadError, Shared, State, Theme};
use crate::core::align::Align;
use crate::core::data::{Dataset, EventKind};
use crate::core::date::Day;
use crate::core::export::ExportFormat;
use crate::core::filter::Filter;
use crate::core::i18n::Lang;
use crate::core::navigate::Step;
use crate::core::url_state::ViewState;
use std::rc::Rc;

/// What can happen to a widget.
#[derive(Debug, Clone)]
pub enum Action {
    /// The data arrived and is valid.
    Loaded(Rc<Dataset>),
    /// The data could not be loaded.
    Failed(LoadError),
    /// Loading starts again (retry, or new data).
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
    /// Move the content right by a number of pixels (a drag).
    PanBy {
        /// Pixels; positive moves the content right (earlier dates into view).
        dx_px: f64,
    },
    /// Show a range of days.
    ShowRange {
        /// First day.
        start_day: f64,
        /// Last day.
        end_day: f64,
    },
    /// Show the reader's first window (everything shown, from the earliest
    /// founding on when nothing is filtered).
    Fit,
    /// Bring in the events wholly before (`true`) or after the window,
    /// keeping its other edge.
    Reveal {
        /// `true` for the earlier events.
        earlier: bool,
    },
    /// Place the lanes by date or by age since founding.
    SetAlign(Align),
    /// Move the window to the start (`true`) or end of the data, same zoom.
    ToEdge {
        /// `true` for the start.
        start: bool,
    },
    /// Open (or with `None` close) an event's details.
    Select(Option<usize>),
    /// Give an event keyboard focus and bring it into view.
    Focus(usize),
    /// Move focus from the focused event.
    Step(Step),
    /// Show or hide the list view.
    ToggleList,
    /// Open or close the export menu.
    ToggleExportMenu,
    /// The reader opened (`true`) or folded the legend.
    Legend(bool),
    /// The page is about to print (true) or has printed (false).
    Print(bool),
    /// Export the view: format (`svg`, `png`, `csv`, `json`), and whether
    /// it is a download the reader asked for.
    Export {
        /// What to export.
        format: ExportFormat,
        /// The reader asked for a download (the menu), not the page (the API).
        download: bool,
    },
    /// Copy the page's address (the Copy link button).
    CopyLink,
    /// The effects up to this number are done.
    EffectsDone(u32),
    /// Zoom around the window's centre (the buttons and `+`/`-`).
    ZoomCentre {
        /// How much to zoom.
        factor: f64,
    },
    /// Switch to the next theme.
    CycleTheme,
    /// Use this theme.
    SetTheme(Theme),
    /// Show or hide one organisation.
    ToggleOrg(String),
    /// Show or hide one kind.
    ToggleKind(EventKind),
    /// Set the search text.
    SetText(String),
    /// Replace the whole filter (from the embedding API).
    SetFilter(Filter),
    /// Clear every filter.
    ResetFilters,
    /// Apply a view from a link (now, or once the data has loaded).
    ApplyView(ViewState),
    /// Use this language; `true` when the reader chose it (it then goes in
    /// the URL).
    SetLang(Lang, bool),
    /// Open an event's details and give it focus (a click or Enter).
    Open(usize),
    /// Open an event's details, the focus staying where the reader is (a
    /// title in the list view: its mark in the plot is elsewhere).
    Show(usize),
    /// Close the details, focus staying on the event.
    Close,
    /// Open the previous (`-1`) or next (`+1`) shown event's details.
    Browse(i32),
    /// Fetch the data again.
    Retry,
    /// The chart shows growth (`true`) or counts.
    ChartGrowth(bool),
    /// Show or hide the chart's table.
    ChartTable,
    /// Read out this count (hover, focus or tap), or nothing.
    Readout(Option<usize>),
    /// The event marker under the pointer on the chart.
    Marker(Option<(usize, f64)>),
    /// A drag across the chart or overview is under way (or over: `None`).
    Brush(Option<Brush>),
    /// Copying the link worked, or failed (with the address to copy by hand).
    Copied(Result<(), String>),
    /// Panic on purpose, to test that a crash stays inside one widget (only
    /// in builds with the `crash-test` feature, never in a release).
    #[cfg(feature = "crash-test")]
    SimulateCrash,
}

impl State {
    /// The state after `action`; the same `Rc` when nothing changed (so
    /// nothing re-renders).
    pub fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if !next.step(action) {
            return self;
        }
        next.refresh(&self);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }

    /// Applies a data or window action; the rest go to
    /// [`State::step_reader`]. `false` when the action changes nothing.
    fn step(&mut self, action: Action) -> bool {
        match action {
            Action::Loaded(data) => {
                self.load = Load::Ready(Shared(data));
                self.calendar_window = None;
                self.reach();
                self.search = Shared::new(Vec::new());
                self.selected = None;
                self.focused = None;
                // A view waiting for the data filters once, itself (at
                // 100,000 events a second pass cost 45 ms of the mount).
                match self.pending.take() {
                    Some(view) => self.apply_view(view),
                    None => {
                        self.refilter();
                        self.scale = self.fitted();
                    }
                }
            }
            Action::Failed(err) => self.load = Load::Failed(err),
            Action::Reload => self.load = Load::Loading,
            Action::Resize { width_px } => {
                if (width_px - self.scale.width_px).abs() < 0.5 {
                    return false;
                }
                self.scale = self.scale.with_width(width_px).clamped(&self.limits);
            }
            Action::ZoomAt { anchor_px, factor } => {
                self.scale = self.scale.zoom_at(anchor_px, factor, &self.limits);
            }
            Action::PanBy { dx_px } => self.scale = self.scale.pan_by(dx_px, &self.limits),
            Action::ShowRange { start_day, end_day } if self.data().is_none() => {
                // Before the data: kept, and shown once it arrives.
                let mut view = self.pending.take().unwrap_or_default();
                view.from = Some(start_day.floor() as Day);
                view.to = Some(end_day.ceil() as Day - 1);
                self.pending = Some(view);
            }
            Action::ShowRange { start_day, end_day } => {
                self.scale = self.scale.show(start_day, end_day, &self.limits);
            }
            Action::Fit => self.scale = self.fitted(),
            Action::Reveal { earlier } => self.scale = self.revealed(earlier),
            Action::SetAlign(align) => self.set_align(align),
            Action::ToEdge { start } => {
                let span = self.scale.span_days();
                let (a, b) = if start {
                    (self.limits.min_day, self.limits.min_day + span)
                } else {
                    (self.limits.max_day - span, self.limits.max_day)
                };
                self.scale = self.scale.show(a, b, &self.limits);
            }
            Action::ZoomCentre { factor } => {
                let anchor_px = self.scale.width_px / 2.0;
                self.scale = self.scale.zoom_at(anchor_px, factor, &self.limits);
            }
            other => return self.step_reader(other),
        }
        true
    }

    /// Applies what the reader does: selection, focus, toggles, filters,
    /// language, export and the chart's view.
    fn step_reader(&mut self, action: Action) -> bool {
        match action {
            Action::Select(event) => {
                self.selected = event;
                if let Some(e) = event {
                    self.focused = Some(e);
                    self.follow(e);
                }
            }
            Action::Focus(event) => self.focus_on(event),
            Action::Step(step) => {
                if let Some(e) = self.stepped(step) {
                    self.focus_on(e);
                }
            }
            Action::ToggleList => self.list_open = !self.list_open,
            Action::ToggleExportMenu => self.export_open = !self.export_open,
            Action::Legend(open) => self.legend_open = Some(open),
            Action::Print(true) => {
                if self.printing.is_none() {
                    self.printing = Some((self.scale, self.list_open));
                    self.scale = self.whole();
                    self.list_open = true;
                    self.export_open = false;
                }
            }
            Action::Print(false) => {
                if let Some((scale, list)) = self.printing.take() {
                    self.scale = scale;
                    self.list_open = list;
                }
            }
            Action::Export { format, download } => {
                self.queue(Effect::Export { format, download });
                self.export_open = false;
            }
            Action::CopyLink => self.queue(Effect::CopyLink),
            Action::EffectsDone(upto) => self.effects.retain(|(n, _)| *n > upto),
            Action::CycleTheme => self.theme = self.theme.next(),
            Action::SetTheme(theme) => {
                self.theme = theme;
                if let Some(view) = self.pending.as_mut() {
                    // Before the data: the pending view must not undo it.
                    view.theme = (theme != Theme::Auto).then(|| theme.as_str().to_owned());
                }
            }
            Action::ToggleOrg(_)
            | Action::ToggleKind(_)
            | Action::SetText(_)
            | Action::SetFilter(_)
            | Action::ResetFilters
            | Action::ApplyView(_)
            | Action::SetLang(..) => return self.step_filter(action),
            Action::Open(event) | Action::Show(event) => {
                self.selected = Some(event);
                self.focused = Some(event);
                if matches!(action, Action::Open(_)) {
                    self.queue(Effect::Focus(event));
                }
                self.follow(event);
            }
            Action::Close => {
                self.selected = None;
                if let Some(e) = self.focused {
                    self.queue(Effect::Focus(e));
                }
            }
            Action::Browse(step) => {
                if let Some(e) = self.selected.and_then(|s| self.neighbour(s, step)) {
                    self.selected = Some(e);
                    self.focused = Some(e);
                    self.follow(e);
                }
            }
            Action::Retry => self.reloads = self.reloads.wrapping_add(1),
            Action::ChartGrowth(_)
            | Action::ChartTable
            | Action::Readout(_)
            | Action::Marker(_)
            | Action::Brush(_) => return self.step_filter(action),
            Action::Copied(result) => self.copy = Some(result),
            #[cfg(feature = "crash-test")]
            Action::SimulateCrash => {
                #[allow(clippy::panic)]
                {
                    panic!("simulated crash (asked for through simulateCrash)")
                }
            }

            _ => return false,
        }
        true
    }

    /// Gives `event` the keyboard focus (after the render) and brings it
    /// into view.
    fn focus_on(&mut self, event: usize) {
        self.focused = Some(event);
        self.queue(Effect::Focus(event));
        self.follow(event);
    }

    /// Applies a change of what is shown: filters, a view from a link, the
    /// language, the chart's view.
    fn step_filter(&mut self, action: Action) -> bool {
        match action {
            Action::ChartGrowth(growth) => self.chart.growth = growth,
            Action::ChartTable => self.chart.table = !self.chart.table,
            Action::Readout(i) => self.chart.readout = i,
            Action::Marker(m) => self.chart.marker = m,
            Action::Brush(b) => self.chart.brush = b,
            Action::ToggleOrg(id) => {
                let all: Vec<String> = self
                    .data()
                    .map(|d| d.organisations.iter().map(|o| o.id.clone()).collect())
                    .unwrap_or_default();
                let all: Vec<&str> = all.iter().map(String::as_str).collect();
                self.filter.toggle_org(&id, &all);
                self.refilter();
            }
            Action::ToggleKind(kind) => {
                self.filter.toggle_kind(kind);
                self.refilter();
            }
            Action::SetText(text) => {
                self.filter.text = text;
                self.refilter();
            }
            Action::SetFilter(filter) => {
                if let Some(view) = self.pending.as_mut() {
                    // Before the data: the pending view must not undo it.
                    view.orgs = filter.orgs.clone();
                    view.kinds = filter.kinds;
                    view.text = filter.text.clone();
                }
                self.filter = filter;
                self.refilter();
            }
            Action::ResetFilters => {
                self.filter = Filter::default();
                self.refilter();
            }
            Action::ApplyView(view) => self.apply_view(view),
            Action::SetLang(lang, chosen) => self.set_lang(lang, chosen),
            _ => return false,
        }
        true
    }
}
