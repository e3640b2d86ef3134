#!/usr/bin/env bash
# Builds the staff page into dist/staff/ (issue 13): the workbench's wasm-bindgen module
# (baft_staff.js + baft_staff_bg.wasm: designation, dossier, profile, outreach, with plotters),
# the page, its scripts, styles and service worker. Owners' pages never load anything from here;
# scripts/size-report.mjs --check proves it.
# Called by scripts/build.sh after Trunk (the page reads the site's data from dist/data/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/staff
bash scripts/wasm-module.sh baft-staff "$out" -O2
cp www/staff/index.html www/staff/staff.mjs www/staff/workbench.mjs www/staff/staff.css www/staff/sw.js "$out/"
echo "[build-staff] $out: $(du -sh "$out" | cut -f1)"
