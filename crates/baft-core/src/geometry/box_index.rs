//! A packed Hilbert R-tree over bounding boxes, laid out as Flatbush and FlatGeobuf's index are:
//! the boxes sorted along a Hilbert curve through their centres, grouped [`NODE`] to a node, and
//! each level of nodes stored after the one below it in one flat array, the root last.
//!
//! Building sorts the boxes once (no allocation per box, nothing to rebalance); a box search
//! allocates nothing ([`BoxIndex::search`]); [`BoxIndex::nearest`] yields the boxes in order of
//! their distance from a point, nearest first. A layer's zones and plots are indexed this way
//! (the JavaScript peer of `bench/` uses Flatbush, the same structure). The tests below compare
//! every search with a scan of all boxes.

use super::prepared::bounds;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Children per node (FlatGeobuf's default, and Flatbush's).
pub(crate) const NODE: usize = 16;

/// A packed Hilbert R-tree of boxes `[min x, min y, max x, max y]`; items are numbered in the
/// order they were given.
#[derive(Debug, Clone, Default)]
pub(crate) struct BoxIndex {
    /// The items' boxes in Hilbert order, then each level's node boxes, bottom up.
    boxes: Vec<[f64; 4]>,
    /// For an item's box: the item's number; for a node: where its first child is in `boxes`.
    refs: Vec<u32>,
    /// Where each level ends in `boxes` (exclusive), bottom up: the items first.
    level_ends: Vec<usize>,
}

/// Whether two boxes meet (touching counts).
fn meets(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]
}

/// The squared distance from (x, y) to the box (0 inside it).
fn distance2(b: &[f64; 4], x: f64, y: f64) -> f64 {
    let dx = (b[0] - x).max(0.0).max(x - b[2]);
    let dy = (b[1] - y).max(0.0).max(y - b[3]);
    dx * dx + dy * dy
}

/// The position of (x, y) (each 0 to 65,535) along the Hilbert curve of order 16.
fn hilbert(x: u32, y: u32) -> u32 {
    let (mut x, mut y, mut d) = (x, y, 0u32);
    let mut s = 1u32 << 15;
    while s > 0 {
        let rx = u32::from(x & s > 0);
        let ry = u32::from(y & s > 0);
        d += s * s * ((3 * rx) ^ ry);
        if ry == 0 {
            if rx == 1 {
                // Reflect the lower bits.
                x = (s - 1).wrapping_sub(x) & (s - 1);
                y = (s - 1).wrapping_sub(y) & (s - 1);
            }
            std::mem::swap(&mut x, &mut y);
        }
        s >>= 1;
    }
    d
}

impl BoxIndex {
    /// Indexes `boxes` (item `i` is `boxes[i]`).
    pub(crate) fn build(boxes: &[[f64; 4]]) -> BoxIndex {
        if boxes.is_empty() {
            return BoxIndex::default();
        }
        let ext = bounds(boxes.iter().copied());
        let scale = |v: f64, lo: f64, hi: f64| {
            let w = hi - lo;
            if w > 0.0 {
                (((v - lo) / w) * 65535.0).clamp(0.0, 65535.0) as u32
            } else {
                0
            }
        };
        let mut order: Vec<(u32, u32)> = boxes
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let cx = scale((b[0] + b[2]) / 2.0, ext[0], ext[2]);
                let cy = scale((b[1] + b[3]) / 2.0, ext[1], ext[3]);
                (hilbert(cx, cy), i as u32)
            })
            .collect();
        order.sort_unstable();
        let mut index = BoxIndex {
            boxes: order.iter().map(|&(_, i)| boxes[i as usize]).collect(),
            refs: order.iter().map(|&(_, i)| i).collect(),
            level_ends: vec![boxes.len()],
        };
        // Each level above: one node per NODE boxes of the level below, until one root.
        let mut start = 0;
        loop {
            let end = index.boxes.len();
            for first in (start..end).step_by(NODE) {
                let last = (first + NODE).min(end);
                let b = bounds(index.boxes[first..last].iter().copied());
                index.boxes.push(b);
                index.refs.push(first as u32);
            }
            index.level_ends.push(index.boxes.len());
            if index.boxes.len() - end == 1 {
                break;
            }
            start = end;
        }
        index
    }

    /// How many items are indexed.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.level_ends.first().copied().unwrap_or(0)
    }

    /// Where the children of the node at `pos` (on `level`, 1 and up) are in `boxes`.
    fn children(&self, pos: usize, level: usize) -> std::ops::Range<usize> {
        let first = self.refs[pos] as usize;
        first..(first + NODE).min(self.level_ends[level - 1])
    }

    /// The items whose box meets `b`, allocating nothing.
    pub(crate) fn search(&self, b: [f64; 4]) -> Search<'_> {
        let (cur, level) = match self.level_ends.last() {
            Some(&end) => {
                let top = self.level_ends.len() - 1;
                (self.children(end - 1, top), top - 1)
            }
            None => (0..0, 0),
        };
        Search {
            index: self,
            b,
            stack: [0; NODE * 9],
            top: 0,
            cur,
            level,
        }
    }

    /// The level of the box at `pos` (0 for an item's).
    fn level_of(&self, pos: usize) -> usize {
        self.level_ends
            .iter()
            .take_while(|&&end| end <= pos)
            .count()
    }

    /// The items in order of their box's distance from (x, y), nearest first, with that squared
    /// distance.
    pub(crate) fn nearest(&self, x: f64, y: f64) -> Nearest<'_> {
        let mut heap = BinaryHeap::new();
        if let Some(&root_end) = self.level_ends.last() {
            heap.push(Entry {
                d2: 0.0,
                pos: root_end - 1,
                level: self.level_ends.len() - 1,
            });
        }
        Nearest {
            index: self,
            heap,
            x,
            y,
        }
    }
}

/// The items of a [`BoxIndex`] whose box meets a box (see [`BoxIndex::search`]), depth first.
pub(crate) struct Search<'a> {
    index: &'a BoxIndex,
    b: [f64; 4],
    /// Nodes still to open: at most NODE a level wait, and 2³² items make at most 8 levels.
    stack: [u32; NODE * 9],
    top: usize,
    /// The children of the node being read, and their level.
    cur: std::ops::Range<usize>,
    level: usize,
}

impl Iterator for Search<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            for c in self.cur.by_ref() {
                if !meets(&self.index.boxes[c], &self.b) {
                    continue;
                }
                if self.level == 0 {
                    return Some(self.index.refs[c] as usize);
                }
                self.stack[self.top] = c as u32;
                self.top += 1;
            }
            if self.top == 0 {
                return None;
            }
            self.top -= 1;
            let pos = self.stack[self.top] as usize;
            let level = self.index.level_of(pos);
            self.cur = self.index.children(pos, level);
            self.level = level - 1;
        }
    }
}

/// A node or item waiting in [`Nearest`]'s queue.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    d2: f64,
    pos: usize,
    /// 0 for an item.
    level: usize,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // The heap is a max-heap: the nearest first, items before nodes at equal distance.
        other
            .d2
            .total_cmp(&self.d2)
            .then(other.level.cmp(&self.level))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The items of a [`BoxIndex`] in order of distance from a point (see [`BoxIndex::nearest`]).
pub(crate) struct Nearest<'a> {
    index: &'a BoxIndex,
    heap: BinaryHeap<Entry>,
    x: f64,
    y: f64,
}

impl Iterator for Nearest<'_> {
    type Item = (usize, f64);

    fn next(&mut self) -> Option<(usize, f64)> {
        while let Some(e) = self.heap.pop() {
            if e.level == 0 {
                return Some((self.index.refs[e.pos] as usize, e.d2));
            }
            for c in self.index.children(e.pos, e.level) {
                self.heap.push(Entry {
                    d2: distance2(&self.index.boxes[c], self.x, self.y),
                    pos: c,
                    level: e.level - 1,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random boxes from a fixed seed: many small, some large, some degenerate (points, lines).
    fn boxes(n: usize, seed: u64) -> Vec<[f64; 4]> {
        let mut s = seed | 1;
        let mut f = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|i| {
                let (x, y) = (f() * 1000.0, f() * 1000.0);
                let (w, h) = match i % 10 {
                    0 => (f() * 300.0, f() * 300.0),
                    1 => (0.0, 0.0),
                    2 => (f() * 20.0, 0.0),
                    _ => (f() * 10.0, f() * 10.0),
                };
                [x, y, x + w, y + h]
            })
            .collect()
    }

    #[test]
    fn searches_find_exactly_the_boxes_a_scan_finds() {
        for n in [0, 1, 5, 16, 17, 256, 257, 5000] {
            let all = boxes(n, n as u64 + 3);
            let index = BoxIndex::build(&all);
            assert_eq!(index.len(), n);
            for (k, q) in boxes(60, 99).into_iter().enumerate() {
                let q = if k % 3 == 0 {
                    [q[0], q[1], q[0], q[1]]
                } else {
                    q
                };
                let mut got: Vec<usize> = index.search(q).collect();
                got.sort_unstable();
                let want: Vec<usize> = (0..n).filter(|&i| meets(&all[i], &q)).collect();
                assert_eq!(got, want, "{n} boxes, query {q:?}");
            }
        }
    }

    #[test]
    fn nearest_yields_every_box_in_order_of_distance() {
        for n in [0, 1, 16, 300, 3000] {
            let all = boxes(n, 7 * n as u64 + 1);
            let index = BoxIndex::build(&all);
            for (x, y) in [(500.0, 500.0), (-50.0, 20.0), (1200.0, 990.0)] {
                let got: Vec<(usize, f64)> = index.nearest(x, y).collect();
                assert_eq!(got.len(), n);
                let mut seen: Vec<usize> = got.iter().map(|g| g.0).collect();
                seen.sort_unstable();
                assert_eq!(seen, (0..n).collect::<Vec<_>>());
                assert!(got.windows(2).all(|w| w[0].1 <= w[1].1), "not in order");
                for (i, d2) in &got {
                    assert_eq!(*d2, distance2(&all[*i], x, y));
                }
            }
        }
    }
}
