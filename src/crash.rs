//! Test builds only (`--features crash-test`): makes this instance panic on
//! purpose at a chosen point, so the end-to-end tests can prove a crash in
//! rendering, in an event callback or while loading stays inside its widget.

use std::cell::Cell;

/// Where the next panic happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// At the next render of the widget.
    Render,
    /// In the next event callback (a click, or a call of the handle).
    Callback,
    /// When the next download completes.
    Loading,
}

thread_local! {
    static ARMED: Cell<Option<Point>> = const { Cell::new(None) };
}

/// Arms a panic at `point`.
pub fn arm(point: Point) {
    ARMED.with(|a| a.set(Some(point)));
}

/// Panics if a panic is armed at `point`.
pub fn point(point: Point) {
    if ARMED.with(|a| a.get()) == Some(point) {
        ARMED.with(|a| a.set(None));
        #[allow(clippy::panic)]
        {
            panic!("simulated crash ({point:?})");
        }
    }
}
