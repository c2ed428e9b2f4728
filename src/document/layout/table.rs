//! Tables: columns sized from relative widths, cells wrapped, the header row
//! measured once and repeated at the top of every page the table continues on.
//!
//! A row is one chunk, so it is never cut; a row taller than a page is split
//! into page-sized pieces, each continuation headed « (suite) ».

use std::rc::Rc;

use crate::document::model::{Align, Cell, Column, Run, TextStyle};

use super::blocks::pieces;
use super::flow::{Chunk, BODY_HEIGHT, BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, BLACK};
use super::text::{line_items, wrap, Line, Piece, TextSpec};
use super::Ctx;

const CELL: TextSpec = TextSpec {
    size: 8.5,
    leading: 11.0,
    color: BLACK,
};
const PAD_X: f32 = 3.0;
const PAD_Y: f32 = 3.0;

struct Geometry {
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
}

fn geometry(columns: &[Column]) -> Geometry {
    let total: f32 = columns.iter().map(|c| c.width.max(0.01)).sum();
    let mut xs = Vec::new();
    let mut widths = Vec::new();
    let mut x = MARGIN_X;
    for column in columns {
        let w = BODY_WIDTH * column.width.max(0.01) / total;
        xs.push(x);
        widths.push(w);
        x += w;
    }
    Geometry {
        xs,
        widths,
        aligns: columns.iter().map(|c| c.align).collect(),
    }
}

fn cell_pieces(ctx: &Ctx, cell: &Cell, style: TextStyle) -> Vec<Piece> {
    match cell {
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
    }
}

fn wrap_row(ctx: &Ctx, geo: &Geometry, cells: &[Cell], style: TextStyle) -> Vec<Vec<Line>> {
    geo.widths
        .iter()
        .enumerate()
        .map(|(i, w)| match cells.get(i) {
            Some(cell) => wrap(
                ctx.fonts,
                &cell_pieces(ctx, cell, style),
                CELL.size,
                w - 2.0 * PAD_X,
            ),
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
    let mut items = Vec::new();
    let extra = if suite { CELL.leading } else { 0.0 };
    let lines = cells.iter().map(|c| c.len()).max().unwrap_or(0).max(1);
    let height = lines as f32 * CELL.leading + extra + 2.0 * PAD_Y;
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
            x: geo.xs[0] + PAD_X,
            y: PAD_Y + CELL.size * 0.905 + (CELL.leading - CELL.size) / 2.0,
            style: TextStyle::Italic,
            size: CELL.size,
            color: grey(0.3),
            text: "(suite)".to_owned(),
        });
    }
    for (i, lines) in cells.iter().enumerate() {
        line_items(
            lines,
            geo.xs[i] + PAD_X,
            PAD_Y + extra,
            geo.widths[i] - 2.0 * PAD_X,
            geo.aligns[i],
            CELL,
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
    let fits = ((capacity - 2.0 * PAD_Y) / CELL.leading).floor().max(2.0) as usize;
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

pub fn table_chunks(
    ctx: &Ctx,
    columns: &[Column],
    rows: &[Vec<Cell>],
    totals: Option<&[Cell]>,
    id: Option<&String>,
) -> Vec<Chunk> {
    if columns.is_empty() {
        return Vec::new();
    }
    let geo = geometry(columns);
    let titles: Vec<Cell> = columns
        .iter()
        .map(|c| Cell::Text(c.title.clone()))
        .collect();
    let header_cells = wrap_row(ctx, &geo, &titles, TextStyle::Bold);
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
        let cells = wrap_row(ctx, &geo, row, TextStyle::Regular);
        let pieces = row_pieces(&geo, &cells, capacity, 0.4, None);
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
        let cells = wrap_row(ctx, &geo, totals, TextStyle::Bold);
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
