//! Heap use while loading a data folder: the peak (what wasm's linear memory grows to, since it
//! never shrinks) and what stays allocated afterwards, with the load time.
//!
//! ```sh
//! cargo run --release -p baft-core --example load_memory -- target/vs-turf/data-50000
//! ```
use baft_core::dataset::Dataset;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let n = NOW.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(n, Relaxed);
        NOW.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a data folder"));
    let mb = |b: usize| b as f64 / 1048576.0;
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let base = NOW.load(Relaxed);
    PEAK.store(base, Relaxed);
    let mut read = 0;
    let t = std::time::Instant::now();
    // Each file's bytes are in memory while it is parsed, as in wasm (where they are copied in).
    let (ds, _) = Dataset::load_bytes(&manifest, |rel| {
        let b = std::fs::read(dir.join(rel)).map_err(|e| baft_core::BaftError::io(rel, &e))?;
        read += b.len();
        Ok(b)
    })
    .unwrap();
    let el = t.elapsed();
    println!(
        "files {:.1} MB; load {:?}; heap peak {:.1} MB; kept {:.1} MB; {} parcels",
        mb(read),
        el,
        mb(PEAK.load(Relaxed) - base),
        mb(NOW.load(Relaxed) - base),
        ds.parcels.as_ref().map_or(0, |p| p.len())
    );
}
