//! JSON text -> Dataset -> lanes, layout, ticks, membership: must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use movement_timeline::core::read::parse_dataset;
use movement_timeline::core::filter::{search_text, Filter};
use movement_timeline::core::layout::{layout_lane, LaneIndex, LayoutParams};
use movement_timeline::core::membership::{growth, nice_axis, series};
use movement_timeline::core::scale::{ScaleLimits, TimeScale};
use movement_timeline::core::ticks::ticks;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(data) = parse_dataset(text) else {
        return;
    };
    let today = 20_000;
    let Some((first, last)) = data.span(today) else {
        return;
    };
    let limits = ScaleLimits::around(f64::from(first), f64::from(last));
    for width in [0.0, 320.0, 1280.0] {
        let mut scale = TimeScale::fit(&limits, width);
        for step in 0..6 {
            let lanes: Vec<LaneIndex> = (0..data.organisations.len())
                .map(|o| LaneIndex::build(&data, o, today, |_| true))
                .collect();
            for lane in &lanes {
                let _ = layout_lane(lane, &scale, &LayoutParams::default(), Some(0));
            }
            let _ = ticks(&scale, 24, movement_timeline::core::i18n::Lang::Ru);
            scale = scale.zoom_at(width / 3.0, 1.0 + f64::from(step) * 3.0, &limits);
        }
    }
    let f = Filter { text: "a".into(), ..Filter::default() };
    let words = f.query_words();
    for e in &data.events {
        let _ = f.matches(&data, e, &search_text(&data, e), &words);
    }
    for s in series(&data, today) {
        let g = growth(&s);
        let max = s.points.iter().map(|p| f64::from(p.members)).fold(0.0, f64::max);
        let _ = nice_axis(0.0, max, 5);
        let _ = g.len();
    }
});
