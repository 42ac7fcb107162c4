//! One reducer per widget instance: the loaded data, the visible window, the
//! selected and focused event, and the view toggles.
//!
//! Every transition delegates its arithmetic to `core`; this module only
//! decides which core function an action calls.

use crate::core::data::{Dataset, EventKind};
use crate::core::date::Day;
use crate::core::error::DataError;
use crate::core::export::ExportFormat;
use crate::core::filter::{count, search_text, Counts, Filter};
use crate::core::i18n::{self, Lang};
use crate::core::layout::{layout_lane, vertical_rows, LaneIndex, LaneLayout, LayoutParams, Row};
use crate::core::membership::{measured_events, series, Series};
use crate::core::navigate::{self, Step};
use crate::core::scale::{ScaleLimits, TimeScale};
use crate::core::ticks::{axis, Axis};
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
    /// The data was fetched but is not a valid dataset: every problem
    /// found, in the order found (never empty).
    Data(Vec<DataError>),
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
    /// The accessible list view is open.
    pub list_open: bool,
    /// The export menu is open.
    pub export_open: bool,
    /// Printing: the window and list state to restore afterwards (the
    /// print shows the whole shown history and the list with quotes).
    pub printing: Option<(TimeScale, bool)>,
    /// What the widget must do outside itself after the next render,
    /// numbered in order; the browser shell does them and drops them with
    /// [`Action::EffectsDone`].
    pub effects: Vec<(u32, Effect)>,
    /// The number of the last effect queued.
    pub effect_seq: u32,
    /// The colour theme.
    pub theme: Theme,
    /// What is filtered out.
    pub filter: Filter,
    /// Folded search text of each event (see `core::filter::search_text`).
    pub search: Shared<Vec<String>>,
    /// A view to apply once the data has loaded (from the URL or options).
    pub pending: Option<ViewState>,
    /// The interface language.
    pub lang: Lang,
    /// The language was chosen by the reader (kept in the URL), not taken
    /// from the page or the browser.
    pub lang_chosen: bool,
    /// The membership chart's own view.
    pub chart: ChartState,
    /// What copying the link did, for a short status.
    pub copy: Option<Result<(), String>>,
    /// Bumped by Retry, so the data is fetched again.
    pub reloads: u32,
    /// Organisation ids asked for (by a link or the page) that the data does
    /// not have: ignored, and reported once.
    pub ignored_orgs: Vec<String>,
    /// What the views draw, derived from the rest (see [`State::derive`]).
    pub drawn: Shared<Drawn>,
    /// Counts and series, derived from the data and the filter.
    pub tallies: Shared<Tallies>,
}

/// Something the widget does outside itself, after a render: effects are
/// queued by the reducer (which stays pure) and drained by the browser
/// shell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// Move DOM focus to this event's mark or row.
    Focus(usize),
    /// Hand an export to the page.
    Export {
        /// What to export.
        format: ExportFormat,
        /// The reader asked for a download.
        download: bool,
    },
    /// Copy the page's address to the clipboard.
    CopyLink,
}

/// The membership chart's view.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ChartState {
    /// Growth per month instead of counts.
    pub growth: bool,
    /// The table alternative is open.
    pub table: bool,
    /// The count whose number and source are read out.
    pub readout: Option<usize>,
    /// The event marker under the pointer, and its x.
    pub marker: Option<(usize, f64)>,
    /// A drag across the chart or the overview strip.
    pub brush: Option<Brush>,
}

/// A drag across a strip: where it started and where it is, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Brush {
    /// Where the drag started.
    pub from_px: f64,
    /// Where it is now.
    pub to_px: f64,
    /// On the overview strip (whose scale is the whole period).
    pub overview: bool,
}

/// Below this width the timeline runs downwards.
pub const VERTICAL_BELOW_PX: f64 = 600.0;
/// Most rows the vertical layout lists before counting per year.
pub const MAX_ROWS: usize = 300;

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
}

impl State {
    /// Queues an effect for after the next render. At most a few wait: a
    /// shell that never drains them (the prerender) keeps the last 16.
    fn queue(&mut self, effect: Effect) {
        self.effect_seq = self.effect_seq.wrapping_add(1);
        if self.effects.len() >= 16 {
            self.effects.remove(0);
        }
        self.effects.push((self.effect_seq, effect));
    }

    /// The picture export waiting to be drawn, if any.
    pub fn picture_export(&self) -> Option<ExportFormat> {
        self.effects.iter().find_map(|(_, e)| match e {
            Effect::Export { format, .. } if format.is_picture() => Some(*format),
            _ => None,
        })
    }

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
            list_open: false,
            export_open: false,
            effects: Vec::new(),
            effect_seq: 0,
            printing: None,
            theme,
            filter: Filter::default(),
            search: Shared::new(Vec::new()),
            pending: None,
            lang: Lang::En,
            lang_chosen: false,
            chart: ChartState::default(),
            copy: None,
            reloads: 0,
            ignored_orgs: Vec::new(),
            drawn: Shared::new(Drawn::default()),
            tallies: Shared::new(Tallies::default()),
        }
    }

    /// Recomputes the counts and series (after the data or filter changed).
    fn tally(&mut self) {
        let Some(data) = self.data() else {
            self.tallies = Shared::new(Tallies::default());
            return;
        };
        self.tallies = Shared::new(Tallies {
            shown: count(data, self.shown.iter().copied()),
            total: count(data, 0..data.events.len()),
            measured: measured_events(data, &self.shown),
            series: series(data, self.today),
        });
    }

    fn draw_key(&self) -> DrawKey {
        DrawKey {
            data: self.data().map(|d| d as *const Dataset),
            lanes: Rc::as_ptr(&self.lanes.0),
            scale: self.scale,
            pinned: self.focused.or(self.selected),
            lang: self.lang,
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
                vertical_rows(data, &self.shown, &self.scale, self.today, MAX_ROWS)
            } else {
                Vec::new()
            },
            axis: axis(&self.scale, 24, self.lang),
        };
        self.drawn = Shared::new(drawn);
    }

    /// The words an event's mark shows in the current language: its
    /// translated label, its label, or its title.
    pub fn label<'a>(&self, data: &'a Dataset, e: &crate::core::data::Event) -> &'a str {
        if self.lang != Lang::En {
            if let Some(tr) = data.translation(e, self.lang.code()) {
                let t = if tr.label.is_empty() {
                    tr.title
                } else {
                    tr.label
                };
                return data.text(t);
            }
        }
        data.label(e)
    }

    /// An event's full title in the current language (translated when the
    /// data has a translation).
    pub fn event_title<'a>(&self, data: &'a Dataset, e: &crate::core::data::Event) -> &'a str {
        if self.lang != Lang::En {
            if let Some(tr) = data.translation(e, self.lang.code()) {
                return data.text(tr.title);
            }
        }
        data.text(e.title)
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
            |e| self.label(data, e),
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
            kinds: self.filter.kinds,
            text: self.filter.text.clone(),
            from: (!is_fit).then(|| self.scale.start_day.floor() as Day),
            to: (!is_fit).then(|| self.scale.end_day.ceil() as Day - 1),
            event,
            theme: match self.theme {
                Theme::Auto => None,
                t => Some(t.as_str().to_owned()),
            },
            list: self.list_open,
            lang: self.lang_chosen.then_some(self.lang),
        }
    }

    /// Applies a view from a link: filters, window, selection, theme, list.
    /// Organisation ids the data does not know are ignored.
    fn apply_view(&mut self, view: ViewState) {
        let Some(data) = self.data() else {
            self.pending = Some(view);
            return;
        };
        let mut ignored = Vec::new();
        let orgs = view.orgs.map(|ids| {
            ids.into_iter()
                .filter(|id| {
                    let known = data.org_index(id).is_some();
                    if !known {
                        ignored.push(id.clone());
                    }
                    known
                })
                .collect::<crate::core::filter::IdSet>()
        });
        let event = view.event.as_deref().and_then(|id| data.event_index(id));
        self.ignored_orgs.extend(ignored);
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
        if let Some(lang) = view.lang {
            self.set_lang(lang, true);
        }
    }

    /// Switches the language; labels change width, so the lanes are
    /// rebuilt.
    fn set_lang(&mut self, lang: Lang, chosen: bool) {
        self.lang_chosen = chosen;
        if self.lang != lang {
            self.lang = lang;
            self.refilter();
        }
    }

    /// The widget's heading: the shown organisations' names (in Russian,
    /// their own names).
    pub fn title(&self) -> String {
        let Some(data) = self.data() else {
            return i18n::Msg::WidgetName.text(self.lang).to_owned();
        };
        let names: Vec<&str> = data
            .organisations
            .iter()
            .filter(|o| self.filter.shows_org(&o.id))
            .map(|o| match (self.lang, &o.native_name) {
                (Lang::Ru, Some(native)) => native.as_str(),
                _ => o.name.as_str(),
            })
            .collect();
        i18n::heading(self.lang, &names)
    }

    /// The shown event before (`-1`) or after (`+1`) `event` in time.
    pub fn neighbour(&self, event: usize, step: i32) -> Option<usize> {
        let at = self.shown.binary_search(&event).ok()?;
        let next = if step < 0 { at.checked_sub(1)? } else { at + 1 };
        self.shown.get(next).copied()
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
    /// Open or close the export menu.
    ToggleExportMenu,
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
                // A view waiting for the data filters once, itself (at
                // 100,000 events a second pass cost 45 ms of the mount).
                match next.pending.take() {
                    Some(view) => next.apply_view(view),
                    None => next.refilter(),
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
            Action::ShowRange { start_day, end_day } if next.data().is_none() => {
                // Before the data: kept, and shown once it arrives.
                let mut view = next.pending.take().unwrap_or_default();
                view.from = Some(start_day.floor() as Day);
                view.to = Some(end_day.ceil() as Day - 1);
                next.pending = Some(view);
            }
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
                next.queue(Effect::Focus(event));
                next.follow(event);
            }
            Action::Step(step) => {
                let target = next.data().and_then(|data| {
                    navigate::step(data, &next.shown, next.focused, step, next.scale.start_day)
                });
                if let Some(e) = target {
                    next.focused = Some(e);
                    next.queue(Effect::Focus(e));
                    next.follow(e);
                }
            }
            Action::ToggleList => next.list_open = !next.list_open,
            Action::ToggleExportMenu => next.export_open = !next.export_open,
            Action::Print(true) => {
                if next.printing.is_none() {
                    next.printing = Some((next.scale, next.list_open));
                    next.scale = next.fitted();
                    next.list_open = true;
                    next.export_open = false;
                }
            }
            Action::Print(false) => {
                if let Some((scale, list)) = next.printing.take() {
                    next.scale = scale;
                    next.list_open = list;
                }
            }
            Action::Export { format, download } => {
                next.queue(Effect::Export { format, download });
                next.export_open = false;
            }
            Action::CopyLink => next.queue(Effect::CopyLink),
            Action::EffectsDone(upto) => next.effects.retain(|(n, _)| *n > upto),
            Action::ZoomCentre { factor } => {
                let anchor_px = next.scale.width_px / 2.0;
                next.scale = next.scale.zoom_at(anchor_px, factor, &next.limits);
            }
            Action::CycleTheme => next.theme = next.theme.next(),
            Action::SetTheme(theme) => {
                next.theme = theme;
                if let Some(view) = next.pending.as_mut() {
                    // Before the data: the pending view must not undo it.
                    view.theme = (theme != Theme::Auto).then(|| theme.as_str().to_owned());
                }
            }
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
                if let Some(view) = next.pending.as_mut() {
                    // Before the data: the pending view must not undo it.
                    view.orgs = filter.orgs.clone();
                    view.kinds = filter.kinds;
                    view.text = filter.text.clone();
                }
                next.filter = filter;
                next.refilter();
            }
            Action::ResetFilters => {
                next.filter = Filter::default();
                next.refilter();
            }
            Action::ApplyView(view) => next.apply_view(view),
            Action::SetLang(lang, chosen) => next.set_lang(lang, chosen),
            Action::Open(event) => {
                next.selected = Some(event);
                next.focused = Some(event);
                next.queue(Effect::Focus(event));
                next.follow(event);
            }
            Action::Close => {
                next.selected = None;
                if let Some(e) = next.focused {
                    next.queue(Effect::Focus(e));
                }
            }
            Action::Browse(step) => {
                if let Some(e) = next.selected.and_then(|s| next.neighbour(s, step)) {
                    next.selected = Some(e);
                    next.focused = Some(e);
                    next.follow(e);
                }
            }
            Action::Retry => next.reloads = next.reloads.wrapping_add(1),
            Action::ChartGrowth(growth) => next.chart.growth = growth,
            Action::ChartTable => next.chart.table = !next.chart.table,
            Action::Readout(i) => next.chart.readout = i,
            Action::Marker(m) => next.chart.marker = m,
            Action::Brush(b) => next.chart.brush = b,
            Action::Copied(result) => next.copy = Some(result),
            #[cfg(feature = "crash-test")]
            Action::SimulateCrash => {
                #[allow(clippy::panic)]
                {
                    panic!("simulated crash (asked for through simulateCrash)")
                }
            }
        }
        if next.shown != self.shown || next.draw_key().data != self.draw_key().data {
            next.tally();
        }
        if next.draw_key() != self.draw_key() || next.shown != self.shown {
            next.derive();
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
