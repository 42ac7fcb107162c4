//! The error panel: what went wrong and where, with a retry for the network.

use crate::state::LoadError;
use yew::prelude::*;

/// Properties of [`ErrorPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorPanelProps {
    /// What failed.
    pub error: LoadError,
    /// Try loading again.
    pub onretry: Callback<MouseEvent>,
}

/// Shows a load or data error in words, with its location.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let (heading, detail, location) = match &props.error {
        LoadError::Network { reason, url } => (
            format!("Could not load data ({reason})"),
            "The timeline will appear once the data can be read.".to_string(),
            url.clone(),
        ),
        LoadError::Data(err) => (
            "The data has an error".to_string(),
            err.message.clone(),
            err.location(),
        ),
    };
    html! {
        <div class="mt-error" data-testid="error-panel" role="alert">
            <p class="mt-error-heading">{ heading }</p>
            <p class="mt-error-detail">{ detail }</p>
            if !location.is_empty() {
                <p class="mt-error-where">{ "Where: " }<code>{ location }</code></p>
            }
            <button type="button" onclick={props.onretry.clone()}>{ "Retry" }</button>
        </div>
    }
}
