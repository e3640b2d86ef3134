//! Packages, conditions, hints and money in Persian and English words.

use super::facts::{FactName, FactSource, FactValue};
use super::format::{Benefits, Condition};
use super::rules::{Evaluation, Hint, PackageResult, PackageStatus};
use super::value::AssumptionSource;
use crate::base::digits::localize_digits;
pub use crate::base::units::money;
use crate::error::trim_float;
use crate::read::manifest::LocalText;
use crate::Lang;
use std::collections::BTreeMap;

mod benefits;
pub use benefits::benefits;

/// Layer id → name, for sentences about layer conditions.
pub type LayerNames = BTreeMap<String, LocalText>;

fn num(x: f64, lang: Lang) -> String {
    localize_digits(&trim_float(x), lang)
}

/// The fact's name in words.
pub fn fact_label(f: FactName, lang: Lang) -> &'static str {
    use FactName::*;
    match f {
        Layer => lang.pick("محدوده", "area"),
        PlotAreaM2 => lang.pick("مساحت ملک", "plot area"),
        ConsolidatedAreaM2 => lang.pick("مساحت پس از تجمیع", "consolidated area"),
        PlotsConsolidated => lang.pick("تعداد پلاک‌های تجمیعی", "plots consolidated"),
        FrontageWidthM => lang.pick(
            "عرض معبر جلوی ملک",
            "width of the street or passage on the frontage",
        ),
        OnMainAxis => lang.pick("بر محور اصلی محله", "on a main neighbourhood axis"),
        LandUse => lang.pick("کاربری", "land use"),
        BuildingAgeYears => lang.pick("عمر بنا", "building age"),
        Structure => lang.pick("نوع سازه", "structural system"),
        Units => lang.pick("تعداد واحدها", "number of units"),
        BlockScaleProject => lang.pick(
            "عضو طرح بازآفرینی در مقیاس بلوک",
            "part of a block-scale regeneration project",
        ),
    }
}

fn unit(f: FactName, lang: Lang) -> &'static str {
    match f {
        FactName::PlotAreaM2 | FactName::ConsolidatedAreaM2 => lang.pick(" متر مربع", " m²"),
        FactName::FrontageWidthM => lang.pick(" متر", " m"),
        FactName::BuildingAgeYears => lang.pick(" سال", " years"),
        _ => "",
    }
}

/// A text fact's value in words.
pub fn value_label(f: FactName, v: &str, lang: Lang) -> String {
    let s = match (f, v) {
        (_, "residential") => lang.pick("مسکونی", "residential"),
        (_, "commercial") => lang.pick("تجاری", "commercial"),
        (_, "mixed") => lang.pick("مختلط", "mixed use"),
        (_, "educational") => lang.pick("آموزشی", "educational"),
        (_, "unreinforced_masonry") => {
            lang.pick("بنایی بدون اسکلت", "masonry without a structural frame")
        }
        (_, "steel_frame") => lang.pick("اسکلت فلزی", "steel frame"),
        (_, "concrete_frame") => lang.pick("اسکلت بتنی", "concrete frame"),
        (_, "inside") => lang.pick("داخل", "inside"),
        (_, "partly_inside") => lang.pick(
            "بخشی داخل (داخل به شمار می‌آید)",
            "partly inside (counted as inside)",
        ),
        (_, "partly_outside") => lang.pick(
            "بخشی داخل (بیرون به شمار می‌آید)",
            "partly inside (counted as outside)",
        ),
        (_, "on_boundary") => lang.pick("روی مرز", "on the boundary"),
        (_, "outside") => lang.pick("بیرون", "outside"),
        (_, "yes") => lang.pick("بله", "yes"),
        (_, "no") => lang.pick("خیر", "no"),
        _ => lang.pick("سایر", "other"),
    };
    s.to_string()
}

/// Text values of one fact in words, joined by `sep`.
fn value_list<'a>(
    f: FactName,
    values: impl IntoIterator<Item = &'a String>,
    sep: &str,
    lang: Lang,
) -> String {
    values
        .into_iter()
        .map(|v| value_label(f, v, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// A fact value in words.
pub fn fact_value(f: FactName, v: &FactValue, lang: Lang) -> String {
    match v {
        FactValue::Number(x) => format!("{}{}", num(*x, lang), unit(f, lang)),
        FactValue::YesNo(b) => value_label(f, if *b { "yes" } else { "no" }, lang),
        FactValue::Text(t) => value_label(f, t, lang),
    }
}

/// Where a fact came from, in words.
pub fn source_label(s: FactSource, lang: Lang) -> &'static str {
    match s {
        FactSource::Check => lang.pick("از بررسی نقشه", "from the map check"),
        FactSource::Parcel => lang.pick("از لایهٔ پلاک‌ها", "from the parcel layer"),
        FactSource::User => lang.pick("گفتهٔ شما", "as you said"),
        FactSource::Assumed => lang.pick("فرض شده", "assumed"),
    }
}

/// The name of the package counted instead of `r` (a better one of its exclusive set), among
/// the evaluation's `results`; its id if it is not among them.
pub fn counted_instead(results: &[PackageResult], r: &PackageResult, lang: Lang) -> Option<String> {
    let by = r.excluded_by.as_deref()?;
    Some(
        results
            .iter()
            .find(|x| x.package.id == by)
            .map_or(by, |x| x.package.name.get(lang))
            .to_string(),
    )
}

/// Where an assumption behind a figure came from, in words.
pub fn assumption_source(source: AssumptionSource, lang: Lang) -> &'static str {
    match source {
        AssumptionSource::User => lang.pick("گفتهٔ شما", "you"),
        AssumptionSource::Assumed => lang.pick("فرض", "assumed"),
        AssumptionSource::Check => lang.pick("بررسی نقشه", "map check"),
        AssumptionSource::ParcelLayer => lang.pick("لایهٔ پلاک‌ها", "parcel layer"),
        AssumptionSource::PackagesFile => lang.pick("فایل بسته‌ها", "packages file"),
    }
}

/// A condition in words: "plot area at least 200 m²".
pub fn condition(c: &Condition, layers: &LayerNames, lang: Lang) -> String {
    let f = c.fact;
    let sep = lang.pick("، ", ", ");
    if f == FactName::Layer {
        let name = c
            .layer
            .as_ref()
            .and_then(|l| layers.get(l))
            .map(|n| n.get(lang).to_string())
            .unwrap_or_else(|| c.layer.clone().unwrap_or_default());
        let states = value_list(
            f,
            c.one_of.iter().flatten(),
            lang.pick(" یا ", " or "),
            lang,
        );
        return say!(lang, "{name}: {states}", "{name}: {states}");
    }
    let mut parts = Vec::new();
    let u = unit(f, lang);
    // The number bounds, in the order they are written: ≥, >, ≤, <.
    let bounds = [
        (c.at_least, lang.pick("دست‌کم ", "at least ")),
        (c.above, lang.pick("بیشتر از ", "more than ")),
        (c.at_most, lang.pick("حداکثر ", "at most ")),
        (c.below, lang.pick("کمتر از ", "less than ")),
    ];
    for (bound, words) in bounds {
        if let Some(x) = bound {
            parts.push(format!("{words}{}{u}", num(x, lang)));
        }
    }
    if let Some(b) = c.equals {
        parts.push(value_label(f, if b { "yes" } else { "no" }, lang));
    }
    if let Some(v) = &c.one_of {
        parts.push(value_list(f, v, lang.pick(" یا ", " or "), lang));
    }
    if let Some(v) = &c.not_in {
        parts.push(format!(
            "{}{}",
            lang.pick("جز ", "not "),
            value_list(f, v, sep, lang)
        ));
    }
    format!("{}: {}", fact_label(f, lang), parts.join(sep))
}

/// The question to ask for a missing fact.
pub fn question(f: FactName, lang: Lang) -> String {
    say!(
        lang,
        "بستگی دارد به: «{}».",
        "Depends on: {}.",
        fact_label(f, lang)
    )
}

/// The unmet conditions of `r` in words, each with what would change it (its hint).
pub fn unmet(r: &PackageResult, layers: &LayerNames, lang: Lang) -> Vec<(String, String)> {
    let no = r
        .conditions
        .iter()
        .filter(|o| o.truth == super::rules::Truth::No);
    (no.zip(&r.hints))
        .map(|(o, h)| (condition(&o.condition, layers, lang), hint(h, layers, lang)))
        .collect()
}

/// An unmet condition and its change on one line, the arrow pointing the way the line reads.
///
/// ```
/// use baft_core::{packages::words::unmet_line, Lang};
/// let u = ("الف".to_string(), "ب".to_string());
/// assert_eq!(unmet_line(&u, Lang::Fa), "الف ← ب");
/// ```
pub fn unmet_line((condition, change): &(String, String), lang: Lang) -> String {
    format!("{condition} {} {change}", lang.pick("←", "→"))
}

/// What would change an unmet condition.
pub fn hint(h: &Hint, layers: &LayerNames, lang: Lang) -> String {
    match h {
        Hint::NotInLayer { layer } => {
            let name = layers
                .get(layer)
                .map(|n| n.get(lang).to_string())
                .unwrap_or_else(|| layer.clone());
            say!(
                lang,
                "این ملک در {name} نیست (در محدودهٔ مصوب)؛ این شرط با تغییر طرح تغییر نمی‌کند.",
                "The plot is not in the {name} (as approved); no design choice changes that."
            )
        }
        Hint::ReachArea {
            missing_m2,
            target_m2,
            ..
        } => say!(
            lang,
            "با تجمیع با همسایه، {} متر مربع دیگر لازم است تا به {} متر مربع برسید.",
            "Consolidate with a neighbour: {} m² more reaches {} m².",
            num(missing_m2.ceil(), lang),
            num(*target_m2, lang)
        ),
        Hint::ConsolidateMore { neighbours } => match lang {
            Lang::Fa => format!("با {} همسایهٔ دیگر تجمیع کنید.", num(*neighbours, lang)),
            Lang::En => format!(
                "Consolidate with {} more neighbour{}.",
                num(*neighbours, lang),
                if *neighbours > 1.0 { "s" } else { "" }
            ),
        },
        Hint::Reach { fact, target } => {
            let (f, v) = fact_and_value(*fact, *target, lang);
            say!(lang, "«{f}» باید به {v} برسد.", "The {f} must reach {v}.")
        }
        Hint::StayUnder { fact, limit } => {
            let (f, v) = fact_and_value(*fact, *limit, lang);
            say!(
                lang,
                "«{f}» نباید از {v} بیشتر باشد.",
                "The {f} must not exceed {v}."
            )
        }
        Hint::NeedsValue { fact, values } => {
            let vs = value_list(*fact, values, lang.pick(" یا ", " or "), lang);
            say!(
                lang,
                "فقط وقتی «{}»: {}.",
                "Only when {}: {}.",
                fact_label(*fact, lang),
                vs
            )
        }
    }
}

/// How many packages apply and may apply, in one line: "Incentive packages: 2 apply, 1 may
/// apply" (the app's next step, the CLI's packages heading).
pub fn counts(e: &Evaluation, lang: Lang) -> String {
    let n = |s: PackageStatus| crate::base::units::count(e.count(s), lang);
    say!(
        lang,
        "بسته‌های تشویقی: {} شامل می‌شود، {} شاید شامل شود",
        "Incentive packages: {} apply, {} may apply",
        n(PackageStatus::Applies),
        n(PackageStatus::MayApply)
    )
}

/// A status in words.
pub fn status(s: PackageStatus, lang: Lang) -> &'static str {
    match s {
        PackageStatus::Applies => lang.pick("شامل می‌شود", "Applies"),
        PackageStatus::MayApply => lang.pick("ممکن است شامل شود", "May apply"),
        PackageStatus::DoesNotApply => lang.pick("شامل نمی‌شود", "Does not apply"),
        PackageStatus::NotInForce => lang.pick(
            "معتبر نیست (خارج از بازهٔ اعتبار)",
            "Not in force (outside its validity)",
        ),
    }
}

/// A fact's name, and a value of it with its unit ("۱۲۰ متر مربع"), for a hint's sentence.
fn fact_and_value(fact: FactName, value: f64, lang: Lang) -> (String, String) {
    let v = format!("{}{}", num(value, lang), unit(fact, lang));
    (fact_label(fact, lang).to_string(), v)
}
