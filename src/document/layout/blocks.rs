//! Each kind of block turned into chunks: headings, paragraphs, sheets,
//! badges, bar charts, images, groups. Tables live in `table.rs`.

use crate::document::model::{Align, Block, Field, Run, Status, TextStyle};

use super::flow::{keep_together, Bookmark, Chunk, BODY_HEIGHT, BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, Rgb, BLACK, WHITE};
use super::table::table_chunks;
use super::text::{line_items, wrap, Piece, TextSpec};
use super::Ctx;

pub const BODY: TextSpec = TextSpec {
    size: 10.0,
    leading: 13.5,
    color: BLACK,
};
const CAPTION: TextSpec = TextSpec {
    size: 8.5,
    leading: 11.0,
    color: grey(0.25),
};

/// The text style of a section title at `level` (1–3), or of a heading block (4).
fn heading_spec(level: u8) -> (TextSpec, f32) {
    let (size, leading, space) = match level {
        1 => (17.0, 22.0, 18.0),
        2 => (13.5, 18.0, 16.0),
        3 => (11.5, 15.0, 12.0),
        _ => (10.5, 14.0, 10.0),
    };
    (
        TextSpec {
            size,
            leading,
            color: BLACK,
        },
        space,
    )
}

/// The title chunk of a section; level-1 titles get a rule under them.
pub fn section_title(ctx: &Ctx, level: u8, title: &str, anchor: &str, new_page: bool) -> Chunk {
    let (spec, space_before) = heading_spec(level);
    let lines = wrap(
        ctx.fonts,
        &[Piece::new(title, TextStyle::Bold)],
        spec.size,
        BODY_WIDTH,
    );
    let mut items = Vec::new();
    let mut height = line_items(
        &lines,
        MARGIN_X,
        0.0,
        BODY_WIDTH,
        Align::Left,
        spec,
        &mut items,
    );
    if level == 1 {
        height += 3.0;
        items.push(Item::Line {
            x1: MARGIN_X,
            y1: height,
            x2: MARGIN_X + BODY_WIDTH,
            y2: height,
            width: 1.2,
            color: BLACK,
        });
        height += 6.0;
    } else {
        height += 2.0;
    }
    Chunk {
        height,
        items,
        space_before,
        keep_with_next: true,
        break_before: new_page,
        anchors: vec![anchor.to_owned()],
        bookmark: Some(Bookmark {
            level,
            title: title.to_owned(),
            anchor: anchor.to_owned(),
        }),
        ..Chunk::default()
    }
}

/// Runs as pieces, references replaced by their resolved text and linked.
pub fn pieces(ctx: &Ctx, runs: &[Run]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for run in runs {
        if !run.text.is_empty() {
            out.push(Piece::new(run.text.clone(), run.style));
        }
        if let Some(target) = &run.reference {
            // A space before the reference unless it opens the text or one is there.
            let sep = match out.last() {
                Some(last) if !last.text.ends_with([' ', '\u{a0}', '(']) => " ",
                _ => "",
            };
            out.push(Piece {
                text: if run.page_only {
                    format!("{sep}{}", ctx.refs.page_text(target))
                } else {
                    format!("{sep}{}", ctx.refs.text(target))
                },
                style: run.style,
                link: Some(target.clone()),
            });
        }
    }
    out
}

/// Paragraph lines, one chunk per line, first two and last two kept together.
fn paragraph(ctx: &Ctx, pieces: &[Piece], spec: TextSpec, id: Option<&String>) -> Vec<Chunk> {
    let lines = wrap(ctx.fonts, pieces, spec.size, BODY_WIDTH);
    let n = lines.len();
    let mut chunks = Vec::with_capacity(n);
    for (i, line) in lines.iter().enumerate() {
        let mut items = Vec::new();
        let height = line_items(
            std::slice::from_ref(line),
            MARGIN_X,
            0.0,
            BODY_WIDTH,
            Align::Left,
            spec,
            &mut items,
        );
        chunks.push(Chunk {
            height,
            items,
            space_before: if i == 0 { 6.0 } else { 0.0 },
            // No single first line at a page foot, no single last line at a page top.
            keep_with_next: n > 1 && (i == 0 || i + 2 == n),
            anchors: if i == 0 {
                id.cloned().into_iter().collect()
            } else {
                Vec::new()
            },
            ..Chunk::default()
        });
    }
    chunks
}

fn sheet(ctx: &Ctx, fields: &[Field], id: Option<&String>) -> Vec<Chunk> {
    let label_w = (BODY_WIDTH * 0.3).round();
    let value_w = BODY_WIDTH - label_w - 8.0;
    let mut chunks = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let labels = wrap(
            ctx.fonts,
            &[Piece::new(field.label.clone(), TextStyle::Bold)],
            BODY.size,
            label_w - 4.0,
        );
        let values = wrap(
            ctx.fonts,
            &[Piece::new(field.value.clone(), TextStyle::Regular)],
            BODY.size,
            value_w,
        );
        let mut items = Vec::new();
        let top = 2.0;
        let h1 = line_items(
            &labels,
            MARGIN_X,
            top,
            label_w - 4.0,
            Align::Left,
            BODY,
            &mut items,
        );
        let h2 = line_items(
            &values,
            MARGIN_X + label_w + 8.0,
            top,
            value_w,
            Align::Left,
            BODY,
            &mut items,
        );
        let height = h1.max(h2) + 4.0;
        items.push(Item::Line {
            x1: MARGIN_X,
            y1: height,
            x2: MARGIN_X + BODY_WIDTH,
            y2: height,
            width: 0.4,
            color: grey(0.75),
        });
        chunks.push(Chunk {
            height,
            items,
            space_before: if i == 0 { 8.0 } else { 0.0 },
            anchors: if i == 0 {
                id.cloned().into_iter().collect()
            } else {
                Vec::new()
            },
            keep_with_next: i == 0 && fields.len() > 1,
            ..Chunk::default()
        });
    }
    chunks
}

pub fn status_colour(status: Status) -> (Rgb, Rgb) {
    match status {
        Status::Vert => (Rgb(0.12, 0.52, 0.25), WHITE),
        Status::Orange => (Rgb(0.98, 0.66, 0.15), BLACK),
        Status::Rouge => (Rgb(0.78, 0.12, 0.12), WHITE),
    }
}

fn badge(ctx: &Ctx, status: Status, text: &str) -> Chunk {
    let word = status.word();
    let size = 8.5;
    let word_w = ctx.fonts.width(TextStyle::Bold, word, size);
    let badge_w = word_w + 12.0;
    let (fill, ink) = status_colour(status);
    let mut items = vec![
        Item::Rect {
            x: MARGIN_X,
            y: 1.0,
            w: badge_w,
            h: 13.0,
            fill: Some(fill),
            stroke: Some((BLACK, 0.6)),
        },
        Item::Text {
            x: MARGIN_X + 6.0,
            y: 1.0 + 9.6,
            style: TextStyle::Bold,
            size,
            color: ink,
            text: word.to_owned(),
        },
    ];
    let text_x = MARGIN_X + badge_w + 8.0;
    let lines = wrap(
        ctx.fonts,
        &[Piece::new(text, TextStyle::Regular)],
        BODY.size,
        BODY_WIDTH - badge_w - 8.0,
    );
    let h = line_items(
        &lines,
        text_x,
        0.5,
        BODY_WIDTH - badge_w - 8.0,
        Align::Left,
        BODY,
        &mut items,
    );
    Chunk {
        height: h.max(15.0) + 1.0,
        items,
        space_before: 6.0,
        ..Chunk::default()
    }
}

fn format_value(value: f64, unit: &str) -> String {
    let number = if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}").replace('.', ",")
    };
    if unit.is_empty() {
        number
    } else {
        format!("{number}\u{a0}{unit}")
    }
}

fn caption(ctx: &Ctx, text: &str, top: f32, items: &mut Vec<Item>) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let lines = wrap(
        ctx.fonts,
        &[Piece::new(text, TextStyle::Italic)],
        CAPTION.size,
        BODY_WIDTH,
    );
    line_items(
        &lines,
        MARGIN_X,
        top,
        BODY_WIDTH,
        Align::Left,
        CAPTION,
        items,
    )
}

fn bar_chart(
    ctx: &Ctx,
    categories: &[String],
    values: &[f64],
    unit: &str,
    text: &str,
    id: Option<&String>,
) -> Chunk {
    let label_w = (BODY_WIDTH * 0.32).round();
    let value_w = 60.0;
    let bar_x = MARGIN_X + label_w + 6.0;
    let bar_max = BODY_WIDTH - label_w - 6.0 - value_w;
    let max = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let spec = TextSpec {
        size: 8.5,
        leading: 11.0,
        color: BLACK,
    };
    let mut items = Vec::new();
    let mut y = 4.0;
    for (i, category) in categories.iter().enumerate() {
        let value = values.get(i).copied().unwrap_or(0.0);
        let value = if value.is_finite() {
            value.max(0.0)
        } else {
            0.0
        };
        let lines = wrap(
            ctx.fonts,
            &[Piece::new(category.clone(), TextStyle::Regular)],
            spec.size,
            label_w,
        );
        let label_h = line_items(&lines, MARGIN_X, y, label_w, Align::Right, spec, &mut items);
        let row_h = label_h.max(14.0);
        let w = if max > 0.0 {
            (value / max) as f32 * bar_max
        } else {
            0.0
        };
        items.push(Item::Rect {
            x: bar_x,
            y: y + 1.5,
            w: w.max(0.5),
            h: 10.0,
            fill: Some(grey(0.45)),
            stroke: None,
        });
        items.push(Item::Text {
            x: bar_x + w + 4.0,
            y: y + 9.5,
            style: TextStyle::Bold,
            size: spec.size,
            color: BLACK,
            text: format_value(value, unit),
        });
        y += row_h + 3.0;
    }
    items.push(Item::Line {
        x1: bar_x,
        y1: 2.0,
        x2: bar_x,
        y2: y,
        width: 0.8,
        color: BLACK,
    });
    y += 3.0;
    y += caption(ctx, text, y, &mut items);
    Chunk {
        height: y + 2.0,
        items,
        space_before: 10.0,
        anchors: id.cloned().into_iter().collect(),
        ..Chunk::default()
    }
}

fn image(ctx: &Ctx, path: &std::path::Path, text: &str, id: Option<&String>) -> Chunk {
    let mut items = Vec::new();
    let mut y = 0.0;
    match ctx.assets.images.get(path) {
        Some(Ok(image)) => {
            let (w, h) = fit(
                image.width as f32,
                image.height as f32,
                BODY_WIDTH,
                BODY_HEIGHT * 0.45,
            );
            items.push(Item::Image {
                x: MARGIN_X + (BODY_WIDTH - w) / 2.0,
                y: 0.0,
                w,
                h,
                image: image.index,
            });
            y += h + 4.0;
        }
        problem => {
            let reason = match problem {
                Some(Err(reason)) => reason.clone(),
                _ => "image absente du modèle préparé".to_owned(),
            };
            let message = format!("Image non reproduite ({}) : {reason}.", path.display());
            let lines = wrap(
                ctx.fonts,
                &[Piece::new(message, TextStyle::Italic)],
                BODY.size,
                BODY_WIDTH - 12.0,
            );
            let h = line_items(
                &lines,
                MARGIN_X + 6.0,
                6.0,
                BODY_WIDTH - 12.0,
                Align::Left,
                BODY,
                &mut items,
            );
            items.push(Item::Rect {
                x: MARGIN_X,
                y: 0.0,
                w: BODY_WIDTH,
                h: h + 12.0,
                fill: None,
                stroke: Some((BLACK, 0.6)),
            });
            y += h + 16.0;
        }
    }
    y += caption(ctx, text, y, &mut items);
    Chunk {
        height: y + 2.0,
        items,
        space_before: 10.0,
        anchors: id.cloned().into_iter().collect(),
        ..Chunk::default()
    }
}

/// The largest size with the aspect ratio of `w`×`h` inside `max_w`×`max_h`.
pub fn fit(w: f32, h: f32, max_w: f32, max_h: f32) -> (f32, f32) {
    if w <= 0.0 || h <= 0.0 {
        return (max_w, max_h);
    }
    let scale = (max_w / w).min(max_h / h);
    (w * scale, h * scale)
}

/// The chunks of one block.
pub fn block_chunks(ctx: &Ctx, block: &Block, out: &mut Vec<Chunk>) {
    match block {
        Block::Heading { text, id } => {
            let mut chunk = section_title(ctx, 4, text, "", false);
            chunk.anchors = id.clone().into_iter().collect();
            chunk.bookmark = None;
            out.push(chunk);
        }
        Block::Paragraph { runs, id } => {
            out.extend(paragraph(ctx, &pieces(ctx, runs), BODY, id.as_ref()));
        }
        Block::Reference { text, target } => {
            let runs = [Run {
                text: text.clone(),
                ..Run::reference(target.clone())
            }];
            out.extend(paragraph(ctx, &pieces(ctx, &runs), BODY, None));
        }
        Block::Sheet { fields, id } => out.extend(sheet(ctx, fields, id.as_ref())),
        Block::Table {
            columns,
            rows,
            totals,
            id,
        } => out.extend(table_chunks(
            ctx,
            columns,
            rows,
            totals.as_deref(),
            id.as_ref(),
        )),
        Block::Badge { status, text } => out.push(badge(ctx, *status, text)),
        Block::BarChart {
            categories,
            values,
            unit,
            caption,
            id,
        } => out.push(bar_chart(
            ctx,
            categories,
            values,
            unit,
            caption,
            id.as_ref(),
        )),
        Block::Image { path, caption, id } => out.push(image(ctx, path, caption, id.as_ref())),
        Block::KeepTogether { blocks } => {
            let mut inner = Vec::new();
            for block in blocks {
                block_chunks(ctx, block, &mut inner);
            }
            out.extend(keep_together(inner));
        }
        Block::PageBreak => out.push(Chunk {
            break_before: true,
            ..Chunk::default()
        }),
    }
}
