//! The plot: organisation lanes over a two-level time axis (wide), or the
//! events as rows with time running down (narrow). Drawn from
//! `State::drawn`; positions come from `core`.

use super::fmt_px;
use super::glyph::glyph_path;
use super::parts::abbreviation;
use crate::core::data::{Dataset, Event};
use crate::core::date::{days_from_civil, DatePrecision};
use crate::core::i18n::{self, date_label, kind_label, Lang};
use crate::core::layout::{ClusterBox, LayoutParams, MarkBox, Row};
use crate::state::State;
use yew::prelude::*;

/// Height of a lane's header (name and lifespan band).
pub const LANE_HEADER_PX: f64 = 26.0;
/// Height of one row of marks.
pub const ROW_PX: f64 = 22.0;
/// Height of the two-row time axis.
pub const AXIS_HEIGHT_PX: f64 = 44.0;

/// Height of a lane with `rows` rows of marks and a cluster row.
pub fn lane_height_px(rows: usize) -> f64 {
    LANE_HEADER_PX + ROW_PX * (rows as f64 + 1.0) + 4.0
}

/// A square of an organisation's colour.
pub fn org_swatch(color: &str) -> Html {
    html! {
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <rect width="12" height="12" rx="3" fill={color.to_owned()} />
        </svg>
    }
}

/// An event's mark words in the reader's language.
fn label<'a>(s: &State, data: &'a Dataset, e: &Event) -> &'a str {
    s.label(data, e)
}

/// The accessible name of a mark: what it shows first (label in name),
/// then kind, date and organisation.
pub fn accessible_name(s: &State, data: &Dataset, e: &Event) -> String {
    let org = data.organisation_name(e);
    let org = match (s.lang, data.organisations.get(e.org)) {
        (Lang::Ru, Some(o)) if e.predecessor.is_empty() => o.native_name.as_deref().unwrap_or(org),
        _ => org,
    };
    format!(
        "{} — {} — {} — {}",
        label(s, data, e),
        kind_label(s.lang, e.kind),
        date_label(s.lang, &e.date),
        org
    )
}

/// The visible organisations' indexes, top to bottom.
fn visible_orgs(s: &State, data: &Dataset) -> Vec<usize> {
    data.organisations
        .iter()
        .enumerate()
        .filter(|(_, o)| s.filter.shows_org(&o.id))
        .map(|(i, _)| i)
        .collect()
}

fn empty_note(s: &State) -> Html {
    html! {
        if s.shown.is_empty() {
            <div class="mt-empty" role="status">
                { format!("{} ", i18n::Msg::NoMatch.text(s.lang)) }
                <button type="button" data-act="reset">{ i18n::Msg::Reset.text(s.lang) }</button>
            </div>
        }
    }
}

/// Lanes over the axis.
pub fn horizontal(s: &State, data: &Dataset) -> Html {
    let scale = s.scale;
    let orgs = visible_orgs(s, data);
    let rows = |o: usize| {
        s.drawn
            .lanes
            .get(o)
            .map_or(LayoutParams::default().rows, |l| l.rows)
    };
    let mut tops = Vec::with_capacity(orgs.len());
    let mut height = 0.0;
    for &o in &orgs {
        tops.push(height);
        height += lane_height_px(rows(o));
    }
    let axis = &s.drawn.axis;
    let ax = height;
    html! {
        <>
            { empty_note(s) }
            <svg class="mt-svg" width={fmt_px(scale.width_px)} height={fmt_px(height + AXIS_HEIGHT_PX)}>
                <g class="mt-axis" aria-hidden="true">
                    <line class="mt-axis-line" x1="0" x2={fmt_px(scale.width_px)} y1={fmt_px(ax)} y2={fmt_px(ax)} />
                    { for axis.minor.iter().map(|t| {
                        let x = fmt_px(scale.map(f64::from(t.day)));
                        html! {
                            <g class="mt-tick" key={t.day}>
                                <line class="mt-gridline" x1={x.clone()} x2={x.clone()} y1="0" y2={fmt_px(ax + 5.0)} />
                                <text data-testid="tick" x={x} y={fmt_px(ax + 18.0)} text-anchor="middle">{ t.label.clone() }</text>
                            </g>
                        }
                    }) }
                    { for axis.major.iter().map(|t| {
                        let x = if t.pinned { 4.0 } else { scale.map(f64::from(t.day)) };
                        html! {
                            <g class="mt-major" key={format!("M{}", t.day)}>
                                if !t.pinned {
                                    <line class="mt-major-line" x1={fmt_px(x)} x2={fmt_px(x)} y1={fmt_px(ax)} y2={fmt_px(ax + 40.0)} />
                                }
                                <text data-testid="tick-major" x={fmt_px(if t.pinned { x } else { x + 4.0 })} y={fmt_px(ax + 37.0)}>{ t.label.clone() }</text>
                            </g>
                        }
                    }) }
                </g>
                { for orgs.iter().zip(tops).filter_map(|(&o, top)| {
                    let org = data.organisations.get(o)?;
                    let band = org.lifespan(s.today).map(|(a, b)| {
                        let x0 = scale.map(f64::from(a)).max(-10.0);
                        let x1 = scale.map(f64::from(b + 1)).min(scale.width_px + 10.0);
                        (x0, (x1 - x0).max(0.0))
                    });
                    let layout = s.drawn.lanes.get(o);
                    let name = match (s.lang, &org.native_name) {
                        (Lang::Ru, Some(n)) => n.clone(),
                        _ => org.name.clone(),
                    };
                    Some(html! {
                        <g class="mt-lane" data-testid="lane" data-org={org.id.clone()} key={org.id.clone()}>
                            <rect class="mt-lane-bg" x="0" y={fmt_px(top)} width={fmt_px(scale.width_px)} height={fmt_px(lane_height_px(rows(o)))} />
                            if let Some((x, w)) = band {
                                <rect class="mt-lifespan" x={fmt_px(x)} y={fmt_px(top + 20.0)} width={fmt_px(w)} height="4" fill={org.color.clone()} />
                            }
                            <text class="mt-lane-label" x="8" y={fmt_px(top + 15.0)}>
                                { format!("{name} ({})", abbreviation(org, s.lang)) }
                            </text>
                            if let Some(layout) = layout {
                                { for layout.marks.iter().filter_map(|m| Some(mark(s, data, m, data.events.get(m.event)?, &org.color, &org.id, top))) }
                                { for layout.clusters.iter().map(|c| cluster(s, c, top, layout.rows)) }
                            }
                        </g>
                    })
                }) }
            </svg>
        </>
    }
}

fn mark(
    s: &State,
    data: &Dataset,
    m: &MarkBox,
    e: &Event,
    color: &str,
    org: &str,
    top: f64,
) -> Html {
    let y = top + LANE_HEADER_PX + ROW_PX * m.row as f64 + ROW_PX / 2.0;
    let i = m.event;
    let precise = e.date.start.precision == DatePrecision::Day && !e.date.is_interval();
    let selected = s.selected == Some(i);
    let class = super::class(
        "mt-event",
        &[
            (m.interval, "mt-interval"),
            (selected, "mt-selected"),
            (e.date.is_uncertain(), "mt-uncertain"),
            (e.date.is_approximate(), "mt-approximate"),
            (!e.predecessor.is_empty(), "mt-predecessor"),
        ],
    );
    // Everything is placed relative to the glyph, so a zoom step changes
    // one transform per mark (and span widths), not every coordinate.
    let rel = |v: f64| fmt_px(v - m.x_px);
    let span_w = (m.span_x1 - m.span_x0).max(1.0);
    let (hit_l, hit_r) = if m.labelled {
        (
            m.span_x0.min(m.x_px - 8.0).min(m.label_x),
            (m.label_x + m.label_px).max(m.x_px + 8.0),
        )
    } else {
        (m.span_x0.min(m.x_px - 8.0), m.x_px + 8.0)
    };
    let color = color.to_owned();
    html! {
        <g class={class} key={data.text(e.id).to_owned()} data-act="event" data-testid="event"
           data-event-id={data.text(e.id).to_owned()} data-org={org.to_owned()} data-kind={e.kind.as_str()}
           data-index={i.to_string()} role="button" tabindex={if s.focused == Some(i) { "0" } else { "-1" }}
           aria-label={accessible_name(s, data, e)} aria-pressed={selected.to_string()}
           transform={format!("translate({} {})", fmt_px(m.x_px), fmt_px(y))}>
            <rect class="mt-hit" x={rel(hit_l)} y={fmt_px(-ROW_PX / 2.0)} width={fmt_px((hit_r - hit_l).max(24.0))} height={fmt_px(ROW_PX)} />
            if m.interval {
                <rect class="mt-bar" x={rel(m.span_x0)} y="-4" width={fmt_px(span_w)} height="8" rx="2" fill={color.clone()} />
                if m.unknown_end {
                    <line class="mt-tail" x1={rel(m.span_x1)} x2={rel(m.span_x1 + 40.0)} y1="8" y2="8" stroke={color.clone()} />
                }
            } else if !precise {
                <rect class="mt-span" x={rel(m.span_x0)} y="-7" width={fmt_px(span_w)} height="14" rx="3" fill={color.clone()} stroke={color.clone()} />
            }
            <path class="mt-glyph" d={glyph_path(e.kind)} fill-rule="evenodd" fill={color.clone()} stroke={color} />
            if m.labelled {
                <text class="mt-label" x={rel(m.label_x)} y="4">{ label(s, data, e).to_owned() }</text>
            }
        </g>
    }
}

fn cluster(s: &State, c: &ClusterBox, top: f64, rows: usize) -> Html {
    let y = top + LANE_HEADER_PX + ROW_PX * rows as f64 + ROW_PX / 2.0;
    let name = i18n::cluster(s.lang, c.count);
    html! {
        <g class="mt-cluster" key={format!("c{}", c.first_event)} data-act="cluster" data-testid="cluster"
           data-count={c.count.to_string()} data-from={(c.first_day.floor() as i64).to_string()} data-to={(c.last_day.ceil() as i64).to_string()}
           role="button" tabindex="-1" aria-label={name.clone()}>
            <title>{ name }</title>
            <rect x={fmt_px(c.x_px - 2.0)} y={fmt_px(y - 12.0)} width="30" height="24" rx="12" />
            <text x={fmt_px(c.x_px + 13.0)} y={fmt_px(y + 4.0)} text-anchor="middle">{ c.count.to_string() }</text>
        </g>
    }
}

/// The narrow layout: time runs down; each event is a row with its date,
/// glyph, organisation and label, wrapping rather than cut; a rail shows
/// the organisations' lifespans.
pub fn vertical(s: &State, data: &Dataset) -> Html {
    let orgs = visible_orgs(s, data);
    let spans: Vec<(usize, Option<(i32, i32)>)> = orgs
        .iter()
        .map(|&o| {
            (
                o,
                data.organisations
                    .get(o)
                    .and_then(|org| org.lifespan(s.today)),
            )
        })
        .collect();
    let rail = |day: i32| {
        html! {
            <svg class="mt-rail" width={(orgs.len() * 6).to_string()} height="100%" aria-hidden="true" focusable="false" preserveAspectRatio="none">
                { for spans.iter().enumerate().filter_map(|(k, (o, span))| {
                    let (a, b) = (*span)?;
                    let org = data.organisations.get(*o)?;
                    (a <= day && day <= b).then(|| html! {
                        <rect x={(k * 6).to_string()} y="0" width="3" height="100%" fill={org.color.clone()} />
                    })
                }) }
            </svg>
        }
    };
    html! {
        <>
            { empty_note(s) }
            <ul class="mt-orgkey">
                { for orgs.iter().filter_map(|&o| {
                    let org = data.organisations.get(o)?;
                    let span = org.lifespan(s.today).map(|(a, b)| {
                        let y = |d| crate::core::date::civil_from_days(d).0;
                        format!(" {}–{}", y(a), if org.dissolved.is_some() { y(b).to_string() } else { String::new() })
                    });
                    Some(html! {
                        <li data-testid="lane" data-org={org.id.clone()} key={org.id.clone()}>
                            { org_swatch(&org.color) }
                            { format!(" {}{}", abbreviation(org, s.lang), span.unwrap_or_default()) }
                        </li>
                    })
                }) }
            </ul>
            <ol class="mt-rows">
                { for s.drawn.rows.iter().map(|row| match *row {
                    Row::Year(y) => html! {
                        <li class="mt-year" key={format!("y{y}")}>
                            { rail(days_from_civil(y, 7, 1)) }
                            <span data-testid="tick-major">{ y.to_string() }</span>
                        </li>
                    },
                    Row::Event(i) => match data.events.get(i) {
                        Some(e) => event_row(s, data, i, e, rail(e.date.earliest())),
                        None => html! {},
                    },
                    Row::Cluster { year, count } => html! {
                        <li class="mt-row" key={format!("c{year}")}>
                            { rail(days_from_civil(year, 7, 1)) }
                            <button type="button" class="mt-vcluster" data-act="cluster" data-testid="cluster" data-count={count.to_string()}
                                    data-from={days_from_civil(year, 1, 1).to_string()} data-to={days_from_civil(year + 1, 1, 1).to_string()}>
                                { format!("{year}: {}", i18n::cluster(s.lang, count)) }
                            </button>
                        </li>
                    },
                }) }
            </ol>
        </>
    }
}

fn event_row(s: &State, data: &Dataset, i: usize, e: &Event, rail: Html) -> Html {
    let Some(org) = data.organisations.get(e.org) else {
        return html! {};
    };
    let selected = s.selected == Some(i);
    let class = super::class(
        "mt-vevent",
        &[
            (selected, "mt-selected"),
            (e.date.is_uncertain(), "mt-uncertain"),
            (!e.predecessor.is_empty(), "mt-predecessor"),
        ],
    );
    html! {
        <li class="mt-row" key={data.text(e.id).to_owned()}>
            { rail }
            <button type="button" class={class} data-act="event" data-testid="event" data-event-id={data.text(e.id).to_owned()}
                    data-org={org.id.clone()} data-kind={e.kind.as_str()} data-index={i.to_string()}
                    tabindex={if s.focused == Some(i) || (s.focused.is_none() && s.shown.first() == Some(&i)) { "0" } else { "-1" }}
                    aria-label={accessible_name(s, data, e)} aria-pressed={selected.to_string()}>
                <span class="mt-vlabel">{ label(s, data, e).to_owned() }</span>
                <span class="mt-vmeta">
                    <svg class="mt-kind-icon" width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" focusable="false">
                        <path d={glyph_path(e.kind)} fill-rule="evenodd" fill={org.color.clone()} />
                    </svg>
                    { format!(" {} · {}", date_label(s.lang, &e.date), abbreviation(org, s.lang)) }
                </span>
            </button>
        </li>
    }
}
