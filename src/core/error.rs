//! Data errors that say what is wrong and where.

use std::fmt;

/// A dataset could not be used: what is wrong and where it is.
///
/// Every field a reader needs to find the problem in the file is here: the
/// JSON path (`events[3].date`), the event id when the problem belongs to an
/// event, and the line and column in the text when they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// What is wrong, in plain words.
    pub message: String,
    /// The same in Russian; empty for a message the widget did not word
    /// (serde's and the browser's: `i18n::problem` words the common ones).
    /// Boxed: an error is passed by value, and stays within 128 bytes.
    pub message_ru: Box<str>,
    /// JSON path of the offending value, empty for the whole document.
    pub path: String,
    /// Id of the event (or organisation) the problem belongs to.
    pub item_id: Option<String>,
    /// 1-based line in the data text, when known.
    pub line: Option<usize>,
    /// 1-based column in the data text, when known.
    pub column: Option<usize>,
}

impl DataError {
    /// An error about the value at `path`.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> DataError {
        DataError {
            message: message.into(),
            message_ru: Box::default(),
            path: path.into(),
            item_id: None,
            line: None,
            column: None,
        }
    }

    /// An error about the value at `path`, worded in English and Russian.
    pub fn said(
        path: impl Into<String>,
        message: impl Into<String>,
        ru: impl Into<String>,
    ) -> DataError {
        let mut error = DataError::at(path, message);
        error.message_ru = ru.into().into_boxed_str();
        error
    }

    /// An error about the whole document.
    pub fn whole(message: impl Into<String>) -> DataError {
        DataError::at("", message)
    }

    /// Names the item (event or organisation id) the error belongs to.
    pub fn item(mut self, id: &str) -> DataError {
        self.item_id = Some(id.to_owned());
        self
    }

    /// Places the error at a line and column of the text.
    pub fn line_column(mut self, line: usize, column: usize) -> DataError {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Where the error is, as one phrase: `events[3].date (event "x"), line 4, column 7`.
    pub fn location(&self) -> String {
        let mut out = self.path.clone();
        let mut add = |part: &str| {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(part);
        };
        if let Some(id) = &self.item_id {
            add(&format!("id \"{id}\""));
        }
        if let (Some(l), Some(c)) = (self.line, self.column) {
            add(&format!("line {l}, column {c}"));
        }
        out
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location();
        if loc.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{} (at {loc})", self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// 1-based line and column of a byte offset in `text`.
pub fn line_column_of(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = text.get(..byte_offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_message_path_id_and_position() {
        let e = DataError::at("events[3].date", "invalid date")
            .item("rsm-founded")
            .line_column(12, 5);
        assert_eq!(
            e.to_string(),
            "invalid date (at events[3].date, id \"rsm-founded\", line 12, column 5)"
        );
        assert_eq!(
            DataError::whole("the file is empty").to_string(),
            "the file is empty"
        );
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "{\n  \"a\": \"Ж\", x";
        let off = text.find('x').unwrap();
        assert_eq!(line_column_of(text, off), (2, 13));
        assert_eq!(line_column_of(text, 0), (1, 1));
    }
}
