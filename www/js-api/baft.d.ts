// Types for Baft's JS API (baft.mjs and the wasm-bindgen module it wraps). See docs/js-api.md.
//
// The answer's own fields are camelCase. `report`, `incentives`, `facts`, `input`, `office`,
// `plot.info` and each package's `worth` are the core's objects, snake_case, exactly as
// `baft check --json` prints them. Optional fields (`?`) are absent when they don't apply;
// fields typed `| null` are present and null when unknown.

// The vocabulary and the core's objects: baft-core.d.ts, all re-exported (`export type *`
// needs TypeScript 5.0 or later).
export type * from './baft-core.js';
import type {
  Lang, LocalText, ApprovalDate, LayerKind, PointStatus, PlotStatus, Verdict, Truth, FactKey,
  PackageGroup, ParsedLocation, PointReport, PlotReport, PlotFacts, Worth, Evaluation,
  OfficeMatch, ParcelInfo,
} from './baft-core.js';

// ---------------------------------------------------------------------------------------------
// Files

export type FileKind = 'layer' | 'version' | 'packages' | 'offices' | 'streets' | 'parcels';

/** A file the manifest lists. */
export interface FileEntry {
  /** Relative to the manifest. */
  path: string;
  kind: FileKind;
  /** Fetch as bytes and add with `addFileBytes` (a FlatGeobuf `.fgb`). */
  binary: boolean;
  /** Layer and version files: the layer id. */
  layer?: string;
  /** Layer and version files: the boundary version id. */
  version?: string;
}

/** The boundary version an answer used. */
export interface Version {
  id: string;
  title: LocalText;
  approved: ApprovalDate;
  approvedBy: LocalText;
}

/** A layer of the manifest. */
export interface LayerInfo {
  id: string;
  kind: LayerKind;
  name: LocalText;
  colour: string;
  /** The current version (the one checks use). */
  version?: Version;
  /** Its file has been added and has usable features. */
  loaded: boolean;
}

// ---------------------------------------------------------------------------------------------
// The answer

/** A block or zone in a layer answer. */
export interface ZoneAnswer {
  id: string;
  name: LocalText;
  /** Plots: the plot's area inside this zone, m². */
  areaM2?: number;
  /** Plots: that area as a % of the plot, 0–100. */
  percent?: number;
}

interface LayerAnswerBase {
  id: string;
  kind: LayerKind;
  name: LocalText;
  /** The status in a word or two, in the API's language. */
  statusText: string;
  /** The whole answer for this layer in one sentence (the app's and the CLI's words). */
  sentence: string;
  version: Version;
  /** The version in words: "1402 amendment, approved 1402/05/14 (2023-08-05) by …". */
  versionText: string;
  /** Zones holding the point, or the zones the plot overlaps (largest first). Empty when outside. */
  zones: ZoneAnswer[];
  /** Outside: metres to the nearest boundary. */
  distanceM?: number;
  /** Outside: the nearest zone. */
  nearest?: ZoneAnswer;
}

/** A point's answer for one layer. */
export interface PointLayerAnswer extends LayerAnswerBase {
  status: PointStatus;
}

/** A plot's answer for one layer. */
export interface PlotLayerAnswer extends LayerAnswerBase {
  status: PlotStatus;
  /** % of the plot inside the layer, 0–100 (unrounded: round for display). */
  percent: number;
  /** Area of the plot inside the layer, m². */
  insideAreaM2: number;
  /** Whether it counts as inside under the manifest's threshold (partly inside plots). */
  countsAsInside: boolean;
}

export type LayerAnswer = PointLayerAnswer | PlotLayerAnswer;

/** One package's verdict, with its reasons in words (in the API's language). */
export interface PackageAnswer {
  id: string;
  name: LocalText;
  group: PackageGroup;
  verdict: Verdict;
  verdictText: string;
  /** Applies and counts in the combined benefits. */
  counted: boolean;
  /** The package of the same exclusive set that counts instead. */
  excludedBy?: string;
  /** Its values are sample assumptions, not confirmed for this city. */
  sampleAssumption: boolean;
  conditions: { text: string; truth: Truth }[];
  /** Facts whose absence makes it "may apply". */
  missing: FactKey[];
  /** The question to ask for each missing fact. */
  questions: string[];
  /** Unmet conditions and what would change each; `text` is the two on one line, as the app
   * shows them (the arrow points the way the line reads: `←` in Persian). */
  unmet: { condition: string; change: string; text: string }[];
  /** What the package gives, one line each. */
  benefits: string[];
  /** This package's own estimated worth. */
  worth: Worth;
}

/** The surveyed plot an answer is about (found by plate or renovation code). */
export interface PlotAnswer {
  /** Index in the parcel layer (for `checkParcel`). */
  index: number;
  plotId: string;
  /** `section-main/sub` or `main/sub`. */
  plate?: string;
  renovationCode?: string;
  /** Ten digits, as printed on a utility bill. */
  postalCode?: string;
  blockId?: string;
  /** The street address in the API's language (`خیابان سرو، پلاک ۶۱`, `No. 61, Sarv Street`). */
  address?: string;
  info: ParcelInfo;
}

/** One of several matches. */
export type Choice =
  | {
      kind: 'plot';
      /** Check it with `checkParcel(index)`. */
      index: number;
      plotId: string;
      plate?: string;
      renovationCode?: string;
      blockId?: string;
    }
  | {
      kind: 'zone';
      layerId: string;
      id: string;
      name: LocalText;
      /** A point inside the zone: check it with `checkPoint(lon, lat)`. */
      lon: number;
      lat: number;
    }
  | {
      /** A street, square or landmark found by name: show it, and let the user pick the plot on it. */
      kind: 'street';
      /** Its index in the streets file's usable features. */
      index: number;
      name: LocalText;
      /** `boulevard`, `street`, `alley`, `square`…, as the file says. */
      streetKind?: string;
      /** `[minLon, minLat, maxLon, maxLat]`. */
      bbox: [number, number, number, number];
    };

interface AnswerBase {
  sampleData: boolean;
  /** Present with sample data: say it to users. */
  notice?: string;
  dataVersion: string;
}

interface CheckedAnswer extends AnswerBase {
  /** The point checked; for a plot, a point inside it. */
  lat: number;
  lon: number;
  /** Inside the area the data covers. */
  inDataArea: boolean;
  /** Every package with its verdict (empty without a packages file). */
  packages: PackageAnswer[];
  /** The packages file's disclaimer (with packages). */
  disclaimer?: string;
  /** The whole evaluation: combined benefits, worth, assumptions (with packages). */
  incentives?: Evaluation;
  /** The facts the packages were evaluated on. */
  facts: PlotFacts;
  /** The facilitation office for the place (with an offices file). */
  office?: OfficeMatch;
  choices?: never;
}

export interface PointAnswer extends CheckedAnswer {
  kind: 'point';
  /** How typed coordinates were read. */
  input?: ParsedLocation;
  layers: PointLayerAnswer[];
  report: PointReport;
  plot?: never;
  areaM2?: never;
}

export interface PlotAnswerResult extends CheckedAnswer {
  kind: 'plot';
  /** The outline's area, m². */
  areaM2: number;
  layers: PlotLayerAnswer[];
  /** The surveyed plot, when a plate or code found one. */
  plot?: PlotAnswer;
  report: PlotReport;
  input?: never;
}

export interface ChoicesAnswer extends AnswerBase {
  kind: 'choices';
  choices: Choice[];
  layers: [];
  packages: [];
}

/** The answer to `check`, `checkPoint`, `checkPlot` and `checkParcel`. */
export type Answer = PointAnswer | PlotAnswerResult | ChoicesAnswer;

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * Loaded data and the checks on it. Methods that read input throw an `Error` whose message is
 * in the API's language. Call `free()` when done with an instance you no longer need.
 */
export class Baft {
  /** Starts from a manifest's text; then add each file of `files()`. */
  constructor(manifestText: string, lang?: Lang | null);
  /** One GeoJSON file of zones, without a manifest (one layer, id "zones"). */
  static fromZonesText(name: string, text: string, lang?: Lang | null): Baft;
  free(): void;

  /** Messages and sentences in Persian ('fa', the default) or English ('en'). */
  setLanguage(lang: Lang): void;
  readonly language: Lang;
  /** Evaluate packages on this date (Jalali `1405/09/05` or ISO `2026-11-26`); none for today. */
  setDate(date?: string | null): void;

  readonly dataVersion: string;
  readonly sampleData: boolean;
  title(): LocalText;
  /** `[min_lon, min_lat, max_lon, max_lat]` */
  envelope(): Float64Array;
  layers(): LayerInfo[];

  /** Every file the manifest lists, in load order (current layer versions first). */
  files(): FileEntry[];
  /** The current layer files only. */
  plannedFiles(): string[];
  /** Adds a listed file's text; returns its problems (possibly none). Throws for an unlisted path. */
  addFileText(path: string, text: string): string[];
  /**
   * Adds a listed file's bytes (required for `binary` files). A FlatGeobuf parcel layer with an
   * index, in lon/lat, is kept as it is and read in place: ready at once, each plot decoded when
   * a question first needs it (a plot's index is then its feature number in the file).
   */
  addFileBytes(path: string, bytes: Uint8Array): string[];
  /** Adds a current layer file's text (older name; `addFileText` takes any listed file). */
  addLayerText(path: string, text: string): string[];
  /** Records that a file could not be fetched; returns that problem as a message. */
  addFileError(path: string, detail: string): string;
  /** Every problem found in the files added so far. */
  problems(): string[];

  /**
   * Reads what the app's search box reads and checks it: coordinates (Persian or Latin digits,
   * decimal, DMS, UTM), geo: URIs, map links, plates, renovation codes, zone names. Three or
   * more lines (corners) or GeoJSON text are a plot outline. `facts`: `area=150,street=8,units=3`.
   */
  check(text: string, facts?: string | null): Answer;
  /** Checks a point (degrees). */
  checkPoint(lon: number, lat: number, facts?: string | null): PointAnswer;
  /** Checks a plot outline: GeoJSON text or corner lines. */
  checkPlot(text: string, facts?: string | null): PlotAnswerResult;
  /** Checks plot `index` of the parcel layer (from a `choices` answer or `parcelAt`). */
  checkParcel(index: number, facts?: string | null): PlotAnswerResult;
  /** How many plots the parcel layer has (0 before it is added). */
  readonly parcelCount: number;
  /**
   * The parcel-layer plot under a point (degrees, longitude first): its index for
   * `checkParcel`, or undefined when no plot holds it (or there is no parcel layer).
   */
  parcelAt(lon: number, lat: number): number | undefined;
  /** Whether the parcel layer is read by area (HTTP range requests): `readParcels` first. */
  readonly parcelsByRanges: boolean;
  /** Low level, for `readParcels`: opens the parcel layer by area from its whole header (the first 16 KB, or `parcelHeaderLength` bytes when more). */
  openParcelRanges(first: Uint8Array, length: number): boolean;
  /** Low level, for `readParcels`: how many bytes from the start hold a FlatGeobuf file's header, from its first bytes; throws when they are not FlatGeobuf. */
  static parcelHeaderLength(first: Uint8Array): number;
  /** Low level, for `readParcels`: the next byte ranges to fetch, `[start, end, …]`. */
  parcelRanges(west: number, south: number, east: number, north: number): Float64Array;
  /** Low level, for `readParcels`: the bytes of one range, from byte `start`. */
  addParcelBytes(start: number, bytes: Uint8Array): void;
  /**
   * Bulk: `[lon0, lat0, lon1, lat1, …]` → per point and loaded layer, 0 outside, 1 on the
   * boundary, 2 inside (0 for an invalid point).
   */
  statusCodes(lonLat: Float64Array): Uint8Array;
  /**
   * The lean point query (degrees, longitude first): `[plot, status₀, zone₀, status₁, zone₁, …]`
   * — the parcel-layer plot index (−1 for none), then per loaded layer in `locateLayers()` order
   * its status (0 outside, 1 on the boundary, 2 inside; the same as `checkPoint`) and the index
   * in `zoneIds(layer)` of a zone holding the point (−1 when outside). No names, no distances.
   */
  locate(lon: number, lat: number): Int32Array;
  /** `locate` for `[lon0, lat0, lon1, lat1, …]`: `1 + 2 × layers` numbers per point, in order. */
  locateMany(lonLat: Float64Array): Int32Array;
  /**
   * The lean plot query: plot `index` of the parcel layer, its % inside each loaded layer in
   * `locateLayers()` order (0–100, unrounded: `checkParcel`'s `layers[].percent`, without the
   * rest of the answer). Empty without a parcel layer or past its last plot.
   */
  parcelShares(index: number): Float64Array;
  /** The loaded layers' ids, in the order `locate` reports them. */
  locateLayers(): string[];
  /** A loaded layer's zone ids (block codes), indexed as `locate` gives them; throws for a layer not loaded. */
  zoneIds(layer: string): string[];
}

/** Progress of `loadBaft`. */
export interface LoadProgress {
  done: number;
  total: number;
  file: FileEntry;
}

export interface LoadOptions {
  /** Language of messages (default 'fa'). */
  lang?: Lang;
  /**
   * A fetch to use instead of the global one (e.g. to add headers or serve from a cache). A
   * FlatGeobuf parcel layer is first asked for with a `Range` header in `init`: a fetch that
   * ignores it (answers 200 with the whole file) makes the file be read whole.
   */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /**
   * A FlatGeobuf parcel layer: read it by area (HTTP range requests; then `readParcels` before
   * plot questions) when it is longer than `WHOLE_FILE_MAX` (the default, undefined), always
   * (`true`), or never (`false`: always whole).
   */
  ranges?: boolean;
  /** Where `baft_js_bg.wasm` is, when not next to `baft_js.js`. */
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module;
  /** Called after each file is added (or fails). */
  onProgress?: (p: LoadProgress) => void;
  /** A national deployment (its manifest.json is a catalogue of cities): the city's id to load. */
  city?: string;
  /** A national deployment: load the city whose envelope holds this [lon, lat]. */
  point?: [number, number];
}

/** A parcel file longer than this (128 MB) is read by area by default. */
export const WHOLE_FILE_MAX: number;

/**
 * Reads the plots whose boxes meet [west, south, east, north] (lon/lat) into `baft` by range
 * requests, when its parcel layer is read by area (`baft.parcelsByRanges`). Resolves to the
 * number of requests made.
 */
export function readParcels(baft: Baft, bbox: [number, number, number, number]): Promise<number>;

/** `readParcels` for the plots whose boxes hold one point. */
export function readParcelsAt(baft: Baft, lon: number, lat: number): Promise<number>;

/** Whether a manifest.json text is a national catalogue of cities. */
export function isCatalogue(text: string): boolean;

/**
 * A national catalogue's city folder (relative, ending in '/'): the city `city` names, else the
 * one holding (lon, lat). Throws, listing the cities, when none or several do.
 */
export function cityFolder(catalogue: string, city?: string, lon?: number, lat?: number, lang?: Lang): string;

/**
 * Fetches `manifest.json` from `baseUrl` (default 'data/') and every file it lists, in parallel,
 * and returns the loaded engine. Files that can't be fetched become problems (`problems()`).
 */
export function loadBaft(baseUrl?: string, options?: LoadOptions): Promise<Baft>;

/** Initialises the WebAssembly module (`loadBaft` does it for you). */
export function init(
  moduleOrPath?:
    | { module_or_path: string | URL | Request | Response | BufferSource | WebAssembly.Module }
    | undefined,
): Promise<unknown>;
