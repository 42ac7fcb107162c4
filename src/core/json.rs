//! A small JSON reader that is fed text in pieces and hands each complete
//! token, with its line and column, to a [`Sink`].
//!
//! Why not a general JSON library: the widget needs three things of its
//! parser that together no small crate gives. (1) Every error says where:
//! line and column for syntax, and (through the sink) the JSON path and the
//! item for meaning. (2) Data arrives in network chunks and is parsed as it
//! comes, so 100,000 events never need their whole text in memory at once.
//! (3) It is small: the data is four kinds of flat records, so a tokenizer
//! plus a schema-aware sink (`core::data`) is all the code there is.
//!
//! The reader checks the grammar (RFC 8259): values, commas, colons,
//! nesting (at most [`MAX_DEPTH`] levels), string escapes and number syntax.
//! Numbers are passed as their text, so the sink decides what they mean.

use super::error::DataError;

/// Deepest nesting of arrays and objects accepted (the format needs 4).
pub const MAX_DEPTH: usize = 32;

/// Where a token starts: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// One complete token of the document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token<'a> {
    /// `{`
    BeginObject,
    /// `}`
    EndObject,
    /// `[`
    BeginArray,
    /// `]`
    EndArray,
    /// An object key, unescaped.
    Key(&'a str),
    /// A string value, unescaped.
    Str(&'a str),
    /// A number, as written (`-12.5e3`).
    Num(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
}

/// Receives the tokens of a document in order. An error stops the reading.
pub trait Sink {
    /// Takes one token that starts at `at`.
    fn token(&mut self, token: Token<'_>, at: Pos) -> Result<(), DataError>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Object,
    Array,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value (document start, after `:`, after `,` in an array).
    Value,
    /// A value or `]` (right after `[`).
    ValueOrEnd,
    /// A key (after `,` in an object).
    Key,
    /// A key or `}` (right after `{`).
    KeyOrEnd,
    /// `:` after a key.
    Colon,
    /// `,` or the end of the container (after a value).
    CommaOrEnd,
    /// Nothing more (after the top-level value).
    Done,
}

/// The reader: feed it text with [`Reader::feed`], then call
/// [`Reader::finish`].
#[derive(Debug)]
pub struct Reader {
    stack: Vec<Container>,
    expect: Expect,
    /// Bytes of an unfinished token carried over to the next piece.
    tail: Vec<u8>,
    /// Scratch for strings with escapes.
    scratch: Vec<u8>,
    /// Position of the next unread byte.
    line: usize,
    column: usize,
    /// Any byte (other than a byte-order mark) seen yet.
    started: bool,
    /// The container a trailing comma was last seen in, for the message.
    after_comma: bool,
}

impl Default for Reader {
    fn default() -> Reader {
        Reader::new()
    }
}

fn err(message: impl Into<String>, at: Pos) -> DataError {
    DataError::whole(message).line_column(at.line, at.column)
}

/// How a token scan ended.
enum Scan {
    /// A complete token of this many bytes; `true` when it has no escapes.
    Token(usize, bool),
    /// The piece ended inside the token: wait for more.
    More,
}

impl Reader {
    /// A reader at the start of a document.
    pub fn new() -> Reader {
        Reader {
            stack: Vec::new(),
            expect: Expect::Value,
            tail: Vec::new(),
            scratch: Vec::new(),
            line: 1,
            column: 1,
            started: false,
            after_comma: false,
        }
    }

    /// True until any text (other than white space and a byte-order mark)
    /// has been read.
    pub fn is_empty(&self) -> bool {
        !self.started && self.tail.iter().all(u8::is_ascii_whitespace)
    }

    /// Reads the next piece of the document.
    pub fn feed(&mut self, piece: &[u8], sink: &mut impl Sink) -> Result<(), DataError> {
        if self.tail.is_empty() {
            let used = self.run(piece, false, sink)?;
            self.tail
                .extend_from_slice(piece.get(used..).unwrap_or(&[]));
        } else {
            let mut buf = std::mem::take(&mut self.tail);
            buf.extend_from_slice(piece);
            let used = self.run(&buf, false, sink)?;
            buf.drain(..used.min(buf.len()));
            self.tail = buf;
        }
        Ok(())
    }

    /// Reads what is left and checks that the document is complete.
    pub fn finish(&mut self, sink: &mut impl Sink) -> Result<(), DataError> {
        let buf = std::mem::take(&mut self.tail);
        self.run(&buf, true, sink)?;
        let at = self.pos();
        match (self.expect, self.stack.last()) {
            (Expect::Done, _) => Ok(()),
            (_, Some(Container::Object)) => Err(err("EOF while parsing an object", at)),
            (_, Some(Container::Array)) => Err(err("EOF while parsing a list", at)),
            (_, None) => Err(err("EOF while parsing a value", at)),
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    /// Advances the position over `bytes` (UTF-8: columns count characters).
    fn advance(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
    }

    /// Reads complete tokens from `buf`; returns how many bytes were used.
    /// Without `last`, an unfinished token at the end is left unread.
    fn run(&mut self, buf: &[u8], last: bool, sink: &mut impl Sink) -> Result<usize, DataError> {
        let mut i = 0;
        if !self.started {
            // A byte-order mark is allowed before the document.
            let rest = buf.get(i..).unwrap_or(&[]);
            if rest.starts_with(&[0xEF, 0xBB, 0xBF]) {
                i += 3;
            } else if !last && rest.len() < 3 && [0xEF, 0xBB, 0xBF].starts_with(rest) {
                return Ok(0);
            }
        }
        while let Some(&b) = buf.get(i) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.advance(&[b]);
                i += 1;
                continue;
            }
            let at = self.pos();
            if !self.started && b == b'<' {
                return Err(err(
                    "the data is an HTML page, not JSON (is the data URL right?)",
                    at,
                ));
            }
            self.started = true;
            let rest = buf.get(i..).unwrap_or(&[]);
            let used = match b {
                b'{' | b'[' => {
                    self.value_allowed(b, at)?;
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(err(
                            format!("the data nests arrays and objects more than {MAX_DEPTH} levels deep"),
                            at,
                        ));
                    }
                    let (c, next, token) = if b == b'{' {
                        (Container::Object, Expect::KeyOrEnd, Token::BeginObject)
                    } else {
                        (Container::Array, Expect::ValueOrEnd, Token::BeginArray)
                    };
                    self.stack.push(c);
                    self.expect = next;
                    sink.token(token, at)?;
                    1
                }
                b'}' | b']' => {
                    let (c, token) = if b == b'}' {
                        (Container::Object, Token::EndObject)
                    } else {
                        (Container::Array, Token::EndArray)
                    };
                    let closes = self.stack.last() == Some(&c);
                    let ok = closes
                        && matches!(
                            (self.expect, c),
                            (Expect::CommaOrEnd, _)
                                | (Expect::KeyOrEnd, Container::Object)
                                | (Expect::ValueOrEnd, Container::Array)
                        );
                    if !ok {
                        let message = match (closes, self.after_comma, self.stack.last()) {
                            (true, true, _) => "trailing comma",
                            (true, false, _) => "expected value",
                            (false, _, _)
                                if matches!(self.expect, Expect::Key | Expect::KeyOrEnd) =>
                            {
                                "key must be a string"
                            }
                            (false, _, Some(Container::Object)) => "expected `,` or `}`",
                            (false, _, _) => "expected `,` or `]`",
                        };
                        return Err(err(message, at));
                    }
                    self.stack.pop();
                    self.after_value();
                    sink.token(token, at)?;
                    1
                }
                b',' => {
                    if self.expect != Expect::CommaOrEnd {
                        return Err(err("expected value", at));
                    }
                    self.expect = match self.stack.last() {
                        Some(Container::Object) => Expect::Key,
                        _ => Expect::Value,
                    };
                    self.after_comma = true;
                    1
                }
                b':' => {
                    if self.expect != Expect::Colon {
                        return Err(err("expected `,` or the end of the object", at));
                    }
                    self.expect = Expect::Value;
                    1
                }
                b'"' => {
                    let key = matches!(self.expect, Expect::Key | Expect::KeyOrEnd);
                    if !key {
                        self.value_allowed(b, at)?;
                    }
                    let (n, plain) = match self.string(rest, last, at)? {
                        Scan::More => break,
                        Scan::Token(n, plain) => (n, plain),
                    };
                    // A string without escapes is read in place; one with
                    // escapes from the scratch buffer (reused, so reading
                    // allocates nothing per string).
                    let scratch = std::mem::take(&mut self.scratch);
                    let bytes = if plain {
                        rest.get(1..n - 1).unwrap_or(&[])
                    } else {
                        &scratch[..]
                    };
                    let text = std::str::from_utf8(bytes)
                        .map_err(|_| err("the string is not valid UTF-8", at));
                    let result = text.and_then(|text| {
                        if key {
                            self.expect = Expect::Colon;
                            sink.token(Token::Key(text), at)
                        } else {
                            self.after_value();
                            sink.token(Token::Str(text), at)
                        }
                    });
                    self.scratch = scratch;
                    result?;
                    n
                }
                _ => {
                    if matches!(self.expect, Expect::Key | Expect::KeyOrEnd) {
                        return Err(err("key must be a string", at));
                    }
                    self.value_allowed(b, at)?;
                    let n = rest
                        .iter()
                        .position(|c| {
                            !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.'))
                        })
                        .unwrap_or(rest.len());
                    if n == rest.len() && !last {
                        break;
                    }
                    let word = rest.get(..n).unwrap_or(&[]);
                    let token = match word {
                        b"true" => Token::Bool(true),
                        b"false" => Token::Bool(false),
                        b"null" => Token::Null,
                        b"NaN" | b"Infinity" | b"-Infinity" | b"+Infinity" => {
                            return Err(err("NaN and Infinity are not JSON numbers", at))
                        }
                        _ if is_number(word) => {
                            Token::Num(std::str::from_utf8(word).unwrap_or("0"))
                        }
                        _ => return Err(err("expected value", at)),
                    };
                    self.after_value();
                    sink.token(token, at)?;
                    n.max(1)
                }
            };
            // A token holds no line break (strings refuse control
            // characters), so only its columns are counted.
            let (done, _) = rest.split_at(used.min(rest.len()));
            self.column += done.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            i += used;
        }
        Ok(i)
    }

    fn value_allowed(&self, b: u8, at: Pos) -> Result<(), DataError> {
        match self.expect {
            Expect::Value | Expect::ValueOrEnd => Ok(()),
            Expect::Done => Err(err("trailing characters after the data", at)),
            Expect::Colon => Err(err("expected `:` after the key", at)),
            Expect::Key | Expect::KeyOrEnd => Err(err("key must be a string", at)),
            Expect::CommaOrEnd => Err(err(
                if b == b'"' {
                    "expected `,` between values"
                } else {
                    "expected `,` or the end of the list or object"
                },
                at,
            )),
        }
    }

    fn after_value(&mut self) {
        self.after_comma = false;
        self.expect = if self.stack.is_empty() {
            Expect::Done
        } else {
            Expect::CommaOrEnd
        };
    }

    /// Scans the string token at the start of `rest` (which begins with a
    /// quote); escapes are decoded into `self.scratch`.
    fn string(&mut self, rest: &[u8], last: bool, at: Pos) -> Result<Scan, DataError> {
        let more = |last: bool| {
            if last {
                Err(err("EOF while parsing a string", at))
            } else {
                Ok(Scan::More)
            }
        };
        self.scratch.clear();
        let mut escaped = false;
        let mut i = 1;
        let mut plain_from = 1;
        loop {
            let Some(&b) = rest.get(i) else {
                return more(last);
            };
            match b {
                b'"' => {
                    if escaped {
                        self.scratch
                            .extend_from_slice(rest.get(plain_from..i).unwrap_or(&[]));
                    }
                    return Ok(Scan::Token(i + 1, !escaped));
                }
                b'\\' => {
                    escaped = true;
                    self.scratch
                        .extend_from_slice(rest.get(plain_from..i).unwrap_or(&[]));
                    let Some(&e) = rest.get(i + 1) else {
                        return more(last);
                    };
                    let simple = match e {
                        b'"' => Some(b'"'),
                        b'\\' => Some(b'\\'),
                        b'/' => Some(b'/'),
                        b'b' => Some(8),
                        b'f' => Some(12),
                        b'n' => Some(b'\n'),
                        b'r' => Some(b'\r'),
                        b't' => Some(b'\t'),
                        b'u' => None,
                        _ => return Err(err("invalid escape in a string", at)),
                    };
                    if let Some(c) = simple {
                        self.scratch.push(c);
                        i += 2;
                    } else {
                        // \uXXXX, with surrogate pairs for characters
                        // beyond the Basic Multilingual Plane.
                        let Some(unit) = hex4(rest.get(i + 2..i + 6)) else {
                            if rest.len() < i + 6 {
                                return more(last);
                            }
                            return Err(err("invalid \\u escape in a string", at));
                        };
                        let mut used = 6;
                        let code = if (0xD800..0xDC00).contains(&unit) {
                            let low = rest
                                .get(i + 6..i + 8)
                                .filter(|p| *p == b"\\u")
                                .and_then(|_| hex4(rest.get(i + 8..i + 12)));
                            match low {
                                Some(low) if (0xDC00..0xE000).contains(&low) => {
                                    used = 12;
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                }
                                _ if rest.len() < i + 12 && !last => return Ok(Scan::More),
                                _ => return Err(err("unpaired surrogate in a string", at)),
                            }
                        } else {
                            unit
                        };
                        let c = char::from_u32(code)
                            .ok_or_else(|| err("unpaired surrogate in a string", at))?;
                        let mut utf8 = [0u8; 4];
                        self.scratch
                            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                        i += used;
                    }
                    plain_from = i;
                }
                0..=0x1F => return Err(err("control character in a string", at)),
                _ => i += 1,
            }
        }
    }
}

fn hex4(digits: Option<&[u8]>) -> Option<u32> {
    let digits = digits?;
    if digits.len() != 4 {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = (d as char).to_digit(16)?;
        Some(acc * 16 + v)
    })
}

/// True for JSON number syntax: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_number(s: &[u8]) -> bool {
    let digits = |s: &[u8], from: usize| {
        s.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut i = usize::from(s.first() == Some(&b'-'));
    let int = digits(s, i);
    if int == 0 || (int > 1 && s.get(i) == Some(&b'0')) {
        return false;
    }
    i += int;
    if s.get(i) == Some(&b'.') {
        let frac = digits(s, i + 1);
        if frac == 0 {
            return false;
        }
        i += 1 + frac;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = digits(s, i);
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == s.len()
}

/// A number token's value, for the sink: an exact whole number when it is
/// one (`12`, `1e3`, `-0`), otherwise the nearest `f64` is not needed by the
/// data, so only its kind is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// A whole number that fits in an `i64`.
    Whole(i64),
    /// A number with a fractional part (`12.5`).
    Fraction,
    /// A whole number too large for an `i64` (`5e30`).
    Huge,
}

/// Reads a number token (already checked by the reader) without floating
/// point: the data only ever needs whole numbers.
pub fn number(text: &str) -> Number {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(at) => (
            rest.get(..at).unwrap_or(""),
            rest.get(at + 1..).unwrap_or("").parse::<i64>().unwrap_or(0),
        ),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    let digits: String = int.chars().chain(frac.chars()).collect();
    let digits = digits.trim_start_matches('0');
    let scale = exp - frac.len() as i64;
    if digits.is_empty() {
        return Number::Whole(0);
    }
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    if scale + (zeros as i64) < 0 {
        return Number::Fraction;
    }
    if digits.len() as i64 + scale > 18 {
        return Number::Huge;
    }
    let mut value: i64 = 0;
    for d in digits.bytes() {
        value = value * 10 + i64::from(d - b'0');
    }
    for _ in 0..scale.max(0) {
        value *= 10;
    }
    // scale < 0 with trailing zeros in the digits: divide them away.
    for _ in 0..(-scale).max(0) {
        value /= 10;
    }
    Number::Whole(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect(Vec<String>);

    impl Sink for Collect {
        fn token(&mut self, token: Token<'_>, at: Pos) -> Result<(), DataError> {
            self.0.push(format!("{}:{} {token:?}", at.line, at.column));
            Ok(())
        }
    }

    fn read_in_pieces(text: &str, piece: usize) -> Result<Vec<String>, DataError> {
        let mut reader = Reader::new();
        let mut sink = Collect::default();
        for chunk in text.as_bytes().chunks(piece.max(1)) {
            reader.feed(chunk, &mut sink)?;
        }
        reader.finish(&mut sink)?;
        Ok(sink.0)
    }

    fn error(text: &str) -> (String, usize, usize) {
        let e = read_in_pieces(text, 1 << 20).unwrap_err();
        (e.message, e.line.unwrap_or(0), e.column.unwrap_or(0))
    }

    #[test]
    fn tokens_come_with_their_positions() {
        let got = read_in_pieces("{\n  \"a\": [1, \"ж\\n\", true, null]\n}", 1 << 20).unwrap();
        assert_eq!(
            got,
            [
                "1:1 BeginObject",
                "2:3 Key(\"a\")",
                "2:8 BeginArray",
                "2:9 Num(\"1\")",
                "2:12 Str(\"ж\\n\")",
                "2:19 Bool(true)",
                "2:25 Null",
                "2:29 EndArray",
                "3:1 EndObject",
            ]
        );
    }

    #[test]
    fn any_split_into_pieces_gives_the_same_tokens() {
        let text = "\u{feff}{\"title\": \"Ёлка \\u00e9 \\ud83d\\ude00 \\\"q\\\"\", \"n\": -12.5e3, \"x\": [false, {}]}";
        let whole = read_in_pieces(text, 1 << 20).unwrap();
        for piece in 1..12 {
            assert_eq!(
                read_in_pieces(text, piece).unwrap(),
                whole,
                "pieces of {piece}"
            );
        }
        assert!(
            whole.iter().any(|t| t.contains("Ёлка é 😀 \\\"q\\\"")),
            "{whole:?}"
        );
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        assert_eq!(
            error("{\n  \"a\": [1,]\n}"),
            ("trailing comma".into(), 2, 11)
        );
        assert_eq!(error("{\"a\": 1,}"), ("trailing comma".into(), 1, 9));
        assert_eq!(
            error("{\n  \"a\": 1,\n  b: 2}"),
            ("key must be a string".into(), 3, 3)
        );
        assert_eq!(
            error("[1, NaN]"),
            ("NaN and Infinity are not JSON numbers".into(), 1, 5)
        );
        assert_eq!(
            error("[-Infinity]"),
            ("NaN and Infinity are not JSON numbers".into(), 1, 2)
        );
        assert_eq!(
            error("[1 2]"),
            ("expected `,` or the end of the list or object".into(), 1, 4)
        );
        assert_eq!(error("{\"a\" 1}").0, "expected `:` after the key");
        assert_eq!(error("[01]").0, "expected value");
        assert_eq!(error("[1.]").0, "expected value");
        assert_eq!(error("[\"a\u{1}\"]").0, "control character in a string");
        assert_eq!(error("[\"\\x\"]").0, "invalid escape in a string");
        assert_eq!(error("[\"\\ud800\"]").0, "unpaired surrogate in a string");
        assert_eq!(error("{\"a\": [1}").0, "expected `,` or `]`");
        assert_eq!(error("{\"a\": 1,\n]").0, "key must be a string");
        assert_eq!(
            error("[1] 2"),
            ("trailing characters after the data".into(), 1, 5)
        );
        assert_eq!(
            error("{\"a\": [1, 2"),
            ("EOF while parsing a list".into(), 1, 12)
        );
        assert_eq!(
            error("{\"a\": \"x"),
            ("EOF while parsing a string".into(), 1, 7)
        );
        assert_eq!(
            error("<!doctype html>").0,
            "the data is an HTML page, not JSON (is the data URL right?)"
        );
        let deep = "[".repeat(40);
        assert_eq!(
            error(&deep),
            (
                "the data nests arrays and objects more than 32 levels deep".into(),
                1,
                33
            )
        );
    }

    #[test]
    fn numbers_are_read_without_floating_point() {
        assert_eq!(number("78987"), Number::Whole(78_987));
        assert_eq!(number("-5"), Number::Whole(-5));
        assert_eq!(number("1e3"), Number::Whole(1000));
        assert_eq!(number("12.50e1"), Number::Whole(125));
        assert_eq!(number("1200e-2"), Number::Whole(12));
        assert_eq!(number("12.5"), Number::Fraction);
        assert_eq!(number("5e30"), Number::Huge);
        assert_eq!(number("0.0"), Number::Whole(0));
        assert_eq!(number("-0"), Number::Whole(0));
    }

    #[test]
    fn number_syntax() {
        for good in ["0", "-0", "12", "1.5", "1e5", "1E+5", "-1.25e-3"] {
            assert!(is_number(good.as_bytes()), "{good}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "1e+", "+1", "0x10", "1.2.3",
        ] {
            assert!(!is_number(bad.as_bytes()), "{bad}");
        }
    }
}
