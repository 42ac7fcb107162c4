//! Historical dates at the precision the sources give.
//!
//! Dates in the data are EDTF strings (ISO 8601-2, levels 0 and 1): `2019`,
//! `2019-11`, `2019-11-07`, seasons `2020-23`, approximate `~`, uncertain `?`,
//! both `%`, unspecified trailing year digits `199X`, and intervals `a/b` with
//! open (`..`) or unknown (empty) ends: what a timeline of recent history can
//! draw and say honestly. Level 2 forms, times of day and sets are refused by
//! name. The parser is this module's own (a page of code); it adds day
//! numbers, sort keys and human labels.
//!
//! Days are counted as [`Day`]: whole days since 1970-01-01 (negative before).

use std::fmt;

/// Whole days since 1970-01-01 in the proleptic Gregorian calendar.
pub type Day = i32;

/// Days since 1970-01-01 of a proleptic Gregorian calendar date.
///
/// Uses Howard Hinnant's `days_from_civil`; valid for every `i32` year we
/// accept (0..=9999).
///
/// ```
/// use movement_timeline::core::date::days_from_civil;
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2000, 3, 1), 11_017);
/// ```
pub fn days_from_civil(year: i32, month: u32, day: u32) -> Day {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date `(year, month, day)` of a day number; inverse of
/// [`days_from_civil`].
pub fn civil_from_days(days: Day) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// An ISO `YYYY-MM-DD` string for a day number, as used in DOM attributes and
/// URLs.
pub fn iso_day(days: Day) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// How finely a single date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DatePrecision {
    /// A span of years written with unspecified digits: `199X` is a decade
    /// (`unspecified_digits` = 1), `19XX` a century (2).
    Years {
        /// How many trailing year digits are unspecified (1 to 3).
        unspecified_digits: u8,
    },
    /// A calendar year.
    Year,
    /// A season of a year.
    Season,
    /// A calendar month.
    Month,
    /// A calendar day.
    Day,
}

/// One EDTF date (not an interval) with its day bounds and qualifiers. The
/// year, month, day and season are read back from the bounds, so a date
/// costs twelve bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePoint {
    /// First day the date may denote (inclusive).
    pub earliest: Day,
    /// Last day the date may denote (inclusive).
    pub latest: Day,
    /// How finely the date is known.
    pub precision: DatePrecision,
    /// `~`: the source gives an estimate ("mid-January", "about").
    pub approximate: bool,
    /// `?`: the date is inferred or doubtful (for example a year the text
    /// implies but does not state).
    pub uncertain: bool,
}

/// The end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalEnd {
    /// A known (possibly imprecise) end date.
    Date(DatePoint),
    /// `..`: still going on (open-ended).
    Open,
    /// Empty: the end is not known.
    Unknown,
}

/// A parsed event date: a single date at some precision, an interval, or
/// a choice of two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The date, the interval's start, or the first of two choices.
    pub start: DatePoint,
    /// What follows `start` (in the space of one date: 100,000 events are
    /// most of a large dataset's memory).
    then: Then,
}

/// What follows an event date's first date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Nothing: a single date.
    Nothing,
    /// The interval's end.
    Until(IntervalEnd),
    /// A choice (EDTF's "one of a set", `[2020,2021]`): the later date it
    /// may be instead. The text says one or the other, not both and not a
    /// duration.
    Or(DatePoint),
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The offending input.
    pub input: String,
    /// What is wrong (worded in English by [`DateProblem::reason`], in
    /// Russian by `i18n`).
    pub problem: DateProblem,
}

/// What is wrong with a date string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing but spaces.
    Empty,
    /// An EDTF set other than a choice of two dates in order (`{a,b}`,
    /// `[a..b]`, three or more dates).
    Set,
    /// A choice whose second date is not after its first, or at another
    /// precision.
    ChoiceOrder,
    /// A time of day (`T12:00`).
    TimeOfDay,
    /// An interval with an open or unknown start.
    OpenStart,
    /// An interval whose end is before its start.
    EndsBeforeStart,
    /// A form of EDTF level 2.
    Level2,
    /// A negative year.
    BeforeYearZero,
    /// A `Y`-prefixed year of more than four digits.
    BeyondYear9999,
    /// `XXXX`.
    NoKnownDigit,
    /// `X` in a month or day.
    UnspecifiedMonthOrDay,
    /// Not a date at all.
    NotEdtf,
    /// A day in a season (`2020-23-05`).
    SeasonDay,
    /// A month number that no month has.
    NoMonth(u32),
    /// A day that its month does not have.
    NoDay {
        /// The year.
        year: i32,
        /// The month, 1-12.
        month: u32,
        /// The day asked for.
        day: u32,
    },
}

impl DateProblem {
    /// What is wrong, in English (the input is named by [`DateError`]).
    pub fn reason(self) -> String {
        match self {
            DateProblem::Empty => "the date is empty".into(),
            DateProblem::Set => {
                "of the EDTF sets only a choice of two dates is supported, like [2020,2021]".into()
            }
            DateProblem::ChoiceOrder => {
                "the two dates of a choice must be at the same precision, the later second".into()
            }
            DateProblem::TimeOfDay => {
                "times of day are not supported; give a date (YYYY-MM-DD)".into()
            }
            DateProblem::OpenStart => {
                "an interval needs a known start date (open or unknown starts are not supported)"
                    .into()
            }
            DateProblem::EndsBeforeStart => "the interval ends before it starts".into(),
            DateProblem::Level2 => {
                "EDTF level 2 features are not supported (levels 0 and 1 only)".into()
            }
            DateProblem::BeforeYearZero => "years before year 0 are not supported".into(),
            DateProblem::BeyondYear9999 => "years beyond 9999 are not supported".into(),
            DateProblem::NoKnownDigit => "a year with no known digit says nothing".into(),
            DateProblem::UnspecifiedMonthOrDay => {
                "unspecified month or day digits are not supported".into()
            }
            DateProblem::NotEdtf => {
                "it is not an EDTF date; dates are EDTF, like 2019, 2019-11, 2019-11-07 or 2011/2024"
                    .into()
            }
            DateProblem::SeasonDay => "a season has no days".into(),
            DateProblem::NoMonth(m) => format!("month {m} does not exist"),
            DateProblem::NoDay { year, month, day } => {
                format!("{} {year} has no day {day}", month_name(month))
            }
        }
    }
}

impl DateError {
    /// What is wrong, in English.
    pub fn reason(&self) -> String {
        self.problem.reason()
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date \"{}\": {}", self.input, self.reason())
    }
}

impl std::error::Error for DateError {}

/// The parts of one date as written, before calendar checks.
struct Written {
    /// The year with unspecified digits as zeros (199X -> 1990).
    year: i32,
    /// How many trailing year digits are X.
    unspecified: u8,
    /// Month (1-12) or season code (21-24).
    month: Option<u32>,
    day: Option<u32>,
    approximate: bool,
    uncertain: bool,
}

/// Reads one date (not an interval): `YYYY[-MM[-DD]]` or `YYYY-SS`, with
/// trailing X year digits and a final `~`, `?` or `%`.
fn written(text: &str) -> Result<Written, DateProblem> {
    let (body, approximate, uncertain) = if let Some(b) = text.strip_suffix('~') {
        (b, true, false)
    } else if let Some(b) = text.strip_suffix('?') {
        (b, false, true)
    } else if let Some(b) = text.strip_suffix('%') {
        (b, true, true)
    } else {
        (text, false, false)
    };
    if body.contains(['~', '?', '%']) {
        return Err(DateProblem::Level2);
    }
    if body.starts_with('-') {
        return Err(DateProblem::BeforeYearZero);
    }
    if body.starts_with('Y') {
        return Err(DateProblem::BeyondYear9999);
    }
    if body.contains('S') {
        return Err(DateProblem::Level2);
    }
    let mut parts = body.split('-');
    let year_text = parts.next().unwrap_or("");
    let (month_text, day_text) = (parts.next(), parts.next());
    if parts.next().is_some() || year_text.len() != 4 {
        return Err(DateProblem::NotEdtf);
    }
    let unspecified = year_text.bytes().rev().take_while(|b| *b == b'X').count();
    if !year_text.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err(DateProblem::NotEdtf);
    }
    if year_text.bytes().filter(|b| *b == b'X').count() != unspecified {
        return Err(DateProblem::Level2);
    }
    if unspecified == 4 {
        return Err(DateProblem::NoKnownDigit);
    }
    let year = year_text.bytes().fold(0i32, |y, b| {
        y * 10 + if b == b'X' { 0 } else { i32::from(b - b'0') }
    });
    let number = |t: &str| -> Result<u32, DateProblem> {
        if t.contains('X') {
            return Err(DateProblem::UnspecifiedMonthOrDay);
        }
        if t.len() != 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateProblem::NotEdtf);
        }
        t.parse::<u32>().map_err(|_| DateProblem::NotEdtf)
    };
    let month = month_text.map(number).transpose()?;
    let day = day_text.map(number).transpose()?;
    if unspecified > 0 && month.is_some() {
        return Err(DateProblem::Level2);
    }
    Ok(Written {
        year,
        unspecified: unspecified as u8,
        month,
        day,
        approximate,
        uncertain,
    })
}

impl DatePoint {
    /// How many days the date may denote (1 for a day).
    pub fn days(&self) -> Day {
        self.latest - self.earliest + 1
    }

    /// The middle of the days the date may denote, where its mark is drawn
    /// (day numbers, the first day's start at its integer).
    pub fn middle_day(&self) -> f64 {
        f64::from(self.earliest) + f64::from(self.days()) / 2.0
    }

    /// One date, checked against the calendar.
    fn parse(text: &str) -> Result<DatePoint, DateProblem> {
        let w = written(text)?;
        let y = w.year;
        let (earliest, latest, precision) = match (w.month, w.day) {
            (None, _) => {
                let years = 10_i32.pow(u32::from(w.unspecified));
                let precision = if w.unspecified > 0 {
                    DatePrecision::Years {
                        unspecified_digits: w.unspecified,
                    }
                } else {
                    DatePrecision::Year
                };
                (
                    days_from_civil(y, 1, 1),
                    days_from_civil(y + years, 1, 1) - 1,
                    precision,
                )
            }
            (Some(code @ 21..=24), None) => {
                // Northern seasons: spring is March-May ... winter runs
                // from December into the next year.
                let first = 3 * (code - 20);
                let start = days_from_civil(y, first, 1);
                (
                    start,
                    days_from_civil(y, first, 1) + season_days(y, first) - 1,
                    DatePrecision::Season,
                )
            }
            (Some(21..=24), Some(_)) => return Err(DateProblem::SeasonDay),
            (Some(25..=41), _) => return Err(DateProblem::Level2),
            (Some(m), _) if !(1..=12).contains(&m) => return Err(DateProblem::NoMonth(m)),
            (Some(m), None) => (
                days_from_civil(y, m, 1),
                days_from_civil(y, m, days_in_month(y, m)),
                DatePrecision::Month,
            ),
            (Some(m), Some(d)) => {
                if d == 0 || d > days_in_month(y, m) {
                    return Err(DateProblem::NoDay {
                        year: y,
                        month: m,
                        day: d,
                    });
                }
                if w.approximate {
                    // An approximate day ("mid-January") is honestly a
                    // third of its month: early (1-10), mid (11-20) or
                    // late (21-end). Draw it so.
                    let (lo, hi) = match d {
                        1..=10 => (1, 10),
                        11..=20 => (11, 20),
                        _ => (21, days_in_month(y, m)),
                    };
                    (
                        days_from_civil(y, m, lo),
                        days_from_civil(y, m, hi),
                        DatePrecision::Day,
                    )
                } else {
                    let day = days_from_civil(y, m, d);
                    (day, day, DatePrecision::Day)
                }
            }
        };
        Ok(DatePoint {
            earliest,
            latest,
            precision,
            approximate: w.approximate,
            uncertain: w.uncertain,
        })
    }
}

/// What opens an EDTF set: `[` one of, `{` all of.
const SET_OPENERS: [char; 2] = ['[', '{'];

/// What marks a set or an interval, which a choice's two dates may not be.
const SET_OR_INTERVAL: [char; 4] = [',', '/', '[', '{'];

impl EventDate {
    /// Parse an EDTF string (levels 0 and 1, and level 2's choice of two
    /// dates, `[2020,2021]`) into a date the timeline can draw.
    ///
    /// ```
    /// use movement_timeline::core::date::EventDate;
    /// let d = EventDate::parse("2020-23").unwrap();
    /// assert_eq!(d.label(), "autumn 2020");
    /// assert!(EventDate::parse("2020-02-30").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<EventDate, DateError> {
        let text = input.trim();
        let err = |problem: DateProblem| DateError {
            input: input.to_owned(),
            problem,
        };
        if text.is_empty() {
            return Err(err(DateProblem::Empty));
        }
        if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            return Self::parse_choice(inner).map_err(err);
        }
        if text.starts_with(SET_OPENERS) {
            return Err(err(DateProblem::Set));
        }
        if text.contains('T') {
            return Err(err(DateProblem::TimeOfDay));
        }
        let Some((a, b)) = text.split_once('/') else {
            return Ok(EventDate {
                start: DatePoint::parse(text).map_err(err)?,
                then: Then::Nothing,
            });
        };
        if a.is_empty() || a == ".." {
            return Err(err(DateProblem::OpenStart));
        }
        let start = DatePoint::parse(a).map_err(err)?;
        let end = match b {
            ".." => IntervalEnd::Open,
            "" => IntervalEnd::Unknown,
            _ => IntervalEnd::Date(DatePoint::parse(b).map_err(err)?),
        };
        if let IntervalEnd::Date(e) = end {
            if e.latest < start.earliest {
                return Err(err(DateProblem::EndsBeforeStart));
            }
        }
        Ok(EventDate {
            start,
            then: Then::Until(end),
        })
    }

    /// `a,b` of `[a,b]`: two single dates at one precision, `b` after `a`
    /// (a set or an interval inside is refused).
    fn parse_choice(inner: &str) -> Result<EventDate, DateProblem> {
        let Some((a, b)) = inner.split_once(',') else {
            return Err(DateProblem::Set);
        };
        let single = |t: &str| {
            let t = t.trim();
            if t.contains(SET_OR_INTERVAL) || t.contains("..") {
                return Err(DateProblem::Set);
            }
            DatePoint::parse(t)
        };
        let (first, second) = (single(a)?, single(b)?);
        if first.precision != second.precision || second.earliest <= first.latest {
            return Err(DateProblem::ChoiceOrder);
        }
        Ok(EventDate {
            start: first,
            then: Then::Or(second),
        })
    }

    /// First day the date may denote.
    pub fn earliest(&self) -> Day {
        self.start.earliest
    }

    /// Last day the date may denote; an open or unknown interval end gives
    /// `None` (the caller decides how far to draw it, for example to today).
    pub fn latest(&self) -> Option<Day> {
        match self.then {
            Then::Nothing => Some(self.start.latest),
            Then::Or(other) => Some(other.latest),
            Then::Until(IntervalEnd::Date(e)) => Some(e.latest),
            Then::Until(IntervalEnd::Open | IntervalEnd::Unknown) => None,
        }
    }

    /// The interval's end; `None` for a single date or a choice.
    pub fn end(&self) -> Option<IntervalEnd> {
        match self.then {
            Then::Until(end) => Some(end),
            _ => None,
        }
    }

    /// The other date of a choice (`[2020,2021]`: 2021).
    pub fn or(&self) -> Option<DatePoint> {
        match self.then {
            Then::Or(other) => Some(other),
            _ => None,
        }
    }

    /// Last day the date is known to reach: an open end (`..`, still going
    /// on) reaches `open_until`; an unknown end reaches only as far as the
    /// start, since nothing is claimed beyond it.
    pub fn latest_or(&self, open_until: Day) -> Day {
        match self.end() {
            Some(IntervalEnd::Open) => open_until.max(self.start.latest),
            Some(IntervalEnd::Unknown) => self.start.latest,
            _ => self.latest().unwrap_or(self.start.latest),
        }
    }

    /// True for a choice of two dates (`[2020,2021]`).
    pub fn is_choice(&self) -> bool {
        matches!(self.then, Then::Or(_))
    }

    /// True for one known day (no interval, no choice, no span).
    pub fn is_one_day(&self) -> bool {
        self.start.precision == DatePrecision::Day && self.then == Then::Nothing
    }

    /// True for `start/end` dates.
    pub fn is_interval(&self) -> bool {
        matches!(self.then, Then::Until(_))
    }

    /// The dates written: the date, an interval's start and known end, or
    /// a choice's two.
    pub fn points(&self) -> impl Iterator<Item = DatePoint> {
        let then = match self.then {
            Then::Until(IntervalEnd::Date(p)) | Then::Or(p) => Some(p),
            _ => None,
        };
        std::iter::once(self.start).chain(then)
    }

    /// True when any date written is approximate (`~`).
    pub fn is_approximate(&self) -> bool {
        self.points().any(|p| p.approximate)
    }

    /// True when any date written is marked uncertain (`?`).
    pub fn is_marked_uncertain(&self) -> bool {
        self.points().any(|p| p.uncertain)
    }

    /// True when the date is in doubt: marked `?`, or a choice (the text
    /// does not say which of its dates).
    pub fn is_uncertain(&self) -> bool {
        self.is_choice() || self.is_marked_uncertain()
    }

    /// Sort key: by earliest day, then the more precise (shorter) date first.
    pub fn sort_key(&self) -> (Day, Day) {
        (self.start.earliest, self.latest().unwrap_or(Day::MAX))
    }
}

use super::joined::{joined, Joined};

/// English month names, January first.
pub const MONTHS_EN: Joined = joined![
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12), "?" for none.
pub fn month_name(m: u32) -> &'static str {
    MONTHS_EN.get(m.wrapping_sub(1) as usize).unwrap_or("?")
}

/// Days in the three months of a season starting in `first` of `year`.
fn season_days(year: i32, first: u32) -> i32 {
    (0..3)
        .map(|k| {
            let m = first + k;
            let (y, m) = if m > 12 {
                (year + 1, m - 12)
            } else {
                (year, m)
            };
            days_in_month(y, m) as i32
        })
        .sum()
}

#[cfg(test)]
mod tests;
