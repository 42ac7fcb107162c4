//! The membership chart under the lanes, on the same time scale: published
//! counts (or growth per month), countable presence facts, event markers,
//! brushing to zoom, an overview of where the window is, and a table.

use super::{fmt_px, hooks};
use crate::core::data::{Dataset, MeasureBound};
use crate::core::date::{iso_day, Day};
use crate::core::layout::LaneIndex;
use crate::core::membership::{
    event_markers, group_thousands, growth, marker_path, measured_events, nearest_marker,
    nice_axis, presence_facts, series, tick_label, unevenly_spaced, Growth, Series,
};
use crate::core::scale::{ScaleLimits, TimeScale};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// Height of the presence strip (offices, regions, branches).
const PRESENCE_PX: f64 = 30.0;
/// Height of the value plot.
const PLOT_PX: f64 = 130.0;
/// Space under the plot.
const BOTTOM_PX: f64 = 8.0;
/// Height of the overview strip.
const OVERVIEW_PX: f64 = 22.0;

/// Properties of [`MembershipChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct MembershipChartProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// Lane indexes of the shown events (for event markers).
    pub lanes: Shared<Vec<LaneIndex>>,
    /// The shown events in time order (for presence facts).
    pub shown: Shared<Vec<usize>>,
    /// Organisations shown, in lane order.
    pub visible: Vec<usize>,
    /// The timeline's window.
    pub scale: TimeScale,
    /// How far the window may go (the overview's extent).
    pub limits: ScaleLimits,
    /// Today, where open dates end.
    pub today: Day,
    /// The user brushed a range of days.
    pub onbrush: Callback<(f64, f64)>,
    /// The wheel turned over the chart: `(client_x, zoom factor, pan px)`.
    pub onwheel: Callback<(i32, f64, f64)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Counts,
    Growth,
}

/// A drag across a strip: where it started and where it is, in pixels.
#[derive(Clone, Copy, PartialEq)]
struct Brush {
    from_px: f64,
    to_px: f64,
    overview: bool,
}

fn y_of(value: f64, min: f64, max: f64) -> f64 {
    let frac = if max > min {
        (value - min) / (max - min)
    } else {
        0.0
    };
    PRESENCE_PX + PLOT_PX - frac.clamp(0.0, 1.0) * (PLOT_PX - 12.0)
}

/// The chart.
#[component]
pub fn MembershipChart(props: &MembershipChartProps) -> Html {
    let mode = use_state(|| Mode::Counts);
    let table_open = use_state(|| false);
    let hovered = use_state(|| None::<usize>);
    let hover_marker = use_state(|| None::<(usize, f64)>);
    let brush = use_state(|| None::<Brush>);
    let svg_ref = use_node_ref();
    let overview_ref = use_node_ref();
    let all_series = use_memo((props.data.clone(), props.today), |(d, today)| {
        series(d, *today)
    });
    let measured = use_memo((props.data.clone(), props.shown.clone()), |(d, shown)| {
        measured_events(d, shown)
    });
    {
        let onwheel = props.onwheel.clone();
        hooks::use_wheel(svg_ref.clone(), false, move |x, f, p| {
            onwheel.emit((x, f, p))
        });
    }

    let data = &props.data;
    let scale = props.scale;
    let width = scale.width_px;
    let shown_series: Vec<&Series> = all_series
        .iter()
        .filter(|s| props.visible.contains(&s.org))
        .collect();
    let without: Vec<String> = props
        .visible
        .iter()
        .filter(|o| !all_series.iter().any(|s| s.org == **o))
        .filter_map(|o| data.organisations.get(*o).map(|org| org.name.clone()))
        .collect();

    let set_mode = |m: Mode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(m))
    };
    let toggle_table = {
        let t = table_open.clone();
        Callback::from(move |_: MouseEvent| t.set(!*t))
    };

    let markers = Rc::new(event_markers(&props.lanes, &props.visible, &scale));
    // Brushing: drag across the chart (or the overview) to choose a range.
    let brush_handlers = |overview: bool, node: NodeRef| {
        let down = {
            let brush = brush.clone();
            let node = node.clone();
            Callback::from(move |e: PointerEvent| {
                if e.pointer_type() == "mouse" && e.button() != 0 {
                    return;
                }
                let Some(el) = node.cast::<web_sys::Element>() else {
                    return;
                };
                let x = f64::from(e.client_x()) - el.get_bounding_client_rect().left();
                let _ = el.set_pointer_capture(e.pointer_id());
                brush.set(Some(Brush {
                    from_px: x,
                    to_px: x,
                    overview,
                }));
            })
        };
        let moved = {
            let brush = brush.clone();
            let node = node.clone();
            let hover_marker = hover_marker.clone();
            let markers = markers.clone();
            Callback::from(move |e: PointerEvent| {
                let Some(el) = node.cast::<web_sys::Element>() else {
                    return;
                };
                let x = f64::from(e.client_x()) - el.get_bounding_client_rect().left();
                match *brush {
                    Some(b) => brush.set(Some(Brush { to_px: x, ..b })),
                    None if !overview => {
                        let near = nearest_marker(&markers, x, 4.0).map(|(_, ev, mx)| (ev, mx));
                        if near != *hover_marker {
                            hover_marker.set(near);
                        }
                    }
                    None => {}
                }
            })
        };
        let up = {
            let brush = brush.clone();
            let onbrush = props.onbrush.clone();
            let limits = props.limits;
            Callback::from(move |_: PointerEvent| {
                if let Some(b) = *brush {
                    let s = if b.overview {
                        TimeScale::fit(&limits, scale.width_px)
                    } else {
                        scale
                    };
                    let (a, z) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
                    if z - a > 4.0 {
                        onbrush.emit((s.unmap(a), s.unmap(z)));
                    }
                }
                brush.set(None);
            })
        };
        (down, moved, up)
    };
    let (down, moved, up) = brush_handlers(false, svg_ref.clone());
    let (odown, omoved, oup) = brush_handlers(true, overview_ref.clone());

    // Value axis over every shown count (stable while panning).
    let growths: Vec<(usize, Vec<Growth>)> =
        shown_series.iter().map(|s| (s.org, growth(s))).collect();
    let axis = match *mode {
        Mode::Counts => {
            let max = shown_series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| f64::from(p.members)))
                .fold(0.0, f64::max);
            nice_axis(0.0, max, 5)
        }
        Mode::Growth => {
            let (lo, hi) = growths
                .iter()
                .flat_map(|(_, g)| g.iter().map(|g| g.per_month))
                .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
            nice_axis(lo, hi, 5)
        }
    };
    let uneven = growths.iter().any(|(_, g)| unevenly_spaced(g));

    let presence = presence_facts(data, &measured, &scale, props.today);

    let height = PRESENCE_PX + PLOT_PX + BOTTOM_PX;
    let readout = hovered.and_then(|i| data.membership.get(i)).map(|c| {
        let org = data
            .organisations
            .get(c.org)
            .map_or("", |o| o.name.as_str());
        (
            format!(
                "{} members — {} — {}",
                group_thousands(i64::from(c.members)),
                c.date.label(),
                org
            ),
            c.source,
        )
    });
    let overview = TimeScale::fit(&props.limits, width);
    let (wx0, wx1) = (overview.map(scale.start_day), overview.map(scale.end_day));

    html! {
        <div class="mt-chart" data-testid="membership-chart"
             data-window-start={iso_day(scale.start_day.floor() as Day)}
             data-window-end={iso_day(scale.end_day.ceil() as Day)}>
            <div class="mt-chart-head">
                <h3 class="mt-chart-title">{ "Membership" }</h3>
                <div class="mt-toolbar" role="group" aria-label="Chart view">
                    <button type="button" data-testid="chart-counts" aria-pressed={(*mode == Mode::Counts).to_string()}
                            onclick={set_mode(Mode::Counts)}>{ "Counts" }</button>
                    <button type="button" data-testid="chart-growth" aria-pressed={(*mode == Mode::Growth).to_string()}
                            onclick={set_mode(Mode::Growth)}>{ "Growth per month" }</button>
                    <button type="button" data-testid="chart-table-toggle" aria-pressed={table_open.to_string()}
                            onclick={toggle_table}>{ "Table" }</button>
                </div>
            </div>
            if shown_series.is_empty() {
                <p class="mt-no-figures" data-testid="no-figures" role="note">
                    { format!("{}: no membership figures published.", if without.is_empty() { "No organisation shown".to_string() } else { without.join(", ") }) }
                </p>
            } else {
                <svg class="mt-chart-svg" ref={svg_ref} width={fmt_px(width)} height={fmt_px(height)}
                     onpointerdown={down} onpointermove={moved} onpointerup={up.clone()} onpointercancel={up}
                     aria-label="Membership over time; drag across it to zoom the timeline to that range">
                    <rect class="mt-chart-bg" x="0" y={fmt_px(PRESENCE_PX)} width={fmt_px(width)} height={fmt_px(PLOT_PX)} />
                    { for axis.ticks.iter().map(|t| {
                        let y = y_of(*t, axis.min, axis.max);
                        html! {
                            <g class="mt-ytick" key={t.to_string()}>
                                <line x1="0" x2={fmt_px(width)} y1={fmt_px(y)} y2={fmt_px(y)} />
                                <text x="4" y={fmt_px(y - 3.0)}>{ tick_label(*t) }</text>
                            </g>
                        }
                    }) }
                    { for props.visible.iter().filter_map(|o| {
                        let org = data.organisations.get(*o)?;
                        let d = marker_path(&markers, *o, PRESENCE_PX, PRESENCE_PX + PLOT_PX);
                        (!d.is_empty()).then(|| html! {
                            <path class="mt-event-marker" key={org.id.clone()} d={d} stroke={org.color.clone()} />
                        })
                    }) }
                    if let Some((e, x)) = *hover_marker {
                        if let Some(ev) = data.events.get(e) {
                            <text class="mt-marker-name" x={fmt_px((x + 4.0).min(width - 4.0))} y={fmt_px(PRESENCE_PX + 12.0)}
                                  text-anchor={if x > width * 0.6 { "end" } else { "start" }}>
                                { format!("{} — {}", data.text(ev.title), ev.date.label()) }
                            </text>
                        }
                    }
                    <g class="mt-presence" aria-label="Countable presence facts">
                        <text class="mt-presence-title" x="4" y="12">{ "Presence" }</text>
                        { for presence.iter().filter_map(|(i, x, labelled)| {
                            let ev = data.events.get(*i)?;
                            let m = ev.measure.as_ref()?;
                            let more = if m.bound == MeasureBound::MoreThan { "more than " } else { "" };
                            let short = format!("{}{}", if more.is_empty() { "" } else { ">" }, m.value);
                            let label = format!("{more}{} {} — {}", m.value, data.text(m.unit), ev.date.label());
                            Some(html! {
                                <g class="mt-presence-mark" key={data.text(ev.id).to_owned()} data-event-id={data.text(ev.id).to_owned()}
                                   role="img" aria-label={label.clone()}>
                                    <title>{ label }</title>
                                    <path d="M0,-5L5,0L0,5L-5,0Z" transform={format!("translate({} 22)", fmt_px(*x))} />
                                    if *labelled {
                                        <text x={fmt_px(x + 8.0)} y="26">{ short }</text>
                                    }
                                </g>
                            })
                        }) }
                    </g>
                    { for shown_series.iter().filter_map(|s| {
                        let org = data.organisations.get(s.org)?;
                        let color = org.color.clone();
                        Some(match *mode {
                            Mode::Counts => {
                                let path: String = s.points.iter().enumerate().map(|(k, p)| {
                                    let cmd = if k == 0 { 'M' } else { 'L' };
                                    format!("{cmd}{},{} ", fmt_px(scale.map(p.mid_day)), fmt_px(y_of(f64::from(p.members), axis.min, axis.max)))
                                }).collect();
                                html! {
                                    <g class="mt-series" key={org.id.clone()} data-org={org.id.clone()}>
                                        <path class="mt-series-line" d={path} stroke={color.clone()} />
                                        { for s.points.iter().filter(|p| p.end_day >= scale.start_day && p.start_day <= scale.end_day).filter_map(|p| {
                                            let c = data.membership.get(p.index)?;
                                            let (x0, x1) = (scale.map(p.start_day), scale.map(p.end_day));
                                            let y = y_of(f64::from(p.members), axis.min, axis.max);
                                            let name = format!("{} members — {} — {}", group_thousands(i64::from(p.members)), c.date.label(), org.name);
                                            let index = p.index;
                                            let focus = { let h = hovered.clone(); Callback::from(move |_: FocusEvent| h.set(Some(index))) };
                                            let enter = { let h = hovered.clone(); Callback::from(move |_: MouseEvent| h.set(Some(index))) };
                                            let tap = { let h = hovered.clone(); Callback::from(move |e: PointerEvent| { e.stop_propagation(); h.set(Some(index)) }) };
                                            Some(html! {
                                                <g class={classes!("mt-point", (*hovered == Some(index)).then_some("mt-active"))}
                                                   key={p.index.to_string()} data-testid="chart-point"
                                                   data-date={data.text(c.date_text).to_owned()} data-members={p.members.to_string()}
                                                   tabindex="0" role="img" aria-label={name.clone()}
                                                   onfocus={focus} onmouseenter={enter} onpointerdown={tap}>
                                                    <rect class="mt-point-span" x={fmt_px(x0)} y={fmt_px(y - 2.0)} width={fmt_px((x1 - x0).max(2.0))} height="4" fill={color.clone()} />
                                                    <circle cx={fmt_px(scale.map(p.mid_day))} cy={fmt_px(y)} r="4.5" fill={color.clone()} />
                                                </g>
                                            })
                                        }) }
                                    </g>
                                }
                            }
                            Mode::Growth => {
                                let g = growths.iter().find(|(o, _)| *o == s.org).map(|(_, g)| g.clone()).unwrap_or_default();
                                let zero = y_of(0.0, axis.min, axis.max);
                                html! {
                                    <g class="mt-series" key={org.id.clone()} data-org={org.id.clone()}>
                                        { for g.iter().map(|b| {
                                            let (x0, x1) = (scale.map(b.from_day), scale.map(b.to_day));
                                            let y = y_of(b.per_month, axis.min, axis.max);
                                            let (from, to) = (data.membership.get(b.from_index), data.membership.get(b.to_index));
                                            let span = match (from, to) { (Some(a), Some(z)) => format!("{} to {}", a.date.label(), z.date.label()), _ => String::new() };
                                            let sign = if b.delta >= 0 { "+" } else { "" };
                                            let label = format!("{sign}{}/month, {span} ({:.1} months)", group_thousands(b.per_month.round() as i64), b.months);
                                            html! {
                                                <g class="mt-growth-bar" key={b.from_index.to_string()} tabindex="0" role="img" aria-label={label.clone()}>
                                                    <title>{ label }</title>
                                                    <rect x={fmt_px(x0 + 1.0)} y={fmt_px(y.min(zero))} width={fmt_px((x1 - x0 - 2.0).max(1.0))}
                                                          height={fmt_px((zero - y).abs().max(1.0))} fill={color.clone()} />
                                                    <text x={fmt_px((x0 + x1) / 2.0)} y={fmt_px(y.min(zero) - 3.0)} text-anchor="middle">
                                                        { format!("{sign}{}", tick_label(b.per_month)) }
                                                    </text>
                                                </g>
                                            }
                                        }) }
                                    </g>
                                }
                            }
                        })
                    }) }
                    if let Some(b) = *brush {
                        if !b.overview {
                            <rect class="mt-brush" x={fmt_px(b.from_px.min(b.to_px))} y={fmt_px(PRESENCE_PX)}
                                  width={fmt_px((b.to_px - b.from_px).abs())} height={fmt_px(PLOT_PX)} />
                        }
                    }
                </svg>
            }
            <svg class="mt-overview" ref={overview_ref} width={fmt_px(width)} height={fmt_px(OVERVIEW_PX)}
                 onpointerdown={odown} onpointermove={omoved} onpointerup={oup.clone()} onpointercancel={oup}
                 aria-label="Overview of the whole period with the visible window; drag across it to choose a window">
                <rect class="mt-overview-bg" x="0" y="0" width={fmt_px(width)} height={fmt_px(OVERVIEW_PX)} />
                <rect class="mt-overview-window" data-testid="overview-window" x={fmt_px(wx0)} y="1"
                      width={fmt_px((wx1 - wx0).max(2.0))} height={fmt_px(OVERVIEW_PX - 2.0)} />
                if let Some(b) = *brush {
                    if b.overview {
                        <rect class="mt-brush" x={fmt_px(b.from_px.min(b.to_px))} y="0"
                              width={fmt_px((b.to_px - b.from_px).abs())} height={fmt_px(OVERVIEW_PX)} />
                    }
                }
            </svg>
            if !shown_series.is_empty() && !without.is_empty() {
                <p class="mt-chart-note">{ format!("{}: no membership figures published.", without.join(", ")) }</p>
            }
            if *mode == Mode::Growth && uneven {
                <p class="mt-chart-note" data-testid="uneven-note">
                    { "The counts are not equally spaced in time: each bar is the average gain per month between two counts, drawn across the months it covers." }
                </p>
            }
            <p class="mt-readout" aria-live="polite">
                if let Some((text, source)) = readout {
                    <strong>{ text }</strong>
                    { format!(". Source: “{}” ({}, {})", data.text(source.quote), data.text(source.article), data.text(source.section)) }
                } else {
                    { "Counts are drawn across the month or year they cover and joined by a dashed line: nothing is known between them. Hover, focus or tap a point for its source; drag across the chart to zoom." }
                }
            </p>
            if *table_open {
                <table class="mt-chart-table" data-testid="membership-table">
                    <caption>{ "Published membership counts" }</caption>
                    <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Organisation" }</th><th scope="col">{ "Members" }</th><th scope="col">{ "Source" }</th></tr></thead>
                    <tbody>
                        { for shown_series.iter().flat_map(|s| s.points.iter()).filter_map(|p| {
                            let c = data.membership.get(p.index)?;
                            let org = data.organisations.get(c.org)?;
                            Some(html! {
                                <tr key={p.index.to_string()}>
                                    <td>{ c.date.label() }</td>
                                    <td>{ org.abbreviation.clone() }</td>
                                    <td class="mt-num">{ group_thousands(i64::from(c.members)) }</td>
                                    <td>{ format!("{}, {}", data.text(c.source.article), data.text(c.source.section)) }</td>
                                </tr>
                            })
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
