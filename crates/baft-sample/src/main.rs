//! `baft-sample`: writes Baft's synthetic sample data for Qods, deterministically.
//!
//! ```text
//! cargo run -p baft-sample --release -- data [tests/fixtures]   # the committed sample and test fixtures
//! cargo run -p baft-sample --release -- bench-layer 50000 /tmp/blocks-50k.geojson
//! cargo run -p baft-sample --release -- bench-parcels 200000 /tmp/parcels-200k.geojson
//! cargo run -p baft-sample --release -- national /tmp/lon-lat-data /tmp/national  # 30 cities
//! ```
//!
//! The city is synthetic: an irregular street grid about 5 × 6 km around Qods's centre
//! (35.7097 N, 51.1119 E), old cores where it grew from villages, plots subdividing every
//! block, and worn-out blocks chosen by the three national criteria measured on those plots.
//! It is NOT the official boundary; every file says so.

mod city;
mod national;
mod output;
mod rng;
mod social;
mod survey;

use baft_core::geometry::projection::TransverseMercator;
use city::{oldness, Grid, Plot, P};
use rng::Rng;
use std::path::Path;

pub const CENTER: (f64, f64) = (51.1119, 35.7097);

/// `x` to 0.1, as the parcel file writes areas and widths.
pub fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A generated block with its plots and the criteria measured on them.
pub struct Block {
    pub id: String,
    pub cell: (usize, usize),
    pub ring: [P; 4],
    pub plots: Vec<Plot>,
    pub fine_grain: f64,
    pub no_structure: f64,
    pub narrow_access: f64,
    pub neighbourhood: Option<usize>,
    /// Worn-out when the 1402 amendment was drawn, before the survey's later changes
    /// ([`survey::changes_since_1402`]).
    pub worn_out_1402: bool,
}

impl Block {
    pub fn worn_out(&self) -> bool {
        self.fine_grain > 0.5 && self.no_structure > 0.5 && self.narrow_access > 0.5
    }

    /// Measures the three criteria on the plots, as the parcel file gives them (0.1 m², 0.1 m;
    /// a building without a `structure` answer is left out of its share).
    pub fn measure(&mut self) {
        let n = self.plots.len() as f64;
        let share =
            |f: &dyn Fn(&Plot) -> bool| self.plots.iter().filter(|p| f(p)).count() as f64 / n;
        self.fine_grain = share(&|p| r1(p.area) < 200.0);
        self.narrow_access = share(&|p| r1(p.access_width) < 6.0);
        let answered = self
            .plots
            .iter()
            .filter(|p| !p.structure.is_empty())
            .count() as f64;
        let unstable = self
            .plots
            .iter()
            .filter(|p| p.structure == "unreinforced_masonry")
            .count() as f64;
        self.no_structure = if answered > 0.0 {
            unstable / answered
        } else {
            0.0
        };
    }

    /// Whether `baft designate` can judge it: enough plots, and half of them with an answer on
    /// the structure (the other facts are always surveyed in the sample).
    pub fn judged(&self) -> bool {
        let answered = self
            .plots
            .iter()
            .filter(|p| !p.structure.is_empty())
            .count();
        self.neighbourhood.is_some() && self.plots.len() >= 3 && 2 * answered >= self.plots.len()
    }
}

/// A target neighbourhood: a rectangle of grid cells.
pub struct Neighbourhood {
    pub id: String,
    pub name_fa: &'static str,
    pub name_en: &'static str,
    pub cells: (usize, usize, usize, usize),
}

const NAMES: [(&str, &str); 10] = [
    ("قلعه حسن‌خان", "Qal'eh Hasan Khan"),
    ("سرخ‌حصار", "Sorkh Hesar"),
    ("کاووسیه", "Kavousieh"),
    ("باغستان", "Baghestan"),
    ("چشمه", "Cheshmeh"),
    ("آسیاب", "Asiab"),
    ("کوچه‌باغ", "Koucheh Bagh"),
    ("بازارچه", "Bazarcheh"),
    ("حصار", "Hesar"),
    ("گلستان", "Golestan"),
];

pub struct City {
    pub grid: Grid,
    pub blocks: Vec<Block>,
    pub neighbourhoods: Vec<Neighbourhood>,
}

fn in_city(x: f64, y: f64) -> bool {
    let ang = y.atan2(x);
    let r = 1.0 + 0.07 * (3.0 * ang).sin() + 0.05 * (5.0 * ang + 1.0).cos();
    (x / 2500.0).abs().powf(2.5) + (y / 3000.0).abs().powf(2.5) <= r
}

pub fn build_city(seed: u64) -> City {
    let mut rng = Rng::new(seed);
    let grid = Grid::new(&mut rng, 2600.0, 3100.0);
    let (nx, ny) = (grid.xs.len() - 1, grid.ys.len() - 1);
    // Ten target neighbourhoods around the oldest cells, not overlapping.
    let mut cells: Vec<(usize, usize, f64)> = Vec::new();
    for i in 0..nx {
        for j in 0..ny {
            let c = grid.nodes[i][j];
            cells.push((i, j, oldness(c.0, c.1)));
        }
    }
    cells.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut neighbourhoods: Vec<Neighbourhood> = Vec::new();
    for &(i, j, _) in &cells {
        if neighbourhoods.len() == 10 {
            break;
        }
        let (w, h) = (4 + (rng.f() * 3.0) as usize, 4 + (rng.f() * 3.0) as usize);
        if i < 1 || j < 1 || i + w >= nx || j + h >= ny {
            continue;
        }
        let r = (i - w / 2, j - h / 2, i - w / 2 + w, j - h / 2 + h);
        let all_in = (r.0..r.2).all(|a| {
            (r.1..r.3).all(|b| {
                let c = grid.nodes[a][b];
                in_city(c.0, c.1)
            })
        });
        let clash = neighbourhoods
            .iter()
            .any(|n| r.0 <= n.cells.2 && n.cells.0 <= r.2 && r.1 <= n.cells.3 && n.cells.1 <= r.3);
        if all_in && !clash {
            let k = neighbourhoods.len();
            neighbourhoods.push(Neighbourhood {
                id: format!("TN-{:02}", k + 1),
                name_fa: NAMES[k].0,
                name_en: NAMES[k].1,
                cells: r,
            });
        }
    }
    let mut blocks = Vec::new();
    for i in 0..nx {
        for j in 0..ny {
            let (ring, widths, main) = grid.block(i, j);
            let c = ((ring[0].0 + ring[2].0) / 2.0, (ring[0].1 + ring[2].1) / 2.0);
            if !in_city(c.0, c.1) || city::area(&ring) < 400.0 {
                continue;
            }
            let old = oldness(c.0, c.1);
            let plots = city::plots(&mut rng, &ring, &widths, &main, old);
            let neighbourhood = neighbourhoods.iter().position(|nb| {
                i >= nb.cells.0 && i < nb.cells.2 && j >= nb.cells.1 && j < nb.cells.3
            });
            let mut b = Block {
                id: format!("QB-{:04}", blocks.len() + 1),
                cell: (i, j),
                ring,
                fine_grain: 0.0,
                no_structure: 0.0,
                narrow_access: 0.0,
                plots,
                neighbourhood,
                worn_out_1402: false,
            };
            b.measure();
            b.worn_out_1402 = b.worn_out();
            blocks.push(b);
        }
    }
    survey::changes_since_1402(&mut blocks);
    City {
        grid,
        blocks,
        neighbourhoods,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let frame = TransverseMercator::local(CENTER.0, CENTER.1);
    match args.first().map(String::as_str) {
        Some("bench-layer") => {
            let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50_000);
            let out = args.get(2).map(String::as_str).unwrap_or("blocks.geojson");
            let text = output::bench_layer(n, &frame);
            std::fs::write(out, text).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
            eprintln!("wrote {n} features to {out}");
        }
        Some("bench-parcels") => {
            let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50_000);
            let out = args.get(2).map(String::as_str).unwrap_or("parcels.geojson");
            std::fs::write(out, output::bench_parcels(n, &frame))
                .unwrap_or_else(|e| fail(&format!("{out}: {e}")));
            eprintln!("wrote {n} parcels to {out}");
        }
        Some("national") => {
            let (Some(input), Some(out)) = (args.get(1), args.get(2)) else {
                fail("usage: baft-sample national LON_LAT_DATA_DIR OUT_DIR")
            };
            match national::write(Path::new(input), Path::new(out)) {
                Ok(report) => eprintln!("{report}"),
                Err(e) => fail(&e),
            }
        }
        Some(dir) => {
            let city = build_city(1402);
            let fixtures = args.get(1).map(String::as_str).unwrap_or("tests/fixtures");
            let report = output::write_all(&city, &frame, Path::new(dir), Path::new(fixtures))
                .unwrap_or_else(|e| fail(&e.to_string()));
            eprintln!("{report}");
        }
        None => fail(
            "usage: baft-sample DATA_DIR [FIXTURES_DIR] | baft-sample bench-layer N OUT.geojson",
        ),
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("baft-sample: {msg}");
    std::process::exit(2)
}
