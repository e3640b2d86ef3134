//! `baft compare` fills the consolidation scenarios' neighbours as the app does, from the core's
//! one rule (`compare::neighbour_areas`): a blank neighbour is the adjoining surveyed plot, else
//! this plot's area; a figure is read with its unit, and one that does not read is an error
//! naming the neighbour, never replaced.

mod common;
use baft_core::answer::{answer, Answer, Ask, Question};
use baft_core::dataset::Dataset;
use common::{assert_ok, baft, repo, stderr, stdout};

/// The CSV's data rows: (scenario, plots, area).
fn rows(csv: &str) -> Vec<(String, String, f64)> {
    (csv.trim_start_matches('\u{FEFF}').split("\r\n").skip(1))
        .filter(|l| !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0].into(), c[1].into(), c[2].parse().unwrap())
        })
        .collect()
}

fn compare(point: &str, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "compare",
        "--data",
        "data",
        "--point",
        point,
        "--date",
        "1405/09/05",
    ];
    args.extend(more);
    args.extend(["--lang", "en"]);
    baft(&args, None)
}

#[test]
fn blank_neighbours_are_the_adjoining_plots_then_this_plots_area() {
    let dir = repo().join("data");
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let (ds, _) = Dataset::load(&manifest, |p| {
        Ok(std::fs::read_to_string(dir.join(p)).unwrap())
    })
    .unwrap();
    let parcels = ds.parcels.as_ref().unwrap();
    // A surveyed plot with two plots adjoining it.
    let ask = Ask::on(baft_core::base::jalali::GregorianDate {
        year: 2026,
        month: 11,
        day: 26,
    });
    let (id, own, adjoining) = (0..parcels.len())
        .find_map(|i| {
            let Ok(Answer::Place(p)) = answer(&ds, Question::Parcel(i), &ask) else {
                return None;
            };
            let a = p.adjoining_areas(&ds);
            let own = parcels.info(i)?.area_m2?;
            (a.len() == 2).then(|| (parcels.info(i).unwrap().plot_id.clone(), own, a))
        })
        .unwrap();
    // No --neighbours: the app's three blank fields: the two adjoining plots, then this plot's.
    let o = compare(&id, &[]);
    assert_ok(&o);
    let r = rows(&stdout(&o));
    let areas: Vec<f64> = r.iter().map(|x| x.2).collect();
    let close = |a: f64, b: f64| (a - b).abs() < 0.05;
    assert_eq!(r.len(), 4, "{r:?}");
    assert!(close(areas[0], own), "{areas:?}");
    assert!(
        close(areas[1], own + adjoining[0]),
        "{areas:?} {adjoining:?}"
    );
    assert!(
        close(areas[2], own + adjoining[0] + adjoining[1]),
        "{areas:?}"
    );
    assert!(
        close(areas[3], own + adjoining[0] + adjoining[1] + own),
        "{areas:?}"
    );
    // Figures with a unit and in Persian digits are read; a blank one is filled.
    let o = compare(&id, &["--neighbours", "180 m2,,۱۰۰ متر"]);
    assert_ok(&o);
    let r = rows(&stdout(&o));
    assert!(close(r[1].2, own + 180.0), "{r:?}");
    assert!(close(r[2].2, own + 180.0 + adjoining[1]), "{r:?}");
    assert!(close(r[3].2, own + 180.0 + adjoining[1] + 100.0), "{r:?}");
    // One that does not read is an error naming the neighbour.
    let o = compare(&id, &["--neighbours", "100,180 ft"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("The area of neighbour 2 (“180 ft”) is not a positive number of m²"),
        "{}",
        stderr(&o)
    );
}
