//! Small helpers that keep the wasm build small.

use std::cmp::Ordering;

/// A stable insertion sort for short lists (results, versions, rows). Rust's general sorts are
/// fast on long inputs but each use brings several kilobytes of code to the wasm build; the
/// lists sorted with this hold a few dozen items at most.
pub fn sort_small_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// An id made safe as part of a file name: letters, digits, `-` and `_` kept, anything else
/// (a path separator, `..`, spaces) as `_`, so that `profile-{id}.html` stays in its folder.
///
/// ```
/// use baft_core::base::small::file_safe;
/// assert_eq!(file_safe("TN-01"), "TN-01");
/// assert_eq!(file_safe("../etc/x"), "___etc_x");
/// ```
pub fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_small_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut e: Vec<i32> = vec![];
        super::sort_small_by(&mut e, |a, b| a.cmp(b));
    }
}
