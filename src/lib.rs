//! # movement-timeline
//!
//! A zoomable, accessible timeline of two Russian left-wing movements — *For a
//! New Socialism* (DZNS) and the *Russian Socialist Movement* (RSM) — built
//! with Yew and compiled to WebAssembly.
//!
//! ## Units and conventions
//! - Days are whole `i32` day numbers since 1970-01-01 ([`core::date::Day`]);
//!   positions on the axis use `f64` days so zooming is smooth.
//! - Pixels are CSS pixels from the left edge of the plot area (`_px`).
//! - Dates in data are EDTF strings and keep their precision all the way to
//!   the screen: a month is drawn as a month, a season as a season.
//!
//! ## Module map
//! - [`core`]: pure logic (dates, data validation, scale, ticks), no browser.
//! - [`state`]: the one reducer behind a widget instance (pure, tested
//!   natively; Yew drives it in the browser).
//! - [`render`]: what the widget draws, as markup text (pure, also native).
//! - `view`: the Yew component: input, effects, markup to virtual DOM (wasm only).
//! - `embed`: the JavaScript-facing API (wasm only).

pub mod core;

/// The allocator in the browser: talc, made for WebAssembly (smaller and
/// faster than the default dlmalloc; docs/BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(all(target_arch = "wasm32", feature = "crash-test"))]
pub mod crash;

#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod render;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod view;
