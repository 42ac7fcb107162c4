//! Which events are shown: by organisation, by kind, and by text.
//!
//! Text search folds case and diacritics (Latin and Cyrillic: "Ё" finds
//! "е", "é" finds "e") and requires every word of the query to appear in an
//! event's title, summary, people, or its organisation's names.

use super::data::{Dataset, Event, EventKind};

/// A set of event kinds, one bit each (in [`EventKind::ALL`] order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct KindSet(u32);

impl KindSet {
    /// Every kind.
    pub fn all() -> KindSet {
        EventKind::ALL.into_iter().collect()
    }

    /// True when `kind` is in the set.
    pub fn contains(&self, kind: EventKind) -> bool {
        self.0 & (1 << kind.index()) != 0
    }

    /// Adds `kind`.
    pub fn insert(&mut self, kind: EventKind) {
        self.0 |= 1 << kind.index();
    }

    /// Removes `kind`; `false` when it was not there.
    pub fn remove(&mut self, kind: EventKind) -> bool {
        let had = self.contains(kind);
        self.0 &= !(1 << kind.index());
        had
    }

    /// How many kinds.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// True for no kind at all.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The kinds, in [`EventKind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = EventKind> + '_ {
        EventKind::ALL.into_iter().filter(|k| self.contains(*k))
    }
}

impl FromIterator<EventKind> for KindSet {
    fn from_iter<I: IntoIterator<Item = EventKind>>(iter: I) -> KindSet {
        let mut set = KindSet::default();
        for k in iter {
            set.insert(k);
        }
        set
    }
}

impl<const N: usize> From<[EventKind; N]> for KindSet {
    fn from(kinds: [EventKind; N]) -> KindSet {
        kinds.into_iter().collect()
    }
}

/// A set of ids, kept sorted (a few organisations: a sorted list is all a
/// set needs).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct IdSet(Vec<String>);

impl IdSet {
    /// True when `id` is in the set.
    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|x| x == id)
    }

    /// Adds `id`.
    pub fn insert(&mut self, id: String) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    /// Removes `id`; `false` when it was not there.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|x| x != id);
        self.0.len() != before
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True for no id at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ids, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &String> + '_ {
        self.0.iter()
    }
}

impl IntoIterator for IdSet {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<String> for IdSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> IdSet {
        let mut set = IdSet::default();
        for id in iter {
            set.insert(id);
        }
        set
    }
}

impl<const N: usize> From<[String; N]> for IdSet {
    fn from(ids: [String; N]) -> IdSet {
        ids.into_iter().collect()
    }
}

/// The filter a user set. `None` for a set means "all".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Organisation ids to show; `None` shows every organisation.
    pub orgs: Option<IdSet>,
    /// Kinds to show; `None` shows every kind.
    pub kinds: Option<KindSet>,
    /// Search text as typed.
    pub text: String,
}

impl Filter {
    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.orgs.is_none() && self.kinds.is_none() && self.text.trim().is_empty()
    }

    /// True when the organisation's lane is shown.
    pub fn shows_org(&self, id: &str) -> bool {
        self.orgs.as_ref().is_none_or(|s| s.contains(id))
    }

    /// True when events of this kind are shown.
    pub fn shows_kind(&self, kind: EventKind) -> bool {
        self.kinds.as_ref().is_none_or(|s| s.contains(kind))
    }

    /// Turns one organisation on or off. Turning every one on again clears
    /// the set back to "all", so new data shows all its organisations.
    pub fn toggle_org(&mut self, id: &str, all: &[&str]) {
        let mut set: IdSet = match &self.orgs {
            Some(s) => s.clone(),
            None => all.iter().map(|s| (*s).to_owned()).collect(),
        };
        if !set.remove(id) {
            set.insert(id.to_owned());
        }
        self.orgs = if all.iter().all(|a| set.contains(a)) {
            None
        } else {
            Some(set)
        };
    }

    /// Turns one kind on or off, like [`Filter::toggle_org`].
    pub fn toggle_kind(&mut self, kind: EventKind) {
        let mut set: KindSet = match &self.kinds {
            Some(s) => *s,
            None => KindSet::all(),
        };
        if !set.remove(kind) {
            set.insert(kind);
        }
        self.kinds = if set.len() == EventKind::ALL.len() {
            None
        } else {
            Some(set)
        };
    }

    /// The query folded into words, ready for [`Filter::matches`].
    pub fn query_words(&self) -> Vec<String> {
        fold(&self.text)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    /// True when `event` passes the organisation and kind filters and its
    /// folded search text (see [`search_text`]) holds every query word.
    pub fn matches(&self, data: &Dataset, event: &Event, folded: &str, words: &[String]) -> bool {
        let org_ok = data
            .organisations
            .get(event.org)
            .is_some_and(|o| self.shows_org(&o.id));
        org_ok && self.shows_kind(event.kind) && words.iter().all(|w| find(folded, w).is_some())
    }
}

/// Where `needle` first occurs in `hay` (a byte index). A plain search:
/// the strings searched are short, and the standard substring search
/// brings its own two-way searcher into the module (about 2 KB).
///
/// ```
/// use movement_timeline::core::filter::find;
/// assert_eq!(find("first congress", "congress"), Some(6));
/// assert_eq!(find("съезд", "езд"), Some(4)); // bytes: two per letter here
/// assert_eq!(find("congress", "party"), None);
/// assert_eq!(find("any", ""), Some(0));
/// ```
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(n.len()).position(|w| w == n)
}

/// How many events each organisation and each kind has.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// Per organisation, by index.
    pub by_org: Vec<usize>,
    /// Per kind, by [`EventKind::index`].
    pub by_kind: [usize; EventKind::ALL.len()],
}

/// Counts the events `events` (indexes into the dataset's events).
pub fn count(data: &Dataset, events: impl IntoIterator<Item = usize>) -> Counts {
    let mut c = Counts {
        by_org: vec![0; data.organisations.len()],
        ..Counts::default()
    };
    for e in events.into_iter().filter_map(|i| data.events.get(i)) {
        if let Some(n) = c.by_org.get_mut(e.org) {
            *n += 1;
        }
        if let Some(n) = c.by_kind.get_mut(e.kind.index()) {
            *n += 1;
        }
    }
    c
}

/// The folded text an event is searched by: title, label, summary, people,
/// their translations, and its organisation's name, abbreviation and
/// native name.
pub fn search_text(data: &Dataset, event: &Event) -> String {
    let mut s = String::with_capacity(256);
    for t in [
        event.title,
        event.label,
        event.summary,
        event.people,
        event.predecessor,
    ] {
        s.push_str(data.text(t));
        s.push(' ');
    }
    for tr in data.translations(event) {
        for t in [tr.title, tr.label, tr.summary, tr.people, tr.predecessor] {
            s.push_str(data.text(t));
            s.push(' ');
        }
    }
    if let Some(org) = data.organisations.get(event.org) {
        s.push_str(&org.name);
        s.push(' ');
        s.push_str(&org.abbreviation);
        if let Some(native) = &org.native_name {
            s.push(' ');
            s.push_str(native);
        }
    }
    fold(&s)
}

/// Lower-cases and strips diacritics, and turns punctuation into spaces, so
/// that "Ё", "ё" and "е" match, as do "É" and "e", and "foreign-agent" and
/// "foreign agent".
///
/// ```
/// use movement_timeline::core::filter::fold;
/// assert_eq!(fold("Ёлка Café"), "елка cafe");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(lower) {
        let base = strip_diacritic(c);
        if is_word_char(base) {
            out.push(base);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// The lower-case form of a letter of the scripts the data is written in:
/// Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic; other
/// characters are kept. The full Unicode case tables would add about 15 KB
/// (gzip) to every download for letters no event uses.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Letters and digits (of any script); not punctuation, spaces or symbols.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c as u32,
        0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE10..=0xFE6F | 0xFF00..=0xFF20)
}

/// The base letter of a lower-case letter with a diacritic (Latin-1, Latin
/// Extended-A, and the Cyrillic ё and й).
fn strip_diacritic(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        'й' => 'и',
        other => other,
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::core::read::parse_dataset;

    fn data() -> Dataset {
        parse_dataset(include_str!("../../static/data/movements.json")).unwrap()
    }

    fn shown(d: &Dataset, f: &Filter) -> Vec<String> {
        let words = f.query_words();
        d.events
            .iter()
            .filter(|e| f.matches(d, e, &search_text(d, e), &words))
            .map(|e| d.text(e.id).to_owned())
            .collect()
    }

    #[test]
    fn no_filter_shows_everything() {
        let d = data();
        assert_eq!(shown(&d, &Filter::default()).len(), d.events.len());
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn foreign_agent_finds_the_designation_and_what_followed_from_it() {
        let d = data();
        let f = Filter {
            text: "foreign agent".into(),
            ..Filter::default()
        };
        assert_eq!(shown(&d, &f), ["rsm-foreign-agent", "rsm-dissolution"]);
    }

    #[test]
    fn search_ignores_case_diacritics_and_script_variants() {
        let d = data();
        for q in ["PLATOSHKIN riots", "plátoshkin RIOTS"] {
            let f = Filter {
                text: q.into(),
                ..Filter::default()
            };
            assert_eq!(shown(&d, &f), ["dzns-platoshkin-house-arrest"], "{q}");
        }
        // Cyrillic: upper case, and й written as и, find the native name.
        let rsm: Vec<String> = d
            .events
            .iter()
            .filter(|e| d.text(e.id).starts_with("rsm-"))
            .map(|e| d.text(e.id).to_owned())
            .collect();
        for q in ["РОССИЙСКОЕ социалистическое", "россииское СОЦИАЛИСТИЧЕСКОЕ"]
        {
            let f = Filter {
                text: q.into(),
                ..Filter::default()
            };
            assert_eq!(shown(&d, &f), rsm, "{q}");
        }
        // The Russian translations are searched too.
        let f = Filter {
            text: "ДОМАШНИЙ арест".into(),
            ..Filter::default()
        };
        assert_eq!(shown(&d, &f), ["dzns-platoshkin-house-arrest"]);
        assert_eq!(fold("Ёж и йод"), "еж и иод");
        assert_eq!(fold("ÀÉÎÕÜ Ŝtrœm ΑΒΓ Ѓ"), "aeiou strœm αβγ ѓ");
        assert_eq!(fold("“quoted” — dash…"), "quoted dash ");
    }

    #[test]
    fn organisation_and_kind_toggles_combine() {
        let d = data();
        let all = ["dzns", "rsm"];
        let mut f = Filter::default();
        f.toggle_org("dzns", &all);
        assert!(shown(&d, &f).iter().all(|id| id.starts_with("rsm-")));
        f.toggle_kind(EventKind::Congress);
        assert!(!shown(&d, &f).contains(&"rsm-vpered-sixth-congress".to_string()));
        f.toggle_org("dzns", &all);
        f.toggle_kind(EventKind::Congress);
        assert_eq!(f, Filter::default(), "toggling back clears to 'all'");
    }

    #[test]
    fn counts_split_by_organisation_and_kind() {
        let d = data();
        let all = count(&d, 0..d.events.len());
        assert_eq!(all.by_org.iter().sum::<usize>(), d.events.len());
        assert_eq!(all.by_kind.iter().sum::<usize>(), d.events.len());
        assert_eq!(all.by_kind[EventKind::Dissolution.index()], 1);
        let rsm = d.org_index("rsm").unwrap();
        let only_rsm: Vec<usize> = (0..d.events.len())
            .filter(|&i| d.events[i].org == rsm)
            .collect();
        let c = count(&d, only_rsm);
        assert_eq!(c.by_org[d.org_index("dzns").unwrap()], 0);
        assert_eq!(c.by_org[rsm], 9);
    }

    #[test]
    fn every_word_must_match() {
        let d = data();
        let f = Filter {
            text: "congress 1997".into(),
            ..Filter::default()
        };
        assert!(
            shown(&d, &f).is_empty(),
            "the year is not in the searched text"
        );
        let f = Filter {
            text: "first congress".into(),
            ..Filter::default()
        };
        let got = shown(&d, &f);
        assert!(got.contains(&"dzns-first-congress".to_string()), "{got:?}");
    }
}
