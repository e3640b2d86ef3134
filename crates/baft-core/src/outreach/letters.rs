//! Owner letters: one printed page per surveyed plot inside the worn-out fabric, with the
//! packages that apply to that plot, the office, the documents and a QR code to Baft on it.

use super::print::{document_items, esc, office_lines};
use super::{documents, link, package_lines, AppLink, NeighbourhoodOutreach};
use crate::answer::certificate::qr_svg;
use crate::answer::share::SharedState;
use crate::answer::{answer, Answer, Ask, Question, Report};
use crate::base::digits::to_persian_digits as fa;
use crate::base::jalali::GregorianDate;
use crate::base::LocalText;
use crate::dataset::Dataset;
use crate::packages::rules::PackageStatus;
use crate::read::manifest::LayerKind;

/// One owner's letter.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotLetter {
    /// The plot's id.
    pub plot_id: String,
    /// Its registration plate, as written (`11-121/406`).
    pub plate: Option<String>,
    /// Its street address, in Persian.
    pub address: Option<String>,
    /// The target neighbourhood it is in (id, name), if any.
    pub neighbourhood: Option<(String, LocalText)>,
    /// The packages, office, documents and link (to the plot), as a brochure has them.
    pub about: NeighbourhoodOutreach,
}

/// A letter for every plot of the parcel layer that the worn-out fabric holds (inside, or
/// partly inside and counted as inside by the manifest's threshold), in the layer's order,
/// judged on `today`; each link opens the app at `app` on the plot. A letter is filed under the
/// plot's neighbourhood: the target neighbourhood holding the largest part of it, whose office
/// the letter names ([`crate::answer::Place::neighbourhoods`]). With `only`, just the plots of
/// that target neighbourhood.
pub fn letters(
    ds: &Dataset,
    app: &AppLink,
    today: GregorianDate,
    only: Option<&str>,
) -> Vec<PlotLetter> {
    let Some(parcels) = ds.parcels.as_ref() else {
        return Vec::new();
    };
    // With `only`, the plots whose outline comes near that neighbourhood are asked about.
    let only_zone = only.and_then(|id| {
        (ds.layers.iter())
            .filter(|l| l.spec.kind == LayerKind::TargetNeighbourhood)
            .flat_map(|l| l.zones.iter())
            .find(|z| z.id == id)
    });
    if only.is_some() && only_zone.is_none() {
        return Vec::new();
    }
    let near = |i: usize| {
        use geo::{BoundingRect, Intersects};
        let Some(z) = only_zone else { return true };
        let rings = parcels.rings(i);
        let line = geo::LineString::from(rings.first().cloned().unwrap_or_default());
        match (line.bounding_rect(), z.lon_lat.bounding_rect()) {
            (Some(a), Some(b)) => a.intersects(&b),
            _ => false,
        }
    };
    (0..parcels.len())
        .filter(|&i| near(i))
        .filter_map(|i| {
            let Ok(Answer::Place(place)) = answer(ds, Question::Parcel(i), &Ask::on(today)) else {
                return None;
            };
            let Report::Plot(r) = &place.result else {
                return None;
            };
            let in_fabric = (r.layers.iter())
                .any(|l| l.layer.kind == LayerKind::WornOutFabric && l.counts_as_inside);
            let info = place.parcel.as_ref().filter(|_| in_fabric)?;
            // Filed under the neighbourhood the answer's office serves first.
            let zone = place.neighbourhoods(ds).into_iter().next();
            if only.is_some_and(|id| zone.as_ref().is_none_or(|z| z.id != id)) {
                return None;
            }
            let neighbourhood = zone.map(|z| (z.id.clone(), z.name.clone()));
            let state = SharedState {
                lang: Some(crate::Lang::Fa),
                city: app.city.map(str::to_string),
                ..SharedState::of_place(ds, &place)
            };
            let (lon, lat) = place.lon_lat();
            Some(PlotLetter {
                plot_id: info.plot_id.clone(),
                plate: info.plate_text(),
                address: info.address(crate::Lang::Fa),
                about: NeighbourhoodOutreach {
                    id: info.plot_id.clone(),
                    name: neighbourhood
                        .as_ref()
                        .map(|n| n.1.clone())
                        .unwrap_or_default(),
                    point: (lon, lat),
                    link: link(app.url, &state),
                    packages: package_lines(&place),
                    office: place.office.clone(),
                    documents: documents(ds),
                    data_version: ds.manifest.data_version.clone(),
                    sample: ds.manifest.sample_data,
                },
                neighbourhood,
            })
        })
        .collect()
}

/// The letters as one HTML file to print, a page each (A4, Persian).
pub fn letters_html(letters: &[PlotLetter], date: &str) -> String {
    let mut h = String::from(
        "<!doctype html><html lang=fa dir=rtl><head><meta charset=utf-8><title>نامه به مالکان — بافت</title><style>\
         @page { size: A4; margin: 14mm; } body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 0; color: #111; line-height: 1.5; font-size: 10pt; }\
         .letter { break-after: page; } .letter:last-child { break-after: auto; } h1 { font-size: 14pt; color: #0b3d91; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 3mm 0 1mm; }\
         p { margin: 1.5mm 0; } ul { margin: 1mm 0; padding-inline-start: 5mm; } .id { direction: ltr; unicode-bidi: isolate; font-family: monospace; }\
         .foot { display: grid; grid-template-columns: 1fr 36mm; gap: 5mm; align-items: start; break-inside: avoid; } .qr svg { width: 34mm; height: 34mm; }\
         .link { direction: ltr; unicode-bidi: isolate; font-size: 7pt; word-break: break-all; }\
         .package { break-inside: avoid; } .sample { background: #fff3cd; padding: 1mm 2mm; } .en { direction: ltr; unicode-bidi: isolate; color: #4f5862; font-size: 8.5pt; display: block; }</style></head><body>",
    );
    for l in letters {
        let o = &l.about;
        let whose = match (&l.plate, &l.address) {
            (Some(p), Some(a)) => format!(
                "پلاک ثبتی <bdi dir=ltr>{}</bdi>، {}",
                fa(&esc(p)),
                esc(&fa(a))
            ),
            (Some(p), None) => format!("پلاک ثبتی <bdi dir=ltr>{}</bdi>", fa(&esc(p))),
            (None, Some(a)) => esc(&fa(a)),
            (None, None) => String::new(),
        };
        let packages: String = o
            .packages
            .iter()
            .map(|p| {
                let tag = match p.status {
                    PackageStatus::Applies => "شامل ملک شما می‌شود",
                    _ => "بسته به ویژگی‌هایی که باید به دفتر بگویید",
                };
                let lines: Vec<String> = p.benefits.iter().map(|b| esc(&fa(&b.fa))).collect();
                format!(
                    "<li class=package><b>{}</b> ({tag}): {}</li>",
                    esc(&fa(&p.name.fa)),
                    lines.join("؛ ")
                )
            })
            .collect();
        let office = office_lines(o).join("، ");
        let documents = document_items(o);
        let sample = if o.sample {
            "<p class=sample>دادهٔ نمونه: این نامه برای آزمایش ساخته شده و رسمی نیست.</p>"
        } else {
            ""
        };
        let area = l
            .neighbourhood
            .as_ref()
            .map(|(_, n)| format!(" در {}", esc(&n.fa)))
            .unwrap_or_default();
        h += &format!(
            "<section class=letter><p>تاریخ: {date}</p><h1>به مالک محترم ملک {whose}</h1>{sample}\
             <p>ملک شما (شناسهٔ <span class=id>{id}</span>){area} در محدودهٔ بافت فرسوده است. بر پایهٔ برداشت دفتر تسهیلات، این بسته‌های تشویقی نوسازی به آن مربوط است:</p>\
             <ul>{packages}</ul><div class=foot><div><h2>کجا بروید</h2><p>{office}</p><h2>مدارک لازم</h2><ul>{documents}</ul>\
             <p>کد را با دوربین گوشی بخوانید: «بافت» روی همین ملک باز می‌شود. <span class=en>Scan with a phone camera: Baft opens on this plot.</span></p></div>\
             <div><div class=qr role=img aria-label=\"کد QR بافت برای این ملک\">{qr}</div><p class=link>{link}</p></div></div></section>",
            date = fa(date),
            id = esc(&l.plot_id),
            qr = qr_svg(&o.link).unwrap_or_default(),
            link = esc(&o.link),
        );
    }
    h += "</body></html>";
    h
}
