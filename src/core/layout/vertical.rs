//! The vertical (phone) layout: the shown events of the window in time
//! order under year headings, counted per year where there are far more
//! than rows.

use crate::core::align::{Align, Placing};
use crate::core::data::Dataset;
use crate::core::date::DatePrecision;
use crate::core::scale::TimeScale;

/// The events of `order` (shown events in the order they are placed) that
/// overlap the visible window, at most `limit` of them, and how many there
/// are in all.
pub fn events_in_window(
    data: &Dataset,
    order: &[usize],
    scale: &TimeScale,
    place: &Placing,
    limit: usize,
) -> (Vec<usize>, usize) {
    let mut rows = Vec::new();
    let mut total = 0;
    for &i in order {
        if overlaps_window(data, i, scale, place) {
            total += 1;
            if rows.len() < limit {
                rows.push(i);
            }
        }
    }
    (rows, total)
}

/// True when event `i`'s days (an open end reaching today), as `place`
/// puts them, overlap the window.
fn overlaps_window(data: &Dataset, i: usize, scale: &TimeScale, place: &Placing) -> bool {
    data.events
        .get(i)
        .and_then(|e| place.event(e))
        .is_some_and(|(a, b)| f64::from(b) >= scale.start_day && f64::from(a) <= scale.end_day)
}

/// One row of the vertical (phone) layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A year heading: the events below it happened in that year.
    Year(i32),
    /// A decade heading (its first year), over an event dated only to the
    /// decade ("199X"): a year heading would claim a year the date does
    /// not give.
    Decade(i32),
    /// An event (index into [`Dataset::events`]).
    Event(usize),
    /// Events of one year counted, where there are far more than rows:
    /// choosing it shows that year.
    Cluster {
        /// The year.
        year: i32,
        /// How many shown events start in it (within the window).
        count: usize,
    },
}

/// The rows of the vertical layout: the shown events overlapping the window,
/// in time order, under a heading for each year (events that last are
/// listed in the year they start). Where the window holds more than
/// `max_rows` events, each year becomes one counted cluster row instead.
pub fn vertical_rows(
    data: &Dataset,
    order: &[usize],
    scale: &TimeScale,
    place: &Placing,
    max_rows: usize,
) -> Vec<Row> {
    let (in_window, total) = events_in_window(data, order, scale, place, max_rows);
    let year_of = |i: usize| {
        data.events
            .get(i)
            .and_then(|e| place.event(e))
            .map_or(0, |(a, _)| {
                place.year_of(f64::from(a).max(scale.start_day.floor()))
            })
    };
    let heading = |i: usize| {
        let y = year_of(i);
        let to_decade = place.align == Align::Calendar
            && data
                .events
                .get(i)
                .is_some_and(|e| matches!(e.date.start.precision, DatePrecision::Years { .. }));
        if to_decade {
            Row::Decade(y - y.rem_euclid(10))
        } else {
            Row::Year(y)
        }
    };
    let mut rows = Vec::new();
    if total <= max_rows {
        let mut last = None;
        for i in in_window {
            let h = heading(i);
            if last != Some(h) {
                rows.push(h);
                last = Some(h);
            }
            rows.push(Row::Event(i));
        }
        return rows;
    }
    for &i in order
        .iter()
        .filter(|&&i| overlaps_window(data, i, scale, place))
    {
        let y = year_of(i);
        match rows.last_mut() {
            Some(Row::Cluster { year, count }) if *year == y => *count += 1,
            _ => rows.push(Row::Cluster { year: y, count: 1 }),
        }
    }
    rows
}
