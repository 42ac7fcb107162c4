//! The legend, which is also the kind filter: one toggle per kind present,
//! with counts, and what the date marks mean.

use super::glyph::KindIcon;
use crate::core::data::{Dataset, EventKind};
use crate::core::filter::{Counts, Filter};
use crate::state::Shared;
use yew::prelude::*;

/// Properties of [`Legend`].
#[derive(Properties, PartialEq, Clone)]
pub struct LegendProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// Start open (wide screens) or folded (narrow ones).
    pub open: bool,
    /// The current filter.
    pub filter: Filter,
    /// Events shown per kind.
    pub shown: Counts,
    /// All events per kind.
    pub total: Counts,
    /// A kind toggle was pressed.
    pub ontogglekind: Callback<EventKind>,
}

/// Kind glyphs with their names (each a filter toggle), and the date
/// conventions.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let kinds: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| props.total.by_kind.get(k.index()).is_some_and(|n| *n > 0))
        .collect();
    html! {
        <details class="mt-legend" open={props.open}>
            <summary>{ "Legend and kinds" }</summary>
            <ul class="mt-legend-kinds" aria-label="Event kinds: press to show or hide">
                { for kinds.iter().map(|k| {
                    let kind = *k;
                    let ontoggle = props.ontogglekind.clone();
                    let shown = props.shown.by_kind.get(kind.index()).copied().unwrap_or(0);
                    let total = props.total.by_kind.get(kind.index()).copied().unwrap_or(0);
                    html! {
                        <li key={kind.as_str()}>
                            <button type="button" class="mt-kind-toggle" data-testid="kind-toggle"
                                    data-kind={kind.as_str()}
                                    aria-pressed={props.filter.shows_kind(kind).to_string()}
                                    onclick={Callback::from(move |_: MouseEvent| ontoggle.emit(kind))}>
                                <KindIcon kind={kind} />{ format!(" {} ", kind.label()) }
                                <span class="mt-count">{ format!("{shown}/{total}") }</span>
                            </button>
                        </li>
                    }
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
