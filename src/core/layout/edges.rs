//! What lies wholly outside the window, on each side: counted so that the
//! widget can say so at its edges ("2 earlier events") and bring them in.

use super::{LaneIndex, LayoutItem, LONG_ITEM_DAYS};
use crate::core::date::Day;

/// The shown events wholly before and wholly after a window.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Outside {
    /// Events that end before the window starts.
    pub before: usize,
    /// Events that start after the window ends.
    pub after: usize,
    /// The earliest event before the window: its index and first day.
    pub first: Option<(usize, Day)>,
    /// The latest event after the window: its index and the day after its
    /// last day.
    pub last: Option<(usize, Day)>,
}

impl Outside {
    /// Both counts together (of several lanes).
    pub fn and(self, other: Outside) -> Outside {
        let earlier = |a: Option<(usize, Day)>, b: Option<(usize, Day)>| match (a, b) {
            (Some(x), Some(y)) => Some(if y.1 < x.1 { y } else { x }),
            (x, y) => x.or(y),
        };
        let later = |a: Option<(usize, Day)>, b: Option<(usize, Day)>| match (a, b) {
            (Some(x), Some(y)) => Some(if y.1 > x.1 { y } else { x }),
            (x, y) => x.or(y),
        };
        Outside {
            before: self.before + other.before,
            after: self.after + other.after,
            first: earlier(self.first, other.first),
            last: later(self.last, other.last),
        }
    }

    fn take(&mut self, it: &LayoutItem, from_day: f64, to_day: f64) {
        if it.end_day() < from_day {
            self.before += 1;
            if self.first.is_none_or(|(_, d)| it.start < d) {
                self.first = Some((it.event, it.start));
            }
        } else if it.start_day() > to_day {
            self.after += 1;
            if self.last.is_none_or(|(_, d)| it.end > d) {
                self.last = Some((it.event, it.end));
            }
        }
    }
}

impl LaneIndex {
    /// The lane's events wholly outside `[from_day, to_day]` (by the same
    /// overlap rule as [`LaneIndex::visible`]). Binary searches and the
    /// items within [`LONG_ITEM_DAYS`] of an edge: no scan of the lane.
    pub fn outside(&self, from_day: f64, to_day: f64) -> Outside {
        let mut out = Outside::default();
        for it in &self.long {
            out.take(it, from_day, to_day);
        }
        let short = &self.short;
        // Short items starting this early end before the window.
        let surely_before = short.partition_point(|it| it.start_day() < from_day - LONG_ITEM_DAYS);
        out = out.and(Outside {
            before: surely_before,
            first: short
                .first()
                .filter(|_| surely_before > 0)
                .map(|it| (it.event, it.start)),
            ..Outside::default()
        });
        let near_start = short.partition_point(|it| it.start_day() < from_day);
        for it in short.get(surely_before..near_start).unwrap_or(&[]) {
            out.take(it, from_day, to_day);
        }
        let after_at = short.partition_point(|it| it.start_day() <= to_day);
        out.after += short.len().saturating_sub(after_at);
        // The latest end is among the last LONG_ITEM_DAYS of starts.
        if let Some(last) = short.last().filter(|_| after_at < short.len()) {
            let from = short
                .partition_point(|it| it.start_day() < last.start_day() - LONG_ITEM_DAYS)
                .max(after_at);
            for it in short.get(from..).unwrap_or(&[]) {
                if out.last.is_none_or(|(_, d)| it.end > d) {
                    out.last = Some((it.event, it.end));
                }
            }
        }
        out
    }
}
