//! One lane per organisation: its lifespan band, its event marks in rows, and
//! clusters where events are too dense to draw one by one.

use super::glyph::glyph_path;
use super::{fmt_px, lane_height_px, LANE_HEADER_PX, ROW_PX};
use crate::core::data::{Dataset, Event};
use crate::core::date::{DatePrecision, Day};
use crate::core::layout::{layout_lane, ClusterBox, LaneIndex, LayoutParams, MarkBox};
use crate::core::scale::TimeScale;
use crate::state::Shared;
use yew::prelude::*;

/// Properties of [`Lanes`].
#[derive(Properties, PartialEq, Clone)]
pub struct LanesProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// Lane indexes of the shown events, one per organisation.
    pub lanes: Shared<Vec<LaneIndex>>,
    /// The organisations whose lanes are shown, top to bottom.
    pub visible: Vec<usize>,
    /// The visible window.
    pub scale: TimeScale,
    /// Where open-ended lifespans stop.
    pub today: Day,
    /// The event whose details are open.
    pub selected: Option<usize>,
    /// The event with keyboard focus.
    pub focused: Option<usize>,
    /// An event mark was clicked.
    pub onselect: Callback<usize>,
    /// A cluster was clicked: show this range of days.
    pub onzoomto: Callback<(f64, f64)>,
}

/// All organisation lanes.
#[component]
pub fn Lanes(props: &LanesProps) -> Html {
    let params = LayoutParams::default();
    let pinned = props.focused.or(props.selected);
    let layouts = use_memo(
        (props.lanes.clone(), props.scale, pinned, props.data.clone()),
        move |(lanes, scale, pinned, data)| {
            lanes
                .iter()
                .map(|lane| {
                    layout_lane(lane, scale, &params, *pinned, |i| {
                        data.events.get(i).map_or("", |e| data.label(e))
                    })
                })
                .collect::<Vec<_>>()
        },
    );
    let scale = props.scale;
    html! {
        <g class="mt-lanes">
            { for props.visible.iter().enumerate().filter_map(|(slot, &o)| {
                let org = props.data.organisations.get(o)?;
                let top = lane_height_px() * slot as f64;
                let band = org.lifespan(props.today).map(|(a, b)| {
                    let x0 = scale.map(f64::from(a)).max(-10.0);
                    let x1 = scale.map(f64::from(b + 1)).min(scale.width_px + 10.0);
                    (x0, (x1 - x0).max(0.0))
                });
                let layout = layouts.get(o);
                Some(html! {
                    <g class="mt-lane" data-testid="lane" data-org={org.id.clone()} key={org.id.clone()}>
                        <rect class="mt-lane-bg" x="0" y={fmt_px(top)} width={fmt_px(scale.width_px)} height={fmt_px(lane_height_px())} />
                        if let Some((x, w)) = band {
                            <rect class="mt-lifespan" x={fmt_px(x)} y={fmt_px(top + 20.0)} width={fmt_px(w)} height="4" fill={org.color.clone()} />
                        }
                        <text class="mt-lane-label" x="8" y={fmt_px(top + 15.0)}>
                            { format!("{} ({})", org.name, org.abbreviation) }
                            if let Some(native) = &org.native_name {
                                <title>{ native.clone() }</title>
                            }
                        </text>
                        if let Some(layout) = layout {
                            { for layout.marks.iter().filter_map(|m| {
                                let event = props.data.events.get(m.event)?;
                                Some(mark(m, event, org, top, props))
                            }) }
                            { for layout.clusters.iter().map(|c| cluster(c, top, props)) }
                        }
                    </g>
                })
            }) }
        </g>
    }
}

fn row_centre(top: f64, row: usize) -> f64 {
    top + LANE_HEADER_PX + ROW_PX * row as f64 + ROW_PX / 2.0
}

fn mark(
    m: &MarkBox,
    event: &Event,
    org: &crate::core::data::Organisation,
    top: f64,
    props: &LanesProps,
) -> Html {
    let y = row_centre(top, m.row);
    let index = m.event;
    let onclick = {
        let onselect = props.onselect.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            onselect.emit(index)
        })
    };
    let precise = event.date.start.precision == DatePrecision::Day && !event.date.is_interval();
    let approximate = event.date.is_approximate();
    let uncertain = event.date.is_uncertain();
    let class = classes!(
        "mt-event",
        m.interval.then_some("mt-interval"),
        (props.selected == Some(index)).then_some("mt-selected"),
        uncertain.then_some("mt-uncertain"),
        approximate.then_some("mt-approximate"),
        (!event.predecessor.is_empty()).then_some("mt-predecessor"),
    );
    let tabindex = if props.focused == Some(index) {
        "0"
    } else {
        "-1"
    };
    // Everything is placed relative to the glyph, so a zoom step changes
    // one transform per mark (and span widths), not every coordinate.
    let (x, rel) = (m.x_px, |v: f64| fmt_px(v - m.x_px));
    let span_w = (m.span_x1 - m.span_x0).max(1.0);
    let hit_right = m.label.as_ref().map_or(m.x_px + 8.0, |l| {
        m.label_x + l.chars().count() as f64 * LayoutParams::default().char_px
    });
    let hit_left = m.span_x0.min(m.x_px - 8.0);
    html! {
        <g class={class} key={props.data.text(event.id).to_owned()} data-testid="event" data-event-id={props.data.text(event.id).to_owned()}
           data-org={org.id.clone()} data-kind={event.kind.as_str()} data-index={index.to_string()}
           role="button" tabindex={tabindex} aria-label={props.data.accessible_name(event)}
           aria-pressed={(props.selected == Some(index)).to_string()}
           transform={format!("translate({} {})", fmt_px(x), fmt_px(y))} {onclick}>
            <rect class="mt-hit" x={rel(hit_left)} y={fmt_px(-ROW_PX / 2.0)}
                  width={fmt_px((hit_right - hit_left).max(16.0))} height={fmt_px(ROW_PX)} />
            if m.interval {
                <rect class="mt-bar" x={rel(m.span_x0)} y="-4" width={fmt_px(span_w)} height="8" rx="2" fill={org.color.clone()} />
                if m.unknown_end {
                    <line class="mt-tail" x1={rel(m.span_x1)} x2={rel(m.span_x1 + 40.0)} y1="8" y2="8" stroke={org.color.clone()} />
                }
            } else if !precise {
                <rect class="mt-span" x={rel(m.span_x0)} y="-7" width={fmt_px(span_w)} height="14" rx="3" fill={org.color.clone()} stroke={org.color.clone()} />
            }
            <path class="mt-glyph" d={glyph_path(event.kind)} fill-rule="evenodd" fill={org.color.clone()} stroke={org.color.clone()} />
            if let Some(label) = &m.label {
                <text class="mt-label" x={rel(m.label_x)} y="4">{ label.clone() }</text>
            }
        </g>
    }
}

fn cluster(c: &ClusterBox, top: f64, props: &LanesProps) -> Html {
    let y = row_centre(top, LayoutParams::default().rows);
    let (first, last) = (c.first_day, c.last_day);
    let onclick = {
        let onzoomto = props.onzoomto.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let pad = ((last - first) * 0.1).max(3.0);
            onzoomto.emit((first - pad, last + pad))
        })
    };
    let label = format!("{} events here; zoom in to see them", c.count);
    html! {
        <g class="mt-cluster" key={format!("c{}", c.first_event)}
           data-testid="cluster" data-count={c.count.to_string()} role="button" tabindex="-1"
           aria-label={label.clone()} {onclick}>
            <title>{ label }</title>
            <rect x={fmt_px(c.x_px - 2.0)} y={fmt_px(y - 9.0)} width="30" height="18" rx="9" />
            <text x={fmt_px(c.x_px + 13.0)} y={fmt_px(y + 4.0)} text-anchor="middle">{ c.count.to_string() }</text>
        </g>
    }
}
