//! Keyboard movement between events: in time order, and between lanes.

use super::data::Dataset;

/// A keyboard step from the focused event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next event in time (any lane).
    Next,
    /// The previous event in time (any lane).
    Prev,
    /// The first event.
    First,
    /// The last event.
    Last,
    /// The nearest event in time in the lane above.
    LaneUp,
    /// The nearest event in time in the lane below.
    LaneDown,
}

/// The event to focus after `step` from `current`.
///
/// `shown` holds the shown events in the order they are placed on the axis
/// (by date, or by age when aligned), and `start_of(event)` where each
/// starts on it. With nothing focused yet, `Next` and `Prev` start at the
/// first event on or after `from_day` (the left edge of the window).
pub fn step(
    data: &Dataset,
    shown: &[usize],
    current: Option<usize>,
    step: Step,
    from_day: f64,
    start_of: impl Fn(usize) -> i32,
) -> Option<usize> {
    let first_visible = || {
        let pos = shown.partition_point(|&i| f64::from(start_of(i)) < from_day);
        shown.get(pos).or(shown.last()).copied()
    };
    match step {
        Step::First => shown.first().copied(),
        Step::Last => shown.last().copied(),
        Step::Next | Step::Prev => {
            let Some(cur) = current else {
                return first_visible();
            };
            let Some(p) = shown.iter().position(|&i| i == cur) else {
                return first_visible();
            };
            let pos = if step == Step::Next {
                p + 1
            } else {
                p.checked_sub(1)?
            };
            shown.get(pos).copied().or(Some(cur))
        }
        Step::LaneUp | Step::LaneDown => {
            let cur = current.or_else(first_visible)?;
            let org = data.events.get(cur)?.org;
            let day = start_of(cur);
            let lanes = data.organisations.len();
            let has_events = |o: usize| {
                shown
                    .iter()
                    .any(|&i| data.events.get(i).is_some_and(|e| e.org == o))
            };
            let mut target = org;
            loop {
                target = match step {
                    Step::LaneUp => target.checked_sub(1)?,
                    _ if target + 1 < lanes => target + 1,
                    _ => return Some(cur),
                };
                if has_events(target) {
                    break;
                }
            }
            shown
                .iter()
                .copied()
                .filter(|&i| data.events.get(i).is_some_and(|e| e.org == target))
                .min_by_key(|&i| (start_of(i) - day).unsigned_abs())
        }
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::core::read::parse_dataset;

    fn data() -> Dataset {
        parse_dataset(include_str!("../../static/data/movements.json")).unwrap()
    }

    fn id(d: &Dataset, i: Option<usize>) -> &str {
        i.and_then(|i| d.events.get(i))
            .map_or("-", |e| d.text(e.id))
    }

    fn find(d: &Dataset, id: &str) -> usize {
        d.event_index(id).unwrap()
    }

    #[test]
    fn next_and_prev_walk_in_time_order_across_lanes() {
        let d = data();
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let cur = find(&d, "rsm-dissolution");
        let prev = step(&d, &shown, Some(cur), Step::Prev, 0.0, |i| {
            d.events[i].date.earliest()
        });
        assert_eq!(id(&d, prev), "rsm-foreign-agent");
        let first = step(&d, &shown, None, Step::First, 0.0, |i| {
            d.events[i].date.earliest()
        });
        assert_eq!(id(&d, first), "dzns-predecessor-movement");
        assert_eq!(
            step(&d, &shown, first, Step::Prev, 0.0, |i| d.events[i]
                .date
                .earliest()),
            None,
            "nothing before the first"
        );
        let last = step(&d, &shown, None, Step::Last, 0.0, |i| {
            d.events[i].date.earliest()
        });
        assert_eq!(
            step(&d, &shown, last, Step::Next, 0.0, |i| d.events[i]
                .date
                .earliest()),
            last,
            "stays on the last"
        );
    }

    #[test]
    fn lane_steps_pick_the_nearest_event_in_time() {
        let d = data();
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let cur = find(&d, "dzns-refounded");
        let down = step(&d, &shown, Some(cur), Step::LaneDown, 0.0, |i| {
            d.events[i].date.earliest()
        });
        assert_eq!(d.events[down.unwrap()].org, d.org_index("rsm").unwrap());
        let up = step(&d, &shown, down, Step::LaneUp, 0.0, |i| {
            d.events[i].date.earliest()
        });
        assert_eq!(d.events[up.unwrap()].org, d.org_index("dzns").unwrap());
        assert_eq!(
            step(&d, &shown, up, Step::LaneUp, 0.0, |i| d.events[i]
                .date
                .earliest()),
            None,
            "no lane above the first"
        );
    }

    #[test]
    fn with_nothing_focused_next_starts_at_the_window() {
        let d = data();
        let shown: Vec<usize> = (0..d.events.len()).collect();
        let day = f64::from(crate::core::date::days_from_civil(2024, 1, 1));
        assert_eq!(
            id(
                &d,
                step(&d, &shown, None, Step::Next, day, |i| d.events[i]
                    .date
                    .earliest())
            ),
            "rsm-foreign-agent"
        );
    }

    #[test]
    fn an_empty_selection_gives_nothing() {
        let d = data();
        for s in [
            Step::Next,
            Step::Prev,
            Step::First,
            Step::Last,
            Step::LaneUp,
            Step::LaneDown,
        ] {
            assert_eq!(step(&d, &[], None, s, 0.0, |_| 0), None, "{s:?}");
        }
    }
}
