//! The wide plot: organisation lanes over a two-level time axis, drawn from
//! `State::drawn`; positions come from `core`.
//!
//! Marks are keyed `html!` elements, not a component each: at 10,000 events
//! a component per mark would cost a scope each. Their clicks reach one
//! delegated listener on the plot (`Gestures::click`), which reads the
//! mark's `data-index`.

use super::{abbreviation, act, flag, int, org_name, px, translate, view_box, MarksProps};
use crate::core::data::{Dataset, Event};
use crate::core::i18n::{self, date_label, kind_label, Msg};
use crate::core::layout::{ClusterBox, LayoutParams, MarkBox};
use crate::core::scale::TimeScale;
use crate::core::ticks::Axis;
use crate::state::{Action, State};
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

/// The accessible name of a mark: what it shows first (label in name),
/// then kind, date and organisation.
pub fn accessible_name(s: &State, data: &Dataset, e: &Event) -> String {
    let org = match data.organisations.get(e.org) {
        Some(o) if e.predecessor.is_empty() => org_name(o, s.lang),
        _ => data.organisation_name_in(e, s.lang.code()),
    };
    // It begins with the words the mark shows (WCAG 2.5.3, label in name)
    // and ends with the full title when the label is shorter.
    let label = s.label(data, e);
    let title = s.event_title(data, e);
    let date = date_label(s.lang, &e.date);
    let age = s.age_of(data, e).unwrap_or_default();
    let mut parts = vec![label, kind_label(s.lang, e.kind), &date];
    if !age.is_empty() {
        parts.push(&age);
    }
    parts.push(org);
    if title != label {
        parts.push(title);
    }
    parts.join(" — ")
}

/// The visible organisations' indexes, top to bottom.
pub fn visible_orgs(s: &State, data: &Dataset) -> Vec<usize> {
    data.organisations
        .iter()
        .enumerate()
        .filter(|(_, o)| s.filter.shows_org(&o.id))
        .map(|(i, _)| i)
        .collect()
}

/// "Nothing matches" with a Reset, when the filter hides every event; and
/// when aligned by founding, the organisations that cannot be (no founding
/// date). The status region is always there, empty while something is
/// shown: a screen reader announces what is put into a live region that
/// already exists, not one inserted with its words.
pub fn empty_note(s: &State, send: &Callback<Action>) -> Html {
    let nothing = s.shown.is_empty();
    html! { <>
        <div class="mt-live" role="status">
            if nothing {
                <div class="mt-empty">
                    { i18n::Msg::NoMatch.text(s.lang) }{ " " }
                    <button type="button" onclick={act(send, Action::ResetFilters)}>
                        { Msg::Reset.text(s.lang) }
                    </button>
                </div>
            }
        </div>
        if !nothing {
            { unaligned_note(s) }
        }
    </> }
}

/// "RSM: no founding date, so not shown when aligned by founding".
fn unaligned_note(s: &State) -> Html {
    let Some(data) = s.data() else {
        return Html::default();
    };
    let names: Vec<&str> = visible_orgs(s, data)
        .into_iter()
        .filter(|&o| s.place().offset(o).is_none())
        .filter_map(|o| data.organisations.get(o).map(|org| org_name(org, s.lang)))
        .collect();
    if names.is_empty() {
        return Html::default();
    }
    html! {
        <p class="mt-empty" data-testid="not-aligned" role="note">
            { [&names.join(", "), ": ", Msg::NotAligned.text(s.lang)].concat() }
        </p>
    }
}

/// The two-level time axis under the lanes (at `ax` px from the top):
/// minor ticks with grid lines, major ticks (years or decades) below them.
/// `pan` is the class of the group that moves with a drag (`mt-pan`);
/// `ours` marks the timeline's own axis (its labels carry the contract's
/// test ids; the chart's axis does not).
pub fn time_axis(axis: &Axis, scale: TimeScale, ax: f64, pan: &'static str, ours: bool) -> Html {
    let tick_id = ours.then_some("tick");
    let major_id = ours.then_some("tick-major");
    let minor = axis.minor.iter().map(|t| {
        let at = scale.map(f64::from(t.day));
        // A label centred on a tick near an edge would be cut: only the
        // grid line is drawn there.
        let half_px = t.label.chars().count() as f64 * 3.6;
        let whole = at >= half_px && at <= scale.width_px - half_px;
        let x = px(at);
        html! {
            <g class="mt-tick" key={["t", &int(i64::from(t.day))].concat()}>
                <line class="mt-gridline" x1={x.clone()} x2={x.clone()} y1="0" y2={px(ax + 5.0)}></line>
                if whole {
                    <text data-testid={tick_id} {x} y={px(ax + 18.0)} text-anchor="middle">{ t.label.clone() }</text>
                }
            </g>
        }
    });
    let major = axis.major.iter().map(|t| {
        let x = if t.pinned { 4.0 } else { scale.map(f64::from(t.day)) };
        html! {
            // The pinned label (the decade at the left edge) keeps its key
            // as the window moves, so it is updated, not re-created.
            <g class="mt-major" key={if t.pinned { "M-pin".to_owned() } else { ["M", &int(i64::from(t.day))].concat() }}>
                if !t.pinned {
                    <line class="mt-major-line" x1={px(x)} x2={px(x)} y1={px(ax)} y2={px(ax + 40.0)}></line>
                }
                <text data-testid={major_id} x={px(if t.pinned { x } else { x + 4.0 })}
                    y={px(ax + 37.0)}>{ t.label.clone() }</text>
            </g>
        }
    });
    html! {
        <g class="mt-axis" aria-hidden="true">
            <line class="mt-axis-line" x1="0" x2={px(scale.width_px)} y1={px(ax)} y2={px(ax)}></line>
            <g class={pan}>
                { super::list(minor) }
                { super::list(major) }
            </g>
        </g>
    }
}

/// Lanes over the axis.
#[function_component]
pub fn Lanes(props: &MarksProps) -> Html {
    let s = &*props.state;
    let Some(data) = s.data() else {
        return Html::default();
    };
    props.drawing.emit((super::Surface::Lanes, s.scale));
    html! { <>
        { empty_note(s, &props.send) }
        { super::edges::edge_strip(s, data, &props.send) }
        { lanes_svg(s, data, &props.send) }
    </> }
}

/// The rows of marks of organisation `o`'s lane.
fn lane_rows(s: &State, o: usize) -> usize {
    s.drawn
        .lanes
        .get(o)
        .map_or(LayoutParams::default().rows, |l| l.rows)
}

/// The height of the lanes' drawing, axis included.
pub fn lanes_height_px(s: &State, data: &Dataset) -> f64 {
    let lanes: f64 = visible_orgs(s, data)
        .into_iter()
        .map(|o| lane_height_px(lane_rows(s, o)))
        .sum();
    lanes + AXIS_HEIGHT_PX
}

/// The lanes' `<svg>` (also in the SVG export): the axis, then a lane per
/// visible organisation.
pub fn lanes_svg(s: &State, data: &Dataset, send: &Callback<Action>) -> Html {
    let width = s.scale.width_px;
    let mut top = 0.0;
    let lanes: Vec<Html> = visible_orgs(s, data)
        .into_iter()
        .filter_map(|o| {
            let lane_top = top;
            top += lane_height_px(lane_rows(s, o));
            lane(s, data, o, lane_top, send)
        })
        .collect();
    let height = top + AXIS_HEIGHT_PX;
    html! {
        <svg class="mt-svg" preserveAspectRatio="xMinYMin meet" width={px(width)}
            height={px(height)} viewBox={view_box(width, height)}>
            { time_axis(&s.drawn.axis, s.scale, top, "mt-pan", true) }
            { super::edges::chart_band(s, top) }
            { super::list(lanes) }
        </svg>
    }
}

/// One organisation's lane: its band, name, lifespan, marks and clusters.
fn lane(s: &State, data: &Dataset, o: usize, top: f64, send: &Callback<Action>) -> Option<Html> {
    let org = data.organisations.get(o)?;
    let scale = s.scale;
    let width = scale.width_px;
    let layout = s.drawn.lanes.get(o);
    let rows = lane_rows(s, o);
    // The lane's colour and id as shared strings, made once per lane:
    // every mark's shapes carry them.
    let (color, id) = (
        AttrValue::from(org.color.clone()),
        AttrValue::from(org.id.clone()),
    );
    let offset = s.place().offset(o);
    let lifespan = org.lifespan(s.today).zip(offset).map(|((a, b), off)| {
        let (a, b) = (a - off, b - off);
        let x0 = scale.map(f64::from(a)).max(-10.0);
        let x1 = scale.map(f64::from(b + 1)).min(width + 10.0);
        html! {
            <rect class="mt-lifespan" x={px(x0)} y={px(top + 20.0)} width={px((x1 - x0).max(0.0))}
                height="4" fill={color.clone()}></rect>
        }
    });
    let marks = layout.into_iter().flat_map(|l| &l.marks).filter_map(|mb| {
        let e = data.events.get(mb.event)?;
        // A choice of two dates: where the second would put the event.
        let other_x = e
            .date
            .or()
            .zip(offset)
            .map(|(or, off)| scale.map(or.middle_day() - f64::from(off)));
        Some(mark(s, data, mb, e, (&color, &id), top, other_x))
    });
    let clusters = layout.into_iter().flat_map(|l| {
        l.clusters
            .iter()
            .enumerate()
            .map(move |(k, c)| cluster(s, c, k, top, l.rows, send))
    });
    Some(html! {
        <g class="mt-lane" data-testid="lane" data-org={org.id.clone()} key={org.id.clone()}>
            <rect class="mt-lane-bg" x="0" y={px(top)} width={px(width)}
                height={px(lane_height_px(rows))}></rect>
            <text class="mt-lane-label" x="8" y={px(top + 15.0)}>
                { [org_name(org, s.lang), " (", abbreviation(org, s.lang), ")"].concat() }
            </text>
            // What sits at a date moves with a drag (see `view::input`);
            // the lane's band and name stay.
            <g class="mt-pan">
                { lifespan.unwrap_or_default() }
                { super::list(marks) }
                { super::list(clusters) }
            </g>
        </g>
    })
}

/// The shapes of a mark: a bar for an interval (with a dashed tail when
/// its end is unknown), a span for an imprecise date, and the kind's glyph.
fn shapes(b: &MarkBox, e: &Event, color: &AttrValue, other_x: Option<f64>) -> Html {
    let precise = e.date.is_one_day();
    let span_x = px(b.span_x0 - b.x_px);
    let span_w = px((b.span_x1 - b.span_x0).max(1.0));
    let span = if b.interval {
        html! { <>
            <rect class="mt-bar" y="-4" height="8" rx="2" x={span_x} width={span_w}
                fill={color.clone()}></rect>
            if b.unknown_end {
                <line class="mt-tail" y1="8" y2="8" x1={px(b.span_x1 - b.x_px)}
                    x2={px(b.span_x1 + 40.0 - b.x_px)} stroke={color.clone()}></line>
            }
        </> }
    } else if !precise {
        html! {
            <rect class="mt-span" y="-7" height="14" rx="3" x={span_x} width={span_w}
                fill={color.clone()} stroke={color.clone()}></rect>
        }
    } else {
        Html::default()
    };
    // A choice of two dates (`[2020,2021]`): the glyph at the first, an
    // outline of it at the second, a dashed line between them.
    let other = other_x.map(|x| {
        let dx = px(x - b.x_px);
        html! { <>
            <line class="mt-choice-link" y1="0" y2="0" x1="0" x2={dx.clone()} stroke={color.clone()}></line>
            <path class="mt-glyph mt-choice" fill-rule="evenodd" d={super::glyph::glyph_path(e.kind)}
                stroke={color.clone()} transform={["translate(", &dx, ",0)"].concat()}></path>
        </> }
    });
    html! { <>
        { span }
        { other.unwrap_or_default() }
        <path class="mt-glyph" fill-rule="evenodd" d={super::glyph::glyph_path(e.kind)}
            fill={color.clone()} stroke={color.clone()}></path>
    </> }
}

/// An event's mark. Everything is placed relative to the glyph, so a zoom
/// step changes one transform per mark (and span widths), not every
/// coordinate.
fn mark(
    s: &State,
    data: &Dataset,
    b: &MarkBox,
    e: &Event,
    (color, org): (&AttrValue, &AttrValue),
    top: f64,
    other_x: Option<f64>,
) -> Html {
    let y = top + LANE_HEADER_PX + ROW_PX * b.row as f64 + ROW_PX / 2.0;
    let i = b.event;
    let selected = s.selected == Some(i);
    let id = data.text(e.id).to_owned();
    let (hit_l, hit_r) = if b.labelled {
        (
            b.span_x0.min(b.x_px - 8.0).min(b.label_x),
            (b.label_x + b.label_px).max(b.x_px + 8.0),
        )
    } else {
        (b.span_x0.min(b.x_px - 8.0), b.x_px + 8.0)
    };
    let class = classes!(
        "mt-event",
        b.interval.then_some("mt-interval"),
        selected.then_some("mt-selected"),
        e.date.is_uncertain().then_some("mt-uncertain"),
        e.date.is_approximate().then_some("mt-approximate"),
        e.date.is_choice().then_some("mt-choices"),
        (!e.predecessor.is_empty()).then_some("mt-predecessor"),
    );
    html! {
        <g {class} key={id.clone()} data-testid="event" role="button" data-event-id={id}
            data-org={org.clone()} data-kind={e.kind.as_str()} data-index={int(i as i64)}
            tabindex={if s.focused == Some(i) { "0" } else { "-1" }}
            aria-label={accessible_name(s, data, e)} aria-pressed={flag(selected)}
            transform={translate(b.x_px, y)}>
            <rect class="mt-hit" x={px(hit_l - b.x_px)} y={px(-ROW_PX / 2.0)}
                width={px((hit_r - hit_l).max(24.0))} height={px(ROW_PX)}></rect>
            { shapes(b, e, color, other_x) }
            if b.labelled {
                <text class="mt-label" y="4" x={px(b.label_x - b.x_px)}>{ s.label(data, e).to_owned() }</text>
            }
        </g>
    }
}

/// The `k`th cluster badge of a lane: a click shows its days. Keyed by its
/// place, not by its events: a zoom step moves every bin's edges, so a key
/// from the bin's first event changed for nearly every badge on every
/// frame and Yew rebuilt them all; by place, it updates the count and
/// position. Keys made here start with a capital letter, which no event id
/// (their siblings' keys) has.
fn cluster(
    s: &State,
    c: &ClusterBox,
    k: usize,
    top: f64,
    rows: usize,
    send: &Callback<Action>,
) -> Html {
    let y = top + LANE_HEADER_PX + ROW_PX * rows as f64 + ROW_PX / 2.0;
    let name = i18n::cluster(s.lang, c.count);
    let show = super::show_days(c.first_day.floor(), c.last_day.ceil());
    html! {
        <g class="mt-cluster" key={["C", &int(k as i64)].concat()} data-testid="cluster"
            role="button" tabindex="-1" data-count={int(c.count as i64)}
            aria-label={name.clone()} onclick={act(send, show)}>
            <title>{ name }</title>
            <rect width="30" height="24" rx="12" x={px(c.x_px - 2.0)} y={px(y - 12.0)}></rect>
            <text text-anchor="middle" x={px(c.x_px + 13.0)} y={px(y + 4.0)}>{ int(c.count as i64) }</text>
        </g>
    }
}
