//! One reducer per widget instance: the loaded data, the visible window, the
//! selected and focused event, and the view toggles.
//!
//! Every transition delegates its arithmetic to `core`; this module only
//! decides which core function an action calls.

use crate::core::align::{age_label, offsets, Align, Placing};
use crate::core::data::Dataset;
use crate::core::date::Day;
use crate::core::error::DataError;
use crate::core::export::ExportFormat;
use crate::core::filter::{search_text, Filter};
use crate::core::i18n::{self, Lang};
use crate::core::layout::LaneIndex;
use crate::core::navigate;
use crate::core::scale::{ScaleLimits, TimeScale};
use crate::core::url_state::ViewState;
mod action;
mod derived;

pub use action::Action;
pub use derived::{Drawn, Layout, Tallies};
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
    /// The reader's first window, first and last day (see
    /// [`Placing::home_span`]); `None` before the data.
    pub home: Option<(f64, f64)>,
    /// How the lanes are placed in time: by date or by age.
    pub align: Align,
    /// Each organisation's offset for `align` (see `core::align::offsets`).
    pub offsets: Shared<Vec<Option<Day>>>,
    /// The shown events in the order they are placed (by date, or by age
    /// when aligned by founding), without those that cannot be placed.
    pub order: Shared<Vec<usize>>,
    /// The calendar window, kept while aligned by founding so that
    /// switching back restores it.
    pub calendar_window: Option<TimeScale>,
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
    /// The reader opened (`Some(true)`) or folded the legend; `None`: as
    /// the width suggests (open on wide widgets, folded on a phone).
    pub legend_open: Option<bool>,
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

impl State {
    /// True when the lanes or rows of `self` and `other` draw the same:
    /// the data, the layout, the window, the filter, the selection and
    /// focus, the language, today. A chart hover, a brush, a toggle of the
    /// export menu or the effects' bookkeeping leave them as they are, and
    /// the thousands of marks are not built again for those.
    pub fn draws_same_marks(&self, other: &State) -> bool {
        self.load == other.load
            && self.drawn == other.drawn
            && self.scale == other.scale
            && self.shown == other.shown
            && self.filter == other.filter
            && self.selected == other.selected
            && self.focused == other.focused
            && self.lang == other.lang
            && self.today == other.today
    }

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
            home: None,
            align: Align::Calendar,
            offsets: Shared::new(Vec::new()),
            order: Shared::new(Vec::new()),
            calendar_window: None,
            today,
            selected: None,
            focused: None,
            list_open: false,
            legend_open: None,
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
        let offsets = self.offsets.clone();
        let place = Placing {
            offsets: &offsets,
            today: self.today,
            align: self.align,
        };
        self.lanes = Shared::new(LaneIndex::build_all(
            data,
            &place,
            shown.iter().copied(),
            |e| self.label(data, e),
        ));
        let order = match self.align {
            Align::Calendar => None,
            Align::Founding => Some(placed_order(data, &place, &shown)),
        };
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
        // By date the order is the shown list itself (shared, not copied).
        self.order = order.map_or_else(|| self.shown.clone(), Shared::new);
    }

    /// An event's age since its organisation's founding ("13 years 2
    /// months 1 day after founding"), when aligned by founding.
    pub fn age_of(&self, data: &Dataset, e: &crate::core::data::Event) -> Option<String> {
        if self.align != Align::Founding {
            return None;
        }
        let founded = data.organisations.get(e.org)?.founded?.earliest();
        Some(age_label(self.lang, founded, &e.date, self.today))
    }

    /// Where events sit on the axis (see [`Placing`]).
    pub fn place(&self) -> Placing<'_> {
        Placing {
            offsets: &self.offsets,
            today: self.today,
            align: self.align,
        }
    }

    /// Sets the offsets, the limits and the first window for the data and
    /// the alignment.
    fn reach(&mut self) {
        let Some(data) = self.data() else {
            return;
        };
        let offsets = offsets(data, self.align);
        let place = Placing {
            offsets: &offsets,
            today: self.today,
            align: self.align,
        };
        let (span, home) = (place.span(data), place.home_span(data));
        // Aligned with nothing to place (no organisation has a founding
        // date): the first year after founding, empty, with the note
        // saying why.
        let fallback = (self.align == Align::Founding).then_some((0, 365));
        if let Some((first, last)) = span.or(fallback) {
            self.limits = ScaleLimits::around(f64::from(first), f64::from(last));
        }
        self.home = home.map(|(a, b)| {
            let home = ScaleLimits::around(f64::from(a), f64::from(b));
            (home.min_day, home.max_day)
        });
        self.offsets = Shared::new(offsets);
    }

    /// Places the lanes by date or by age; the window goes to the new
    /// alignment's first view, or back to the calendar window it left.
    fn set_align(&mut self, align: Align) {
        if align == self.align {
            return;
        }
        if self.data().is_none() {
            // Before the data: kept with the view waiting for it (which
            // would otherwise set the alignment back when it arrives).
            let mut view = self.pending.take().unwrap_or_default();
            view.align = align;
            self.pending = Some(view);
            self.align = align;
            return;
        }
        if align == Align::Founding {
            self.calendar_window = Some(self.scale);
        }
        self.align = align;
        self.reach();
        self.refilter();
        let back = match align {
            Align::Calendar => self.calendar_window.take(),
            Align::Founding => None,
        };
        self.scale = match back {
            Some(w) => w.with_width(self.scale.width_px).clamped(&self.limits),
            None => self.fitted(),
        };
    }

    /// The reader's window: from the earliest founding on when nothing is
    /// filtered (what lies before is counted at the edge), the filtered
    /// events' span otherwise.
    pub fn fitted(&self) -> TimeScale {
        match self.home {
            Some((a, b)) if self.filter.is_empty() => self.scale.show(a, b, &self.limits),
            _ => self.whole(),
        }
    }

    /// The window that shows every shown event: all the data when nothing
    /// is filtered, the filtered events' span otherwise.
    pub fn whole(&self) -> TimeScale {
        let all = TimeScale::fit(&self.limits, self.scale.width_px);
        let Some(data) = self.data() else {
            return all;
        };
        if self.filter.is_empty() {
            return all;
        }
        let place = self.place();
        let span = self
            .shown
            .iter()
            .filter_map(|&i| place.event(data.events.get(i)?))
            .fold(None, |acc: Option<(Day, Day)>, (a, b)| {
                Some(acc.map_or((a, b - 1), |(x, y)| (x.min(a), y.max(b - 1))))
            });
        match span {
            Some((a, b)) => {
                let limits = ScaleLimits::around(f64::from(a), f64::from(b));
                self.scale
                    .show(limits.min_day, limits.max_day, &self.limits)
            }
            None => all,
        }
    }

    /// The window widened to the earliest event before it (`earlier`) or
    /// the latest after it, padded as a fit is; the other edge stays.
    pub fn revealed(&self, earlier: bool) -> TimeScale {
        let out = self.drawn.outside;
        let (start, end) = (self.scale.start_day, self.scale.end_day);
        let (a, b) = match (earlier, out.first, out.last) {
            (true, Some((_, day)), _) => (f64::from(day), end),
            (false, _, Some((_, day))) => (start, f64::from(day)),
            _ => return self.scale,
        };
        let padded = ScaleLimits::around(a, b);
        // Within the limits, so the kept edge does not slide.
        if earlier {
            let start = padded.min_day.max(self.limits.min_day);
            self.scale.show(start, end, &self.limits)
        } else {
            let end = padded.max_day.min(self.limits.max_day);
            self.scale.show(start, end, &self.limits)
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
            align: self.align,
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
        if view.align != self.align {
            self.align = view.align;
            self.calendar_window = None;
            self.reach();
        }
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
        // In the order they are placed (by date, or by age when aligned).
        let at = self.order.iter().position(|&i| i == event)?;
        let next = if step < 0 { at.checked_sub(1)? } else { at + 1 };
        self.order.get(next).copied()
    }

    /// The event a keyboard step from the focused one reaches, in the
    /// order events are placed (see [`navigate::step`]).
    pub fn stepped(&self, step: navigate::Step) -> Option<usize> {
        let data = self.data()?;
        let place = self.place();
        let start_of = |i: usize| {
            data.events
                .get(i)
                .and_then(|e| place.event(e))
                .map_or(0, |(a, _)| a)
        };
        let from_day = self.scale.start_day;
        navigate::step(data, &self.order, self.focused, step, from_day, start_of)
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
        let Some((start, end)) = self.place().event(e) else {
            return;
        };
        let (start, end) = (f64::from(start), f64::from(end));
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

/// `shown` in the order `place` puts them (by start, then end).
fn placed_order(data: &Dataset, place: &Placing, shown: &[usize]) -> Vec<usize> {
    let mut keyed: Vec<((i32, i32), usize)> = shown
        .iter()
        .filter_map(|&i| Some((place.event(data.events.get(i)?)?, i)))
        .collect();
    crate::core::order::sort_by(&mut keyed, &|a, b| a.cmp(b));
    keyed.into_iter().map(|(_, i)| i).collect()
}
