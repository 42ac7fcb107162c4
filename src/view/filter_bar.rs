//! Organisation toggles with counts, text search, reset and copy-link.

use crate::core::data::Dataset;
use crate::core::filter::{Counts, Filter};
use crate::state::Shared;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`FilterBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct FilterBarProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The current filter.
    pub filter: Filter,
    /// Events shown per organisation and kind.
    pub shown: Counts,
    /// All events per organisation and kind.
    pub total: Counts,
    /// An organisation toggle was pressed.
    pub ontoggleorg: Callback<String>,
    /// The search text changed.
    pub onsearch: Callback<String>,
    /// Reset was pressed.
    pub onreset: Callback<MouseEvent>,
    /// Copy-link was pressed; `None` hides the button (no URL state).
    #[prop_or_default]
    pub oncopylink: Option<Callback<MouseEvent>>,
    /// A short status after copying ("Link copied").
    #[prop_or_default]
    pub copy_status: AttrValue,
}

/// The filter bar above the timeline.
#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let oninput = {
        let onsearch = props.onsearch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                onsearch.emit(input.value());
            }
        })
    };
    html! {
        <div class="mt-filters" role="group" aria-label="Filters">
            { for props.data.organisations.iter().enumerate().map(|(i, org)| {
                let pressed = props.filter.shows_org(&org.id);
                let id = org.id.clone();
                let ontoggle = props.ontoggleorg.clone();
                let shown = props.shown.by_org.get(i).copied().unwrap_or(0);
                let total = props.total.by_org.get(i).copied().unwrap_or(0);
                html! {
                    <button type="button" class="mt-org-toggle" key={org.id.clone()}
                            data-testid="org-toggle" data-org={org.id.clone()}
                            aria-pressed={pressed.to_string()}
                            title={format!("Show or hide {}", org.name)}
                            onclick={Callback::from(move |_: MouseEvent| ontoggle.emit(id.clone()))}>
                        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                            <rect width="12" height="12" rx="3" fill={org.color.clone()} />
                        </svg>
                        { format!(" {} ", org.abbreviation) }
                        <span class="mt-count" aria-label={format!("{shown} of {total} events shown")}>
                            { format!("{shown}/{total}") }
                        </span>
                    </button>
                }
            }) }
            <input type="search" class="mt-search" data-testid="search" value={props.filter.text.clone()}
                   placeholder="Search titles, people, names…" aria-label="Search events" {oninput} />
            <button type="button" data-testid="reset-filters" onclick={props.onreset.clone()}
                    disabled={props.filter.is_empty()}>{ "Reset filters" }</button>
            if let Some(oncopy) = &props.oncopylink {
                <button type="button" data-testid="copy-link" onclick={oncopy.clone()}>{ "Copy link" }</button>
                <span class="mt-copy-status" role="status">{ props.copy_status.clone() }</span>
            }
        </div>
    }
}
