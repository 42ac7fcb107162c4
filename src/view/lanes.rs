//! One lane per organisation, with its lifespan band.

use super::{fmt_px, LANE_HEIGHT_PX};
use crate::core::data::Dataset;
use crate::core::date::Day;
use crate::core::scale::TimeScale;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Lanes`].
#[derive(Properties, PartialEq, Clone)]
pub struct LanesProps {
    /// The dataset.
    pub data: Rc<Dataset>,
    /// The visible window.
    pub scale: TimeScale,
    /// Where open-ended lifespans stop.
    pub today: Day,
}

/// The organisation lanes, labelled, each with its lifespan drawn as a band.
#[component]
pub fn Lanes(props: &LanesProps) -> Html {
    let scale = props.scale;
    html! {
        <g class="mt-lanes">
            { for props.data.organisations.iter().enumerate().map(|(i, org)| {
                let top = LANE_HEIGHT_PX * i as f64;
                let band = org.lifespan(props.today).map(|(a, b)| {
                    let x0 = scale.map(f64::from(a)).max(-10.0);
                    let x1 = scale.map(f64::from(b + 1)).min(scale.width_px + 10.0);
                    (x0, (x1 - x0).max(0.0))
                });
                let name = format!("{} ({})", org.name, org.abbreviation);
                html! {
                    <g class="mt-lane" data-testid="lane" data-org={org.id.clone()} key={org.id.clone()}>
                        <rect class="mt-lane-bg" x="0" y={fmt_px(top)} width={fmt_px(scale.width_px)} height={fmt_px(LANE_HEIGHT_PX)} />
                        if let Some((x, w)) = band {
                            <rect class="mt-lifespan" x={fmt_px(x)} y={fmt_px(top + 26.0)} width={fmt_px(w)} height="6" fill={org.color.clone()} />
                        }
                        <text class="mt-lane-label" x="8" y={fmt_px(top + 17.0)}>
                            { name }
                            if let Some(native) = &org.native_name {
                                <title>{ native.clone() }</title>
                            }
                        </text>
                    </g>
                }
            }) }
        </g>
    }
}
