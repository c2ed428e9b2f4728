//! Bar charts: one or several series per category, grouped side by side or
//! stacked, vertical or horizontal, on an axis from 0 to a fixed maximum (100
//! for rates) or to a round number above the largest value. Gridlines and
//! ticks, value labels, and a legend. Series are told apart without colour:
//! grey shades alternate with hatching, so a black-and-white copy still reads.
//!
//! Hatching is computed here as line segments clipped to each bar, so the
//! renderer needs nothing beyond lines and rectangles.

use crate::document::model::{Align, ChartLayout, Orientation, Series, TextStyle};

use super::blocks::format_value;
use super::flow::{BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, Rgb, BLACK, WHITE};
use super::text::{line_items, wrap, Piece, TextSpec};
use super::Ctx;

const LABEL: TextSpec = TextSpec {
    size: 7.5,
    leading: 9.5,
    color: BLACK,
};
const VALUE_SIZE: f32 = 7.0;
/// Height of the plot area of a vertical chart.
const PLOT_HEIGHT: f32 = 160.0;

/// How a series' bars are filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    pub ground: Rgb,
    /// Hatching: `Some(true)` rising diagonals, `Some(false)` crossed.
    pub hatch: Option<bool>,
    /// Ink of a value label printed inside the bar.
    pub ink: Rgb,
}

/// The fill of series `i`: shades and hatchings that differ in black and white.
pub fn fill(i: usize, single: bool) -> Fill {
    if single {
        return Fill {
            ground: grey(0.45),
            hatch: None,
            ink: WHITE,
        };
    }
    match i % 5 {
        0 => Fill {
            ground: grey(0.25),
            hatch: None,
            ink: WHITE,
        },
        1 => Fill {
            ground: grey(0.72),
            hatch: None,
            ink: BLACK,
        },
        2 => Fill {
            ground: WHITE,
            hatch: Some(true),
            ink: BLACK,
        },
        3 => Fill {
            ground: grey(0.9),
            hatch: Some(false),
            ink: BLACK,
        },
        _ => Fill {
            ground: grey(0.5),
            hatch: Some(true),
            ink: WHITE,
        },
    }
}

/// Diagonal lines every `step` points clipped to a box (y downwards).
fn hatch(x: f32, y: f32, w: f32, h: f32, rising: bool, items: &mut Vec<Item>) {
    let step = 3.2;
    let mut push = |u1: f32, v1: f32, u2: f32, v2: f32| {
        items.push(Item::Line {
            x1: x + u1,
            y1: y + v1,
            x2: x + u2,
            y2: y + v2,
            width: 0.45,
            color: BLACK,
        });
    };
    // Lines u + v = c (rising to the right on the page).
    let mut c = step / 2.0;
    while c < w + h {
        let u1 = (c - h).max(0.0);
        let u2 = c.min(w);
        if u2 - u1 > 0.2 {
            push(u1, c - u1, u2, c - u2);
        }
        c += step;
    }
    if !rising {
        // And u − v = c, crossing them.
        let mut c = -h + step / 2.0;
        while c < w {
            let u1 = c.max(0.0);
            let u2 = (h + c).min(w);
            if u2 - u1 > 0.2 {
                push(u1, u1 - c, u2, u2 - c);
            }
            c += step;
        }
    }
}

/// A bar (or a legend swatch) with its fill, hatching and outline.
fn bar(x: f32, y: f32, w: f32, h: f32, f: Fill, items: &mut Vec<Item>) {
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    items.push(Item::Rect {
        x,
        y,
        w,
        h,
        fill: Some(f.ground),
        stroke: None,
    });
    if let Some(rising) = f.hatch {
        hatch(x, y, w, h, rising, items);
    }
    items.push(Item::Rect {
        x,
        y,
        w,
        h,
        fill: None,
        stroke: Some((BLACK, 0.4)),
    });
}

/// A round axis maximum at or above `max`, and the tick step: 1, 2, 2.5 or 5
/// times a power of ten, four to eight steps.
pub fn axis(max: f64, fixed: Option<f64>) -> (f64, f64) {
    let top = match fixed {
        Some(m) if m.is_finite() && m > 0.0 => m,
        _ => max.max(0.0),
    };
    if top <= 0.0 {
        return (1.0, 0.25);
    }
    let raw = top / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| top / s <= 6.0)
        .unwrap_or(10.0 * power);
    if fixed.is_some_and(|m| m.is_finite() && m > 0.0) {
        (top, step)
    } else {
        ((top / step).ceil() * step, step)
    }
}

/// What a chart block says.
pub struct ChartSpec<'a> {
    pub categories: &'a [String],
    pub series: &'a [Series],
    pub layout: ChartLayout,
    pub orientation: Orientation,
    pub unit: &'a str,
    pub axis_max: Option<f64>,
    pub value_labels: bool,
}

fn value(series: &Series, category: usize) -> Option<f64> {
    series
        .values
        .get(category)
        .copied()
        .flatten()
        .filter(|v| v.is_finite())
        .map(|v| v.max(0.0))
}

fn text(x: f32, y: f32, style: TextStyle, size: f32, color: Rgb, s: String) -> Item {
    Item::Text {
        x,
        y,
        style,
        size,
        color,
        text: s,
    }
}

/// A label on a white ground, centred on (cx, baseline).
fn boxed_label(ctx: &Ctx, cx: f32, baseline: f32, s: String, items: &mut Vec<Item>) {
    let w = ctx.fonts.width(TextStyle::Bold, &s, VALUE_SIZE);
    items.push(Item::Rect {
        x: cx - w / 2.0 - 1.5,
        y: baseline - VALUE_SIZE * 0.85,
        w: w + 3.0,
        h: VALUE_SIZE + 1.5,
        fill: Some(WHITE),
        stroke: None,
    });
    items.push(text(
        cx - w / 2.0,
        baseline,
        TextStyle::Bold,
        VALUE_SIZE,
        BLACK,
        s,
    ));
}

/// The chart's items from y = 0 down; returns the height used.
pub fn chart_items(ctx: &Ctx, spec: &ChartSpec, items: &mut Vec<Item>) -> f32 {
    let single = spec.series.len() <= 1;
    let n_cat = spec.categories.len().max(1);
    let n_ser = spec.series.len().max(1);
    let stacked = spec.layout == ChartLayout::Stacked;
    let largest = (0..spec.categories.len())
        .map(|c| {
            let values = spec.series.iter().filter_map(|s| value(s, c));
            if stacked {
                values.sum()
            } else {
                values.fold(0.0, f64::max)
            }
        })
        .fold(0.0, f64::max);
    let (top, step) = axis(largest, spec.axis_max);
    let ticks: Vec<f64> = (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t <= top + step * 1e-6)
        .collect();
    let tick_w = ticks
        .iter()
        .map(|t| {
            ctx.fonts
                .width(TextStyle::Regular, &format_value(*t, spec.unit), LABEL.size)
        })
        .fold(0.0, f32::max);
    let mut y = match spec.orientation {
        Orientation::Vertical => vertical(ctx, spec, &ticks, top, tick_w, n_cat, n_ser, items),
        Orientation::Horizontal => horizontal(ctx, spec, &ticks, top, n_cat, n_ser, items),
    };
    if !single {
        y += legend(ctx, spec.series, y + 6.0, items) + 6.0;
    }
    y
}

#[allow(clippy::too_many_arguments)]
fn vertical(
    ctx: &Ctx,
    spec: &ChartSpec,
    ticks: &[f64],
    top: f64,
    tick_w: f32,
    n_cat: usize,
    n_ser: usize,
    items: &mut Vec<Item>,
) -> f32 {
    let single = spec.series.len() <= 1;
    let stacked = spec.layout == ChartLayout::Stacked;
    let plot_top = 8.0;
    let plot_x = MARGIN_X + tick_w + 6.0;
    let plot_w = BODY_WIDTH - tick_w - 6.0;
    let base = plot_top + PLOT_HEIGHT;
    let scale = |v: f64| (v.min(top) / top) as f32 * PLOT_HEIGHT;
    for t in ticks {
        let ty = base - scale(*t);
        items.push(Item::Line {
            x1: plot_x,
            y1: ty,
            x2: plot_x + plot_w,
            y2: ty,
            width: 0.3,
            color: grey(0.75),
        });
        items.push(Item::Line {
            x1: plot_x - 3.0,
            y1: ty,
            x2: plot_x,
            y2: ty,
            width: 0.6,
            color: BLACK,
        });
        let label = format_value(*t, spec.unit);
        let w = ctx.fonts.width(TextStyle::Regular, &label, LABEL.size);
        items.push(text(
            plot_x - 5.0 - w,
            ty + LABEL.size * 0.35,
            TextStyle::Regular,
            LABEL.size,
            BLACK,
            label,
        ));
    }
    let group_w = plot_w / n_cat as f32;
    let bars_w = group_w * if stacked { 0.5 } else { 0.78 };
    let bar_w = if stacked {
        bars_w
    } else {
        bars_w / n_ser as f32
    };
    let mut label_h: f32 = 0.0;
    for (c, category) in spec.categories.iter().enumerate() {
        let gx = plot_x + c as f32 * group_w + (group_w - bars_w) / 2.0;
        let mut stack = 0.0;
        for (s, series) in spec.series.iter().enumerate() {
            let f = fill(s, single);
            let x = if stacked { gx } else { gx + s as f32 * bar_w };
            let Some(v) = value(series, c) else {
                if spec.value_labels && !stacked {
                    let label = "n.d.".to_owned();
                    let w = ctx.fonts.width(TextStyle::Italic, &label, VALUE_SIZE);
                    items.push(text(
                        x + (bar_w - w) / 2.0,
                        base - 3.0,
                        TextStyle::Italic,
                        VALUE_SIZE,
                        grey(0.3),
                        label,
                    ));
                }
                continue;
            };
            let (y0, h) = if stacked {
                let y0 = base - scale(stack + v);
                let h = scale(stack + v) - scale(stack);
                stack += v;
                (y0, h)
            } else {
                (base - scale(v), scale(v))
            };
            bar(x + 0.5, y0, bar_w - 1.0, h, f, items);
            if spec.value_labels {
                let label = format_value(v, spec.unit);
                if stacked {
                    if h >= VALUE_SIZE + 2.0 {
                        boxed_label(
                            ctx,
                            x + bar_w / 2.0,
                            y0 + h / 2.0 + VALUE_SIZE * 0.35,
                            label,
                            items,
                        );
                    }
                } else {
                    let w = ctx.fonts.width(TextStyle::Bold, &label, VALUE_SIZE);
                    items.push(text(
                        x + (bar_w - w) / 2.0,
                        y0 - 2.5,
                        TextStyle::Bold,
                        VALUE_SIZE,
                        BLACK,
                        label,
                    ));
                }
            }
        }
        if stacked && spec.value_labels && stack > 0.0 {
            let label = format_value(stack, spec.unit);
            let w = ctx.fonts.width(TextStyle::Bold, &label, VALUE_SIZE);
            items.push(text(
                gx + (bars_w - w) / 2.0,
                base - scale(stack) - 2.5,
                TextStyle::Bold,
                VALUE_SIZE,
                BLACK,
                label,
            ));
        }
        let lines = wrap(
            ctx.fonts,
            &[Piece::new(category.clone(), TextStyle::Regular)],
            LABEL.size,
            group_w - 4.0,
        );
        let h = line_items(
            &lines,
            plot_x + c as f32 * group_w + 2.0,
            base + 4.0,
            group_w - 4.0,
            Align::Center,
            LABEL,
            items,
        );
        label_h = label_h.max(h);
    }
    items.push(Item::Line {
        x1: plot_x,
        y1: plot_top - 4.0,
        x2: plot_x,
        y2: base,
        width: 0.8,
        color: BLACK,
    });
    items.push(Item::Line {
        x1: plot_x,
        y1: base,
        x2: plot_x + plot_w,
        y2: base,
        width: 0.8,
        color: BLACK,
    });
    base + 4.0 + label_h
}

fn horizontal(
    ctx: &Ctx,
    spec: &ChartSpec,
    ticks: &[f64],
    top: f64,
    n_cat: usize,
    n_ser: usize,
    items: &mut Vec<Item>,
) -> f32 {
    let single = spec.series.len() <= 1;
    let stacked = spec.layout == ChartLayout::Stacked;
    let label_w = (BODY_WIDTH * 0.3).round();
    let value_w = 44.0;
    let plot_x = MARGIN_X + label_w + 6.0;
    let plot_w = BODY_WIDTH - label_w - 6.0 - value_w;
    let scale = |v: f64| (v.min(top) / top) as f32 * plot_w;
    let bar_h = if single || stacked { 10.0 } else { 8.0 };
    let per_cat = if stacked { 1 } else { n_ser };
    let plot_top = 4.0;
    let mut y = plot_top;
    let mut bands = Vec::with_capacity(n_cat);
    for (c, category) in spec.categories.iter().enumerate() {
        let lines = wrap(
            ctx.fonts,
            &[Piece::new(category.clone(), TextStyle::Regular)],
            LABEL.size,
            label_w,
        );
        let band = (per_cat as f32 * bar_h + 4.0).max(lines.len() as f32 * LABEL.leading + 2.0);
        let label_top = y + (band - lines.len() as f32 * LABEL.leading) / 2.0;
        line_items(
            &lines,
            MARGIN_X,
            label_top,
            label_w,
            Align::Right,
            LABEL,
            items,
        );
        bands.push((c, y, band));
        y += band + 3.0;
    }
    let base = y;
    for t in ticks {
        let tx = plot_x + scale(*t);
        items.push(Item::Line {
            x1: tx,
            y1: plot_top - 2.0,
            x2: tx,
            y2: base,
            width: 0.3,
            color: grey(0.75),
        });
        items.push(Item::Line {
            x1: tx,
            y1: base,
            x2: tx,
            y2: base + 3.0,
            width: 0.6,
            color: BLACK,
        });
        let label = format_value(*t, spec.unit);
        let w = ctx.fonts.width(TextStyle::Regular, &label, LABEL.size);
        items.push(text(
            tx - w / 2.0,
            base + 4.0 + LABEL.size,
            TextStyle::Regular,
            LABEL.size,
            BLACK,
            label,
        ));
    }
    for (c, band_y, band) in bands {
        let first = band_y + (band - per_cat as f32 * bar_h) / 2.0;
        let mut stack = 0.0;
        for (s, series) in spec.series.iter().enumerate() {
            let f = fill(s, single);
            let by = if stacked {
                first
            } else {
                first + s as f32 * bar_h
            };
            let Some(v) = value(series, c) else {
                // A stacked bar simply lacks the segment; a grouped one says so.
                if spec.value_labels && !stacked {
                    items.push(text(
                        plot_x + 3.0,
                        by + bar_h - 1.5,
                        TextStyle::Italic,
                        VALUE_SIZE,
                        grey(0.3),
                        "n.d.".to_owned(),
                    ));
                }
                continue;
            };
            let (x0, w) = if stacked {
                let x0 = plot_x + scale(stack);
                let w = scale(stack + v) - scale(stack);
                stack += v;
                (x0, w)
            } else {
                (plot_x, scale(v))
            };
            bar(x0, by + 0.5, w.max(0.5), bar_h - 1.0, f, items);
            if spec.value_labels {
                let label = format_value(v, spec.unit);
                let lw = ctx.fonts.width(TextStyle::Bold, &label, VALUE_SIZE);
                if stacked {
                    if w >= lw + 4.0 {
                        boxed_label(
                            ctx,
                            x0 + w / 2.0,
                            by + bar_h / 2.0 + VALUE_SIZE * 0.35,
                            label,
                            items,
                        );
                    }
                } else {
                    items.push(text(
                        x0 + w + 3.0,
                        by + bar_h / 2.0 + VALUE_SIZE * 0.35,
                        TextStyle::Bold,
                        if single { LABEL.size + 1.0 } else { VALUE_SIZE },
                        BLACK,
                        label,
                    ));
                }
            }
        }
        if stacked && spec.value_labels && stack > 0.0 {
            items.push(text(
                plot_x + scale(stack) + 3.0,
                first + bar_h / 2.0 + VALUE_SIZE * 0.35,
                TextStyle::Bold,
                VALUE_SIZE,
                BLACK,
                format_value(stack, spec.unit),
            ));
        }
    }
    items.push(Item::Line {
        x1: plot_x,
        y1: plot_top - 2.0,
        x2: plot_x,
        y2: base,
        width: 0.8,
        color: BLACK,
    });
    items.push(Item::Line {
        x1: plot_x,
        y1: base,
        x2: plot_x + plot_w,
        y2: base,
        width: 0.8,
        color: BLACK,
    });
    base + 6.0 + LABEL.leading
}

/// Swatches and names in a row (wrapping onto more rows if need be).
fn legend(ctx: &Ctx, series: &[Series], top: f32, items: &mut Vec<Item>) -> f32 {
    let swatch = 9.0;
    let mut x = MARGIN_X;
    let mut y = top;
    for (s, one) in series.iter().enumerate() {
        let w = ctx.fonts.width(TextStyle::Regular, &one.name, LABEL.size);
        if x > MARGIN_X && x + swatch + 4.0 + w > MARGIN_X + BODY_WIDTH {
            x = MARGIN_X;
            y += swatch + 5.0;
        }
        bar(x, y, swatch, swatch, fill(s, false), items);
        items.push(text(
            x + swatch + 4.0,
            y + swatch - 1.5,
            TextStyle::Regular,
            LABEL.size,
            BLACK,
            one.name.clone(),
        ));
        x += swatch + 4.0 + w + 16.0;
    }
    y + swatch - top
}
