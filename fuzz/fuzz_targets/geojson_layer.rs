//! GeoJSON zone files through the loader the app uses (`Dataset::add_layer`, via
//! `Dataset::from_single_file_with_problems`: `geojson::parse_feature_collection`, the CRS
//! decision, projection, ring validation and the prepared index), then the queries the app
//! makes on a loaded layer: point checks, a plot check, history and the map's GeoJSON.
//!
//! Asserts: never a panic; every problem names the file; every zone kept has a finite,
//! positive area; the map's GeoJSON is valid JSON; a plot's share in a layer is within 0–1.
#![no_main]

use baft_core::dataset::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((ds, problems)) = Dataset::from_single_file_with_problems("f.geojson", text) else {
        return;
    };
    assert!(problems.iter().all(|p| p.location.file == "f.geojson"));
    let [cx, cy] = ds.manifest.city.center;
    let mut points = vec![(cx, cy)];
    for l in &ds.layers {
        for z in l.zones.iter().take(4) {
            assert!(
                z.area_m2.is_finite() && z.area_m2 > 0.0,
                "{}: {}",
                z.id,
                z.area_m2
            );
            if let Some(c) = z.lon_lat.0.first().and_then(|p| p.exterior().0.first()) {
                points.push((c.x, c.y));
                points.push((c.x + 1e-5, c.y + 1e-5));
            }
        }
        let map = l.display_geojson();
        assert!(
            serde_json::from_str::<serde_json::Value>(&map).is_ok(),
            "{map}"
        );
    }
    for &(lon, lat) in points.iter().take(6) {
        let _ = ds.check_point((lon, lat));
        let _ = ds.history((lon, lat));
        // A 20 m square plot at the point (about 2e-4° of longitude and latitude here).
        let d = 2e-4;
        let plot = vec![vec![
            (lon - d / 2.0, lat - d / 2.0),
            (lon + d / 2.0, lat - d / 2.0),
            (lon + d / 2.0, lat + d / 2.0),
            (lon - d / 2.0, lat + d / 2.0),
            (lon - d / 2.0, lat - d / 2.0),
        ]];
        if let Ok(r) = ds.check_plot(&plot) {
            for l in &r.layers {
                assert!(
                    l.share.is_finite() && (-1e-9..=1.0 + 1e-9).contains(&l.share),
                    "{}",
                    l.share
                );
            }
        }
    }
});
