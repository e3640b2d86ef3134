//! Native benchmark: load + index, point checks and plot checks, on the sample data and on a
//! generated large layer. Run through `scripts/bench.sh` (which generates the large layer).
//!
//! BAFT_BENCH_LAYER=path/to/blocks.geojson cargo bench -p baft-core --bench point_check

use baft_core::dataset::Dataset;
use std::hint::black_box;
use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn f(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn bench(name: &str, load: impl Fn() -> Dataset) {
    let mut loads = Vec::new();
    let mut ds = None;
    for _ in 0..5 {
        let t = Instant::now();
        ds = Some(black_box(load()));
        loads.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let ds = ds.unwrap();
    let features: usize = ds.layers.iter().map(|l| l.zones.len()).sum();
    let [a, b, c, d] = ds.manifest.city.envelope;
    let mut rng = Rng(42);
    let n = 200_000;
    let pts: Vec<(f64, f64)> = (0..n)
        .map(|_| (a + (c - a) * rng.f(), b + (d - b) * rng.f()))
        .collect();
    let mut runs = Vec::new();
    let mut inside = 0;
    for _ in 0..5 {
        let t = Instant::now();
        for &p in &pts {
            let r = ds.check_point(p);
            inside += r.layers[0].status.is_inside() as usize;
        }
        runs.push(t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
    let plots: Vec<Vec<(f64, f64)>> = (0..2000)
        .map(|_| {
            let (x, y) = (a + (c - a) * rng.f(), b + (d - b) * rng.f());
            let (w, h) = (0.0001 + 0.0003 * rng.f(), 0.0001 + 0.0003 * rng.f());
            vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
        })
        .collect();
    let t = Instant::now();
    for p in &plots {
        black_box(ds.check_plot(std::slice::from_ref(p)).ok());
    }
    let plot_us = t.elapsed().as_secs_f64() * 1e6 / plots.len() as f64;
    println!(
        "native | {name} | {features} features | load+index {:.1} ms | point check {:.2} µs (all layers) | plot check {:.1} µs | ({} inside)",
        median(loads),
        median(runs),
        plot_us,
        inside / 5
    );
}

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let data = root.join("data");
    let manifest = std::fs::read_to_string(data.join("manifest.json")).expect("data/manifest.json");
    bench("sample data (4 layers)", || {
        Dataset::load(&manifest, |rel| {
            Ok(std::fs::read_to_string(data.join(rel)).unwrap())
        })
        .unwrap()
        .0
    });
    if let Ok(path) = std::env::var("BAFT_BENCH_LAYER") {
        let text = std::fs::read_to_string(&path).expect("BAFT_BENCH_LAYER");
        bench(
            &format!("generated layer ({:.1} MB)", text.len() as f64 / 1e6),
            || Dataset::from_single_file("bench", &text).unwrap(),
        );
    } else {
        println!("(set BAFT_BENCH_LAYER to a generated layer for the large-layer figures; scripts/bench.sh does)");
    }
}
