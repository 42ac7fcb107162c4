//! One shape per event kind, drawn around (0, 0) in a 14 × 14 box, so a
//! kind is recognisable without colour.

use crate::core::data::EventKind;
use yew::prelude::*;

const CIRCLE: &str = "M-5,0a5,5 0 1,0 10,0a5,5 0 1,0 -10,0Z";

/// SVG path data of a kind's glyph (fill rule even-odd).
pub fn glyph_path(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Founding => "M0,-6.5L1.9,-2.1L6.5,-2L2.9,1.1L4,5.6L0,3.1L-4,5.6L-2.9,1.1L-6.5,-2L-1.9,-2.1Z",
        EventKind::Existence => "M-6,-3h12v6h-12Z",
        EventKind::Congress => CIRCLE,
        EventKind::Conference => "M-5.5,0a5.5,5.5 0 1,0 11,0a5.5,5.5 0 1,0 -11,0Z M-2.2,0a2.2,2.2 0 1,0 4.4,0a2.2,2.2 0 1,0 -4.4,0Z",
        EventKind::Merger => "M-2,-6h4v4h4v4h-4v4h-4v-4h-4v-4h4Z",
        EventKind::Announcement => "M-5,-6L6,0L-5,6Z",
        EventKind::Appointment => "M0,-6L6,5H-6Z",
        EventKind::Arrest => "M-5,-3.5L-3.5,-5L0,-1.5L3.5,-5L5,-3.5L1.5,0L5,3.5L3.5,5L0,1.5L-3.5,5L-5,3.5L-1.5,0Z",
        EventKind::Registration => "M0,-6L6,0L0,6L-6,0Z",
        EventKind::RegistrationRefusal => "M-6,-5L0,0L-6,5Z M6,-5L0,0L6,5Z",
        EventKind::Election => "M0,-5.5L5.2,-1.7L3.2,4.5H-3.2L-5.2,-1.7Z",
        EventKind::Publication => "M-3.5,-5.5h7v11h-7Z",
        EventKind::Criticism => "M0,6L6,-5H-6Z",
        EventKind::Dispute => "M1.5,-6.5L-4.5,1H-0.5L-1.5,6.5L4.5,-1H0.5Z",
        EventKind::Milestone => "M-5.5,0L-2.75,-4.8H2.75L5.5,0L2.75,4.8H-2.75Z",
        EventKind::Designation => "M-2.3,-5.5H2.3L5.5,-2.3V2.3L2.3,5.5H-2.3L-5.5,2.3V-2.3Z",
        EventKind::Dissolution => "M-5,-5h10v10h-10Z M-2,-2v4h4v-4Z",
    }
}

/// A kind's glyph as a small standalone SVG (for the legend, details and
/// rows), filled with `fill` when given (else the text colour, by CSS). A
/// function, not a component: the rows draw hundreds of them.
pub fn kind_icon(kind: EventKind, fill: Option<&str>) -> Html {
    html! {
        <svg class="mt-kind-icon" width="14" height="14" viewBox="-7 -7 14 14"
            aria-hidden="true" focusable="false">
            <path fill-rule="evenodd" d={glyph_path(kind)} fill={fill.map(str::to_owned)}></path>
        </svg>
    }
}
