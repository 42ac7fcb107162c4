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
//! - [`components`]: what the widget draws: Yew components written with
//!   `html!` (pure; natively Yew's server renderer writes the prerender).
//! - `view`: the widget in the browser: the component that owns the state,
//!   gestures, effects, loading (wasm only).
//! - `embed`: the JavaScript-facing API (wasm only).

pub mod components;
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
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod view;
