//! Membership series for the chart, on the timeline's time scale.
//!
//! A count holds over its date's extent: a month-level count covers its
//! month, the year-level infobox figure its year. Points are joined in date
//! order; growth is the change between consecutive counts per month of time
//! between them (mid-date to mid-date), which says clearly when counts are
//! unevenly spaced. Nothing is interpolated into data that was not published.

use super::align::Placing;
use super::data::Dataset;
use super::i18n::{number, tenths as i18n_tenths, Lang};
use super::layout::LaneIndex;
use super::order::{by_f64, sort_by};
use super::scale::TimeScale;
use super::scale::{clamp_f64, fmt_px};

/// One published count, placed on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct CountPoint {
    /// Index into [`Dataset::membership`].
    pub index: usize,
    /// First day the count's date covers.
    pub start_day: f64,
    /// Day after the last day it covers.
    pub end_day: f64,
    /// The middle of that span: where the point is drawn.
    pub mid_day: f64,
    /// Number of members.
    pub members: u32,
}

/// The counts of one organisation, in date order.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Index into [`Dataset::organisations`].
    pub org: usize,
    /// Its counts.
    pub points: Vec<CountPoint>,
}

/// The days the chart shows: the timeline's window `[start_day, end_day]`
/// narrowed to the counts' own span (padded by 6%, at least 15 days), so
/// that a few counts in a long history spread across the chart instead of
/// sitting in a corner; the whole padded span when that leaves no count in
/// view (a window over the padding alone would show an empty strip).
/// `None` without counts.
pub fn chart_window(start_day: f64, end_day: f64, series: &[&Series]) -> Option<(f64, f64)> {
    let (lo, hi) = series
        .iter()
        .flat_map(|x| &x.points)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.start_day), hi.max(p.end_day))
        });
    if lo > hi || lo.is_nan() || hi.is_nan() {
        return None;
    }
    let pad = ((hi - lo) * 0.06).max(15.0);
    let (lo, hi) = (lo - pad, hi + pad);
    let (a, b) = (start_day.max(lo), end_day.min(hi));
    let holds_a_count = series
        .iter()
        .flat_map(|x| &x.points)
        .any(|p| p.end_day >= a && p.start_day <= b);
    Some(if b > a && holds_a_count {
        (a, b)
    } else {
        (lo, hi)
    })
}

/// Growth between two consecutive counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Growth {
    /// Index into [`Dataset::membership`] of the earlier count.
    pub from_index: usize,
    /// Index of the later count.
    pub to_index: usize,
    /// Mid-day of the earlier count.
    pub from_day: f64,
    /// Mid-day of the later count.
    pub to_day: f64,
    /// Members gained (negative when lost).
    pub delta: i64,
    /// Months between the two counts (mid to mid, 30.44 days a month).
    pub months: f64,
    /// `delta / months`.
    pub per_month: f64,
}

/// Days in an average month.
pub const DAYS_PER_MONTH: f64 = 30.436_875;

/// The membership series of every organisation that published counts.
pub fn series(data: &Dataset, place: &Placing) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for (index, c) in data.membership.iter().enumerate() {
        let Some((first, last)) = place.date(c.org, &c.date) else {
            continue;
        };
        let start = f64::from(first);
        let end = f64::from(last) + 1.0;
        let point = CountPoint {
            index,
            start_day: start,
            end_day: end,
            mid_day: (start + end) / 2.0,
            members: c.members,
        };
        match out.iter_mut().find(|s| s.org == c.org) {
            Some(s) => s.points.push(point),
            None => out.push(Series {
                org: c.org,
                points: vec![point],
            }),
        }
    }
    for s in &mut out {
        sort_by(&mut s.points, &|a, b| by_f64(a.mid_day, b.mid_day));
    }
    sort_by(&mut out, &|a, b| a.org.cmp(&b.org));
    out
}

/// Growth between consecutive counts of a series.
pub fn growth(series: &Series) -> Vec<Growth> {
    series
        .points
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w.first()?, w.get(1)?);
            let months = ((b.mid_day - a.mid_day) / DAYS_PER_MONTH).max(1e-9);
            let delta = i64::from(b.members) - i64::from(a.members);
            Some(Growth {
                from_index: a.index,
                to_index: b.index,
                from_day: a.mid_day,
                to_day: b.mid_day,
                delta,
                months,
                per_month: delta as f64 / months,
            })
        })
        .collect()
}

/// True when the gaps between counts differ by more than a quarter, so a
/// reader must not compare the bars as if they covered equal time.
pub fn unevenly_spaced(growth: &[Growth]) -> bool {
    let (lo, hi) = growth.iter().fold((f64::INFINITY, 0.0_f64), |(lo, hi), g| {
        (lo.min(g.months), hi.max(g.months))
    });
    growth.len() > 1 && hi > lo * 1.25
}

/// Thin event markers for the chart: `(org, event, x_px)` of the shown events
/// in the window, at most one per pixel column and organisation, so their
/// number is bounded by the width whatever the number of events.
pub fn event_markers(
    lanes: &[LaneIndex],
    visible: &[usize],
    scale: &TimeScale,
) -> Vec<(usize, usize, f64)> {
    let columns = clamp_f64(scale.width_px.ceil(), 0.0, 100_000.0) as usize + 1;
    let mut out = Vec::new();
    for &org in visible {
        let Some(lane) = lanes.get(org) else { continue };
        // One flag per pixel column: no hashing per event.
        let mut taken = vec![false; columns];
        let mut mark = |item: &super::layout::LayoutItem| {
            let x = scale.map(item.start_day());
            if x < 0.0 || x > scale.width_px {
                return;
            }
            if let Some(slot) = taken.get_mut(x.round() as usize) {
                if !*slot {
                    *slot = true;
                    out.push((org, item.event, x));
                }
            }
        };
        if lane.short_starting(scale.start_day, scale.end_day).len() > 2 * columns {
            // Dense: one binary search per pixel column instead of a visit
            // per event.
            for col in 0..columns {
                let (a, b) = (scale.unmap(col as f64 - 0.5), scale.unmap(col as f64 + 0.5));
                let first = lane.short_starting(a, b).first();
                if let Some(first) = first.or_else(|| lane.long_starting(a, b).first()) {
                    mark(first);
                }
            }
        } else {
            lane.visible(scale.start_day, scale.end_day)
                .for_each(&mut mark);
        }
    }
    out
}

/// The marker nearest to `x_px`, if one is within `reach_px` (for naming
/// the event under the pointer).
pub fn nearest_marker(
    markers: &[(usize, usize, f64)],
    x_px: f64,
    reach_px: f64,
) -> Option<(usize, usize, f64)> {
    markers
        .iter()
        .copied()
        .filter(|m| (m.2 - x_px).abs() <= reach_px)
        .min_by(|a, b| (a.2 - x_px).abs().total_cmp(&(b.2 - x_px).abs()))
}

/// SVG path data drawing each marker x of one organisation as a vertical
/// line from `y0` to `y1`, all in one element.
pub fn marker_path(markers: &[(usize, usize, f64)], org: usize, y0: f64, y1: f64) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    let mut xs: Vec<f64> = markers.iter().filter(|m| m.0 == org).map(|m| m.2).collect();
    super::order::sort_by(&mut xs, &|a, b| a.total_cmp(b));
    // A stretch of neighbouring pixel columns is one band (a filled
    // rectangle), not a line per column: the path stays short however
    // dense the events are.
    let mut i = 0;
    while i < xs.len() {
        let mut j = i;
        while j + 1 < xs.len() && xs[j + 1] - xs[j] <= 1.5 {
            j += 1;
        }
        if j >= i + 2 {
            let (a, z) = (fmt_px(xs[i] - 0.5), fmt_px(xs[j] + 0.5));
            let _ = write!(d, "M{a},{}H{z}V{}H{a}Z", fmt_px(y0), fmt_px(y1));
        } else {
            for x in &xs[i..=j] {
                let _ = write!(d, "M{},{}V{}", fmt_px(*x), fmt_px(y0), fmt_px(y1));
            }
        }
        i = j + 1;
    }
    d
}

/// The shown events that carry a countable fact (computed once per filter,
/// not per frame).
pub fn measured_events(data: &Dataset, shown: &[usize]) -> Vec<usize> {
    shown
        .iter()
        .copied()
        .filter(|&i| {
            data.events
                .get(i)
                .is_some_and(|e| data.measure(e).is_some())
        })
        .collect()
}

/// Countable presence facts among `measured` (see [`measured_events`]),
/// placed at their date's middle: `(event, x_px, labelled)`, those near the
/// window, in x order; a label is shown only where it does not overlap the
/// previous one.
pub fn presence_facts(
    data: &Dataset,
    measured: &[usize],
    scale: &TimeScale,
    place: &Placing,
) -> Vec<(usize, f64, bool)> {
    let mut facts: Vec<(usize, f64)> = measured
        .iter()
        .filter_map(|&i| data.events.get(i).map(|e| (i, e)))
        .filter(|(_, e)| data.measure(e).is_some())
        .filter_map(|(i, e)| {
            let (a, b) = place.event(e)?;
            Some((i, scale.map((f64::from(a) + f64::from(b)) / 2.0)))
        })
        .filter(|(_, x)| *x >= -40.0 && *x <= scale.width_px + 40.0)
        .collect();
    sort_by(&mut facts, &|a, b| by_f64(a.1, b.1));
    // A short label ("74", ">10") needs about this much room to the right.
    const LABEL_PX: f64 = 34.0;
    let mut next_free = f64::NEG_INFINITY;
    facts
        .into_iter()
        .map(|(i, x)| {
            let labelled = x >= next_free;
            if labelled {
                next_free = x + LABEL_PX;
            }
            (i, x, labelled)
        })
        .collect()
}

/// A value axis: its range and round tick values.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    /// Bottom of the axis.
    pub min: f64,
    /// Top of the axis.
    pub max: f64,
    /// Tick values, bottom to top, each a round number.
    pub ticks: Vec<f64>,
}

/// Round ticks (1, 2 or 5 × 10^k apart) covering `[lo, hi]`, at most
/// `max_ticks` of them (at least 2). Always finite, with `max > min`, even
/// for a single value, for zero, or for huge values.
///
/// ```
/// use movement_timeline::core::membership::nice_axis;
/// let a = nice_axis(0.0, 78_987.0, 6);
/// assert_eq!(a.ticks, vec![0.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0]);
/// ```
pub fn nice_axis(lo: f64, hi: f64, max_ticks: usize) -> ValueAxis {
    let max_ticks = max_ticks.max(2);
    // Counts stay far below 1e15; clamping there keeps every step finite.
    const LIMIT: f64 = 1e15;
    let (mut lo, mut hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) if lo <= hi => (lo.clamp(-LIMIT, LIMIT), hi.clamp(-LIMIT, LIMIT)),
        (true, true) => (hi.clamp(-LIMIT, LIMIT), lo.clamp(-LIMIT, LIMIT)),
        _ => (0.0, 1.0),
    };
    if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
        // All values equal: give them room above (and below when not zero).
        let pad = (hi.abs() * 0.1).max(1.0);
        if lo != 0.0 {
            lo -= pad;
        }
        hi += pad;
    }
    let raw_step = (hi - lo) / (max_ticks - 1) as f64;
    // The power of ten at or below the raw step, by multiplying: `powf`
    // and `log10` would bring their libm code into the module for this.
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= raw_step {
        magnitude *= 10.0;
    }
    while magnitude > raw_step && magnitude > 1e-9 {
        magnitude /= 10.0;
    }
    // Counts are whole numbers: no step below one.
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| (m * magnitude).max(1.0))
        .find(|s| (((hi / s).ceil() - (lo / s).floor()) as usize) < max_ticks)
        .unwrap_or((magnitude * 10.0).max(1.0));
    let min = (lo / step).floor() * step;
    let max = (hi / step).ceil() * step;
    let count = (((max - min) / step).round() as usize).saturating_add(1);
    let ticks = (0..count.min(max_ticks + 1))
        .map(|i| ((min / step).round() + i as f64) * step)
        .collect();
    ValueAxis { min, max, ticks }
}

/// A value-axis label: whole numbers grouped as the language writes them,
/// compact from a million on ("4.3M", "4,3 млн"). Integer arithmetic only.
pub fn tick_label(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let v = clamp_f64(value.round(), -9.0e18, 9.0e18) as i64;
    for (scale, en, ru) in [(1_000_000_000, "B", " млрд"), (1_000_000, "M", " млн")] {
        if v.abs() >= scale {
            let tenths = (v * 10 + v.signum() * scale / 2) / scale;
            let text = if tenths % 10 == 0 {
                number(lang, tenths / 10)
            } else {
                i18n_tenths(lang, tenths)
            };
            return format!("{text}{}", if lang == Lang::Ru { ru } else { en });
        }
    }
    number(lang, v)
}

/// The points of a series drawn as dots: those in `scale`'s window, where
/// they stand closer than `spacing_px` thinned so that each dot is at least
/// that far from the one drawn before it (the line still goes through every
/// count, and the table lists them all). The point `keep` (the one read
/// out) is always drawn. Overlapping dots could not be told apart or
/// pointed at, and each is a focusable element redrawn at every zoom step.
pub fn dotted_points<'a>(
    points: &'a [CountPoint],
    scale: &TimeScale,
    keep: Option<usize>,
    spacing_px: f64,
) -> Vec<&'a CountPoint> {
    let mut last_x = f64::NEG_INFINITY;
    points
        .iter()
        .filter(|p| p.end_day >= scale.start_day && p.start_day <= scale.end_day)
        .filter(|p| {
            let x = scale.map(p.mid_day);
            let drawn = keep == Some(p.index) || x - last_x >= spacing_px;
            if drawn {
                last_x = x;
            }
            drawn
        })
        .collect()
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::core::read::parse_dataset;

    fn data() -> Dataset {
        parse_dataset(include_str!("../../static/data/movements.json")).unwrap()
    }

    #[test]
    fn the_shipped_counts_form_one_dzns_series_in_date_order() {
        let d = data();
        let s = series(&d, &Placing::calendar(20_000));
        assert_eq!(s.len(), 1, "RSM published no counts");
        assert_eq!(s[0].org, d.org_index("dzns").unwrap());
        let members: Vec<u32> = s[0].points.iter().map(|p| p.members).collect();
        assert_eq!(members, [35_000, 40_000, 52_000, 62_000, 78_000, 78_987]);
        let year = s[0].points.last().unwrap();
        assert!(
            year.end_day - year.start_day >= 365.0,
            "the 2021 figure spans its year"
        );
    }

    #[test]
    fn the_chart_window_spreads_the_counts_and_follows_a_window_inside_them() {
        let d = data();
        let all = series(&d, &Placing::calendar(20_000));
        let s: Vec<&Series> = all.iter().collect();
        let (first, last) = (s[0].points[0].start_day, s[0].points[5].end_day);
        // A window over decades: the counts' span, padded.
        let (a, b) = chart_window(0.0, 30_000.0, &s).unwrap();
        assert!(a < first && first - a < 60.0 && b > last && b - last < 60.0);
        // Inside the counts: the window itself.
        let inside = (first + 40.0, first + 100.0);
        assert_eq!(chart_window(inside.0, inside.1, &s), Some(inside));
        // Overlapping one end: cut to the padded span.
        let (a2, b2) = chart_window(0.0, first + 100.0, &s).unwrap();
        assert_eq!((a2, b2), (a, first + 100.0));
        // Away from them, or over the padding alone: the padded span again.
        assert_eq!(chart_window(0.0, 100.0, &s), Some((a, b)));
        assert_eq!(chart_window(0.0, first - 1.0, &s), Some((a, b)));
        assert_eq!(chart_window(0.0, 100.0, &[]), None);
    }

    #[test]
    fn growth_is_per_month_and_flags_uneven_gaps() {
        let d = data();
        let s = &series(&d, &Placing::calendar(20_000))[0];
        let g = growth(s);
        assert_eq!(g.len(), 5);
        assert_eq!(g[0].delta, 5_000);
        assert!(
            (g[0].months - 1.0).abs() < 0.05,
            "December to January: {}",
            g[0].months
        );
        assert!((g[0].per_month - 5_000.0).abs() < 250.0);
        assert!(
            (g[3].months - 2.0).abs() < 0.1,
            "March to May: {}",
            g[3].months
        );
        assert!(g[4].months > 12.0, "May 2020 to mid-2021: {}", g[4].months);
        assert!(unevenly_spaced(&g));
        assert!(
            !unevenly_spaced(&g[..3]),
            "monthly counts are evenly spaced"
        );
    }

    #[test]
    fn axes_are_finite_round_and_labelled_for_edge_cases() {
        for (lo, hi) in [
            (0.0, 0.0),
            (0.0, 35_000.0),
            (35_000.0, 35_000.0),
            (0.0, f64::from(u32::MAX)),
            (-5_000.0, 16_000.0),
            (f64::NAN, 3.0),
            (0.0, f64::INFINITY),
            (7.0, 7.0),
        ] {
            let a = nice_axis(lo, hi, 6);
            assert!(
                a.min.is_finite() && a.max.is_finite() && a.max > a.min,
                "{lo}..{hi}: {a:?}"
            );
            assert!(
                a.ticks.len() >= 2 && a.ticks.len() <= 7,
                "{lo}..{hi}: {a:?}"
            );
            if lo.is_finite() && hi.is_finite() {
                assert!(
                    a.min <= lo.min(hi) && a.max >= hi.max(lo),
                    "{lo}..{hi}: {a:?}"
                );
            }
            for t in &a.ticks {
                assert!(t.is_finite());
                assert!(!tick_label(Lang::En, *t).is_empty());
            }
        }
        assert_eq!(nice_axis(0.0, 0.0, 6).ticks, vec![0.0, 1.0]);
    }

    #[test]
    fn markers_are_bounded_by_width_and_presence_lists_measured_events() {
        let d = data();
        let today = 20_000;
        let lanes: Vec<LaneIndex> = (0..d.organisations.len())
            .map(|o| LaneIndex::build(&d, o, today, |_| true))
            .collect();
        let (a, b) = Placing::calendar(today).span(&d).unwrap();
        let fit = TimeScale {
            start_day: f64::from(a),
            end_day: f64::from(b),
            width_px: 300.0,
        };
        let m = event_markers(&lanes, &[0, 1], &fit);
        assert!(m.len() <= 2 * 301, "{}", m.len());
        assert!(!m.is_empty());
        let (_, _, x) = m[0];
        assert_eq!(nearest_marker(&m, x + 2.0, 4.0).map(|n| n.2), Some(x));
        assert_eq!(nearest_marker(&m, -50.0, 4.0), None);
        let path = marker_path(&m, m[0].0, 10.0, 20.0);
        assert!(path.starts_with('M') && path.contains(",10V20"), "{path}");
        // Neighbouring columns make one band; lone ones stay lines.
        let dense: Vec<(usize, usize, f64)> = (0..500u32)
            .map(|i| (0, i as usize, 10.0 + f64::from(i)))
            .chain([(0, 999, 700.0)])
            .collect();
        assert_eq!(
            marker_path(&dense, 0, 10.0, 20.0),
            "M9.5,10H509.5V20H9.5ZM700,10V20"
        );
        let narrow = TimeScale {
            width_px: 3.0,
            ..fit
        };
        assert!(event_markers(&lanes, &[0, 1], &narrow).len() <= 2 * 4);
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let measured = measured_events(&d, &shown);
        let ids: Vec<&str> = presence_facts(&d, &measured, &fit, &Placing::calendar(today))
            .iter()
            .map(|(i, _, _)| d.text(d.events[*i].id))
            .collect();
        assert_eq!(ids.len(), 4, "{ids:?}");
        // Squeezed into 40 px, only labels with room are shown; every fact
        // keeps its mark.
        let narrow = TimeScale {
            width_px: 40.0,
            ..fit
        };
        let facts = presence_facts(&d, &measured, &narrow, &Placing::calendar(today));
        assert_eq!(facts.len(), 4);
        let labelled: Vec<f64> = facts.iter().filter(|f| f.2).map(|f| f.1).collect();
        assert!(labelled.len() < 4, "{facts:?}");
        assert!(
            labelled.windows(2).all(|w| w[1] - w[0] >= 34.0),
            "{facts:?}"
        );
        assert!(
            ids.contains(&"dzns-offices-74-settlements") && ids.contains(&"rsm-regional-branches")
        );
    }

    #[test]
    fn axis_labels_are_grouped_and_compact_in_both_languages() {
        assert_eq!(tick_label(Lang::En, 78_987.0), "78,987");
        assert_eq!(tick_label(Lang::Ru, 78_987.0), "78\u{a0}987");
        assert_eq!(tick_label(Lang::En, 4_294_967_295.0), "4.3B");
        assert_eq!(tick_label(Lang::Ru, 4_294_967_295.0), "4,3 млрд");
        assert_eq!(tick_label(Lang::En, 2_000_000.0), "2M");
        assert_eq!(tick_label(Lang::En, -1_250_000.0), "-1.3M");
        assert_eq!(tick_label(Lang::En, f64::NAN), "–");
    }

    #[test]
    fn dots_closer_than_a_dot_are_thinned_and_the_read_out_one_kept() {
        let point = |k: usize| CountPoint {
            index: k,
            start_day: k as f64 * 3.0,
            end_day: k as f64 * 3.0 + 1.0,
            mid_day: k as f64 * 3.0 + 0.5,
            members: 100,
        };
        let points: Vec<CountPoint> = (0..400).map(point).collect();
        // 400 counts 3 px apart over 1,200 px (a series of monthly counts
        // over a century would stand so).
        let wide = TimeScale {
            start_day: 0.0,
            end_day: 1200.0,
            width_px: 1200.0,
        };
        let dots = dotted_points(&points, &wide, Some(201), 10.0);
        assert!(dots.len() > 100 && dots.len() < 130, "{}", dots.len());
        assert!(dots.iter().any(|p| p.index == 201), "the read-out count");
        assert_eq!(dots.first().map(|p| p.index), Some(0));
        for pair in dots.windows(2) {
            let gap = pair[1].mid_day - pair[0].mid_day;
            assert!(gap >= 10.0 || pair[1].index == 201, "{gap} px");
        }
        // Zoomed in to 30 px a count: every count in the window is a dot.
        let close = TimeScale {
            start_day: 300.0,
            end_day: 420.0,
            width_px: 1200.0,
        };
        let dots = dotted_points(&points, &close, None, 10.0);
        let indexes: Vec<usize> = dots.iter().map(|p| p.index).collect();
        assert_eq!(indexes, (100..=140).collect::<Vec<_>>());
    }
}
