//! The files a manifest lists, as the core's load plan gives them, and adding each one's
//! contents.

use super::*;
use baft_core::dataset::FileBody;
use baft_core::read::plan::{load_plan, Planned, Role};
use baft_core::say;

impl Engine {
    /// Every file the manifest lists, in the order the app loads them (the core's load plan).
    pub fn files(&self) -> Vec<FileEntry> {
        load_plan(&self.ds.manifest)
            .into_iter()
            .map(|f| {
                let (layer, version) = match &f.role {
                    Role::Layer { spec, version } | Role::Version { spec, version } => {
                        (Some(spec.id.clone()), Some(version.id.clone()))
                    }
                    _ => (None, None),
                };
                FileEntry {
                    kind: FileKind::of(&f.role),
                    path: f.path,
                    binary: f.binary,
                    layer,
                    version,
                }
            })
            .collect()
    }

    fn not_listed(&self, path: &str) -> String {
        say!(
            self.lang,
            "«{path}» در فهرست فایل‌های manifest.json نیست",
            "“{path}” is not a file manifest.json lists"
        )
    }

    /// Adds a listed file's contents; returns the problems found in it.
    pub fn add_file(&mut self, path: &str, body: Body) -> Result<Vec<Problem>, String> {
        let file: Planned = load_plan(&self.ds.manifest)
            .into_iter()
            .find(|f| f.path == path)
            .ok_or_else(|| self.not_listed(path))?;
        let body = match body {
            Body::Text(t) => FileBody::Text(t),
            Body::Bytes(b) => FileBody::Bytes(b),
            Body::Owned(b) => FileBody::Owned(b),
        };
        let problems = self
            .ds
            .add_file(&file, body)
            .map_err(|e| e.message(self.lang))?;
        self.problems.retain(|p| p.location.file != path);
        self.problems.extend(problems.iter().cloned());
        Ok(problems)
    }

    /// Records that a file could not be fetched (the rest goes on loading, as in the app).
    pub fn add_file_error(&mut self, path: &str, detail: &str) -> Problem {
        let p = Problem::file_error(
            path,
            ProblemKind::FileUnreadable {
                why: baft_core::error::Unreadable::Other {
                    text: detail.into(),
                },
            },
        );
        self.problems.retain(|q| q.location.file != path);
        self.problems.push(p.clone());
        p
    }
}

impl FileKind {
    fn of(role: &Role) -> FileKind {
        match role {
            Role::Layer { .. } => FileKind::Layer,
            Role::Version { .. } => FileKind::Version,
            Role::Packages => FileKind::Packages,
            Role::Offices => FileKind::Offices,
            Role::Streets => FileKind::Streets,
            Role::Parcels => FileKind::Parcels,
        }
    }
}
