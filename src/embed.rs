//! The JavaScript-facing entry points.
//!
//! On a page that has an element with the id `movement-timeline`, the widget
//! mounts itself there on start, reading the data URL from its `data-src`
//! attribute (default `data/movements.json`).

use crate::view::{DataSource, Timeline, TimelineProps};
use wasm_bindgen::prelude::*;

/// Default location of the dataset, relative to the page.
pub const DEFAULT_DATA_URL: &str = "data/movements.json";

/// Runs when the module is instantiated: mounts the full-page widget if the
/// page asks for it.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("movement-timeline") else {
        return;
    };
    let data_url = root
        .get_attribute("data-src")
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_string());
    yew::Renderer::<Timeline>::with_root_and_props(
        root,
        TimelineProps {
            source: DataSource::Url(data_url.into()),
            ..TimelineProps::default_for_page()
        },
    )
    .render();
}
