//! Lanes, stacking and clustering: which event marks are drawn where.
//!
//! Each organisation has a [`LaneIndex`]: its events as [`LayoutItem`]s sorted
//! by start day, so the visible ones are found by binary search rather than a
//! scan. [`layout_lane`] then packs the visible items into rows: the selected
//! or focused event first, then the important kinds ([`is_important`]:
//! foundings, congresses, arrests, registration refusals, designations,
//! dissolutions), then the rest, each from left to right. A label is drawn
//! whole or not at all, never cut; an item whose mark and label fit nowhere
//! is drawn without its label (in an uncrowded lane, or when it is the
//! focused one, else the selected one), and one whose mark fits nowhere joins a
//! [`ClusterBox`] that shows a count. Important items may open extra rows, so
//! they keep their labels; minor ones give way first. The work per frame and
//! the number of drawn elements are bounded by the width in pixels, not by
//! the number of events.
//!
//! Three levels of detail, by how many events start in the window against
//! how many bare glyphs the rows could hold ([`window_load`]): every event
//! that finds room (a quarter of that or fewer); only the labelled ones,
//! the rest counted (up to four times that); only counts (more).
//!
//! Below 600 pixels the widget lays time out downwards instead:
//! [`vertical_rows`] lists the shown events of the window in time order
//! under year headings, and counts them per year where there are far more
//! than rows.

mod edges;
mod vertical;
pub use edges::Outside;
pub use vertical::{events_in_window, vertical_rows, Row};

use super::align::Placing;
use super::data::{Dataset, EventKind};
use super::date::{Day, IntervalEnd};
use super::order::{by_f64, sort_by};
use super::scale::{clamp_f64, TimeScale};

/// One event reduced to what layout needs.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutItem {
    /// Index into [`Dataset::events`].
    pub event: usize,
    /// First day the event may cover (whole days: 4 bytes, where `f64`
    /// made an item 32 bytes instead of 20 in WebAssembly; 100,000 events
    /// have as many items).
    pub start: Day,
    /// Day after the last day it may cover (exclusive end).
    pub end: Day,
    /// A lasting event (drawn as a bar) rather than a point.
    pub interval: bool,
    /// An interval whose end the sources do not give (drawn with a fading tail).
    pub unknown_end: bool,
    /// One of the kinds a reader most needs to see ([`is_important`]).
    pub important: bool,
    /// Width of the mark's label in pixels (estimated once, not every frame).
    pub label_px: f32,
}

impl LayoutItem {
    /// First day the event may cover.
    pub fn start_day(&self) -> f64 {
        f64::from(self.start)
    }

    /// Day after the last day it may cover (exclusive end).
    pub fn end_day(&self) -> f64 {
        f64::from(self.end)
    }
}

/// The kinds placed before all others, so that they keep their own marks
/// and whole labels: what the timeline exists to show.
pub fn is_important(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Founding
            | EventKind::Congress
            | EventKind::Arrest
            | EventKind::RegistrationRefusal
            | EventKind::Designation
            | EventKind::Dissolution
    )
}

/// The width of `text` in the labels' 12 px font, estimated per character
/// from DejaVu Sans (measured in Chromium), the widest of the usual system
/// fonts: a label said to fit does fit in any of them.
pub fn text_px(text: &str) -> f64 {
    // Byte by byte when it can be: decoding characters was a tenth of the
    // mount time at 100,000 events (every label is measured for the lanes).
    if text.is_ascii() {
        return text
            .bytes()
            .map(|b| ASCII_PX.get(usize::from(b)).copied().unwrap_or(10.0))
            .sum();
    }
    text.chars().map(char_px).sum()
}

/// [`char_px`] of the ASCII characters, looked up rather than matched.
static ASCII_PX: [f64; 128] = {
    let mut table = [0.0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = char_px(b as u8 as char);
        b += 1;
    }
    table
};

/// One character's width in pixels at the label size.
const fn char_px(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | 'J' | '.' | ',' | '\'' | '’' | ':' | ';' | '!' | '|' => 3.9,
        ' ' => 4.0,
        'f' | 't' | 'r' | '-' | '(' | ')' | '[' | ']' => 5.1,
        '“' | '”' | '«' | '»' | '–' => 6.4,
        'm' | 'w' | 'M' | 'W' | 'ж' | 'ш' | 'щ' | 'ю' | 'ф' | 'ы' | 'Ж' | 'Ш' | 'Щ' | 'Ю' | 'Ф'
        | 'Ъ' | 'Ы' | '—' => 13.2,
        '0'..='9' => 7.8,
        'a'..='z' => 7.7,
        'A'..='Z' | 'Д' | 'Ц' | 'М' => 9.6,
        'д' | 'ъ' | 'м' | 'ц' => 9.4,
        'а'..='я' | 'ё' => 8.0,
        'А'..='Я' | 'Ё' => 9.6,
        _ => 10.0,
    }
}

/// Items longer than this are kept apart so that culling stays a binary search.
const LONG_ITEM_DAYS: f64 = 400.0;

/// The events of one lane, sorted for fast culling.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaneIndex {
    /// Short items sorted by start day.
    short: Vec<LayoutItem>,
    /// Items longer than [`LONG_ITEM_DAYS`] (few: lifespans, long intervals).
    long: Vec<LayoutItem>,
}

impl LaneIndex {
    /// Builds the index of one organisation's events for which
    /// `include(event_index)` holds.
    pub fn build(
        data: &Dataset,
        org: usize,
        today: Day,
        include: impl Fn(usize) -> bool,
    ) -> LaneIndex {
        let events = (0..data.events.len()).filter(|&i| include(i));
        let place = Placing::calendar(today);
        let mut lanes = LaneIndex::build_all(data, &place, events, |e| data.label(e));
        if org < lanes.len() {
            lanes.swap_remove(org)
        } else {
            LaneIndex::default()
        }
    }

    /// Builds every organisation's lane from `events` (indexes into the
    /// dataset's events) in one pass; `label(event)` gives the words its
    /// mark shows (they depend on the language). Events are placed by
    /// `place` (by date, or by age); those of an organisation it cannot
    /// place are left out.
    pub fn build_all<'a, I>(
        data: &'a Dataset,
        place: &Placing,
        events: I,
        label: impl Fn(&'a crate::core::data::Event) -> &'a str,
    ) -> Vec<LaneIndex>
    where
        I: IntoIterator<Item = usize>,
        I::IntoIter: Clone,
    {
        let events = events.into_iter();
        // Each lane's list sized from a first count, so it is allocated
        // once and exactly (at 100,000 events, growing by doubling left
        // holes and spare room of about 2 MB in memory that never shrinks).
        let mut counts = vec![0usize; data.organisations.len()];
        for i in events.clone() {
            if let Some(n) = data.events.get(i).and_then(|e| counts.get_mut(e.org)) {
                *n += 1;
            }
        }
        let mut lanes: Vec<LaneIndex> = counts
            .iter()
            .map(|&n| LaneIndex {
                short: Vec::with_capacity(n),
                long: Vec::new(),
            })
            .collect();
        for i in events {
            let Some(e) = data.events.get(i) else {
                continue;
            };
            let Some(index) = lanes.get_mut(e.org) else {
                continue;
            };
            let Some((start, end)) = place.event(e) else {
                continue;
            };
            // A choice of two dates takes a row's room at its first date;
            // the view draws the second as an outline joined to it.
            let end = match e.date.or() {
                Some(_) => start.saturating_add(e.date.start.days()),
                None => end,
            };
            let item = LayoutItem {
                event: i,
                start,
                end,
                interval: e.date.is_interval(),
                unknown_end: matches!(e.date.end(), Some(IntervalEnd::Unknown)),
                important: is_important(e.kind),
                label_px: text_px(label(e)) as f32,
            };
            if item.end_day() - item.start_day() > LONG_ITEM_DAYS {
                index.long.push(item);
            } else {
                index.short.push(item);
            }
        }
        for index in &mut lanes {
            sort_by(&mut index.short, &|a, b| a.start.cmp(&b.start));
            sort_by(&mut index.long, &|a, b| a.start.cmp(&b.start));
        }
        lanes
    }

    /// The short items starting in `[from_day, to_day)`, by binary search.
    pub fn short_starting(&self, from_day: f64, to_day: f64) -> &[LayoutItem] {
        starting(&self.short, from_day, to_day)
    }

    /// The long items starting in `[from_day, to_day)`, by binary search.
    pub fn long_starting(&self, from_day: f64, to_day: f64) -> &[LayoutItem] {
        starting(&self.long, from_day, to_day)
    }

    /// Long items overlapping `[from_day, to_day]`.
    pub fn long_visible(&self, from_day: f64, to_day: f64) -> impl Iterator<Item = &LayoutItem> {
        self.long
            .iter()
            .filter(move |it| it.start_day() <= to_day && it.end_day() >= from_day)
    }

    /// Items overlapping `[from_day, to_day]`, short ones in start order,
    /// then long ones.
    pub fn visible(&self, from_day: f64, to_day: f64) -> impl Iterator<Item = &LayoutItem> {
        let lo = self
            .short
            .partition_point(|it| it.start_day() < from_day - LONG_ITEM_DAYS);
        let hi = self.short.partition_point(|it| it.start_day() <= to_day);
        let short = self
            .short
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .filter(move |it| it.end_day() >= from_day);
        short.chain(self.long_visible(from_day, to_day))
    }
}

/// The items of a start-sorted slice that start in `[from_day, to_day)`.
fn starting(items: &[LayoutItem], from_day: f64, to_day: f64) -> &[LayoutItem] {
    let lo = items.partition_point(|it| it.start_day() < from_day);
    let hi = items.partition_point(|it| it.start_day() < to_day);
    items.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Sizes used by the layout, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Rows of marks every lane has.
    pub rows: usize,
    /// Rows a lane may grow to, for important events only.
    pub max_rows: usize,
    /// Width of a kind glyph.
    pub mark_px: f64,
    /// Longest label drawn (a label of 32 characters fits).
    pub max_label_px: f64,
    /// Space kept between neighbours in a row.
    pub gap_px: f64,
    /// Overflowing events closer than this join one cluster.
    pub cluster_px: f64,
    /// Length of the fading tail of an interval with an unknown end.
    pub tail_px: f64,
}

impl Default for LayoutParams {
    fn default() -> LayoutParams {
        LayoutParams {
            rows: 5,
            max_rows: 9,
            mark_px: 12.0,
            max_label_px: 280.0,
            gap_px: 6.0,
            cluster_px: 34.0,
            tail_px: 40.0,
        }
    }
}

/// A drawn event mark.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkBox {
    /// Index into [`Dataset::events`].
    pub event: usize,
    /// Row in the lane, from 0.
    pub row: usize,
    /// Centre of the kind glyph.
    pub x_px: f64,
    /// Left edge of the span the date may cover (soft span or bar).
    pub span_x0: f64,
    /// Right edge of that span.
    pub span_x1: f64,
    /// The label is drawn (whole); otherwise only the glyph.
    pub labelled: bool,
    /// Where the label starts.
    pub label_x: f64,
    /// The label's width (estimated).
    pub label_px: f64,
    /// An interval (bar) rather than a point.
    pub interval: bool,
    /// An interval with an unknown end (draw a fading tail).
    pub unknown_end: bool,
}

/// Events too dense to draw one by one at this zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterBox {
    /// Left edge of the cluster badge.
    pub x_px: f64,
    /// How many events it holds.
    pub count: usize,
    /// First day covered by its events.
    pub first_day: f64,
    /// Last day (exclusive) covered by its events.
    pub last_day: f64,
}

/// What one lane draws at the current zoom.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaneLayout {
    /// Individually drawn events.
    pub marks: Vec<MarkBox>,
    /// Clusters of events too dense to draw.
    pub clusters: Vec<ClusterBox>,
    /// Rows of marks the lane needs (at least [`LayoutParams::rows`]).
    pub rows: usize,
}

struct Candidate<'a> {
    item: &'a LayoutItem,
    x0: f64,
    x1: f64,
    mark: f64,
}

/// Lays out the visible items of one lane.
///
/// `pinned` (the focused or selected event) is placed first, so it is always
/// drawn individually.
pub fn layout_lane(
    index: &LaneIndex,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
) -> LaneLayout {
    if scale.width_px <= 0.0 || params.rows == 0 {
        return LaneLayout {
            rows: params.rows,
            ..LaneLayout::default()
        };
    }
    let margin_days = params.max_label_px / scale.px_per_day().max(1e-12);
    let from = scale.start_day - margin_days;
    let to = scale.end_day;
    let load = window_load(index, scale, params);
    if load > DENSE_LOAD {
        return layout_dense(index, scale, params, pinned);
    }
    let candidates: Vec<Candidate> = index
        .visible(from, to)
        .map(|item| candidate(item, scale, params))
        .collect();
    let detail = if load > CROWDED_LOAD {
        Detail::Labelled
    } else {
        Detail::Every
    };
    pack(candidates, scale, params, pinned, detail)
}

/// Above this [`window_load`] a lane only counts its events.
const DENSE_LOAD: f64 = 4.0;
/// Above this [`window_load`] a lane draws only labelled marks: below it
/// most of the window's events find room, with a label or without.
const CROWDED_LOAD: f64 = 0.25;

/// How many of a lane's events start in the window, against how many
/// bare glyphs its rows could hold side by side.
fn window_load(index: &LaneIndex, scale: &TimeScale, params: &LayoutParams) -> f64 {
    let capacity = params.rows as f64 * scale.width_px / params.mark_px.max(1.0);
    let starting = index.short_starting(scale.start_day, scale.end_day).len()
        + index.long_starting(scale.start_day, scale.end_day).len();
    starting as f64 / capacity.max(1e-9)
}

/// True when far more events are in view than a lane can draw: then only
/// counts are worth computing (see [`layout_lane`]).
pub fn is_dense(index: &LaneIndex, scale: &TimeScale, params: &LayoutParams) -> bool {
    window_load(index, scale, params) > DENSE_LOAD
}

/// Which events [`pack`] may draw as marks.
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    /// Every event that finds room, with its label or as a bare glyph.
    Every,
    /// More than a quarter as many events start in the window as the rows
    /// could hold as bare glyphs: only those drawn with their label (and
    /// the pinned one, labelled or not) are marks; the others are counted
    /// in the clusters. Bare glyphs there were hundreds of marks a reader
    /// could not tell apart, and each zoom step replaced most of them
    /// (docs/BENCHMARKS.md).
    Labelled,
}

fn candidate<'a>(item: &'a LayoutItem, scale: &TimeScale, params: &LayoutParams) -> Candidate<'a> {
    let clamp_px = |x: f64| clamp_f64(x, -1000.0, scale.width_px + 1000.0);
    let x0 = clamp_px(scale.map(item.start_day()));
    let x1 = clamp_px(scale.map(item.end_day())).max(x0);
    let mark = if item.interval {
        x0.max(0.0).min(x1) + params.mark_px / 2.0
    } else {
        (x0 + x1) / 2.0
    };
    Candidate { item, x0, x1, mark }
}

/// Far more events than fit: each cluster-wide column of the lane becomes
/// one counted cluster of the events starting there, found by binary search
/// rather than by visiting the events, so the work is O(width × log n). Only
/// the pinned event is drawn as a mark.
fn layout_dense(
    index: &LaneIndex,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
) -> LaneLayout {
    let mut marks: Vec<Candidate> = Vec::new();
    if let Some(p) = pinned {
        let day = scale.start_day;
        let found = index
            .short_starting(day - LONG_ITEM_DAYS, scale.end_day)
            .iter()
            .chain(index.long_visible(day, scale.end_day))
            .find(|it| it.event == p && it.end_day() >= day);
        if let Some(item) = found {
            marks.push(candidate(item, scale, params));
        }
    }
    let mut out = pack(marks, scale, params, pinned, Detail::Every);
    let step = params.cluster_px.max(1.0);
    // Whole columns only; the last one reaches the right edge.
    let columns = ((scale.width_px / step).floor() as usize).clamp(1, 100_000);
    for b in 0..columns {
        let x = b as f64 * step;
        let right = if b + 1 == columns {
            scale.width_px
        } else {
            x + step
        };
        let (a, z) = (scale.unmap(x), scale.unmap(right));
        // The last column includes events starting exactly on the last day.
        let z = if b + 1 == columns { z + 1e-9 } else { z };
        let (short, long) = (index.short_starting(a, z), index.long_starting(a, z));
        let count = short.len() + long.len();
        let firsts = short.first().into_iter().chain(long.first());
        let Some(first) = firsts.min_by(|p, q| p.start_day().total_cmp(&q.start_day())) else {
            continue;
        };
        let last_day = short
            .last()
            .into_iter()
            .chain(long.last())
            .map(|it| it.start_day())
            .fold(first.end_day(), f64::max);
        out.clusters.push(ClusterBox {
            x_px: x,
            count,
            first_day: first.start_day(),
            last_day,
        });
    }
    out
}

/// The occupied spans of one row, sorted and never overlapping.
#[derive(Default)]
struct Occupied(Vec<(f64, f64)>);

impl Occupied {
    /// True when `[l, r]` keeps `gap` from everything in the row.
    fn fits(&self, l: f64, r: f64, gap: f64) -> bool {
        let at = self.0.partition_point(|&(a, _)| a < l);
        let before_ok = at == 0 || self.0.get(at - 1).is_some_and(|&(_, b)| b + gap <= l);
        let after_ok = self.0.get(at).is_none_or(|&(a, _)| r + gap <= a);
        before_ok && after_ok
    }

    fn take(&mut self, l: f64, r: f64) {
        let at = self.0.partition_point(|&(a, _)| a < l);
        self.0.insert(at, (l, r));
    }
}

/// Where [`pack`] put a candidate.
enum Placed {
    /// In a row, as a mark (with its label or without).
    Mark(MarkBox),
    /// In no row: it joins a cluster.
    Overflow,
    /// Wholly left of the plot: neither a mark nor counted.
    Nothing,
}

/// The first row with room for `[left, right]`; a new row when none has
/// room and the lane may grow (`may_grow`, up to `max_rows`).
fn row_for(
    rows: &mut Vec<Occupied>,
    left: f64,
    right: f64,
    params: &LayoutParams,
    may_grow: bool,
) -> Option<usize> {
    match rows.iter().position(|r| r.fits(left, right, params.gap_px)) {
        Some(row) => Some(row),
        None if may_grow && rows.len() < params.max_rows => {
            rows.push(Occupied::default());
            Some(rows.len() - 1)
        }
        None => None,
    }
}

/// Places one candidate in `rows`: with its label to the right of the
/// glyph, else to its left, else without a label (a label is drawn whole,
/// inside the plot, or not at all).
fn place(
    c: &Candidate,
    rows: &mut Vec<Occupied>,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
    detail: Detail,
) -> Placed {
    let half = params.mark_px / 2.0;
    let left = c.x0.min(c.mark - half);
    let label_px = f64::from(c.item.label_px);
    let tail = if c.item.unknown_end {
        params.tail_px
    } else {
        0.0
    };
    let right_bare = (c.mark + half).max(c.x1 + tail);
    let right_x = c.mark + half + 4.0;
    let left_x = c.mark - half - 4.0 - label_px;
    let short = label_px <= params.max_label_px;
    let may_grow = c.item.important || Some(c.item.event) == pinned;
    // Without a label only where every event may be a mark, or for the
    // pinned event, which is always drawn.
    let bare = detail == Detail::Every || Some(c.item.event) == pinned;
    let options = [
        (short && right_x + label_px <= scale.width_px && right_x >= 0.0).then_some((
            right_x,
            left,
            (right_x + label_px).max(c.x1 + tail),
        )),
        (short && left_x >= 0.0 && left_x + label_px <= scale.width_px && !c.item.interval)
            .then_some((left_x, left_x.min(left), right_bare)),
        bare.then_some((right_x, left, right_bare)),
    ];
    let placed = options.into_iter().enumerate().find_map(|(k, option)| {
        let (label_x, left, right) = option?;
        let row = row_for(rows, left, right, params, may_grow)?;
        Some((row, k < 2, label_x, left, right))
    });
    match placed {
        // Wholly left of the plot (a candidate only for a label that could
        // reach in, and it did not): nothing to draw.
        Some((_, _, _, _, right)) if right < 0.0 => Placed::Nothing,
        Some((row, labelled, label_x, left, right)) => {
            if let Some(r) = rows.get_mut(row) {
                r.take(left, right);
            }
            Placed::Mark(MarkBox {
                event: c.item.event,
                row,
                x_px: c.mark,
                span_x0: c.x0,
                span_x1: c.x1,
                labelled,
                label_x,
                label_px,
                interval: c.item.interval,
                unknown_end: c.item.unknown_end,
            })
        }
        // Likewise, no cluster counts an event that is wholly left of the
        // plot.
        None if right_bare < 0.0 => Placed::Nothing,
        None => Placed::Overflow,
    }
}

/// Packs candidates into rows (see [`layout_lane`]); what does not fit
/// becomes clusters.
fn pack(
    mut candidates: Vec<Candidate>,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
    detail: Detail,
) -> LaneLayout {
    let mut out = LaneLayout::default();
    // Placement order: the pinned event, the important ones, the rest; each
    // group left to right.
    sort_by(&mut candidates, &|a, b| {
        let rank = |c: &Candidate| {
            if Some(c.item.event) == pinned {
                0
            } else if c.item.important {
                1
            } else {
                2
            }
        };
        rank(a).cmp(&rank(b)).then(a.mark.total_cmp(&b.mark))
    });
    let mut rows: Vec<Occupied> = (0..params.rows).map(|_| Occupied::default()).collect();
    let mut overflow: Vec<&Candidate> = Vec::new();
    for c in &candidates {
        match place(c, &mut rows, scale, params, pinned, detail) {
            Placed::Mark(mark) => out.marks.push(mark),
            Placed::Overflow => overflow.push(c),
            Placed::Nothing => {}
        }
    }
    out.rows = rows.len();
    // Marks in time order, for drawing and for stable keys.
    sort_by(&mut out.marks, &|a, b| by_f64(a.x_px, b.x_px));
    sort_by(&mut overflow, &|a, b| by_f64(a.mark, b.mark));

    out.clusters = clusters(&overflow, scale, params);
    out
}

/// Overflowing events as clusters: a cluster starts at an event and takes
/// every later one within `cluster_px` of that start.
fn clusters(overflow: &[&Candidate], scale: &TimeScale, params: &LayoutParams) -> Vec<ClusterBox> {
    let mut out: Vec<ClusterBox> = Vec::new();
    for c in overflow {
        // Keep the badge inside the plot.
        let x = clamp_f64(c.mark, 0.0, (scale.width_px - params.cluster_px).max(0.0));
        match out.last_mut() {
            Some(cl) if x < cl.x_px + params.cluster_px => {
                cl.count += 1;
                cl.first_day = cl.first_day.min(c.item.start_day());
                cl.last_day = cl.last_day.max(c.item.end_day());
            }
            _ => out.push(ClusterBox {
                x_px: x,
                count: 1,
                first_day: c.item.start_day(),
                last_day: c.item.end_day(),
            }),
        }
    }
    out
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
