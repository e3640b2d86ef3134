//! The core's answer rendered as the JS API's object, with words in the API's language: its
//! sentences keep ids and codes whole in a right-to-left page ([`iso`]).

#[allow(unused_imports)]
use super::*;
use baft_core::answer::{Place, PlaceKind, Report as CoreReport};
use baft_core::base::bidi::isolated as iso;
use baft_core::check::{LayerPlotResult, LayerPointResult, PlotStatus, PointStatus};
use baft_core::dataset::Dataset;
use baft_core::packages::rules::Evaluation;
use baft_core::packages::words;
use baft_core::{check::words as text, Lang};

fn version(v: &baft_core::check::VersionRef) -> VersionAnswer {
    VersionAnswer {
        id: v.id.clone(),
        title: v.title.clone(),
        approved: v.approved.clone(),
        approved_by: v.approved_by.clone(),
    }
}

fn point_layer(l: &LayerPointResult, lang: Lang) -> LayerAnswer {
    LayerAnswer {
        id: l.layer.id.clone(),
        kind: l.layer.kind,
        name: l.layer.name.clone(),
        status: match l.status {
            PointStatus::Inside => Status::Inside,
            PointStatus::OnBoundary => Status::OnBoundary,
            PointStatus::Outside => Status::Outside,
        },
        status_text: text::point_status_word(l.status, lang).into(),
        sentence: iso(&text::point_sentence(l, lang)),
        percent: None,
        inside_area_m2: None,
        counts_as_inside: None,
        version: version(&l.layer.version),
        version_text: iso(&text::version_line(&l.layer.version, lang)),
        zones: l.zones.iter().map(|z| ZoneAnswer::of(z)).collect(),
        distance_m: l.distance_m,
        nearest: l.nearest.as_deref().map(ZoneAnswer::of),
    }
}

fn plot_layer(l: &LayerPlotResult, lang: Lang) -> LayerAnswer {
    LayerAnswer {
        id: l.layer.id.clone(),
        kind: l.layer.kind,
        name: l.layer.name.clone(),
        status: match l.status {
            PlotStatus::Inside => Status::Inside,
            PlotStatus::PartlyInside => Status::PartlyInside,
            PlotStatus::Outside => Status::Outside,
        },
        status_text: text::plot_status_word(l.status, lang).into(),
        sentence: iso(&text::plot_sentence(l, lang)),
        percent: Some(l.share * 100.0),
        inside_area_m2: Some(l.inside_area_m2),
        counts_as_inside: Some(l.counts_as_inside),
        version: version(&l.layer.version),
        version_text: iso(&text::version_line(&l.layer.version, lang)),
        zones: l
            .overlaps
            .iter()
            .map(|o| ZoneAnswer {
                area_m2: Some(o.area_m2),
                percent: Some(o.share * 100.0),
                ..ZoneAnswer::of(&o.zone)
            })
            .collect(),
        distance_m: l.distance_m,
        nearest: l.nearest.as_deref().map(ZoneAnswer::of),
    }
}

fn packages(ds: &Dataset, lang: Lang, eval: Option<&Evaluation>) -> Vec<PackageAnswer> {
    let Some(eval) = eval else {
        return Vec::new();
    };
    let names: words::LayerNames = ds
        .manifest
        .layers
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect();
    eval.results
        .iter()
        .map(|r| PackageAnswer {
            id: r.package.id.clone(),
            name: r.package.name.clone(),
            group: r.package.group,
            verdict: r.status,
            verdict_text: words::status(r.status, lang).into(),
            counted: r.counted,
            excluded_by: r.excluded_by.clone(),
            sample_assumption: r.package.sample_assumption,
            conditions: r
                .conditions
                .iter()
                .map(|o| ConditionAnswer {
                    text: iso(&words::condition(&o.condition, &names, lang)),
                    truth: o.truth,
                })
                .collect(),
            missing: r.missing.clone(),
            questions: r
                .missing
                .iter()
                .map(|f| iso(&words::question(*f, lang)))
                .collect(),
            unmet: words::unmet(r, &names, lang)
                .into_iter()
                .map(|u| UnmetAnswer {
                    text: iso(&words::unmet_line(&u, lang)),
                    condition: iso(&u.0),
                    change: iso(&u.1),
                })
                .collect(),
            benefits: (words::benefits(&r.package.benefits, lang).iter())
                .map(|b| iso(b))
                .collect(),
            worth: r.worth.clone(),
        })
        .collect()
}

fn base(ds: &Dataset, lang: Lang, kind: AnswerKind) -> Answer {
    let m = &ds.manifest;
    Answer {
        kind,
        input: None,
        lat: None,
        lon: None,
        area_m2: None,
        in_data_area: None,
        sample_data: m.sample_data,
        notice: m.sample_data.then(|| text::sample_notice(lang).to_string()),
        data_version: m.data_version.clone(),
        layers: Vec::new(),
        packages: Vec::new(),
        disclaimer: None,
        incentives: None,
        facts: None,
        office: None,
        plot: None,
        choices: Vec::new(),
        report: None,
    }
}

/// The core's answer in the JS API's shape, with words in `lang`.
pub fn render(ds: &Dataset, lang: Lang, a: baft_core::answer::Answer) -> Answer {
    match a {
        baft_core::answer::Answer::Place(p) => place(ds, lang, *p),
        baft_core::answer::Answer::Choices(c) => {
            let mut a = base(ds, lang, AnswerKind::Choices);
            a.choices = c
                .choices
                .iter()
                .map(|ch| camel_case(serde_json::to_value(ch).unwrap_or_default()))
                .collect();
            a
        }
    }
}

fn place(ds: &Dataset, lang: Lang, p: Place) -> Answer {
    let mut a = base(
        ds,
        lang,
        match p.kind {
            PlaceKind::Point => AnswerKind::Point,
            PlaceKind::Plot => AnswerKind::Plot,
        },
    );
    let (lon, lat) = p.lon_lat();
    a.lat = Some(lat);
    a.lon = Some(lon);
    a.input = p.input;
    match &p.result {
        CoreReport::Point(r) => {
            a.in_data_area = Some(r.in_data_area);
            a.layers = r.layers.iter().map(|l| point_layer(l, lang)).collect();
        }
        CoreReport::Plot(r) => {
            a.area_m2 = Some(r.area_m2);
            a.in_data_area = Some(r.in_data_area);
            a.layers = r.layers.iter().map(|l| plot_layer(l, lang)).collect();
        }
    }
    a.plot = p
        .parcel_index
        .zip(p.parcel)
        .map(|(index, info)| PlotAnswer {
            index,
            plot_id: info.plot_id.clone(),
            plate: info.plate_text(),
            renovation_code: info.renovation_code.clone(),
            postal_code: info
                .postal_code
                .map(baft_core::layer::parcels::postal::text),
            block_id: info.block_id.clone(),
            address: info.address(lang),
            info,
        });
    a.office = p.office;
    a.packages = packages(ds, lang, p.incentives.as_ref());
    a.disclaimer = p
        .incentives
        .as_ref()
        .and(ds.packages.as_ref())
        .map(|pk| iso(pk.disclaimer.get(lang)));
    a.incentives = p.incentives;
    a.facts = Some(p.facts);
    a.report = Some(p.result);
    a
}

/// A core object with its field names in camelCase, as the JS API names fields.
fn camel_case(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let mut key = String::with_capacity(k.len());
                    let mut upper = false;
                    for c in k.chars() {
                        if c == '_' {
                            upper = true;
                        } else if upper {
                            key.extend(c.to_uppercase());
                            upper = false;
                        } else {
                            key.push(c);
                        }
                    }
                    (key, v)
                })
                .collect(),
        ),
        v => v,
    }
}
