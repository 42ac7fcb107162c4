//! Data problems that did not stop the widget, listed rather than hidden.

use crate::core::data::Dataset;
use crate::state::Shared;
use yew::prelude::*;

/// Properties of [`DataWarnings`].
#[derive(Properties, PartialEq, Clone)]
pub struct DataWarningsProps {
    /// The dataset.
    pub data: Shared<Dataset>,
}

/// A folded list of the data's warnings (nothing when there are none).
#[component]
pub fn DataWarnings(props: &DataWarningsProps) -> Html {
    let warnings = &props.data.warnings;
    if warnings.is_empty() {
        return html! {};
    }
    let n = warnings.len();
    html! {
        <details class="mt-warnings" data-testid="data-warnings">
            <summary>{ format!("{n} data warning{}", if n == 1 { "" } else { "s" }) }</summary>
            <ul>
                { for warnings.iter().take(100).map(|w| html! {
                    <li>{ w.message.clone() }{ " " }<code>{ w.path.clone() }</code></li>
                }) }
                if n > 100 {
                    <li>{ format!("… and {} more", n - 100) }</li>
                }
            </ul>
        </details>
    }
}
