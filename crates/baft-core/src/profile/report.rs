//! The neighbourhood profile as one self-contained, printable HTML page (A4, Persian first and
//! English second), its charts and map drawn with `plotters` like the Commission's dossier.

use super::{CandidateKind, Distribution, NeighbourhoodProfile};
use crate::base::digits::to_persian_digits as fa;
use crate::designate::charts::{bars, block_map};
use crate::designate::dossier::esc;
use crate::layer::Layer;
use crate::read::manifest::FineGrainRule;
use plotters::style::RGBColor;
use std::collections::HashSet;
use std::fmt::Write;

/// A figure with one decimal, Persian digits.
fn f1(x: f64) -> String {
    fa(&format!("{x:.1}"))
}

/// The words of a survey value, Persian / English (the value itself when unknown).
fn value_words(v: &str) -> String {
    let w = match v {
        "residential" => "مسکونی / residential",
        "commercial" => "تجاری / commercial",
        "educational" => "آموزشی / educational",
        "health" => "درمانی / health",
        "green_space" => "فضای سبز / green space",
        "sport" => "ورزشی / sport",
        "cultural" => "فرهنگی / cultural",
        "religious" => "مذهبی / religious",
        "administrative" => "اداری / administrative",
        "sound" => "سالم / sound",
        "ruined" => "مخروبه / ruined",
        "vacant" => "خالی / vacant",
        "private" => "خصوصی / private",
        "municipal" => "شهرداری / municipal",
        "endowment" => "وقفی / endowment",
        "owner" => "مالک / owner",
        "tenant" => "مستأجر / tenant",
        "unreinforced_masonry" => "بنایی بی‌اسکلت / unreinforced masonry",
        "concrete_frame" => "اسکلت بتنی / concrete frame",
        "steel_frame" => "اسکلت فلزی / steel frame",
        // A class of numbers ("<100", "1340–1350"): Persian digits, kept left to right.
        other => return format!("<bdi dir=ltr>{}</bdi>", fa(&esc(other))),
    };
    w.into()
}

fn kind_words(k: CandidateKind) -> &'static str {
    match k {
        CandidateKind::Vacant => "ساختمان خالی / vacant building",
        CandidateKind::Ruined => "مخروبه / ruined",
        CandidateKind::Municipal => "ملک شهرداری / municipal land",
        CandidateKind::SmallPlots => "تجمیع پلاک‌های ریز / small plots to consolidate",
    }
}

/// A distribution as a table row list and a bar chart.
fn distribution(title: &str, d: &Distribution) -> String {
    let labels: Vec<String> = d.bins.iter().map(|(l, _)| fa(l)).collect();
    let values: Vec<f64> = d.bins.iter().map(|(_, n)| *n as f64).collect();
    let svg = bars(title, &labels, &values, &[], None);
    let rows: String = d
        .bins
        .iter()
        .map(|(l, n)| {
            format!(
                "<tr><td>{}</td><td>{}</td></tr>",
                value_words(l),
                fa(&n.to_string())
            )
        })
        .collect();
    format!(
        "<figure>{svg}<figcaption>{t}</figcaption><table><tr><th>رده / class</th><th>پلاک / plots</th></tr>{rows}<tr><td>بی‌پاسخ / no answer</td><td>{m}</td></tr></table></figure>",
        t = esc(title),
        m = fa(&d.missing.to_string())
    )
}

/// One neighbourhood's profile page; `survey` draws the candidates' map.
pub fn profile_html(p: &NeighbourhoodProfile, survey: &Layer, city: &str, date: &str) -> String {
    let mut h = String::new();
    let n = |k: usize| fa(&k.to_string());
    let _ = write!(
        h,
        "<!doctype html><html lang=fa dir=rtl><head><meta charset=utf-8><title>شناسنامهٔ محلهٔ {name} — {city}</title><style>\
         @page {{ size: A4; margin: 14mm; }} body {{ font-family: Vazirmatn, Tahoma, sans-serif; font-size: 10.5pt; line-height: 1.6; color: #111; }}\
         .en {{ direction: ltr; unicode-bidi: isolate; color: #444; font-size: .9em; }} p > .en {{ display: block; text-align: left; }} h2 {{ margin: .6em 0 .3em; }}\
         table {{ border-collapse: collapse; margin: .4em 0; }} th, td {{ border: 1px solid #999; padding: .1em .4em; text-align: start; }}\
         figure {{ margin: .5em 0; break-inside: avoid; }} figure svg {{ max-width: 100%; height: auto; }} .id {{ font-family: monospace; direction: ltr; unicode-bidi: isolate; }}\
         .grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(80mm, 1fr)); gap: 4mm; }} tr {{ break-inside: avoid; }} .short {{ color: #b30000; font-weight: 700; }}</style></head><body>",
        name = esc(&p.name.fa),
        city = esc(city)
    );
    let ph = &p.physical;
    let (of_fa, of_en) = match ph.fine_grain_rule {
        FineGrainRule::Count => ("پلاک‌ها", "plots"),
        FineGrainRule::Area => ("مساحت پلاک‌ها در پلاک‌های", "the plot area in plots"),
    };
    let _ = write!(
        h,
        "<h1>شناسنامهٔ محلهٔ {name}<br><span class=en>Neighbourhood profile: {name_en}</span></h1>\
         <p>{city}، {date}. از برداشت پلاک‌به‌پلاک دفتر تسهیلات. <span class=en>From the facilitation office's plot-by-plot survey.</span></p>\
         <h2>کالبدی <span class=en>Physical</span></h2>\
         <p>{plots} پلاک، {ha} هکتار؛ ریزدانگی: {fg}٪ {of_fa} زیر آستانه. <span class=en>{plots_en} plots, {ha_en:.2} ha; fine grain: {fg_en}% of {of_en} under the threshold.</span></p><div class=grid>",
        name = esc(&p.name.fa),
        name_en = esc(&p.name.en),
        city = esc(city),
        date = fa(date),
        plots = n(ph.plots),
        ha = fa(&format!("{:.2}", ph.area_ha)),
        fg = ph.fine_grain_share.map_or("—".into(), |x| f1(x * 100.0)),
        plots_en = ph.plots,
        ha_en = ph.area_ha,
        fg_en = ph.fine_grain_share.map_or("—".into(), |x| format!("{:.1}", x * 100.0)),
    );
    for (t, d) in [
        ("Plot area, m² (دانه‌بندی)", &ph.grain),
        ("Year built (سال ساخت)", &ph.built),
        ("Structure (سازه)", &ph.structure),
        ("Floors (طبقات)", &ph.floors),
        ("Access width, m (عرض معبر)", &ph.access),
        ("Condition (وضعیت بنا)", &ph.condition),
        ("Land use (کاربری)", &ph.land_use),
    ] {
        h += &distribution(t, d);
    }
    h += "</div>";
    match &p.social {
        Some(s) => {
            let _ = write!(
                h,
                "<h2>اجتماعی <span class=en>Social</span></h2><p>{hh} خانوار، {r} نفر (از {a} پلاکِ پاسخ‌داده). <span class=en>{hh_en} households, {r_en} residents (from {a_en} plots that answered).</span></p><div class=grid>",
                hh = fa(&s.households.to_string()),
                r = fa(&s.residents.to_string()),
                a = n(s.answered),
                hh_en = s.households,
                r_en = s.residents,
                a_en = s.answered
            );
            h += &distribution("Tenure (تصرف)", &s.tenure);
            h += &distribution("Ownership (مالکیت)", &s.ownership);
            h += "</div>";
        }
        None => h += "<h2>اجتماعی <span class=en>Social</span></h2><p>برداشت، داده‌های اجتماعی ندارد. <span class=en>The survey has no social data.</span></p>",
    }
    h += &services(p);
    h += &candidates(p, survey);
    h += "</body></html>";
    h
}

/// The services against their targets: a table, ranked, and a chart.
fn services(p: &NeighbourhoodProfile) -> String {
    let mut h = String::from("<h2>سرانهٔ خدمات و اولویت‌ها <span class=en>Services per resident and priorities</span></h2><table><tr><th>اولویت / priority</th><th>کاربری / use</th><th>مساحت / m²</th><th>سرانه / m² per resident</th><th>هدف / target</th><th>کمبود / shortfall m²</th></tr>");
    for r in &p.services {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{} / {}</td><td>{}</td><td>{}</td><td>{}{}</td><td class=short>{}</td></tr>",
            r.priority.map_or("—".into(), |k| fa(&k.to_string())),
            esc(&r.name.fa),
            esc(&r.name.en),
            fa(&format!("{:.0}", r.area_m2)),
            r.per_resident_m2.map_or("—".into(), |x| fa(&format!("{x:.2}"))),
            f1(r.target_m2),
            if r.sample_assumption { " *" } else { "" },
            r.shortfall_m2.map_or("—".into(), |x| fa(&format!("{x:.0}"))),
        );
    }
    h += "</table><p>* سرانهٔ هدف نمونه است و باید با طرح تفصیلی شهر سنجیده شود. <span class=en>* A sample target: check it against the city's detailed plan.</span></p>";
    let mut sources: Vec<&str> = p.services.iter().map(|r| r.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    for source in sources {
        let _ = write!(h, "<p>منبع / source: {}</p>", esc(source));
    }
    if let Some(notice) = &p.notice {
        let _ = write!(h, "<p class=en>{}</p>", esc(notice));
    }
    let labels: Vec<String> = p.services.iter().map(|r| r.name.fa.clone()).collect();
    let values: Vec<f64> = p
        .services
        .iter()
        .map(|r| r.per_resident_m2.unwrap_or(0.0))
        .collect();
    let alarm: Vec<bool> = p.services.iter().map(|r| r.priority.is_some()).collect();
    let targets: Vec<f64> = p.services.iter().map(|r| r.target_m2).collect();
    let _ = write!(h, "<figure>{}<figcaption>سرانهٔ موجود (ستون، قرمز: کمبود) در برابر هدف (خط سیاه). <span class=en>Existing m² per resident (bars, red: shortfall) against the target (black line).</span></figcaption></figure>", bars("m² per resident (سرانه)", &labels, &values, &alarm, Some(&targets)));
    h
}

/// The catalyst candidates: the table with each score's parts, and the map.
fn candidates(p: &NeighbourhoodProfile, survey: &Layer) -> String {
    let mut h = String::from("<h2>پروژه‌های محرک پیشنهادی <span class=en>Catalyst-project candidates</span></h2><p>امتیاز = اندازه (تا ۴۰) + سهم از بزرگ‌ترین کمبود (تا ۴۰) + بَر خیابان اصلی (۲۰). <span class=en>Score = size (up to 40) + share of the largest shortfall it could fill (up to 40) + main-axis frontage (20).</span></p><table><tr><th>#</th><th>نوع / kind</th><th>پلاک‌ها / plots</th><th>m²</th><th>اندازه / size</th><th>کمبود / shortfall</th><th>محور / axis</th><th>امتیاز / score</th></tr>");
    for (k, c) in p.candidates.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=id>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><b>{}</b></td></tr>",
            fa(&(k + 1).to_string()),
            kind_words(c.kind),
            esc(&c.plot_ids.join(", ")),
            fa(&format!("{:.0}", c.area_m2)),
            f1(c.parts.size),
            f1(c.parts.shortfall),
            f1(c.parts.axis),
            f1(c.score)
        );
    }
    h += "</table>";
    let ids: HashSet<&str> = p
        .candidates
        .iter()
        .flat_map(|c| c.plot_ids.iter().map(String::as_str))
        .collect();
    if let Some(bbox) = crate::designate::charts::extent(survey, &ids) {
        let fill = |id: &str| {
            Some(if ids.contains(id) {
                RGBColor(179, 0, 0)
            } else {
                RGBColor(225, 225, 225)
            })
        };
        let map = block_map(
            "Candidates (پیشنهادها)",
            survey,
            bbox,
            &fill,
            &HashSet::new(),
        );
        let _ = write!(h, "<figure>{map}<figcaption>پلاک‌های پیشنهادی به رنگ قرمز. <span class=en>Candidate plots in red.</span></figcaption></figure>");
    }
    h
}
