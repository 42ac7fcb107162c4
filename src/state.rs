//! One reducer per widget instance: the loaded data, the visible window, the
//! selected and focused event, and the view toggles.
//!
//! Every transition delegates its arithmetic to `core`; this module only
//! decides which core function an action calls.

use crate::core::data::{Dataset, EventKind};
use crate::core::date::Day;
use crate::core::error::DataError;
use crate::core::filter::{search_text, Filter};
use crate::core::layout::LaneIndex;
use crate::core::navigate::{self, Step};
use crate::core::scale::{ScaleLimits, TimeScale};
use crate::core::url_state::ViewState;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// Shared, immutable data compared by identity: a new dataset is a new
/// `Rc`, so comparing pointers is both right and O(1), even at 100,000
/// events.
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Shared(..)")
    }
}

/// Why there is nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The data could not be fetched.
    Network {
        /// The HTTP status, or the network failure as the browser reports it.
        reason: String,
        /// The address that failed.
        url: String,
    },
    /// The data was fetched but is not a valid dataset.
    Data(DataError),
}

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// Waiting for the data.
    Loading,
    /// The data is shown.
    Ready(Shared<Dataset>),
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

/// Colour theme: follow the system, or forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Parses `auto`, `light` or `dark`.
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The next theme of the toggle: auto, light, dark, auto…
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The identifier, as in options and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything one widget instance shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Data loading status.
    pub load: Load,
    /// Per-organisation lane indexes of the shown events.
    pub lanes: Shared<Vec<LaneIndex>>,
    /// The shown events in time order (indexes into the dataset's events).
    pub shown: Shared<Vec<usize>>,
    /// The visible window.
    pub scale: TimeScale,
    /// How far the window may zoom and pan.
    pub limits: ScaleLimits,
    /// Today's day number, where open-ended lifespans stop.
    pub today: Day,
    /// The event whose details are open.
    pub selected: Option<usize>,
    /// The event that has (or last had) keyboard focus.
    pub focused: Option<usize>,
    /// Bumped when focus must move to `focused` in the DOM.
    pub focus_request: u32,
    /// The accessible list view is open.
    pub list_open: bool,
    /// The colour theme.
    pub theme: Theme,
    /// What is filtered out.
    pub filter: Filter,
    /// Folded search text of each event (see `core::filter::search_text`).
    pub search: Shared<Vec<String>>,
    /// A view to apply once the data has loaded (from the URL or options).
    pub pending: Option<ViewState>,
}

impl State {
    /// A widget waiting for data, knowing today's date.
    pub fn new(today: Day, theme: Theme) -> State {
        let limits = ScaleLimits::around(f64::from(today - 3650), f64::from(today));
        State {
            load: Load::Loading,
            lanes: Shared::new(Vec::new()),
            shown: Shared::new(Vec::new()),
            scale: TimeScale::fit(&limits, 0.0),
            limits,
            today,
            selected: None,
            focused: None,
            focus_request: 0,
            list_open: false,
            theme,
            filter: Filter::default(),
            search: Shared::new(Vec::new()),
            pending: None,
        }
    }

    /// Recomputes the shown events and lane indexes from the filter, and
    /// drops a selection or focus the filter now hides.
    fn refilter(&mut self) {
        let Load::Ready(data) = &self.load else {
            return;
        };
        let words = self.filter.query_words();
        // The folded search text is built the first time someone searches:
        // most views never do, and it costs time and memory per event.
        if !words.is_empty() && self.search.len() != data.events.len() {
            self.search = Shared::new(data.events.iter().map(|e| search_text(data, e)).collect());
        }
        let search = &self.search;
        let filter = &self.filter;
        let keep = |i: usize| {
            data.events.get(i).is_some_and(|e| {
                filter.matches(data, e, search.get(i).map_or("", String::as_str), &words)
            })
        };
        let shown: Vec<usize> = (0..data.events.len()).filter(|&i| keep(i)).collect();
        self.lanes = Shared::new(LaneIndex::build_all(
            data,
            self.today,
            shown.iter().copied(),
        ));
        if self
            .selected
            .is_some_and(|i| shown.binary_search(&i).is_err())
        {
            self.selected = None;
        }
        if self
            .focused
            .is_some_and(|i| shown.binary_search(&i).is_err())
        {
            self.focused = None;
        }
        self.shown = Shared::new(shown);
    }

    /// The window that shows every shown event: all the data when nothing
    /// is filtered, the filtered events' span otherwise.
    pub fn fitted(&self) -> TimeScale {
        let all = TimeScale::fit(&self.limits, self.scale.width_px);
        let Some(data) = self.data() else {
            return all;
        };
        if self.filter.is_empty() {
            return all;
        }
        let span = self.shown.iter().filter_map(|&i| data.events.get(i)).fold(
            None,
            |acc: Option<(Day, Day)>, e| {
                let (a, b) = (e.date.earliest(), e.date.latest_or(self.today));
                Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
            },
        );
        match span {
            Some((a, b)) => {
                let limits = ScaleLimits::around(f64::from(a), f64::from(b));
                self.scale
                    .show(limits.min_day, limits.max_day, &self.limits)
            }
            None => all,
        }
    }

    /// The view as a link carries it. The window is left out while it shows
    /// everything, so a fresh page has a clean URL.
    pub fn view_state(&self) -> ViewState {
        let fit = self.fitted();
        let is_fit = (fit.start_day - self.scale.start_day).abs() < 0.5
            && (fit.end_day - self.scale.end_day).abs() < 0.5;
        let event = self
            .selected
            .and_then(|i| self.data().and_then(|d| d.events.get(i)))
            .map(|e| self.data().map_or("", |d| d.text(e.id)).to_owned());
        ViewState {
            orgs: self.filter.orgs.clone(),
            kinds: self.filter.kinds.clone(),
            text: self.filter.text.clone(),
            from: (!is_fit).then(|| self.scale.start_day.floor() as Day),
            to: (!is_fit).then(|| self.scale.end_day.ceil() as Day - 1),
            event,
            theme: match self.theme {
                Theme::Auto => None,
                t => Some(t.as_str().to_owned()),
            },
            list: self.list_open,
        }
    }

    /// Applies a view from a link: filters, window, selection, theme, list.
    /// Organisation ids the data does not know are ignored.
    fn apply_view(&mut self, view: ViewState) {
        let Some(data) = self.data() else {
            self.pending = Some(view);
            return;
        };
        let orgs = view.orgs.map(|ids| {
            ids.into_iter()
                .filter(|id| data.org_index(id).is_some())
                .collect::<std::collections::BTreeSet<_>>()
        });
        let event = view.event.as_deref().and_then(|id| data.event_index(id));
        self.filter = Filter {
            orgs,
            kinds: view.kinds,
            text: view.text,
        };
        self.refilter();
        self.scale = match (view.from, view.to) {
            (Some(a), Some(b)) => self
                .scale
                .show(f64::from(a), f64::from(b) + 1.0, &self.limits),
            _ => self.fitted(),
        };
        self.selected = event.filter(|i| self.shown.binary_search(i).is_ok());
        if let Some(i) = self.selected {
            self.focused = Some(i);
            if view.from.is_none() {
                self.follow(i);
            }
        }
        self.theme = view
            .theme
            .as_deref()
            .and_then(Theme::parse)
            .unwrap_or(Theme::Auto);
        self.list_open = view.list;
    }

    /// The widget's heading: the shown organisations' names.
    pub fn title(&self) -> String {
        let Some(data) = self.data() else {
            return "Movement timeline".into();
        };
        let names: Vec<&str> = data
            .organisations
            .iter()
            .filter(|o| self.filter.shows_org(&o.id))
            .map(|o| o.name.as_str())
            .collect();
        match names.as_slice() {
            [] => "Movement timeline".into(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} and the {last}", init.join(", ")),
        }
    }

    /// The dataset, when loaded.
    pub fn data(&self) -> Option<&Dataset> {
        match &self.load {
            Load::Ready(d) => Some(d),
            _ => None,
        }
    }

    /// Moves the window (same zoom) so that `event` is on screen, if it is not.
    fn follow(&mut self, event: usize) {
        let Some(e) = self.data().and_then(|d| d.events.get(event)) else {
            return;
        };
        let start = f64::from(e.date.earliest());
        let end = f64::from(e.date.latest_or(self.today)) + 1.0;
        let margin = self.scale.span_days() * 0.08;
        if start >= self.scale.start_day + margin && start <= self.scale.end_day - margin {
            return;
        }
        let span = self.scale.span_days();
        let centre = if end - start < span {
            (start + end) / 2.0
        } else {
            start + span * 0.4
        };
        self.scale = self
            .scale
            .show(centre - span / 2.0, centre + span / 2.0, &self.limits);
    }
}

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
    /// Show everything.
    Fit,
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
    /// Panic on purpose, to test that a crash stays inside one widget (only
    /// in builds with the `crash-test` feature, never in a release).
    #[cfg(feature = "crash-test")]
    SimulateCrash,
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action)
    }
}

impl State {
    /// The state after `action`; the same `Rc` when nothing changed (so
    /// nothing re-renders).
    pub fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(data) => {
                if let Some((first, last)) = data.span(next.today) {
                    next.limits = ScaleLimits::around(f64::from(first), f64::from(last));
                }
                next.scale = TimeScale::fit(&next.limits, next.scale.width_px);
                next.search = Shared::new(Vec::new());
                next.selected = None;
                next.focused = None;
                next.load = Load::Ready(Shared(data));
                next.refilter();
                if let Some(view) = next.pending.take() {
                    next.apply_view(view);
                }
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
            Action::PanBy { dx_px } => next.scale = next.scale.pan_by(dx_px, &next.limits),
            Action::ShowRange { start_day, end_day } => {
                next.scale = next.scale.show(start_day, end_day, &next.limits);
            }
            Action::Fit => next.scale = next.fitted(),
            Action::ToEdge { start } => {
                let span = next.scale.span_days();
                let (a, b) = if start {
                    (next.limits.min_day, next.limits.min_day + span)
                } else {
                    (next.limits.max_day - span, next.limits.max_day)
                };
                next.scale = next.scale.show(a, b, &next.limits);
            }
            Action::Select(event) => {
                next.selected = event;
                if let Some(e) = event {
                    next.focused = Some(e);
                    next.follow(e);
                }
            }
            Action::Focus(event) => {
                next.focused = Some(event);
                next.focus_request = next.focus_request.wrapping_add(1);
                next.follow(event);
            }
            Action::Step(step) => {
                let target = next.data().and_then(|data| {
                    navigate::step(data, &next.shown, next.focused, step, next.scale.start_day)
                });
                if let Some(e) = target {
                    next.focused = Some(e);
                    next.focus_request = next.focus_request.wrapping_add(1);
                    next.follow(e);
                }
            }
            Action::ToggleList => next.list_open = !next.list_open,
            Action::CycleTheme => next.theme = next.theme.next(),
            Action::SetTheme(theme) => next.theme = theme,
            Action::ToggleOrg(id) => {
                let all: Vec<String> = next
                    .data()
                    .map(|d| d.organisations.iter().map(|o| o.id.clone()).collect())
                    .unwrap_or_default();
                let all: Vec<&str> = all.iter().map(String::as_str).collect();
                next.filter.toggle_org(&id, &all);
                next.refilter();
            }
            Action::ToggleKind(kind) => {
                next.filter.toggle_kind(kind);
                next.refilter();
            }
            Action::SetText(text) => {
                next.filter.text = text;
                next.refilter();
            }
            Action::SetFilter(filter) => {
                next.filter = filter;
                next.refilter();
            }
            Action::ResetFilters => {
                next.filter = Filter::default();
                next.refilter();
            }
            Action::ApplyView(view) => next.apply_view(view),
            #[cfg(feature = "crash-test")]
            Action::SimulateCrash => {
                #[allow(clippy::panic)]
                {
                    panic!("simulated crash (asked for through simulateCrash)")
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
