//! The closed vocabulary of event kinds: identifiers as the data file and
//! URLs write them, and English names (Russian ones are in `i18n`).

use super::joined::{joined, Joined};

/// The closed vocabulary of event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// An organisation is founded or re-founded.
    Founding,
    /// A stretch of time an organisation (or a predecessor) existed.
    Existence,
    /// A congress of the organisation or of an ally it took part in.
    Congress,
    /// A conference (smaller than a congress, or of another body).
    Conference,
    /// Organisations merge, or a group joins.
    Merger,
    /// A public announcement of plans.
    Announcement,
    /// Someone is appointed to a post.
    Appointment,
    /// An arrest or house arrest.
    Arrest,
    /// Registration documents are submitted.
    Registration,
    /// The authorities refuse registration.
    RegistrationRefusal,
    /// Nominations, elections and seats won.
    Election,
    /// A programme or document is published.
    Publication,
    /// Published criticism of the organisation.
    Criticism,
    /// The organisation publicly disowns or rejects a claim or another
    /// group (Platoshkin calling speakers who used the movement's name
    /// "impostors").
    Dispute,
    /// A countable state of the organisation (offices, branches).
    Milestone,
    /// An official designation (such as "foreign agent").
    Designation,
    /// The organisation ends its activity.
    Dissolution,
}

/// The kinds' identifiers and names, in the order of [`EventKind::ALL`].
const IDS: Joined = joined![
    "founding",
    "existence",
    "congress",
    "conference",
    "merger",
    "announcement",
    "appointment",
    "arrest",
    "registration",
    "registration-refusal",
    "election",
    "publication",
    "criticism",
    "dispute",
    "milestone",
    "designation",
    "dissolution",
];
const LABELS: Joined = joined![
    "Founding",
    "Existence",
    "Congress",
    "Conference",
    "Merger",
    "Announcement",
    "Appointment",
    "Arrest",
    "Registration submitted",
    "Registration refused",
    "Election",
    "Publication",
    "Criticism",
    "Dispute",
    "Milestone",
    "Designation",
    "Dissolution",
];
// One identifier and one name per kind, checked while compiling (a match
// over the kinds checked this itself).
const _: () = assert!(IDS.ends.len() == EventKind::ALL.len());
const _: () = assert!(LABELS.ends.len() == EventKind::ALL.len());

impl EventKind {
    /// Every kind, in legend order.
    pub const ALL: [EventKind; 17] = [
        EventKind::Founding,
        EventKind::Existence,
        EventKind::Congress,
        EventKind::Conference,
        EventKind::Merger,
        EventKind::Announcement,
        EventKind::Appointment,
        EventKind::Arrest,
        EventKind::Registration,
        EventKind::RegistrationRefusal,
        EventKind::Election,
        EventKind::Publication,
        EventKind::Criticism,
        EventKind::Dispute,
        EventKind::Milestone,
        EventKind::Designation,
        EventKind::Dissolution,
    ];

    /// The identifier used in the data file and in URLs.
    pub fn as_str(self) -> &'static str {
        IDS.get(self.index()).unwrap_or_default()
    }

    /// A capitalised name for people: "Registration refused".
    pub fn label(self) -> &'static str {
        LABELS.get(self.index()).unwrap_or_default()
    }

    /// The kind's position in [`EventKind::ALL`].
    pub fn index(self) -> usize {
        // ALL lists the kinds in declaration order (tested below).
        self as usize
    }

    /// The kind named by `s`, if it is in the vocabulary.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}
