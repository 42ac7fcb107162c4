//! Pure logic: dates, data validation, scales, ticks. Nothing here touches the
//! browser, so all of it is tested with plain `cargo test`.

pub mod data;
pub mod date;
pub mod error;
pub mod filter;
pub mod json;
pub mod layout;
pub mod membership;
pub mod navigate;
pub mod scale;
pub mod ticks;
pub mod url_state;
