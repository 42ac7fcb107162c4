//! The time axis under the lanes.

use super::fmt_px;
use crate::core::scale::TimeScale;
use crate::core::ticks::ticks;
use yew::prelude::*;

/// Properties of [`TimeAxis`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimeAxisProps {
    /// The visible window.
    pub scale: TimeScale,
    /// Where the axis line is drawn, in pixels from the top of the SVG.
    pub top_px: f64,
}

/// Most ticks the axis ever draws, whatever the width.
pub const MAX_TICKS: usize = 24;

/// Tick marks and labels for the visible window.
#[component]
pub fn TimeAxis(props: &TimeAxisProps) -> Html {
    let scale = props.scale;
    let top = props.top_px;
    let ticks = use_memo(scale, |s| ticks(s, MAX_TICKS));
    html! {
        <g class="mt-axis" aria-hidden="true">
            <line class="mt-axis-line" x1="0" x2={fmt_px(scale.width_px)} y1={fmt_px(top)} y2={fmt_px(top)} />
            { for ticks.iter().map(|t| {
                let x = fmt_px(scale.map(f64::from(t.day)));
                html! {
                    <g class="mt-tick" key={t.day}>
                        <line class="mt-gridline" x1={x.clone()} x2={x.clone()} y1="0" y2={fmt_px(top + 5.0)} />
                        <text data-testid="tick" x={x} y={fmt_px(top + 19.0)} text-anchor="middle">{ t.label.clone() }</text>
                    </g>
                }
            }) }
        </g>
    }
}
