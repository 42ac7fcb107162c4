//! The legend: one entry per event kind present, and what the date marks mean.

use super::glyph::KindIcon;
use crate::core::data::{Dataset, EventKind};
use crate::state::Shared;
use yew::prelude::*;

/// Properties of [`Legend`].
#[derive(Properties, PartialEq, Clone)]
pub struct LegendProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// Start open (wide screens) or folded (narrow ones).
    pub open: bool,
}

/// Kind glyphs with their names, and the date conventions.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let kinds: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| props.data.events.iter().any(|e| e.kind == *k))
        .collect();
    html! {
        <details class="mt-legend" open={props.open}>
            <summary>{ "Legend" }</summary>
            <ul class="mt-legend-kinds">
                { for kinds.iter().map(|k| html! {
                    <li key={k.as_str()}><KindIcon kind={*k} />{ k.label() }</li>
                }) }
            </ul>
            <p class="mt-legend-dates">
                <span class="mt-key mt-key-span"></span>{ "shaded: the date is a month, season or year" }
                <span class="mt-key mt-key-dashed"></span>{ "dashed: approximate (c.) or uncertain (?)" }
                <span class="mt-key mt-key-tail"></span>{ "fading tail: end not known" }
            </p>
        </details>
    }
}
