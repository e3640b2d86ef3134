//! A package's conditions: reading and checking each one.

#[allow(unused_imports)]
use super::*;
use crate::Lang;

/// One thing wrong with a condition: (field, kind, Persian, English).
type ConditionProblem = (&'static str, FieldKind, String, String);

impl Condition {
    /// What is wrong with this condition: (field, kind, Persian, English).
    pub(super) fn problems(&self, layer_ids: Option<&[String]>) -> Vec<ConditionProblem> {
        use crate::packages::facts::FactKind::*;
        let mut p = Vec::new();
        let numeric = [self.at_least, self.above, self.at_most, self.below];
        let has_num = numeric.iter().any(Option::is_some);
        let has_set = self.one_of.is_some() || self.not_in.is_some();
        match self.fact.kind() {
            Number => self.number_problems(&numeric, has_num, has_set, &mut p),
            YesNo => {
                if self.equals.is_none() || has_num || has_set || self.layer.is_some() {
                    p.push((
                        "equals",
                        FieldKind::BadValue,
                        "برای بله/خیر فقط equals: true یا false".into(),
                        "a yes/no fact takes only equals: true or false".into(),
                    ));
                }
            }
            Text => self.text_problems(has_num, has_set, &mut p),
            Membership => self.membership_problems(layer_ids, has_num, &mut p),
        }
        p
    }

    /// Pushes what is wrong with a number condition: wrong fields, then bad limits.
    fn number_problems(
        &self,
        numeric: &[Option<f64>; 4],
        has_num: bool,
        has_set: bool,
        p: &mut Vec<ConditionProblem>,
    ) {
        if !has_num || self.equals.is_some() || has_set || self.layer.is_some() {
            p.push((
                "fact",
                FieldKind::BadValue,
                "برای عدد فقط at_least، above، at_most و below".into(),
                "a number takes only at_least, above, at_most, below".into(),
            ));
        }
        if numeric.iter().flatten().any(|x| !x.is_finite() || *x < 0.0) {
            p.push((
                "at_least",
                FieldKind::OutOfRange,
                "حدها باید عدد نامنفی باشند".into(),
                "limits must be non-negative numbers".into(),
            ));
        }
    }

    /// Pushes what is wrong with a text condition: wrong fields, then an unknown value.
    fn text_problems(&self, has_num: bool, has_set: bool, p: &mut Vec<ConditionProblem>) {
        if !has_set || has_num || self.equals.is_some() || self.layer.is_some() {
            p.push((
                "in",
                FieldKind::BadValue,
                "برای متن فقط in یا not_in".into(),
                "a text fact takes only in or not_in".into(),
            ));
        }
        if let Some(vals) = self.one_of.iter().chain(self.not_in.iter()).next() {
            let known = self.fact.known_values();
            if let Some(bad) = vals.iter().find(|v| !known.contains(&v.as_str())) {
                p.push((
                    "in",
                    FieldKind::Unknown,
                    format!("مقدار ناشناخته «{bad}»؛ مجاز: {}", known.join("، ")),
                    format!("unknown value “{bad}”; allowed: {}", known.join(", ")),
                ));
            }
        }
    }

    /// Pushes what is wrong with a layer condition: the layer, the memberships, then wrong fields.
    fn membership_problems(
        &self,
        layer_ids: Option<&[String]>,
        has_num: bool,
        p: &mut Vec<ConditionProblem>,
    ) {
        match (&self.layer, layer_ids) {
            (None, _) => p.push((
                "layer",
                FieldKind::Missing,
                "نام لایه لازم است".into(),
                "the layer id is required".into(),
            )),
            (Some(l), Some(ids)) if !ids.contains(l) => p.push((
                "layer",
                FieldKind::Unknown,
                format!("لایهٔ «{l}» در مانیفست نیست"),
                format!("layer “{l}” is not in the manifest"),
            )),
            _ => {}
        }
        match &self.one_of {
            None => p.push((
                "in",
                FieldKind::Missing,
                "فهرست وضعیت‌ها (in) لازم است".into(),
                "the list of memberships (in) is required".into(),
            )),
            Some(v) => {
                if let Some(bad) = v.iter().find(|m| !MEMBERSHIPS.contains(&m.as_str())) {
                    p.push((
                        "in",
                        FieldKind::Unknown,
                        format!("وضعیت ناشناختهٔ «{bad}»؛ مجاز: {}", MEMBERSHIPS.join("، ")),
                        format!(
                            "unknown membership “{bad}”; allowed: {}",
                            MEMBERSHIPS.join(", ")
                        ),
                    ));
                }
            }
        }
        if has_num || self.equals.is_some() || self.not_in.is_some() {
            p.push((
                "fact",
                FieldKind::BadValue,
                "برای لایه فقط layer و in".into(),
                "a layer condition takes only layer and in".into(),
            ));
        }
    }
}

/// Explains a failed parse. Text that isn't JSON: the line and column. Otherwise each package
/// that fails on its own is named by its id, with the field (`benefits.extra_floors`); an error
/// outside the packages names its field in the file (`valuation.coverage_ratio`).
pub(super) fn structure_errors(text: &str, whole: &serde_json::Error) -> Vec<FieldError> {
    use crate::read::json_error::{describe, field_of, without_position};
    let file_error = FieldError::from_serde(DataFile::Packages, text, whole);
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return vec![file_error];
    };
    let mut errs = Vec::new();
    for (i, p) in v
        .get("packages")
        .and_then(|p| p.as_array())
        .into_iter()
        .flatten()
        .enumerate()
    {
        let compact = p.to_string();
        if let Err(e) = serde_json::from_str::<Package>(&compact) {
            let id = p
                .get("id")
                .and_then(|x| x.as_str())
                .filter(|x| !x.trim().is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| format!("#{i}"));
            // Positions in the re-serialised package mean nothing to the reader.
            let m = e.to_string();
            let m = without_position(&m);
            let (fa, en) = (describe(m, Lang::Fa), describe(m, Lang::En));
            errs.push(FieldError::package(
                &id,
                field_of(&compact, &e),
                FieldKind::WrongForm,
                fa,
                en,
            ));
        }
    }
    if errs.is_empty() || !file_error.field.starts_with("packages[") {
        errs.push(file_error);
    }
    errs
}
