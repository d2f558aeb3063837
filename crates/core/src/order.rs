//! Sorting the short lists of the widget (a result's reasons, the merit dimensions, the places of a
//! project, the head of a ranking) with one small stable insertion sort. The standard library's
//! sorts are faster on long lists but each use adds about 4 KB of wasm (one copy per element type
//! and comparison); these lists hold tens of items at most. Long lists (the search index, municipality
//! search hits) keep `sort_by`.

use std::cmp::Ordering;

/// Stable insertion sort: O(n²) compares, for lists of up to a few dozen items.
pub fn sort_small_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            let (Some(a), Some(b)) = (v.get(j - 1), v.get(j)) else { break };
            if cmp(a, b) != Ordering::Greater {
                break;
            }
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// [`sort_small_by`] in the natural order.
pub fn sort_small<T: Ord>(v: &mut [T]) {
    sort_small_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted on the first item only: equal keys keep their order (stability).
        let mut seed = 7u32;
        for len in [0, 1, 2, 3, 8, 31, 64] {
            let v: Vec<(u32, u32)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "len {len}");
        }
        let mut words = vec!["pavia", "como", "lecco", "como", "bergamo"];
        sort_small(&mut words);
        assert_eq!(words, ["bergamo", "como", "como", "lecco", "pavia"]);
    }
}
