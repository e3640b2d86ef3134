// Owners see their incentives; builders compare scenarios and export CSV.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, openApp, search } from './helpers.mjs';

const pkg = (page, id) => page.locator(`.incentives [data-package="${id}"]`);

test('a plot in a worn-out block: answer the facts form, see the packages and values in Persian', async ({ page }) => {
  const { errors } = await openApp(page);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(page.locator('#incentives-title')).toHaveText('بسته‌های تشویقی شما');
  // Before the owner says anything, the street question is open and nothing is guessed.
  await expect(pkg(page, 'national-1401-inside-fabric')).toHaveAttribute('data-status', 'may_apply');
  await expect(pkg(page, 'national-1401-inside-fabric')).toContainText('بستگی دارد به');
  await expect(page.locator('.incentives')).toContainText('مساحت ملک را وارد کنید');
  await page.getByLabel('مساحت ملک (متر مربع)').fill('۱۸۰');
  await page.getByLabel('مساحت ملک (متر مربع)').press('Tab');
  await page.getByLabel('کاربری').selectOption('residential');
  await page.getByLabel('بر محور اصلی محله؟').selectOption('no');
  await page.getByLabel('تعداد واحدهای برنامه‌ریزی‌شده').fill('4');
  await page.getByLabel('تعداد واحدهای برنامه‌ریزی‌شده').press('Tab');
  await expect(pkg(page, 'national-1401-inside-fabric')).toHaveAttribute('data-status', 'applies');
  await expect(pkg(page, 'national-1401-inside-fabric')).toContainText('۱ طبقهٔ اضافه');
  await expect(pkg(page, 'national-1401-main-axis')).toHaveAttribute('data-status', 'does_not_apply');
  await expect(pkg(page, 'permit-fee-discount-1384')).toHaveAttribute('data-status', 'applies');
  await expect(pkg(page, 'informal-settlement-upgrading')).toHaveAttribute('data-status', 'does_not_apply');
  // Hand-worked: 50% of 12,000,000 × 1.2 × 432 m² = 3,110,400,000 rial; loans 4 × 3.5 bn.
  const worth = page.locator('.worth');
  await expect(worth).toContainText('۱۰۸٫۰ متر مربع');
  await expect(worth).toContainText('۳٬۱۱۰٬۴۰۰٬۰۰۰ ریال');
  await expect(worth).toContainText('۱۴٬۰۰۰٬۰۰۰٬۰۰۰ ریال');
  // Sources and validity (both calendars) are visible, in Persian digits, the dashed ISO date
  // kept whole; sample assumptions are marked.
  await expect(pkg(page, 'national-1401-inside-fabric')).toContainText('۳۰۰/۱۱۱۸۹۸');
  await expect(pkg(page, 'national-1401-inside-fabric').locator('span.id[dir=ltr]', { hasText: '۲۰۲۲-۱۰-۰۸' })).toHaveCount(1);
  await expect(pkg(page, 'renovation-loan').locator('.badge')).toHaveText('فرض نمونه');
  await page.waitForTimeout(300);
  await page.locator('.incentives').screenshot({ path: join(ROOT, 'tests/e2e/screenshots/incentives-fa.png') });
  expect(errors).toEqual([]);
});

test('a package another one outranks names that package, in the owner\'s language', async ({ page }) => {
  const p = FX.worn_block.point;
  const { errors } = await openApp(page, `/#p=${p.lat},${p.lon}&f=block_project:yes,axis:no,area:180,use:residential,units:4`);
  const inside = pkg(page, 'national-1401-inside-fabric');
  await expect(inside).toHaveAttribute('data-counted', 'false');
  await expect(inside.locator('.warning')).toHaveText('به‌جای آن حساب شده: بستهٔ ملی ۱۴۰۱ — گروه ۱: بازآفرینی یکپارچه در مقیاس بلوک');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(inside.locator('.warning')).toHaveText('Counted instead: National package 1401 — group 1: integrated block-scale regeneration');
  expect(errors).toEqual([]);
});

test('the comparison: scenarios, sorting, and a CSV that opens as UTF-8 with the right rows', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await page.getByLabel('Plot area (m²)').fill('120');
  await page.getByLabel('Land use').selectOption('residential');
  await page.getByLabel('On a main neighbourhood axis?').selectOption('no');
  await page.getByLabel('Planned housing units').fill('4');
  await page.getByLabel('Planned housing units').press('Tab');
  await page.locator('.compare summary').click();
  await page.getByLabel('Area of neighbour 1').fill('100');
  await page.getByLabel('Area of neighbour 1').press('Tab');
  const rows = page.locator('.compare-table tbody tr');
  await expect(rows).toHaveCount(4); // alone + 3 neighbours (2 and 3 assumed equal to this plot)
  await page.getByRole('button', { name: 'Extra floor area (m²)' }).click();
  await expect(page.getByRole('columnheader', { name: 'Extra floor area (m²)' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('th')).toHaveText('Consolidate with 3 neighbours');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (Excel)' }).click()]);
  expect(download.suggestedFilename()).toBe('baft-compare.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('Scenario,Plots,Area (m²),Eligible packages,Extra floors,Extra floor area (m²),Fee savings (rial),Loans (rial),Estimated total value (rial)');
  expect(lines).toHaveLength(5);
  const alone = lines.find((l) => l.startsWith('Build alone,'));
  expect(alone).toMatch(/^Build alone,1,120\.0,/);
  const one = lines.find((l) => l.startsWith('Consolidate with 1 neighbour,'));
  // 220 m²: +1 floor (132 m²) and +20% of 396 m² (79.2) = 211.2 m²; fees waived in full: 14,400,000 × 607.2.
  expect(one).toContain(',2,220.0,');
  expect(one).toContain(',211.2,8743680000,');
  // Persian CSV too.
  await page.getByRole('button', { name: 'تغییر زبان به فارسی' }).click();
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'دریافت CSV (اکسل)' }).click()]);
  const fa = readFileSync(await dl2.path()).toString('utf8');
  expect(fa.startsWith('\uFEFFسناریو,پلاک‌ها')).toBe(true);
  expect(fa).toContain('تجمیع با ۱ همسایه');
  // Candidates side by side.
  await page.getByRole('button', { name: 'افزودن این ملک به مقایسه' }).click();
  await expect(page.locator('.compare-table')).toHaveCount(2);
});
