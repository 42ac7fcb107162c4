//! Axis ticks that adapt to the zoom: centuries and decades down to days.
//!
//! The step is the finest calendar unit whose labels fit without overlapping
//! and whose count stays within the cap; ticks fall on calendar boundaries
//! (1 January, the first of a month, Mondays are not used: days 1, 8, 15, 22).

use super::date::{civil_from_days, days_from_civil, Day};
use super::scale::{clamp_f64, TimeScale};

const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One tick on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The day the tick stands on (its start).
    pub day: Day,
    /// The label under the tick.
    pub label: String,
}

/// A calendar step between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickStep {
    /// Every `n` days (1, 2; 7 falls on days 1, 8, 15, 22 of each month).
    Days(u32),
    /// Every `n` months from January.
    Months(u32),
    /// Every `n` years from a multiple of `n`.
    Years(u32),
}

impl TickStep {
    const LADDER: [TickStep; 17] = [
        TickStep::Days(1),
        TickStep::Days(2),
        TickStep::Days(7),
        TickStep::Months(1),
        TickStep::Months(3),
        TickStep::Months(6),
        TickStep::Years(1),
        TickStep::Years(2),
        TickStep::Years(5),
        TickStep::Years(10),
        TickStep::Years(20),
        TickStep::Years(50),
        TickStep::Years(100),
        TickStep::Years(200),
        TickStep::Years(500),
        TickStep::Years(1000),
        TickStep::Years(2000),
    ];

    /// Average length of one step in days.
    pub fn approx_days(self) -> f64 {
        match self {
            TickStep::Days(n) => f64::from(n),
            TickStep::Months(n) => f64::from(n) * 30.44,
            TickStep::Years(n) => f64::from(n) * 365.25,
        }
    }

    /// Room one label of this step needs, in pixels, gap included.
    fn label_px(self) -> f64 {
        match self {
            TickStep::Days(_) => 64.0,   // "22 Nov"
            TickStep::Months(_) => 76.0, // "Nov 2020"
            TickStep::Years(_) => 48.0,  // "2020"
        }
    }

    fn label(self, day: Day) -> String {
        let (y, m, d) = civil_from_days(day);
        let abbr = MONTH_ABBR.get(m as usize - 1).copied().unwrap_or("?");
        match self {
            TickStep::Days(_) if d == 1 && m == 1 => format!("1 Jan {y}"),
            TickStep::Days(_) => format!("{d} {abbr}"),
            TickStep::Months(_) => format!("{abbr} {y}"),
            TickStep::Years(n) if n >= 10 && y % 10 == 0 && n < 100 => format!("{y}s"),
            TickStep::Years(_) => y.to_string(),
        }
    }

    /// The first tick at or after `day`, and the tick after a given one.
    fn first_at_or_after(self, day: Day) -> Day {
        let (y, m, d) = civil_from_days(day);
        let candidate = match self {
            TickStep::Days(7) => {
                let slot = [1, 8, 15, 22].into_iter().find(|&s| s >= d);
                match slot {
                    Some(s) => days_from_civil(y, m, s),
                    None => next_month_start(y, m),
                }
            }
            TickStep::Days(_) => day,
            TickStep::Months(n) => {
                let idx = (m - 1).div_ceil(n) * n + u32::from(d > 1 && (m - 1) % n == 0) * n;
                let (yy, mm) = (y + (idx / 12) as i32, idx % 12 + 1);
                days_from_civil(yy, mm, 1)
            }
            TickStep::Years(n) => {
                let n = n as i32;
                let after_jan1 = i32::from(m > 1 || d > 1);
                let yy = (y + after_jan1 + n - 1).div_euclid(n) * n;
                days_from_civil(yy, 1, 1)
            }
        };
        candidate.max(day)
    }

    fn next(self, tick: Day) -> Day {
        let (y, m, d) = civil_from_days(tick);
        match self {
            TickStep::Days(7) => match d {
                1 | 8 | 15 => tick + 7,
                _ => next_month_start(y, m),
            },
            TickStep::Days(n) => tick + n as i32,
            TickStep::Months(n) => {
                let idx = m - 1 + n;
                days_from_civil(y + (idx / 12) as i32, idx % 12 + 1, 1)
            }
            TickStep::Years(n) => days_from_civil(y + n as i32, 1, 1),
        }
    }
}

fn next_month_start(y: i32, m: u32) -> Day {
    if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    }
}

/// The finest step whose labels fit the scale and whose count stays at or
/// under `max_ticks`.
pub fn choose_step(scale: &TimeScale, max_ticks: usize) -> TickStep {
    let px_per_day = scale.px_per_day();
    let span = scale.span_days();
    TickStep::LADDER
        .into_iter()
        .find(|s| {
            let count = span / s.approx_days();
            s.approx_days() * px_per_day >= s.label_px() && count <= max_ticks as f64
        })
        .unwrap_or(TickStep::Years(2000))
}

/// Ticks inside the visible window, never more than `max_ticks`.
///
/// ```
/// use movement_timeline::core::{scale::TimeScale, ticks::ticks, date::days_from_civil};
/// let s = TimeScale { start_day: days_from_civil(2011, 1, 1) as f64,
///                     end_day: days_from_civil(2025, 1, 1) as f64, width_px: 1000.0 };
/// let t = ticks(&s, 20);
/// assert_eq!(t.first().unwrap().label, "2012"); // 2011 would be cut by the edge
/// assert!(t.len() <= 20);
/// ```
pub fn ticks(scale: &TimeScale, max_ticks: usize) -> Vec<Tick> {
    if max_ticks == 0
        || scale.width_px <= 0.0
        || !scale.start_day.is_finite()
        || !scale.end_day.is_finite()
    {
        return Vec::new();
    }
    let step = choose_step(scale, max_ticks);
    let lo = clamp_f64(scale.start_day.ceil(), -3_000_000.0, 3_000_000.0) as Day;
    let hi = clamp_f64(scale.end_day.floor(), -3_000_000.0, 3_000_000.0) as Day;
    let mut out = Vec::new();
    let mut day = step.first_at_or_after(lo);
    // A label centred on its tick needs half its width free on each side;
    // ticks closer to an edge would be cut off, so they are left out.
    let edge_px = step.label_px() * 0.4;
    while day <= hi && out.len() < max_ticks {
        let x = scale.map(f64::from(day));
        if x >= edge_px && x <= scale.width_px - edge_px {
            out.push(Tick {
                day,
                label: step.label(day),
            });
        }
        let next = step.next(day);
        if next <= day {
            break;
        }
        day = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(from: (i32, u32, u32), to: (i32, u32, u32), width_px: f64) -> TimeScale {
        TimeScale {
            start_day: f64::from(days_from_civil(from.0, from.1, from.2)),
            end_day: f64::from(days_from_civil(to.0, to.1, to.2)),
            width_px,
        }
    }

    fn labels(s: &TimeScale) -> Vec<String> {
        ticks(s, 30).into_iter().map(|t| t.label).collect()
    }

    #[test]
    fn three_decades_on_a_wide_screen_are_labelled_by_years() {
        let l = labels(&scale((1990, 1, 1), (2025, 1, 1), 1280.0));
        assert_eq!(
            l.first().map(String::as_str),
            Some("1992"),
            "1990 sits on the edge: {l:?}"
        );
        assert!(l.contains(&"2020".to_string()), "{l:?}");
    }

    #[test]
    fn a_narrow_width_falls_back_to_decades() {
        let l = labels(&scale((1990, 1, 1), (2025, 1, 1), 200.0));
        assert_eq!(l, ["2000s", "2010s", "2020s"], "1990s sits on the edge");
    }

    #[test]
    fn one_year_shows_months_and_a_fortnight_shows_days() {
        let l = labels(&scale((2020, 1, 1), (2020, 12, 31), 1280.0));
        assert_eq!(l.first().map(String::as_str), Some("Feb 2020"), "{l:?}");
        assert!(l.contains(&"Oct 2020".to_string()), "{l:?}");
        let l = labels(&scale((2020, 10, 10), (2020, 10, 24), 1280.0));
        assert_eq!(l.first().map(String::as_str), Some("11 Oct"), "{l:?}");
        assert_eq!(l.len(), 13, "every day but the two on the edges: {l:?}");
    }

    #[test]
    fn ticks_never_overlap_and_never_exceed_the_cap() {
        let mut s = scale((1900, 1, 1), (2030, 1, 1), 1000.0);
        for _ in 0..40 {
            for cap in [1, 5, 12, 40] {
                let t = ticks(&s, cap);
                assert!(t.len() <= cap);
                let step = choose_step(&s, cap);
                for pair in t.windows(2) {
                    let gap = s.map(f64::from(pair[1].day)) - s.map(f64::from(pair[0].day));
                    assert!(gap > 0.0, "ticks go forward");
                    if t.len() > 1 && step != TickStep::Years(2000) {
                        assert!(gap >= step.label_px() * 0.45, "gap {gap} at {step:?}");
                    }
                }
            }
            s = TimeScale {
                end_day: s.start_day + s.span_days() / 1.6,
                ..s
            };
        }
    }

    #[test]
    fn zero_width_and_zero_span_give_no_ticks_or_few() {
        let s = scale((2020, 1, 1), (2020, 1, 1), 0.0);
        assert!(ticks(&s, 10).is_empty());
        let s = scale((2020, 1, 1), (2020, 1, 1), 500.0);
        assert!(ticks(&s, 10).len() <= 10);
        assert!(ticks(&s, 0).is_empty());
    }

    #[test]
    fn every_tick_is_inside_the_window_and_on_a_calendar_boundary() {
        let s = scale((2011, 3, 7), (2013, 8, 19), 800.0);
        let t = ticks(&s, 30);
        assert!(!t.is_empty());
        for tick in t {
            let d = f64::from(tick.day);
            assert!(d >= s.start_day && d <= s.end_day);
            let (_, _, dd) = civil_from_days(tick.day);
            assert_eq!(dd, 1, "{}", tick.label);
        }
    }
}
