//! The membership chart under the lanes, on the same time scale: published
//! counts (or growth per month), countable presence facts, event markers,
//! brushing to zoom, an overview of where the window is, and a table.

use super::plot::visible_orgs;
use super::{abbreviation, header_row, label};
use crate::core::data::{Dataset, MeasureBound};
use crate::core::date::{iso_day, Day};
use crate::core::i18n::{self, date_label, Lang, Msg};
use crate::core::markup::Markup;
use crate::core::membership::{
    event_markers, growth, marker_path, nearest_marker, nice_axis, presence_facts, tick_label,
    unevenly_spaced, Growth, Series,
};
use crate::core::scale::TimeScale;
use crate::state::State;

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

/// The event marker nearest to `x` on the chart (for naming it on hover).
pub fn marker_near(s: &State, x: f64) -> Option<(usize, f64)> {
    let data = s.data()?;
    let markers = event_markers(&s.lanes, &visible_orgs(s, data), &s.scale);
    nearest_marker(&markers, x, 4.0).map(|(_, e, mx)| (e, mx))
}

fn org_name(data: &Dataset, o: usize, l: Lang) -> &str {
    data.organisations
        .get(o)
        .map_or("", |org| match (l, &org.native_name) {
            (Lang::Ru, Some(n)) => n,
            _ => &org.name,
        })
}

/// A rect (its start written by the caller) spanning `x`..`x + w` and
/// `y`..`y + h`.
fn rect(m: &mut Markup, start: &'static str, x: f64, y: f64, w: f64, h: f64) {
    m.raw(start)
        .px("x", x)
        .px("y", y)
        .px("width", w)
        .px("height", h)
        .end("rect");
}

/// The chart.
pub fn membership(m: &mut Markup, s: &State, data: &Dataset) {
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
    let without: Vec<&str> = visible
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
    let no_figures = |m: &mut Markup, start: &'static str| {
        let names = if without.is_empty() {
            Msg::NoOrganisation.text(l).to_owned()
        } else {
            without.join(", ")
        };
        m.raw(start)
            .text(&names)
            .text(": ")
            .text(Msg::NoFigures.text(l))
            .close("p");
    };

    m.raw("<div class='mt-chart'")
        .key("chart")
        .raw(" data-testid='membership-chart'")
        .attr(
            "data-window-start",
            &iso_day(scale.start_day.floor() as Day),
        )
        .attr("data-window-end", &iso_day(scale.end_day.ceil() as Day))
        .raw("><div class='mt-chart-head'><h3 class='mt-chart-title'>")
        .text(Msg::Membership.text(l))
        .raw("</h3><div class='mt-toolbar' role='group'")
        .attr("aria-label", Msg::ChartView.text(l))
        .raw("><button type='button' data-act='counts' data-testid='chart-counts'")
        .flag("aria-pressed", !s.chart.growth);
    label(m, Msg::Counts.text(l));
    m.raw("<button type='button' data-act='growth' data-testid='chart-growth'")
        .flag("aria-pressed", s.chart.growth);
    label(m, Msg::Growth.text(l));
    m.raw("<button type='button' data-act='table' data-testid='chart-table-toggle'")
        .flag("aria-pressed", s.chart.table);
    label(m, Msg::Table.text(l));
    m.raw("</div></div>");

    if series.is_empty() {
        no_figures(
            m,
            "<p class='mt-no-figures' data-testid='no-figures' role='note'>",
        );
    } else {
        m.raw("<svg class='mt-chart-svg' data-zone='chart' preserveAspectRatio='xMinYMin meet'")
            .px("width", width)
            .px("height", PRESENCE_PX + PLOT_PX + BOTTOM_PX)
            .view_box(width, PRESENCE_PX + PLOT_PX + BOTTOM_PX)
            .attr("aria-label", Msg::ChartHelp.text(l))
            .start();
        rect(
            m,
            "<rect class='mt-chart-bg'",
            0.0,
            PRESENCE_PX,
            width,
            PLOT_PX,
        );
        for t in &axis.ticks {
            let y = y_of(*t, axis.min, axis.max);
            m.raw("<g class='mt-ytick'")
                .key_int('t', *t as i64)
                .raw("><line x1='0'")
                .px("x2", width)
                .px("y1", y)
                .px("y2", y)
                .raw("></line><text x='4'")
                .px("y", y - 3.0)
                .start()
                .text(&tick_label(l, *t))
                .raw("</text></g>");
        }
        let markers = event_markers(&s.lanes, &visible, &scale);
        for &o in &visible {
            let Some(org) = data.organisations.get(o) else {
                continue;
            };
            let d = marker_path(&markers, o, PRESENCE_PX, PRESENCE_PX + PLOT_PX);
            if !d.is_empty() {
                m.raw("<path class='mt-event-marker'")
                    .key(&["m-", &org.id].concat())
                    .attr("d", &d)
                    .attr("stroke", &org.color)
                    .attr("fill", &org.color)
                    .end("path");
            }
        }
        if let Some((e, x)) = s.chart.marker {
            if let Some(ev) = data.events.get(e) {
                m.raw("<text class='mt-marker-name'")
                    .px("x", (x + 4.0).min(width - 4.0))
                    .px("y", PRESENCE_PX + 12.0)
                    .attr("text-anchor", if x > width * 0.6 { "end" } else { "start" })
                    .start()
                    .text(s.label(data, ev))
                    .text(" — ")
                    .text(&date_label(l, &ev.date))
                    .close("text");
            }
        }
        presence(m, s, data);
        for x in &series {
            let Some(org) = data.organisations.get(x.org) else {
                continue;
            };
            if s.chart.growth {
                let bars = growths
                    .iter()
                    .find(|(o, _)| *o == x.org)
                    .map_or(&[][..], |(_, g)| g);
                growth_bars(m, s, data, &org.id, &org.color, bars, axis.min, axis.max);
            } else {
                counts(m, s, data, x, &org.id, &org.color, axis.min, axis.max);
            }
        }
        if let Some(b) = s.chart.brush.filter(|b| !b.overview) {
            let (x0, x1) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
            rect(
                m,
                "<rect class='mt-brush'",
                x0,
                PRESENCE_PX,
                x1 - x0,
                PLOT_PX,
            );
        }
        m.close("svg");
    }

    let overview = TimeScale::fit(&s.limits, width);
    let (wx0, wx1) = (overview.map(scale.start_day), overview.map(scale.end_day));
    m.raw("<svg class='mt-overview' data-zone='overview' preserveAspectRatio='xMinYMin meet'")
        .px("width", width)
        .px("height", OVERVIEW_PX)
        .view_box(width, OVERVIEW_PX)
        .attr("aria-label", Msg::OverviewHelp.text(l))
        .start();
    rect(
        m,
        "<rect class='mt-overview-bg'",
        0.0,
        0.0,
        width,
        OVERVIEW_PX,
    );
    m.raw("<rect class='mt-overview-window' data-testid='overview-window' y='1'")
        .px("x", wx0)
        .px("width", (wx1 - wx0).max(2.0))
        .px("height", OVERVIEW_PX - 2.0)
        .end("rect");
    if let Some(b) = s.chart.brush.filter(|b| b.overview) {
        let (x0, x1) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
        rect(m, "<rect class='mt-brush'", x0, 0.0, x1 - x0, OVERVIEW_PX);
    }
    m.close("svg");

    if !series.is_empty() && !without.is_empty() {
        no_figures(m, "<p class='mt-chart-note'>");
    }
    if s.chart.growth && growths.iter().any(|(_, g)| unevenly_spaced(g)) {
        m.raw("<p class='mt-chart-note' data-testid='uneven-note'>")
            .text(Msg::Uneven.text(l))
            .close("p");
    }
    m.raw("<p class='mt-readout' aria-live='polite'>");
    match s.chart.readout.and_then(|i| data.membership.get(i)) {
        Some(c) => {
            m.raw("<strong>")
                .text(&i18n::members(l, c.members))
                .text(" — ")
                .text(&date_label(l, &c.date))
                .text(" — ")
                .text(org_name(data, c.org, l))
                .raw("</strong>. ")
                .text(Msg::Source.text(l))
                .text(" “")
                .text(data.text(c.source.quote))
                .text("” (")
                .text(data.text(c.source.article))
                .text(", ")
                .text(data.text(c.source.section))
                .text(")");
        }
        None => {
            m.text(Msg::ChartHint.text(l));
        }
    }
    m.close("p");
    if s.chart.table {
        table(m, s, data, &series);
    }
    m.close("div");
}

fn presence(m: &mut Markup, s: &State, data: &Dataset) {
    let l = s.lang;
    let presence = presence_facts(data, &s.tallies.measured, &s.scale, s.today);
    m.raw("<g class='mt-presence'")
        .attr("aria-label", Msg::PresenceHelp.text(l))
        .raw("><text class='mt-presence-title' x='4' y='12'>")
        .text(Msg::Presence.text(l))
        .close("text");
    for (i, x, labelled) in &presence {
        let Some(ev) = data.events.get(*i) else {
            continue;
        };
        let Some(measure) = data.measure(ev) else {
            continue;
        };
        let more = measure.bound == MeasureBound::MoreThan;
        let n = i18n::number(l, i64::from(measure.value));
        let mut name = String::new();
        if more {
            name.push_str(Msg::MoreThan.text(l));
            name.push(' ');
        }
        name.push_str(&n);
        name.push(' ');
        name.push_str(data.unit_in(ev, l.code()));
        name.push_str(" — ");
        name.push_str(&date_label(l, &ev.date));
        let id = data.text(ev.id);
        m.raw("<g class='mt-presence-mark' role='img'")
            .key(id)
            .attr("data-event-id", id)
            .attr("aria-label", &name)
            .raw("><title>")
            .text(&name)
            .raw("</title><path d='M0,-5L5,0L0,5L-5,0Z'")
            .translate(*x, 22.0)
            .end("path");
        if *labelled {
            m.raw("<text y='26'")
                .px("x", x + 8.0)
                .start()
                .text(if more { ">" } else { "" })
                .text(&n)
                .close("text");
        }
        m.close("g");
    }
    m.close("g");
}

fn table(m: &mut Markup, s: &State, data: &Dataset, series: &[&Series]) {
    let l = s.lang;
    m.raw("<table class='mt-chart-table' data-testid='membership-table'><caption>")
        .text(Msg::CountsCaption.text(l))
        .raw("</caption>");
    header_row(
        m,
        l,
        &[
            Msg::ColDate,
            Msg::ColOrganisation,
            Msg::ColMembers,
            Msg::ColSource,
        ],
    );
    m.raw("<tbody>");
    for p in series.iter().flat_map(|x| x.points.iter()) {
        let Some(c) = data.membership.get(p.index) else {
            continue;
        };
        let Some(org) = data.organisations.get(c.org) else {
            continue;
        };
        m.raw("<tr")
            .key_int('r', p.index as i64)
            .raw("><td>")
            .text(&date_label(l, &c.date))
            .raw("</td><td>")
            .text(abbreviation(org, l))
            .raw("</td><td class='mt-num'>")
            .text(&i18n::number(l, i64::from(c.members)))
            .raw("</td><td lang='en'>")
            .text(data.text(c.source.article))
            .text(", ")
            .text(data.text(c.source.section))
            .raw("</td></tr>");
    }
    m.raw("</tbody></table>");
}

#[allow(clippy::too_many_arguments)]
fn counts(
    m: &mut Markup,
    s: &State,
    data: &Dataset,
    x: &Series,
    org: &str,
    color: &str,
    min: f64,
    max: f64,
) {
    let l = s.lang;
    let scale = s.scale;
    let mut path = String::new();
    for (k, p) in x.points.iter().enumerate() {
        path.push(if k == 0 { 'M' } else { 'L' });
        crate::core::markup::push_px(&mut path, scale.map(p.mid_day));
        path.push(',');
        crate::core::markup::push_px(&mut path, y_of(f64::from(p.members), min, max));
    }
    m.raw("<g class='mt-series'")
        .key(org)
        .attr("data-org", org)
        .start();
    m.raw("<path class='mt-series-line'")
        .attr("d", &path)
        .attr("stroke", color)
        .end("path");
    for p in x
        .points
        .iter()
        .filter(|p| p.end_day >= scale.start_day && p.start_day <= scale.end_day)
    {
        let Some(c) = data.membership.get(p.index) else {
            continue;
        };
        let (x0, x1) = (scale.map(p.start_day), scale.map(p.end_day));
        let y = y_of(f64::from(p.members), min, max);
        let name = [
            i18n::members(l, p.members).as_str(),
            date_label(l, &c.date).as_str(),
            org_name(data, c.org, l),
        ]
        .join(" — ");
        let active = s.chart.readout == Some(p.index);
        m.raw(if active {
            "<g class='mt-point mt-active'"
        } else {
            "<g class='mt-point'"
        })
        .key_int('p', p.index as i64)
        .raw(" data-testid='chart-point' data-act='point' tabindex='0' role='img'")
        .int("data-point", p.index as i64)
        .attr("data-date", data.text(c.date_text))
        .int("data-members", i64::from(p.members))
        .attr("aria-label", &name)
        .raw("><rect class='mt-point-span' height='4'")
        .px("x", x0)
        .px("y", y - 2.0)
        .px("width", (x1 - x0).max(2.0))
        .attr("fill", color)
        .raw("></rect><circle r='4.5'")
        .px("cx", scale.map(p.mid_day))
        .px("cy", y)
        .attr("fill", color)
        .raw("></circle></g>");
    }
    m.close("g");
}

#[allow(clippy::too_many_arguments)]
fn growth_bars(
    m: &mut Markup,
    s: &State,
    data: &Dataset,
    org: &str,
    color: &str,
    bars: &[Growth],
    min: f64,
    max: f64,
) {
    let l = s.lang;
    let scale = s.scale;
    let zero = y_of(0.0, min, max);
    let date = |i: usize| {
        data.membership
            .get(i)
            .map(|c| date_label(l, &c.date))
            .unwrap_or_default()
    };
    m.raw("<g class='mt-series'")
        .key(org)
        .attr("data-org", org)
        .start();
    for b in bars {
        let (x0, x1) = (scale.map(b.from_day), scale.map(b.to_day));
        let y = y_of(b.per_month, min, max);
        let per_month = b.per_month.round() as i64;
        let label = i18n::growth(
            l,
            per_month,
            &date(b.from_index),
            &date(b.to_index),
            (b.months * 10.0).round() as i64,
        );
        m.raw("<g class='mt-growth-bar' tabindex='0' role='img'")
            .key_int('b', b.from_index as i64)
            .attr("aria-label", &label)
            .raw("><title>")
            .text(&label)
            .raw("</title><rect")
            .px("x", x0 + 1.0)
            .px("y", y.min(zero))
            .px("width", (x1 - x0 - 2.0).max(1.0))
            .px("height", (zero - y).abs().max(1.0))
            .attr("fill", color)
            .end("rect");
        m.raw("<text text-anchor='middle'")
            .px("x", (x0 + x1) / 2.0)
            .px("y", y.min(zero) - 3.0)
            .start()
            .text(if per_month >= 0 { "+" } else { "" })
            .text(&tick_label(l, b.per_month))
            .raw("</text></g>");
    }
    m.close("g");
}
