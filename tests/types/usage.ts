// A small program using Baft's JS API as an integrator would; it must type-check with
// `tsc --noEmit -p tests/types` (strict). It is never run.
import { Baft, loadBaft } from '../../www/js-api/baft.mjs';
import type { Answer, FileEntry, LayerAnswer, PackageAnswer, PlotStatus, PointStatus, Verdict } from '../../www/js-api/baft.mjs';

function statusWord(s: PointStatus | PlotStatus): string {
  switch (s) {
    case 'inside': return 'inside';
    case 'on_boundary': return 'on the boundary';
    case 'partly_inside': return 'partly inside';
    case 'outside': return 'outside';
    default: {
      const never: never = s;
      return never;
    }
  }
}

function verdictWord(v: Verdict): string {
  const words: Record<Verdict, string> = {
    applies: 'applies',
    may_apply: 'may apply',
    does_not_apply: 'does not apply',
    not_in_force: 'not in force',
  };
  return words[v];
}

function describeLayer(l: LayerAnswer): string {
  const pct = 'percent' in l ? ` ${l.percent.toFixed(1)}%` : '';
  const where = l.zones.map((z) => z.name.en).join(', ');
  const far = l.distanceM !== undefined ? ` (${Math.round(l.distanceM)} m away)` : '';
  return `${l.name.en}: ${statusWord(l.status)}${pct} ${where}${far} — ${l.version.title.en}, ${l.version.approved.iso}`;
}

function describePackage(p: PackageAnswer): string {
  const worth = p.worth.total_value_rial ?? 0;
  return `${p.name.fa} / ${p.name.en}: ${verdictWord(p.verdict)} ${p.counted ? '(counted)' : ''} ${worth}`;
}

function describe(a: Answer): string[] {
  switch (a.kind) {
    case 'choices':
      return a.choices.map((c) => {
        switch (c.kind) {
          case 'plot': return `plot ${c.plotId} #${c.index}`;
          case 'zone': return `zone ${c.id} at ${c.lat}, ${c.lon}`;
          case 'street': return `street ${c.name.fa} in ${c.bbox.join(',')}`;
        }
      });
    case 'point': {
      const lines = a.layers.map(describeLayer);
      // A point's statuses never include "partly inside".
      // @ts-expect-error — 'partly_inside' is not a PointStatus
      const impossible = a.layers.some((l) => l.status === 'partly_inside');
      if (a.input?.form === 'utm') lines.push(`UTM zone ${a.input.zone}: ${a.input.easting} ${a.input.northing}`);
      lines.push(`${a.lat}, ${a.lon} in data area: ${a.inDataArea} ${impossible}`);
      lines.push(...a.packages.map(describePackage));
      return lines;
    }
    case 'plot': {
      const lines = a.layers.map((l) => `${describeLayer(l)} counts as inside: ${l.countsAsInside}`);
      lines.push(`area ${a.areaM2.toFixed(1)} m²; report area ${a.report.area_m2}`);
      if (a.plot) lines.push(`plate ${a.plot.plate ?? '?'} built ${a.plot.info.built_year ?? '?'}`);
      const e = a.incentives;
      if (e) lines.push(`extra floors ${e.combined.extra_floors}; ${e.results.length} packages on ${e.date.year}`);
      const area = a.facts.facts.plot_area_m2;
      if (area) lines.push(`area fact ${String(area.value)} from ${area.source}`);
      if (a.office) lines.push(`${a.office.office.name.fa} ${a.office.phone_shown} ${a.office.tel_uri}`);
      return lines;
    }
  }
}

export async function demo(): Promise<void> {
  const baft: Baft = await loadBaft('/data/', {
    lang: 'en',
    onProgress: ({ done, total, file }) => console.log(`${done}/${total} ${file.path} (${file.kind})`),
  });
  baft.setLanguage('fa');
  baft.setDate('1405/09/05');
  baft.setDate();
  const files: FileEntry[] = baft.files();
  const binary = files.filter((f) => f.binary).map((f) => f.path);
  const problems: string[] = baft.problems();
  console.log(baft.dataVersion, baft.sampleData, baft.title().fa, baft.envelope()[0], binary, problems);
  for (const l of baft.layers()) console.log(l.id, l.loaded, l.version?.id);

  const answer = baft.check('35.6951, 51.0946', 'area=150,street=8');
  describe(answer).forEach((line) => console.log(line));
  const point = baft.checkPoint(51.0946, 35.6951);
  console.log(point.report.layers[0]?.status);
  const plot = baft.checkPlot('35.69470, 51.09442\n35.69471, 51.09475\n35.69476, 51.09475');
  console.log(plot.layers.map((l) => l.percent));
  const parcel = baft.checkParcel(0, null);
  console.log(parcel.plot?.plotId);
  const codes: Uint8Array = baft.statusCodes(new Float64Array([51.09, 35.69]));
  console.log(codes.length);
  const at: Int32Array = baft.locate(51.0946, 35.6951);
  const order: string[] = baft.locateLayers();
  const [first] = order;
  const z = at[2];
  const zone = first !== undefined && z !== undefined && z >= 0 ? baft.zoneIds(first)[z] : null;
  const many: Int32Array = baft.locateMany(new Float64Array([51.09, 35.69, 51.1, 35.7]));
  const plotIndex: number | undefined = baft.parcelAt(51.0946, 35.6951);
  const shares: Float64Array = baft.parcelShares(plotIndex ?? 0);
  console.log(shares[0]);
  console.log(zone, many.length / (1 + 2 * order.length), plotIndex, baft.parcelCount);
  // @ts-expect-error — locate takes two numbers, not a text
  baft.locate('35.69, 51.09');

  // @ts-expect-error — language is 'fa' or 'en'
  baft.setLanguage('de');
  // @ts-expect-error — facts are text, not objects
  baft.check('35.69, 51.09', { area: 150 });

  try {
    baft.check('not a place');
  } catch (e) {
    console.log(e instanceof Error ? e.message : e);
  }

  // Low level: the wasm-bindgen class directly, with data as text or bytes.
  const manifest = await (await fetch('/data/manifest.json')).text();
  const low = new Baft(manifest, 'en');
  for (const f of low.files()) {
    const r = await fetch(`/data/${f.path}`);
    const found = f.binary
      ? low.addFileBytes(f.path, new Uint8Array(await r.arrayBuffer()))
      : low.addFileText(f.path, await r.text());
    found.forEach((p) => console.warn(p));
  }
  low.free();
  Baft.fromZonesText('zones.geojson', '{"type":"FeatureCollection","features":[]}').free();
}
