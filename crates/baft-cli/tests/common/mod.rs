#![allow(dead_code)]
//! Running the `baft` binary from the repository's root, as a user does.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The repository's root (the sample data is `data/` under it).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `baft` with `args`, feeding `stdin` when given.
pub fn baft(args: &[&str], stdin: Option<&str>) -> Output {
    baft_bytes(args, stdin.map(str::as_bytes))
}

/// Runs `baft` with `args`, feeding `stdin`'s bytes when given; a panic (exit 101) fails the
/// test.
pub fn baft_bytes(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baft"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s).unwrap();
    }
    drop(child.stdin.take());
    let o = child.wait_with_output().unwrap();
    assert_ne!(
        o.status.code(),
        Some(101),
        "baft {args:?} panicked: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Runs `baft check --data data` (the sample data) followed by `args`.
pub fn check(args: &[&str]) -> Output {
    baft(&[&["check", "--data", "data"][..], args].concat(), None)
}

/// Asserts that a run exited 0, with its standard error as the message.
#[track_caller]
pub fn assert_ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
}

/// Standard output read as JSON.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fixture point of `tests/fixtures/sample-points.json`: (lat, lon).
pub fn fixture(key: &str) -> (f64, f64) {
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/sample-points.json")).unwrap(),
    )
    .unwrap();
    (
        v[key]["point"]["lat"].as_f64().unwrap(),
        v[key]["point"]["lon"].as_f64().unwrap(),
    )
}

/// A copy of the sample data folder in `t` (as `t/data`).
pub fn sample_copy(t: &std::path::Path) -> PathBuf {
    let d = t.join("data");
    let o = Command::new("cp")
        .args(["-r", "data", d.to_str().unwrap()])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(o.status.success());
    d
}

/// An empty folder of this test run's own under the system's temporary folder.
pub fn fresh_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("baft-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// Runs `baft` with `words` (split at spaces) and then the folder `out`.
pub fn baft_out(words: &str, out: &std::path::Path) -> Output {
    let mut args: Vec<&str> = words.split(' ').collect();
    args.push(out.to_str().unwrap());
    baft(&args, None)
}
