//! Tables: column widths from their content, cells wrapped, the header row
//! measured once and repeated at the top of every page the table continues on.
//!
//! Widths are found the way browsers lay out automatic tables: each column's
//! content is measured (the widest piece that can never be broken after
//! hyphenation, the widest whole word, the widest unwrapped line); columns
//! with a fixed width get it; the others get their preferred width if all fit,
//! else at least their widest word, else at least their widest syllable, the
//! room between shared in proportion to what each would like more. Only then
//! are cells wrapped. A word wider than its whole column is cut between
//! letters, and a layout warning says so.
//!
//! A row is one chunk, so it is never cut; a row taller than a page is split
//! into page-sized pieces, each continuation headed « (suite) ».

use std::rc::Rc;

use crate::document::model::{Align, Cell, Column, Run, TableStyle, TextStyle};

use super::blocks::pieces;
use super::flow::{Chunk, BODY_HEIGHT, BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, BLACK};
use super::text::{line_items, measure, wrap_report, Line, Measure, Piece, TextSpec};
use super::Ctx;

/// Type size, padding and rules of a table style.
#[derive(Debug, Clone, Copy)]
struct Look {
    text: TextSpec,
    pad_x: f32,
    pad_y: f32,
    rule: f32,
}

const NORMAL: Look = Look {
    text: TextSpec {
        size: 8.5,
        leading: 11.0,
        color: BLACK,
    },
    pad_x: 3.0,
    pad_y: 3.0,
    rule: 0.4,
};

/// Registers: smaller type, tighter padding, hairline rules.
const DENSE: Look = Look {
    text: TextSpec {
        size: 7.0,
        leading: 8.6,
        color: BLACK,
    },
    pad_x: 2.4,
    pad_y: 1.8,
    rule: 0.25,
};

/// Grey of the zebra rows: light enough for any printer, visible on all.
const ZEBRA: f32 = 0.93;

struct Geometry {
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    look: Look,
}

/// The pieces of a cell; a column that must not be hyphenated passes it on.
fn cell_pieces(ctx: &Ctx, cell: &Cell, style: TextStyle, column: Option<&Column>) -> Vec<Piece> {
    let mut out = match cell {
        Cell::Text(text) => vec![Piece::new(text.clone(), style)],
        Cell::Runs { runs } => {
            let runs: Vec<Run> = runs
                .iter()
                .map(|r| Run {
                    style: if style == TextStyle::Bold {
                        TextStyle::Bold
                    } else {
                        r.style
                    },
                    ..r.clone()
                })
                .collect();
            pieces(ctx, &runs)
        }
    };
    if column.is_some_and(|c| !c.hyphenate || c.nowrap) {
        for piece in &mut out {
            piece.hyphenate = false;
        }
    }
    out
}

/// Widths of the columns that share `room`, from their measures and weights
/// (the weight only shares what is left once all have their preferred width).
/// No column's minimum is taken above 40 % of the room: a longer word is cut.
pub fn share(measures: &[(Measure, f32)], room: f32) -> Vec<f32> {
    let cap = room * 0.4;
    let level = |k: usize, m: &Measure| {
        let min = m.min_hyphenated.min(cap);
        let word = m.min_word.min(cap).max(min);
        match k {
            0 => min,
            1 => word,
            _ => m.preferred.max(word),
        }
    };
    let sums: Vec<f32> = (0..3)
        .map(|k| measures.iter().map(|(m, _)| level(k, m)).sum())
        .collect();
    if sums[2] <= room {
        // Everything fits unwrapped: the rest goes to the wider columns.
        let extra = room - sums[2];
        let total: f32 = measures.iter().map(|(m, w)| level(2, m) * w.max(0.0)).sum();
        return measures
            .iter()
            .map(|(m, w)| level(2, m) + extra * level(2, m) * w.max(0.0) / total.max(0.01))
            .collect();
    }
    if sums[0] >= room {
        // Not even the syllables fit: shrink, words will be cut (and reported).
        return measures
            .iter()
            .map(|(m, _)| level(0, m) * room / sums[0].max(0.01))
            .collect();
    }
    if sums[1] >= room {
        // Words do not all fit whole: every column is hyphenated alike, each
        // getting the same share of what it would need to keep its words.
        let t = (room - sums[0]) / (sums[1] - sums[0]).max(0.01);
        return measures
            .iter()
            .map(|(m, _)| level(0, m) + t * (level(1, m) - level(0, m)))
            .collect();
    }
    // Every word fits whole: from words towards unwrapped lines.
    fill_up(measures, room, |m| level(1, m), |m| level(2, m))
}

/// Widths between `lo` and `hi` for `room` (at least the sum of `lo`):
/// columns that need least to reach `hi` get it first (a « Public » column
/// is not wrapped for want of a few points), then what is left is shared by
/// the others in proportion to what each would like more.
fn fill_up(
    measures: &[(Measure, f32)],
    room: f32,
    lo: impl Fn(&Measure) -> f32,
    hi: impl Fn(&Measure) -> f32,
) -> Vec<f32> {
    let mut widths: Vec<f32> = measures.iter().map(|(m, _)| lo(m)).collect();
    let mut slack = room - widths.iter().sum::<f32>();
    let need = |i: usize| hi(&measures[i].0) - lo(&measures[i].0);
    let mut order: Vec<usize> = (0..measures.len()).collect();
    order.sort_by(|&a, &b| need(a).total_cmp(&need(b)).then(a.cmp(&b)));
    let mut rest = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        if need(i) <= slack {
            widths[i] += need(i);
            slack -= need(i);
        } else {
            rest.extend_from_slice(&order[n..]);
            break;
        }
    }
    let wanted: f32 = rest.iter().map(|&i| need(i)).sum();
    for &i in &rest {
        widths[i] += slack * need(i) / wanted.max(0.01);
    }
    widths
}

fn geometry(
    ctx: &Ctx,
    columns: &[Column],
    rows: &[Vec<Cell>],
    totals: Option<&[Cell]>,
    look: Look,
) -> Geometry {
    let size = look.text.size;
    let pad = 2.0 * look.pad_x;
    let mut measures: Vec<Measure> = columns
        .iter()
        .map(|c| {
            measure(
                ctx.fonts,
                &[Piece::new(c.title.clone(), TextStyle::Bold)],
                size,
            )
        })
        .collect();
    let mut add = |cells: &[Cell], style: TextStyle| {
        for (i, (cell, m)) in cells.iter().zip(measures.iter_mut()).enumerate() {
            let c = measure(
                ctx.fonts,
                &cell_pieces(ctx, cell, style, columns.get(i)),
                size,
            );
            m.min_hyphenated = m.min_hyphenated.max(c.min_hyphenated);
            m.min_word = m.min_word.max(c.min_word);
            m.preferred = m.preferred.max(c.preferred);
        }
    };
    for row in rows {
        add(row, TextStyle::Regular);
    }
    if let Some(totals) = totals {
        add(totals, TextStyle::Bold);
    }
    let fixed: f32 = columns
        .iter()
        .filter_map(|c| c.fixed)
        .map(|w| w.max(pad + 1.0))
        .sum();
    let auto: Vec<(Measure, f32)> = columns
        .iter()
        .zip(&measures)
        .filter(|(c, _)| c.fixed.is_none())
        .map(|(c, m)| {
            let m = Measure {
                min_hyphenated: m.min_hyphenated + pad,
                min_word: m.min_word + pad,
                preferred: m.preferred + pad,
            };
            let m = if c.nowrap {
                // The whole cell on one line: its preferred width is its minimum.
                Measure {
                    min_hyphenated: m.preferred,
                    min_word: m.preferred,
                    ..m
                }
            } else {
                m
            };
            (m, c.width)
        })
        .collect();
    let mut shared = share(&auto, (BODY_WIDTH - fixed).max(0.0)).into_iter();
    let mut xs = Vec::new();
    let mut widths = Vec::new();
    let mut x = MARGIN_X;
    for column in columns {
        let w = match column.fixed {
            Some(w) => w.max(pad + 1.0),
            None => shared.next().unwrap_or(pad + 1.0),
        };
        xs.push(x);
        widths.push(w);
        x += w;
    }
    Geometry {
        xs,
        widths,
        aligns: columns.iter().map(|c| c.align).collect(),
        look,
    }
}

fn wrap_row(
    ctx: &Ctx,
    geo: &Geometry,
    columns: &[Column],
    cells: &[Cell],
    style: TextStyle,
    header: bool,
) -> Vec<Vec<Line>> {
    geo.widths
        .iter()
        .enumerate()
        .map(|(i, w)| match cells.get(i) {
            Some(cell) => {
                let width = w - 2.0 * geo.look.pad_x;
                let (lines, cut) = wrap_report(
                    ctx.fonts,
                    // Titles are ordinary words, hyphenated even over names.
                    &cell_pieces(ctx, cell, style, columns.get(i).filter(|_| !header)),
                    geo.look.text.size,
                    width,
                );
                for word in cut {
                    let title = columns.get(i).map_or("", |c| c.title.as_str());
                    ctx.warn(format!(
                        "tableau, colonne « {title} » : le mot « {word} » est plus large que la colonne ({:.0} pt) ; il est coupé entre deux lettres.",
                        width
                    ));
                }
                lines
            }
            None => Vec::new(),
        })
        .collect()
}

/// A row chunk from already-wrapped cells; `suite` adds the continuation mark.
fn row_chunk(
    geo: &Geometry,
    cells: &[&[Line]],
    suite: bool,
    rule: f32,
    fill: Option<f32>,
) -> Chunk {
    let look = geo.look;
    let spec = look.text;
    let mut items = Vec::new();
    let extra = if suite { spec.leading } else { 0.0 };
    let lines = cells.iter().map(|c| c.len()).max().unwrap_or(0).max(1);
    let height = lines as f32 * spec.leading + extra + 2.0 * look.pad_y;
    if let Some(level) = fill {
        items.push(Item::Rect {
            x: MARGIN_X,
            y: 0.0,
            w: BODY_WIDTH,
            h: height,
            fill: Some(grey(level)),
            stroke: None,
        });
    }
    if suite {
        items.push(Item::Text {
            x: geo.xs[0] + look.pad_x,
            y: look.pad_y + spec.size * 0.905 + (spec.leading - spec.size) / 2.0,
            style: TextStyle::Italic,
            size: spec.size,
            color: grey(0.3),
            text: "(suite)".to_owned(),
        });
    }
    for (i, lines) in cells.iter().enumerate() {
        line_items(
            lines,
            geo.xs[i] + look.pad_x,
            look.pad_y + extra,
            geo.widths[i] - 2.0 * look.pad_x,
            geo.aligns[i],
            spec,
            &mut items,
        );
    }
    items.push(Item::Line {
        x1: MARGIN_X,
        y1: height,
        x2: MARGIN_X + BODY_WIDTH,
        y2: height,
        width: rule,
        color: if rule > 0.5 { BLACK } else { grey(0.7) },
    });
    Chunk {
        height,
        items,
        ..Chunk::default()
    }
}

/// One row as one chunk, or several page-sized pieces if it is taller than a page.
fn row_pieces(
    geo: &Geometry,
    cells: &[Vec<Line>],
    capacity: f32,
    rule: f32,
    fill: Option<f32>,
) -> Vec<Chunk> {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0);
    let fits = ((capacity - 2.0 * geo.look.pad_y) / geo.look.text.leading)
        .floor()
        .max(2.0) as usize;
    if lines <= fits {
        let refs: Vec<&[Line]> = cells.iter().map(Vec::as_slice).collect();
        return vec![row_chunk(geo, &refs, false, rule, fill)];
    }
    // The first piece takes at most half a page, so that it can start under
    // the table's header on the current page; the others fill whole pages.
    let mut out = Vec::new();
    let mut start = 0;
    while start < lines {
        let suite = start > 0;
        let take = if suite { fits - 1 } else { fits / 2 };
        let refs: Vec<&[Line]> = cells
            .iter()
            .map(|c| {
                let from = start.min(c.len());
                let to = (start + take).min(c.len());
                &c[from..to]
            })
            .collect();
        out.push(row_chunk(geo, &refs, suite, rule, fill));
        start += take;
    }
    out
}

/// What a table block says, gathered for its layout.
pub struct TableSpec<'a> {
    pub columns: &'a [Column],
    pub rows: &'a [Vec<Cell>],
    pub totals: Option<&'a [Cell]>,
    pub id: Option<&'a String>,
    pub style: TableStyle,
    pub zebra: bool,
}

pub fn table_chunks(ctx: &Ctx, table: &TableSpec) -> Vec<Chunk> {
    let TableSpec {
        columns,
        rows,
        totals,
        id,
        ..
    } = *table;
    if columns.is_empty() {
        return Vec::new();
    }
    let look = match table.style {
        TableStyle::Normal => NORMAL,
        TableStyle::Dense => DENSE,
    };
    let geo = geometry(ctx, columns, rows, totals, look);
    let titles: Vec<Cell> = columns
        .iter()
        .map(|c| Cell::Text(c.title.clone()))
        .collect();
    let header_cells = wrap_row(ctx, &geo, columns, &titles, TextStyle::Bold, true);
    let header_refs: Vec<&[Line]> = header_cells.iter().map(Vec::as_slice).collect();
    let mut header = row_chunk(&geo, &header_refs, false, 0.8, Some(0.88));
    header.space_before = 8.0;
    header.keep_with_next = !rows.is_empty() || totals.is_some();
    header.anchors = id.cloned().into_iter().collect();
    let capacity = BODY_HEIGHT - header.height;
    let repeat = Rc::new(Chunk {
        anchors: Vec::new(),
        space_before: 0.0,
        keep_with_next: false,
        ..header.clone()
    });
    let mut chunks = vec![header];
    let n = rows.len();
    for (i, row) in rows.iter().enumerate() {
        let cells = wrap_row(ctx, &geo, columns, row, TextStyle::Regular, false);
        let fill = (table.zebra && i % 2 == 1).then_some(ZEBRA);
        let pieces = row_pieces(&geo, &cells, capacity, look.rule, fill);
        let whole = pieces.len() == 1;
        for mut piece in pieces {
            piece.repeat = Some(repeat.clone());
            // No single row under the header at a page foot, and no single
            // last row alone at the top of a page.
            piece.keep_with_next = whole && n >= 4 && (i == 0 || i + 2 == n);
            chunks.push(piece);
        }
    }
    if let Some(totals) = totals {
        let cells = wrap_row(ctx, &geo, columns, totals, TextStyle::Bold, false);
        for mut piece in row_pieces(&geo, &cells, capacity, 0.8, Some(0.95)) {
            piece.repeat = Some(repeat.clone());
            piece.items.insert(
                0,
                Item::Line {
                    x1: MARGIN_X,
                    y1: 0.0,
                    x2: MARGIN_X + BODY_WIDTH,
                    y2: 0.0,
                    width: 0.8,
                    color: BLACK,
                },
            );
            chunks.push(piece);
        }
    }
    chunks
}
