//! Counts the requests and bytes that one point takes when a FlatGeobuf parcel layer is read by
//! HTTP range requests, as the app reads it from a host that honours `Range`: the first 16 KB
//! (header and the index's top), the index levels below, and the features whose boxes hold the
//! point. The points are inside plots spread over the whole file; each is asked of a fresh
//! reader (a first visit), and the plot must be among the features read.
//!
//! `cargo run --release -p baft-core --example fgb_ranges -- FILE.fgb [POINTS]`
//! (`scripts/bench.sh` runs it on a generated 1,000,000-plot file.)
use baft_core::read::fgb::{FgbChunks, FgbRanges};
use std::io::{Read, Seek, SeekFrom};

fn main() {
    let path = std::env::args().nth(1).expect("a .fgb file");
    let points: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let bytes = std::fs::read(&path).expect("the file");
    let len = bytes.len() as u64;
    // Plots spread over the file, in file order (which is Hilbert order: over the whole city).
    let mut chunks = FgbChunks::new(&path, &bytes).expect("a FlatGeobuf file");
    let count = chunks.remaining();
    let every = (count / points).max(1);
    let mut targets = Vec::new();
    while chunks.remaining() > 0 {
        let raw = chunks.read_chunk(every).expect("readable");
        let Some(f) = raw.features.first() else { break };
        let ring = &f.polygons[0][0];
        let n = (ring.len() - 1) as f64;
        let x = ring[..ring.len() - 1].iter().map(|p| p.0).sum::<f64>() / n;
        let y = ring[..ring.len() - 1].iter().map(|p| p.1).sum::<f64>() / n;
        targets.push((f.index, x, y));
    }
    drop(bytes);
    let mut file = std::fs::File::open(&path).expect("the file");
    let mut get = |r: std::ops::Range<u64>| {
        let end = r.end.min(len);
        let mut buf = vec![0; (end - r.start) as usize];
        file.seek(SeekFrom::Start(r.start)).unwrap();
        file.read_exact(&mut buf).unwrap();
        buf
    };
    let (mut requests, mut sent, mut found) = (Vec::new(), Vec::new(), 0);
    for &(index, x, y) in &targets {
        let (mut n, mut b) = (1usize, 0u64);
        let first = get(0..FgbRanges::FIRST);
        b += first.len() as u64;
        let mut reader = FgbRanges::open(&path, &first, len)
            .expect("readable")
            .expect("the file has an index");
        let raw = reader
            .query([x, y, x, y], |r| {
                let got = get(r);
                n += 1;
                b += got.len() as u64;
                Ok(got)
            })
            .expect("readable");
        if raw.features.iter().any(|f| f.index == index) {
            found += 1;
        }
        requests.push(n);
        sent.push(b);
    }
    requests.sort_unstable();
    sent.sort_unstable();
    let median = |v: &[u64]| v[v.len() / 2];
    let kb = |b: u64| b as f64 / 1024.0;
    let r: Vec<u64> = requests.iter().map(|&n| n as u64).collect();
    println!(
        "{count} plots, {:.1} MB: one point inside a plot, {} points: requests median {}, max {}; \
         parcel-file bytes median {:.1} KB, max {:.1} KB; the plot read for {found} of {}",
        len as f64 / 1e6,
        targets.len(),
        median(&r),
        r[r.len() - 1],
        kb(median(&sent)),
        kb(sent[sent.len() - 1]),
        targets.len()
    );
}
