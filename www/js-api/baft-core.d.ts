// Types for Baft's JS API, part 2: the vocabulary (languages, statuses, verdicts, facts) and
// the core's objects, snake_case, exactly as `baft check --json` prints them. baft.d.ts
// re-exports every one of them, so integrators import from `./baft.mjs` alone.

/** Message language: Persian (default) or English. */
export type Lang = 'fa' | 'en';

/** A text in both languages. */
export interface LocalText {
  fa: string;
  en: string;
}

/** An approval date in both calendars. */
export interface ApprovalDate {
  /** `1402/05/14` */
  jalali: string;
  /** `2023-08-05` */
  iso: string;
}

export type LayerKind = 'worn_out_fabric' | 'informal_settlement' | 'historic_fabric' | 'target_neighbourhood';

/** A point's status in a layer. */
export type PointStatus = 'inside' | 'on_boundary' | 'outside';
/** A plot's status in a layer. */
export type PlotStatus = 'inside' | 'partly_inside' | 'outside';
export type LayerStatus = PointStatus | PlotStatus;

/** A package's verdict. */
export type Verdict = 'applies' | 'may_apply' | 'does_not_apply' | 'not_in_force';

/** A condition's answer. */
export type Truth = 'yes' | 'no' | 'unknown';

/** A plot fact packages test (the keys of the facts text; short aliases are also accepted). */
export type FactKey =
  | 'layer'
  | 'plot_area_m2'
  | 'consolidated_area_m2'
  | 'plots_consolidated'
  | 'frontage_width_m'
  | 'on_main_axis'
  | 'land_use'
  | 'building_age_years'
  | 'structure'
  | 'units'
  | 'block_scale_project';

/** Where a fact came from. */
export type FactSource = 'check' | 'parcel' | 'user' | 'assumed';

/** How a plot stands in a layer, as a fact. */
export type Membership = 'inside' | 'partly_inside' | 'partly_outside' | 'on_boundary' | 'outside';

export type PackageGroup =
  | 'national_physical'
  | 'fee_discount'
  | 'consolidation'
  | 'renovation_loan'
  | 'rent_loan'
  | 'engineering_fee'
  | 'informal_settlement'
  | 'historic_fabric'
  | 'other';

// ---------------------------------------------------------------------------------------------
// The core's objects (snake_case, as `baft check --json`)

export type ParsedLocation = { lat: number; lon: number } & (
  | { form: 'decimal'; swapped: boolean }
  | { form: 'dms' }
  | { form: 'utm'; zone: number; easting: number; northing: number }
  | { form: 'geo_uri' }
  /** `rounded_m`: the link gives only the map's view, and the place may be this far from it,
   * metres (a Neshan place link's `#c` view: rounded to 72 m, and beside the place by up to
   * 256 pixels at its zoom: 569 m at 16z); absent under 20 m. */
  | { form: 'map_link'; provider: string; rounded_m?: number }
);

export interface CoreVersionRef {
  id: string;
  title: LocalText;
  approved: ApprovalDate;
  approved_by: LocalText;
}

export interface CoreLayerRef {
  id: string;
  kind: LayerKind;
  name: LocalText;
  version: CoreVersionRef;
}

export interface CoreZoneRef {
  id: string;
  name: LocalText;
}

export interface LayerPointResult {
  layer: CoreLayerRef;
  status: PointStatus;
  zones: CoreZoneRef[];
  distance_m?: number;
  nearest?: CoreZoneRef;
}

export interface PointReport {
  lon: number;
  lat: number;
  in_data_area: boolean;
  layers: LayerPointResult[];
  sample_data: boolean;
  data_version: string;
}

export interface LayerPlotResult {
  layer: CoreLayerRef;
  status: PlotStatus;
  /** 0–1 */
  share: number;
  inside_area_m2: number;
  counts_as_inside: boolean;
  overlaps: { zone: CoreZoneRef; area_m2: number; share: number }[];
  distance_m?: number;
  nearest?: CoreZoneRef;
}

export interface PlotReport {
  area_m2: number;
  /** `[lon, lat]` */
  interior_point: [number, number];
  in_data_area: boolean;
  layers: LayerPlotResult[];
  sample_data: boolean;
  data_version: string;
}

export type FactValue = number | boolean | string;

export interface PlotFacts {
  /** Layer id → membership (from the check). */
  layers: Record<string, Membership>;
  facts: Partial<Record<FactKey, { value: FactValue; source: FactSource }>>;
}

export interface Condition {
  fact: FactKey;
  layer?: string;
  at_least?: number;
  above?: number;
  at_most?: number;
  below?: number;
  equals?: boolean;
  in?: string[];
  not_in?: string[];
}

export interface Benefits {
  extra_floors?: number;
  density_percent?: number;
  density_percent_per_extra_plot?: number;
  density_cap_floors?: number;
  permit_fee_discount_percent?: number;
  parking_per_unit?: number;
  loan_per_unit_rial?: number;
  loan_rate_percent?: number;
  loan_term_years?: number;
  loan_zero_rate_portion_rial?: number;
  rent_loan_rial?: number;
  engineering_fee_discount_percent?: number;
  extras?: LocalText[];
}

export interface PackageSource {
  title: LocalText;
  number?: string;
  date: ApprovalDate;
  url?: string;
}

export interface Package {
  id: string;
  group: PackageGroup;
  name: LocalText;
  description: LocalText;
  source: PackageSource;
  valid_from: ApprovalDate;
  valid_to?: ApprovalDate;
  sample_assumption: boolean;
  assumption_note?: LocalText;
  conditions: Condition[];
  benefits: Benefits;
}

export type Hint =
  | { hint: 'not_in_layer'; layer: string }
  | { hint: 'reach_area'; fact: FactKey; missing_m2: number; target_m2: number }
  | { hint: 'consolidate_more'; neighbours: number }
  | { hint: 'reach'; fact: FactKey; target: number }
  | { hint: 'stay_under'; fact: FactKey; limit: number }
  | { hint: 'needs_value'; fact: FactKey; values: string[] };

/** Estimated figures (rials); null when a needed fact is unknown. */
export interface Worth {
  area_m2: number | null;
  extra_floor_area_m2: number | null;
  permit_fee_rial: number | null;
  fee_saving_rial: number | null;
  units: number | null;
  loans_total_rial: number | null;
  loans_zero_rate_total_rial: number | null;
  rent_loans_total_rial: number | null;
  extra_area_value_rial: number | null;
  total_value_rial: number | null;
  assumptions: { text: LocalText; source: AssumptionSource }[];
}

/** Where an assumption's number came from. */
export type AssumptionSource = 'packages file' | 'parcel layer' | 'check' | 'you' | 'assumed';

export interface PackageResult {
  package: Package;
  status: Verdict;
  conditions: { condition: Condition; truth: Truth; actual?: FactValue; source?: FactSource }[];
  missing: FactKey[];
  hints: Hint[];
  counted: boolean;
  excluded_by?: string;
  worth: Worth;
}

export interface Combined {
  extra_floors: number;
  extra_floors_before_cap?: number;
  density_percent: number;
  permit_fee_discount_percent: number;
  parking_per_unit?: number;
  loan_per_unit_rial: number;
  loan_rate_percent?: number;
  loan_term_years?: number;
  loan_zero_rate_portion_rial: number;
  rent_loan_rial: number;
  engineering_fee_discount_percent: number;
  counted: string[];
}

export interface Evaluation {
  /** The day packages were evaluated on. */
  date: { year: number; month: number; day: number };
  results: PackageResult[];
  combined: Combined;
  worth: Worth;
}

export interface Office {
  id: string;
  name: LocalText;
  serves: string[];
  address: LocalText;
  phone: string;
  hours: LocalText;
  /** `[lon, lat]` */
  location: [number, number] | null;
}

export interface OfficeMatch {
  office: Office;
  /** It serves the place's neighbourhood (else it is only the nearest). */
  serves_neighbourhood: boolean;
  distance_m: number | null;
  geo_uri: string | null;
  tel_uri: string;
  /** The phone as the app and the print show it: a `+98` country code written as the trunk `0` (`021…`). */
  phone_shown: string;
}

export interface ParcelInfo {
  plot_id: string;
  block_id: string | null;
  plate_section: number | null;
  plate_main: number | null;
  plate_sub: number | null;
  renovation_code: string | null;
  /** Ten digits (text), from the parcel file's `postal_code`. */
  postal_code: string | null;
  /** The street the plot's door is on (Persian), from the parcel file's `street`. */
  street: string | null;
  /** Its English name (`street_en`). */
  street_en: string | null;
  /** The house number (پلاک ساختمان), ASCII digits, from `house_number`. */
  house_number: string | null;
  area_m2: number | null;
  land_use: string | null;
  floors: number | null;
  structure: string | null;
  /** Jalali year. */
  built_year: number | null;
  frontage_width_m: number | null;
  on_main_axis: boolean | null;
}
