//! Outreach that stays current: for each target neighbourhood, a printable brochure (A4, both
//! sides) and a banner (300 × 100 cm, vector), made from the same data files the app answers
//! from (packages, offices, boundaries), each with a QR code that opens Baft on that
//! neighbourhood.
//!
//! [`for_neighbourhood`] asks the core's own [`crate::answer::answer`] about a point inside the
//! neighbourhood, so the packages a brochure lists are the ones the app would list there; the
//! QR code carries a share link ([`crate::answer::share`]) to that point.
//!
//! [`letters`] writes one letter per surveyed plot inside the worn-out fabric, from the core's
//! answer for that plot (the answer `baft batch` gives): the packages that apply to it, the
//! office, the documents, and a QR code that opens Baft on the plot.

mod letters;
mod print;
pub use letters::{letters, letters_html, PlotLetter};
pub use print::{banner_svg, brochure_html};

use crate::answer::share::{SharedState, Subject};
use crate::answer::{answer, Answer, Ask, Place, Question};
use crate::base::jalali::GregorianDate;
use crate::base::LocalText;
use crate::dataset::Dataset;
use crate::layer::offices::OfficeMatch;
use crate::packages::rules::PackageStatus;
use crate::read::manifest::LayerKind;

/// One package as a brochure lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageLine {
    /// The package's id.
    pub id: String,
    /// The package's name.
    pub name: LocalText,
    /// Applies to every plot there, or may apply (depends on the plot's facts).
    pub status: PackageStatus,
    /// What it gives, one line each, in Persian and English.
    pub benefits: Vec<LocalText>,
}

/// What a neighbourhood's brochure and banner say.
#[derive(Debug, Clone, PartialEq)]
pub struct NeighbourhoodOutreach {
    /// The neighbourhood's id (`TN-01`).
    pub id: String,
    /// Its name.
    pub name: LocalText,
    /// A point inside it, (lon, lat).
    pub point: (f64, f64),
    /// The link the QR code carries: Baft on that point.
    pub link: String,
    /// The packages that apply or may apply there.
    pub packages: Vec<PackageLine>,
    /// The office serving it.
    pub office: Option<OfficeMatch>,
    /// The documents to bring to the office.
    pub documents: Vec<LocalText>,
    /// The data release it was made from.
    pub data_version: String,
    /// Sample data: every page says so.
    pub sample: bool,
}

/// Where the outreach's QR codes open Baft.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AppLink<'a> {
    /// The published app's address (`https://baft.qods.ir/`).
    pub url: &'a str,
    /// In a national deployment, the city's id in its catalogue (the link's `c=`), so that a
    /// link opens this city's data instead of the city chooser; `None` for a single city's.
    pub city: Option<&'a str>,
}

impl<'a> AppLink<'a> {
    /// The single city's app at `url`.
    pub fn at(url: &'a str) -> AppLink<'a> {
        AppLink { url, city: None }
    }
}

/// The outreach of every zone of the target-neighbourhood layers, for the app at `app` (the
/// link is the answer's share link there: `url#p=lat,lon&c=…&lang=fa&v=…&b=…`, as the app
/// writes it), with packages judged on `today`. The packages
/// are those that apply or may apply at a point inside the neighbourhood, or inside one of its
/// worn-out blocks (where most packages are).
pub fn all(ds: &Dataset, app: &AppLink, today: GregorianDate) -> Vec<NeighbourhoodOutreach> {
    use geo::Contains;
    let zones = ds
        .layers
        .iter()
        .filter(|l| l.spec.kind == LayerKind::TargetNeighbourhood)
        .flat_map(|l| l.zones.iter());
    let worn: Vec<(f64, f64)> = (ds.layers.iter())
        .filter(|l| l.spec.kind == LayerKind::WornOutFabric)
        .flat_map(|l| l.zones.iter())
        .filter_map(|z| crate::geometry::interior::interior_point(&z.lon_lat))
        .collect();
    zones
        .filter_map(|z| {
            let p = crate::geometry::interior::interior_point(&z.lon_lat)?;
            let inside = |q: &&(f64, f64)| z.lon_lat.contains(&geo::Point::new(q.0, q.1));
            let also = worn.iter().find(inside).copied();
            let mut o = for_neighbourhood(ds, &z.id, &z.name, p, app, today);
            if let Some(q) = also {
                let more = for_neighbourhood(ds, &z.id, &z.name, q, app, today).packages;
                for m in more {
                    match o.packages.iter_mut().find(|p| p.id == m.id) {
                        Some(p) if m.status == PackageStatus::Applies => p.status = m.status,
                        Some(_) => {}
                        None => o.packages.push(m),
                    }
                }
            }
            Some(o)
        })
        .collect()
}

/// One neighbourhood's outreach, from the answer at `point` (lon, lat) inside it.
pub fn for_neighbourhood(
    ds: &Dataset,
    id: &str,
    name: &LocalText,
    point: (f64, f64),
    app: &AppLink,
    today: GregorianDate,
) -> NeighbourhoodOutreach {
    let (lon, lat) = point;
    let place = match answer(ds, Question::Point { lon, lat }, &Ask::on(today)) {
        Ok(Answer::Place(p)) => Some(p),
        _ => None,
    };
    let state = SharedState {
        lang: Some(crate::Lang::Fa),
        city: app.city.map(str::to_string),
        ..match &place {
            Some(p) => SharedState::of_place(ds, p),
            None => SharedState {
                subject: Some(Subject::Point { lat, lon }),
                ..Default::default()
            },
        }
    };
    NeighbourhoodOutreach {
        id: id.into(),
        name: name.clone(),
        point,
        link: link(app.url, &state),
        packages: place.as_ref().map(|p| package_lines(p)).unwrap_or_default(),
        office: place.and_then(|p| p.office),
        documents: documents(ds),
        data_version: ds.manifest.data_version.clone(),
        sample: ds.manifest.sample_data,
    }
}

/// The app at `base_url` opened on `state`.
fn link(base_url: &str, state: &SharedState) -> String {
    format!("{}#{}", base_url.trim_end_matches('#'), state.to_fragment())
}

/// The documents to bring to the office.
fn documents(ds: &Dataset) -> Vec<LocalText> {
    (ds.offices.as_ref())
        .map(|o| o.documents.clone())
        .unwrap_or_default()
}

/// The packages that apply or may apply to a place, with what each gives in both languages.
fn package_lines(place: &Place) -> Vec<PackageLine> {
    let words = |b| {
        let (fa, en) = (
            crate::packages::words::benefits(b, crate::Lang::Fa),
            crate::packages::words::benefits(b, crate::Lang::En),
        );
        fa.into_iter()
            .zip(en)
            .map(|(fa, en)| LocalText::new(&fa, &en))
            .collect()
    };
    (place.incentives.as_ref())
        .map(|e| {
            e.results
                .iter()
                .filter(|r| matches!(r.status, PackageStatus::Applies | PackageStatus::MayApply))
                .map(|r| PackageLine {
                    id: r.package.id.clone(),
                    name: r.package.name.clone(),
                    status: r.status,
                    benefits: words(&r.package.benefits),
                })
                .collect()
        })
        .unwrap_or_default()
}
