//! Results in words, in Persian or English: shared by the CLI and the app, so that both say
//! the same thing.

use crate::base::jalali::JalaliDate;
pub use crate::base::units::{metres, percent, square_metres};
use crate::check::{
    LayerPlotResult, LayerPointResult, PlotStatus, PointStatus, VersionRef, ZoneRef,
};
use crate::Lang;

/// "اصلاحیهٔ ۱۴۰۲، مصوب ۱۴۰۲/۰۵/۱۴ کمیسیون ماده ۵" / "1402 amendment, approved 1402/05/14 (2023-08-05) by …".
pub fn version_line(v: &VersionRef, lang: Lang) -> String {
    let j = JalaliDate::parse(&v.approved.jalali)
        .map(|d| d.short(lang))
        .unwrap_or_else(|| v.approved.jalali.clone());
    let by = v.approved_by.get(lang);
    match lang {
        Lang::Fa if by.is_empty() => format!("{}، مصوب {}", v.title.get(lang), j),
        Lang::Fa => format!("{}، مصوب {} ({})", v.title.get(lang), j, by),
        Lang::En if by.is_empty() => {
            format!("{}, approved {} ({})", v.title.get(lang), j, v.approved.iso)
        }
        Lang::En => format!(
            "{}, approved {} ({}) by {}",
            v.title.get(lang),
            j,
            v.approved.iso,
            by
        ),
    }
}

/// A date in words: the Jalali date, with the ISO date after it in English
/// (`۱۴۰۵/۰۹/۰۵`; `1405/09/05 (2026-11-26)`).
pub fn date_words(d: &crate::read::manifest::ApprovalDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => jalali_words(d, lang),
        Lang::En => date_both(d, lang),
    }
}

/// A date in both calendars, in the language's digits: `۱۴۰۵/۰۹/۰۵ (۲۰۲۶-۱۱-۲۶)` (the dashed ISO
/// date is isolated where it is shown).
///
/// ```
/// use baft_core::{check::words::date_both, read::manifest::ApprovalDate, Lang};
/// let d = |j: &str| ApprovalDate { jalali: j.into(), iso: "2023-08-05".into() };
/// assert_eq!(date_both(&d("1402/05/14"), Lang::Fa), "۱۴۰۲/۰۵/۱۴ (۲۰۲۳-۰۸-۰۵)");
/// // Not a date: quoted as the file wrote it (dots kept), in Persian digits.
/// assert_eq!(date_both(&d("1402.05.14"), Lang::Fa), "۱۴۰۲.۰۵.۱۴ (۲۰۲۳-۰۸-۰۵)");
/// ```
pub fn date_both(d: &crate::read::manifest::ApprovalDate, lang: Lang) -> String {
    let iso = match lang {
        Lang::Fa => crate::base::digits::quote_in_persian_digits(&d.iso),
        Lang::En => d.iso.clone(),
    };
    format!("{} ({iso})", jalali_words(d, lang))
}

/// The Jalali date; one the file wrote that is not a date is quoted as written, its digits in
/// the language's.
fn jalali_words(d: &crate::read::manifest::ApprovalDate, lang: Lang) -> String {
    match (JalaliDate::parse(&d.jalali), lang) {
        (Some(x), _) => x.short(lang),
        (None, Lang::Fa) => crate::base::digits::quote_in_persian_digits(&d.jalali),
        (None, Lang::En) => d.jalali.clone(),
    }
}

/// "بلوک Q-12-07 (محلهٔ …)".
pub fn zone_label(z: &ZoneRef, lang: Lang) -> String {
    // Codes stay as written in the data (they are typed into office systems as they are).
    let name = z.name.get(lang);
    if name.is_empty() {
        z.id.clone()
    } else if name.contains(&z.id) {
        name.to_string()
    } else {
        format!("{name} ({})", z.id)
    }
}

/// Each item in words, joined by the language's list separator ("، " or ", ").
fn listed<T>(items: &[T], lang: Lang, words: impl Fn(&T) -> String) -> String {
    items
        .iter()
        .map(words)
        .collect::<Vec<_>>()
        .join(lang.pick("، ", ", "))
}

/// The status of a point in one layer, in one sentence.
pub fn point_sentence(r: &LayerPointResult, lang: Lang) -> String {
    let layer = r.layer.name.get(lang);
    let zones = listed(&r.zones, lang, |z| zone_label(z, lang));
    match r.status {
        PointStatus::Inside => say!(
            lang,
            "داخل {layer} است: {zones}.",
            "Inside the {layer}: {zones}."
        ),
        PointStatus::OnBoundary => say!(lang, "روی مرز {layer} است (در فاصلهٔ کمتر از رواداری مرز): {zones}. با دفتر تسهیلات تأیید کنید.", "On the boundary of the {layer} (within the boundary tolerance): {zones}. Confirm with the facilitation office."),
        PointStatus::Outside => {
            let d = r.distance_m.map(|d| metres(d, lang)).unwrap_or_default();
            let near = r.nearest.as_ref().map(|z| zone_label(z, lang)).unwrap_or_default();
            say!(lang, "بیرون از {layer} است؛ نزدیک‌ترین مرز {d} فاصله دارد ({near}).", "Outside the {layer}; the nearest boundary is {d} away ({near}).")
        }
    }
}

/// The status of a plot in one layer, in one sentence.
pub fn plot_sentence(r: &LayerPlotResult, lang: Lang) -> String {
    let layer = r.layer.name.get(lang);
    let pct = percent(r.share, lang);
    let blocks = listed(&r.overlaps, lang, |o| {
        format!("{} {}", zone_label(&o.zone, lang), percent(o.share, lang))
    });
    match r.status {
        PlotStatus::Inside => say!(
            lang,
            "کل ملک داخل {layer} است ({pct}): {blocks}.",
            "The whole plot is inside the {layer} ({pct}): {blocks}."
        ),
        PlotStatus::PartlyInside => {
            let rule = if r.counts_as_inside {
                say!(
                    lang,
                    "طبق قاعدهٔ آستانه، داخل به شمار می‌آید؛",
                    "By the threshold rule it counts as inside."
                )
            } else {
                say!(
                    lang,
                    "طبق قاعدهٔ آستانه، بیرون به شمار می‌آید؛",
                    "By the threshold rule it counts as outside."
                )
            };
            say!(
                lang,
                "بخشی از ملک داخل {layer} است: {pct} ({blocks}). {rule} با دفتر تسهیلات تأیید کنید.",
                "Partly inside the {layer}: {pct} ({blocks}). {rule} Confirm with the facilitation office."
            )
        }
        PlotStatus::Outside => {
            let d = r.distance_m.map(|d| metres(d, lang)).unwrap_or_default();
            say!(
                lang,
                "ملک بیرون از {layer} است؛ نزدیک‌ترین مرز {d} فاصله دارد.",
                "The plot is outside the {layer}; the nearest boundary is {d} away."
            )
        }
    }
}

/// The notice shown with sample data.
pub fn sample_notice(lang: Lang) -> &'static str {
    lang.pick(
        "دادهٔ نمونه: این مرزها ساختگی‌اند و مرز رسمی مصوب نیستند. پاسخ را مبنای تصمیم قرار ندهید.",
        "Sample data: these boundaries are synthetic, not the official approved boundary. Do not rely on this answer.",
    )
}

/// The short name of a point status.
pub fn point_status_word(s: PointStatus, lang: Lang) -> &'static str {
    match s {
        PointStatus::Inside => lang.pick("داخل", "Inside"),
        PointStatus::OnBoundary => lang.pick("روی مرز", "On the boundary"),
        PointStatus::Outside => lang.pick("بیرون", "Outside"),
    }
}

/// The short name of a plot status.
pub fn plot_status_word(s: PlotStatus, lang: Lang) -> &'static str {
    match s {
        PlotStatus::Inside => lang.pick("داخل", "Inside"),
        PlotStatus::PartlyInside => lang.pick("بخشی داخل", "Partly inside"),
        PlotStatus::Outside => lang.pick("بیرون", "Outside"),
    }
}

/// A GPS fix's accuracy (metres) in words: "دقت GPS: حدود ±۲۵ متر".
pub fn gps_accuracy(accuracy_m: f64, lang: Lang) -> String {
    let m = crate::base::units::format_number(accuracy_m.round(), 0, lang);
    crate::say!(lang, "دقت GPS: حدود ±{m} متر", "GPS accuracy: about ±{m} m")
}

/// A map link's view rounded to `m` metres, in words.
pub fn link_view_rounded(m: f64, lang: Lang) -> String {
    let m = crate::base::units::format_number(m.round(), 0, lang);
    crate::say!(
        lang,
        "این پیوند فقط مرکز نمای نقشه را دارد، نه خود مکان را: مکان تا حدود ±{m} متر از آن است",
        "This link gives only the map view's centre, not the place: the place is within about ±{m} m of it"
    )
}

/// When a GPS fix's accuracy circle (or a map link's view's circle, `link_view`) crosses these
/// layers' boundaries: that the plot may lie on either side, and what to do. `None` when it
/// crosses none.
pub fn gps_uncertain(
    crosses: &[std::sync::Arc<super::LayerRef>],
    link_view: bool,
    lang: Lang,
) -> Option<String> {
    if crosses.is_empty() {
        return None;
    }
    let names: Vec<&str> = crosses.iter().map(|l| l.name.get(lang)).collect();
    let layers = names.join(lang.pick("، ", ", "));
    Some(match link_view {
        false => crate::say!(lang, "دایرهٔ دقت GPS از مرز «{layers}» می‌گذرد: ملک شما ممکن است در هر دو سوی این مرز باشد. ملک را روی نقشه بزنید، یا پلاک یا کد پستی آن را بنویسید.", "The GPS fix's accuracy circle crosses the boundary of “{layers}”: your plot may lie on either side. Tap your plot on the map, or type its plate or postal code."),
        true => crate::say!(lang, "نقطهٔ این پیوند فقط مرکز نمای نقشه است و دایرهٔ آن از مرز «{layers}» می‌گذرد: ملک شما ممکن است در هر دو سوی این مرز باشد. ملک را روی نقشه بزنید، یا پلاک یا کد پستی آن را بنویسید.", "This link's point is only its map view's centre, and its circle crosses the boundary of “{layers}”: your plot may lie on either side. Tap your plot on the map, or type its plate or postal code."),
    })
}
