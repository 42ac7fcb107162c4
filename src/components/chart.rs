//! The membership chart under the lanes, on the same time scale: published
//! counts (or growth per month), countable presence facts, event markers,
//! brushing to zoom, an overview of where the window is, and a table.

use super::lanes::{time_axis, visible_orgs, AXIS_HEIGHT_PX};
use super::list::header_row;
use super::{abbreviation, act, flag, int, px, translate, view_box, Gestures, Zone};
use crate::core::align::{age_year, Align};
use crate::core::data::{Dataset, MeasureBound};
use crate::core::date::{
    civil_from_days, days_from_civil, days_in_month, DatePoint, DatePrecision, Day,
};
use crate::core::i18n::{self, date_label, point_label, Lang, Msg};
use crate::core::membership::{
    dotted_points, event_markers, growth, marker_path, nearest_marker, nice_axis, presence_facts,
    tick_label, unevenly_spaced, Growth, Series, ValueAxis,
};
use crate::core::scale::{push_px, TimeScale};
use crate::state::{Action, Shared, State};
use yew::prelude::*;

/// Height of the presence strip (offices, regions, branches).
const PRESENCE_PX: f64 = 30.0;
/// Height of the value plot.
pub const PLOT_PX: f64 = 130.0;
/// Space under the plot: the chart's own time axis.
const BOTTOM_PX: f64 = AXIS_HEIGHT_PX;
/// Width of a count's dot (its radius is 4.5 px; a span of its date up to
/// this wide lies wholly under it).
const DOT_PX: f64 = 8.0;
/// The least distance between two counts' dots (9 px wide with their
/// outline): closer ones are thinned ([`dotted_points`]).
const DOT_SPACING_PX: f64 = 10.0;
/// Height of the overview strip.
const OVERVIEW_PX: f64 = 24.0;
/// Height of the chart's drawing.
pub const CHART_HEIGHT_PX: f64 = PRESENCE_PX + PLOT_PX + BOTTOM_PX;

/// The class of what sits at a date: `mt-pan` (moved by a drag on the
/// lanes, see `view::input`) when the chart shares the timeline's window,
/// another when it has its own (a drag's offset in the timeline's pixels
/// would misplace it).
fn pan_class(s: &State) -> &'static str {
    if s.chart_apart().is_some() {
        "mt-chart-pan"
    } else {
        "mt-pan"
    }
}

/// The chart's own two-level time axis under its plot.
fn chart_axis(s: &State) -> Html {
    let Some(scale) = s.drawn.chart.as_ref() else {
        return Html::default();
    };
    let axis = s.drawn.chart_axis.as_ref().unwrap_or(&s.drawn.axis);
    html! {
        <g class="mt-chart-axis" data-testid="chart-axis">
            { time_axis(axis, *scale, PRESENCE_PX + PLOT_PX, pan_class(s), false) }
        </g>
    }
}

fn y_of(value: f64, min: f64, max: f64) -> f64 {
    let frac = if max > min {
        (value - min) / (max - min)
    } else {
        0.0
    };
    PRESENCE_PX + PLOT_PX - frac.clamp(0.0, 1.0) * (PLOT_PX - 12.0)
}

/// The event marker nearest to `x` on the chart (for naming it on hover).
pub fn marker_near(s: &State, x: f64) -> Option<(usize, f64)> {
    let data = s.data()?;
    let markers = event_markers(&s.lanes, &visible_orgs(s, data), &s.chart_scale_or_window());
    nearest_marker(&markers, x, 4.0).map(|(_, e, mx)| (e, mx))
}

fn org_name(data: &Dataset, o: usize, l: Lang) -> &str {
    data.organisations
        .get(o)
        .map_or("", |org| super::org_name(org, l))
}

/// What the chart draws: the visible series, the organisations without
/// counts, growth per month of each series, and the value axis.
pub struct ChartModel<'a> {
    /// The visible organisations.
    pub visible: Vec<usize>,
    /// Their series.
    pub series: Vec<&'a Series>,
    /// The names of visible organisations with no published counts.
    pub without: Vec<&'a str>,
    /// Growth per month between counts, by organisation.
    pub growths: Vec<(usize, Vec<Growth>)>,
    /// The value axis.
    pub axis: ValueAxis,
}

impl<'a> ChartModel<'a> {
    /// The model of `s`'s chart.
    pub fn new(s: &'a State, data: &'a Dataset) -> ChartModel<'a> {
        let visible = visible_orgs(s, data);
        let series: Vec<&Series> = s
            .tallies
            .series
            .iter()
            .filter(|x| visible.contains(&x.org))
            .collect();
        let without: Vec<&str> = visible
            .iter()
            .filter(|o| !s.tallies.series.iter().any(|x| x.org == **o))
            .map(|&o| org_name(data, o, s.lang))
            .collect();
        let growths: Vec<(usize, Vec<Growth>)> =
            series.iter().map(|x| (x.org, growth(x))).collect();
        let axis = if s.chart.growth {
            let (lo, hi) = growths
                .iter()
                .flat_map(|(_, g)| g.iter().map(|g| g.per_month))
                .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
            nice_axis(lo, hi, 5)
        } else {
            let max = series
                .iter()
                .flat_map(|x| x.points.iter().map(|p| f64::from(p.members)))
                .fold(0.0, f64::max);
            nice_axis(0.0, max, 5)
        };
        ChartModel {
            visible,
            series,
            without,
            growths,
            axis,
        }
    }

    /// "RSM: no membership figures published." (or "No organisation
    /// shown" alone: nothing shown has nothing to say about figures).
    fn no_figures(&self, l: Lang) -> String {
        if self.without.is_empty() {
            return Msg::NoOrganisation.text(l).to_owned();
        }
        [&self.without.join(", "), ": ", Msg::NoFigures.text(l)].concat()
    }
}

/// Properties of the chart.
#[derive(Properties, Clone, PartialEq)]
pub struct MembershipChartProps {
    /// What to draw.
    pub state: Shared<State>,
    /// Where the buttons' actions go.
    pub send: Callback<Action>,
    /// The gesture listeners (brushing, hovering points).
    #[prop_or_default]
    pub gestures: Gestures,
}

/// The chart's heading and its view buttons.
fn head(s: &State, send: &Callback<Action>) -> Html {
    let l = s.lang;
    html! {
        <div class="mt-chart-head">
            <h3 class="mt-chart-title">{ Msg::Membership.text(l) }</h3>
            <div class="mt-toolbar" role="group" aria-label={Msg::ChartView.text(l)}>
                <button type="button" data-testid="chart-counts" aria-pressed={flag(!s.chart.growth)}
                    onclick={act(send, Action::ChartGrowth(false))}>{ Msg::Counts.text(l) }</button>
                <button type="button" data-testid="chart-growth" aria-pressed={flag(s.chart.growth)}
                    onclick={act(send, Action::ChartGrowth(true))}>{ Msg::Growth.text(l) }</button>
                <button type="button" data-testid="chart-table-toggle" aria-pressed={flag(s.chart.table)}
                    onclick={act(send, Action::ChartTable)}>{ Msg::Table.text(l) }</button>
            </div>
        </div>
    }
}

/// "The chart shows October 2019 – February 2022, marked on the time axis
/// above", when the chart's window is not the timeline's.
fn range_note(s: &State) -> Html {
    let Some(chart) = s.chart_apart() else {
        return Html::default();
    };
    let month = |day: f64| {
        if s.align == Align::Founding {
            return i18n::age_tick(s.lang, i18n::AgeTick::Year(age_year(day)));
        }
        // The month the day falls in, as a date known to the month.
        let (y, m, _) = civil_from_days(day.floor() as Day);
        let first = days_from_civil(y, m, 1);
        let month = DatePoint {
            earliest: first,
            latest: first + days_in_month(y, m) as Day - 1,
            precision: DatePrecision::Month,
            approximate: false,
            uncertain: false,
        };
        point_label(s.lang, &month)
    };
    html! {
        <p class="mt-chart-note" data-testid="chart-range-note">
            { i18n::chart_range(s.lang, &month(chart.start_day), &month(chart.end_day - 1.0)) }
        </p>
    }
}

/// The value axis's grid lines and labels.
fn value_ticks(axis: &ValueAxis, width: f64, l: Lang) -> Html {
    html! { <>
        { for axis.ticks.iter().map(|t| {
            let y = y_of(*t, axis.min, axis.max);
            html! {
                <g class="mt-ytick" key={["t", &int(*t as i64)].concat()}>
                    <line x1="0" x2={px(width)} y1={px(y)} y2={px(y)}></line>
                    <text x="4" y={px(y - 3.0)}>{ tick_label(l, *t) }</text>
                </g>
            }
        }) }
    </> }
}

/// A tick on the chart's top edge for each shown event, and the name of
/// the one under the pointer.
fn markers(s: &State, data: &Dataset, visible: &[usize]) -> Html {
    let width = s.scale.width_px;
    let markers = event_markers(&s.lanes, visible, &s.chart_scale_or_window());
    let paths = visible.iter().filter_map(|&o| {
        let org = data.organisations.get(o)?;
        let d = marker_path(&markers, o, PRESENCE_PX, PRESENCE_PX + PLOT_PX);
        (!d.is_empty()).then(|| {
            html! {
                <path class="mt-event-marker" key={["m-", &org.id].concat()} {d}
                    stroke={org.color.clone()} fill={org.color.clone()}></path>
            }
        })
    });
    let name = s.chart.marker.and_then(|(e, x)| {
        let ev = data.events.get(e)?;
        Some(html! {
            <text class="mt-marker-name" x={px((x + 4.0).min(width - 4.0))} y={px(PRESENCE_PX + 12.0)}
                text-anchor={if x > width * 0.6 { "end" } else { "start" }}>
                { [s.label(data, ev), " — ", &date_label(s.lang, &ev.date)].concat() }
            </text>
        })
    });
    html! { <>{ super::list(paths) }{ name.unwrap_or_default() }</> }
}

/// The drawing (the chart's `<svg>`, also in the SVG export): background, value axis, event markers, presence facts,
/// each series (counts or growth) and the brush.
pub fn plot(
    s: &State,
    data: &Dataset,
    m: &ChartModel,
    g: &Gestures,
    send: &Callback<Action>,
) -> Html {
    let width = s.scale.width_px;
    let zone = g.pointer.reform(|e| (Zone::Chart, e));
    let series = m.series.iter().filter_map(|x| {
        let org = data.organisations.get(x.org)?;
        Some(if s.chart.growth {
            let bars = m
                .growths
                .iter()
                .find(|(o, _)| *o == x.org)
                .map_or(&[][..], |(_, g)| g);
            growth_bars(s, data, &org.id, &org.color, bars, &m.axis)
        } else {
            counts(s, data, x, &org.id, &org.color, &m.axis, send)
        })
    });
    let brush = s.chart.brush.filter(|b| !b.overview).map(|b| {
        let (x0, x1) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
        html! { <rect class="mt-brush" x={px(x0)} y={px(PRESENCE_PX)} width={px(x1 - x0)} height={px(PLOT_PX)}></rect> }
    });
    html! {
        <svg class="mt-chart-svg" preserveAspectRatio="xMinYMin meet" width={px(width)}
            height={px(CHART_HEIGHT_PX)} viewBox={view_box(width, CHART_HEIGHT_PX)}
            aria-label={Msg::ChartHelp.text(s.lang)}
            onpointerdown={zone.clone()} onpointermove={zone.clone()} onpointerup={zone.clone()}
            onpointercancel={zone} onwheel={g.wheel.reform(|e| (Zone::Chart, e))}
            onmouseover={g.hover.reform(|e: MouseEvent| e.into())}
            onfocusin={g.hover.reform(|e: FocusEvent| e.into())}>
            <rect class="mt-chart-bg" x="0" y={px(PRESENCE_PX)} width={px(width)} height={px(PLOT_PX)}></rect>
            { value_ticks(&m.axis, width, s.lang) }
            { chart_axis(s) }
            // What sits at a date moves with a drag (see `view::input`).
            <g class={pan_class(s)}>
                { markers(s, data, &m.visible) }
                { super::list(series) }
            </g>
            { presence(s, data) }
            { brush.unwrap_or_default() }
        </svg>
    }
}

/// Where the window is in the whole period; dragging across it shows a
/// range of the whole.
fn overview(s: &State, g: &Gestures) -> Html {
    let width = s.scale.width_px;
    let whole = TimeScale::fit(&s.limits, width);
    let (wx0, wx1) = (whole.map(s.scale.start_day), whole.map(s.scale.end_day));
    let zone = g.pointer.reform(|e| (Zone::Overview, e));
    let brush = s.chart.brush.filter(|b| b.overview).map(|b| {
        let (x0, x1) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
        html! { <rect class="mt-brush" x={px(x0)} y="0" width={px(x1 - x0)} height={px(OVERVIEW_PX)}></rect> }
    });
    html! {
        <svg class="mt-overview" preserveAspectRatio="xMinYMin meet" width={px(width)}
            height={px(OVERVIEW_PX)} viewBox={view_box(width, OVERVIEW_PX)}
            aria-label={Msg::OverviewHelp.text(s.lang)}
            onpointerdown={zone.clone()} onpointermove={zone.clone()} onpointerup={zone.clone()}
            onpointercancel={zone}>
            <rect class="mt-overview-bg" x="0" y="0" width={px(width)} height={px(OVERVIEW_PX)}></rect>
            <rect class="mt-overview-window" data-testid="overview-window" y="1" x={px(wx0)}
                width={px((wx1 - wx0).max(2.0))} height={px(OVERVIEW_PX - 2.0)}></rect>
            { brush.unwrap_or_default() }
        </svg>
    }
}

/// The number and source of the count read out, or how to read one.
fn readout(s: &State, data: &Dataset) -> Html {
    let l = s.lang;
    let body = match s.chart.readout.and_then(|i| data.membership.get(i)) {
        Some(c) => html! { <>
            <strong>
                { [&i18n::members(l, c.members), " — ", &date_label(l, &c.date), " — ", org_name(data, c.org, l)].concat() }
            </strong>
            { [". ", Msg::Source.text(l), " "].concat() }
            // The quote and the article's names are the English article's.
            <span lang="en">
                { ["“", data.text(c.source.quote), "” (", data.text(c.source.article), ", ",
                    data.text(c.source.section), ")"].concat() }
            </span>
        </> },
        None => html! { Msg::ChartHint.text(l) },
    };
    html! { <p class="mt-readout" aria-live="polite">{ body }</p> }
}

/// The chart.
#[function_component]
pub fn MembershipChart(props: &MembershipChartProps) -> Html {
    let s = &*props.state;
    let Some(data) = s.data() else {
        return Html::default();
    };
    let l = s.lang;
    if s.chart_apart().is_none() {
        // Drawn for the timeline's window: it moves with a drag.
        props
            .gestures
            .drawing
            .emit((super::Surface::Chart, s.scale));
    }
    let m = ChartModel::new(s, data);
    let chart_scale = s.chart_scale_or_window();
    let drawing = if m.series.is_empty() {
        html! { <p class="mt-no-figures" data-testid="no-figures" role="note">{ m.no_figures(l) }</p> }
    } else {
        plot(s, data, &m, &props.gestures, &props.send)
    };
    html! {
        <div class="mt-chart" data-testid="membership-chart"
            data-window-start={super::window_attr(s, chart_scale.start_day.floor())}
            data-window-end={super::window_attr(s, chart_scale.end_day.ceil())}>
            { head(s, &props.send) }
            { range_note(s) }
            { drawing }
            { overview(s, &props.gestures) }
            if !m.series.is_empty() && !m.without.is_empty() {
                <p class="mt-chart-note">{ m.no_figures(l) }</p>
            }
            if s.chart.growth && m.growths.iter().any(|(_, g)| unevenly_spaced(g)) {
                <p class="mt-chart-note" data-testid="uneven-note">{ Msg::Uneven.text(l) }</p>
            }
            { readout(s, data) }
            if s.chart.table {
                { table(s, data, &m.series) }
            }
        </div>
    }
}

/// The name a presence fact is read out with: "more than 70 regional
/// branches — March 2021".
fn presence_name(
    s: &State,
    data: &Dataset,
    ev: &crate::core::data::Event,
    n: &str,
) -> Option<String> {
    let l = s.lang;
    let measure = data.measure(ev)?;
    let more = measure.bound == MeasureBound::MoreThan;
    let mut name = String::new();
    if more {
        name.push_str(Msg::MoreThan.text(l));
        name.push(' ');
    }
    name.push_str(n);
    name.push(' ');
    name.push_str(data.unit_in(ev, l.code()));
    name.push_str(" — ");
    name.push_str(&date_label(l, &ev.date));
    Some(name)
}

/// The presence strip: counted facts that are not members (offices,
/// regions, branches).
fn presence(s: &State, data: &Dataset) -> Html {
    let l = s.lang;
    let facts = presence_facts(
        data,
        &s.tallies.measured,
        &s.chart_scale_or_window(),
        &s.place(),
    );
    let marks = facts.iter().filter_map(|&(i, x, labelled)| {
        let ev = data.events.get(i)?;
        let measure = data.measure(ev)?;
        let more = measure.bound == MeasureBound::MoreThan;
        let n = i18n::number(l, i64::from(measure.value));
        let name = presence_name(s, data, ev, &n)?;
        let id = data.text(ev.id).to_owned();
        Some(html! {
            <g class="mt-presence-mark" role="img" key={id.clone()} data-event-id={id}
                aria-label={name.clone()}>
                <title>{ name }</title>
                <path d="M0,-5L5,0L0,5L-5,0Z" transform={translate(x, 22.0)}></path>
                if labelled {
                    <text y="26" x={px(x + 8.0)}>{ [if more { ">" } else { "" }, &n].concat() }</text>
                }
            </g>
        })
    });
    html! {
        <g class="mt-presence" role="group" aria-label={Msg::PresenceHelp.text(l)}>
            <text class="mt-presence-title" x="4" y="12">{ Msg::Presence.text(l) }</text>
            <g class={pan_class(s)}>{ super::list(marks) }</g>
        </g>
    }
}

/// The counts as a table: date, organisation, members, source.
fn table(s: &State, data: &Dataset, series: &[&Series]) -> Html {
    let l = s.lang;
    let rows = series.iter().flat_map(|x| x.points.iter()).filter_map(|p| {
        let c = data.membership.get(p.index)?;
        let org = data.organisations.get(c.org)?;
        Some(html! {
            <tr key={["r", &int(p.index as i64)].concat()}>
                <td>{ date_label(l, &c.date) }</td>
                <td>{ abbreviation(org, l).to_owned() }</td>
                <td class="mt-num">{ i18n::number(l, i64::from(c.members)) }</td>
                <td lang="en">{ [data.text(c.source.article), ", ", data.text(c.source.section)].concat() }</td>
            </tr>
        })
    });
    let columns = [
        Msg::ColDate,
        Msg::ColOrganisation,
        Msg::ColMembers,
        Msg::ColSource,
    ];
    html! {
        <table class="mt-chart-table" data-testid="membership-table">
            <caption>{ Msg::CountsCaption.text(l) }</caption>
            { header_row(l, &columns) }
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// One series as counts: a dashed line through the points, and each point
/// (its date's span and a dot) focusable, read out on hover, focus or tap.
fn counts(
    s: &State,
    data: &Dataset,
    x: &Series,
    org: &str,
    color: &str,
    axis: &ValueAxis,
    send: &Callback<Action>,
) -> Html {
    let l = s.lang;
    let scale = s.chart_scale_or_window();
    let mut path = String::new();
    for (k, p) in x.points.iter().enumerate() {
        path.push(if k == 0 { 'M' } else { 'L' });
        push_px(&mut path, scale.map(p.mid_day));
        path.push(',');
        push_px(&mut path, y_of(f64::from(p.members), axis.min, axis.max));
    }
    let color = AttrValue::from(color.to_owned());
    let dotted = dotted_points(&x.points, &scale, s.chart.readout, DOT_SPACING_PX);
    // One tab stop per series (the arrow keys walk its points, see
    // `view::input`): the point read out, else the first drawn.
    let stop = s
        .chart
        .readout
        .filter(|r| dotted.iter().any(|p| p.index == *r))
        .or_else(|| dotted.first().map(|p| p.index));
    let points = dotted
        .into_iter()
        .filter_map(|p| {
            let c = data.membership.get(p.index)?;
            let (x0, x1) = (scale.map(p.start_day), scale.map(p.end_day));
            let y = y_of(f64::from(p.members), axis.min, axis.max);
            let name = [
                i18n::members(l, p.members).as_str(),
                date_label(l, &c.date).as_str(),
                org_name(data, c.org, l),
            ]
            .join(" — ");
            let active = s.chart.readout == Some(p.index);
            let index = p.index;
            let onclick = act(send, Action::Readout(Some(index)));
            Some(html! {
                <g class={classes!("mt-point", active.then_some("mt-active"))}
                    key={["p", &int(p.index as i64)].concat()} data-testid="chart-point"
                    tabindex={if stop == Some(p.index) { "0" } else { "-1" }}
                    role="img" data-point={int(p.index as i64)}
                    data-date={data.text(c.date_text).to_owned()} data-members={int(i64::from(p.members))}
                    aria-label={name} {onclick}>
                    // The span of the count's date, where it is wider
                    // than the dot that would hide it.
                    if x1 - x0 > DOT_PX {
                        <rect class="mt-point-span" height="4" x={px(x0)} y={px(y - 2.0)}
                            width={px(x1 - x0)} fill={color.clone()}></rect>
                    }
                    <circle r="4.5" cx={px(scale.map(p.mid_day))} cy={px(y)} fill={color.clone()}></circle>
                </g>
            })
        });
    html! {
        <g class="mt-series" key={org.to_owned()} data-org={org.to_owned()}>
            <path class="mt-series-line" d={path} stroke={color.clone()}></path>
            { super::list(points) }
        </g>
    }
}

/// One series as growth per month between counts: a bar each, labelled.
fn growth_bars(
    s: &State,
    data: &Dataset,
    org: &str,
    color: &str,
    bars: &[Growth],
    axis: &ValueAxis,
) -> Html {
    let l = s.lang;
    let scale = s.chart_scale_or_window();
    let zero = y_of(0.0, axis.min, axis.max);
    let date = |i: usize| {
        data.membership
            .get(i)
            .map(|c| date_label(l, &c.date))
            .unwrap_or_default()
    };
    let color = AttrValue::from(color.to_owned());
    let bars = bars.iter().map(|b| {
        let (x0, x1) = (scale.map(b.from_day), scale.map(b.to_day));
        let y = y_of(b.per_month, axis.min, axis.max);
        let per_month = b.per_month.round() as i64;
        let label = i18n::growth(
            l,
            per_month,
            &date(b.from_index),
            &date(b.to_index),
            (b.months * 10.0).round() as i64,
        );
        html! {
            <g class="mt-growth-bar" tabindex="0" role="img" key={["b", &int(b.from_index as i64)].concat()}
                aria-label={label.clone()}>
                <title>{ label }</title>
                <rect x={px(x0 + 1.0)} y={px(y.min(zero))} width={px((x1 - x0 - 2.0).max(1.0))}
                    height={px((zero - y).abs().max(1.0))} fill={color.clone()}></rect>
                <text text-anchor="middle" x={px((x0 + x1) / 2.0)} y={px(y.min(zero) - 3.0)}>
                    { [if per_month >= 0 { "+" } else { "" }, &tick_label(l, b.per_month)].concat() }
                </text>
            </g>
        }
    });
    html! {
        <g class="mt-series" key={org.to_owned()} data-org={org.to_owned()}>{ for bars }</g>
    }
}
