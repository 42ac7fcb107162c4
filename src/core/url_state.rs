//! The view state in a URL fragment, readable and shareable:
//! `#orgs=rsm&kinds=congress,arrest&q=foreign%20agent&from=2011-01&to=2012-06&event=rsm-founded&theme=dark&list=1&lang=ru`.
//!
//! Reading never fails: unknown keys and malformed values are skipped and
//! reported as warnings, so a garbage fragment still gives the default view.
//! Writing uses full dates, so any state round-trips exactly.

use super::align::Align;
use super::data::EventKind;
use super::date::{civil_from_days, days_from_civil, days_in_month, iso_day, Day};
use super::filter::{IdSet, KindSet};
use super::i18n::Lang;

/// Everything about a view that a link can carry. `None` means "not set".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Organisations shown.
    pub orgs: Option<IdSet>,
    /// Kinds shown.
    pub kinds: Option<KindSet>,
    /// Search text.
    pub text: String,
    /// First day of the visible window.
    pub from: Option<Day>,
    /// Last day of the visible window.
    pub to: Option<Day>,
    /// The selected event's id.
    pub event: Option<String>,
    /// A forced theme: `light` or `dark` (`auto` is the default and omitted).
    pub theme: Option<String>,
    /// The list view is open.
    pub list: bool,
    /// A language chosen by the reader (`ru`, `en`).
    pub lang: Option<Lang>,
    /// The lanes aligned by founding (`align=founding`); `from` and `to`
    /// are then days since founding, written `120d`.
    pub align: Align,
}

/// A fragment value that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlWarning {
    /// The key (or the whole pair when it has no `=`).
    pub key: String,
    /// Why it was ignored.
    pub reason: String,
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Percent-decodes `s` (and `+` as a space); `None` for invalid escapes or
/// bytes that are not UTF-8.
fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'%') => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            Some(b'+') => {
                out.push(b' ');
                i += 1;
            }
            Some(&b) => {
                out.push(b);
                i += 1;
            }
            None => break,
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes everything but unreserved characters and `,`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into its first (`end = false`)
/// or last day.
pub fn parse_url_date(s: &str, end: bool) -> Option<Day> {
    let mut parts = s.split('-');
    let y: i32 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let m: Option<u32> = match parts.next() {
        Some(p) if p.len() == 2 => Some(p.parse().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
        None => None,
    };
    let d: Option<u32> = match (m, parts.next()) {
        (Some(m), Some(p)) if p.len() == 2 => Some(
            p.parse()
                .ok()
                .filter(|d| *d >= 1 && *d <= days_in_month(y, m))?,
        ),
        (_, Some(_)) => return None,
        (_, None) => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(match (m, d, end) {
        (Some(m), Some(d), _) => days_from_civil(y, m, d),
        (Some(m), None, false) => days_from_civil(y, m, 1),
        (Some(m), None, true) => days_from_civil(y, m, days_in_month(y, m)),
        (None, _, false) => days_from_civil(y, 1, 1),
        (None, _, true) => days_from_civil(y, 12, 31),
    })
}

impl ViewState {
    /// Reads a fragment (with or without the leading `#`). Never fails:
    /// anything unusable is skipped and listed in the warnings.
    pub fn from_fragment(fragment: &str) -> (ViewState, Vec<UrlWarning>) {
        let mut state = ViewState::default();
        let mut warnings = Vec::new();
        // Whether the window was given in days since founding, or in dates.
        let (mut ages, mut dates) = (false, false);
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        for pair in fragment.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let mut warn = |reason: &str| {
                warnings.push(UrlWarning {
                    key: key.chars().take(40).collect(),
                    reason: reason.to_owned(),
                })
            };
            let Some(value) = decode(raw) else {
                warn("the value is not valid percent-encoded UTF-8");
                continue;
            };
            match key {
                "orgs" => {
                    let ids: IdSet = value
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect();
                    if ids.iter().all(|s| is_id(s)) {
                        state.orgs = Some(ids);
                    } else {
                        warn("organisation ids are lower-case letters, digits, '-' and '_'");
                    }
                }
                "kinds" => {
                    let mut kinds = KindSet::default();
                    let mut unknown = 0;
                    for k in value.split(',').filter(|s| !s.is_empty()) {
                        match EventKind::parse(k) {
                            Some(kind) => {
                                kinds.insert(kind);
                            }
                            None => unknown += 1,
                        }
                    }
                    if unknown > 0 {
                        warn("unknown kinds skipped");
                    }
                    // Only unknown kinds: ignore the key rather than hide all.
                    if unknown == 0 || !kinds.is_empty() {
                        state.kinds = Some(kinds);
                    }
                }
                "q" => state.text = value.chars().take(200).collect(),
                "from" | "to" => match window_edge(&value, key == "to") {
                    Some((d, in_days)) => {
                        *(if key == "to" {
                            &mut state.to
                        } else {
                            &mut state.from
                        }) = Some(d);
                        ages |= in_days;
                        dates |= !in_days;
                    }
                    None => warn(
                        "not a date (YYYY, YYYY-MM or YYYY-MM-DD) or days since founding (120d)",
                    ),
                },
                "align" => match Align::parse(&value) {
                    Some(a) => state.align = a,
                    None => warn("align is calendar or founding"),
                },
                "event" if is_id(&value) => state.event = Some(value),
                "event" => warn("not an event id"),
                "theme" if matches!(value.as_str(), "light" | "dark") => state.theme = Some(value),
                "theme" if value == "auto" => state.theme = None,
                "theme" => warn("the theme is light, dark or auto"),
                "list" if matches!(value.as_str(), "1" | "0") => state.list = value == "1",
                "list" => warn("list is 1 or 0"),
                "lang" => match Lang::parse(&value) {
                    Some(l) => state.lang = Some(l),
                    None => warn("the language is en or ru"),
                },
                _ => warn("unknown key ignored"),
            }
        }
        settle_window(&mut state, ages, dates, &mut warnings);
        (state, warnings)
    }

    /// Writes the fragment (without `#`), keys in a fixed order, defaults
    /// omitted.
    pub fn to_fragment(&self) -> String {
        // Pieces joined by `&` as they are written (one string, no list).
        let mut out = String::new();
        let mut parts = Parts(&mut out);
        if let Some(orgs) = &self.orgs {
            let v: Vec<&str> = orgs.iter().map(String::as_str).collect();
            parts.push(format!("orgs={}", encode(&v.join(","))));
        }
        if let Some(kinds) = &self.kinds {
            let v: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
            parts.push(format!("kinds={}", v.join(",")));
        }
        if !self.text.is_empty() {
            parts.push(format!("q={}", encode(&self.text)));
        }
        let edge = |d: Day| match self.align {
            Align::Calendar => iso_day(d),
            Align::Founding => format!("{d}d"),
        };
        if self.align == Align::Founding {
            parts.push("align=founding");
        }
        if let Some(d) = self.from {
            parts.push(format!("from={}", edge(d)));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={}", edge(d)));
        }
        if let Some(e) = &self.event {
            parts.push(format!("event={}", encode(e)));
        }
        if let Some(t) = &self.theme {
            parts.push(format!("theme={}", encode(t)));
        }
        if self.list {
            parts.push("list=1");
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        out
    }
}

/// Drops a window that cannot be read: in days without the alignment by
/// founding, in dates with it, or ending before it starts.
fn settle_window(state: &mut ViewState, ages: bool, dates: bool, warnings: &mut Vec<UrlWarning>) {
    if (ages || dates) && (ages != (state.align == Align::Founding) || (ages && dates)) {
        warnings.push(UrlWarning {
            key: "from".into(),
            reason: "the window is in dates by calendar and in days (120d) by founding; ignored"
                .into(),
        });
        state.from = None;
        state.to = None;
    }
    if let (Some(a), Some(b)) = (state.from, state.to) {
        if b < a {
            warnings.push(UrlWarning {
                key: "to".into(),
                reason: "the window ends before it starts; both ignored".into(),
            });
            state.from = None;
            state.to = None;
        }
    }
}

/// A window edge: a date (`2011`, `2011-03`, `2011-03-07`; the end of
/// the period for `to`), or days since founding (`-30d`, `4800d`, `true`
/// in the second place).
pub fn window_edge(value: &str, end: bool) -> Option<(Day, bool)> {
    match value.strip_suffix('d') {
        Some(n) => n
            .parse::<i32>()
            .ok()
            .filter(|n| n.unsigned_abs() <= 4_000_000)
            .map(|n| (n, true)),
        None => parse_url_date(value, end).map(|d| (d, false)),
    }
}

/// Writes fragment pieces separated by `&`.
struct Parts<'a>(&'a mut String);

impl Parts<'_> {
    fn push(&mut self, piece: impl AsRef<str>) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(piece.as_ref());
    }
}

/// True when the two states differ in more than the visible window: such a
/// change deserves its own step in the browser history.
pub fn is_meaningful_change(a: &ViewState, b: &ViewState) -> bool {
    let strip = |s: &ViewState| ViewState {
        from: None,
        to: None,
        ..s.clone()
    };
    strip(a) != strip(b)
}

/// The calendar year of a day (for readable window labels).
pub fn year_of(day: Day) -> i32 {
    civil_from_days(day).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_example_reads_as_expected() {
        let (s, w) =
            ViewState::from_fragment("#orgs=rsm&from=2011-01&to=2012-06&event=rsm-founded");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.orgs, Some(From::from(["rsm".to_string()])));
        assert_eq!(s.from.map(iso_day).as_deref(), Some("2011-01-01"));
        assert_eq!(
            s.to.map(iso_day).as_deref(),
            Some("2012-06-30"),
            "a month ends on its last day"
        );
        assert_eq!(s.event.as_deref(), Some("rsm-founded"));
    }

    #[test]
    fn garbage_is_ignored_with_warnings() {
        let (s, w) = ViewState::from_fragment(
            "#%%%&orgs=<script>&from=2020-13&to=yesterday&theme=neon&zzz=1&list=maybe&q=%FF",
        );
        assert_eq!(s, ViewState::default());
        assert_eq!(w.len(), 8, "{w:#?}");
    }

    #[test]
    fn only_unknown_kinds_hide_nothing() {
        let (s, w) = ViewState::from_fragment("kinds=bogus,nonsense");
        assert_eq!(s.kinds, None);
        assert_eq!(w.len(), 1);
        let (s, _) = ViewState::from_fragment("kinds=bogus,arrest");
        assert_eq!(s.kinds, Some(From::from([EventKind::Arrest])));
    }

    #[test]
    fn aligned_by_founding_the_window_is_in_days_since_founding() {
        let (s, w) = ViewState::from_fragment("align=founding&from=-30d&to=4800d");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (s.align, s.from, s.to),
            (Align::Founding, Some(-30), Some(4800))
        );
        assert_eq!(s.to_fragment(), "align=founding&from=-30d&to=4800d");
        // Days without the alignment, or dates with it, say nothing clear.
        for mixed in [
            "from=120d&to=400d",
            "align=founding&from=2011&to=2012",
            "align=founding&from=2d&to=2012",
        ] {
            let (s, w) = ViewState::from_fragment(mixed);
            assert_eq!((s.from, s.to), (None, None), "{mixed}");
            assert_eq!(w.len(), 1, "{mixed}: {w:?}");
        }
        assert_eq!(ViewState::from_fragment("align=sideways").1.len(), 1);
        assert_eq!(
            ViewState::from_fragment("align=calendar").0.to_fragment(),
            ""
        );
    }

    #[test]
    fn a_reversed_window_is_dropped() {
        let (s, w) = ViewState::from_fragment("from=2020&to=2019");
        assert_eq!((s.from, s.to), (None, None));
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn text_and_kinds_are_encoded_readably() {
        let s = ViewState {
            kinds: Some(From::from([EventKind::Arrest, EventKind::Congress])),
            text: "foreign agent & co".into(),
            list: true,
            ..ViewState::default()
        };
        assert_eq!(
            s.to_fragment(),
            "kinds=congress,arrest&q=foreign%20agent%20%26%20co&list=1"
        );
        let ru = ViewState {
            lang: Some(Lang::Ru),
            ..ViewState::default()
        };
        assert_eq!(ru.to_fragment(), "lang=ru");
        assert_eq!(ViewState::from_fragment("#lang=ru").0, ru);
        assert_eq!(ViewState::from_fragment("lang=de").1.len(), 1);
    }

    #[test]
    fn only_window_changes_are_not_meaningful() {
        let a = ViewState {
            from: Some(1),
            ..ViewState::default()
        };
        let b = ViewState {
            from: Some(2),
            to: Some(9),
            ..ViewState::default()
        };
        assert!(!is_meaningful_change(&a, &b));
        let c = ViewState {
            list: true,
            ..b.clone()
        };
        assert!(is_meaningful_change(&b, &c));
    }
}

/// Property tests run natively (proptest is a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arb_state() -> impl Strategy<Value = ViewState> {
        let id = "[a-z0-9_-]{1,12}";
        (
            proptest::option::of(
                proptest::collection::vec(id, 0..4).prop_map(|v| v.into_iter().collect::<IdSet>()),
            ),
            proptest::option::of(
                proptest::collection::vec(proptest::sample::select(EventKind::ALL.to_vec()), 0..5)
                    .prop_map(|v| v.into_iter().collect::<KindSet>()),
            ),
            "\\PC{0,30}",
            proptest::option::of((-100_000i32..100_000, 0i32..50_000)),
            proptest::option::of(id),
            proptest::option::of(proptest::sample::select(vec![
                "light".to_string(),
                "dark".to_string(),
            ])),
            any::<bool>(),
            proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
            any::<bool>(),
        )
            .prop_map(
                |(orgs, kinds, text, window, event, theme, list, lang, founding)| ViewState {
                    orgs,
                    kinds,
                    text: text.chars().take(200).collect(),
                    from: window.map(|(a, _)| a),
                    to: window.map(|(a, len)| a + len),
                    event,
                    theme,
                    list,
                    lang,
                    align: if founding {
                        Align::Founding
                    } else {
                        Align::Calendar
                    },
                },
            )
    }

    proptest! {
        #[test]
        fn any_valid_state_round_trips_through_the_fragment(s in arb_state()) {
            // Years outside 0000-9999 cannot be written as YYYY-MM-DD.
            prop_assume!(s.from.is_none_or(|d| (0..=9999).contains(&year_of(d))));
            prop_assume!(s.to.is_none_or(|d| (0..=9999).contains(&year_of(d))));
            let fragment = s.to_fragment();
            let (back, warnings) = ViewState::from_fragment(&fragment);
            prop_assert!(warnings.is_empty(), "{:?} from {}", warnings, fragment);
            prop_assert_eq!(back, s);
        }

        #[test]
        fn arbitrary_strings_never_panic_the_parser(f in "\\PC{0,200}") {
            let _ = ViewState::from_fragment(&f);
        }

        #[test]
        fn arbitrary_bytes_as_escapes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let f: String = bytes.iter().map(|b| format!("q=%{b:02X}&")).collect();
            let _ = ViewState::from_fragment(&f);
        }
    }
}
