//! Ids used twice, likely copies, and the dataset's final order.
//!
//! Both checks sort: each event's key is hashed once, so the sort compares
//! integers (a radix sort), and strings only where two hashes are equal.
//! That is exact, and fast and small at 100,000 events, where a map of
//! strings would hold megabytes that WebAssembly memory never gives back.

use super::Validator;
use crate::core::data::{DataWarning, Dataset, Event};
use crate::core::date::{Day, EventDate};
use crate::core::error::DataError;
use crate::core::order::{radix_permutation, sort_by_u64};
use std::cmp::Ordering;

/// FNV-1a over the parts, with a separator between them.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The events in the order of `hashes`, and where hashes are equal (the
/// same text, or rarely a collision) by `exact`, then by place: equal texts
/// end up side by side.
fn exact_runs(hashes: &[u64], exact: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order = radix_permutation(hashes);
    let hash = |i: u32| hashes.get(i as usize).copied();
    let mut from = 0;
    while from < order.len() {
        let first = order.get(from).copied().and_then(hash);
        let len = order
            .get(from..)
            .map_or(1, |rest| {
                rest.iter().take_while(|&&i| hash(i) == first).count()
            })
            .max(1);
        // A run is a duplicate's few events (or a collision's): sorted by
        // insertion, which keeps their order (by place) among equals.
        if let Some(run) = order.get_mut(from..from + len) {
            for i in 1..run.len() {
                let mut j = i;
                while j > 0 && exact(run[j - 1] as usize, run[j] as usize).is_gt() {
                    run.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
        from += len;
    }
    order
}

/// Pairs of events, by their place in the dataset's list, whose `key`
/// is equal: found by hash, confirmed by the key itself.
fn equal_pairs<K: Ord>(
    data: &Dataset,
    key: &dyn Fn(&Event) -> K,
    hash: &dyn Fn(&K) -> u64,
) -> Vec<(usize, usize)> {
    let key_of = |i: usize| data.events.get(i).map(key);
    let hashes: Vec<u64> = data.events.iter().map(|e| hash(&key(e))).collect();
    let order = exact_runs(&hashes, &|a, b| key_of(a).cmp(&key_of(b)));
    let same_hash = |a: usize, b: usize| hashes.get(a) == hashes.get(b);
    order
        .windows(2)
        .map(|pair| (pair[0] as usize, pair[1] as usize))
        .filter(|&(a, b)| same_hash(a, b) && key_of(a) == key_of(b))
        .collect()
}

/// Refuses every id that two events use, naming both.
pub(super) fn refuse_duplicate_ids(v: &mut Validator) {
    let pairs = equal_pairs(&v.data, &|e| v.data.text(e.id), &|id| fnv(&[id.as_bytes()]));
    for (a, b) in pairs {
        let (Some(first), Some(second)) = (v.data.events.get(a), v.data.events.get(b)) else {
            continue;
        };
        let (fa, fb) = (first.file_index, second.file_index);
        let id = v.data.text(second.id).to_owned();
        v.fail(
            DataError::said(
                format!("events[{fb}].id"),
                format!("duplicate event id \"{id}\": events[{fa}] and events[{fb}] both use it"),
                format!(
                    "id события «{id}» повторяется: его используют events[{fa}] и events[{fb}]"
                ),
            )
            .item(&id),
        );
    }
}

/// Warns of events with the same organisation, date and title: likely a
/// fact entered twice.
pub(super) fn warn_of_copies(v: &mut Validator) {
    let data = &v.data;
    let key = |e: &Event| (e.org, data.text(e.date_text), data.text(e.title));
    let hash = |k: &(usize, &str, &str)| fnv(&[&k.0.to_le_bytes(), k.1.as_bytes(), k.2.as_bytes()]);
    let pairs = equal_pairs(data, &key, &hash);
    let warnings: Vec<DataWarning> = pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let (first, second) = (data.events.get(a)?, data.events.get(b)?);
            let (fa, fb) = (first.file_index, second.file_index);
            Some(DataWarning {
                message: format!(
                    "events[{fa}] and events[{fb}] (\"{}\") have the same organisation, date and title",
                    data.text(second.id)
                ),
                message_ru: format!(
                    "у events[{fa}] и events[{fb}] («{}») совпадают организация, дата и заголовок",
                    data.text(second.id)
                ),
                path: format!("events[{fb}]"),
            })
        })
        .collect();
    v.data.warnings.extend(warnings);
}

/// Sorts events by date (ties in file order) and counts by organisation,
/// then date: stable sorts with keys computed once.
pub(super) fn sort(data: &mut Dataset) {
    let by_date = |date: &EventDate| {
        let (a, b) = date.sort_key();
        let bits = |d: Day| u64::from((d as u32) ^ 0x8000_0000);
        bits(a) << 32 | bits(b)
    };
    let keys: Vec<u64> = data.events.iter().map(|e| by_date(&e.date)).collect();
    sort_by_u64(&mut data.events, &keys);
    let m = &mut data.membership;
    let keys: Vec<u64> = m.iter().map(|c| by_date(&c.date)).collect();
    sort_by_u64(m, &keys);
    // The second sort keeps the first's order among equals.
    let keys: Vec<u64> = m.iter().map(|c| c.org as u64).collect();
    sort_by_u64(m, &keys);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_hashes_are_told_apart_by_their_text() {
        // Every key hashes to 0: the runs are ordered by the text alone,
        // and equal texts stand side by side.
        let texts = ["b", "a", "b", "c", "a"];
        let order = exact_runs(&[0; 5], &|a, b| texts[a].cmp(texts[b]));
        let sorted: Vec<&str> = order.iter().map(|&i| texts[i as usize]).collect();
        assert_eq!(sorted, ["a", "a", "b", "b", "c"]);
        assert_eq!(order, [1, 4, 0, 2, 3], "equal texts keep their file order");
    }
}
