//! The bad-input corpus (`tests/bad-inputs/`) through the `baft` binary: each entry's exact
//! message (Persian and English) appears in the output, with the documented exit code
//! (docs/cli.md), and nothing panics (a panic exits 101).
//!
//! - `search`, `plate`: `baft check --data D --point=TEXT` (exit 2 and `baft: <message>` on
//!   stderr; 0 for inputs accepted by design); the 100 MB paste goes through stdin mode.
//! - `plot`: `baft check --data D --plot FILE`. Files that are not UTF-8 are refused by the CLI
//!   itself before the core sees them (its own "not UTF-8 text" message, exit 2).
//! - `layer`: one data folder listing every layer entry: `baft check` prints each file's
//!   problems on stderr (exit 0, the other layers answer) and `baft validate` lists them (exit 2).
//! - `manifest`: a folder with that manifest: `baft check` (exit 2) and `baft validate` (exit 2).
//! - `packages`: the sample data with that packages file: `baft validate` lists the exact
//!   problems (exit 2) and `baft packages validate` names package and field (exit 2).
//! - `link`: the CLI opens no share links (the core test and the browser test cover them).

#[path = "../../../tests/bad-inputs/corpus.rs"]
mod corpus;

mod common;
use common::baft_bytes as baft;
use corpus::{Entry, Expect};
use std::path::{Path, PathBuf};
use std::process::Output;

const LANGS: [&str; 2] = ["fa", "en"];

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn pick<'a>(x: &'a Expect, lang: &str) -> &'a str {
    if lang == "fa" {
        &x.fa
    } else {
        &x.en
    }
}

/// A scratch folder under target/ (the 100 MB inputs are written there, then removed).
fn scratch(name: &str) -> PathBuf {
    let d = corpus::repo()
        .join("target/tmp")
        .join(format!("bad-inputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A copy of the sample data with a small parcel layer (its first 300 plots: plates and codes
/// still resolve, loading stays fast) and without the blocks layer.
fn small_data(dir: &Path) -> serde_json::Value {
    let src = corpus::repo().join("data");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(src.join("manifest.json")).unwrap()).unwrap();
    m.as_object_mut().unwrap().remove("blocks");
    std::fs::create_dir_all(dir.join("layers")).unwrap();
    std::fs::create_dir_all(dir.join("parcels")).unwrap();
    std::fs::create_dir_all(dir.join("reference")).unwrap();
    for f in ["offices.json", "packages.json", "reference/streets.geojson"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    for l in m["layers"].as_array().unwrap() {
        for v in l["versions"].as_array().unwrap() {
            let f = v["file"].as_str().unwrap();
            std::fs::copy(src.join(f), dir.join(f)).unwrap();
        }
    }
    let mut parcels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(src.join("parcels/parcels.geojson")).unwrap(),
    )
    .unwrap();
    parcels["features"].as_array_mut().unwrap().truncate(300);
    std::fs::write(dir.join("parcels/parcels.geojson"), parcels.to_string()).unwrap();
    std::fs::write(dir.join("manifest.json"), m.to_string()).unwrap();
    m
}

/// `baft check --data DATA`, then `more`, then `--lang LANG`.
fn check_in(data: &str, more: &[&str], lang: &str) -> Output {
    baft(
        &[&["check", "--data", data][..], more, &["--lang", lang]].concat(),
        None,
    )
}

/// Writes each entry of `kind` in turn as the file `name` of a scratch copy of the small sample
/// data and calls `each(entry, data folder, that file, failures)`; then removes the copy and
/// fails with every failure found.
#[track_caller]
fn each_entry_as(
    kind: &str,
    name: &str,
    mut each: impl FnMut(&Entry, &str, &str, &mut Vec<String>),
) {
    let dir = scratch(kind);
    small_data(&dir);
    let data = dir.to_str().unwrap();
    let file = dir.join(name);
    let mut failures = Vec::new();
    for e in of_kind(kind) {
        std::fs::write(&file, corpus::bytes(&e)).unwrap();
        each(&e, data, file.to_str().unwrap(), &mut failures);
    }
    finish(&dir, &failures);
}

/// Removes the scratch folder, then fails with every failure found.
#[track_caller]
fn finish(dir: &Path, failures: &[String]) {
    let _ = std::fs::remove_dir_all(dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn of_kind(kind: &str) -> Vec<Entry> {
    corpus::entries()
        .into_iter()
        .filter(|e| e.kind == kind)
        .collect()
}

#[test]
fn typed_searches_and_plates() {
    let dir = scratch("search");
    small_data(&dir);
    let data = dir.to_str().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for e in of_kind("search").into_iter().chain(of_kind("plate")) {
        let input = corpus::text(&e);
        for lang in LANGS {
            let o = if input.len() > 100_000 {
                // Too long for a command line: one line on stdin (exit 2: a line unread).
                let o = baft(
                    &["check", "--data", data, "--lang", lang],
                    Some(input.as_bytes()),
                );
                let line: serde_json::Value =
                    serde_json::from_str(text(&o.stdout).lines().next().unwrap_or("{}")).unwrap();
                let want = e.expect.as_ref().map(|x| pick(x, lang).to_string());
                if o.status.code() != Some(2)
                    || line["message"].as_str().map(str::to_string) != want
                {
                    failures.push(format!("{} [{lang}] stdin: {:?} {}", e.id, o.status, line));
                }
                continue;
            } else {
                check_in(data, &[format!("--point={input}").as_str()], lang)
            };
            n += 1;
            let err = text(&o.stderr);
            match &e.expect {
                Some(x) => {
                    let want = format!("baft: {}\n", pick(x, lang));
                    if o.status.code() != Some(2) || !err.contains(&want) {
                        failures.push(format!(
                            "{} [{lang}]: exit {:?}\n  want {want}  got  {err}",
                            e.id, o.status
                        ));
                    }
                }
                None => {
                    if o.status.code() != Some(0) {
                        failures.push(format!("{} [{lang}] accepted: {:?} {err}", e.id, o.status));
                    }
                }
            }
        }
    }
    finish(&dir, &failures);
    assert!(n > 200, "{n} runs");
}

#[test]
fn plot_outlines() {
    let dir = scratch("plot");
    small_data(&dir.join("data"));
    let data = dir.join("data");
    let mut failures = Vec::new();
    for e in of_kind("plot") {
        let bytes = corpus::bytes(&e);
        let file = dir.join(format!("{}.txt", e.id));
        std::fs::write(&file, &bytes).unwrap();
        let utf8 = std::str::from_utf8(&bytes).is_ok();
        for lang in LANGS {
            let o = check_in(
                data.to_str().unwrap(),
                &["--plot", file.to_str().unwrap()],
                lang,
            );
            let err = text(&o.stderr);
            let want = match (&e.expect, utf8) {
                (Some(x), true) => Some(format!("baft: {}\n", pick(x, lang))),
                // The CLI reads the file as UTF-8 itself (the app replaces bad bytes).
                (Some(_), false) => Some(lang_pick(lang, "متن UTF-8 نیست", "not UTF-8 text")),
                (None, _) => None,
            };
            let ok = match &want {
                Some(w) => o.status.code() == Some(2) && err.contains(w.as_str()),
                None => o.status.code() == Some(0),
            };
            if !ok {
                failures.push(format!(
                    "{} [{lang}]: exit {:?}\n  want {want:?}\n  got  {err}",
                    e.id, o.status
                ));
            }
        }
        let _ = std::fs::remove_file(&file);
    }
    finish(&dir, &failures);
}

fn lang_pick(lang: &str, fa: &str, en: &str) -> String {
    if lang == "fa" { fa } else { en }.to_string()
}

#[test]
fn zone_layers_in_one_data_folder() {
    let dir = scratch("layers");
    let mut m = small_data(&dir);
    let layers = of_kind("layer");
    std::fs::create_dir_all(dir.join("bad")).unwrap();
    for e in &layers {
        std::fs::write(dir.join(corpus::layer_file(e)), corpus::bytes(e)).unwrap();
        m["layers"]
            .as_array_mut()
            .unwrap()
            .push(corpus::layer_spec_json(e));
    }
    std::fs::write(dir.join("manifest.json"), m.to_string()).unwrap();
    let data = dir.to_str().unwrap();
    let mut failures = Vec::new();
    for lang in LANGS {
        // `check`: the problems on stderr, and the good layers still answer.
        let o = check_in(data, &["--point", "35.7097,51.1119"], lang);
        let err = text(&o.stderr);
        if o.status.code() != Some(0) {
            failures.push(format!("check [{lang}]: exit {:?} {err}", o.status));
        }
        // `validate`: every rule; the same loading problems among its findings.
        let v = baft(&["validate", data, "--lang", lang], None);
        let out = text(&v.stdout);
        if v.status.code() != Some(2) {
            failures.push(format!("validate [{lang}]: exit {:?}", v.status));
        }
        for e in &layers {
            let Some(x) = &e.expect else { continue };
            for line in pick(x, lang).lines() {
                let (tag_err, tag_warn) = match lang {
                    "fa" => ("خطا", "هشدار"),
                    _ => ("error", "warning"),
                };
                let in_check = err.contains(&format!("baft: {tag_err}: {line}\n"))
                    || err.contains(&format!("baft: {tag_warn}: {line}\n"));
                let in_validate = out.contains(&format!("{tag_err}: {line}\n"))
                    || out.contains(&format!("{tag_warn}: {line}\n"));
                if !in_check || !in_validate {
                    failures.push(format!(
                        "{} [{lang}] (check {in_check}, validate {in_validate}): {line}",
                        e.id
                    ));
                }
            }
        }
    }
    finish(&dir, &failures);
}

#[test]
fn manifests() {
    each_entry_as("manifest", "manifest.json", |e, data, _, failures| {
        for lang in LANGS {
            let o = check_in(data, &["--point", "35.7097,51.1119"], lang);
            let err = text(&o.stderr);
            let ok = match &e.expect {
                Some(x) => {
                    o.status.code() == Some(2)
                        && err.contains(&format!("baft: {}\n", pick(x, lang)))
                }
                None => o.status.code() == Some(0),
            };
            if !ok {
                failures.push(format!("{} [{lang}]: exit {:?} {err}", e.id, o.status));
            }
        }
        if e.expect.is_some() {
            let v = baft(&["validate", data, "--lang", "en"], None);
            if v.status.code() != Some(2) || !text(&v.stdout).contains("manifest.json") {
                failures.push(format!("{} validate: exit {:?}", e.id, v.status));
            }
        }
    });
}

#[test]
fn packages_files() {
    each_entry_as("packages", "packages.json", |e, data, file, failures| {
        for lang in LANGS {
            let v = baft(&["validate", data, "--lang", lang], None);
            let out = text(&v.stdout);
            let p = baft(
                &["packages", "validate", file, "--data", data, "--lang", lang],
                None,
            );
            match &e.expect {
                Some(x) => {
                    let tag = lang_pick(lang, "خطا", "error");
                    for line in pick(x, lang).lines() {
                        if !out.contains(&format!("{tag}: {line}\n")) {
                            failures.push(format!("{} [{lang}] validate: {line}\n{out}", e.id));
                        }
                    }
                    if v.status.code() != Some(2) || p.status.code() != Some(2) {
                        failures.push(format!(
                            "{} [{lang}]: validate exit {:?}, packages validate exit {:?}",
                            e.id, v.status, p.status
                        ));
                    }
                    // `packages validate` words each error as the core does, without the
                    // file-level consequence.
                    let err = text(&p.stderr);
                    for line in pick(x, lang).lines() {
                        let core = line
                            .strip_prefix("packages.json: ")
                            .unwrap_or(line)
                            .trim_end_matches("؛ بسته‌های تشویقی بارگذاری نشد")
                            .trim_end_matches("; the incentive packages were not loaded");
                        if !err.contains(&format!(": {core}\n")) {
                            failures.push(format!(
                                "{} [{lang}] packages validate: {core}\n{err}",
                                e.id
                            ));
                        }
                    }
                }
                None => {
                    if p.status.code() != Some(0) {
                        failures.push(format!("{} [{lang}] accepted: {:?}", e.id, p.status));
                    }
                }
            }
        }
    });
}
