//! The three front ends agree: every question of a corpus (the fixture points and plots, every
//! input form, plates, codes, plot ids, block ids and names, corner lists, GeoJSON text, and the
//! bad-input corpus's typed entries) is put to the core's `answer`, to the JS API's engine and to
//! `baft check --json`, and the statuses, zones, percentages, package verdicts, choices, error
//! codes and error messages must be identical.

mod common;
#[path = "../../../tests/bad-inputs/corpus.rs"]
mod corpus;
use common::{baft, repo};

use baft_core::answer::{answer, Ask, AskError, Question};
use baft_core::base::jalali::GregorianDate;
use baft_core::dataset::Dataset;
use baft_core::Lang;
use baft_js::engine::{Body, Engine};
use serde_json::{json, Value};

const TODAY: GregorianDate = GregorianDate {
    year: 2026,
    month: 12,
    day: 1,
};

/// `baft check` on the sample data, in English, on TODAY.
const CHECK: [&str; 7] = [
    "check",
    "--data",
    "data",
    "--lang",
    "en",
    "--date",
    "2026-12-01",
];

fn sample() -> Dataset {
    let dir = repo().join("data");
    let m = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    Dataset::load(
        &m,
        |rel| Ok(std::fs::read_to_string(dir.join(rel)).unwrap()),
    )
    .unwrap()
    .0
}

fn engine() -> Engine {
    let dir = repo().join("data");
    let m = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let mut e = Engine::new(&m, Lang::En).unwrap();
    for f in e.files() {
        let bytes = std::fs::read(dir.join(&f.path)).unwrap();
        e.add_file(&f.path, Body::Bytes(&bytes)).unwrap();
    }
    e
}

/// The questions: one line each (the CLI reads them from stdin), and multi-line corner lists.
fn questions() -> Vec<String> {
    let fx: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/sample-points.json")).unwrap(),
    )
    .unwrap();
    let mut q = Vec::new();
    for (_, v) in fx.as_object().unwrap() {
        for p in [&v["point"], &v["south_edge_midpoint"]] {
            if let (Some(lat), Some(lon)) = (p["lat"].as_f64(), p["lon"].as_f64()) {
                q.push(format!("{lat}, {lon}"));
                q.push(format!("{lon} {lat}"));
                q.push(baft_core::base::digits::to_persian_digits(&format!(
                    "{lat}، {lon}"
                )));
                q.push(format!("geo:{lat},{lon}"));
                q.push(format!("https://www.openstreetmap.org/#map=18/{lat}/{lon}"));
            }
            if let Some(u) = p["utm39n"].as_array() {
                q.push(format!("E {} N {}", u[0], u[1]));
            }
        }
        if let Some(f) = v["file"].as_str() {
            let t = std::fs::read_to_string(repo().join("tests/fixtures").join(f)).unwrap();
            let one_line: Value = serde_json::from_str(&t).unwrap();
            q.push(one_line.to_string());
        }
    }
    q.extend(
        [
            "121/1",
            "بخش ۱۱ پلاک ۱۲۱/۱",
            "11-121/1",
            "0185-001",
            "QB-0185-001",
            "QB-0232",
            "qb-0232",
            "کاووسیه",
            "كاووسيه",
            "محلهٔ سرخ‌حصار",
            "محله سرخ حصار",
            "35°41′42″N 51°05′40″E",
            "hello",
            "",
            "999999/1",
            "3751400406",
            "خیابان سرو، پلاک ۱۵۴",
            "سرو 154",
            "No. 154, Sarv Street",
            "خيابان سرو پلاک ۹۹۹۹",
            "کوچهٔ ۲۲",
        ]
        .map(String::from),
    );
    q.push("A: E 508550 N 3950130\nB: E 508570 N 3950130\nC: E 508570 N 3950150\nD: E 508550 N 3950150".into());
    q.push("35.6950 51.0945\n35.6950 51.0947\n35.6952 51.0947".into());
    for (_, file) in corpus::load_all() {
        for e in file.entries {
            if matches!(e.kind.as_str(), "search" | "plate" | "plot") && e.generate.is_none() {
                let t = corpus::text(&e);
                if t.len() < 100_000 {
                    q.push(t);
                }
            }
        }
    }
    q
}

/// What must agree, from the core's (or the CLI's) JSON.
fn core_form(a: &Value) -> Value {
    if let Some(c) = a.get("choices") {
        let ids: Vec<_> = c.as_array().unwrap().iter().map(choice_id).collect();
        return json!({ "choices": ids });
    }
    let layers: Vec<Value> = a["result"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let zones: Vec<Value> = match l.get("overlaps") {
                Some(o) => o
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|z| z["zone"]["id"].clone())
                    .collect(),
                None => l["zones"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|z| z["id"].clone())
                    .collect(),
            };
            let percent = l
                .get("share")
                .and_then(Value::as_f64)
                .map(|s| round(s * 100.0));
            json!([l["layer"]["id"], l["status"], zones, percent])
        })
        .collect();
    json!({ "kind": a["kind"], "layers": layers, "packages": verdicts(&a["incentives"]["results"], "package", "status") })
}

/// The same from the JS API's answer.
fn js_form(a: &Value) -> Value {
    if a["kind"] == "choices" {
        let ids: Vec<_> = a["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(choice_id)
            .collect();
        return json!({ "choices": ids });
    }
    let layers: Vec<Value> = a["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let zones: Vec<Value> = l["zones"]
                .as_array()
                .unwrap()
                .iter()
                .map(|z| z["id"].clone())
                .collect();
            let percent = l.get("percent").and_then(Value::as_f64).map(round);
            json!([l["id"], l["status"], zones, percent])
        })
        .collect();
    json!({ "kind": a["kind"], "layers": layers, "packages": verdicts(&a["packages"], "", "verdict") })
}

fn choice_id(c: &Value) -> Value {
    c.get("plot_id")
        .or(c.get("plotId"))
        .unwrap_or(&c["id"])
        .clone()
}

fn verdicts(results: &Value, nested: &str, field: &str) -> Value {
    let list = results.as_array().cloned().unwrap_or_default();
    Value::Array(
        list.iter()
            .map(|r| {
                let id = if nested.is_empty() {
                    &r["id"]
                } else {
                    &r[nested]["id"]
                };
                json!([id, r[field]])
            })
            .collect(),
    )
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The core's and the JS API's answers to `q`, which must agree: the core's form of its answer,
/// or its error.
fn agreed(ds: &Dataset, js: &Engine, q: &str) -> Result<Value, AskError> {
    let core = answer(ds, Question::Text(q), &Ask::on(TODAY));
    let j = js.check(q, None, TODAY);
    match (core, j) {
        (Ok(a), Ok(ja)) => {
            let want = core_form(&serde_json::to_value(&a).unwrap());
            assert_eq!(
                js_form(&serde_json::to_value(&ja).unwrap()),
                want,
                "JS API on {q:?}"
            );
            Ok(want)
        }
        (Err(e), Err(je)) => {
            assert_eq!(e.message(Lang::En), je, "JS API error on {q:?}");
            Err(e)
        }
        (core, j) => panic!("{q:?}: core {core:?}, JS API {j:?}"),
    }
}

/// The CLI's answers to the one-line questions, through stdin (one process).
fn cli_lines(lines: &[&String]) -> Vec<Value> {
    let mut input = String::new();
    for l in lines {
        input += l;
        input.push('\n');
    }
    let out = baft(&CHECK, Some(input.as_str()));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn core_js_api_and_cli_give_the_same_answers() {
    let ds = sample();
    let js = engine();
    let qs = questions();
    assert!(qs.len() > 200, "{} questions", qs.len());
    // The CLI's stdin mode reads one question a line and skips blank lines.
    let one_line: Vec<&String> = qs
        .iter()
        .filter(|q| !q.contains('\n') && !q.contains('\r') && !q.trim().is_empty())
        .collect();
    let cli = cli_lines(&one_line);
    assert_eq!(cli.len(), one_line.len());
    let mut compared = (0, 0);
    for (q, c) in one_line.iter().zip(&cli) {
        match agreed(&ds, &js, q) {
            Ok(want) => {
                assert_eq!(core_form(c), want, "CLI on {q:?}");
                compared.0 += 1;
            }
            Err(e) => {
                assert_eq!(
                    c["message"],
                    json!(e.message(Lang::En)),
                    "CLI error on {q:?}"
                );
                assert_eq!(
                    c["error"]["code"],
                    json!(e.code()),
                    "CLI error code on {q:?}"
                );
                compared.1 += 1;
            }
        }
    }
    // Multi-line questions (corners, outlines) go to the CLI as --point, one process each, or
    // as a --plot file when they hold a NUL byte (no argument can).
    let file = std::env::temp_dir().join(format!("baft-agreement-{}.txt", std::process::id()));
    for q in qs.iter().filter(|q| q.contains('\n')) {
        let mut args = [&CHECK[..], &["--json"]].concat();
        if q.contains('\0') {
            assert!(baft_core::answer::search::is_outline(q));
            std::fs::write(&file, q).unwrap();
            args.extend(["--plot", file.to_str().unwrap()]);
        } else {
            args.extend(["--point", q]);
        }
        let out = baft(&args, None);
        match agreed(&ds, &js, q) {
            Ok(want) => {
                let c: Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(core_form(&c), want, "CLI on {q:?}");
            }
            Err(e) => {
                let err = String::from_utf8(out.stderr).unwrap();
                assert!(
                    err.contains(&e.message(Lang::En)),
                    "CLI error on {q:?}: {err}"
                );
                assert_eq!(out.status.code(), Some(2));
            }
        }
    }
    assert!(
        compared.0 > 50 && compared.1 > 100,
        "answers, errors compared: {compared:?}"
    );
}
