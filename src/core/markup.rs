//! The widget's markup as text: a small writer the render functions use, and
//! a reader for what it writes.
//!
//! Why text: every element the widget draws is written by a few calls on
//! [`Markup`] (`open`, `attr`, `px`, `start`, `text`, `close`) instead of a
//! `html!` expansion each, which made the shipped WebAssembly about 10 KB
//! gzip smaller (docs/BENCHMARKS.md, the weight table); the same text is the
//! prerendered page natively, and render output is tested natively as
//! plain strings. In the browser the view turns the text into Yew's virtual
//! DOM with [`read`] (no HTML string parsing: nothing is parsed by the browser, so
//! strict CSP and Trusted Types hold, and Yew keeps patching elements in
//! place, so focus and hover survive a render).
//!
//! The writer escapes every value and text; the reader accepts exactly what
//! the writer produces (double-quoted attributes, the five entities below)
//! and treats anything else as text, so it cannot be made to produce an
//! element the writer did not write.

use super::scale::clamp_f64;
use std::borrow::Cow;

/// Every attribute name the widget writes, the most used first, grouped by
/// the elements that carry them (a mark's shapes use the first ten, a mark
/// the first twenty-one). The view keeps an element's attributes as slots of
/// a prefix of this list, so a render compares slot by slot instead of
/// hashing names, and the module needs no map of names (2.4 KB gzip). A
/// name missing here is not set: `tests/render.rs` checks every name the
/// views write and every name the render code spells out.
pub static ATTRIBUTE_NAMES: [&str; 61] = [
    "class",
    "x",
    "y",
    "width",
    "height",
    "fill",
    "stroke",
    "d",
    "fill-rule",
    "rx",
    "transform",
    "data-act",
    "data-testid",
    "role",
    "tabindex",
    "aria-label",
    "aria-pressed",
    "data-event-id",
    "data-org",
    "data-kind",
    "data-index",
    "data-count",
    "data-from",
    "data-to",
    "cx",
    "cy",
    "r",
    "data-point",
    "data-date",
    "data-members",
    "text-anchor",
    "x1",
    "x2",
    "y1",
    "y2",
    "aria-hidden",
    "focusable",
    "viewBox",
    "preserveAspectRatio",
    "type",
    "title",
    "lang",
    "href",
    "rel",
    "target",
    "scope",
    "data-zone",
    "data-lang",
    "data-window-start",
    "data-window-end",
    "aria-expanded",
    "aria-haspopup",
    "aria-live",
    "aria-labelledby",
    "data-layout",
    "data-state",
    "data-format",
    "disabled",
    "placeholder",
    "open",
    "id",
];

/// Markup being written.
#[derive(Debug, Default, Clone)]
pub struct Markup {
    /// The text so far.
    pub out: String,
    /// Write `key` attributes (for the browser's keyed diff); off for the
    /// prerender and exports, where keys mean nothing.
    pub keys: bool,
}

/// Writes `text` with `&`, `<`, `>`, `"` and `'` escaped. A byte loop: the
/// standard library's search for a set of characters decodes each one.
fn escape_into(out: &mut String, text: &str) {
    let mut from = 0;
    for (at, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(text.get(from..at).unwrap_or_default());
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(text.get(from..).unwrap_or_default());
}

/// Writes a whole number.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut v = n.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Writes a pixel number: finite, one decimal at most (`12.5`, `-3`, `0`
/// for NaN). Integer arithmetic only: float formatting is larger and slower,
/// and this runs for every coordinate of every mark on every frame.
pub fn push_px(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push('0');
        return;
    }
    let tenths = clamp_f64((x * 10.0).round(), -1e15, 1e15) as i64;
    let (whole, frac) = (tenths / 10, (tenths % 10).unsigned_abs());
    if tenths < 0 && whole == 0 {
        out.push('-');
    }
    push_int(out, whole);
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + frac as u8));
    }
}

impl Markup {
    /// An empty writer; `keys` as in [`Markup::keys`].
    pub fn new(keys: bool) -> Markup {
        Markup {
            out: String::new(),
            keys,
        }
    }

    /// Markup written out as it is: a tag's start with its fixed
    /// attributes in single quotes (`<button type='button'`), or anything
    /// else the writer would write. Static text only, never data: it is
    /// not escaped. One call and a string in the data section in place of
    /// a call per attribute is most of why the renderer is small.
    pub fn raw(&mut self, markup: &'static str) -> &mut Markup {
        self.out.push_str(markup);
        self
    }

    /// `<tag` (attributes follow, then [`start`](Markup::start) or
    /// [`end`](Markup::end)).
    pub fn open(&mut self, tag: &str) -> &mut Markup {
        self.out.push('<');
        self.out.push_str(tag);
        self
    }

    fn name(&mut self, name: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
    }

    /// ` name="value"`, escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Markup {
        self.name(name);
        escape_into(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// An attribute only when `on`.
    pub fn attr_if(&mut self, on: bool, name: &str, value: &str) -> &mut Markup {
        if on {
            self.attr(name, value);
        }
        self
    }

    /// A pixel attribute (see [`push_px`]).
    pub fn px(&mut self, name: &str, value: f64) -> &mut Markup {
        self.name(name);
        push_px(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// A whole-number attribute.
    pub fn int(&mut self, name: &str, value: i64) -> &mut Markup {
        self.name(name);
        push_int(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// `class="base extra…"` with each extra name whose flag is set.
    pub fn class(&mut self, base: &str, extra: &[(bool, &str)]) -> &mut Markup {
        self.name("class");
        self.out.push_str(base);
        for (on, name) in extra {
            if *on {
                self.out.push(' ');
                self.out.push_str(name);
            }
        }
        self.out.push('"');
        self
    }

    /// `true` or `false` (ARIA states).
    pub fn flag(&mut self, name: &str, on: bool) -> &mut Markup {
        self.attr(name, if on { "true" } else { "false" })
    }

    /// The element's key among its siblings, when keys are on.
    pub fn key(&mut self, key: &str) -> &mut Markup {
        if self.keys {
            self.attr("key", key);
        }
        self
    }

    /// A whole-number key, when keys are on.
    pub fn key_int(&mut self, prefix: char, key: i64) -> &mut Markup {
        if self.keys {
            self.name("key");
            self.out.push(prefix);
            push_int(&mut self.out, key);
            self.out.push('"');
        }
        self
    }

    /// `transform="translate(x y)"`.
    pub fn translate(&mut self, x: f64, y: f64) -> &mut Markup {
        self.name("transform");
        self.out.push_str("translate(");
        push_px(&mut self.out, x);
        self.out.push(' ');
        push_px(&mut self.out, y);
        self.out.push_str(")\"");
        self
    }

    /// `viewBox="0 0 width height"`, so a copy drawn at one width can be
    /// scaled to another (the prerendered page).
    pub fn view_box(&mut self, width: f64, height: f64) -> &mut Markup {
        self.name("viewBox");
        self.out.push_str("0 0 ");
        push_px(&mut self.out, width);
        self.out.push(' ');
        push_px(&mut self.out, height);
        self.out.push('"');
        self
    }

    /// `>`: the children follow, then [`close`](Markup::close).
    pub fn start(&mut self) -> &mut Markup {
        self.out.push('>');
        self
    }

    /// `/>`: an element without children (written `<tag ...></tag>` so the
    /// text is also valid HTML outside SVG).
    pub fn end(&mut self, tag: &str) -> &mut Markup {
        self.out.push('>');
        self.close(tag)
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.out, text);
        self
    }

    /// A whole number as text.
    pub fn text_int(&mut self, n: i64) -> &mut Markup {
        push_int(&mut self.out, n);
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Markup {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag attrs>text</tag>` for the common case of an element holding
    /// only text, with one attribute pair (or none when `name` is empty).
    pub fn leaf(&mut self, tag: &str, name: &str, value: &str, text: &str) -> &mut Markup {
        self.open(tag);
        if !name.is_empty() {
            self.attr(name, value);
        }
        self.start().text(text).close(tag)
    }
}

/// One piece of markup, in document order. Names and text without
/// entities are borrowed from the markup: reading a frame copies nothing
/// that its reader does not keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// `<tag` begins.
    Open(&'a str),
    /// An attribute of the element just opened (unescaped).
    Attr(&'a str, Cow<'a, str>),
    /// The opening tag ends; children follow.
    Children,
    /// Text (unescaped).
    Text(Cow<'a, str>),
    /// `</tag>`.
    Close,
}

fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (ch, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .iter()
        .find(|(e, _)| rest.starts_with(e))
        .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(ch);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads markup written by [`Markup`], handing each piece to `sink`.
/// Attribute values are in double quotes (escaped data) or single quotes
/// (the writer's own fixed values). Markup it did not write (a bare `<`,
/// an unquoted attribute) is text.
pub fn read<'a>(markup: &'a str, sink: &mut dyn FnMut(Piece<'a>)) {
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            if let Some(end) = after.find('>') {
                sink(Piece::Close);
                rest = &after[end + 1..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix('<') {
            if let Some(consumed) = read_open(after, sink) {
                rest = &after[consumed..];
                continue;
            }
        }
        // Text up to the next `<` that is not this one.
        let next = rest
            .bytes()
            .skip(1)
            .position(|b| b == b'<')
            .map_or(rest.len(), |i| i + 1);
        sink(Piece::Text(unescape(&rest[..next])));
        rest = &rest[next..];
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_'
}

/// Reads `tag attr="v" ...>` after a `<`; the bytes consumed, or `None`
/// when it is not a tag the writer wrote.
fn read_open<'a>(text: &'a str, sink: &mut dyn FnMut(Piece<'a>)) -> Option<usize> {
    let tag_len = text.find(|c: char| !is_name_char(c))?;
    if tag_len == 0 {
        return None;
    }
    // Check the whole tag before handing out anything.
    let mut attrs = Vec::new();
    let mut at = tag_len;
    loop {
        let rest = &text[at..];
        if let Some(r) = rest.strip_prefix('>') {
            let _ = r;
            at += 1;
            break;
        }
        let r = rest.strip_prefix(' ')?;
        let name_len = r.find(|c: char| !is_name_char(c))?;
        let value = r[name_len..].strip_prefix('=')?;
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value = &value[1..];
        let value_len = value.find(quote)?;
        if name_len == 0 {
            return None;
        }
        attrs.push((&r[..name_len], &value[..value_len]));
        at += 1 + name_len + 2 + value_len + 1;
    }
    sink(Piece::Open(&text[..tag_len]));
    for (name, value) in attrs {
        sink(Piece::Attr(name, unescape(value)));
    }
    sink(Piece::Children);
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(markup: &str) -> Vec<Piece<'_>> {
        let mut out = Vec::new();
        read(markup, &mut |p| out.push(p));
        out
    }

    #[test]
    fn numbers_are_written_without_float_formatting() {
        let px = |x: f64| {
            let mut s = String::new();
            push_px(&mut s, x);
            s
        };
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.46), "12.5");
        assert_eq!(px(-0.3), "-0.3");
        assert_eq!(px(-12.5), "-12.5", "rounds half away from zero");
        assert_eq!(px(f64::NAN), "0");
        assert_eq!(px(f64::INFINITY), "0");
        assert_eq!(px(1e300), "100000000000000", "clamped, not wrapped");
        let int = |n: i64| {
            let mut s = String::new();
            push_int(&mut s, n);
            s
        };
        assert_eq!(int(0), "0");
        assert_eq!(int(-78987), "-78987");
        assert_eq!(int(i64::MIN), "-9223372036854775808");
    }

    #[test]
    fn hostile_values_and_text_come_back_as_written() {
        let hostile = "<script>alert(\"x\")</script> & 'quotes' &amp; </g><g onclick=\"x\">";
        let mut m = Markup::new(true);
        m.open("g")
            .attr("aria-label", hostile)
            .key("k\"1")
            .start()
            .text(hostile)
            .open("rect")
            .px("x", 1.25)
            .end("rect")
            .close("g");
        assert!(!m.out.contains("<script"), "{}", m.out);
        assert_eq!(
            pieces(&m.out),
            vec![
                Piece::Open("g"),
                Piece::Attr("aria-label", hostile.into()),
                Piece::Attr("key", "k\"1".into()),
                Piece::Children,
                Piece::Text(hostile.into()),
                Piece::Open("rect"),
                Piece::Attr("x", "1.3".into()),
                Piece::Children,
                Piece::Close,
                Piece::Close,
            ]
        );
    }

    #[test]
    fn fixed_attributes_in_single_quotes_read_like_escaped_ones() {
        let mut m = Markup::new(false);
        m.raw("<button type='button' data-act='zoom-in'")
            .attr("title", "it's \"in\"")
            .start()
            .text("+")
            .close("button");
        assert_eq!(
            pieces(&m.out),
            vec![
                Piece::Open("button"),
                Piece::Attr("type", "button".into()),
                Piece::Attr("data-act", "zoom-in".into()),
                Piece::Attr("title", "it's \"in\"".into()),
                Piece::Children,
                Piece::Text("+".into()),
                Piece::Close,
            ]
        );
    }

    #[test]
    fn markup_the_writer_did_not_write_is_text() {
        assert_eq!(
            pieces("a < b <x y=z> <>"),
            vec![
                Piece::Text("a ".into()),
                Piece::Text("< b ".into()),
                Piece::Text("<x y=z> ".into()),
                Piece::Text("<>".into()),
            ]
        );
    }

    #[test]
    fn keys_are_written_only_when_asked() {
        let mut m = Markup::new(false);
        m.open("g").key("a").key_int('c', 5).end("g");
        assert_eq!(m.out, "<g></g>");
        let mut m = Markup::new(true);
        m.open("g").key_int('c', -5).translate(1.0, 2.5).end("g");
        assert_eq!(m.out, "<g key=\"c-5\" transform=\"translate(1 2.5)\"></g>");
    }
}
