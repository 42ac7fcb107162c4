//! The rules every string of the data follows: no control characters (but
//! tab and line breaks) and no noncharacters, which no export format can
//! carry (an SVG with U+0007 does not parse); and bidirectional controls
//! kept inside their own string, so that one field cannot reorder the
//! widget's words around it.

use std::borrow::Cow;

fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// What is wrong with a string's characters, if anything: the first
/// control character or noncharacter, by code point and place.
pub fn character_problem(s: &str) -> Option<String> {
    let (i, c) = s.chars().enumerate().find(|&(_, c)| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_noncharacter(c)
    })?;
    let what = if c.is_control() {
        "a control character"
    } else {
        "a noncharacter"
    };
    Some(format!(
        "character {} is U+{:04X}, {what}, which text may not hold; remove it",
        i + 1,
        c as u32
    ))
}

/// True for the characters that change the direction of the text after
/// them: embeddings, overrides and isolates, and their ends.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s`, isolated (between FIRST STRONG ISOLATE and POP DIRECTIONAL
/// ISOLATE) when it holds a bidirectional control: the isolate's end also
/// ends every embedding and override begun inside it, so the string cannot
/// reorder what the widget writes around it, wherever it is drawn.
pub fn isolate(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_bidi_control) {
        Cow::Owned(format!("\u{2068}{s}\u{2069}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_noncharacters_are_named_by_place() {
        assert_eq!(
            character_problem("ab\u{7}c").as_deref(),
            Some("character 3 is U+0007, a control character, which text may not hold; remove it")
        );
        assert!(
            character_problem("x\u{FFFE}").is_some_and(|m| m.contains("U+FFFE, a noncharacter"))
        );
        assert!(character_problem("\u{FDD0}").is_some());
        assert!(character_problem("\u{9F}").is_some(), "C1 controls too");
        assert_eq!(character_problem("tab\tline\nbreak\r\n and Ж ё 😀"), None);
    }

    #[test]
    fn only_strings_with_bidi_controls_are_isolated() {
        assert_eq!(isolate("plain, or עברית"), "plain, or עברית");
        assert_eq!(
            isolate("\u{202E}reversed"),
            "\u{2068}\u{202E}reversed\u{2069}"
        );
    }
}
