//! `baft profile DIR`: each target neighbourhood's profile from the plot-by-plot survey
//! (`baft_core::profile`): physical and social facts, services against per-capita targets, and
//! catalyst-project candidates.

use super::designate::{read_survey, Survey};
use crate::Failure;
use baft_core::base::small::file_safe;
use baft_core::profile::{self, report, NeighbourhoodProfile, Targets};
use baft_core::{say, Lang};
use std::path::Path;
use std::process::ExitCode;

/// The default per-capita targets file, in the data folder (the core's).
use baft_core::profile::TARGETS_FILE as TARGETS;

/// The profiles in words: per neighbourhood, residents, the top shortfalls and the best candidate.
fn text(ps: &[NeighbourhoodProfile], lang: Lang) -> String {
    let n = |x: f64| baft_core::base::units::format_number(x, 0, lang);
    let mut s = String::new();
    for p in ps {
        let residents = p.social.as_ref().map_or(0, |x| x.residents);
        s += &say!(
            lang,
            "{} ({}): {} پلاک، {} نفر.\n",
            "{} ({}): {} plots, {} residents.\n",
            p.name.get(lang),
            p.id,
            n(p.physical.plots as f64),
            n(residents as f64)
        );
        for r in p.services.iter().filter(|r| r.priority.is_some()).take(3) {
            s += &say!(
                lang,
                "  اولویت {}: {}، کمبود {} متر مربع\n",
                "  priority {}: {}, short by {} m²\n",
                n(r.priority.unwrap_or(0) as f64),
                r.name.get(lang),
                n(r.shortfall_m2.unwrap_or(0.0))
            );
        }
        if let Some(c) = p.candidates.first() {
            s += &say!(
                lang,
                "  بهترین پیشنهاد محرک: {} ({} پلاک، {} متر مربع، امتیاز {})\n",
                "  best catalyst candidate: {} ({} plots, {} m², score {})\n",
                c.plot_ids.first().map_or("", String::as_str),
                n(c.plot_ids.len() as f64),
                n(c.area_m2),
                n(c.score)
            );
        }
    }
    s
}

/// `baft profile DIR [--json] [--out OUT] [--targets FILE]`.
pub fn profile(
    dir: &Path,
    json: bool,
    out: Option<&Path>,
    targets: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let Survey {
        ds,
        layer,
        settings,
        ..
    } = read_survey(dir, lang)?;
    let path = targets.map_or_else(|| dir.join(TARGETS), Path::to_path_buf);
    let text_of_targets = crate::data::read_text(&path, lang)?;
    let targets = Targets::from_json(&text_of_targets).map_err(|e| {
        Failure(say!(
            lang,
            "{}: سرانه‌های هدف خوانده نشد: {}",
            "{}: the per-capita targets could not be read: {}",
            path.display(),
            e
        ))
    })?;
    let ps = profile::profile(&ds, &layer, &targets, &settings);
    super::print_answer(&ps, json, || text(&ps, lang))?;
    if let Some(out) = out {
        std::fs::create_dir_all(out).map_err(|e| Failure(e.to_string()))?;
        let today = crate::incentives::today(None, lang)?;
        let date = baft_core::base::jalali::JalaliDate::from_gregorian(today).to_string();
        for p in &ps {
            let name = format!("profile-{}.html", file_safe(&p.id));
            let html = report::profile_html(p, &layer, &ds.manifest.city.name.fa, &date);
            std::fs::write(out.join(&name), html).map_err(|e| Failure(e.to_string()))?;
            eprintln!(
                "baft: {}",
                say!(lang, "نوشته شد: {}", "wrote {}", out.join(name).display())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
