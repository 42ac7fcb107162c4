//! The plot: organisation lanes over a two-level time axis (wide), or the
//! events as rows with time running down (narrow). Drawn from
//! `State::drawn`; positions come from `core`.

use super::abbreviation;
use super::glyph::{glyph_path, kind_icon};
use crate::core::data::{Dataset, Event};
use crate::core::date::{civil_from_days, days_from_civil, DatePrecision};
use crate::core::i18n::{self, date_label, kind_label, Lang, Msg};
use crate::core::layout::{ClusterBox, LayoutParams, MarkBox, Row};
use crate::core::markup::Markup;
use crate::state::State;

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
pub fn org_swatch(m: &mut Markup, color: &str) {
    m.raw("<svg width='12' height='12' viewBox='0 0 12 12' aria-hidden='true' focusable='false'><rect width='12' height='12' rx='3'")
        .attr("fill", color)
        .raw("></rect></svg>");
}

/// An organisation's name in the reader's language.
pub fn org_name(org: &crate::core::data::Organisation, l: Lang) -> &str {
    match (l, &org.native_name) {
        (Lang::Ru, Some(n)) => n,
        _ => &org.name,
    }
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
    let mut parts = vec![label, kind_label(s.lang, e.kind), &date, org];
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

fn empty_note(m: &mut Markup, s: &State) {
    if s.shown.is_empty() {
        m.raw("<div class='mt-empty' role='status'>")
            .text(i18n::Msg::NoMatch.text(s.lang))
            .raw(" <button type='button' data-act='reset'>")
            .text(Msg::Reset.text(s.lang))
            .raw("</button></div>");
    }
}

/// Lanes over the axis.
pub fn horizontal(m: &mut Markup, s: &State, data: &Dataset) {
    let scale = s.scale;
    let width = scale.width_px;
    let orgs = visible_orgs(s, data);
    let rows = |o: usize| {
        s.drawn
            .lanes
            .get(o)
            .map_or(LayoutParams::default().rows, |l| l.rows)
    };
    let height: f64 = orgs.iter().map(|&o| lane_height_px(rows(o))).sum();
    let ax = height;
    empty_note(m, s);
    m.raw("<svg class='mt-svg' preserveAspectRatio='xMinYMin meet'")
        .px("width", width)
        .px("height", height + AXIS_HEIGHT_PX)
        .view_box(width, height + AXIS_HEIGHT_PX)
        .raw("><g class='mt-axis' aria-hidden='true'><line class='mt-axis-line' x1='0'")
        .px("x2", width)
        .px("y1", ax)
        .px("y2", ax)
        .end("line");
    for t in &s.drawn.axis.minor {
        let x = scale.map(f64::from(t.day));
        m.raw("<g class='mt-tick'")
            .key_int('t', i64::from(t.day))
            .raw("><line class='mt-gridline'")
            .px("x1", x)
            .px("x2", x)
            .raw(" y1='0'")
            .px("y2", ax + 5.0)
            .raw("></line><text data-testid='tick'")
            .px("x", x)
            .px("y", ax + 18.0)
            .raw(" text-anchor='middle'>")
            .text(&t.label)
            .raw("</text></g>");
    }
    for t in &s.drawn.axis.major {
        let x = if t.pinned {
            4.0
        } else {
            scale.map(f64::from(t.day))
        };
        m.raw("<g class='mt-major'")
            .key_int('M', i64::from(t.day))
            .start();
        if !t.pinned {
            m.raw("<line class='mt-major-line'")
                .px("x1", x)
                .px("x2", x)
                .px("y1", ax)
                .px("y2", ax + 40.0)
                .end("line");
        }
        m.raw("<text data-testid='tick-major'")
            .px("x", if t.pinned { x } else { x + 4.0 })
            .px("y", ax + 37.0)
            .start()
            .text(&t.label)
            .raw("</text></g>");
    }
    m.close("g");
    let mut top = 0.0;
    for &o in &orgs {
        let Some(org) = data.organisations.get(o) else {
            continue;
        };
        let lane_top = top;
        top += lane_height_px(rows(o));
        m.raw("<g class='mt-lane' data-testid='lane'")
            .attr("data-org", &org.id)
            .key(&org.id)
            .raw("><rect class='mt-lane-bg' x='0'")
            .px("y", lane_top)
            .px("width", width)
            .px("height", lane_height_px(rows(o)))
            .end("rect");
        if let Some((a, b)) = org.lifespan(s.today) {
            let x0 = scale.map(f64::from(a)).max(-10.0);
            let x1 = scale.map(f64::from(b + 1)).min(width + 10.0);
            m.raw("<rect class='mt-lifespan'")
                .px("x", x0)
                .px("y", lane_top + 20.0)
                .px("width", (x1 - x0).max(0.0))
                .raw(" height='4'")
                .attr("fill", &org.color)
                .end("rect");
        }
        m.raw("<text class='mt-lane-label' x='8'")
            .px("y", lane_top + 15.0)
            .start()
            .text(org_name(org, s.lang))
            .text(" (")
            .text(abbreviation(org, s.lang))
            .text(")")
            .close("text");
        if let Some(layout) = s.drawn.lanes.get(o) {
            for mb in &layout.marks {
                if let Some(e) = data.events.get(mb.event) {
                    mark(m, s, data, mb, e, &org.color, &org.id, lane_top);
                }
            }
            for (k, c) in layout.clusters.iter().enumerate() {
                cluster(m, s, c, k, lane_top, layout.rows);
            }
        }
        m.close("g");
    }
    m.close("svg");
}

#[allow(clippy::too_many_arguments)]
fn mark(
    m: &mut Markup,
    s: &State,
    data: &Dataset,
    b: &MarkBox,
    e: &Event,
    color: &str,
    org: &str,
    top: f64,
) {
    let y = top + LANE_HEADER_PX + ROW_PX * b.row as f64 + ROW_PX / 2.0;
    let i = b.event;
    let precise = e.date.start.precision == DatePrecision::Day && !e.date.is_interval();
    let selected = s.selected == Some(i);
    let id = data.text(e.id);
    // Everything is placed relative to the glyph, so a zoom step changes
    // one transform per mark (and span widths), not every coordinate.
    let span_w = (b.span_x1 - b.span_x0).max(1.0);
    let (hit_l, hit_r) = if b.labelled {
        (
            b.span_x0.min(b.x_px - 8.0).min(b.label_x),
            (b.label_x + b.label_px).max(b.x_px + 8.0),
        )
    } else {
        (b.span_x0.min(b.x_px - 8.0), b.x_px + 8.0)
    };
    m.raw("<g")
        .class(
            "mt-event",
            &[
                (b.interval, "mt-interval"),
                (selected, "mt-selected"),
                (e.date.is_uncertain(), "mt-uncertain"),
                (e.date.is_approximate(), "mt-approximate"),
                (!e.predecessor.is_empty(), "mt-predecessor"),
            ],
        )
        .key(id)
        .raw(" data-act='event' data-testid='event' role='button'")
        .attr("data-event-id", id)
        .attr("data-org", org)
        .attr("data-kind", e.kind.as_str())
        .int("data-index", i as i64)
        .attr("tabindex", if s.focused == Some(i) { "0" } else { "-1" })
        .attr("aria-label", &accessible_name(s, data, e))
        .flag("aria-pressed", selected)
        .translate(b.x_px, y)
        .start();
    m.raw("<rect class='mt-hit'")
        .px("x", hit_l - b.x_px)
        .px("y", -ROW_PX / 2.0)
        .px("width", (hit_r - hit_l).max(24.0))
        .px("height", ROW_PX)
        .end("rect");
    if b.interval {
        m.raw("<rect class='mt-bar' y='-4' height='8' rx='2'")
            .px("x", b.span_x0 - b.x_px)
            .px("width", span_w)
            .attr("fill", color)
            .end("rect");
        if b.unknown_end {
            m.raw("<line class='mt-tail' y1='8' y2='8'")
                .px("x1", b.span_x1 - b.x_px)
                .px("x2", b.span_x1 + 40.0 - b.x_px)
                .attr("stroke", color)
                .end("line");
        }
    } else if !precise {
        m.raw("<rect class='mt-span' y='-7' height='14' rx='3'")
            .px("x", b.span_x0 - b.x_px)
            .px("width", span_w)
            .attr("fill", color)
            .attr("stroke", color)
            .end("rect");
    }
    m.raw("<path class='mt-glyph' fill-rule='evenodd'")
        .attr("d", glyph_path(e.kind))
        .attr("fill", color)
        .attr("stroke", color)
        .end("path");
    if b.labelled {
        m.raw("<text class='mt-label' y='4'")
            .px("x", b.label_x - b.x_px)
            .start()
            .text(s.label(data, e))
            .close("text");
    }
    m.close("g");
}

/// The `k`th cluster badge of a lane. Keyed by its place, not by its
/// events: a zoom step moves every bin's edges, so a key from the bin's
/// first event changed for nearly every badge on every frame and Yew
/// rebuilt them all; by place, it updates the count and position. Keys made
/// here start with a capital letter, which no event id (their siblings'
/// keys) has.
fn cluster(m: &mut Markup, s: &State, c: &ClusterBox, k: usize, top: f64, rows: usize) {
    let y = top + LANE_HEADER_PX + ROW_PX * rows as f64 + ROW_PX / 2.0;
    let name = i18n::cluster(s.lang, c.count);
    m.raw("<g class='mt-cluster'")
        .key_int('C', k as i64)
        .raw(" data-act='cluster' data-testid='cluster' role='button' tabindex='-1'")
        .int("data-count", c.count as i64)
        .int("data-from", c.first_day.floor() as i64)
        .int("data-to", c.last_day.ceil() as i64)
        .attr("aria-label", &name)
        .raw("><title>")
        .text(&name)
        .raw("</title><rect width='30' height='24' rx='12'")
        .px("x", c.x_px - 2.0)
        .px("y", y - 12.0)
        .raw("></rect><text text-anchor='middle'")
        .px("x", c.x_px + 13.0)
        .px("y", y + 4.0)
        .start()
        .text_int(c.count as i64)
        .raw("</text></g>");
}

/// The narrow layout: time runs down; each event is a row with its date,
/// glyph, organisation and label, wrapping rather than cut; a rail shows
/// the organisations' lifespans.
pub fn vertical(m: &mut Markup, s: &State, data: &Dataset) {
    let l = s.lang;
    let orgs = visible_orgs(s, data);
    let spans: Vec<(&str, Option<(i32, i32)>)> = orgs
        .iter()
        .filter_map(|&o| data.organisations.get(o))
        .map(|org| (org.color.as_str(), org.lifespan(s.today)))
        .collect();
    let rail = |m: &mut Markup, day: i32| {
        m.raw("<svg class='mt-rail' height='100%' aria-hidden='true' focusable='false' preserveAspectRatio='none'")
            .int("width", spans.len() as i64 * 6)
            .start();
        for (k, (color, span)) in spans.iter().enumerate() {
            if span.is_some_and(|(a, b)| a <= day && day <= b) {
                m.raw("<rect y='0' width='3' height='100%'")
                    .int("x", k as i64 * 6)
                    .attr("fill", color)
                    .end("rect");
            }
        }
        m.close("svg");
    };
    empty_note(m, s);
    m.raw("<ul class='mt-orgkey'>");
    for &o in &orgs {
        let Some(org) = data.organisations.get(o) else {
            continue;
        };
        m.raw("<li data-testid='lane'")
            .attr("data-org", &org.id)
            .key(&org.id)
            .start();
        org_swatch(m, &org.color);
        m.text(" ").text(abbreviation(org, l));
        if let Some((a, b)) = org.lifespan(s.today) {
            m.text(" ")
                .text_int(i64::from(civil_from_days(a).0))
                .text("–");
            if org.dissolved.is_some() {
                m.text_int(i64::from(civil_from_days(b).0));
            }
        }
        m.close("li");
    }
    m.close("ul");
    m.raw("<ol class='mt-rows'>");
    for row in &s.drawn.rows {
        match *row {
            Row::Year(y) => {
                m.raw("<li class='mt-year'")
                    .key_int('Y', i64::from(y))
                    .start();
                rail(m, days_from_civil(y, 7, 1));
                m.raw("<span data-testid='tick-major'>")
                    .text_int(i64::from(y))
                    .raw("</span></li>");
            }
            Row::Event(i) => {
                let Some(e) = data.events.get(i) else {
                    continue;
                };
                let Some(org) = data.organisations.get(e.org) else {
                    continue;
                };
                let id = data.text(e.id);
                let selected = s.selected == Some(i);
                let focusable =
                    s.focused == Some(i) || (s.focused.is_none() && s.shown.first() == Some(&i));
                m.raw("<li class='mt-row'").key(id).start();
                rail(m, e.date.earliest());
                m.raw("<button type='button'")
                    .class(
                        "mt-vevent",
                        &[
                            (selected, "mt-selected"),
                            (e.date.is_uncertain(), "mt-uncertain"),
                            (!e.predecessor.is_empty(), "mt-predecessor"),
                        ],
                    )
                    .raw(" data-act='event' data-testid='event'")
                    .attr("data-event-id", id)
                    .attr("data-org", &org.id)
                    .attr("data-kind", e.kind.as_str())
                    .int("data-index", i as i64)
                    .attr("tabindex", if focusable { "0" } else { "-1" })
                    .flag("aria-pressed", selected)
                    .start();
                // The row's name is its text (what a speech-input user
                // sees), with the kind, organisation and full title in
                // words only a screen reader reads.
                let label = s.label(data, e);
                let title = s.event_title(data, e);
                m.raw("<span class='mt-vlabel'>")
                    .text(label)
                    .raw("</span><span class='mt-sr'> — ")
                    .text(kind_label(l, e.kind))
                    .raw("</span><span class='mt-vmeta'>");
                kind_icon(m, e.kind, &org.color);
                m.text(" ")
                    .text(&date_label(l, &e.date))
                    .text(" · ")
                    .text(abbreviation(org, l))
                    .raw("</span><span class='mt-sr'> — ")
                    .text(if e.predecessor.is_empty() {
                        org_name(org, l)
                    } else {
                        data.organisation_name_in(e, l.code())
                    });
                if title != label {
                    m.text(" — ").text(title);
                }
                m.raw("</span></button></li>");
            }
            Row::Cluster { year, count } => {
                m.raw("<li class='mt-row'")
                    .key_int('C', i64::from(year))
                    .start();
                rail(m, days_from_civil(year, 7, 1));
                m.raw("<button type='button' class='mt-vcluster' data-act='cluster' data-testid='cluster'")
                    .int("data-count", count as i64)
                    .int("data-from", i64::from(days_from_civil(year, 1, 1)))
                    .int("data-to", i64::from(days_from_civil(year + 1, 1, 1)))
                    .start()
                    .text_int(i64::from(year))
                    .text(": ")
                    .text(&i18n::cluster(l, count))
                    .raw("</button></li>");
            }
        }
    }
    m.close("ol");
}
