//! Axis ticks that adapt to the zoom: centuries and decades down to days,
//! on two levels.
//!
//! The minor step is the finest calendar unit whose labels fit without
//! overlapping and whose count stays within the cap; ticks fall on calendar
//! boundaries (1 January, the first of a month, days 1, 8, 15, 22). A major
//! row under it names the enclosing period — the year under months or days,
//! the decade under years, the century under decades — so the year is on
//! screen at every zoom ("8 Feb … 1 Jun" over "2024").

use super::date::{civil_from_days, days_from_civil, Day};
use super::i18n::{tick_label, Lang, TickUnit};
use super::scale::{clamp_f64, TimeScale};

/// One tick on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The day the tick stands on (its start).
    pub day: Day,
    /// The label under the tick.
    pub label: String,
    /// A major label pinned to the left edge: the period the window starts
    /// in, whose own boundary is off screen.
    pub pinned: bool,
}

/// Both rows of the axis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Axis {
    /// Calendar ticks with short labels.
    pub minor: Vec<Tick>,
    /// The enclosing periods: a label at each period boundary in view, and
    /// the period the window starts in at the left edge.
    pub major: Vec<Tick>,
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

    /// Room one label of this step needs, in pixels, gap included (room
    /// for the Russian forms, which run longer: "22 нояб.", "сент.").
    fn label_px(self) -> f64 {
        match self {
            TickStep::Days(_) => 68.0,
            TickStep::Months(_) => 52.0,
            TickStep::Years(n) if n >= 10 => 52.0,
            TickStep::Years(_) => 48.0,
        }
    }

    fn unit(self) -> TickUnit {
        match self {
            TickStep::Days(_) => TickUnit::Day,
            TickStep::Months(_) => TickUnit::Month,
            TickStep::Years(n) if (10..100).contains(&n) => TickUnit::Decade,
            TickStep::Years(_) => TickUnit::Year,
        }
    }

    /// The period the major row names under this step.
    fn major(self) -> Period {
        match self {
            TickStep::Days(_) | TickStep::Months(_) => Period::Year,
            TickStep::Years(n) if n < 10 => Period::Decade,
            TickStep::Years(_) => Period::Century,
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

/// Minor ticks inside the visible window, never more than `max_ticks`.
///
/// ```
/// use movement_timeline::core::{scale::TimeScale, ticks::ticks, date::days_from_civil};
/// use movement_timeline::core::i18n::Lang;
/// let s = TimeScale { start_day: days_from_civil(2011, 1, 1) as f64,
///                     end_day: days_from_civil(2025, 1, 1) as f64, width_px: 1000.0 };
/// let t = ticks(&s, 20, Lang::En);
/// assert_eq!(t.first().unwrap().label, "2012"); // 2011 would be cut by the edge
/// assert!(t.len() <= 20);
/// ```
pub fn ticks(scale: &TimeScale, max_ticks: usize, lang: Lang) -> Vec<Tick> {
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
                label: tick_label(lang, step.unit(), day),
                pinned: false,
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

/// An enclosing period of the major row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Year,
    Decade,
    Century,
}

impl Period {
    fn years(self) -> i32 {
        match self {
            Period::Year => 1,
            Period::Decade => 10,
            Period::Century => 100,
        }
    }

    /// The first year of the period holding `year`.
    fn start(self, year: i32) -> i32 {
        year.div_euclid(self.years()) * self.years()
    }

    fn label(self, lang: Lang, first_year: i32) -> String {
        match self {
            Period::Year => first_year.to_string(),
            Period::Decade => tick_label(lang, TickUnit::Decade, days_from_civil(first_year, 1, 1)),
            Period::Century => century(lang, first_year / 100 + 1),
        }
    }
}

/// "20th century", "XX век".
fn century(lang: Lang, n: i32) -> String {
    match lang {
        Lang::En => {
            let suffix = match (n % 10, n % 100) {
                (1, m) if m != 11 => "st",
                (2, m) if m != 12 => "nd",
                (3, m) if m != 13 => "rd",
                _ => "th",
            };
            format!("{n}{suffix} century")
        }
        Lang::Ru => {
            let mut roman = String::new();
            let mut rest = n.clamp(1, 3999);
            for (value, letters) in [
                (1000, "M"),
                (900, "CM"),
                (500, "D"),
                (400, "CD"),
                (100, "C"),
                (90, "XC"),
                (50, "L"),
                (40, "XL"),
                (10, "X"),
                (9, "IX"),
                (5, "V"),
                (4, "IV"),
                (1, "I"),
            ] {
                while rest >= value {
                    roman.push_str(letters);
                    rest -= value;
                }
            }
            format!("{roman} век")
        }
    }
}

/// Both rows of the axis for the window (see [`Axis`]).
pub fn axis(scale: &TimeScale, max_ticks: usize, lang: Lang) -> Axis {
    let minor = ticks(scale, max_ticks, lang);
    if scale.width_px <= 0.0 || !scale.start_day.is_finite() || !scale.end_day.is_finite() {
        return Axis {
            minor,
            major: Vec::new(),
        };
    }
    let period = choose_step(scale, max_ticks).major();
    let lo = clamp_f64(scale.start_day, -3_000_000.0, 3_000_000.0) as Day;
    let hi = clamp_f64(scale.end_day, -3_000_000.0, 3_000_000.0) as Day;
    let first = period.start(civil_from_days(lo).0);
    let mut major = Vec::new();
    // Labels start at their boundary; the pinned one at the left edge needs
    // this much room before the first boundary label.
    let room_px = 96.0;
    let mut year = first + period.years();
    let mut boundaries = Vec::new();
    while boundaries.len() < max_ticks.max(1) {
        let day = days_from_civil(year, 1, 1);
        if day > hi {
            break;
        }
        if day >= lo {
            boundaries.push((day, year));
        }
        year += period.years();
    }
    let first_x = boundaries
        .first()
        .map_or(f64::INFINITY, |(d, _)| scale.map(f64::from(*d)));
    if first_x >= room_px {
        major.push(Tick {
            day: lo,
            label: period.label(lang, first),
            pinned: true,
        });
    }
    for (day, year) in boundaries {
        if scale.map(f64::from(day)) <= scale.width_px - 40.0 {
            major.push(Tick {
                day,
                label: period.label(lang, year),
                pinned: false,
            });
        }
    }
    Axis { minor, major }
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
        ticks(s, 30, Lang::En)
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    fn major(s: &TimeScale, lang: Lang) -> Vec<String> {
        axis(s, 30, lang)
            .major
            .into_iter()
            .map(|t| t.label)
            .collect()
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
        assert_eq!(l.first().map(String::as_str), Some("Feb"), "{l:?}");
        assert!(l.contains(&"Oct".to_string()), "{l:?}");
        let l = labels(&scale((2020, 10, 10), (2020, 10, 24), 1280.0));
        assert_eq!(l.first().map(String::as_str), Some("11 Oct"), "{l:?}");
        assert_eq!(l.len(), 13, "every day but the two on the edges: {l:?}");
    }

    #[test]
    fn ticks_never_overlap_and_never_exceed_the_cap() {
        let mut s = scale((1900, 1, 1), (2030, 1, 1), 1000.0);
        for _ in 0..40 {
            for cap in [1, 5, 12, 40] {
                let t = ticks(&s, cap, Lang::En);
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
        assert!(ticks(&s, 10, Lang::En).is_empty());
        let s = scale((2020, 1, 1), (2020, 1, 1), 500.0);
        assert!(ticks(&s, 10, Lang::En).len() <= 10);
        assert!(ticks(&s, 0, Lang::En).is_empty());
    }

    #[test]
    fn every_tick_is_inside_the_window_and_on_a_calendar_boundary() {
        let s = scale((2011, 3, 7), (2013, 8, 19), 800.0);
        let t = ticks(&s, 30, Lang::En);
        assert!(!t.is_empty());
        for tick in t {
            let d = f64::from(tick.day);
            assert!(d >= s.start_day && d <= s.end_day);
            let (_, _, dd) = civil_from_days(tick.day);
            assert_eq!(dd, 1, "{}", tick.label);
        }
    }

    #[test]
    fn the_major_row_names_the_year_at_every_zoom_into_months_or_days() {
        // February to June 2024: "8 Feb … 1 Jun" over "2024".
        let s = scale((2024, 2, 5), (2024, 6, 5), 1000.0);
        assert_eq!(major(&s, Lang::En), ["2024"]);
        assert!(axis(&s, 30, Lang::En).major[0].pinned);
        // Across a new year, both years are named.
        let s = scale((2019, 10, 1), (2020, 4, 1), 1000.0);
        assert_eq!(major(&s, Lang::En), ["2019", "2020"]);
        // A fortnight of days.
        let s = scale((2020, 10, 10), (2020, 10, 24), 1000.0);
        assert_eq!(major(&s, Lang::Ru), ["2020"]);
    }

    #[test]
    fn decades_under_years_and_centuries_under_decades() {
        let s = scale((2007, 1, 1), (2025, 1, 1), 1280.0);
        assert_eq!(major(&s, Lang::En), ["2000s", "2010s", "2020s"]);
        assert_eq!(major(&s, Lang::Ru), ["2000-е", "2010-е", "2020-е"]);
        let s = scale((1900, 1, 1), (2025, 1, 1), 600.0);
        assert_eq!(major(&s, Lang::En), ["20th century", "21st century"]);
        assert_eq!(major(&s, Lang::Ru), ["XX век", "XXI век"]);
    }

    #[test]
    fn a_boundary_near_the_left_edge_replaces_the_pinned_label() {
        let s = scale((2019, 12, 20), (2020, 6, 1), 1000.0);
        let a = axis(&s, 30, Lang::En);
        assert_eq!(a.major.len(), 1, "{:?}", a.major);
        assert!(!a.major[0].pinned);
        assert_eq!(a.major[0].label, "2020");
    }
}
