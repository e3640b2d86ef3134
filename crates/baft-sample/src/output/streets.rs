//! The reference layer of streets and squares, with names in both languages: what owners know
//! their plot by, drawn under the zones and searched by name.
//!
//! Streets run along the grid's lines wherever a block borders them. Main axes are boulevards
//! with well-known names; the other north–south lines are named streets, and the east–west lines
//! numbered alleys, as Iranian addresses go ("خیابان گلستان، کوچهٔ ۱۲"). Squares stand where two
//! main axes cross inside the city.

use super::*;
use serde_json::json;
use std::collections::HashSet;

const BOULEVARDS: [(&str, &str); 14] = [
    ("بلوار انقلاب", "Enghelab Boulevard"),
    ("بلوار آزادی", "Azadi Boulevard"),
    ("بلوار امام خمینی", "Imam Khomeini Boulevard"),
    ("بلوار شهید بهشتی", "Shahid Beheshti Boulevard"),
    ("بلوار ولیعصر", "Valiasr Boulevard"),
    ("بلوار طالقانی", "Taleghani Boulevard"),
    ("بلوار فردوسی", "Ferdowsi Boulevard"),
    ("بلوار شریعتی", "Shariati Boulevard"),
    ("بلوار کشاورز", "Keshavarz Boulevard"),
    ("بلوار مطهری", "Motahari Boulevard"),
    ("بلوار جمهوری", "Jomhouri Boulevard"),
    ("بلوار استقلال", "Esteghlal Boulevard"),
    ("بلوار پاسداران", "Pasdaran Boulevard"),
    ("بلوار نبوت", "Nabovvat Boulevard"),
];

const STREETS: [(&str, &str); 24] = [
    ("گلستان", "Golestan"),
    ("بهار", "Bahar"),
    ("لاله", "Laleh"),
    ("نسترن", "Nastaran"),
    ("یاس", "Yas"),
    ("سرو", "Sarv"),
    ("صنوبر", "Sanobar"),
    ("اقاقیا", "Aghaghia"),
    ("نرگس", "Narges"),
    ("شقایق", "Shaghayegh"),
    ("بنفشه", "Banafsheh"),
    ("مریم", "Maryam"),
    ("ارغوان", "Arghavan"),
    ("کاج", "Kaj"),
    ("چنار", "Chenar"),
    ("بید", "Bid"),
    ("افرا", "Afra"),
    ("شمشاد", "Shemshad"),
    ("نیلوفر", "Niloufar"),
    ("یاسمن", "Yasaman"),
    ("سپیدار", "Sepidar"),
    ("سوسن", "Sousan"),
    ("زنبق", "Zanbagh"),
    ("میخک", "Mikhak"),
];

const SQUARES: [(&str, &str); 4] = [
    ("میدان امام حسین", "Imam Hossein Square"),
    ("میدان شهدا", "Shohada Square"),
    ("میدان بسیج", "Basij Square"),
    ("میدان قدس", "Qods Square"),
];

fn line_lonlat(points: &[P], frame: &TransverseMercator) -> Vec<[f64; 2]> {
    points
        .iter()
        .map(|&(x, y)| {
            let (lon, lat) = frame.inverse(x, y);
            [(lon * 1e7).round() / 1e7, (lat * 1e7).round() / 1e7]
        })
        .collect()
}

/// Runs of consecutive `true` in `on`, as index ranges over the nodes (a segment k joins nodes
/// k and k + 1).
fn runs(on: &[bool]) -> Vec<std::ops::RangeInclusive<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, &x) in on.iter().chain(std::iter::once(&false)).enumerate() {
        match (x, start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                out.push(s..=k);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn street(name: (String, String), kind: &str, lines: Vec<Vec<[f64; 2]>>) -> Value {
    json!({
        "type": "Feature",
        "properties": {"name": name.0, "name_en": name.1, "kind": kind},
        "geometry": {"type": "MultiLineString", "coordinates": lines},
    })
}

/// Names the streets in turn: main axes from [`BOULEVARDS`], north–south lines from [`STREETS`]
/// while they last, the rest numbered alleys.
#[derive(Default)]
struct Namer {
    boulevards: usize,
    streets: usize,
    alleys: usize,
}

impl Namer {
    fn next(&mut self, main: bool, named: bool) -> ((String, String), &'static str) {
        if main {
            self.boulevards += 1;
            let (fa, en) = BOULEVARDS[(self.boulevards - 1) % BOULEVARDS.len()];
            ((fa.into(), en.into()), "boulevard")
        } else if named && self.streets < STREETS.len() {
            self.streets += 1;
            let (fa, en) = STREETS[self.streets - 1];
            ((format!("خیابان {fa}"), format!("{en} Street")), "street")
        } else {
            self.alleys += 1;
            let n = baft_core::base::digits::to_persian_digits(&self.alleys.to_string());
            (
                (format!("کوچهٔ {n}"), format!("Alley {}", self.alleys)),
                "alley",
            )
        }
    }
}

/// A grid line's street: its name (Persian, English), its kind and its runs of segments.
type Named = (
    (String, String),
    &'static str,
    Vec<std::ops::RangeInclusive<usize>>,
);

/// The named grid lines, north–south (by i) then east–west (by j), named in that order; `None`
/// where no block borders the line.
fn named_lines(city: &City) -> (Vec<Option<Named>>, Vec<Option<Named>>) {
    let g = &city.grid;
    let cells: HashSet<(usize, usize)> = city.blocks.iter().map(|b| b.cell).collect();
    let has = |i: Option<usize>, j: usize| i.is_some_and(|i| cells.contains(&(i, j)));
    let (nx, ny) = (g.xs.len(), g.ys.len());
    let mut names = Namer::default();
    // A line named (in the order asked) where some block borders it: `on`, segment by segment.
    let mut named = |on: Vec<bool>, main: bool, north_south: bool| {
        let r = runs(&on);
        (!r.is_empty()).then(|| {
            let (name, kind) = names.next(main, north_south);
            (name, kind, r)
        })
    };
    // North–south lines: segment j of line i borders cells (i - 1, j) and (i, j).
    let ns = (0..nx)
        .map(|i| {
            let on = (0..ny - 1).map(|j| has(i.checked_sub(1), j) || has(Some(i), j));
            named(on.collect(), g.main_x[i], true)
        })
        .collect();
    // East–west lines: segment i of line j borders cells (i, j - 1) and (i, j).
    let ew = (0..ny)
        .map(|j| {
            let on = (0..nx - 1).map(|i| has(Some(i), j) || (j > 0 && has(Some(i), j - 1)));
            named(on.collect(), g.main_y[j], false)
        })
        .collect();
    (ns, ew)
}

/// A plot's address: the street it fronts and its house number (پلاک ساختمان).
pub(super) struct Address {
    pub street: (String, String),
    pub number: u32,
}

/// Distance from `p` to the segment `a`–`b`.
fn to_segment(p: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Every plot's address, `[block][plot]`: the plot fronts the side of its block nearest its
/// centre, and is numbered along that street from its south or west end, odd numbers on one
/// side and even on the other, as Iranian streets are.
pub(super) fn addresses(city: &City) -> Vec<Vec<Address>> {
    let g = &city.grid;
    let (ns, ew) = named_lines(city);
    // (vertical, line, side, position along, block, plot) for every plot.
    let mut fronts = Vec::new();
    for (bk, b) in city.blocks.iter().enumerate() {
        let (i, j) = b.cell;
        let sides = [
            (true, i, 1, g.nodes[i][j], g.nodes[i][j + 1]),
            (true, i + 1, 0, g.nodes[i + 1][j], g.nodes[i + 1][j + 1]),
            (false, j, 1, g.nodes[i][j], g.nodes[i + 1][j]),
            (false, j + 1, 0, g.nodes[i][j + 1], g.nodes[i + 1][j + 1]),
        ];
        for (pk, p) in b.plots.iter().enumerate() {
            let c = super::centroid(&p.ring);
            let near = sides
                .iter()
                .filter(|s| {
                    if s.0 {
                        ns[s.1].is_some()
                    } else {
                        ew[s.1].is_some()
                    }
                })
                .min_by(|a, b| to_segment(c, a.3, a.4).total_cmp(&to_segment(c, b.3, b.4)));
            let &(vertical, line, side, _, _) = near.unwrap_or(&sides[0]);
            let along = if vertical { c.1 } else { c.0 };
            fronts.push((vertical, line, side, along, bk, pk));
        }
    }
    fronts.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then(a.3.total_cmp(&b.3))
    });
    let mut out: Vec<Vec<Address>> = city.blocks.iter().map(|_| Vec::new()).collect();
    let mut placed: Vec<(usize, usize, Address)> = Vec::new();
    let mut count = 0;
    for (k, f) in fronts.iter().enumerate() {
        let same = k > 0 && (fronts[k - 1].0, fronts[k - 1].1, fronts[k - 1].2) == (f.0, f.1, f.2);
        count = if same { count + 1 } else { 0 };
        let line = if f.0 { &ns[f.1] } else { &ew[f.1] };
        let street = line.as_ref().map(|l| l.0.clone()).unwrap_or_default();
        let number = 2 * count as u32 + 1 + f.2 as u32;
        placed.push((f.4, f.5, Address { street, number }));
    }
    placed.sort_by_key(|p| (p.0, p.1));
    for (bk, _, a) in placed {
        out[bk].push(a);
    }
    out
}

/// The streets and squares of the sample city, as GeoJSON text.
pub(super) fn streets_layer(city: &City, frame: &TransverseMercator) -> String {
    let g = &city.grid;
    let cells: HashSet<(usize, usize)> = city.blocks.iter().map(|b| b.cell).collect();
    let has = |i: Option<usize>, j: usize| i.is_some_and(|i| cells.contains(&(i, j)));
    let (nx, ny) = (g.xs.len(), g.ys.len());
    let mut feats = Vec::new();
    let (ns, ew) = named_lines(city);
    for (i, l) in ns.into_iter().enumerate() {
        let Some((name, kind, r)) = l else { continue };
        let lines = r
            .into_iter()
            .map(|r| line_lonlat(&g.nodes[i][r], frame))
            .collect();
        feats.push(street(name, kind, lines));
    }
    for (j, l) in ew.into_iter().enumerate() {
        let Some((name, kind, r)) = l else { continue };
        let lines = r
            .into_iter()
            .map(|r| {
                let pts: Vec<P> = r.map(|i| g.nodes[i][j]).collect();
                line_lonlat(&pts, frame)
            })
            .collect();
        feats.push(street(name, kind, lines));
    }
    // Squares where two main axes cross between blocks.
    let mut squares = 0;
    for i in (0..nx).filter(|&i| g.main_x[i]) {
        for j in (0..ny).filter(|&j| g.main_y[j]) {
            let near = has(i.checked_sub(1), j) && has(Some(i), j.saturating_sub(1));
            if !near || squares == SQUARES.len() {
                continue;
            }
            let (fa, en) = SQUARES[squares];
            squares += 1;
            let p = line_lonlat(&[g.nodes[i][j]], frame)[0];
            feats.push(json!({
                "type": "Feature",
                "properties": {"name": fa, "name_en": en, "kind": "square"},
                "geometry": {"type": "Point", "coordinates": p},
            }));
        }
    }
    let feats: Vec<String> = feats.iter().map(Value::to_string).collect();
    collection("streets", &format!("\"notice\":\"{NOTICE}\","), &feats)
}
