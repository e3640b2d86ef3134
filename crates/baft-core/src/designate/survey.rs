//! One surveyed plot, read once: the facts the designation analysis and the neighbourhood
//! profile both count.

use crate::layer::Zone;
use crate::read::manifest::DesignationSettings;
use crate::read::properties::{number as survey_number, text};
use serde_json::Value;

/// One plot of the plot-by-plot survey (`None`: the survey has no answer for it).
///
/// The designation analysis uses its block, area, structure and access width; the
/// neighbourhood profile uses all of it. Both read it with [`SurveyPlot::read`], so they never
/// disagree about a plot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurveyPlot {
    /// Its position among the survey layer's zones (set by the caller; features the reader left
    /// out have none, so this is not the feature's index in the file).
    pub index: usize,
    /// Its id.
    pub plot_id: String,
    /// The block it is in (`block_id`), upper case.
    pub block_id: Option<String>,
    /// Area, m² (the survey's, else measured from the outline).
    pub area_m2: Option<f64>,
    /// Year built (Jalali).
    pub built_year: Option<i64>,
    /// The structural system (lower case).
    pub structure: Option<String>,
    /// Whether the building has no structural system (the designation settings' values).
    pub unstable: Option<bool>,
    /// Floors.
    pub floors: Option<i64>,
    /// Width of the passage it is reached by, m.
    pub access_width_m: Option<f64>,
    /// Land use.
    pub land_use: Option<String>,
    /// `sound`, `ruined` or `vacant`.
    pub condition: Option<String>,
    /// `private`, `municipal` or `endowment`.
    pub ownership: Option<String>,
    /// Households.
    pub households: Option<i64>,
    /// Residents.
    pub residents: Option<i64>,
    /// `owner` or `tenant`.
    pub tenure: Option<String>,
    /// Fronts a main axis.
    pub on_main_axis: bool,
}

impl SurveyPlot {
    /// Reads a plot of the survey layer with the settings' field names for area, structure and
    /// access width. A text answer is trimmed and lower-cased; a number given where text is
    /// expected (a block `12`, a structure code `3`) is read as its digits.
    /// (`tests/profile.rs` checks that the analysis and the profile read a plot alike.)
    pub fn read(z: &Zone, s: &DesignationSettings) -> SurveyPlot {
        let f = z.properties.pick([
            "block_id",
            s.fine_grain.field.as_str(),
            "built_year",
            s.instability.field.as_str(),
            "floors",
            s.impermeability.field.as_str(),
            "land_use",
            "condition",
            "ownership",
            "households",
            "residents",
            "tenure",
            "on_main_axis",
        ]);
        let int = |v: &Option<Value>| survey_number(v).map(|x| x.round() as i64);
        let count = |v: &Option<Value>| int(v).filter(|n| *n >= 0);
        // A text answer in lower case (`Masonry` is `masonry`); a number as its digits.
        let survey_text = |v: &Option<Value>| text(v).map(|t| t.to_lowercase());
        let structure = survey_text(&f[3]);
        let values = &s.instability.values;
        SurveyPlot {
            index: 0,
            plot_id: z.id.clone(),
            block_id: survey_text(&f[0]).map(|b| b.to_uppercase()),
            area_m2: survey_number(&f[1])
                .or(Some(z.area_m2))
                .filter(|a| *a > 0.0),
            built_year: int(&f[2]),
            unstable: structure
                .as_ref()
                .map(|v| values.iter().any(|x| &x.to_lowercase() == v)),
            structure,
            floors: int(&f[4]),
            access_width_m: survey_number(&f[5]).filter(|w| *w >= 0.0),
            land_use: survey_text(&f[6]),
            condition: survey_text(&f[7]),
            ownership: survey_text(&f[8]),
            households: count(&f[9]),
            residents: count(&f[10]),
            tenure: survey_text(&f[11]),
            on_main_axis: matches!(f[12], Some(Value::Bool(true))),
        }
    }
}
