//! The survey's social facts, service land uses, building condition and ownership for the
//! sample's plots (issue 13's neighbourhood profile), and the per-capita targets file.
//!
//! Every value comes from a hash of the plot's position in the city (block and plot number),
//! never from the generator's random stream, so the plots' outlines, structure, access and the
//! blocks' designation figures are exactly as before. The blocks the tests name keep their
//! land uses.

use crate::city::Plot;
use crate::rng::hash01;
use crate::Block;
use serde_json::{json, Value};

/// Block ids the tests name: their plots keep their land use and condition.
const NAMED: [&str; 5] = ["QB-0185", "QB-0189", "QB-0232", "QB-0233", "QB-0279"];

/// Service land uses a residential plot may be surveyed as, with their shares of conversions.
const SERVICES: [(&str, f64); 6] = [
    ("green_space", 0.30),
    ("religious", 0.16),
    ("health", 0.15),
    ("sport", 0.15),
    ("cultural", 0.12),
    ("administrative", 0.12),
];

/// What the survey says of a plot beyond its physical facts.
pub struct Social {
    pub land_use: &'static str,
    /// `sound`, `ruined` (مخروبه) or `vacant` (an abandoned building, خالی از سکنه).
    pub condition: &'static str,
    /// `private`, `municipal` or `endowment` (وقف).
    pub ownership: &'static str,
    /// Households and residents; `None` where the survey has no answer (or no one lives there).
    pub households: Option<u32>,
    pub residents: Option<u32>,
    /// `owner` or `tenant`, for lived-in homes.
    pub tenure: Option<&'static str>,
}

/// The survey's social facts for plot `pk` of block `bk`.
pub fn social(block: &Block, bk: usize, pk: usize, p: &Plot) -> Social {
    let h = |salt: u64| hash01(bk as i64, pk as i64, salt);
    let named = NAMED.contains(&block.id.as_str());
    let mut land_use = p.land_use;
    if land_use == "residential" && !named && !p.on_main_axis && h(21) < 0.05 {
        let mut x = h(22);
        land_use = SERVICES
            .iter()
            .find(|(_, share)| {
                x -= share;
                x < 0.0
            })
            .map_or("green_space", |(u, _)| u);
    }
    let old = p.structure == "unreinforced_masonry" && p.built_year < 1360;
    let condition = match h(23) {
        x if land_use == "residential" && !named && old && x < 0.07 => "ruined",
        x if land_use == "residential" && !named && x < 0.015 => "vacant",
        _ => "sound",
    };
    let ownership = match h(24) {
        x if x < 0.015 => "municipal",
        x if x < 0.025 => "endowment",
        _ => "private",
    };
    let lived_in = land_use == "residential" && condition == "sound";
    let answered = h(26) >= 0.03;
    let households = (lived_in && answered).then(|| {
        let units = (p.floors as f64 * p.area * 0.8 / 110.0).round() as u32;
        units.max(1)
    });
    let residents = households.map(|n| (n as f64 * (2.6 + 1.6 * h(25))).round() as u32);
    let tenure = households.map(|_| if h(27) < 0.38 { "tenant" } else { "owner" });
    Social {
        land_use,
        condition,
        ownership,
        households,
        residents,
        tenure,
    }
}

/// The per-capita targets file (`reference/per-capita.json`): m² of land per resident by use.
pub fn per_capita() -> Value {
    let source = "شورای عالی شهرسازی و معماری ایران، «تعاریف و مفاهیم کاربری‌های شهری و تعیین سرانهٔ آنها» (۱۳۸۹)، جدول سرانه‌ها، شهرهای ۲۵۰ هزار تا یک میلیون نفر / Supreme Council of Urban Planning and Architecture, definitions of urban land uses and their per-capitas (1389), per-capita table, cities of 250,000 to 1,000,000";
    let t = |id: &str, fa: &str, en: &str, m2: f64| {
        json!({"land_use": id, "name": {"fa": fa, "en": en}, "m2_per_resident": m2,
               "source": source, "sample_assumption": true})
    };
    json!({
        "notice": "Sample values: the figures follow the 1389 resolution's table as restated by municipal plans, but were not confirmed against the resolution's text; replace them with your detailed plan's table.",
        "targets": [
            t("educational", "آموزشی", "Educational", 3.0),
            t("health", "درمانی", "Health", 1.0),
            t("green_space", "فضای سبز", "Green space", 7.0),
            t("sport", "ورزشی", "Sport", 1.5),
            t("cultural", "فرهنگی", "Cultural", 0.7),
            t("religious", "مذهبی", "Religious", 0.5),
            t("administrative", "اداری", "Administrative", 1.0),
            t("commercial", "تجاری", "Commercial", 2.0)
        ]
    })
}
