//! Each kind of block turned into chunks: headings, paragraphs, lists,
//! sheets, badges, images, groups. Tables live in `table.rs`, charts in
//! `chart.rs`.

use crate::document::model::{
    Align, Block, ChartLayout, Field, ListItem, Orientation, Run, Series, Status, TextStyle,
};

use super::chart::{chart_items, ChartSpec};
use super::flow::{keep_together, Bookmark, Chunk, BODY_HEIGHT, BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, Rgb, BLACK, WHITE};
use super::table::{table_chunks, TableSpec};
use super::text::{line_items, wrap, wrap_report, Piece, TextSpec};
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
        &[Piece::new(title, TextStyle::Bold).unhyphenated()],
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
            let mut piece = Piece::new(run.text.clone(), run.style);
            piece.hyphenate = run.hyphenate;
            out.push(piece);
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
                hyphenate: false,
            });
        }
    }
    out
}

/// Paragraph lines, one chunk per line, first two and last two kept together.
fn paragraph(ctx: &Ctx, pieces: &[Piece], spec: TextSpec, id: Option<&String>) -> Vec<Chunk> {
    indented(ctx, pieces, spec, 0.0, None, 6.0, id)
}

/// Lines of text `indent` points in from the margin, the first one carrying
/// a list marker (right-aligned before the text) if any; one chunk per line.
fn indented(
    ctx: &Ctx,
    pieces: &[Piece],
    spec: TextSpec,
    indent: f32,
    marker: Option<&str>,
    space_before: f32,
    id: Option<&String>,
) -> Vec<Chunk> {
    let width = BODY_WIDTH - indent;
    let (lines, cut) = wrap_report(ctx.fonts, pieces, spec.size, width);
    for word in cut {
        ctx.warn(format!(
            "paragraphe : le mot « {word} » est plus large que la ligne ; il est coupé entre deux lettres."
        ));
    }
    let n = lines.len();
    let mut chunks = Vec::with_capacity(n);
    for (i, line) in lines.iter().enumerate() {
        let mut items = Vec::new();
        let height = line_items(
            std::slice::from_ref(line),
            MARGIN_X + indent,
            0.0,
            width,
            Align::Left,
            spec,
            &mut items,
        );
        if let (0, Some(marker)) = (i, marker) {
            let w = ctx.fonts.width(TextStyle::Regular, marker, spec.size);
            items.push(Item::Text {
                x: MARGIN_X + indent - 5.0 - w,
                y: (spec.leading - spec.size) / 2.0 + spec.size * 0.905,
                style: TextStyle::Regular,
                size: spec.size,
                color: spec.color,
                text: marker.to_owned(),
            });
        }
        chunks.push(Chunk {
            height,
            items,
            space_before: if i == 0 { space_before } else { 0.0 },
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

/// « a) », « b) »… for nested numbered items.
fn letter(i: usize) -> String {
    let c = char::from_u32('a' as u32 + (i % 26) as u32).unwrap_or('a');
    format!("{c})")
}

/// A list: « • » or « 1. » markers, one nested level (« – » or « a) »);
/// deeper levels are laid out at the second level.
fn list(ctx: &Ctx, ordered: bool, items: &[ListItem], id: Option<&String>) -> Vec<Chunk> {
    let mut out = Vec::new();
    let first_indent = if ordered && items.len() >= 10 {
        22.0
    } else {
        18.0
    };
    fn nested(ctx: &Ctx, ordered: bool, items: &[ListItem], indent: f32, out: &mut Vec<Chunk>) {
        for (j, item) in items.iter().enumerate() {
            let marker = if ordered { letter(j) } else { "–".to_owned() };
            out.extend(indented(
                ctx,
                &pieces(ctx, &item.runs),
                BODY,
                indent,
                Some(&marker),
                1.5,
                None,
            ));
            nested(ctx, ordered, &item.items, indent, out);
        }
    }
    for (i, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}.", i + 1)
        } else {
            "•".to_owned()
        };
        let space = if i == 0 { 6.0 } else { 2.5 };
        let anchor = if i == 0 { id } else { None };
        out.extend(indented(
            ctx,
            &pieces(ctx, &item.runs),
            BODY,
            first_indent,
            Some(&marker),
            space,
            anchor,
        ));
        nested(ctx, ordered, &item.items, first_indent + 16.0, &mut out);
    }
    out
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

pub fn format_value(value: f64, unit: &str) -> String {
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

fn chart(ctx: &Ctx, spec: &ChartSpec, text: &str, id: Option<&String>) -> Chunk {
    let mut items = Vec::new();
    let mut y = chart_items(ctx, spec, &mut items);
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
            style,
            zebra,
        } => out.extend(table_chunks(
            ctx,
            &TableSpec {
                columns,
                rows,
                totals: totals.as_deref(),
                id: id.as_ref(),
                style: *style,
                zebra: *zebra,
            },
        )),
        Block::List { ordered, items, id } => out.extend(list(ctx, *ordered, items, id.as_ref())),
        Block::Badge { status, text } => out.push(badge(ctx, *status, text)),
        Block::BarChart {
            categories,
            values,
            unit,
            caption,
            id,
        } => {
            // The first chart model: one series, horizontal bars, automatic axis.
            let series = [Series {
                name: String::new(),
                values: values.iter().map(|v| Some(*v)).collect(),
            }];
            let spec = ChartSpec {
                categories,
                series: &series,
                layout: ChartLayout::Grouped,
                orientation: Orientation::Horizontal,
                unit,
                axis_max: None,
                value_labels: true,
            };
            out.push(chart(ctx, &spec, caption, id.as_ref()));
        }
        Block::Chart {
            categories,
            series,
            layout,
            orientation,
            unit,
            axis_max,
            value_labels,
            caption,
            id,
        } => {
            let spec = ChartSpec {
                categories,
                series,
                layout: *layout,
                orientation: *orientation,
                unit,
                axis_max: *axis_max,
                value_labels: *value_labels,
            };
            out.push(chart(ctx, &spec, caption, id.as_ref()));
        }
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
