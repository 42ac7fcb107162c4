//! Phrases with a count in them ("3 events", "78,987 members"), each noun
//! in the plural form its language needs.

use super::{number, pick, tenths, Lang};

/// "3 events", "3 события": a count with its noun in the right form.
pub fn events(lang: Lang, n: usize) -> String {
    let n64 = n as u64;
    let noun = match lang {
        Lang::En => pick(lang, n64, ("event", "events", "events")),
        Lang::Ru => pick(lang, n64, ("событие", "события", "событий")),
    };
    format!("{} {noun}", number(lang, n as i64))
}

/// "78,987 members", "78 987 участников".
pub fn members(lang: Lang, n: u32) -> String {
    let noun = match lang {
        Lang::En => pick(lang, u64::from(n), ("member", "members", "members")),
        Lang::Ru => pick(lang, u64::from(n), ("участник", "участника", "участников")),
    };
    format!("{} {noun}", number(lang, i64::from(n)))
}

/// "3 of 19 events shown", "показано 3 из 19".
pub fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("{shown} of {} shown", events(lang, total)),
        Lang::Ru => format!("показано {shown} из {}", number(lang, total as i64)),
    }
}

/// A cluster's name: "5 events here; zoom in to see them".
pub fn cluster(lang: Lang, n: usize) -> String {
    cluster_words(lang, n, "Здесь")
}

/// A year's cluster row on a phone: "2020: 5 events here; zoom in to see
/// them" (in Russian the sentence after the colon starts lower-case).
pub fn year_cluster(lang: Lang, year: &str, n: usize) -> String {
    [year, ": ", &cluster_words(lang, n, "здесь")].concat()
}

/// The cluster's sentence, its Russian opening word given.
fn cluster_words(lang: Lang, n: usize, here_ru: &str) -> String {
    match lang {
        Lang::En => format!("{} here; zoom in to see them", events(lang, n)),
        Lang::Ru => format!(
            "{here_ru} {}; приблизьте, чтобы увидеть их",
            events(lang, n)
        ),
    }
}

/// The list view's caption: "12 events in the visible window".
pub fn in_window(lang: Lang, total: usize, shown: usize) -> String {
    let mut s = match lang {
        Lang::En => format!("{} in the visible window", events(lang, total)),
        Lang::Ru => format!("В видимой области {}", events(lang, total)),
    };
    if shown < total {
        s.push_str(&match lang {
            Lang::En => format!(" (first {shown} shown; zoom in to see the rest)"),
            Lang::Ru => format!(" (показаны первые {shown}; приблизьте, чтобы увидеть остальные)"),
        });
    }
    s
}

/// "2 data warnings", "2 предупреждения о данных".
pub fn warnings(lang: Lang, n: usize) -> String {
    let n64 = n as u64;
    match lang {
        Lang::En => format!(
            "{n} data {}",
            pick(lang, n64, ("warning", "warnings", "warnings"))
        ),
        Lang::Ru => format!(
            "{n} {} о данных",
            pick(
                lang,
                n64,
                ("предупреждение", "предупреждения", "предупреждений")
            )
        ),
    }
}

/// A growth bar's name: "+4,932/month, December 2019 to January 2020 (1.0
/// months)".
pub fn growth(lang: Lang, per_month: i64, from: &str, to: &str, months_tenths: i64) -> String {
    let sign = if per_month >= 0 { "+" } else { "" };
    let n = number(lang, per_month);
    let m = tenths(lang, months_tenths);
    match lang {
        Lang::En => format!("{sign}{n}/month, {from} to {to} ({m} months)"),
        Lang::Ru => format!("{sign}{n} в месяц, {from} – {to} ({m} мес.)"),
    }
}

/// The words of the buttons at the window's edges that bring in what lies
/// before it (`earlier`) or after it: "‹ 2 earlier events (earliest:
/// 1990s–2000s)", "3 later events (latest: 8 May 2024) ›".
pub fn beyond(lang: Lang, n: usize, earlier: bool, when: &str) -> String {
    let n64 = n as u64;
    let (side, extreme) = match (lang, earlier) {
        (Lang::En, true) => (
            pick(
                lang,
                n64,
                ("earlier event", "earlier events", "earlier events"),
            ),
            "earliest",
        ),
        (Lang::En, false) => (
            pick(lang, n64, ("later event", "later events", "later events")),
            "latest",
        ),
        (Lang::Ru, true) => (
            pick(
                lang,
                n64,
                (
                    "более раннее событие",
                    "более ранних события",
                    "более ранних событий",
                ),
            ),
            "самое раннее",
        ),
        (Lang::Ru, false) => (
            pick(
                lang,
                n64,
                (
                    "более позднее событие",
                    "более поздних события",
                    "более поздних событий",
                ),
            ),
            "самое позднее",
        ),
    };
    // "The earliest" of one event says nothing: its date alone.
    let when = if n == 1 {
        when.to_owned()
    } else {
        format!("{extreme}: {when}")
    };
    if earlier {
        format!("‹ {n} {side} ({when})")
    } else {
        format!("{n} {side} ({when}) ›")
    }
}

/// The note over a chart whose window is not the timeline's: "The chart
/// shows October 2019 – February 2022, marked on the time axis".
pub fn chart_range(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::En => format!("The chart shows {from} – {to}, marked on the time axis above"),
        Lang::Ru => {
            format!("Период графика: {from} – {to} (отмечен на шкале времени выше)")
        }
    }
}

/// Why a download failed, as the loader says it in English ("no answer
/// within 30 seconds", "no data arrived for 30 seconds", "network error:
/// …", "HTTP 404 Not Found"), in the reader's language. The browser's own
/// words after "network error:" and a server's status text stay as given.
pub fn load_reason(lang: Lang, reason: &str) -> String {
    if lang == Lang::En {
        return reason.to_owned();
    }
    let seconds = |rest: &str| {
        rest.strip_suffix(" seconds")
            .and_then(|n| n.parse::<usize>().ok())
    };
    let ru_seconds = |n: usize| {
        [
            n.to_string().as_str(),
            " ",
            pick(lang, n as u64, ("секунду", "секунды", "секунд")),
        ]
        .concat()
    };
    if let Some(n) = reason.strip_prefix("no answer within ").and_then(seconds) {
        format!("нет ответа в течение {}", ru_seconds(n))
    } else if let Some(n) = reason
        .strip_prefix("no data arrived for ")
        .and_then(seconds)
    {
        format!("данные не поступали {}", ru_seconds(n))
    } else if let Some(detail) = reason.strip_prefix("network error: ") {
        format!("ошибка сети: {detail}")
    } else {
        reason.to_owned()
    }
}

/// A noun's forms by plural category: one, few, many.
pub type Forms = (&'static str, &'static str, &'static str);

/// The Russian form of a noun after the number `n`: `forms` = (one, few,
/// many), e.g. ("событие", "события", "событий").
pub fn ru_noun(n: usize, forms: Forms) -> &'static str {
    pick(Lang::Ru, n as u64, forms)
}

/// A label on the aligned axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeTick {
    /// A year of life: 1 from the founding, −1 the year before it.
    Year(i32),
    /// A month within its year of life (1–12).
    Month(i32),
    /// A day since founding (1 is the founding day; −1 the day before).
    Day(i32),
    /// The founding line.
    Founding,
}

/// "year 3", "3-й год"; "1 yr before", "за 1 год до"; "month 5", "5-й
/// мес."; "day 38", "38-й день"; "2 d before", "за 2 дня до"; "founding",
/// "основание".
pub fn age_tick(lang: Lang, tick: AgeTick) -> String {
    match (lang, tick) {
        (Lang::En, AgeTick::Year(n)) if n < 0 => format!("{} yr before", -n),
        (Lang::Ru, AgeTick::Year(n)) if n < 0 => {
            let k = n.unsigned_abs();
            format!(
                "за {k} {} до",
                pick(lang, u64::from(k), ("год", "года", "лет"))
            )
        }
        (Lang::En, AgeTick::Day(n)) if n < 0 => format!("{} d before", -n),
        (Lang::Ru, AgeTick::Day(n)) if n < 0 => {
            let k = n.unsigned_abs();
            format!(
                "за {k} {} до",
                pick(lang, u64::from(k), ("день", "дня", "дней"))
            )
        }
        (Lang::En, AgeTick::Year(n)) => format!("year {n}"),
        (Lang::Ru, AgeTick::Year(n)) => format!("{n}-й год"),
        (Lang::En, AgeTick::Month(n)) => format!("month {n}"),
        (Lang::Ru, AgeTick::Month(n)) => format!("{n}-й мес."),
        (Lang::En, AgeTick::Day(n)) => format!("day {n}"),
        (Lang::Ru, AgeTick::Day(n)) => format!("{n}-й день"),
        (Lang::En, AgeTick::Founding) => "founding".to_owned(),
        (Lang::Ru, AgeTick::Founding) => "основание".to_owned(),
    }
}

/// An event's age since its organisation's founding: exact (`parts`: whole
/// years, months, days) for a day's date, the year(s) of life (`years`)
/// otherwise, "before founding" with neither.
pub fn age_words(lang: Lang, parts: Option<(i32, u32, u32)>, years: Option<(i32, i32)>) -> String {
    match (parts, years) {
        (Some((0, 0, 0)), _) => match lang {
            Lang::En => "on the founding day".to_owned(),
            Lang::Ru => "в день основания".to_owned(),
        },
        (Some((y, m, d)), _) => {
            let units: [(u64, Forms, Forms); 3] = [
                (
                    y.max(0) as u64,
                    ("year", "years", "years"),
                    ("год", "года", "лет"),
                ),
                (
                    u64::from(m),
                    ("month", "months", "months"),
                    ("месяц", "месяца", "месяцев"),
                ),
                (
                    u64::from(d),
                    ("day", "days", "days"),
                    ("день", "дня", "дней"),
                ),
            ];
            let said: Vec<String> = units
                .iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|&(n, en, ru)| {
                    let noun = pick(lang, n, if lang == Lang::En { en } else { ru });
                    format!("{n} {noun}")
                })
                .collect();
            match lang {
                Lang::En => format!("{} after founding", said.join(" ")),
                // "13 лет, 2 месяца и 1 день": the last joined by «и».
                Lang::Ru => {
                    let joined = match said.split_last() {
                        Some((last, rest)) if !rest.is_empty() => {
                            [rest.join(", ").as_str(), " и ", last].concat()
                        }
                        _ => said.join(""),
                    };
                    format!("через {joined} после основания")
                }
            }
        }
        (None, Some((a, b))) => match (lang, a == b) {
            (Lang::En, true) => format!("in year {a} after founding"),
            (Lang::En, false) => format!("in years {a}–{b} after founding"),
            (Lang::Ru, true) => format!("на {a}-м году после основания"),
            (Lang::Ru, false) => format!("на {a}–{b}-м году после основания"),
        },
        (None, None) => match lang {
            Lang::En => "before founding".to_owned(),
            Lang::Ru => "до основания".to_owned(),
        },
    }
}
