//! `baft`: the command-line face of Baft's core. See `docs/cli.md`.
//!
//! Exit codes: 0 ran fine (whatever the answer), 2 bad input or data (with the error on stderr).

mod check;
mod data;
mod incentives;
mod staff;

use baft_core::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "baft",
    version,
    about = "Is this plot in an urban-regeneration area? (بافت: استعلام بافت فرسوده)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a point or a plot outline against every layer (points from stdin when neither is given).
    Check(CheckArgs),
    /// Work with incentive packages files.
    Packages {
        #[command(subcommand)]
        command: PackagesCommand,
    },
    /// Compare scenarios for one plot (build alone, consolidate with neighbours) as CSV.
    Compare(CompareArgs),
    /// Check a data folder before publishing (exit 0 clean, 1 warnings, 2 errors).
    Validate {
        dir: PathBuf,
        /// Findings as JSON for tooling.
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Write a corrected copy of a data folder (winding, closed rings, UTM to lon/lat, exact duplicates).
    Fix {
        dir: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// List the blocks added and removed between two versions of a layer.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// text, json or geojson.
        #[arg(long, default_value = "text")]
        format: String,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Designate blocks from the plot-by-plot survey: the three criteria per block, and the
    /// proposal (blocks to add and remove) against the approved boundary.
    Designate {
        dir: PathBuf,
        /// Every block's figures and the proposal as JSON.
        #[arg(long)]
        json: bool,
        /// Write the blocks and the proposal (GeoJSON, FlatGeobuf) and a CSV per block here.
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Profile each target neighbourhood from the plot-by-plot survey: physical and social facts,
    /// services per resident against the per-capita targets (shortfalls ranked), and catalyst-
    /// project candidates.
    Profile {
        dir: PathBuf,
        /// Every neighbourhood's profile as JSON.
        #[arg(long)]
        json: bool,
        /// Write each neighbourhood's printable profile (profile-ID.html) here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The per-capita targets file (default DIR/reference/per-capita.json).
        #[arg(long)]
        targets: Option<PathBuf>,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Write each target neighbourhood's brochure (A4, both sides) and banner (300 × 100 cm), with
    /// a QR code that opens Baft at URL on the neighbourhood.
    Outreach {
        dir: PathBuf,
        /// The address of the published app, e.g. https://baft.qods.ir/
        #[arg(long)]
        url: String,
        #[arg(long)]
        out: PathBuf,
        /// The day packages are judged on: Jalali 1405/09/05 or ISO 2026-11-26; default today.
        #[arg(long)]
        date: Option<String>,
        /// Also write owner letters: a page for every surveyed plot inside the worn-out fabric,
        /// one file per target neighbourhood (letters-<id>.html; letters-other.html for the rest).
        #[arg(long)]
        letters: bool,
        /// With --letters: only the plots of this target neighbourhood (its id, e.g. TN-03).
        #[arg(long, value_name = "ID", requires = "letters")]
        neighbourhood: Option<String>,
        /// In a national deployment: the city's id in the catalogue, which the links carry so
        /// that they open this city (default: found in the catalogue beside DIR).
        #[arg(long, value_name = "ID")]
        city: Option<String>,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Copy a data folder with its parcel layer as FlatGeobuf (.fgb) for fast loading.
    Pack {
        dir: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Check many plots from a CSV of `id,location` (point, plate, code, WKT or GeoJSON polygon).
    Batch {
        file: PathBuf,
        #[command(flatten)]
        check: CheckArgs,
        /// csv (UTF-8 with BOM, default) or json (one line per row).
        #[arg(long, default_value = "csv")]
        format: String,
    },
}

#[derive(Subcommand)]
enum PackagesCommand {
    /// Validate a packages file (exit 0 valid, 2 errors naming package and field).
    Validate {
        file: PathBuf,
        /// Data folder whose manifest's layers the conditions may name.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        #[arg(long, default_value = "fa", value_parser = parse_lang)]
        lang: Lang,
    },
}

#[derive(clap::Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub check: CheckArgs,
    /// Neighbours' areas in m² for the consolidation scenarios (up to 3), e.g. 100,120; a
    /// blank one (100,,) is the adjoining surveyed plot's area, else this plot's. Default: three
    /// blank ones, as the app's three fields.
    #[arg(long, value_name = "M2,M2,...", value_delimiter = ',')]
    pub neighbours: Option<Vec<String>>,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Data folder holding manifest.json.
    #[arg(long, value_name = "DIR", conflicts_with = "zones")]
    pub data: Option<PathBuf>,
    /// A single GeoJSON file of zones, checked without a manifest.
    #[arg(long, value_name = "FILE.geojson")]
    pub zones: Option<PathBuf>,
    /// A point in any accepted form: "35.71,51.11", "E 510122 N 3951756", DMS, geo: URI, map link.
    #[arg(long, value_name = "TEXT", conflicts_with = "plot")]
    pub point: Option<String>,
    /// A plot outline: GeoJSON (Polygon/Feature/FeatureCollection) or corners, one per line.
    #[arg(long, value_name = "FILE")]
    pub plot: Option<PathBuf>,
    /// Machine-readable JSON mirroring the core's result type.
    #[arg(long)]
    pub json: bool,
    /// Language of the text output and messages: fa (default) or en.
    #[arg(long, default_value = "fa", value_parser = parse_lang)]
    pub lang: Lang,
    /// Plot facts for the incentive packages: area=180,street=8,units=4,axis=no,use=residential,
    /// plots=2,consolidated_area=220,block_project=no,age=40,structure=steel_frame.
    #[arg(long, value_name = "K=V,...")]
    pub facts: Option<String>,
    /// The day packages are judged on (validity): Jalali 1405/09/05 or ISO 2026-11-26; default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

impl CheckArgs {
    /// Only the data folder and the language: what the staff commands load data with.
    pub fn for_data(dir: &std::path::Path, lang: Lang) -> CheckArgs {
        CheckArgs {
            data: Some(dir.to_path_buf()),
            zones: None,
            point: None,
            plot: None,
            json: false,
            lang,
            facts: None,
            date: None,
        }
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use fa or en"))
}

/// A failure that ends the run with exit code 2.
pub struct Failure(pub String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Packages {
            command: PackagesCommand::Validate { file, data, lang },
        } => incentives::validate(&file, data.as_deref(), lang),
        Command::Compare(args) => check::compare(&args),
        Command::Validate { dir, json, lang } => staff::validate(&dir, json, lang),
        Command::Fix { dir, out, lang } => staff::fix(&dir, &out, lang),
        Command::Diff {
            old,
            new,
            format,
            lang,
        } => staff::diff(&old, &new, &format, lang),
        Command::Pack { dir, out, lang } => staff::pack(&dir, &out, lang),
        Command::Outreach {
            dir,
            url,
            out,
            date,
            letters,
            neighbourhood,
            city,
            lang,
        } => staff::outreach(
            &dir,
            baft_core::outreach::AppLink {
                url: &url,
                city: city.as_deref(),
            },
            &out,
            date.as_deref(),
            letters,
            neighbourhood.as_deref(),
            lang,
        ),
        Command::Profile {
            dir,
            json,
            out,
            targets,
            lang,
        } => staff::profile(&dir, json, out.as_deref(), targets.as_deref(), lang),
        Command::Designate {
            dir,
            json,
            out,
            lang,
        } => staff::designate(&dir, json, out.as_deref(), lang),
        Command::Batch {
            file,
            check: args,
            format,
        } => data::load(&args).and_then(|(ds, _)| {
            staff::batch(
                &file,
                &ds,
                &format,
                incentives::today(args.date.as_deref(), args.lang)?,
                args.lang,
            )
        }),
    };
    match result {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("baft: {msg}");
            ExitCode::from(2)
        }
    }
}
