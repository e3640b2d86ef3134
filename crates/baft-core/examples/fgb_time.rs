//! Times reading a FlatGeobuf parcel layer natively: decoding alone, then the whole layer.
//! `cargo run --release -p baft-core --example fgb_time -- DATA_DIR` (a folder from `baft pack`).
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a data folder"));
    let m = baft_core::read::manifest::Manifest::parse(
        &std::fs::read_to_string(dir.join("manifest.json")).unwrap(),
    )
    .unwrap();
    let spec = m.parcels.clone().expect("a parcel layer");
    let bytes = std::fs::read(dir.join(&spec.file)).unwrap();
    let t = std::time::Instant::now();
    let raw = baft_core::read::fgb::read(&spec.file, &bytes, None).unwrap();
    let decode = t.elapsed();
    let [lon, lat] = m.city.center;
    let frame = baft_core::geometry::projection::TransverseMercator::local(lon, lat);
    let t = std::time::Instant::now();
    let p = baft_core::layer::parcels::ParcelLayer::load_fgb(&spec, &bytes, None, &frame);
    let whole = t.elapsed();
    println!(
        "{} plots: decode {:?}, whole layer {:?} ({} read)",
        raw.features.len(),
        decode,
        whole,
        p.len()
    );
}
