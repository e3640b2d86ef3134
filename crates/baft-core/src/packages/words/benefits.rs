//! What a package gives, in words: the permit concessions, then the financial help, then its
//! own extra lines.

#[allow(unused_imports)]
use super::*;

/// A package's benefits, one line each.
pub fn benefits(b: &Benefits, lang: Lang) -> Vec<String> {
    let mut v = Vec::new();
    permit_benefits(b, lang, &mut v);
    finance_benefits(b, lang, &mut v);
    v.extend(b.extras.iter().map(|e| e.get(lang).to_string()));
    v
}

/// Pushes the permit concessions: extra floors, bonus density, density per extra plot,
/// permit fee discount and parking, in that order.
fn permit_benefits(b: &Benefits, lang: Lang, v: &mut Vec<String>) {
    let n = |x: f64| num(x, lang);
    if let Some(x) = b.extra_floors {
        v.push(match lang {
            Lang::Fa => format!("{} طبقهٔ اضافه", n(x)),
            Lang::En => format!("{} extra floor{}", n(x), if x == 1.0 { "" } else { "s" }),
        });
    }
    if let Some(x) = b.density_percent {
        v.push(say!(lang, "{}٪ تراکم تشویقی", "{}% bonus density", n(x)));
    }
    if let Some(x) = b.density_percent_per_extra_plot {
        let cap = b.density_cap_floors.map(|c| match lang {
            Lang::Fa => format!("، حداکثر {} طبقه", n(c)),
            Lang::En => format!(
                ", at most {} floor{}",
                n(c),
                if c == 1.0 { "" } else { "s" }
            ),
        });
        v.push(say!(
            lang,
            "{}٪ تراکم به ازای هر پلاک تجمیعی اضافه{}",
            "{}% density per extra plot consolidated{}",
            n(x),
            cap.unwrap_or_default()
        ));
    }
    if let Some(x) = b.permit_fee_discount_percent {
        v.push(say!(
            lang,
            "{}٪ تخفیف عوارض صدور پروانه و تراکم",
            "{}% off permit and density fees",
            n(x)
        ));
    }
    if let Some(x) = b.parking_per_unit {
        v.push(say!(
            lang,
            "پارکینگ {} به ازای هر واحد",
            "parking {} space per unit",
            n(x)
        ));
    }
}

/// Pushes the financial help: renovation loan, rent loan and engineering fee discount, in that
/// order.
fn finance_benefits(b: &Benefits, lang: Lang, v: &mut Vec<String>) {
    let n = |x: f64| num(x, lang);
    if let Some(x) = b.loan_per_unit_rial {
        let rate = b
            .loan_rate_percent
            .map(|r| say!(lang, "، سود {}٪", ", {}% interest", n(r)));
        let term = b
            .loan_term_years
            .map(|t| say!(lang, "، بازپرداخت {} ساله", ", repaid over {} years", n(t)));
        let zero = b.loan_zero_rate_portion_rial.map(|z| {
            say!(
                lang,
                "؛ {} از آن بدون سود",
                "; {} of it at 0%",
                money(z, lang)
            )
        });
        v.push(format!(
            "{} {}{}{}{}",
            lang.pick("وام نوسازی هر واحد:", "Renovation loan per unit:"),
            money(x, lang),
            rate.unwrap_or_default(),
            term.unwrap_or_default(),
            zero.unwrap_or_default()
        ));
    }
    if let Some(x) = b.rent_loan_rial {
        v.push(format!(
            "{} {}",
            lang.pick(
                "ودیعهٔ اجاره در دوران ساخت برای هر خانوار:",
                "Rent loan per household while rebuilding:"
            ),
            money(x, lang)
        ));
    }
    if let Some(x) = b.engineering_fee_discount_percent {
        v.push(say!(
            lang,
            "{}٪ تخفیف تعرفهٔ خدمات مهندسی (نظام مهندسی)",
            "{}% off engineering (Nezam Mohandesi) fees",
            n(x)
        ));
    }
}
