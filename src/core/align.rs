//! Two histories side by side: each organisation's events placed by days
//! since its own founding, so that both foundings stand on one line at 0.
//!
//! A position on the aligned axis is `day − offset(org)`, where the offset
//! is the organisation's founding day (0 in calendar mode): every part of
//! the widget that places a date (lanes, rows, the chart, the window's
//! limits) subtracts it, and everything else (zoom, pan, clusters, the
//! edges) works on those numbers unchanged. Ages are read out from the
//! calendar date at its own precision: "13 years 2 months 1 day after
//! founding" for a day, "in year 3 after founding" for a year.

use super::data::{Dataset, Event};
use super::date::{civil_from_days, Day, EventDate};
use super::i18n::{age_tick, age_words, AgeTick, Lang};
use super::scale::{clamp_f64, TimeScale};
use super::ticks::{Axis, Tick};

/// How the lanes are placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// By date (the default).
    #[default]
    Calendar,
    /// By days since each organisation's founding.
    Founding,
}

impl Align {
    /// From its URL and option value (`calendar`, `founding`).
    pub fn parse(s: &str) -> Option<Align> {
        match s {
            "calendar" => Some(Align::Calendar),
            "founding" => Some(Align::Founding),
            _ => None,
        }
    }

    /// Its URL and option value.
    pub fn as_str(self) -> &'static str {
        match self {
            Align::Calendar => "calendar",
            Align::Founding => "founding",
        }
    }
}

/// Each organisation's offset in days, by index: its founding day when
/// aligning by founding (`None` for one with no founding date, which cannot
/// be aligned), 0 by calendar.
pub fn offsets(data: &Dataset, align: Align) -> Vec<Option<Day>> {
    data.organisations
        .iter()
        .map(|o| match align {
            Align::Calendar => Some(0),
            Align::Founding => o.founded.map(|d| d.earliest()),
        })
        .collect()
}

/// Where events sit on the axis: each organisation's offset (see
/// [`offsets`]; a missing entry counts as 0) and today, where open ends
/// stop.
#[derive(Debug, Clone, Copy)]
pub struct Placing<'a> {
    /// The offsets, by organisation index.
    pub offsets: &'a [Option<Day>],
    /// Today's day number.
    pub today: Day,
    /// The alignment the offsets are for.
    pub align: Align,
}

impl Placing<'static> {
    /// By calendar (every offset 0).
    pub fn calendar(today: Day) -> Placing<'static> {
        Placing {
            offsets: &[],
            today,
            align: Align::Calendar,
        }
    }
}

impl Placing<'_> {
    /// Organisation `org`'s offset; `None` when it cannot be aligned.
    pub fn offset(&self, org: usize) -> Option<Day> {
        self.offsets.get(org).copied().unwrap_or(Some(0))
    }

    /// Where event `e` sits: its first day and the day after its last
    /// (an open end reaching today), on the axis; `None` when its
    /// organisation cannot be aligned.
    pub fn event(&self, e: &Event) -> Option<(Day, Day)> {
        let o = self.offset(e.org)?;
        let start = e.date.earliest();
        let end = e.date.latest_or(self.today).saturating_add(1);
        Some((start.saturating_sub(o), end.saturating_sub(o)))
    }

    /// The span `[first, last]` of a date of organisation `org`, on the axis.
    pub fn date(&self, org: usize, date: &EventDate) -> Option<(Day, Day)> {
        let o = self.offset(org)?;
        Some((
            date.earliest().saturating_sub(o),
            date.latest_or(self.today).saturating_sub(o),
        ))
    }

    /// The year an axis day falls in: the calendar year, or the year of
    /// life when aligned by founding.
    pub fn year_of(&self, day: f64) -> i32 {
        match self.align {
            Align::Calendar => civil_from_days(clamp_f64(day, -3e6, 3e6).floor() as Day).0,
            Align::Founding => age_year(day),
        }
    }

    /// The axis days of year `year` (see [`Placing::year_of`]): its first
    /// day and the day after its last.
    pub fn year_days(&self, year: i32) -> (f64, f64) {
        match self.align {
            Align::Calendar => (
                f64::from(super::date::days_from_civil(year, 1, 1)),
                f64::from(super::date::days_from_civil(year + 1, 1, 1)),
            ),
            Align::Founding => {
                let k = f64::from(if year > 0 { year - 1 } else { year });
                (k * YEAR_DAYS, (k + 1.0) * YEAR_DAYS)
            }
        }
    }

    /// First and last day of everything dated (events, counts,
    /// organisation lifespans; open ends reach today), on the axis; `None`
    /// when nothing is dated. The one place the data's span is found.
    pub fn span(&self, data: &Dataset) -> Option<(Day, Day)> {
        let events = data.events.iter().filter_map(|e| self.date(e.org, &e.date));
        let counts = data
            .membership
            .iter()
            .filter_map(|c| self.date(c.org, &c.date));
        let lives = data.organisations.iter().enumerate().filter_map(|(i, o)| {
            let (a, b) = o.lifespan(self.today)?;
            let off = self.offset(i)?;
            Some((a.saturating_sub(off), b.saturating_sub(off)))
        });
        events
            .chain(counts)
            .chain(lives)
            .fold(None, |acc, (lo, hi)| {
                Some(acc.map_or((lo, hi), |(a, b): (Day, Day)| (lo.min(a), hi.max(b))))
            })
    }

    /// The span a reader is shown first: everything dated (see
    /// [`Placing::span`]) from the earliest founding on. What lies before
    /// every founding (a predecessor's history) is left to the edge of the
    /// window, which counts it. The whole span when an organisation has no
    /// founding date.
    pub fn home_span(&self, data: &Dataset) -> Option<(Day, Day)> {
        let (first, last) = self.span(data)?;
        let founded: Option<Vec<Day>> = data
            .organisations
            .iter()
            .enumerate()
            .filter_map(|(i, o)| Some((self.offset(i)?, o)))
            .map(|(off, o)| o.founded.map(|d| d.earliest().saturating_sub(off)))
            .collect();
        let start = founded
            .and_then(|days| days.into_iter().min())
            .map_or(first, |d| d.clamp(first, last));
        Some((start, last))
    }
}

/// Days in an average Gregorian year: the aligned axis's year.
pub const YEAR_DAYS: f64 = 365.2425;
/// Days in an average month.
pub const MONTH_DAYS: f64 = YEAR_DAYS / 12.0;

/// Whole years, months and days from `founded` to `day` by the calendar
/// (anniversaries, not average years); `None` before the founding.
pub fn age_parts(founded: Day, day: Day) -> Option<(i32, u32, u32)> {
    if day < founded {
        return None;
    }
    let (y0, m0, d0) = civil_from_days(founded);
    let (y1, m1, d1) = civil_from_days(day);
    let mut months = (y1 - y0) * 12 + m1 as i32 - m0 as i32;
    let mut days = d1 as i32 - d0 as i32;
    if days < 0 {
        months -= 1;
        // Days from the last monthly anniversary: the month before `day`'s
        // has this many days after it.
        let (py, pm) = if m1 == 1 { (y1 - 1, 12) } else { (y1, m1 - 1) };
        let before = super::date::days_in_month(py, pm) as i32;
        days += before.max(d0 as i32);
        days = days.max(0);
    }
    Some((months / 12, (months % 12) as u32, days as u32))
}

/// The age of an event dated `date` in an organisation founded on
/// `founded`, at the date's precision: "13 years 2 months 1 day after
/// founding", "in year 3 after founding", "before founding".
pub fn age_label(lang: Lang, founded: Day, date: &EventDate, today: Day) -> String {
    let start = date.earliest();
    if start < founded {
        return age_words(lang, None, None);
    }
    let exact = date.is_one_day();
    if exact {
        return age_words(lang, age_parts(founded, start), None);
    }
    // The year of life the date's span falls in ("year 3", or "years 2–3").
    let year = |day: Day| age_parts(founded, day).map_or(1, |(y, _, _)| y + 1);
    let end = if date.is_interval() {
        start
    } else {
        date.latest_or(today)
    };
    age_words(lang, None, Some((year(start), year(end.max(start)))))
}

/// The step between the aligned axis's ticks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AgeStep {
    Days(f64),
    Months(f64),
    Years(f64),
}

impl AgeStep {
    const LADDER: [AgeStep; 13] = [
        AgeStep::Days(1.0),
        AgeStep::Days(7.0),
        AgeStep::Days(14.0),
        AgeStep::Months(1.0),
        AgeStep::Months(3.0),
        AgeStep::Months(6.0),
        AgeStep::Years(1.0),
        AgeStep::Years(2.0),
        AgeStep::Years(5.0),
        AgeStep::Years(10.0),
        AgeStep::Years(20.0),
        AgeStep::Years(50.0),
        AgeStep::Years(100.0),
    ];

    fn days(self) -> f64 {
        match self {
            AgeStep::Days(n) => n,
            AgeStep::Months(n) => n * MONTH_DAYS,
            AgeStep::Years(n) => n * YEAR_DAYS,
        }
    }
}

/// The year of life an aligned day falls in: 1 from the founding, −1 in the
/// year before it (there is no year 0).
pub fn age_year(aligned_day: f64) -> i32 {
    let y = (aligned_day / YEAR_DAYS).floor();
    let y = clamp_f64(y, -1e6, 1e6) as i32;
    if y >= 0 {
        y + 1
    } else {
        y
    }
}

/// Both rows of the aligned axis: minor ticks in years since founding
/// ("year 3"), months ("month 5") or days ("day 38"); a major row with the
/// founding line and, under months and days, the year of life.
pub fn age_axis(scale: &TimeScale, max_ticks: usize, lang: Lang) -> Axis {
    if scale.width_px <= 0.0 || !scale.start_day.is_finite() || !scale.end_day.is_finite() {
        return Axis::default();
    }
    let cap = max_ticks.max(2) as f64;
    let per_label_px = 72.0;
    let span = scale.span_days();
    let step = AgeStep::LADDER
        .into_iter()
        .find(|s| {
            let n = span / s.days();
            n <= cap && scale.width_px / n.max(1.0) >= per_label_px
        })
        .unwrap_or(AgeStep::Years(100.0));
    let size = step.days();
    let first = (scale.start_day / size).ceil() as i64;
    let last = (scale.end_day / size).floor() as i64;
    let minor = (first..=last.min(first + max_ticks as i64))
        .map(|k| {
            let at = k as f64 * size;
            Tick {
                day: at.round() as Day,
                label: minor_label(lang, step, at),
                pinned: false,
            }
        })
        .collect();
    Axis {
        minor,
        major: major_ticks(scale, step, lang),
    }
}

fn minor_label(lang: Lang, step: AgeStep, at: f64) -> String {
    let tick = match step {
        AgeStep::Years(_) => AgeTick::Year(age_year(at + 1.0)),
        AgeStep::Months(_) => {
            let year_start = (at / YEAR_DAYS).floor() * YEAR_DAYS;
            AgeTick::Month(((at - year_start) / MONTH_DAYS).round() as i32 % 12 + 1)
        }
        AgeStep::Days(_) => {
            // Day 1 is the founding day; the day before is −1 (no day 0).
            let d = at.round() as i32;
            AgeTick::Day(if d >= 0 { d + 1 } else { d })
        }
    };
    age_tick(lang, tick)
}

/// The founding line, and under months or days the year of life at each
/// year boundary (and pinned at the left edge).
fn major_ticks(scale: &TimeScale, step: AgeStep, lang: Lang) -> Vec<Tick> {
    let mut major = Vec::new();
    let fine = !matches!(step, AgeStep::Years(_));
    if fine {
        let first = (scale.start_day / YEAR_DAYS).ceil() as i64;
        let boundary_x = scale.map(first as f64 * YEAR_DAYS);
        if boundary_x >= 96.0 {
            major.push(Tick {
                day: scale.start_day.floor() as Day,
                label: age_tick(lang, AgeTick::Year(age_year(scale.start_day))),
                pinned: true,
            });
        }
        let mut k = first;
        while (k as f64) * YEAR_DAYS <= scale.end_day && major.len() < 8 {
            let at = k as f64 * YEAR_DAYS;
            if scale.map(at) <= scale.width_px - 40.0 {
                major.push(Tick {
                    day: at.round() as Day,
                    label: age_tick(lang, AgeTick::Year(age_year(at + 1.0))),
                    pinned: false,
                });
            }
            k += 1;
        }
    } else if scale.start_day <= 0.0 && scale.end_day >= 0.0 {
        major.push(Tick {
            day: 0,
            label: age_tick(lang, AgeTick::Founding),
            pinned: false,
        });
    }
    major
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::days_from_civil;

    fn date(s: &str) -> EventDate {
        EventDate::parse(s).unwrap()
    }

    #[test]
    fn ages_are_counted_by_anniversaries() {
        let rsm = days_from_civil(2011, 3, 7);
        assert_eq!(
            age_parts(rsm, days_from_civil(2024, 5, 8)),
            Some((13, 2, 1))
        );
        assert_eq!(age_parts(rsm, rsm), Some((0, 0, 0)));
        assert_eq!(
            age_parts(rsm, days_from_civil(2012, 3, 6)),
            Some((0, 11, 28))
        );
        assert_eq!(age_parts(rsm, days_from_civil(2011, 3, 6)), None);
        let end_of_month = days_from_civil(2020, 1, 31);
        assert_eq!(
            age_parts(end_of_month, days_from_civil(2020, 3, 1)),
            Some((0, 1, 1))
        );
    }

    #[test]
    fn an_age_is_said_at_its_date_s_precision() {
        let rsm = days_from_civil(2011, 3, 7);
        let today = days_from_civil(2026, 12, 7);
        let say = |l, s: &str| age_label(l, rsm, &date(s), today);
        assert_eq!(
            say(Lang::En, "2024-05-08"),
            "13 years 2 months 1 day after founding"
        );
        assert_eq!(say(Lang::En, "2011-03-07"), "on the founding day");
        assert_eq!(say(Lang::En, "2011-03-06"), "before founding");
        assert_eq!(say(Lang::En, "2013"), "in years 2–3 after founding");
        assert_eq!(say(Lang::En, "2012-05"), "in year 2 after founding");
        assert_eq!(
            say(Lang::Ru, "2024-05-08"),
            "через 13 лет, 2 месяца и 1 день после основания"
        );
        assert_eq!(say(Lang::Ru, "2012-05"), "на 2-м году после основания");
        assert_eq!(say(Lang::Ru, "2011-03-06"), "до основания");
    }

    #[test]
    fn the_aligned_axis_reads_in_years_months_or_days_since_founding() {
        let wide = TimeScale {
            start_day: -400.0,
            end_day: 14.0 * YEAR_DAYS,
            width_px: 1200.0,
        };
        let a = age_axis(&wide, 24, Lang::En);
        let labels: Vec<&str> = a.minor.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"year 1") && labels.contains(&"year 13"),
            "{labels:?}"
        );
        assert!(a.major.iter().any(|t| t.label == "founding" && t.day == 0));
        assert!(labels.contains(&"1 yr before"), "{labels:?}");
        let ru = age_axis(&wide, 24, Lang::Ru);
        assert!(
            ru.minor.iter().any(|t| t.label == "за 1 год до"),
            "{:?}",
            ru.minor
        );
        assert_eq!(age_tick(Lang::Ru, AgeTick::Year(-5)), "за 5 лет до");
        assert_eq!(age_tick(Lang::Ru, AgeTick::Day(-2)), "за 2 дня до");
        assert!(
            ru.minor.iter().any(|t| t.label == "1-й год"),
            "{:?}",
            ru.minor
        );
        let months = TimeScale {
            start_day: 30.0,
            end_day: 500.0,
            width_px: 1200.0,
        };
        let m = age_axis(&months, 24, Lang::En);
        assert!(
            m.minor.iter().all(|t| t.label.starts_with("month ")),
            "{:?}",
            m.minor
        );
        assert!(m.major.iter().any(|t| t.label == "year 2"), "{:?}", m.major);
        let days = TimeScale {
            start_day: 10.0,
            end_day: 20.0,
            width_px: 1200.0,
        };
        let d = age_axis(&days, 24, Lang::En);
        assert_eq!(d.minor.first().map(|t| t.label.as_str()), Some("day 11"));
        assert!(d.major.iter().any(|t| t.pinned && t.label == "year 1"));
        assert_eq!(age_year(-1.0), -1);
        assert_eq!(age_year(0.0), 1);
    }
}
