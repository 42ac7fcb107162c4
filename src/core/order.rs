//! Sorting with one instance of the sort in the whole module.
//!
//! Every `slice::sort_by` call site compiles its own copy of the standard
//! stable sort (about 4 KB of WebAssembly each). Here the only sort is of a
//! permutation of `u32` indexes, compared through `&dyn Fn`, and each
//! caller's items are then moved into that order.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
///
/// ```
/// use movement_timeline::core::order::sort_by;
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        permutation(view.len(), &|a, b| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    reorder(items, order);
}

/// Sorts `items` stably by a key computed once per item (not once per
/// comparison: for keys that cost something at 100,000 items).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = permutation(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    reorder(items, order);
}

/// Moves `items` into the order of the permutation `order` (item
/// `order[k]` goes to place `k`) in place, one cycle of the permutation at
/// a time: no second copy of the items (15 MB at 100,000 events).
fn reorder<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(next) = order.get_mut(at).map(|o| std::mem::replace(o, at as u32)) {
            let next = next as usize;
            if next == start || next >= items.len() {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// The stable sorting permutation of `n` items compared by index.
pub fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Compares two `f64`s as `total_cmp` does (for sorting by position).
pub fn by_f64(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_is_stable_and_complete() {
        let mut v: Vec<(u8, usize)> = (0..200).map(|i| ((i * 7 % 5) as u8, i)).collect();
        sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(v.len(), 200);
        for w in v.windows(2) {
            assert!(
                w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1),
                "{w:?}"
            );
        }
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, &|a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
