//! The packed Hilbert R-tree a FlatGeobuf file carries after its header, searched in place with
//! every node and offset checked (a damaged index gives fewer results, never a panic).
//!
//! Layout (the FlatGeobuf spec, as Flatbush): nodes of 40 bytes (min x, min y, max x, max y as
//! `f64`, then a `u64`: for a leaf the feature's byte offset in the data section, for an inner
//! node the index of its first child), stored root first, level by level, leaves last.

use std::ops::Range;

/// Bytes per index node.
pub(super) const NODE: usize = 40;

/// An index in a file's bytes.
pub(super) struct Index<'a> {
    nodes: &'a [u8],
    levels: Vec<Range<usize>>,
    node_size: usize,
    leaves: usize,
}

/// A leaf the search found: the feature's number in the file and its byte offset in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    /// The feature's number, from 0, in file order.
    pub index: usize,
    /// Its offset from the start of the feature data.
    pub offset: usize,
}

impl<'a> Index<'a> {
    /// The index of `count` features with `node_size` children a node, starting at byte `at`
    /// of `bytes`; `None` when there is none or the bytes are too short to hold it. Also
    /// returns where the feature data starts.
    pub(super) fn open(
        bytes: &'a [u8],
        at: usize,
        count: usize,
        node_size: u16,
    ) -> Option<(Index<'a>, usize)> {
        let node_size = usize::from(node_size);
        if node_size < 2 || count == 0 || count > bytes.len() / NODE {
            return None;
        }
        let levels = levels(count, node_size)?;
        let total = levels.first().map_or(0, |l| l.end);
        let len = total.checked_mul(NODE)?;
        let nodes = bytes.get(at..at.checked_add(len)?)?;
        let index = Index {
            nodes,
            levels,
            node_size,
            leaves: count,
        };
        Some((index, at + len))
    }

    /// Node `i`: its box and its offset field.
    fn node(&self, i: usize) -> Option<([f64; 4], u64)> {
        parse_node(self.nodes.get(i.checked_mul(NODE)?..)?)
    }

    /// The features whose boxes meet `[min x, min y, max x, max y]`, in file order.
    pub(super) fn search(&self, bbox: [f64; 4]) -> Vec<Hit> {
        let total = self.levels.first().map_or(0, |l| l.end);
        let first_leaf = total - self.leaves;
        let mut hits = Vec::new();
        let mut queue = std::collections::VecDeque::from([(0usize, self.levels.len() - 1)]);
        while let Some((start, level)) = queue.pop_front() {
            let Some(bounds) = self.levels.get(level) else {
                continue;
            };
            let end = start.saturating_add(self.node_size).min(bounds.end);
            for pos in start..end {
                let Some((b, offset)) = self.node(pos) else {
                    break;
                };
                if !meets(&b, &bbox) {
                    continue;
                }
                if pos >= first_leaf {
                    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
                    hits.push(Hit {
                        index: pos - first_leaf,
                        offset,
                    });
                } else if level > 0 {
                    // A child must be on the next level down: anything else is damage.
                    let child = usize::try_from(offset).unwrap_or(usize::MAX);
                    if self.levels[level - 1].contains(&child) {
                        queue.push_back((child, level - 1));
                    }
                }
            }
        }
        hits.sort_unstable_by_key(|h| h.index);
        hits
    }
}

/// The node positions of each level of a tree of `count` leaves, leaves first (the root is the
/// last level, stored first in the file); `None` when the count of nodes overflows a `usize`
/// (a damaged header, on wasm32's 32 bits).
pub(super) fn levels(count: usize, node_size: usize) -> Option<Vec<Range<usize>>> {
    let mut per_level = vec![count];
    let mut n = count;
    while n > 1 || per_level.len() == 1 {
        n = n.div_ceil(node_size.max(2));
        per_level.push(n);
    }
    let total = per_level
        .iter()
        .try_fold(0usize, |t, &n| t.checked_add(n))?;
    let mut end = total;
    Some(
        per_level
            .iter()
            .map(|&size| {
                end -= size;
                end..end + size
            })
            .collect(),
    )
}

/// A node's box and offset field from its first 40 bytes; `None` when fewer are given.
pub(super) fn parse_node(b: &[u8]) -> Option<([f64; 4], u64)> {
    let b = b.get(..NODE)?;
    let f = |k: usize| f64::from_le_bytes(b[k * 8..k * 8 + 8].try_into().unwrap_or_default());
    let offset = u64::from_le_bytes(b[32..40].try_into().unwrap_or_default());
    Some(([f(0), f(1), f(2), f(3)], offset))
}

/// Whether box `b` meets box `q` (both `[min x, min y, max x, max y]`).
pub(super) fn meets(b: &[f64; 4], q: &[f64; 4]) -> bool {
    !(b[0] > q[2] || b[1] > q[3] || b[2] < q[0] || b[3] < q[1])
}
