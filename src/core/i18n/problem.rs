//! Problems of the data in the reader's language: the error panel says
//! what is wrong and where in Russian too.
//!
//! The widget's own rules word their messages in both languages
//! ([`DataError::message_ru`]); a date's problem is worded here from its
//! kind. Messages the widget did not write (serde's "missing field",
//! "unknown field", "invalid type") are recognised by their fixed English
//! frames and worded in Russian, the names of fields kept as written in the
//! file; anything else is shown as it came.

use super::{month, Lang, MONTHS_RU_OF};
use crate::core::date::{DateError, DateProblem};
use crate::core::error::DataError;

/// What is wrong with a date, in Russian.
pub fn date_reason_ru(problem: DateProblem) -> String {
    match problem {
        DateProblem::Empty => "дата не указана".into(),
        DateProblem::Set => {
            "из наборов дат EDTF поддерживается только выбор из двух дат, например [2020,2021]".into()
        }
        DateProblem::ChoiceOrder => {
            "две даты выбора должны быть одной точности, вторая — позже первой".into()
        }
        DateProblem::TimeOfDay => {
            "время суток не поддерживается; укажите дату (ГГГГ-ММ-ДД)".into()
        }
        DateProblem::OpenStart => {
            "у интервала должно быть известное начало (открытое или неизвестное начало не поддерживается)"
                .into()
        }
        DateProblem::EndsBeforeStart => "интервал заканчивается раньше, чем начинается".into(),
        DateProblem::Level2 => {
            "возможности EDTF уровня 2 не поддерживаются (только уровни 0 и 1)".into()
        }
        DateProblem::BeforeYearZero => "годы до нулевого не поддерживаются".into(),
        DateProblem::BeyondYear9999 => "годы после 9999-го не поддерживаются".into(),
        DateProblem::NoKnownDigit => "год без единой известной цифры ничего не сообщает".into(),
        DateProblem::UnspecifiedMonthOrDay => {
            "неизвестные цифры месяца или дня не поддерживаются".into()
        }
        DateProblem::NotEdtf => {
            "это не дата в формате EDTF; даты записываются в формате EDTF, например: 2019, 2019-11, 2019-11-07 или 2011/2024"
                .into()
        }
        DateProblem::SeasonDay => "для времени года день не указывается".into(),
        DateProblem::NoMonth(m) => format!("месяца {m} не существует"),
        DateProblem::NoDay { year, month: m, day } => {
            format!("{day} {} {year} года не существует", month(&MONTHS_RU_OF, m))
        }
    }
}

/// A refused date, in Russian: `недопустимая дата «2020-13»: …`.
pub fn date_error_ru(e: &DateError) -> String {
    format!(
        "недопустимая дата «{}»: {}",
        e.input,
        date_reason_ru(e.problem)
    )
}

/// What is wrong, in `l`.
pub fn problem_text(l: Lang, e: &DataError) -> String {
    match l {
        Lang::En => e.message.clone(),
        Lang::Ru if !e.message_ru.is_empty() => e.message_ru.to_string(),
        Lang::Ru => serde_message_ru(&e.message).unwrap_or_else(|| e.message.clone()),
    }
}

/// Where it is, in `l`: `events[3].date, id «x», строка 4, столбец 7`.
pub fn problem_place(l: Lang, e: &DataError) -> String {
    if l == Lang::En {
        return e.location();
    }
    let mut parts = Vec::new();
    if !e.path.is_empty() {
        parts.push(e.path.clone());
    }
    if let Some(id) = &e.item_id {
        parts.push(format!("id «{id}»"));
    }
    if let (Some(line), Some(column)) = (e.line, e.column) {
        parts.push(format!("строка {line}, столбец {column}"));
    }
    parts.join(", ")
}

/// What is wrong and where, as one line of the panel's list (in English,
/// the error's own `Display`).
pub fn problem_line(l: Lang, e: &DataError) -> String {
    if l == Lang::En {
        return e.to_string();
    }
    let (text, place) = (problem_text(l, e), problem_place(l, e));
    if place.is_empty() {
        text
    } else {
        format!("{text} ({place})")
    }
}

/// serde's common messages in Russian, or `None` for one it does not know.
fn serde_message_ru(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Some(format!("нет обязательного поля {rest}"));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return Some(format!("поле {rest} указано дважды"));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        let allowed = match expected.strip_prefix("expected ") {
            Some(list) => format!("; допустимы: {}", list.trim_start_matches("one of ")),
            None => String::new(),
        };
        return Some(format!("неизвестное поле {field}{allowed}"));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(format!(
            "неверный тип значения: {}, ожидается {}",
            found_ru(found),
            expected_ru(expected)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (n, _) = rest.split_once(',')?;
        let n: usize = n.trim().parse().ok()?;
        return Some(format!("неверное число элементов в списке: {n}"));
    }
    message
        .strip_prefix("invalid value: ")
        .map(|_| "недопустимое значение".to_owned())
}

/// serde's name of the value found (`string "x"`, `integer `5``), in Russian.
fn found_ru(found: &str) -> String {
    const KINDS: [(&str, &str); 8] = [
        ("string ", "строка "),
        ("integer ", "целое число "),
        ("floating point ", "дробное число "),
        ("boolean ", "логическое значение "),
        ("sequence", "список"),
        ("map", "объект"),
        ("null", "null"),
        ("unit value", "null"),
    ];
    KINDS
        .iter()
        .find_map(|(en, ru)| {
            found
                .strip_prefix(en)
                .map(|rest| [*ru, guillemets(rest).as_str()].concat())
        })
        .unwrap_or_else(|| found.to_owned())
}

/// serde's `"text"` as Russian quotes it: «text».
fn guillemets(quoted: &str) -> String {
    match quoted.strip_prefix('"').and_then(|q| q.strip_suffix('"')) {
        Some(inner) => ["«", inner, "»"].concat(),
        None => quoted.to_owned(),
    }
}

/// What serde expected (`a string`, `u32`, `struct RawEvent`), in Russian.
fn expected_ru(expected: &str) -> &str {
    match expected {
        "a string" => "строка",
        "a boolean" => "логическое значение",
        "f64" | "f32" => "число",
        "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" => "целое число",
        e if e.starts_with("struct ") || e.contains("object") || e.contains("map") => "объект",
        e if e.contains("sequence") || e.contains("list") => "список",
        e => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_frames_are_worded_in_russian_with_the_field_names_kept() {
        assert_eq!(
            serde_message_ru("missing field `date`").as_deref(),
            Some("нет обязательного поля `date`")
        );
        assert_eq!(
            serde_message_ru("unknown field `colour`, expected one of `id`, `name`").as_deref(),
            Some("неизвестное поле `colour`; допустимы: `id`, `name`")
        );
        assert_eq!(
            serde_message_ru("invalid type: string \"12\", expected u32").as_deref(),
            Some("неверный тип значения: строка «12», ожидается целое число")
        );
        assert_eq!(serde_message_ru("something else"), None);
    }

    #[test]
    fn a_place_reads_in_russian() {
        let e = DataError::at("events[3].date", "x")
            .item("rsm-founded")
            .line_column(12, 5);
        assert_eq!(
            problem_place(Lang::Ru, &e),
            "events[3].date, id «rsm-founded», строка 12, столбец 5"
        );
        assert_eq!(
            problem_line(Lang::En, &e),
            "x (at events[3].date, id \"rsm-founded\", line 12, column 5)"
        );
    }

    #[test]
    fn an_impossible_day_is_named_with_its_month() {
        let reason = date_reason_ru(DateProblem::NoDay {
            year: 2021,
            month: 2,
            day: 30,
        });
        assert_eq!(reason, "30 февраля 2021 года не существует");
    }
}
