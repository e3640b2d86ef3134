//! The load plan: which files a manifest lists, in which order they are loaded, and what each
//! is for. The app, the JS API, the CLI and the validator all follow it.
//!
//! The order puts the first answer first: each layer's current boundary version (a point is
//! answered as soon as these are in), then the small files (packages, offices, streets), then the
//! other boundary versions (for history), and the parcel layer, the largest, last.
//!
//! ```
//! use baft_core::read::manifest::Manifest;
//! use baft_core::read::plan::{load_plan, Role};
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/manifest.json")).unwrap();
//! let plan = load_plan(&Manifest::parse(&text).unwrap());
//! assert!(matches!(plan[0].role, Role::Layer { .. }));
//! assert!(matches!(plan.last().unwrap().role, Role::Parcels));
//! ```

use super::manifest::{BoundaryVersion, LayerSpec, Manifest};

/// What a listed file is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A layer's current boundary version: checks use it.
    Layer {
        /// The layer.
        spec: LayerSpec,
        /// Its current version.
        version: BoundaryVersion,
    },
    /// Another (older or newer) boundary version of a layer, for history and diffs.
    Version {
        /// The layer.
        spec: LayerSpec,
        /// The version this file holds.
        version: BoundaryVersion,
    },
    /// The incentive packages.
    Packages,
    /// The facilitation offices.
    Offices,
    /// The streets reference layer (for the map and the search box).
    Streets,
    /// The plot-by-plot parcel layer.
    Parcels,
}

impl Role {
    /// The role's name, as the JS API lists files: `layer`, `version`, `packages`, `offices`,
    /// `streets`, `parcels`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Layer { .. } => "layer",
            Role::Version { .. } => "version",
            Role::Packages => "packages",
            Role::Offices => "offices",
            Role::Streets => "streets",
            Role::Parcels => "parcels",
        }
    }
}

/// One file to load.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// Relative to the manifest.
    pub path: String,
    /// What it is for.
    pub role: Role,
    /// Read it as bytes (a FlatGeobuf file), not as text.
    pub binary: bool,
}

/// Every file the manifest lists, in load order (see the module docs).
pub fn load_plan(m: &Manifest) -> Vec<Planned> {
    let text = |path: &str, role| Planned {
        path: path.into(),
        role,
        binary: super::fgb::is_fgb(path),
    };
    let mut plan = Vec::new();
    let versions = |current: bool| {
        m.layers.iter().flat_map(move |l| {
            let now = l.current_version().map(|v| v.id.clone());
            l.versions
                .iter()
                .filter(move |v| (Some(&v.id) == now.as_ref()) == current)
                .map(move |v| (l.clone(), v.clone()))
        })
    };
    for (spec, version) in versions(true) {
        plan.push(text(&version.file.clone(), Role::Layer { spec, version }));
    }
    if let Some(p) = &m.packages {
        plan.push(text(p, Role::Packages));
    }
    if let Some(o) = &m.offices {
        plan.push(text(o, Role::Offices));
    }
    if let Some(s) = &m.streets {
        plan.push(text(s, Role::Streets));
    }
    for (spec, version) in versions(false) {
        plan.push(text(&version.file.clone(), Role::Version { spec, version }));
    }
    if let Some(p) = &m.parcels {
        plan.push(text(&p.file, Role::Parcels));
    }
    plan
}
