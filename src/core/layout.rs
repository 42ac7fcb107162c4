//! Lanes, stacking and clustering: which event marks are drawn where.
//!
//! Each organisation has a [`LaneIndex`]: its events as [`LayoutItem`]s sorted
//! by start day, so the visible ones are found by binary search rather than a
//! scan. [`layout_lane`] then packs the visible items into a fixed number of
//! rows, greedily from left to right; an item whose mark and label fit nowhere
//! is drawn without its label, and one whose mark fits nowhere joins a
//! [`ClusterBox`] that shows a count. The work per frame and the number of
//! drawn elements are bounded by the width in pixels, not by the number of
//! events.

use super::data::Dataset;
use super::date::{Day, IntervalEnd};
use super::scale::{clamp_f64, TimeScale};

/// One event reduced to what layout needs.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutItem {
    /// Index into [`Dataset::events`].
    pub event: usize,
    /// First day the event may cover.
    pub start_day: f64,
    /// Day after the last day it may cover (exclusive end).
    pub end_day: f64,
    /// A lasting event (drawn as a bar) rather than a point.
    pub interval: bool,
    /// An interval whose end the sources do not give (drawn with a fading tail).
    pub unknown_end: bool,
    /// Characters in the mark's label (counted once, not every frame).
    pub label_chars: u32,
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
        let mut lanes = LaneIndex::build_all(data, today, events);
        if org < lanes.len() {
            lanes.swap_remove(org)
        } else {
            LaneIndex::default()
        }
    }

    /// Builds every organisation's lane from `events` (indexes into the
    /// dataset's events) in one pass.
    pub fn build_all(
        data: &Dataset,
        today: Day,
        events: impl IntoIterator<Item = usize>,
    ) -> Vec<LaneIndex> {
        let mut lanes = vec![LaneIndex::default(); data.organisations.len()];
        for i in events {
            let Some(e) = data.events.get(i) else {
                continue;
            };
            let Some(index) = lanes.get_mut(e.org) else {
                continue;
            };
            let item = LayoutItem {
                event: i,
                start_day: f64::from(e.date.earliest()),
                end_day: f64::from(e.date.latest_or(today)) + 1.0,
                interval: e.date.is_interval(),
                unknown_end: matches!(e.date.end, Some(IntervalEnd::Unknown)),
                label_chars: u32::try_from(data.label(e).chars().count()).unwrap_or(u32::MAX),
            };
            if item.end_day - item.start_day > LONG_ITEM_DAYS {
                index.long.push(item);
            } else {
                index.short.push(item);
            }
        }
        for index in &mut lanes {
            index
                .short
                .sort_by(|a, b| a.start_day.total_cmp(&b.start_day));
            index
                .long
                .sort_by(|a, b| a.start_day.total_cmp(&b.start_day));
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
            .filter(move |it| it.start_day <= to_day && it.end_day >= from_day)
    }

    /// Items overlapping `[from_day, to_day]`, short ones in start order,
    /// then long ones.
    pub fn visible(&self, from_day: f64, to_day: f64) -> impl Iterator<Item = &LayoutItem> {
        let lo = self
            .short
            .partition_point(|it| it.start_day < from_day - LONG_ITEM_DAYS);
        let hi = self.short.partition_point(|it| it.start_day <= to_day);
        let short = self
            .short
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .filter(move |it| it.end_day >= from_day);
        short.chain(self.long_visible(from_day, to_day))
    }
}

/// The items of a start-sorted slice that start in `[from_day, to_day)`.
fn starting(items: &[LayoutItem], from_day: f64, to_day: f64) -> &[LayoutItem] {
    let lo = items.partition_point(|it| it.start_day < from_day);
    let hi = items.partition_point(|it| it.start_day < to_day);
    items.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Sizes used by the layout, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Rows of marks in each lane.
    pub rows: usize,
    /// Width of a kind glyph.
    pub mark_px: f64,
    /// Average width of one label character.
    pub char_px: f64,
    /// Longest label drawn; longer titles are cut with an ellipsis.
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
            mark_px: 12.0,
            char_px: 7.0,
            max_label_px: 170.0,
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
    /// The label, cut to fit, or `None` when only the glyph fits.
    pub label: Option<String>,
    /// Where the label starts.
    pub label_x: f64,
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
    /// The first of its events (a stable key).
    pub first_event: usize,
}

/// What one lane draws at the current zoom.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaneLayout {
    /// Individually drawn events.
    pub marks: Vec<MarkBox>,
    /// Clusters of events too dense to draw.
    pub clusters: Vec<ClusterBox>,
}

/// How many characters a label of a `chars`-character title shows in
/// `max_px` (ellipsis included), or `None` when not even four fit; agrees
/// with [`fit_label`].
pub fn label_chars(chars: usize, max_px: f64, char_px: f64) -> Option<usize> {
    if char_px <= 0.0 || !max_px.is_finite() {
        return None;
    }
    let max_chars = (max_px / char_px).floor();
    if max_chars < 4.0 {
        return None;
    }
    Some(chars.min(max_chars as usize))
}

/// Cuts `title` to at most `max_px` (at `char_px` per character), ending in
/// an ellipsis when cut.
pub fn fit_label(title: &str, max_px: f64, char_px: f64) -> Option<String> {
    if char_px <= 0.0 || !max_px.is_finite() {
        return None;
    }
    let max_chars = (max_px / char_px).floor();
    if max_chars < 4.0 {
        return None;
    }
    let max_chars = max_chars as usize;
    let count = title.chars().count();
    if count <= max_chars {
        return Some(title.to_owned());
    }
    let mut cut: String = title.chars().take(max_chars - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    Some(cut)
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
/// drawn individually. `title` gives an event's title for its label.
pub fn layout_lane<'t>(
    index: &LaneIndex,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
    title: impl Fn(usize) -> &'t str,
) -> LaneLayout {
    if scale.width_px <= 0.0 || params.rows == 0 {
        return LaneLayout::default();
    }
    let margin_days = params.max_label_px / scale.px_per_day().max(1e-12);
    let from = scale.start_day - margin_days;
    let to = scale.end_day;
    if is_dense(index, scale, params) {
        return layout_dense(index, scale, params, pinned, title);
    }
    let candidates: Vec<Candidate> = index
        .visible(from, to)
        .map(|item| candidate(item, scale, params))
        .collect();
    pack(candidates, scale, params, pinned, title)
}

/// True when far more events are in view than a lane can draw: then only
/// counts are worth computing (see [`layout_lane`]).
pub fn is_dense(index: &LaneIndex, scale: &TimeScale, params: &LayoutParams) -> bool {
    let capacity = params.rows as f64 * scale.width_px / params.mark_px.max(1.0);
    let starting = index.short_starting(scale.start_day, scale.end_day).len()
        + index.long_starting(scale.start_day, scale.end_day).len();
    starting as f64 > 4.0 * capacity
}

fn candidate<'a>(item: &'a LayoutItem, scale: &TimeScale, params: &LayoutParams) -> Candidate<'a> {
    let clamp_px = |x: f64| clamp_f64(x, -1000.0, scale.width_px + 1000.0);
    let x0 = clamp_px(scale.map(item.start_day));
    let x1 = clamp_px(scale.map(item.end_day)).max(x0);
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
fn layout_dense<'t>(
    index: &LaneIndex,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
    title: impl Fn(usize) -> &'t str,
) -> LaneLayout {
    let mut marks: Vec<Candidate> = Vec::new();
    if let Some(p) = pinned {
        let day = scale.start_day;
        let found = index
            .short_starting(day - LONG_ITEM_DAYS, scale.end_day)
            .iter()
            .chain(index.long_visible(day, scale.end_day))
            .find(|it| it.event == p && it.end_day >= day);
        if let Some(item) = found {
            marks.push(candidate(item, scale, params));
        }
    }
    let mut out = pack(marks, scale, params, pinned, title);
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
        let Some(first) = firsts.min_by(|p, q| p.start_day.total_cmp(&q.start_day)) else {
            continue;
        };
        let last_day = short
            .last()
            .into_iter()
            .chain(long.last())
            .map(|it| it.start_day)
            .fold(first.end_day, f64::max);
        out.clusters.push(ClusterBox {
            x_px: x,
            count,
            first_day: first.start_day,
            last_day,
            first_event: first.event,
        });
    }
    out
}

/// Packs candidates into rows (see [`layout_lane`]); what does not fit
/// becomes clusters.
fn pack<'t>(
    mut candidates: Vec<Candidate>,
    scale: &TimeScale,
    params: &LayoutParams,
    pinned: Option<usize>,
    title: impl Fn(usize) -> &'t str,
) -> LaneLayout {
    let mut out = LaneLayout::default();
    candidates.sort_by(|a, b| a.mark.total_cmp(&b.mark));
    if let Some(p) = pinned {
        if let Some(pos) = candidates.iter().position(|c| c.item.event == p) {
            let c = candidates.remove(pos);
            candidates.insert(0, c);
        }
    }

    // Rightmost occupied pixel of each row: candidates arrive in x order, so
    // a box fits a row when it starts right of that. The pinned box is placed
    // first wherever it is, and is kept apart so the rest flow around it.
    let mut row_end = vec![f64::NEG_INFINITY; params.rows];
    let mut pinned_box: Option<(usize, f64, f64)> = None;
    let mut overflow: Vec<&Candidate> = Vec::new();
    let half = params.mark_px / 2.0;
    for (n, c) in candidates.iter().enumerate() {
        let is_pinned = n == 0 && pinned == Some(c.item.event);
        let left = c.x0.min(c.mark - half);
        let label_x = c.mark + half + 4.0;
        // The label's width from its character count; the string itself is
        // only made for boxes that are placed (cheap when most overflow).
        let room = params.max_label_px.min(scale.width_px - label_x.max(0.0));
        let label_chars = label_chars(c.item.label_chars as usize, room, params.char_px);
        let label_right =
            label_chars.map_or(c.mark + half, |n| label_x + n as f64 * params.char_px);
        let tail = if c.item.unknown_end {
            params.tail_px
        } else {
            0.0
        };
        let right_with_label = label_right.max(c.x1 + tail);
        let right_bare = (c.mark + half).max(c.x1 + tail);

        let fits = |row: usize, l: f64, r: f64| -> bool {
            if is_pinned {
                return row == 0;
            }
            let clear_of_pinned = match pinned_box {
                Some((prow, pl, pr)) if prow == row => {
                    r + params.gap_px <= pl || l >= pr + params.gap_px
                }
                _ => true,
            };
            row_end[row] + params.gap_px <= l && clear_of_pinned
        };
        let mut placed = None;
        for (with_label, right) in [(true, right_with_label), (false, right_bare)] {
            if with_label && label_chars.is_none() {
                continue;
            }
            if let Some(row) = (0..params.rows).find(|&r| fits(r, left, right)) {
                placed = Some((row, with_label, right));
                break;
            }
        }
        match placed {
            Some((row, with_label, right)) => {
                if is_pinned {
                    pinned_box = Some((row, left, right));
                } else {
                    row_end[row] = row_end[row].max(right);
                }
                out.marks.push(MarkBox {
                    event: c.item.event,
                    row,
                    x_px: c.mark,
                    span_x0: c.x0,
                    span_x1: c.x1,
                    label: if with_label {
                        fit_label(title(c.item.event), room, params.char_px)
                    } else {
                        None
                    },
                    label_x,
                    interval: c.item.interval,
                    unknown_end: c.item.unknown_end,
                });
            }
            None => overflow.push(c),
        }
    }

    // Overflowing events become clusters: a cluster starts at an event and
    // takes every later one within `cluster_px` of that start.
    for c in overflow {
        // Keep the badge inside the plot.
        let x = clamp_f64(c.mark, 0.0, (scale.width_px - params.cluster_px).max(0.0));
        match out.clusters.last_mut() {
            Some(cl) if x < cl.x_px + params.cluster_px => {
                cl.count += 1;
                cl.first_day = cl.first_day.min(c.item.start_day);
                cl.last_day = cl.last_day.max(c.item.end_day);
            }
            _ => out.clusters.push(ClusterBox {
                x_px: x,
                count: 1,
                first_day: c.item.start_day,
                last_day: c.item.end_day,
                first_event: c.item.event,
            }),
        }
    }
    out
}

/// The shown events that overlap the visible window, in time order, at most
/// `limit` of them, and how many there are in all.
pub fn events_in_window(
    data: &Dataset,
    shown: &[usize],
    scale: &TimeScale,
    today: Day,
    limit: usize,
) -> (Vec<usize>, usize) {
    let mut rows = Vec::new();
    let mut total = 0;
    for &i in shown {
        let Some(e) = data.events.get(i) else {
            continue;
        };
        let (a, b) = (
            f64::from(e.date.earliest()),
            f64::from(e.date.latest_or(today)) + 1.0,
        );
        if b >= scale.start_day && a <= scale.end_day {
            total += 1;
            if rows.len() < limit {
                rows.push(i);
            }
        }
    }
    (rows, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(event: usize, start: f64, end: f64) -> LayoutItem {
        LayoutItem {
            event,
            start_day: start,
            end_day: end,
            interval: false,
            unknown_end: false,
            label_chars: 13,
        }
    }

    fn index(items: Vec<LayoutItem>) -> LaneIndex {
        let mut idx = LaneIndex::default();
        for it in items {
            if it.end_day - it.start_day > LONG_ITEM_DAYS {
                idx.long.push(it);
            } else {
                idx.short.push(it);
            }
        }
        idx.short
            .sort_by(|a, b| a.start_day.total_cmp(&b.start_day));
        idx
    }

    fn scale(start: f64, end: f64, width: f64) -> TimeScale {
        TimeScale {
            start_day: start,
            end_day: end,
            width_px: width,
        }
    }

    const TITLE: &str = "A short title";

    #[test]
    fn culling_returns_exactly_the_overlapping_items() {
        let idx = index(vec![
            item(0, 0.0, 1.0),
            item(1, 50.0, 51.0),
            item(2, 99.0, 130.0),
            item(3, 200.0, 201.0),
            item(4, -5000.0, 5000.0),
        ]);
        let mut got: Vec<usize> = idx.visible(100.0, 150.0).map(|i| i.event).collect();
        got.sort();
        assert_eq!(got, [2, 4]);
        assert_eq!(
            idx.visible(1000.0, 900.0).count(),
            1,
            "an empty window still sees the long item"
        );
    }

    #[test]
    fn far_apart_events_get_labels_in_the_first_row() {
        let idx = index(vec![item(0, 10.0, 11.0), item(1, 500.0, 501.0)]);
        let l = layout_lane(
            &idx,
            &scale(0.0, 1000.0, 1000.0),
            &LayoutParams::default(),
            None,
            |_| TITLE,
        );
        assert_eq!(l.marks.len(), 2);
        assert!(l
            .marks
            .iter()
            .all(|m| m.row == 0 && m.label.as_deref() == Some(TITLE)));
        assert!(l.clusters.is_empty());
    }

    #[test]
    fn colliding_labels_stack_into_rows_without_overlap() {
        let idx = index(
            (0..4)
                .map(|i| item(i, 100.0 + i as f64, 101.0 + i as f64))
                .collect(),
        );
        let p = LayoutParams::default();
        let l = layout_lane(&idx, &scale(0.0, 1000.0, 1000.0), &p, None, |_| TITLE);
        let mut rows: Vec<usize> = l.marks.iter().map(|m| m.row).collect();
        rows.sort();
        assert_eq!(rows, [0, 1, 2, 3]);
    }

    #[test]
    fn too_many_events_in_one_place_become_a_counted_cluster() {
        let n = 500;
        let idx = index((0..n).map(|i| item(i, 100.0, 101.0)).collect());
        let p = LayoutParams::default();
        let l = layout_lane(&idx, &scale(0.0, 1000.0, 1000.0), &p, None, |_| TITLE);
        assert_eq!(l.marks.len(), p.rows, "one mark per row");
        let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
        assert_eq!(
            l.marks.len() + clustered,
            n,
            "every event is drawn or counted"
        );
        assert_eq!(l.clusters.len(), 1);
    }

    #[test]
    fn drawn_elements_are_bounded_by_width_not_by_event_count() {
        let p = LayoutParams::default();
        for n in [1_000_usize, 100_000] {
            let idx = index(
                (0..n)
                    .map(|i| item(i, i as f64 * 0.1, i as f64 * 0.1 + 1.0))
                    .collect(),
            );
            let s = scale(0.0, n as f64 * 0.1, 1280.0);
            let l = layout_lane(&idx, &s, &p, None, |_| TITLE);
            let drawn = l.marks.len() + l.clusters.len();
            let bound = (p.rows as f64 * 1280.0 / p.mark_px) as usize
                + (1280.0 / p.cluster_px) as usize
                + 2;
            assert!(
                drawn <= bound,
                "{n} events drew {drawn} elements (bound {bound})"
            );
            let counted: usize = l.marks.len() + l.clusters.iter().map(|c| c.count).sum::<usize>();
            assert_eq!(counted, n);
        }
    }

    #[test]
    fn a_dense_lane_is_counted_by_binary_search_with_the_pinned_event_drawn() {
        let n = 200_000;
        let idx = index(
            (0..n)
                .map(|i| item(i, i as f64 * 0.05, i as f64 * 0.05 + 1.0))
                .collect(),
        );
        let p = LayoutParams::default();
        let s = scale(0.0, n as f64 * 0.05, 1000.0);
        assert!(is_dense(&idx, &s, &p));
        let l = layout_lane(&idx, &s, &p, Some(123_456), |_| TITLE);
        assert_eq!(l.marks.len(), 1, "only the pinned event is a mark");
        assert_eq!(l.marks[0].event, 123_456);
        assert!(l.clusters.len() <= (1000.0 / p.cluster_px).ceil() as usize);
        let counted: usize = l.clusters.iter().map(|c| c.count).sum();
        assert_eq!(counted, n, "every event starting in view is counted once");
        for pair in l.clusters.windows(2) {
            assert!(
                pair[1].x_px >= pair[0].x_px + p.cluster_px - 1e-9,
                "badges do not overlap"
            );
        }
        // Zoomed in far enough, the same lane is laid out event by event.
        let close = scale(5_000.0, 5_010.0, 1000.0);
        assert!(!is_dense(&idx, &close, &p));
    }

    #[test]
    fn the_pinned_event_is_always_drawn() {
        let idx = index((0..50).map(|i| item(i, 100.0, 101.0)).collect());
        let l = layout_lane(
            &idx,
            &scale(0.0, 1000.0, 1000.0),
            &LayoutParams::default(),
            Some(37),
            |_| TITLE,
        );
        assert!(l.marks.iter().any(|m| m.event == 37));
    }

    #[test]
    fn marks_in_a_row_never_overlap() {
        let idx = index(
            (0..300)
                .map(|i| item(i, (i * 7 % 400) as f64, (i * 7 % 400) as f64 + 30.0))
                .collect(),
        );
        let p = LayoutParams::default();
        let l = layout_lane(&idx, &scale(0.0, 400.0, 800.0), &p, Some(5), |_| TITLE);
        for row in 0..p.rows {
            let mut boxes: Vec<(f64, f64)> = l
                .marks
                .iter()
                .filter(|m| m.row == row)
                .map(|m| {
                    let right = m.label.as_ref().map_or(m.x_px + p.mark_px / 2.0, |t| {
                        m.label_x + t.chars().count() as f64 * p.char_px
                    });
                    (
                        m.span_x0.min(m.x_px - p.mark_px / 2.0),
                        right.max(m.span_x1),
                    )
                })
                .collect();
            boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in boxes.windows(2) {
                assert!(
                    w[0].1 <= w[1].0,
                    "row {row}: {:?} overlaps {:?}",
                    w[0],
                    w[1]
                );
            }
        }
    }

    #[test]
    fn label_widths_agree_with_the_labels() {
        for title in ["Short", "A very long title that will not fit", "Жёлтый", ""] {
            for max in [10.0, 28.0, 60.0, 400.0] {
                let n = label_chars(title.chars().count(), max, 6.0);
                let label = fit_label(title, max, 6.0);
                assert_eq!(n, label.map(|l| l.chars().count()), "{title:?} in {max}");
            }
        }
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(fit_label("Short", 100.0, 6.0).as_deref(), Some("Short"));
        let cut = fit_label("A very long title that will not fit", 60.0, 6.0).unwrap();
        assert_eq!(cut, "A very lo…", "ten characters including the ellipsis");
        assert_eq!(fit_label("Anything", 10.0, 6.0), None);
        assert_eq!(fit_label("Anything", f64::NAN, 6.0), None);
    }

    #[test]
    fn the_list_holds_the_events_of_the_window_in_time_order() {
        use crate::core::data::parse_dataset;
        use crate::core::date::days_from_civil;
        let d = parse_dataset(include_str!("../../static/data/movements.json")).unwrap();
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let s = scale(
            f64::from(days_from_civil(2024, 1, 1)),
            f64::from(days_from_civil(2024, 12, 31)),
            800.0,
        );
        let (rows, total) = events_in_window(&d, &shown, &s, days_from_civil(2026, 1, 1), 10);
        let ids: Vec<&str> = rows.iter().map(|&i| d.text(d.events[i].id)).collect();
        assert_eq!(ids, ["rsm-foreign-agent", "rsm-dissolution"]);
        assert_eq!(total, 2);
        let (rows, total) = events_in_window(&d, &shown, &s, 0, 1);
        assert_eq!(
            (rows.len(), total),
            (1, 2),
            "the limit cuts rows, not the count"
        );
    }

    #[test]
    fn zero_width_lays_out_nothing_and_does_not_panic() {
        let idx = index(vec![item(0, 1.0, 2.0)]);
        let l = layout_lane(
            &idx,
            &scale(0.0, 10.0, 0.0),
            &LayoutParams::default(),
            None,
            |_| TITLE,
        );
        assert!(l.marks.is_empty() && l.clusters.is_empty());
    }
}
