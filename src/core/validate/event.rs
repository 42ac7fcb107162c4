//! The rules of one event: its id, kind, date, title and label, measure,
//! source and translations. An event with a problem is reported and not
//! stored; the reading goes on, so every problem of a file is listed.

use super::text::character_problem;
use super::{is_valid_id, Validator};
use crate::core::data::{
    safe_link, Event, EventKind, Measure, MeasureBound, Source, Text, Translation,
    LONG_TITLE_CHARS, MAX_LABEL_CHARS,
};
use crate::core::date::EventDate;
use crate::core::error::DataError;
use crate::core::i18n::{date_error_ru, ru_noun};
use crate::core::model::{RawEvent, RawMeasure, RawSource, RawTranslation};

/// The problems of one item, each with its path and the item's id.
struct Problems<'a> {
    /// The item's list and place: `("events", 3)`.
    item: (&'static str, usize),
    id: Option<&'a str>,
    found: Vec<DataError>,
}

impl<'a> Problems<'a> {
    fn new(item: (&'static str, usize), id: Option<&'a str>) -> Problems<'a> {
        Problems {
            item,
            id,
            found: Vec::new(),
        }
    }

    fn path(&self, field: &str) -> String {
        let (list, index) = self.item;
        if field.is_empty() {
            format!("{list}[{index}]")
        } else {
            format!("{list}[{index}].{field}")
        }
    }

    fn add(&mut self, field: &str, message: impl Into<String>, ru: impl Into<String>) {
        let mut error = DataError::said(self.path(field), message, ru);
        if let Some(id) = self.id {
            error = error.item(id);
        }
        self.found.push(error);
    }

    fn date(&mut self, field: &str, text: &str) -> Option<EventDate> {
        EventDate::parse(text)
            .map_err(|e| self.add(field, e.to_string(), date_error_ru(&e)))
            .ok()
    }
}

impl Problems<'_> {
    /// Refuses a string with a control character or a noncharacter.
    fn characters(&mut self, field: &str, value: &str) {
        if let Some((en, ru)) = character_problem(value) {
            self.add(field, en, ru);
        }
    }
}

/// Calls `f` with every free text of an event and a way to name its
/// field (called only for a problem, so reading allocates nothing).
fn each_text<'a>(raw: &'a RawEvent, mut f: impl FnMut(&dyn Fn() -> String, &'a str)) {
    let name = |field: &'static str| move || field.to_owned();
    f(&name("title"), &raw.title);
    let optional = [
        ("label", &raw.label),
        ("summary", &raw.summary),
        ("predecessor", &raw.predecessor),
        ("source.url", &raw.source.url),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            f(&name(field), value);
        }
    }
    f(&name("source.article"), &raw.source.article);
    f(&name("source.section"), &raw.source.section);
    f(&name("source.quote"), &raw.source.quote);
    for (i, person) in raw.people.iter().enumerate() {
        f(&|| format!("people[{i}]"), person);
    }
    if let Some(m) = &raw.measure {
        f(&name("measure.unit"), &m.unit);
    }
    for (lang, tr) in &raw.i18n {
        f(&|| format!("i18n.{lang}.title"), &tr.title);
        let optional = [
            ("label", &tr.label),
            ("summary", &tr.summary),
            ("unit", &tr.unit),
            ("predecessor", &tr.predecessor),
        ];
        for (field, value) in optional {
            if let Some(value) = value {
                f(&|| format!("i18n.{lang}.{field}"), value);
            }
        }
        for (i, person) in tr.people.iter().enumerate() {
            f(&|| format!("i18n.{lang}.people[{i}]"), person);
        }
    }
}

/// A label's problem, in English and Russian: empty, or longer than a
/// mark shows.
fn label_problem(label: &str) -> Option<(String, String)> {
    let chars = label.chars().count();
    if label.trim().is_empty() {
        Some((
            "the label is empty (leave it out to show the title)".into(),
            "краткая подпись пуста (уберите её, чтобы на метке показывался заголовок)".into(),
        ))
    } else if chars > MAX_LABEL_CHARS {
        Some((
            format!("the label is {chars} characters; a label has at most {MAX_LABEL_CHARS}"),
            format!(
                "в краткой подписи {chars} {}; допустимо не больше {MAX_LABEL_CHARS}",
                ru_noun(chars, ("символ", "символа", "символов"))
            ),
        ))
    } else {
        None
    }
}

/// A source's problems: every fact needs its article, section and quote.
fn check_source(p: &mut Problems<'_>, field: &str, source: &RawSource) {
    for (name, value) in [
        ("article", &source.article),
        ("section", &source.section),
        ("quote", &source.quote),
    ] {
        if value.trim().is_empty() {
            p.add(
                &format!("{field}.{name}"),
                format!("source {name} is empty; every fact needs its source"),
                format!(
                    "в источнике не заполнено поле `{name}`; у каждого факта должен быть источник"
                ),
            );
        }
    }
}

fn check_measure(p: &mut Problems<'_>, raw: &RawMeasure) -> Option<(u32, MeasureBound)> {
    let value = raw.value;
    let whole = value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value);
    if !whole {
        p.add(
            "measure.value",
            format!("a count must be a whole number from 0 to 4294967295: {value}"),
            format!("число должно быть целым, от 0 до 4\u{a0}294\u{a0}967\u{a0}295: {value}"),
        );
    }
    if raw.unit.trim().is_empty() {
        p.add(
            "measure.unit",
            "the measure's unit is empty",
            "не указана единица измерения",
        );
    }
    let bound = match raw.bound.as_str() {
        "exact" => Some(MeasureBound::Exact),
        "more-than" => Some(MeasureBound::MoreThan),
        other => {
            p.add(
                "measure.bound",
                format!("unknown bound \"{other}\" (expected `exact` or `more-than`)"),
                format!("неизвестное значение поля `bound`: «{other}» (допустимы `exact` и `more-than`)"),
            );
            None
        }
    };
    Some((value as u32, bound?)).filter(|_| whole)
}

fn check_translation(p: &mut Problems<'_>, lang: &str, raw: &RawTranslation, people: usize) {
    let field = format!("i18n.{lang}");
    if raw.title.trim().is_empty() {
        p.add(
            &format!("{field}.title"),
            "translated title is empty",
            "заголовок перевода пуст",
        );
    }
    if let Some((en, ru)) = raw.label.as_deref().and_then(label_problem) {
        p.add(&format!("{field}.label"), en, ru);
    }
    let named = raw.people.len();
    if named > 0 && named != people {
        p.add(
            &format!("{field}.people"),
            format!("the translation names {named} people and the event {people}: the same people, in the same order"),
            format!(
                "в переводе {named} {}, а в событии {people}: нужны те же люди в том же порядке",
                ru_noun(named, ("имя", "имени", "имён"))
            ),
        );
    }
}

/// True when a translation lacks a field the English has: people, a
/// measure's unit or a predecessor's name.
fn lacks_a_field(raw: &RawEvent, tr: &RawTranslation) -> bool {
    (!raw.people.is_empty() && tr.people.is_empty())
        || (raw.measure.is_some() && tr.unit.is_none())
        || (raw.predecessor.is_some() && tr.predecessor.is_none())
}

impl Validator {
    /// Checks the event at `index` of the file's list and, when it has no
    /// problem, stores it.
    pub fn event(&mut self, index: usize, raw: RawEvent) {
        self.seen.events = self.seen.events.max(index + 1);
        let valid_id = is_valid_id(&raw.id);
        let mut p = Problems::new(("events", index), valid_id.then_some(&*raw.id));
        if !valid_id {
            let shown: String = raw.id.chars().take(100).collect();
            p.add(
                "id",
                format!(
                    "event id \"{shown}\" must be 1 to 100 lower-case letters, digits, '-' or '_'"
                ),
                format!(
                    "id события «{shown}» должен состоять из 1–100 символов: строчных латинских букв, цифр, `-` и `_`"
                ),
            );
        }
        let kind = EventKind::parse(&raw.kind);
        if kind.is_none() {
            let all = EventKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            p.add(
                "kind",
                format!("unknown kind \"{}\" (expected one of: {all})", raw.kind),
                format!(
                    "неизвестный вид события «{}» (допустимы: `{}`)",
                    raw.kind,
                    all.replace(", ", "`, `")
                ),
            );
        }
        let date = p.date("date", &raw.date);
        if raw.title.trim().is_empty() {
            p.add("title", "event title is empty", "заголовок события пуст");
        }
        if let Some((en, ru)) = raw.label.as_deref().and_then(label_problem) {
            p.add("label", en, ru);
        }
        let measure = raw.measure.as_ref().map(|m| check_measure(&mut p, m));
        check_source(&mut p, "source", &raw.source);
        for (lang, tr) in &raw.i18n {
            check_translation(&mut p, lang, tr, raw.people.len());
        }
        each_text(&raw, |field, value| {
            if let Some((en, ru)) = character_problem(value) {
                p.add(&field(), en, ru);
            }
        });
        let (Some(kind), Some(date), true) = (kind, date, p.found.is_empty()) else {
            for error in p.found {
                self.fail(error);
            }
            return;
        };
        let measure = measure.flatten();
        self.store_event(index, raw, kind, date, measure);
    }

    fn store_event(
        &mut self,
        index: usize,
        raw: RawEvent,
        kind: EventKind,
        date: EventDate,
        measure: Option<(u32, MeasureBound)>,
    ) {
        let source = self.store_source(&format!("events[{index}].source"), &raw.source);
        let title_chars = raw.title.chars().count();
        if title_chars > LONG_TITLE_CHARS {
            self.warn(
                format!("events[{index}].title"),
                format!(
                    "event \"{}\" has a {title_chars}-character title; it is shown clipped",
                    raw.id
                ),
                format!(
                    "у события «{}» заголовок длиной {title_chars} {}; он показан обрезанным",
                    raw.id,
                    ru_noun(title_chars, ("символ", "символа", "символов"))
                ),
            );
        }
        if raw.label.is_none() {
            if self.seen.unlabelled == 0 {
                self.seen.first_unlabelled = format!("events[{index}].label");
            }
            self.seen.unlabelled += 1;
        }
        let measure = match (measure, &raw.measure) {
            (Some((value, bound)), Some(m)) => {
                let unit = self.push_shared(&m.unit);
                self.data.measures.push(Measure { value, unit, bound });
                u32::try_from(self.data.measures.len()).unwrap_or(0)
            }
            _ => 0,
        };
        let translations_from = u32::try_from(self.data.translations.len()).unwrap_or(u32::MAX);
        let mut languages: Vec<(&String, &RawTranslation)> = raw.i18n.iter().collect();
        languages.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (lang, tr) in languages {
            let translation = Translation {
                lang: self.push_shared(lang),
                title: self.push_text(&tr.title),
                label: self.push_text(tr.label.as_deref().unwrap_or("")),
                summary: self.push_text(tr.summary.as_deref().unwrap_or("")),
                people: self.push_text(&tr.people.join("\n")),
                unit: self.push_text(tr.unit.as_deref().unwrap_or("")),
                predecessor: self.push_text(tr.predecessor.as_deref().unwrap_or("")),
            };
            self.data.translations.push(translation);
            if lacks_a_field(&raw, tr) {
                if self.seen.untranslated == 0 {
                    self.seen.first_untranslated = format!("events[{index}].i18n.{lang}");
                }
                self.seen.untranslated += 1;
            }
        }
        let predecessor = match raw.predecessor.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => self.push_text(name),
            _ => Text::default(),
        };
        let event = Event {
            id: self.push_text(&raw.id),
            org: self.named_org(&raw.org),
            date,
            date_text: self.push_text(&raw.date),
            kind,
            title: self.push_text(&raw.title),
            label: self.push_text(raw.label.as_deref().unwrap_or("")),
            summary: self.push_text(raw.summary.as_deref().unwrap_or("")),
            people: self.push_text(&raw.people.join("\n")),
            measure,
            predecessor,
            quote: source.quote,
            place: self.place_of(source),
            file_index: u32::try_from(index).unwrap_or(u32::MAX),
            translations_from,
            translations_len: u8::try_from(raw.i18n.len()).unwrap_or(u8::MAX),
        };
        self.data.events.push(event);
        self.size_from_sample();
    }

    /// Stores a source: its quote in full, its article, section and link
    /// shared with the events around it. A link that is not `http:` or
    /// `https:` is dropped with a warning.
    pub(super) fn store_source(&mut self, path: &str, raw: &RawSource) -> Source {
        let url = match raw.url.as_deref().map(str::trim) {
            None | Some("") => Text::default(),
            Some(url) => {
                match safe_link(url) {
                    Some(safe) => self.push_shared(&safe),
                    None => {
                        let shown: String = url.chars().take(60).collect();
                        self.warn(
                        format!("{path}.url"),
                        format!("the link \"{shown}\" is not an http or https address; it was dropped"),
                        format!("ссылка «{shown}» — не адрес http или https; она отброшена"),
                    );
                        Text::default()
                    }
                }
            }
        };
        Source {
            article: self.push_shared(&raw.article),
            section: self.push_shared(&raw.section),
            quote: self.push_text(&raw.quote),
            url,
        }
    }

    /// Checks a source outside an event (a membership count's).
    pub(super) fn source_problems(
        item: (&'static str, usize),
        id: Option<&str>,
        raw: &RawSource,
    ) -> Vec<DataError> {
        let mut p = Problems::new(item, id);
        check_source(&mut p, "source", raw);
        for (field, value) in [
            ("source.article", &raw.article),
            ("source.section", &raw.section),
            ("source.quote", &raw.quote),
        ] {
            p.characters(field, value);
        }
        p.found
    }
}

/// One warning for all translations that lack people, a unit or a
/// predecessor's name the English has, naming the first.
pub(super) fn warn_of_untranslated(v: &mut Validator) {
    let n = v.seen.untranslated;
    if n == 0 {
        return;
    }
    let path = std::mem::take(&mut v.seen.first_untranslated);
    let verb = if n == 1 { " lacks" } else { "s lack" };
    v.warn(
        path,
        format!("{n} translation{verb} the people, the unit or the predecessor's name the English gives; the English is shown there"),
        format!(
            "в {n} {} нет имён, единицы измерения или названия предшественника, которые есть в английском тексте; вместо них показан английский текст",
            ru_noun(n, ("переводе", "переводах", "переводах"))
        ),
    );
}

/// One warning for all events without a label, naming the first.
pub(super) fn warn_of_unlabelled(v: &mut Validator) {
    let n = v.seen.unlabelled;
    if n == 0 {
        return;
    }
    let path = std::mem::take(&mut v.seen.first_unlabelled);
    let verb = if n == 1 { " has" } else { "s have" };
    v.warn(
        path,
        format!("{n} event{verb} no label; the title is shown on the mark"),
        format!(
            "у {n} {} нет краткой подписи; на метке показан заголовок",
            ru_noun(n, ("события", "событий", "событий"))
        ),
    );
}

/// The problems of a date field, for the organisation and count rules.
pub(super) fn date_problem(
    path: String,
    id: Option<&str>,
    text: &str,
) -> Result<EventDate, DataError> {
    EventDate::parse(text).map_err(|e| {
        let error = DataError::said(path, e.to_string(), date_error_ru(&e));
        match id {
            Some(id) => error.item(id),
            None => error,
        }
    })
}
