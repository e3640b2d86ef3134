//! The analysis in a few sentences: what `baft designate` prints first and the staff page shows
//! above the dossier, in one place so that the two say the same.

use super::{BlockStatus, ChangeKind, Designation};
use crate::base::units::{count, format_number};
use crate::Lang;

/// The analysis in sentences: the blocks by status; then, with a proposal, the boundary it is
/// compared with, the blocks to add and to remove and the areas; then the approved blocks kept
/// for want of data, if any.
///
/// ```
/// use baft_core::designate::{summary, BlockFigures, BlockStatus, Designation};
/// use baft_core::Lang;
/// let d = Designation { settings: Default::default(), blocks: vec![], proposal: None };
/// assert_eq!(summary(&d, Lang::Fa), ["۰ بلوک: ۰ واجد شرایط، ۰ فاقد شرایط، ۰ با دادهٔ ناکافی."]);
/// ```
pub fn summary(d: &Designation, lang: Lang) -> Vec<String> {
    let n = |k: usize| count(k, lang);
    let ha = |x: f64| format_number(x, 2, lang);
    let status = |s: BlockStatus| d.blocks.iter().filter(|b| b.status == s).count();
    let mut out = vec![say!(
        lang,
        "{} بلوک: {} واجد شرایط، {} فاقد شرایط، {} با دادهٔ ناکافی.",
        "{} blocks: {} qualify, {} do not, {} have insufficient data.",
        n(d.blocks.len()),
        n(status(BlockStatus::Qualifies)),
        n(status(BlockStatus::DoesNotQualify)),
        n(status(BlockStatus::InsufficientData))
    )];
    let Some(p) = &d.proposal else { return out };
    out.push(say!(
        lang,
        "در مقایسه با «{}» از لایهٔ «{}»: {} بلوک افزوده و {} بلوک حذف؛ مساحت مصوب {} هکتار، پیشنهادی {} هکتار.",
        "Against the {} of the {} layer: {} blocks to add and {} to remove; approved {} ha, proposed {} ha.",
        crate::base::digits::localize_digits(p.version_title.get(lang), lang),
        crate::base::digits::localize_digits(p.layer_name.get(lang), lang),
        n(p.with(ChangeKind::Add).count()),
        n(p.with(ChangeKind::Remove).count()),
        ha(p.approved_area_ha),
        ha(p.proposed_area_ha)
    ));
    let unjudged = p.with(ChangeKind::KeepUnjudged).count();
    if unjudged > 0 {
        out.push(say!(
            lang,
            "{} بلوک مصوب دادهٔ کافی ندارد و تا برداشت کامل در محدوده می‌ماند.",
            "{} approved blocks have insufficient data and stay inside until surveyed.",
            n(unjudged)
        ));
    }
    out
}
