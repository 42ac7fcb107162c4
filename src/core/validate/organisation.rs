//! The rules of organisations and membership counts.

use super::event::date_problem;
use super::text::{character_problem, isolate};
use super::{is_valid_id, Validator};
use crate::core::data::{MembershipCount, Organisation, MAX_MEMBERS};
use crate::core::date::Day;
use crate::core::error::DataError;
use crate::core::model::{RawCount, RawOrganisation};

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

/// An optional text, trimmed, `None` when empty.
fn given(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

impl Validator {
    /// Checks the organisation at `index` of the file's list and, when it
    /// has no problem, stores it.
    pub fn organisation(&mut self, index: usize, raw: RawOrganisation) {
        let path = |field: &str| format!("organisations[{index}].{field}");
        let id = Some(raw.id.as_str()).filter(|id| is_valid_id(id));
        let error = |field: &str, (message, ru): (String, String)| {
            let e = DataError::said(path(field), message, ru);
            match id {
                Some(id) => e.item(id),
                None => e,
            }
        };
        let mut problems = Vec::new();
        if id.is_none() {
            let id = &raw.id;
            problems.push(error(
                "id",
                (
                    format!("organisation id \"{id}\" must be lower-case letters, digits, '-' or '_'"),
                    format!("id организации «{id}» должен состоять из 1–100 символов: строчных латинских букв, цифр, `-` и `_`"),
                ),
            ));
        } else if self.data.org_index(&raw.id).is_some() {
            let id = &raw.id;
            problems.push(error(
                "id",
                (
                    format!("duplicate organisation id \"{id}\""),
                    format!("id организации «{id}» повторяется"),
                ),
            ));
        }
        if raw.name.trim().is_empty() {
            let words = ("organisation name is empty", "название организации пусто");
            problems.push(error("name", (words.0.into(), words.1.into())));
        }
        let names = [
            ("name", Some(&raw.name)),
            ("abbreviation", Some(&raw.abbreviation)),
            ("nativeName", raw.native_name.as_ref()),
            ("nativeAbbreviation", raw.native_abbreviation.as_ref()),
        ];
        for (field, value) in names {
            if let Some(problem) = value.and_then(|v| character_problem(v)) {
                problems.push(error(field, problem));
            }
        }
        let color = raw.color.to_ascii_lowercase();
        if !is_hex_color(&color) {
            problems.push(error(
                "color",
                (
                    format!("colour \"{color}\" is not of the form #rrggbb"),
                    format!("цвет «{color}» записан не в виде `#rrggbb`"),
                ),
            ));
        }
        let mut date = |field: &str, text: Option<&String>| match text {
            None => None,
            Some(text) => date_problem(path(field), id, text)
                .map_err(|e| problems.push(e))
                .ok(),
        };
        let founded = date("founded", raw.founded.as_ref());
        let dissolved = date("dissolved", raw.dissolved.as_ref());
        if let (Some(f), Some(d)) = (&founded, &dissolved) {
            if d.latest_or(Day::MAX) < f.earliest() {
                let words = (
                    "dissolved before it was founded",
                    "дата роспуска раньше даты основания",
                );
                problems.push(error("dissolved", (words.0.into(), words.1.into())));
            }
        }
        if !problems.is_empty() {
            problems.into_iter().for_each(|e| self.fail(e));
            return;
        }
        // Organisations are few: they keep their own strings.
        let own = |s: String| isolate(&s).into_owned();
        self.data.organisations.push(Organisation {
            id: raw.id,
            name: own(raw.name),
            native_name: given(raw.native_name).map(own),
            abbreviation: own(raw.abbreviation),
            native_abbreviation: given(raw.native_abbreviation).map(own),
            founded,
            dissolved,
            color,
        });
    }

    /// Checks the membership count at `index` of the file's list and, when
    /// it has no problem, stores it.
    pub fn count(&mut self, index: usize, raw: RawCount) {
        let prefix = format!("membership[{index}]");
        let mut problems = Validator::source_problems(("membership", index), None, &raw.source);
        let date = date_problem(format!("{prefix}.date"), None, &raw.date)
            .map_err(|e| problems.push(e))
            .ok();
        let n = raw.members;
        let bad = |message: &str, ru: &str| {
            DataError::said(
                format!("{prefix}.members"),
                format!("{message}: {n}"),
                format!("{ru}: {n}"),
            )
        };
        if n < 0.0 {
            problems.push(bad(
                "membership cannot be negative",
                "численность не может быть отрицательной",
            ));
        } else if n.fract() != 0.0 {
            problems.push(bad(
                "membership must be a whole number",
                "численность должна быть целым числом",
            ));
        } else if n > MAX_MEMBERS as f64 {
            problems.push(bad(
                "membership is implausibly large (over 1,000,000,000)",
                "численность неправдоподобно велика (больше 1\u{a0}000\u{a0}000\u{a0}000)",
            ));
        }
        let (Some(date), true) = (date, problems.is_empty()) else {
            problems.into_iter().for_each(|e| self.fail(e));
            return;
        };
        let source = self.store_source(&format!("{prefix}.source"), &raw.source);
        let count = MembershipCount {
            org: self.named_org(&raw.org),
            date,
            date_text: self.push_text(&raw.date),
            members: n as u32,
            source,
        };
        self.data.membership.push(count);
    }
}
