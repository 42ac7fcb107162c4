//! The membership chart under the lanes, on the same time scale: published
//! counts (or growth per month), countable presence facts, event markers,
//! brushing to zoom, an overview of where the window is, and a table.

use super::fmt_px;
use crate::core::data::{Dataset, MeasureBound};
use crate::core::date::{iso_day, Day};
use crate::core::i18n::{self, date_label, Lang, Msg};
use crate::core::membership::{
    event_markers, growth, marker_path, nearest_marker, nice_axis, presence_facts, tick_label,
    unevenly_spaced, Growth, Series,
};
use crate::core::scale::TimeScale;
use crate::state::State;
use yew::prelude::*;

/// Height of the presence strip (offices, regions, branches).
const PRESENCE_PX: f64 = 30.0;
/// Height of the value plot.
const PLOT_PX: f64 = 130.0;
/// Space under the plot.
const BOTTOM_PX: f64 = 8.0;
/// Height of the overview strip.
const OVERVIEW_PX: f64 = 24.0;

fn y_of(value: f64, min: f64, max: f64) -> f64 {
    let frac = if max > min {
        (value - min) / (max - min)
    } else {
        0.0
    };
    PRESENCE_PX + PLOT_PX - frac.clamp(0.0, 1.0) * (PLOT_PX - 12.0)
}

fn visible_orgs(s: &State, data: &Dataset) -> Vec<usize> {
    data.organisations
        .iter()
        .enumerate()
        .filter(|(_, o)| s.filter.shows_org(&o.id))
        .map(|(i, _)| i)
        .collect()
}

/// The event marker nearest to `x` on the chart (for naming it on hover).
pub fn marker_near(s: &State, x: f64) -> Option<(usize, f64)> {
    let data = s.data()?;
    let markers = event_markers(&s.lanes, &visible_orgs(s, data), &s.scale);
    nearest_marker(&markers, x, 4.0).map(|(_, e, mx)| (e, mx))
}

fn org_name(data: &Dataset, o: usize, l: Lang) -> String {
    data.organisations
        .get(o)
        .map_or_else(String::new, |org| match (l, &org.native_name) {
            (Lang::Ru, Some(n)) => n.clone(),
            _ => org.name.clone(),
        })
}

/// The chart.
pub fn membership(s: &State, data: &Dataset) -> Html {
    let l = s.lang;
    let scale = s.scale;
    let width = scale.width_px;
    let visible = visible_orgs(s, data);
    let series: Vec<&Series> = s
        .tallies
        .series
        .iter()
        .filter(|x| visible.contains(&x.org))
        .collect();
    let without: Vec<String> = visible
        .iter()
        .filter(|o| !s.tallies.series.iter().any(|x| x.org == **o))
        .map(|&o| org_name(data, o, l))
        .collect();
    let growths: Vec<(usize, Vec<Growth>)> = series.iter().map(|x| (x.org, growth(x))).collect();
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
    let markers = event_markers(&s.lanes, &visible, &scale);
    let presence = presence_facts(data, &s.tallies.measured, &scale, s.today);
    let overview = TimeScale::fit(&s.limits, width);
    let (wx0, wx1) = (overview.map(scale.start_day), overview.map(scale.end_day));
    let brush = s.chart.brush;
    let readout = s
        .chart
        .readout
        .and_then(|i| data.membership.get(i))
        .map(|c| {
            (
                format!(
                    "{} — {} — {}",
                    i18n::members(l, c.members),
                    date_label(l, &c.date),
                    org_name(data, c.org, l)
                ),
                format!(
                    ". {} “{}” ({}, {})",
                    Msg::Source.text(l),
                    data.text(c.source.quote),
                    data.text(c.source.article),
                    data.text(c.source.section)
                ),
            )
        });
    let no_figures = |names: &[String]| {
        let names = if names.is_empty() {
            Msg::NoOrganisation.text(l).to_owned()
        } else {
            names.join(", ")
        };
        format!("{names}: {}", Msg::NoFigures.text(l))
    };
    html! {
        <div class="mt-chart" data-testid="membership-chart"
             data-window-start={iso_day(scale.start_day.floor() as Day)}
             data-window-end={iso_day(scale.end_day.ceil() as Day)}>
            <div class="mt-chart-head">
                <h3 class="mt-chart-title">{ Msg::Membership.text(l) }</h3>
                <div class="mt-toolbar" role="group" aria-label={Msg::ChartView.text(l)}>
                    <button type="button" data-act="counts" data-testid="chart-counts" aria-pressed={(!s.chart.growth).to_string()}>{ Msg::Counts.text(l) }</button>
                    <button type="button" data-act="growth" data-testid="chart-growth" aria-pressed={s.chart.growth.to_string()}>{ Msg::Growth.text(l) }</button>
                    <button type="button" data-act="table" data-testid="chart-table-toggle" aria-pressed={s.chart.table.to_string()}>{ Msg::Table.text(l) }</button>
                </div>
            </div>
            if series.is_empty() {
                <p class="mt-no-figures" data-testid="no-figures" role="note">{ no_figures(&without) }</p>
            } else {
                <svg class="mt-chart-svg" data-zone="chart" width={fmt_px(width)} height={fmt_px(PRESENCE_PX + PLOT_PX + BOTTOM_PX)}
                     aria-label={Msg::ChartHelp.text(l)}>
                    <rect class="mt-chart-bg" x="0" y={fmt_px(PRESENCE_PX)} width={fmt_px(width)} height={fmt_px(PLOT_PX)} />
                    { for axis.ticks.iter().map(|t| {
                        let y = y_of(*t, axis.min, axis.max);
                        html! {
                            <g class="mt-ytick" key={(*t as i64).to_string()}>
                                <line x1="0" x2={fmt_px(width)} y1={fmt_px(y)} y2={fmt_px(y)} />
                                <text x="4" y={fmt_px(y - 3.0)}>{ tick_label(l, *t) }</text>
                            </g>
                        }
                    }) }
                    { for visible.iter().filter_map(|&o| {
                        let org = data.organisations.get(o)?;
                        let d = marker_path(&markers, o, PRESENCE_PX, PRESENCE_PX + PLOT_PX);
                        (!d.is_empty()).then(|| html! {
                            <path class="mt-event-marker" key={org.id.clone()} d={d} stroke={org.color.clone()} />
                        })
                    }) }
                    if let Some((e, x)) = s.chart.marker {
                        if let Some(ev) = data.events.get(e) {
                            <text class="mt-marker-name" x={fmt_px((x + 4.0).min(width - 4.0))} y={fmt_px(PRESENCE_PX + 12.0)}
                                  text-anchor={if x > width * 0.6 { "end" } else { "start" }}>
                                { format!("{} — {}", s.label(data, ev), date_label(l, &ev.date)) }
                            </text>
                        }
                    }
                    <g class="mt-presence" aria-label={Msg::PresenceHelp.text(l)}>
                        <text class="mt-presence-title" x="4" y="12">{ Msg::Presence.text(l) }</text>
                        { for presence.iter().filter_map(|(i, x, labelled)| {
                            let ev = data.events.get(*i)?;
                            let m = ev.measure.as_ref()?;
                            let more = m.bound == MeasureBound::MoreThan;
                            let n = i18n::number(l, i64::from(m.value));
                            let name = format!("{}{n} {} — {}", if more { format!("{} ", Msg::MoreThan.text(l)) } else { String::new() }, data.text(m.unit), date_label(l, &ev.date));
                            Some(html! {
                                <g class="mt-presence-mark" key={data.text(ev.id).to_owned()} data-event-id={data.text(ev.id).to_owned()}
                                   role="img" aria-label={name.clone()}>
                                    <title>{ name }</title>
                                    <path d="M0,-5L5,0L0,5L-5,0Z" transform={format!("translate({} 22)", fmt_px(*x))} />
                                    if *labelled {
                                        <text x={fmt_px(x + 8.0)} y="26">{ format!("{}{n}", if more { ">" } else { "" }) }</text>
                                    }
                                </g>
                            })
                        }) }
                    </g>
                    { for series.iter().filter_map(|x| {
                        let org = data.organisations.get(x.org)?;
                        Some(if s.chart.growth {
                            growth_bars(s, data, &org.id, &org.color, growths.iter().find(|(o, _)| *o == x.org).map_or(&[][..], |(_, g)| g), axis.min, axis.max)
                        } else {
                            counts(s, data, x, &org.id, &org.color, axis.min, axis.max)
                        })
                    }) }
                    if let Some(b) = brush.filter(|b| !b.overview) {
                        <rect class="mt-brush" x={fmt_px(b.from_px.min(b.to_px))} y={fmt_px(PRESENCE_PX)}
                              width={fmt_px((b.to_px - b.from_px).abs())} height={fmt_px(PLOT_PX)} />
                    }
                </svg>
            }
            <svg class="mt-overview" data-zone="overview" width={fmt_px(width)} height={fmt_px(OVERVIEW_PX)}
                 aria-label={Msg::OverviewHelp.text(l)}>
                <rect class="mt-overview-bg" x="0" y="0" width={fmt_px(width)} height={fmt_px(OVERVIEW_PX)} />
                <rect class="mt-overview-window" data-testid="overview-window" x={fmt_px(wx0)} y="1"
                      width={fmt_px((wx1 - wx0).max(2.0))} height={fmt_px(OVERVIEW_PX - 2.0)} />
                if let Some(b) = brush.filter(|b| b.overview) {
                    <rect class="mt-brush" x={fmt_px(b.from_px.min(b.to_px))} y="0"
                          width={fmt_px((b.to_px - b.from_px).abs())} height={fmt_px(OVERVIEW_PX)} />
                }
            </svg>
            if !series.is_empty() && !without.is_empty() {
                <p class="mt-chart-note">{ no_figures(&without) }</p>
            }
            if s.chart.growth && growths.iter().any(|(_, g)| unevenly_spaced(g)) {
                <p class="mt-chart-note" data-testid="uneven-note">{ Msg::Uneven.text(l) }</p>
            }
            <p class="mt-readout" aria-live="polite">
                if let Some((text, source)) = readout {
                    <strong>{ text }</strong>{ source }
                } else {
                    { Msg::ChartHint.text(l) }
                }
            </p>
            if s.chart.table {
                <table class="mt-chart-table" data-testid="membership-table">
                    <caption>{ Msg::CountsCaption.text(l) }</caption>
                    <thead><tr>
                        <th scope="col">{ Msg::ColDate.text(l) }</th>
                        <th scope="col">{ Msg::ColOrganisation.text(l) }</th>
                        <th scope="col">{ Msg::ColMembers.text(l) }</th>
                        <th scope="col">{ Msg::ColSource.text(l) }</th>
                    </tr></thead>
                    <tbody>
                        { for series.iter().flat_map(|x| x.points.iter()).filter_map(|p| {
                            let c = data.membership.get(p.index)?;
                            let org = data.organisations.get(c.org)?;
                            Some(html! {
                                <tr key={p.index.to_string()}>
                                    <td>{ date_label(l, &c.date) }</td>
                                    <td>{ super::parts::abbreviation(org, l).to_owned() }</td>
                                    <td class="mt-num">{ i18n::number(l, i64::from(c.members)) }</td>
                                    <td lang="en">{ format!("{}, {}", data.text(c.source.article), data.text(c.source.section)) }</td>
                                </tr>
                            })
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

fn counts(
    s: &State,
    data: &Dataset,
    x: &Series,
    org: &str,
    color: &str,
    min: f64,
    max: f64,
) -> Html {
    let l = s.lang;
    let scale = s.scale;
    let mut path = String::new();
    for (k, p) in x.points.iter().enumerate() {
        path.push(if k == 0 { 'M' } else { 'L' });
        path.push_str(&fmt_px(scale.map(p.mid_day)));
        path.push(',');
        path.push_str(&fmt_px(y_of(f64::from(p.members), min, max)));
    }
    html! {
        <g class="mt-series" key={org.to_owned()} data-org={org.to_owned()}>
            <path class="mt-series-line" d={path} stroke={color.to_owned()} />
            { for x.points.iter().filter(|p| p.end_day >= scale.start_day && p.start_day <= scale.end_day).filter_map(|p| {
                let c = data.membership.get(p.index)?;
                let (x0, x1) = (scale.map(p.start_day), scale.map(p.end_day));
                let y = y_of(f64::from(p.members), min, max);
                let name = format!("{} — {} — {}", i18n::members(l, p.members), date_label(l, &c.date), org_name(data, c.org, l));
                Some(html! {
                    <g class={super::class("mt-point", &[(s.chart.readout == Some(p.index), "mt-active")])}
                       key={p.index.to_string()} data-testid="chart-point" data-act="point" data-point={p.index.to_string()}
                       data-date={data.text(c.date_text).to_owned()} data-members={p.members.to_string()}
                       tabindex="0" role="img" aria-label={name}>
                        <rect class="mt-point-span" x={fmt_px(x0)} y={fmt_px(y - 2.0)} width={fmt_px((x1 - x0).max(2.0))} height="4" fill={color.to_owned()} />
                        <circle cx={fmt_px(scale.map(p.mid_day))} cy={fmt_px(y)} r="4.5" fill={color.to_owned()} />
                    </g>
                })
            }) }
        </g>
    }
}

fn growth_bars(
    s: &State,
    data: &Dataset,
    org: &str,
    color: &str,
    bars: &[Growth],
    min: f64,
    max: f64,
) -> Html {
    let l = s.lang;
    let scale = s.scale;
    let zero = y_of(0.0, min, max);
    html! {
        <g class="mt-series" key={org.to_owned()} data-org={org.to_owned()}>
            { for bars.iter().map(|b| {
                let (x0, x1) = (scale.map(b.from_day), scale.map(b.to_day));
                let y = y_of(b.per_month, min, max);
                let date = |i: usize| data.membership.get(i).map(|c| date_label(l, &c.date)).unwrap_or_default();
                let per_month = b.per_month.round() as i64;
                let label = i18n::growth(l, per_month, &date(b.from_index), &date(b.to_index), (b.months * 10.0).round() as i64);
                let short = format!("{}{}", if per_month >= 0 { "+" } else { "" }, tick_label(l, b.per_month));
                html! {
                    <g class="mt-growth-bar" key={b.from_index.to_string()} tabindex="0" role="img" aria-label={label.clone()}>
                        <title>{ label }</title>
                        <rect x={fmt_px(x0 + 1.0)} y={fmt_px(y.min(zero))} width={fmt_px((x1 - x0 - 2.0).max(1.0))}
                              height={fmt_px((zero - y).abs().max(1.0))} fill={color.to_owned()} />
                        <text x={fmt_px((x0 + x1) / 2.0)} y={fmt_px(y.min(zero) - 3.0)} text-anchor="middle">{ short }</text>
                    </g>
                }
            }) }
        </g>
    }
}
