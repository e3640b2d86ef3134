//! The dossier's pictures, drawn with `plotters` (SVG backend): a histogram of each criterion's
//! shares, and maps of the blocks (a criterion's share, or the proposal against the approved
//! boundary). The CLI and the staff tools draw the same pictures from the same code.

use crate::layer::Layer;
use plotters::prelude::*;
use std::collections::HashSet;

/// A font family that has Persian letters where the dossier is opened (the app bundles Vazirmatn).
const FONT: &str = "Vazirmatn, Tahoma, sans-serif";

/// The share's colour: pale below the threshold, darkening to deep red at 1.
pub fn share_colour(x: f64, threshold: f64) -> RGBColor {
    let lerp = |a: u8, b: u8, t: f64| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
    let t = x.clamp(0.0, 1.0);
    if x > threshold {
        RGBColor(lerp(244, 153, t), lerp(109, 0, t), lerp(67, 13, t))
    } else {
        RGBColor(lerp(255, 253, t), lerp(247, 204, t), lerp(236, 138, t))
    }
}

/// A histogram of `shares` in ten bins of 0.1; the bins above `threshold` in red.
pub fn histogram(
    title: &str,
    x_label: &str,
    y_label: &str,
    shares: &[f64],
    threshold: f64,
) -> String {
    let bin = |x: f64| ((x * 10.0).floor() as usize).min(9);
    let mut counts = [0f64; 10];
    for x in shares {
        counts[bin(*x)] += 1.0;
    }
    let labels: Vec<String> = (0..10).map(|k| format!("{:.1}", k as f64 / 10.0)).collect();
    // A bin is red when any of it lies above the threshold.
    let alarm: Vec<bool> = (0..10)
        .map(|k| (k + 1) as f64 / 10.0 > threshold + 1e-12)
        .collect();
    let chart = Bars {
        title,
        axes: Some((x_label, y_label)),
        labels: &labels,
        values: &counts,
        alarm: &alarm,
        line: None,
    };
    chart.svg()
}

fn svg_failed() -> String {
    String::from("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
}

/// The box (local metres) around the zones of `layer` whose ids are in `ids`, with a margin.
pub fn extent(layer: &Layer, ids: &HashSet<&str>) -> Option<[f64; 4]> {
    use geo::BoundingRect;
    let mut b: Option<[f64; 4]> = None;
    for z in layer.zones.iter().filter(|z| ids.contains(z.id.as_str())) {
        if let Some(r) = z.local.bounding_rect() {
            let (lo, hi) = (r.min(), r.max());
            b = Some(match b {
                None => [lo.x, lo.y, hi.x, hi.y],
                Some(c) => [
                    c[0].min(lo.x),
                    c[1].min(lo.y),
                    c[2].max(hi.x),
                    c[3].max(hi.y),
                ],
            });
        }
    }
    b.map(|[x0, y0, x1, y1]| {
        let m = 0.04 * (x1 - x0).max(y1 - y0);
        [x0 - m, y0 - m, x1 + m, y1 + m]
    })
}

/// A map of the blocks in `bbox` (local metres): each filled with `fill(id)` (none: not drawn),
/// and the blocks of `outlined` drawn over them with a dark outline (the approved boundary).
pub fn block_map(
    title: &str,
    blocks: &Layer,
    bbox: [f64; 4],
    fill: &dyn Fn(&str) -> Option<RGBColor>,
    outlined: &HashSet<&str>,
) -> String {
    let [x0, y0, x1, y1] = bbox;
    let width = 560u32;
    let height = ((width as f64) * (y1 - y0) / (x1 - x0)).clamp(200.0, 900.0) as u32 + 40;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 18))
            .margin(6)
            .build_cartesian_2d(x0..x1, y0..y1);
        let Ok(mut chart) = chart else {
            return svg_failed();
        };
        let inside = |z: &crate::layer::Zone| {
            use geo::BoundingRect;
            z.local.bounding_rect().is_some_and(|r| {
                r.max().x >= x0 && r.min().x <= x1 && r.max().y >= y0 && r.min().y <= y1
            })
        };
        let ring = |r: &geo::LineString<f64>| r.0.iter().map(|c| (c.x, c.y)).collect::<Vec<_>>();
        let shapes = blocks.zones.iter().filter(|z| inside(z)).flat_map(|z| {
            let colour = fill(&z.id);
            z.local
                .0
                .iter()
                .filter_map(move |p| colour.map(|c| Polygon::new(ring(p.exterior()), c.filled())))
        });
        let _ = chart.draw_series(shapes);
        let lines = blocks
            .zones
            .iter()
            .filter(|z| outlined.contains(z.id.as_str()) && inside(z))
            .flat_map(|z| {
                z.local
                    .0
                    .iter()
                    .map(|p| PathElement::new(ring(p.exterior()), BLACK.stroke_width(2)))
            });
        let _ = chart.draw_series(lines);
        let _ = root.present();
    }
    svg
}

/// A bar chart: one bar per label, in dark blue (or red where `alarm` is set); with `line`, a
/// black tick per bar at that value (a target); with `axes`, the axes' descriptions.
pub struct Bars<'a> {
    /// The caption.
    pub title: &'a str,
    /// The x and y axes' descriptions.
    pub axes: Option<(&'a str, &'a str)>,
    /// One label per bar.
    pub labels: &'a [String],
    /// One value per bar.
    pub values: &'a [f64],
    /// Bars drawn in red.
    pub alarm: &'a [bool],
    /// A target per bar.
    pub line: Option<&'a [f64]>,
}

/// [`Bars`] without axis descriptions.
pub fn bars(
    title: &str,
    labels: &[String],
    values: &[f64],
    alarm: &[bool],
    line: Option<&[f64]>,
) -> String {
    Bars {
        title,
        axes: None,
        labels,
        values,
        alarm,
        line,
    }
    .svg()
}

impl Bars<'_> {
    /// The chart as SVG text.
    pub fn svg(&self) -> String {
        let Bars {
            title,
            axes,
            labels,
            values,
            alarm,
            line,
        } = *self;
        // A value that is not finite would make plotters' axis loop forever.
        if values
            .iter()
            .chain(line.unwrap_or(&[]))
            .any(|v| !v.is_finite())
        {
            return svg_failed();
        }
        let n = labels.len().max(1) as u32;
        let top = values
            .iter()
            .chain(line.unwrap_or(&[]))
            .copied()
            .fold(0.0f64, f64::max)
            .max(1.0)
            * 1.15;
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (520, 300)).into_drawing_area();
            let _ = root.fill(&WHITE);
            let chart = ChartBuilder::on(&root)
                .caption(title, (FONT, 18))
                .margin(12)
                .x_label_area_size(52)
                .y_label_area_size(52)
                .build_cartesian_2d((0u32..n).into_segmented(), 0f64..top);
            let Ok(mut chart) = chart else {
                return svg_failed();
            };
            let _ = chart
                .configure_mesh()
                .disable_x_mesh()
                // At least one: asked for none, plotters' key points multiply without end (a
                // survey with no answer at all to a question has no bars).
                .x_labels(labels.len().max(1))
                .x_desc(axes.map_or("", |a| a.0))
                .y_desc(axes.map_or("", |a| a.1))
                .axis_desc_style((FONT, 14))
                .label_style((FONT, 12))
                .y_label_formatter(&|y| {
                    if top > 20.0 {
                        format!("{y:.0}")
                    } else {
                        format!("{y:.1}")
                    }
                })
                .x_label_formatter(&|v| match v {
                    SegmentValue::Exact(k) | SegmentValue::CenterOf(k) => {
                        labels.get(*k as usize).cloned().unwrap_or_default()
                    }
                    SegmentValue::Last => String::new(),
                })
                .draw();
            for (red, colour) in [(false, RGBColor(11, 61, 145)), (true, RGBColor(179, 0, 0))] {
                let data = (0..labels.len())
                    .filter(|k| alarm.get(*k).copied().unwrap_or(false) == red)
                    .map(|k| bar(k, values.get(k).copied().unwrap_or(0.0), colour.filled()));
                let _ = chart.draw_series(data);
            }
            if let Some(targets) = line {
                let ticks = (targets.iter().enumerate()).map(|(k, t)| tick(k, *t));
                let _ = chart.draw_series(ticks);
            }
            let _ = root.present();
        }
        svg
    }
}

/// The `k`th bar, from 0 up to `value`.
fn bar(k: usize, value: f64, style: ShapeStyle) -> Rectangle<(SegmentValue<u32>, f64)> {
    let x = k as u32;
    Rectangle::new(
        [
            (SegmentValue::Exact(x), 0.0),
            (SegmentValue::Exact(x + 1), value),
        ],
        style,
    )
}

/// A black tick across the `k`th bar at `value` (its target).
fn tick(k: usize, value: f64) -> PathElement<(SegmentValue<u32>, f64)> {
    let x = k as u32;
    PathElement::new(
        vec![
            (SegmentValue::Exact(x), value),
            (SegmentValue::Exact(x + 1), value),
        ],
        BLACK.stroke_width(3),
    )
}
