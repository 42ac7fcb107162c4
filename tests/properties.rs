//! Property tests: no panic and finite output for any input, f64 extremes
//! included, across dates, scale, ticks, layout and value axes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::panic)]

use movement_timeline::core::date::EventDate;
use movement_timeline::core::layout::{is_dense, layout_lane, LaneIndex, LayoutParams};
use movement_timeline::core::membership::{nice_axis, tick_label};
use movement_timeline::core::read::parse_dataset;
use movement_timeline::core::scale::{ScaleLimits, TimeScale};
use movement_timeline::core::ticks::ticks;
use proptest::prelude::*;

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        -1e7..1e7f64,
    ]
}

fn edtf_like() -> impl Strategy<Value = String> {
    (
        0u32..10_000,
        proptest::option::of(0u32..40),
        proptest::option::of(0u32..40),
        proptest::sample::select(vec!["", "~", "?", "%"]),
        proptest::option::of((0u32..10_000, proptest::option::of(0u32..14))),
        any::<bool>(),
    )
        .prop_map(|(y, m, d, q, end, open)| {
            let mut s = format!("{y:04}");
            if let Some(m) = m {
                s.push_str(&format!("-{m:02}"));
                if let Some(d) = d {
                    s.push_str(&format!("-{d:02}"));
                }
            }
            s.push_str(q);
            match (end, open) {
                (_, true) => s.push_str("/.."),
                (Some((y2, m2)), false) => {
                    s.push_str(&format!("/{y2:04}"));
                    if let Some(m2) = m2 {
                        s.push_str(&format!("-{m2:02}"));
                    }
                }
                (None, false) => {}
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_as_a_date_never_panics(s in "\\PC{0,40}") {
        let _ = EventDate::parse(&s);
    }

    #[test]
    fn parsed_dates_have_ordered_bounds_and_a_label(s in edtf_like()) {
        if let Ok(d) = EventDate::parse(&s) {
            prop_assert!(d.earliest() <= d.latest_or(i32::MAX / 2), "{s}");
            prop_assert!(!d.label().is_empty());
        }
    }

    #[test]
    fn scale_operations_stay_finite(start in any_f64(), end in any_f64(), width in any_f64(),
                                     anchor in any_f64(), factor in any_f64(), dx in any_f64(),
                                     lo in -1e6..1e6f64, len in 0.0..1e6f64) {
        let limits = ScaleLimits::around(lo, lo + len);
        let s = TimeScale { start_day: start, end_day: end, width_px: width }.with_width(width).clamped(&limits);
        for t in [
            s,
            s.zoom_at(anchor, factor, &limits),
            s.pan_by(dx, &limits),
            s.show(start, end, &limits),
            TimeScale::fit(&limits, width),
        ] {
            prop_assert!(t.start_day.is_finite() && t.end_day.is_finite() && t.width_px.is_finite(), "{t:?}");
            prop_assert!(t.end_day >= t.start_day);
            prop_assert!(t.map(anchor).is_finite() && t.unmap(anchor).is_finite());
        }
    }

    #[test]
    fn ticks_are_capped_and_inside_the_window(start in -1e6..1e6f64, span in 0.0..4e6f64,
                                               width in 0.0..4000.0f64, cap in 0usize..40) {
        let s = TimeScale { start_day: start, end_day: start + span, width_px: width };
        let t = ticks(&s, cap, movement_timeline::core::i18n::Lang::En);
        prop_assert!(t.len() <= cap);
        for tick in &t {
            prop_assert!(f64::from(tick.day) >= s.start_day - 1.0 && f64::from(tick.day) <= s.end_day + 1.0);
            prop_assert!(!tick.label.is_empty());
        }
    }

    #[test]
    fn layout_draws_or_counts_every_visible_event(dates in proptest::collection::vec((1990i32..2030, 1u32..13, 1u32..29), 1..120),
                                                  width in 0.0..3000.0f64, zoom in 0.001..1000.0f64,
                                                  centre in 7000.0..22000.0f64) {
        let events: Vec<String> = dates.iter().enumerate().map(|(i, (y, m, d))| format!(
            r#"{{"id":"e{i}","org":"a","date":"{y}-{m:02}-{d:02}","kind":"congress","title":"Event number {i}","source":{{"article":"A","section":"S","quote":"Q"}}}}"#
        )).collect();
        let text = format!(
            r##"{{"organisations":[{{"id":"a","name":"A","abbreviation":"A","color":"#112233"}}],"events":[{}]}}"##,
            events.join(",")
        );
        let data = parse_dataset(&text).unwrap();
        let lane = LaneIndex::build(&data, 0, 20_000, |_| true);
        let span = 36_500.0 / zoom;
        let s = TimeScale { start_day: centre - span / 2.0, end_day: centre + span / 2.0, width_px: width };
        let l = layout_lane(&lane, &s, &LayoutParams::default(), Some(0));
        // Events a reader can see: those in the window, and those just
        // before it whose label may reach in (drawn only if it does).
        let in_window = lane.visible(s.start_day, s.end_day).count();
        let visible = lane.visible(s.start_day - LayoutParams::default().max_label_px / s.px_per_day().max(1e-12), s.end_day).count();
        let counted = l.marks.len() + l.clusters.iter().map(|c| c.count).sum::<usize>();
        if width <= 0.0 {
            prop_assert_eq!(counted, 0, "nothing is drawn in no width");
        } else if !is_dense(&lane, &s, &LayoutParams::default()) {
            prop_assert!(counted >= in_window && counted <= visible, "{counted} drawn or counted; {in_window} in the window, {visible} with the label margin");
        } else {
            // A dense lane counts, in its clusters, exactly the events that
            // start in view, and draws at most the pinned one as a mark.
            let starting = lane.short_starting(s.start_day, s.end_day + 1e-9).len()
                + lane.long_starting(s.start_day, s.end_day + 1e-9).len();
            let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
            prop_assert!(starting > 0, "a dense lane has events in view");
            prop_assert_eq!(clustered, starting);
            prop_assert!(l.marks.len() <= 1 && l.marks.iter().all(|m| m.event == 0));
        }
        for m in &l.marks {
            prop_assert!(m.x_px.is_finite() && m.span_x0.is_finite() && m.span_x1.is_finite());
            prop_assert!(m.row < l.rows && l.rows <= LayoutParams::default().max_rows);
        }
        for c in &l.clusters {
            prop_assert!(c.x_px.is_finite() && c.count > 0);
        }
    }

    #[test]
    fn value_axes_are_finite_and_labelled(a in any_f64(), b in any_f64(), n in 0usize..12) {
        let axis = nice_axis(a, b, n);
        prop_assert!(axis.min.is_finite() && axis.max.is_finite() && axis.max > axis.min, "{a} {b}: {axis:?}");
        prop_assert!(axis.ticks.len() >= 2 && axis.ticks.len() <= n.max(2) + 1, "{a} {b} {n}: {axis:?}");
        for t in &axis.ticks {
            prop_assert!(t.is_finite());
            prop_assert!(!tick_label(movement_timeline::core::i18n::Lang::Ru, *t).is_empty());
        }
    }
}
