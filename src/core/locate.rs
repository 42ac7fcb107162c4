//! Where in the text a problem stands: the line and column of the value at
//! a JSON path (`events[1].date`), and the id of the item it belongs to.
//!
//! Validation runs on typed values, which keep no positions; when it finds
//! problems, this finds their places again in the text with serde_json's
//! [`RawValue`] (a borrowed slice of the text for each value, nothing
//! built), so an editor can jump to each. It runs on the error path only.

use super::error::{line_column_of, DataError};
use serde_json::value::RawValue;
use std::collections::HashMap;

/// One step of a JSON path.
#[derive(Debug, PartialEq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// The steps of a path such as `events[1].source.quote`.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in indices.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

type Object<'t> = HashMap<String, &'t RawValue>;

/// Finds values by path in one text, keeping the top-level lists it has
/// split so that a hundred problems do not read the text a hundred times.
pub struct Locator<'t> {
    text: &'t str,
    top: Option<Object<'t>>,
    lists: HashMap<String, Vec<&'t RawValue>>,
}

impl<'t> Locator<'t> {
    /// A locator over `text` (valid JSON, or the answers are `None`).
    pub fn new(text: &'t str) -> Locator<'t> {
        Locator {
            text,
            top: serde_json::from_str(text).ok(),
            lists: HashMap::new(),
        }
    }

    fn top_list(&mut self, key: &str) -> Option<&Vec<&'t RawValue>> {
        if !self.lists.contains_key(key) {
            let raw = self.top.as_ref()?.get(key)?;
            let list: Vec<&'t RawValue> = serde_json::from_str(raw.get()).ok()?;
            self.lists.insert(key.to_owned(), list);
        }
        self.lists.get(key)
    }

    /// The value at `path`, or the deepest value on the way to it.
    fn value_at(&mut self, path: &str) -> Option<&'t RawValue> {
        let steps = steps(path);
        let mut rest = steps.iter();
        let mut at: &'t RawValue = match (rest.next(), steps.get(1)) {
            (Some(Step::Key(k)), Some(Step::Index(i))) => {
                rest.next();
                self.top_list(k)?.get(*i)?
            }
            (Some(Step::Key(k)), _) => self.top.as_ref()?.get(*k)?,
            _ => return None,
        };
        for step in rest {
            let next = match step {
                Step::Key(k) => serde_json::from_str::<Object<'t>>(at.get())
                    .ok()
                    .and_then(|o| o.get(*k).copied()),
                Step::Index(i) => serde_json::from_str::<Vec<&'t RawValue>>(at.get())
                    .ok()
                    .and_then(|l| l.get(*i).copied()),
            };
            match next {
                Some(value) => at = value,
                None => break,
            }
        }
        Some(at)
    }

    /// The id of the event or organisation a path lies in.
    fn item_id(&mut self, path: &str) -> Option<String> {
        let steps = steps(path);
        let (Some(Step::Key(list @ ("events" | "organisations"))), Some(Step::Index(i))) =
            (steps.first(), steps.get(1))
        else {
            return None;
        };
        let item = *self.top_list(list)?.get(*i)?;
        let object: Object<'t> = serde_json::from_str(item.get()).ok()?;
        serde_json::from_str::<String>(object.get("id")?.get()).ok()
    }

    /// The errors, each given the line and column of its value and the id
    /// of its item where it had none.
    pub fn locate(mut self, errors: Vec<DataError>) -> Vec<DataError> {
        errors
            .into_iter()
            .map(|mut error| {
                if error.line.is_none() && !error.path.is_empty() {
                    if let Some(value) = self.value_at(&error.path) {
                        let offset = (value.get().as_ptr() as usize)
                            .saturating_sub(self.text.as_ptr() as usize);
                        let (line, column) = line_column_of(self.text, offset);
                        error = error.line_column(line, column);
                    }
                }
                if error.item_id.is_none() {
                    if let Some(id) = self.item_id(&error.path) {
                        error = error.item(&id);
                    }
                }
                error
            })
            .collect()
    }
}

/// The byte offset of a 1-based line and byte column (serde_json's).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// serde_json's line and byte column as a line and character column, as
/// every other error of the widget counts them.
pub fn char_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    let offset = offset_of(text, line, column);
    let offset = (0..=offset)
        .rev()
        .find(|&o| text.is_char_boundary(o))
        .unwrap_or(0);
    line_column_of(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_keys_and_indices() {
        assert_eq!(
            steps("events[12].i18n.ru.label"),
            [
                Step::Key("events"),
                Step::Index(12),
                Step::Key("i18n"),
                Step::Key("ru"),
                Step::Key("label")
            ]
        );
        assert_eq!(steps(""), []);
    }

    #[test]
    fn a_value_is_found_at_its_line_and_column_with_its_item() {
        let text =
            "{\"events\": [\n {\"id\": \"a\"},\n {\"id\": \"b\",\n  \"date\": \"2020-13\"}\n]}";
        let errors = Locator::new(text).locate(vec![DataError::at("events[1].date", "month 13")]);
        assert_eq!(errors[0].line, Some(4));
        assert_eq!(errors[0].column, Some(11));
        assert_eq!(errors[0].item_id.as_deref(), Some("b"));
    }

    #[test]
    fn invalid_text_locates_nothing_and_keeps_the_error() {
        let errors = Locator::new("{").locate(vec![DataError::at("events[0]", "x")]);
        assert_eq!(errors, vec![DataError::at("events[0]", "x")]);
    }
}
