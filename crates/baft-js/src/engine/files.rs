//! The files a manifest lists: their roles and load order, and adding each one's contents.

use super::*;

/// What to do with a file's contents.
enum Role {
    Layer(LayerSpec, BoundaryVersion),
    Version(LayerSpec, BoundaryVersion),
    Packages,
    Offices,
    Parcels,
}

impl Engine {
    fn roles(&self) -> Vec<(FileEntry, Role)> {
        let m = &self.ds.manifest;
        let entry = |path: &str, kind, l: Option<(&LayerSpec, &BoundaryVersion)>| FileEntry {
            path: path.into(),
            kind,
            binary: kind == FileKind::Parcels && baft_core::read::pack::is_pack(path),
            layer: l.map(|(s, _)| s.id.clone()),
            version: l.map(|(_, v)| v.id.clone()),
        };
        // The app's order: current versions first, then the small files, then older versions
        // and the (large) parcel layer.
        let mut v = Vec::new();
        for (s, ver, f) in planned_files(m) {
            v.push((
                entry(&f, FileKind::Layer, Some((&s, &ver))),
                Role::Layer(s, ver),
            ));
        }
        if let Some(p) = &m.packages {
            v.push((entry(p, FileKind::Packages, None), Role::Packages));
        }
        if let Some(o) = &m.offices {
            v.push((entry(o, FileKind::Offices, None), Role::Offices));
        }
        for (s, ver, f) in other_version_files(m) {
            v.push((
                entry(&f, FileKind::Version, Some((&s, &ver))),
                Role::Version(s, ver),
            ));
        }
        if let Some(p) = &m.parcels {
            v.push((entry(&p.file, FileKind::Parcels, None), Role::Parcels));
        }
        v
    }

    /// Every file the manifest lists, in the order the app loads them.
    pub fn files(&self) -> Vec<FileEntry> {
        self.roles().into_iter().map(|(e, _)| e).collect()
    }

    fn not_listed(&self, path: &str) -> String {
        match self.lang {
            Lang::Fa => format!("«{path}» در فهرست فایل‌های manifest.json نیست"),
            Lang::En => format!("“{path}” is not a file manifest.json lists"),
        }
    }

    /// Adds a listed file's contents; returns the problems found in it.
    pub fn add_file<'a>(&mut self, path: &str, body: Body<'a>) -> Result<Vec<Problem>, String> {
        let role = self
            .roles()
            .into_iter()
            .find(|(e, _)| e.path == path)
            .map(|(_, r)| r)
            .ok_or_else(|| self.not_listed(path))?;
        let lang = self.lang;
        // Borrowed, never copied: a parcel layer can be tens of MB, and wasm memory never
        // shrinks, so every copy raises the page's memory for good.
        let text = |body: &Body<'a>| -> Result<&'a str, String> {
            match *body {
                Body::Text(t) => Ok(t),
                Body::Bytes(b) => {
                    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
                    std::str::from_utf8(b).map_err(|_| {
                        BaftError::Data {
                            file: path.into(),
                            detail: lang.pick("متن UTF-8 نیست", "not UTF-8 text").into(),
                        }
                        .message(lang)
                    })
                }
            }
        };
        let ds = &mut self.ds;
        let problems = match role {
            Role::Layer(spec, version) => ds.add_layer(&spec, &version, path, text(&body)?),
            Role::Version(spec, version) => {
                ds.add_other_version(&spec, &version, path, text(&body)?)
            }
            Role::Packages => ds.set_packages(path, text(&body)?),
            Role::Offices => ds.set_offices(path, text(&body)?),
            Role::Parcels if baft_core::read::pack::is_pack(path) => match body {
                Body::Bytes(b) => ds.set_parcels_packed(b, None),
                Body::Text(_) => {
                    return Err(match lang {
                        Lang::Fa => format!(
                            "«{path}» فایل فشرده (دودویی) است؛ بایت‌هایش را با addFileBytes بدهید"
                        ),
                        Lang::En => format!(
                            "“{path}” is a packed (binary) file: pass its bytes to addFileBytes"
                        ),
                    })
                }
            },
            Role::Parcels => ds.set_parcels(text(&body)?),
        };
        self.problems.retain(|p| p.location.file != path);
        self.problems.extend(problems.iter().cloned());
        Ok(problems)
    }

    /// Records that a file could not be fetched (the rest goes on loading, as in the app).
    pub fn add_file_error(&mut self, path: &str, detail: &str) -> Problem {
        let p = Problem::file_error(
            path,
            ProblemKind::FileUnreadable {
                detail: detail.into(),
            },
        );
        self.problems.retain(|q| q.location.file != path);
        self.problems.push(p.clone());
        p
    }
}
