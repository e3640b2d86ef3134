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

/// The streets and squares of the sample city, as GeoJSON text.
pub(super) fn streets_layer(city: &City, frame: &TransverseMercator) -> String {
    let g = &city.grid;
    let cells: HashSet<(usize, usize)> = city.blocks.iter().map(|b| b.cell).collect();
    let has = |i: Option<usize>, j: usize| i.is_some_and(|i| cells.contains(&(i, j)));
    let (nx, ny) = (g.xs.len(), g.ys.len());
    let mut feats = Vec::new();
    let mut names = Namer::default();
    // North–south lines: segment j of line i borders cells (i - 1, j) and (i, j).
    for i in 0..nx {
        let on: Vec<bool> = (0..ny - 1)
            .map(|j| has(i.checked_sub(1), j) || has(Some(i), j))
            .collect();
        let lines: Vec<Vec<[f64; 2]>> = runs(&on)
            .into_iter()
            .map(|r| line_lonlat(&g.nodes[i][r], frame))
            .collect();
        if !lines.is_empty() {
            let (name, kind) = names.next(g.main_x[i], true);
            feats.push(street(name, kind, lines));
        }
    }
    // East–west lines: segment i of line j borders cells (i, j - 1) and (i, j).
    for j in 0..ny {
        let on: Vec<bool> = (0..nx - 1)
            .map(|i| has(Some(i), j) || (j > 0 && has(Some(i), j - 1)))
            .collect();
        let lines: Vec<Vec<[f64; 2]>> = runs(&on)
            .into_iter()
            .map(|r| {
                let pts: Vec<P> = r.map(|i| g.nodes[i][j]).collect();
                line_lonlat(&pts, frame)
            })
            .collect();
        if !lines.is_empty() {
            let (name, kind) = names.next(g.main_y[j], false);
            feats.push(street(name, kind, lines));
        }
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
