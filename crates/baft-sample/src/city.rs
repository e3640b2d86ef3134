//! The synthetic city: an irregular street grid, blocks inset from the street centrelines by
//! half the street width, and plots subdividing each block.

use crate::rng::{hash01, Rng};

pub type P = (f64, f64);

/// How "old" (fine-grained, unreinforced, narrow lanes) the fabric is at a place, 0–1.
/// Peaks at the old village cores Qods grew from (Qal'eh Hasan Khan, Sorkh Hesar, Kavousieh).
pub fn oldness(x: f64, y: f64) -> f64 {
    let cores = [
        ((-600.0, 400.0), 650.0, 1.0),
        ((1250.0, -900.0), 480.0, 0.95),
        ((-1350.0, -1550.0), 420.0, 0.9),
        ((1700.0, 1900.0), 380.0, 0.8),
    ];
    let mut v: f64 = 0.0;
    for ((cx, cy), r, w) in cores {
        let d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        v = v.max(w * (-d2 / (2.0 * r * r)).exp());
    }
    let n = 0.12 * (hash01((x / 180.0) as i64, (y / 180.0) as i64, 7) - 0.5);
    (v + n).clamp(0.0, 1.0)
}

pub struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Node positions [i][j].
    pub nodes: Vec<Vec<P>>,
    /// Width of the vertical street segment on line i between rows j and j+1.
    pub v_width: Vec<Vec<f64>>,
    /// Width of the horizontal street segment on line j between columns i and i+1.
    pub h_width: Vec<Vec<f64>>,
    pub main_x: Vec<bool>,
    pub main_y: Vec<bool>,
}

fn lines(rng: &mut Rng, lo: f64, hi: f64, along_old: impl Fn(f64) -> f64) -> Vec<f64> {
    let mut v = vec![lo];
    let mut x = lo;
    while x < hi {
        let old = along_old(x);
        let step = (150.0 - 75.0 * old) * rng.range(0.8, 1.2);
        x += step;
        v.push(x);
    }
    v
}

/// The oldest fabric met along the vertical line at `x`, scaled down a little.
fn column_oldness(x: f64, half_h: f64) -> f64 {
    (0..7)
        .map(|k| oldness(x, -half_h + k as f64 * half_h / 3.0))
        .fold(0.0, f64::max)
        * 0.8
}

/// The oldest fabric met along the horizontal line at `y`, scaled down a little.
fn row_oldness(y: f64, half_w: f64) -> f64 {
    (0..7)
        .map(|k| oldness(-half_w + k as f64 * half_w / 3.0, y))
        .fold(0.0, f64::max)
        * 0.8
}

/// The jittered, gently warped street-grid nodes [i][j]; main axes are not jittered.
fn grid_nodes(xs: &[f64], ys: &[f64], main_x: &[bool], main_y: &[bool]) -> Vec<Vec<P>> {
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            ys.iter()
                .enumerate()
                .map(|(j, &y)| {
                    let jx = if main_x[i] {
                        0.0
                    } else {
                        14.0 * (hash01(i as i64, j as i64, 1) - 0.5)
                    };
                    let jy = if main_y[j] {
                        0.0
                    } else {
                        14.0 * (hash01(i as i64, j as i64, 2) - 0.5)
                    };
                    // A gentle warp so that no street is quite straight.
                    (
                        x + jx + 45.0 * (y / 850.0).sin(),
                        y + jy + 35.0 * (x / 700.0).sin(),
                    )
                })
                .collect()
        })
        .collect()
}

/// A street's width: 20 m on a main axis, otherwise narrower the older the fabric.
fn street_width(main: bool, old: f64, h: f64) -> f64 {
    if main {
        return 20.0;
    }
    let w = 12.0 - 8.5 * old + 3.0 * (h - 0.5);
    w.clamp(4.0, 14.0)
}

/// Widths of the street segments, street by street: the vertical streets' [i][j] between rows j
/// and j+1 (when `vertical`; `main` is then `main_x`), or the horizontal streets' [j][i] between
/// columns i and i+1 (`main` is `main_y`).
fn street_widths(
    nodes: &[Vec<P>],
    main: &[bool],
    (nx, ny): (usize, usize),
    vertical: bool,
) -> Vec<Vec<f64>> {
    let (streets, nodes_along) = if vertical { (nx, ny) } else { (ny, nx) };
    (0..streets)
        .map(|s| {
            (0..nodes_along - 1)
                .map(|k| {
                    // The segment's first node [i][j], the next node along the street, and the
                    // hash's salt (3 for vertical streets, 4 for horizontal ones).
                    let ((i, j), (i2, j2), salt) = if vertical {
                        ((s, k), (s, k + 1), 3)
                    } else {
                        ((k, s), (k + 1, s), 4)
                    };
                    let (a, b) = (nodes[i][j], nodes[i2][j2]);
                    street_width(
                        main[s],
                        oldness((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
                        hash01(i as i64, j as i64, salt),
                    )
                })
                .collect()
        })
        .collect()
}

impl Grid {
    pub fn new(rng: &mut Rng, half_w: f64, half_h: f64) -> Grid {
        let xs = lines(rng, -half_w, half_w, |x| column_oldness(x, half_h));
        let ys = lines(rng, -half_h, half_h, |y| row_oldness(y, half_w));
        let main_x: Vec<bool> = (0..xs.len()).map(|i| i % 7 == 3).collect();
        let main_y: Vec<bool> = (0..ys.len()).map(|j| j % 8 == 4).collect();
        let nodes = grid_nodes(&xs, &ys, &main_x, &main_y);
        let v_width = street_widths(&nodes, &main_x, (xs.len(), ys.len()), true);
        let h_width = street_widths(&nodes, &main_y, (xs.len(), ys.len()), false);
        Grid {
            xs,
            ys,
            nodes,
            v_width,
            h_width,
            main_x,
            main_y,
        }
    }

    /// The block in cell (i, j): the cell quad inset by half of each street's width,
    /// counter-clockwise from the south-west corner. Also the four edges' street widths
    /// (south, east, north, west) and whether each is a main axis.
    pub fn block(&self, i: usize, j: usize) -> ([P; 4], [f64; 4], [bool; 4]) {
        let q = [
            self.nodes[i][j],
            self.nodes[i + 1][j],
            self.nodes[i + 1][j + 1],
            self.nodes[i][j + 1],
        ];
        let w = [
            self.h_width[j][i],
            self.v_width[i + 1][j],
            self.h_width[j + 1][i],
            self.v_width[i][j],
        ];
        let main = [
            self.main_y[j],
            self.main_x[i + 1],
            self.main_y[j + 1],
            self.main_x[i],
        ];
        (inset(&q, &w.map(|x| x / 2.0)), w, main)
    }
}

/// Offsets each side of a convex counter-clockwise quad inwards by `d[k]`.
fn inset(q: &[P; 4], d: &[f64; 4]) -> [P; 4] {
    let line = |k: usize| {
        let (a, b) = (q[k], q[(k + 1) % 4]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        let n = (-dy / len, dx / len);
        ((a.0 + n.0 * d[k], a.1 + n.1 * d[k]), (dx, dy))
    };
    let mut out = [(0.0, 0.0); 4];
    #[allow(clippy::needless_range_loop)] // corner k meets sides k - 1 and k
    for k in 0..4 {
        let (p1, d1) = line((k + 3) % 4);
        let (p2, d2) = line(k);
        let den = d1.0 * d2.1 - d1.1 * d2.0;
        let t = ((p2.0 - p1.0) * d2.1 - (p2.1 - p1.1) * d2.0) / den;
        out[k] = (p1.0 + t * d1.0, p1.1 + t * d1.1);
    }
    out
}

pub fn area(r: &[P]) -> f64 {
    let n = r.len();
    (0..n)
        .map(|k| {
            let (a, b) = (r[k], r[(k + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

fn lerp(a: P, b: P, t: f64) -> P {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// Bilinear point in a quad given as (u0v0, u1v0, u1v1, u0v1).
fn bilinear(q: &[P; 4], u: f64, v: f64) -> P {
    lerp(lerp(q[0], q[1], u), lerp(q[3], q[2], u), v)
}

/// A plot generated inside a block.
pub struct Plot {
    pub ring: Vec<P>,
    pub area: f64,
    /// Width of the passage the plot is reached by (m).
    pub access_width: f64,
    pub on_main_axis: bool,
    pub structure: &'static str,
    pub floors: u32,
    pub built_year: i32,
    pub land_use: &'static str,
}

/// Straight-line distance between two points.
fn dist(a: P, b: P) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// The block's corners reordered so that u runs along its longer sides, and those sides' indices.
fn orient(block: &[P; 4]) -> ([P; 4], [usize; 2]) {
    // Orient so that u runs along the longer sides: sides 0 and 2 (south/north) or 1 and 3.
    let long_sn = dist(block[0], block[1]) + dist(block[3], block[2])
        >= dist(block[1], block[2]) + dist(block[0], block[3]);
    if long_sn {
        ([block[0], block[1], block[2], block[3]], [0usize, 2])
    } else {
        ([block[1], block[2], block[3], block[0]], [1usize, 3])
    }
}

/// The street side a row of plots fronts: the first and last rows do, inner rows don't.
fn row_side(row: usize, rows: usize, front: [usize; 2]) -> Option<usize> {
    if row == 0 {
        Some(front[0])
    } else if row == rows - 1 {
        Some(front[1])
    } else {
        None
    }
}

/// Cut positions 0..=1 along a row for `n` plots of randomly varied widths.
fn frontage_cuts(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut cuts: Vec<f64> = vec![0.0];
    let mut acc = 0.0;
    let ws: Vec<f64> = (0..n).map(|_| rng.range(0.7, 1.3)).collect();
    let total: f64 = ws.iter().sum();
    for w in &ws {
        acc += w / total;
        cuts.push(acc.min(1.0));
    }
    cuts
}

/// A plot on `ring` with random access, structure, floors, age and land use for its fabric.
fn make_plot(
    rng: &mut Rng,
    ring: Vec<P>,
    side: Option<usize>,
    widths: &[f64; 4],
    main: &[bool; 4],
    old: f64,
) -> Plot {
    let a = area(&ring).abs();
    let lane = side.is_none() || (old > 0.45 && rng.chance(old * 0.3));
    let access_width = match side {
        Some(s) if !lane => widths[s],
        _ => rng.range(2.5, 5.5),
    };
    let no_frame = rng.chance((0.08 + 0.85 * old).min(0.95));
    let structure = if no_frame {
        "unreinforced_masonry"
    } else if rng.chance(0.5) {
        "concrete_frame"
    } else {
        "steel_frame"
    };
    let floors = if no_frame {
        1 + rng.chance(0.4) as u32
    } else {
        2 + (rng.f() * 4.0) as u32
    };
    let built_year = if no_frame {
        1330 + (rng.f() * 45.0) as i32
    } else {
        1370 + (rng.f() * 30.0) as i32
    };
    let on_main_axis = side.is_some_and(|s| main[s]) && !lane;
    let land_use = if on_main_axis && rng.chance(0.5) {
        "commercial"
    } else if rng.chance(0.03) {
        "educational"
    } else {
        "residential"
    };
    Plot {
        ring,
        area: a,
        access_width,
        on_main_axis,
        structure,
        floors,
        built_year,
        land_use,
    }
}

/// Subdivides a block into two rows of plots along its longer direction.
pub fn plots(
    rng: &mut Rng,
    block: &[P; 4],
    widths: &[f64; 4],
    main: &[bool; 4],
    old: f64,
) -> Vec<Plot> {
    let (q, front) = orient(block);
    let long = (dist(q[0], q[1]) + dist(q[3], q[2])) / 2.0;
    let short = (dist(q[1], q[2]) + dist(q[0], q[3])) / 2.0;
    // Old fabric is shallow and deep blocks get inner rows reached by dead-end lanes.
    let depth = (30.0 - 15.0 * old) * rng.range(0.9, 1.15);
    let rows = ((short / depth).round() as usize).max(2);
    // Old fabric has narrow frontages; deep old blocks also have a dead-end lane (3–5 m).
    let frontage = (19.0 - 11.5 * old) * rng.range(0.85, 1.2);
    let mut out = Vec::new();
    for row in 0..rows {
        let side = row_side(row, rows, front);
        let n = ((long / frontage).round() as usize).max(1);
        let cuts = frontage_cuts(rng, n);
        let (v0, v1) = (row as f64 / rows as f64, (row + 1) as f64 / rows as f64);
        for k in 0..n {
            let (u0, u1) = (cuts[k], cuts[k + 1]);
            let ring = vec![
                bilinear(&q, u0, v0),
                bilinear(&q, u1, v0),
                bilinear(&q, u1, v1),
                bilinear(&q, u0, v1),
            ];
            out.push(make_plot(rng, ring, side, widths, main, old));
        }
    }
    out
}
