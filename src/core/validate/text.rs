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

/// True when the UTF-8 of `s` may hold a control character or a
/// noncharacter: a byte scan that passes ordinary text (Cyrillic, quotes,
/// dashes) without decoding a character, read for every string of every
/// event.
fn may_hold_forbidden(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        match x {
            0x09 | 0x0A | 0x0D => false,
            0x00..=0x1F | 0x7F => true,
            // U+0080–U+009F.
            0xC2 => next(1) <= 0x9F,
            // U+FDD0–U+FDEF and U+FFFE, U+FFFF.
            0xEF => {
                (next(1) == 0xB7 && (0x90..=0xAF).contains(&next(2)))
                    || (next(1) == 0xBF && next(2) >= 0xBE)
            }
            // U+nFFFE and U+nFFFF of the other planes.
            0xF0..=0xF4 => next(2) == 0xBF && next(3) >= 0xBE,
            _ => false,
        }
    })
}

/// What is wrong with a string's characters, if anything, in English and
/// Russian: the first control character or noncharacter, by code point and
/// place.
pub fn character_problem(s: &str) -> Option<(String, String)> {
    if !may_hold_forbidden(s) {
        return None;
    }
    let (i, c) = s.chars().enumerate().find(|&(_, c)| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_noncharacter(c)
    })?;
    let (n, code) = (i + 1, c as u32);
    let (what, ru) = if c.is_control() {
        (
            "a control character",
            format!("{n}-й символ — U+{code:04X}, управляющий символ; в тексте он недопустим, удалите его"),
        )
    } else {
        (
            "a noncharacter",
            format!("{n}-й символ — U+{code:04X}, несимвольная кодовая позиция; в тексте она недопустима, удалите её"),
        )
    };
    Some((
        format!("character {n} is U+{code:04X}, {what}, which text may not hold; remove it"),
        ru,
    ))
}

/// `s`, isolated (between FIRST STRONG ISOLATE and POP DIRECTIONAL
/// ISOLATE) when it holds a bidirectional control: the isolate's end also
/// ends every embedding and override begun inside it, so the string cannot
/// reorder what the widget writes around it, wherever it is drawn.
pub fn isolate(s: &str) -> Cow<'_, str> {
    // U+202A–U+202E are E2 80 AA–AE in UTF-8, U+2066–U+2069 E2 81 A6–A9:
    // found without decoding a character.
    let holds_control = s.as_bytes().windows(3).any(|w| {
        w[0] == 0xE2
            && ((w[1] == 0x80 && (0xAA..=0xAE).contains(&w[2]))
                || (w[1] == 0x81 && (0xA6..=0xA9).contains(&w[2])))
    });
    if holds_control {
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
            character_problem("ab\u{7}c").map(|(en, _)| en).as_deref(),
            Some("character 3 is U+0007, a control character, which text may not hold; remove it")
        );
        assert!(character_problem("x\u{FFFE}")
            .is_some_and(|(m, _)| m.contains("U+FFFE, a noncharacter")));
        assert!(character_problem("\u{FDD0}").is_some());
        assert!(character_problem("\u{9F}").is_some(), "C1 controls too");
        assert_eq!(character_problem("tab\tline\nbreak\r\n and Ж ё 😀"), None);
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_rules() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let forbidden =
                (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_noncharacter(c);
            let s = format!("a{c}b");
            assert_eq!(
                character_problem(&s).is_some(),
                forbidden,
                "U+{:04X}",
                c as u32
            );
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            assert_eq!(
                matches!(isolate(&s), Cow::Owned(_)),
                bidi,
                "U+{:04X}",
                c as u32
            );
        }
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
