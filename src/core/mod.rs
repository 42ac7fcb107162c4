//! Pure logic: dates, data validation, scales, ticks. Nothing here touches the
//! browser, so all of it is tested with plain `cargo test`.

/// Where the full page finds its data, relative to the page.
pub const DEFAULT_DATA_URL: &str = "data/movements.json";

pub mod align;
pub mod data;
pub mod date;
pub mod error;
pub mod export;
pub mod filter;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod joined;
pub mod kind;
pub mod layout;
#[cfg(not(target_arch = "wasm32"))]
pub mod locate;
pub mod membership;
pub mod model;
pub mod navigate;
pub mod order;
pub mod read;
pub mod scale;
pub mod ticks;
pub mod url_state;
pub mod validate;
