//! The spec of a working layer that no manifest version describes: the plot-by-plot survey, the
//! urban blocks. Such a layer has one unapproved version, and is read by its id property.

use crate::read::manifest::{ApprovalDate, BoundaryVersion, LayerKind, LayerSpec, LocalText};

/// What a working layer is called and where it comes from.
pub struct Working<'a> {
    /// The layer's id (`parcels`, `blocks`).
    pub id: &'a str,
    /// Its name.
    pub name: LocalText,
    /// Its one version's id and title (`survey`, "plot-by-plot survey").
    pub version: (&'a str, LocalText),
    /// The file it is read from.
    pub file: &'a str,
    /// The property holding each feature's id.
    pub id_property: String,
    /// The file's declared coordinate system, if any.
    pub crs: Option<String>,
}

impl Working<'_> {
    /// The layer spec and its one version.
    pub fn spec(self) -> (LayerSpec, BoundaryVersion) {
        let version = BoundaryVersion {
            id: self.version.0.into(),
            title: self.version.1,
            file: self.file.into(),
            approved: ApprovalDate {
                jalali: String::new(),
                iso: String::new(),
            },
            approved_by: LocalText::default(),
            crs: self.crs,
        };
        let spec = LayerSpec {
            id: self.id.into(),
            // Not a boundary: the kind only decides nothing here.
            kind: LayerKind::TargetNeighbourhood,
            name: self.name,
            versions: vec![version.clone()],
            current: None,
            source: Default::default(),
            id_property: Some(self.id_property),
            name_property: None,
            name_en_property: None,
            colour: "#555555".into(),
        };
        (spec, version)
    }
}
