//! The printable dossier for the Article 5 Commission: one self-contained HTML file (A4 or A3,
//! Persian first and English second) with the thresholds used, the counts, a map of each
//! criterion and of the proposal against the approved boundary, the criteria's distributions,
//! the changes and a table per block, and the SHA-256 of the data it was computed from.

use super::charts::{block_map, extent, histogram, share_colour};
use super::{BlockStatus, ChangeKind, Criterion, Designation};
use crate::base::digits::to_persian_digits as fa;
use crate::base::LocalText;
use crate::layer::Layer;
use crate::Lang;
use plotters::style::RGBColor;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fmt::Write;

/// The paper the dossier is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 297 × 420 mm (the Commission's map sheets).
    A3,
}

/// What the dossier says about where its figures came from.
#[derive(Debug, Clone)]
pub struct DossierFacts {
    /// The city's name.
    pub city: LocalText,
    /// The data release.
    pub data_version: String,
    /// The day it was made: Jalali and ISO.
    pub date: (String, String),
    /// Each input file and its SHA-256 (hex), from [`sha256_hex`].
    pub files: Vec<(String, String)>,
    /// The paper.
    pub paper: Paper,
}

/// The SHA-256 of `bytes`, 64 hex digits (what `sha256sum` prints).
///
/// ```
/// let h = baft_core::designate::dossier::sha256_hex(b"abc");
/// assert!(h.starts_with("ba7816bf8f01cfea"));
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn pct(x: Option<f64>) -> String {
    x.map(|x| fa(&format!("{:.1}", x * 100.0)))
        .unwrap_or_else(|| "—".into())
}

fn name(c: Criterion) -> (&'static str, &'static str) {
    match c {
        Criterion::FineGrain => ("ریزدانگی", "fine grain"),
        Criterion::Instability => ("ناپایداری", "instability"),
        Criterion::Impermeability => ("نفوذناپذیری", "impermeability"),
    }
}

fn names(v: &[Criterion]) -> String {
    v.iter().map(|c| name(*c).0).collect::<Vec<_>>().join("، ")
}

fn change_words(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Add => "افزودن / add",
        ChangeKind::Remove => "حذف / remove",
        ChangeKind::Keep => "می‌ماند / keep",
        ChangeKind::KeepUnjudged => "می‌ماند، دادهٔ ناکافی / kept, insufficient data",
        ChangeKind::None => "—",
    }
}

fn status_words(s: BlockStatus) -> &'static str {
    match s {
        BlockStatus::Qualifies => "واجد شرایط / qualifies",
        BlockStatus::DoesNotQualify => "فاقد شرایط / does not",
        BlockStatus::InsufficientData => "دادهٔ ناکافی / insufficient",
    }
}

/// The thresholds used, as a table.
fn thresholds(d: &Designation) -> String {
    let s = &d.settings;
    let (rule, rule_en) = match s.fine_grain.rule {
        super::FineGrainRule::Count => ("به شمار پلاک‌ها", "by count"),
        super::FineGrainRule::Area => ("به مساحت پلاک‌ها", "by area"),
    };
    // A field's name and values are the data's own words: isolated, so the right-to-left
    // sentence does not reorder them; the English beside each.
    let field = |f: &str| format!("«<bdi>{}</bdi>»", esc(f));
    let row = |c: Criterion, what: String, share: f64| {
        let (f, e) = name(c);
        let q = if s.qualify.contains(&c) { "✓" } else { "—" };
        format!(
            "<tr><th>{f} <span class=en>{e}</span></th><td>{what}</td><td>&gt; {}٪</td><td>{q}</td></tr>",
            fa(&format!("{:.0}", share * 100.0))
        )
    };
    format!(
        "<table><caption>آستانه‌ها <span class=en>Thresholds</span></caption>\
         <tr><th>معیار / criterion</th><th>سنجه / measure</th><th>سهم / share</th><th>در قاعده / in rule</th></tr>{}{}{}</table>\
         <p>پوشش لازم برداشت: {}٪ پلاک‌ها برای هر معیار، و دست‌کم {} پلاک در بلوک. <span class=en>Survey coverage needed: {}% of plots per criterion, and at least {} plots a block.</span></p>",
        row(Criterion::FineGrain, format!("{} &lt; {} متر مربع، {rule} <span class=en>{} &lt; {} m², {rule_en}</span>", field(&s.fine_grain.field), fa(&s.fine_grain.max_area_m2.to_string()), esc(&s.fine_grain.field), s.fine_grain.max_area_m2), s.fine_grain.share),
        row(Criterion::Instability, format!("{} یکی از <bdi>{}</bdi> <span class=en>{} is one of {}</span>", field(&s.instability.field), esc(&s.instability.values.join(", ")), esc(&s.instability.field), esc(&s.instability.values.join(", "))), s.instability.share),
        row(Criterion::Impermeability, format!("{} &lt; {} متر <span class=en>{} &lt; {} m</span>", field(&s.impermeability.field), fa(&s.impermeability.max_width_m.to_string()), esc(&s.impermeability.field), s.impermeability.max_width_m), s.impermeability.share),
        fa(&format!("{:.0}", s.min_coverage * 100.0)),
        fa(&s.min_plots.to_string()),
        s.min_coverage * 100.0,
        s.min_plots,
    )
}

/// The maps: each criterion's share on the judged blocks, and the proposal.
fn maps(d: &Designation, blocks: &Layer) -> String {
    let judged: HashSet<&str> = d
        .blocks
        .iter()
        .filter(|b| b.plots > 0)
        .map(|b| b.block_id.as_str())
        .collect();
    let approved: HashSet<&str> = d
        .proposal
        .iter()
        .flat_map(|p| {
            p.blocks
                .iter()
                .filter(|b| b.approved)
                .map(|b| b.block_id.as_str())
        })
        .collect();
    let shown: HashSet<&str> = judged.union(&approved).copied().collect();
    let Some(bbox) = extent(blocks, &shown) else {
        return String::new();
    };
    let figures: std::collections::HashMap<&str, &super::BlockFigures> =
        d.blocks.iter().map(|b| (b.block_id.as_str(), b)).collect();
    let by_id = |id: &str| figures.get(id).copied();
    let grey = RGBColor(224, 224, 224);
    let mut out = String::new();
    for c in super::Criterion::ALL {
        let t = match c {
            Criterion::FineGrain => d.settings.fine_grain.share,
            Criterion::Instability => d.settings.instability.share,
            Criterion::Impermeability => d.settings.impermeability.share,
        };
        let fill = |id: &str| match by_id(id).and_then(|b| b.share(c).filter(|_| b.plots > 0)) {
            Some(x) => Some(share_colour(x, t)),
            None => Some(grey),
        };
        let (f, e) = name(c);
        out += &format!(
            "<figure>{}</figure>",
            block_map(&format!("{f} / {e}"), blocks, bbox, &fill, &approved)
        );
    }
    if let Some(p) = &d.proposal {
        let changes = p.by_block();
        let fill = |id: &str| {
            let b = changes.get(id)?;
            Some(match b.change {
                ChangeKind::Add => RGBColor(33, 102, 172),
                ChangeKind::Remove => RGBColor(215, 48, 39),
                ChangeKind::Keep => RGBColor(26, 152, 80),
                ChangeKind::KeepUnjudged => RGBColor(166, 217, 106),
                ChangeKind::None => grey,
            })
        };
        out += &format!(
            "<figure>{}<figcaption>سبز: می‌ماند؛ آبی: افزودن؛ قرمز: حذف؛ سبز روشن: دادهٔ ناکافی، می‌ماند؛ خط سیاه: مرز مصوب. <span class=en>Green: kept; blue: add; red: remove; light green: kept, insufficient data; black outline: the approved boundary.</span></figcaption></figure>",
            block_map("پیشنهاد در برابر مرز مصوب / proposal against the approved boundary", blocks, bbox, &fill, &approved)
        );
    }
    out
}

/// The criteria's distributions over the judged blocks.
fn charts(d: &Designation) -> String {
    let judged: Vec<_> = d
        .blocks
        .iter()
        .filter(|b| b.status != BlockStatus::InsufficientData)
        .collect();
    Criterion::ALL
        .into_iter()
        .map(|c| {
            let t = match c {
                Criterion::FineGrain => d.settings.fine_grain.share,
                Criterion::Instability => d.settings.instability.share,
                Criterion::Impermeability => d.settings.impermeability.share,
            };
            let shares: Vec<f64> = judged.iter().filter_map(|b| b.share(c)).collect();
            let (f, e) = name(c);
            format!(
                "<figure>{}</figure>",
                histogram(
                    &format!("{f} / {e}"),
                    "سهم / share",
                    "بلوک / blocks",
                    &shares,
                    t
                )
            )
        })
        .collect()
}

/// Persian digits for a count.
fn n(k: usize) -> String {
    fa(&k.to_string())
}

/// The document's head: title and print styles for the paper.
fn head(f: &DossierFacts) -> String {
    let page = match f.paper {
        Paper::A4 => "A4",
        Paper::A3 => "A3",
    };
    format!(
        "<!doctype html><html lang=fa dir=rtl><head><meta charset=utf-8><title>پرونده پیشنهاد محدودهٔ بافت فرسوده — {city}</title><style>\
         @page {{ size: {page}; margin: 14mm; }} body {{ font-family: Vazirmatn, Tahoma, sans-serif; font-size: 10.5pt; line-height: 1.6; color: #111; }}\
         .en {{ direction: ltr; unicode-bidi: isolate; color: #444; font-size: .9em; }} p > .en, figcaption > .en {{ display: block; text-align: left; }} h1, h2 {{ margin: .4em 0; }} h2 {{ break-before: page; }} h2.first {{ break-before: auto; }}\
         table {{ border-collapse: collapse; margin: .5em 0; }} th, td {{ border: 1px solid #999; padding: .1em .4em; text-align: start; }} caption {{ font-weight: 700; text-align: start; }}\
         figure {{ margin: .5em 0; break-inside: avoid; }} figure svg {{ max-width: 100%; height: auto; }} .hash {{ font-family: monospace; direction: ltr; unicode-bidi: isolate; font-size: 8pt; }}\
         .grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(80mm, 1fr)); gap: 4mm; }} tr {{ break-inside: avoid; }}</style></head><body>",
        city = esc(&f.city.fa)
    )
}

/// The title, the date and data release, and the count of blocks by status.
fn summary(d: &Designation, f: &DossierFacts) -> String {
    format!(
        "<h1>پرونده پیشنهاد اصلاح محدودهٔ بافت فرسوده، {city}<br><span class=en>Worn-out fabric boundary amendment dossier, {city_en}</span></h1>\
         <p>برای کمیسیون مادهٔ ۵. تاریخ: {date_fa} (<bdi dir=ltr>{date_iso_fa}</bdi>)؛ داده‌ها: <span class=hash>{ver}</span> <span class=en>For the Article 5 Commission. Date: {date_en}; data: {ver}.</span></p>\
         <h2 class=first>خلاصه <span class=en>Summary</span></h2>{counts}",
        city = esc(&f.city.fa),
        city_en = esc(&f.city.en),
        date_fa = fa(&f.date.0),
        date_iso_fa = fa(&esc(&f.date.1)),
        date_en = esc(&f.date.1),
        ver = esc(&f.data_version),
        counts = sentences(d, 0..1),
    )
}

/// The core's summary sentences in `range` ([`super::summary`]), Persian then English, in one
/// paragraph: the dossier says what `baft designate` and the staff page say.
fn sentences(d: &Designation, range: std::ops::Range<usize>) -> String {
    let say = |lang| {
        let all = super::summary(d, lang);
        let end = range.end.min(all.len());
        esc(&all[range.start.min(end)..end].join(" "))
    };
    format!(
        "<p>{} <span class=en>{}</span></p>",
        say(Lang::Fa),
        say(Lang::En)
    )
}

/// The proposal against the approved version: areas, counts, and a row per block added or
/// removed; empty without a proposal.
fn changes(d: &Designation) -> String {
    let Some(p) = &d.proposal else {
        return String::new();
    };
    let mut h = sentences(d, 1..usize::MAX);
    h += "<table><caption>تغییرها <span class=en>Changes</span></caption><tr><th>بلوک / block</th><th>تغییر / change</th><th>هکتار / ha</th><th>پلاک / plots</th><th>معیار تعیین‌کننده / deciding</th></tr>";
    for b in p
        .blocks
        .iter()
        .filter(|b| matches!(b.change, ChangeKind::Add | ChangeKind::Remove))
    {
        let _ = write!(
            h,
            "<tr><td class=hash>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&b.block_id),
            change_words(b.change),
            fa(&format!("{:.2}", b.area_ha)),
            n(b.plots),
            names(&b.deciding)
        );
    }
    h + "</table>"
}

/// A row per block with surveyed plots: its shares, status and change.
fn blocks_table(d: &Designation) -> String {
    let mut h = String::from("<h2>جدول بلوک‌ها <span class=en>Blocks</span></h2><table><tr><th>بلوک / block</th><th>پلاک / plots</th><th>برداشت کامل / surveyed</th><th>ریزدانگی٪</th><th>ناپایداری٪</th><th>نفوذناپذیری٪</th><th>وضعیت / status</th><th>تغییر / change</th></tr>");
    let changes = d
        .proposal
        .as_ref()
        .map(|p| p.by_block())
        .unwrap_or_default();
    for b in d.blocks.iter().filter(|b| b.plots > 0) {
        let change = (changes.get(b.block_id.as_str())).map_or("—", |c| change_words(c.change));
        let _ = write!(h, "<tr><td class=hash>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", esc(&b.block_id), n(b.plots), n(b.surveyed), pct(b.fine_grain_share), pct(b.no_structure_share), pct(b.narrow_access_share), status_words(b.status), change);
    }
    let unsurveyed = d.blocks.iter().filter(|b| b.plots == 0).count();
    let _ = write!(h, "</table><p>{} بلوک بی‌پلاکِ برداشت‌شده در جدول نیامده است. <span class=en>{unsurveyed} blocks without surveyed plots are left out of the table.</span></p>", n(unsurveyed));
    h
}

/// Each input file with its SHA-256, and how to check them.
fn data_files(f: &DossierFacts) -> String {
    let mut h = String::from(
        "<h2>داده‌ها <span class=en>The data</span></h2><table><caption>SHA-256</caption>",
    );
    for (file, hash) in &f.files {
        let _ = write!(
            h,
            "<tr><th class=hash>{}</th><td class=hash>{}</td></tr>",
            esc(file),
            esc(hash)
        );
    }
    h + "</table><p>با <span class=hash>sha256sum</span> روی همین فایل‌ها بسنجید. <span class=en>Check with sha256sum on the same files.</span></p>"
}

/// The whole dossier, as one HTML document (inline SVG, no external file).
pub fn dossier_html(d: &Designation, blocks: &Layer, f: &DossierFacts) -> String {
    let mut h = head(f) + &summary(d, f) + &changes(d) + &thresholds(d);
    let _ = write!(
        h,
        "<h2>نقشه‌ها <span class=en>Maps</span></h2><div class=grid>{}</div>",
        maps(d, blocks)
    );
    let _ = write!(h, "<h2>توزیع معیارها <span class=en>The criteria's distributions</span></h2><p>بلوک‌های سنجیده‌شده؛ ستون‌های قرمز بالای آستانه‌اند. <span class=en>Judged blocks; red bars are above the threshold.</span></p><div class=grid>{}</div>", charts(d));
    h + &blocks_table(d) + &data_files(f) + "</body></html>"
}
