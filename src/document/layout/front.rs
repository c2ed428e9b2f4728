//! The pages around the body: the cover, the contents (dotted leaders, page
//! numbers, links), and the running header and footer stamped on every page
//! but the cover once the page count is known.

use crate::document::fonts::FontSet;
use crate::document::model::{Align, ContentsSpec, Cover, DocumentModel, Running, TextStyle};

use super::blocks::section_title;
use super::flow::{Chunk, Flow, BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, Page, PageKind, BLACK, PAGE_HEIGHT};
use super::text::{line_items, wrap, Piece, TextSpec};
use super::{Assets, Ctx, ANNEXES_ID};

pub fn cover_page(ctx: &Ctx, cover: &Cover, running: &Running) -> Page {
    let mut page = Page::new(PageKind::Cover);
    let items = &mut page.items;
    let spec = |size: f32, leading: f32| TextSpec {
        size,
        leading,
        color: BLACK,
    };
    let mut y = 110.0;
    let org = wrap(
        ctx.fonts,
        &[Piece::new(running.organisation.clone(), TextStyle::Bold)],
        13.0,
        BODY_WIDTH,
    );
    y += line_items(
        &org,
        MARGIN_X,
        y,
        BODY_WIDTH,
        Align::Left,
        spec(13.0, 17.0),
        items,
    );
    items.push(Item::Line {
        x1: MARGIN_X,
        y1: y + 6.0,
        x2: MARGIN_X + BODY_WIDTH,
        y2: y + 6.0,
        width: 2.0,
        color: BLACK,
    });
    y = 250.0;
    let title = wrap(
        ctx.fonts,
        &[Piece::new(cover.title.clone(), TextStyle::Bold).unhyphenated()],
        26.0,
        BODY_WIDTH,
    );
    y += line_items(
        &title,
        MARGIN_X,
        y,
        BODY_WIDTH,
        Align::Left,
        spec(26.0, 32.0),
        items,
    );
    if !cover.subtitle.is_empty() {
        y += 8.0;
        let sub = wrap(
            ctx.fonts,
            &[Piece::new(cover.subtitle.clone(), TextStyle::Regular)],
            15.0,
            BODY_WIDTH,
        );
        y += line_items(
            &sub,
            MARGIN_X,
            y,
            BODY_WIDTH,
            Align::Left,
            spec(15.0, 20.0),
            items,
        );
    }
    y += 40.0;
    let label_w = 150.0;
    for field in &cover.fields {
        let labels = wrap(
            ctx.fonts,
            &[Piece::new(field.label.clone(), TextStyle::Bold)],
            11.0,
            label_w - 6.0,
        );
        let values = wrap(
            ctx.fonts,
            &[Piece::new(field.value.clone(), TextStyle::Regular)],
            11.0,
            BODY_WIDTH - label_w,
        );
        let h1 = line_items(
            &labels,
            MARGIN_X,
            y,
            label_w - 6.0,
            Align::Left,
            spec(11.0, 16.0),
            items,
        );
        let h2 = line_items(
            &values,
            MARGIN_X + label_w,
            y,
            BODY_WIDTH - label_w,
            Align::Left,
            spec(11.0, 16.0),
            items,
        );
        y += h1.max(h2) + 4.0;
    }
    if !cover.note.is_empty() {
        let note = wrap(
            ctx.fonts,
            &[Piece::new(cover.note.clone(), TextStyle::Italic)],
            9.0,
            BODY_WIDTH,
        );
        let top = PAGE_HEIGHT - 90.0 - note.len() as f32 * 12.0;
        line_items(
            &note,
            MARGIN_X,
            top,
            BODY_WIDTH,
            Align::Left,
            spec(9.0, 12.0),
            items,
        );
    }
    page
}

/// The contents: one line per section up to the depth, and the annexes.
pub fn contents(ctx: &Ctx, model: &DocumentModel, spec: &ContentsSpec, first_page: usize) -> Flow {
    let mut chunks = vec![{
        let mut title = section_title(ctx, 1, &spec.title, "", false);
        title.anchors.clear();
        title.bookmark = None;
        title
    }];
    let mut entries: Vec<(u8, String, &str)> = model
        .sections
        .iter()
        .filter(|s| s.level <= spec.depth)
        .map(|s| (s.level.clamp(1, 3), s.title.clone(), s.id.as_str()))
        .collect();
    if !model.annexes.is_empty() {
        entries.push((1, "Annexes".to_owned(), ANNEXES_ID));
        if spec.list_annexes {
            for (i, annex) in model.annexes.iter().enumerate() {
                let number = ctx
                    .assets
                    .annexes
                    .get(i)
                    .map_or_else(|| format!("A{}", i + 1), |a| a.number.clone());
                entries.push((2, format!("{number} — {}", annex.title), annex.id.as_str()));
            }
        }
    }
    let number_w = 34.0;
    for (level, title, id) in entries {
        let indent = f32::from(level - 1) * 16.0;
        let style = if level == 1 {
            TextStyle::Bold
        } else {
            TextStyle::Regular
        };
        let spec = TextSpec {
            size: if level == 1 { 10.5 } else { 10.0 },
            leading: 14.0,
            color: BLACK,
        };
        let text_w = BODY_WIDTH - indent - number_w - 12.0;
        let lines = wrap(
            ctx.fonts,
            &[Piece::new(title, style).unhyphenated()],
            spec.size,
            text_w,
        );
        let mut items = Vec::new();
        let x = MARGIN_X + indent;
        let height = line_items(&lines, x, 0.0, text_w, Align::Left, spec, &mut items);
        let last_w = lines.last().map_or(0.0, |l| l.width);
        let baseline = height - spec.leading + (spec.leading - spec.size) / 2.0 + spec.size * 0.905;
        // Dotted leaders from the end of the title to the page number.
        let dots_from = x + last_w + 4.0;
        let dots_to = MARGIN_X + BODY_WIDTH - number_w;
        let dot = ctx.fonts.width(TextStyle::Regular, ". ", spec.size);
        let count = ((dots_to - dots_from) / dot).floor().max(0.0) as usize;
        if count > 0 {
            items.push(Item::Text {
                x: dots_to - count as f32 * dot,
                y: baseline,
                style: TextStyle::Regular,
                size: spec.size,
                color: grey(0.4),
                text: ". ".repeat(count).trim_end().to_owned(),
            });
        }
        let number = ctx
            .refs
            .page(id)
            .map_or_else(|| "?".to_owned(), |p| p.to_string());
        let number_width = ctx.fonts.width(style, &number, spec.size);
        items.push(Item::Text {
            x: MARGIN_X + BODY_WIDTH - number_width,
            y: baseline,
            style,
            size: spec.size,
            color: BLACK,
            text: number,
        });
        items.push(Item::Link {
            x,
            y: 0.0,
            w: MARGIN_X + BODY_WIDTH - x,
            h: height,
            target: id.to_owned(),
        });
        chunks.push(Chunk {
            height,
            items,
            space_before: if level == 1 { 7.0 } else { 1.0 },
            ..Chunk::default()
        });
    }
    let mut flow = Flow::new(PageKind::Contents, first_page);
    flow.place(&chunks);
    flow
}

fn fit_one_line(fonts: &FontSet, text: &str, style: TextStyle, size: f32, width: f32) -> String {
    if fonts.width(style, text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if fonts.width(style, &format!("{out}…"), size) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Header (title, organisation or annex stamp) and footer (organisation,
/// « page n / N ») on every page but the cover.
pub fn stamp_running(pages: &mut [Page], model: &DocumentModel, assets: &Assets, fonts: &FontSet) {
    let total = pages.len();
    let size = 8.5;
    let right = MARGIN_X + BODY_WIDTH;
    let ink = grey(0.2);
    for (i, page) in pages.iter_mut().enumerate() {
        if page.kind == PageKind::Cover {
            continue;
        }
        let stamp = match &page.kind {
            PageKind::Annex { annex, n, of } => assets
                .annexes
                .get(*annex)
                .map(|a| format!("Annexe {} — {n}/{of}", a.number)),
            _ => None,
        };
        let mut items = Vec::new();
        let title = fit_one_line(
            fonts,
            &model.running.title,
            TextStyle::Regular,
            size,
            BODY_WIDTH * 0.6,
        );
        items.push(Item::Text {
            x: MARGIN_X,
            y: 40.0,
            style: TextStyle::Regular,
            size,
            color: ink,
            text: title,
        });
        match stamp {
            Some(stamp) => {
                let w = fonts.width(TextStyle::Bold, &stamp, 10.0);
                items.push(Item::Rect {
                    x: right - w - 12.0,
                    y: 26.0,
                    w: w + 12.0,
                    h: 19.0,
                    fill: Some(super::frame::WHITE),
                    stroke: Some((BLACK, 1.2)),
                });
                items.push(Item::Text {
                    x: right - w - 6.0,
                    y: 39.5,
                    style: TextStyle::Bold,
                    size: 10.0,
                    color: BLACK,
                    text: stamp,
                });
            }
            None => {
                let org = fit_one_line(
                    fonts,
                    &model.running.organisation,
                    TextStyle::Bold,
                    size,
                    BODY_WIDTH * 0.38,
                );
                let w = fonts.width(TextStyle::Bold, &org, size);
                items.push(Item::Text {
                    x: right - w,
                    y: 40.0,
                    style: TextStyle::Bold,
                    size,
                    color: ink,
                    text: org,
                });
            }
        }
        items.push(Item::Line {
            x1: MARGIN_X,
            y1: 50.0,
            x2: right,
            y2: 50.0,
            width: 0.5,
            color: grey(0.5),
        });
        let footer_y = PAGE_HEIGHT - 36.0;
        items.push(Item::Line {
            x1: MARGIN_X,
            y1: footer_y - 12.0,
            x2: right,
            y2: footer_y - 12.0,
            width: 0.5,
            color: grey(0.5),
        });
        let left = if model.running.footer.is_empty() {
            &model.running.organisation
        } else {
            &model.running.footer
        };
        let org = fit_one_line(fonts, left, TextStyle::Regular, size, BODY_WIDTH * 0.7);
        items.push(Item::Text {
            x: MARGIN_X,
            y: footer_y,
            style: TextStyle::Regular,
            size,
            color: ink,
            text: org,
        });
        let number = format!("page {} / {total}", i + 1);
        let w = fonts.width(TextStyle::Regular, &number, size);
        items.push(Item::Text {
            x: right - w,
            y: footer_y,
            style: TextStyle::Regular,
            size,
            color: ink,
            text: number,
        });
        // Foreign pages are drawn under everything; the stamp goes on top.
        page.items.extend(items);
    }
}
