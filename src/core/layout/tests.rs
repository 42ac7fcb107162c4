//! The lane layout's tests: packing, labels, clusters, the vertical rows.

use super::*;
use crate::core::align::Placing;

fn item(event: usize, start: f64, end: f64) -> LayoutItem {
    assert!(start.fract() == 0.0 && end.fract() == 0.0, "whole days");
    LayoutItem {
        event,
        start: start as Day,
        end: end as Day,
        interval: false,
        unknown_end: false,
        important: false,
        label_px: 80.0,
    }
}

fn index(items: Vec<LayoutItem>) -> LaneIndex {
    let mut idx = LaneIndex::default();
    for it in items {
        if it.end_day() - it.start_day() > LONG_ITEM_DAYS {
            idx.long.push(it);
        } else {
            idx.short.push(it);
        }
    }
    idx.short.sort_by_key(|a| a.start);
    idx
}

fn scale(start: f64, end: f64, width: f64) -> TimeScale {
    TimeScale {
        start_day: start,
        end_day: end,
        width_px: width,
    }
}

#[test]
fn culling_returns_exactly_the_overlapping_items() {
    let idx = index(vec![
        item(0, 0.0, 1.0),
        item(1, 50.0, 51.0),
        item(2, 99.0, 130.0),
        item(3, 200.0, 201.0),
        item(4, -5000.0, 5000.0),
    ]);
    let mut got: Vec<usize> = idx.visible(100.0, 150.0).map(|i| i.event).collect();
    got.sort();
    assert_eq!(got, [2, 4]);
    assert_eq!(
        idx.visible(1000.0, 900.0).count(),
        1,
        "an empty window still sees the long item"
    );
}

#[test]
fn far_apart_events_get_labels_in_the_first_row() {
    let idx = index(vec![item(0, 10.0, 11.0), item(1, 500.0, 501.0)]);
    let l = layout_lane(
        &idx,
        &scale(0.0, 1000.0, 1000.0),
        &LayoutParams::default(),
        None,
    );
    assert_eq!(l.marks.len(), 2);
    assert!(l.marks.iter().all(|m| m.row == 0 && m.labelled));
    assert!(l.clusters.is_empty());
}

#[test]
fn colliding_labels_stack_into_rows_without_overlap() {
    let idx = index(
        (0..4)
            .map(|i| item(i, 100.0 + i as f64, 101.0 + i as f64))
            .collect(),
    );
    let p = LayoutParams::default();
    let l = layout_lane(&idx, &scale(0.0, 1000.0, 1000.0), &p, None);
    let mut rows: Vec<usize> = l.marks.iter().map(|m| m.row).collect();
    rows.sort();
    assert_eq!(rows, [0, 1, 2, 3]);
}

#[test]
fn too_many_events_in_one_place_become_a_counted_cluster() {
    let n = 500;
    let idx = index((0..n).map(|i| item(i, 100.0, 101.0)).collect());
    let p = LayoutParams::default();
    let l = layout_lane(&idx, &scale(0.0, 1000.0, 1000.0), &p, None);
    assert_eq!(l.marks.len(), p.rows, "one mark per row");
    let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
    assert_eq!(
        l.marks.len() + clustered,
        n,
        "every event is drawn or counted"
    );
    assert_eq!(l.clusters.len(), 1);
}

#[test]
fn drawn_elements_are_bounded_by_width_not_by_event_count() {
    let p = LayoutParams::default();
    for n in [1_000_usize, 100_000] {
        let idx = index(
            (0..n)
                .map(|i| item(i, (i / 10) as f64, (i / 10) as f64 + 1.0))
                .collect(),
        );
        let s = scale(0.0, n as f64 * 0.1, 1280.0);
        let l = layout_lane(&idx, &s, &p, None);
        let drawn = l.marks.len() + l.clusters.len();
        let bound =
            (p.rows as f64 * 1280.0 / p.mark_px) as usize + (1280.0 / p.cluster_px) as usize + 2;
        assert!(
            drawn <= bound,
            "{n} events drew {drawn} elements (bound {bound})"
        );
        let counted: usize = l.marks.len() + l.clusters.iter().map(|c| c.count).sum::<usize>();
        assert_eq!(counted, n);
    }
}

#[test]
fn a_dense_lane_is_counted_by_binary_search_with_the_pinned_event_drawn() {
    let n = 200_000;
    let idx = index(
        (0..n)
            .map(|i| item(i, (i / 20) as f64, (i / 20) as f64 + 1.0))
            .collect(),
    );
    let p = LayoutParams::default();
    let s = scale(0.0, n as f64 * 0.05, 1000.0);
    assert!(is_dense(&idx, &s, &p));
    let l = layout_lane(&idx, &s, &p, Some(123_456));
    assert_eq!(l.marks.len(), 1, "only the pinned event is a mark");
    assert_eq!(l.marks[0].event, 123_456);
    assert!(l.clusters.len() <= (1000.0 / p.cluster_px).ceil() as usize);
    let counted: usize = l.clusters.iter().map(|c| c.count).sum();
    assert_eq!(counted, n, "every event starting in view is counted once");
    for pair in l.clusters.windows(2) {
        assert!(
            pair[1].x_px >= pair[0].x_px + p.cluster_px - 1e-9,
            "badges do not overlap"
        );
    }
    // Zoomed in far enough, the same lane is laid out event by event.
    let close = scale(5_000.0, 5_010.0, 1000.0);
    assert!(!is_dense(&idx, &close, &p));
}

#[test]
fn the_pinned_event_is_always_drawn() {
    let idx = index((0..50).map(|i| item(i, 100.0, 101.0)).collect());
    let l = layout_lane(
        &idx,
        &scale(0.0, 1000.0, 1000.0),
        &LayoutParams::default(),
        Some(37),
    );
    assert!(l.marks.iter().any(|m| m.event == 37));
}

#[test]
fn marks_in_a_row_never_overlap() {
    let idx = index(
        (0..300)
            .map(|i| item(i, (i * 7 % 400) as f64, (i * 7 % 400) as f64 + 30.0))
            .collect(),
    );
    let p = LayoutParams::default();
    let l = layout_lane(&idx, &scale(0.0, 400.0, 800.0), &p, Some(5));
    for row in 0..p.rows {
        let mut boxes: Vec<(f64, f64)> = l
            .marks
            .iter()
            .filter(|m| m.row == row)
            .map(|m| {
                let right = if m.labelled {
                    m.label_x + m.label_px
                } else {
                    m.x_px + p.mark_px / 2.0
                };
                (
                    m.span_x0.min(m.x_px - p.mark_px / 2.0),
                    right.max(m.span_x1),
                )
            })
            .collect();
        boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in boxes.windows(2) {
            assert!(
                w[0].1 <= w[1].0,
                "row {row}: {:?} overlaps {:?}",
                w[0],
                w[1]
            );
        }
    }
}

#[test]
fn a_label_is_whole_or_absent_never_cut() {
    let idx = index(vec![item(0, 0.0, 1.0), item(1, 990.0, 991.0)]);
    let l = layout_lane(
        &idx,
        &scale(0.0, 1000.0, 1000.0),
        &LayoutParams::default(),
        None,
    );
    let by = |e: usize| l.marks.iter().find(|m| m.event == e).unwrap();
    assert!(
        by(0).labelled && by(0).label_x > by(0).x_px,
        "room to the right"
    );
    assert!(
        by(1).labelled && by(1).label_x < by(1).x_px,
        "near the right edge: to the left"
    );
    for m in &l.marks {
        assert!(!m.labelled || (m.label_x >= 0.0 && m.label_x + m.label_px <= 1000.0));
    }
    // A year-long span that starts in view but whose mark (its middle)
    // lies past the right edge: the label is not hung off the edge.
    let idx = index(vec![item(2, 900.0, 1300.0)]);
    let l = layout_lane(
        &idx,
        &scale(0.0, 1000.0, 1000.0),
        &LayoutParams::default(),
        None,
    );
    for m in &l.marks {
        assert!(
            !m.labelled || (m.label_x >= 0.0 && m.label_x + m.label_px <= 1000.0),
            "{m:?}"
        );
    }
    // In a plot narrower than the label, neither side has room.
    let l = layout_lane(
        &idx,
        &scale(0.0, 1000.0, 60.0),
        &LayoutParams::default(),
        None,
    );
    assert!(l.marks.iter().all(|m| !m.labelled), "glyph only, never cut");
}

#[test]
fn important_kinds_are_placed_first_and_may_open_rows() {
    // Eight events at the same spot: two minor, six important.
    let mut items: Vec<LayoutItem> = (0..8).map(|i| item(i, 100.0, 101.0)).collect();
    for it in items.iter_mut().skip(2) {
        it.important = true;
    }
    let idx = index(items);
    let p = LayoutParams::default();
    let l = layout_lane(&idx, &scale(0.0, 1000.0, 1000.0), &p, None);
    for e in 2..8 {
        let m = l.marks.iter().find(|m| m.event == e);
        assert!(
            m.is_some_and(|m| m.labelled),
            "important event {e} keeps its labelled mark"
        );
    }
    assert_eq!(l.rows, 6, "one row each; minor events do not open rows");
    let minor_labelled = l.marks.iter().filter(|m| m.event < 2 && m.labelled).count();
    assert_eq!(minor_labelled, 0, "the minor ones give way");
}

#[test]
fn label_widths_are_estimated_generously() {
    assert!(text_px("Registration refused") > 110.0);
    assert!(text_px("Отказ в регистрации") > text_px("Registration"));
    assert_eq!(text_px(""), 0.0);
    // The ASCII table and the per-character widths agree exactly: a
    // label measures the same with or without a Cyrillic letter added.
    let ascii = "Re-formed by Platoshkin (1990s), W.I.J.";
    let by_char: f64 = ascii.chars().map(char_px).sum();
    assert_eq!(text_px(ascii), by_char);
    assert_eq!(
        text_px("Отказ м"),
        "Отказ м".chars().map(char_px).sum::<f64>()
    );
    assert_eq!(text_px("Party ж"), text_px("Party ") + char_px('ж'));
}

#[test]
fn the_vertical_layout_lists_the_window_under_year_headings() {
    use crate::core::date::days_from_civil;
    use crate::core::read::parse_dataset;
    let d = parse_dataset(include_str!("../../../static/data/movements.json")).unwrap();
    let shown: Vec<usize> = (0..d.events.len()).collect();
    let s = scale(
        f64::from(days_from_civil(2023, 1, 1)),
        f64::from(days_from_civil(2024, 12, 31)),
        375.0,
    );
    let rows = vertical_rows(
        &d,
        &shown,
        &s,
        &Placing::calendar(days_from_civil(2026, 1, 1)),
        300,
    );
    let words: Vec<String> = rows
        .iter()
        .map(|r| match r {
            Row::Year(y) => y.to_string(),
            Row::Decade(y) => format!("{y}s"),
            Row::Event(i) => d.text(d.events[*i].id).to_owned(),
            Row::Cluster { year, count } => format!("{year}:{count}"),
        })
        .collect();
    // The DZNS lifespan is no event; the RSM's two 2024 events are.
    assert_eq!(words, ["2024", "rsm-foreign-agent", "rsm-dissolution"]);
    let all = scale(0.0, f64::from(days_from_civil(2030, 1, 1)), 375.0);
    let rows = vertical_rows(
        &d,
        &shown,
        &all,
        &Placing::calendar(days_from_civil(2026, 1, 1)),
        300,
    );
    assert_eq!(
        rows.iter().filter(|r| matches!(r, Row::Event(_))).count(),
        30
    );
    // The 1990s predecessor, dated to the decade, sits under "1990s", not
    // under a year its date does not give; its 1997 congress under 1997.
    let first: Vec<&Row> = rows.iter().take(4).collect();
    let movement = d.event_index("dzns-predecessor-movement").unwrap();
    let congress = d.event_index("dzns-predecessor-first-congress").unwrap();
    assert_eq!(
        first,
        [
            &Row::Decade(1990),
            &Row::Event(movement),
            &Row::Year(1997),
            &Row::Event(congress)
        ]
    );
    let few = vertical_rows(
        &d,
        &shown,
        &all,
        &Placing::calendar(days_from_civil(2026, 1, 1)),
        10,
    );
    let counted: usize = few
        .iter()
        .map(|r| match r {
            Row::Cluster { count, .. } => *count,
            _ => 0,
        })
        .sum();
    assert_eq!(counted, 30, "far more events than rows: counted per year");
}

#[test]
fn the_list_holds_the_events_of_the_window_in_time_order() {
    use crate::core::date::days_from_civil;
    use crate::core::read::parse_dataset;
    let d = parse_dataset(include_str!("../../../static/data/movements.json")).unwrap();
    let shown: Vec<usize> = (0..d.events.len()).collect();
    let s = scale(
        f64::from(days_from_civil(2024, 1, 1)),
        f64::from(days_from_civil(2024, 12, 31)),
        800.0,
    );
    let (rows, total) = events_in_window(
        &d,
        &shown,
        &s,
        &Placing::calendar(days_from_civil(2026, 1, 1)),
        10,
    );
    let ids: Vec<&str> = rows.iter().map(|&i| d.text(d.events[i].id)).collect();
    assert_eq!(ids, ["rsm-foreign-agent", "rsm-dissolution"]);
    assert_eq!(total, 2);
    let (rows, total) = events_in_window(&d, &shown, &s, &Placing::calendar(0), 1);
    assert_eq!(
        (rows.len(), total),
        (1, 2),
        "the limit cuts rows, not the count"
    );
}

#[test]
fn zero_width_lays_out_nothing_and_does_not_panic() {
    let idx = index(vec![item(0, 1.0, 2.0)]);
    let l = layout_lane(&idx, &scale(0.0, 10.0, 0.0), &LayoutParams::default(), None);
    assert!(l.marks.is_empty() && l.clusters.is_empty());
}

#[test]
fn outside_counts_exactly_what_lies_wholly_before_and_after_the_window() {
    // Short items every 7 days over ten years, each 1 to 300 days long,
    // and a few long ones: the binary searches must agree with a scan.
    let mut items: Vec<LayoutItem> = (0..520)
        .map(|k| {
            let start = f64::from(k * 7);
            item(k as usize, start, start + 1.0 + f64::from((k * 37) % 300))
        })
        .collect();
    items.push(item(900, -2000.0, -1000.0));
    items.push(item(901, 100.0, 3000.0));
    items.push(item(902, 4000.0, 5000.0));
    let lane = index(items.clone());
    for (a, b) in [
        (-3000.0, 9000.0),
        (1000.0, 1500.0),
        (0.0, 10.0),
        (3600.0, 3700.0),
    ] {
        let out = lane.outside(a, b);
        let before: Vec<&LayoutItem> = items.iter().filter(|it| it.end_day() < a).collect();
        let after: Vec<&LayoutItem> = items.iter().filter(|it| it.start_day() > b).collect();
        assert_eq!(
            (out.before, out.after),
            (before.len(), after.len()),
            "{a}..{b}"
        );
        let first = before.iter().map(|it| it.start).min();
        let last = after.iter().map(|it| it.end).max();
        assert_eq!(out.first.map(|(_, d)| d), first, "{a}..{b}");
        assert_eq!(out.last.map(|(_, d)| d), last, "{a}..{b}");
        // Nothing is both outside and drawn.
        let visible = lane.visible(a, b).count();
        assert_eq!(visible + out.before + out.after, items.len(), "{a}..{b}");
    }
}

#[test]
fn a_crowded_lane_draws_labelled_marks_and_counts_the_rest() {
    // 400 events over the window, a day apart: more than the rows could
    // hold as bare glyphs, fewer than a dense lane's. Every mark carries
    // its label, except the pinned one, which is drawn whatever room there is.
    let p = LayoutParams::default();
    let n = 400;
    let idx = index((0..n).map(|i| item(i, i as f64, i as f64 + 1.0)).collect());
    let s = scale(0.0, n as f64, 1000.0);
    assert!(!is_dense(&idx, &s, &p));
    let l = layout_lane(&idx, &s, &p, Some(201));
    assert!(
        l.marks.len() > 10,
        "labelled marks are drawn: {}",
        l.marks.len()
    );
    assert!(
        l.marks.iter().all(|m| m.labelled || m.event == 201),
        "no bare glyph but the pinned one"
    );
    assert!(l.marks.iter().any(|m| m.event == 201));
    let counted: usize = l.marks.len() + l.clusters.iter().map(|c| c.count).sum::<usize>();
    assert_eq!(counted, n, "every event is a mark or counted once");
    // Few events in the same room, each with a label too long to draw:
    // each is drawn as its glyph alone rather than counted.
    let long_label = |i: usize| LayoutItem {
        label_px: 300.0,
        ..item(i, 100.0 + 20.0 * i as f64, 101.0 + 20.0 * i as f64)
    };
    let few = index((0..40).map(long_label).collect());
    let l = layout_lane(&few, &scale(0.0, 1000.0, 1000.0), &p, None);
    assert_eq!(l.marks.len(), 40, "each of the few is drawn");
    assert!(l.marks.iter().all(|m| !m.labelled));
    assert!(l.clusters.is_empty());
}
