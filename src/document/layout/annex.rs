//! Annex pages: an image scaled onto A4 with its caption, a PDF's pages each
//! placed whole on an A4 page (the merger draws them there), any other file
//! listed by name, size and SHA-256, and an unreadable file explained in French.

use crate::document::model::{Align, Annex, DocumentModel, Field, TextStyle};

use super::blocks::{fit, section_title, BODY};
use super::flow::{Chunk, Flow, BODY_BOTTOM, BODY_TOP, BODY_WIDTH, MARGIN_X};
use super::frame::{grey, Item, Page, PageKind, BLACK};
use super::text::{line_items, wrap, Piece, TextSpec};
use super::{AnnexInfo, AnnexKind, Ctx};

const CAPTION: TextSpec = TextSpec {
    size: 9.0,
    leading: 12.0,
    color: grey(0.2),
};

/// « 1,2 Mo », « 350 Ko », « 820 octets ».
pub fn format_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1}\u{a0}Mo", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else if bytes >= 1024 {
        format!("{}\u{a0}Ko", (bytes as f64 / 1024.0).round())
    } else {
        format!("{bytes}\u{a0}octets")
    }
}

/// Title and caption at the top of an annex's first page; returns the y below them.
fn heading(ctx: &Ctx, info: &AnnexInfo, annex: &Annex, items: &mut Vec<Item>) -> f32 {
    let title = section_title(
        ctx,
        2,
        &format!("Annexe {} — {}", info.number, annex.title),
        "",
        false,
    );
    let mut y = BODY_TOP;
    for item in title.items {
        let mut item = item;
        item.shift(y);
        items.push(item);
    }
    y += title.height;
    if !annex.caption.is_empty() {
        let lines = wrap(
            ctx.fonts,
            &[Piece::new(annex.caption.clone(), TextStyle::Italic)],
            CAPTION.size,
            BODY_WIDTH,
        );
        y += line_items(&lines, MARGIN_X, y, BODY_WIDTH, Align::Left, CAPTION, items);
    }
    y + 8.0
}

fn annex_kind(i: usize, n: usize, of: usize) -> PageKind {
    PageKind::Annex { annex: i, n, of }
}

/// The pages of annex `i`.
pub fn annex_pages(ctx: &Ctx, _model: &DocumentModel, i: usize, annex: &Annex) -> Vec<Page> {
    let Some(info) = ctx.assets.annexes.get(i) else {
        return Vec::new();
    };
    match &info.kind {
        AnnexKind::Image(image) => {
            let mut page = Page::new(annex_kind(i, 1, 1));
            let top = heading(ctx, info, annex, &mut page.items);
            let (w, h) = fit(
                image.width as f32,
                image.height as f32,
                BODY_WIDTH,
                BODY_BOTTOM - top,
            );
            page.items.push(Item::Image {
                x: MARGIN_X + (BODY_WIDTH - w) / 2.0,
                y: top,
                w,
                h,
                image: image.index,
            });
            vec![page]
        }
        AnnexKind::Pdf { pages } => {
            let of = pages.len();
            pages
                .iter()
                .enumerate()
                .map(|(n, &(pw, ph))| {
                    let mut page = Page::new(annex_kind(i, n + 1, of));
                    let top = if n == 0 {
                        heading(ctx, info, annex, &mut page.items)
                    } else {
                        BODY_TOP
                    };
                    let (w, h) = fit(pw, ph, BODY_WIDTH, BODY_BOTTOM - top);
                    let x = MARGIN_X + (BODY_WIDTH - w) / 2.0;
                    // The foreign page goes first: everything else is drawn over it.
                    page.items.insert(
                        0,
                        Item::ForeignPage {
                            x,
                            y: top,
                            w,
                            h,
                            annex: i,
                            page: n,
                        },
                    );
                    page.items.push(Item::Rect {
                        x,
                        y: top,
                        w,
                        h,
                        fill: None,
                        stroke: Some((grey(0.6), 0.5)),
                    });
                    page
                })
                .collect()
        }
        AnnexKind::Listed | AnnexKind::Unreadable(_) => {
            let mut chunks = vec![section_title(
                ctx,
                2,
                &format!("Annexe {} — {}", info.number, annex.title),
                "",
                false,
            )];
            chunks[0].anchors.clear();
            chunks[0].bookmark = None;
            let message = match &info.kind {
                AnnexKind::Unreadable(reason) => format!(
                    "Ce fichier n’a pas pu être lu : {reason}. Il n’est donc pas reproduit ici ; \
                     le reste du dossier a été produit normalement. Remplacez la pièce par un \
                     fichier lisible puis produisez le dossier à nouveau."
                ),
                _ => "Ce fichier ne peut pas être imprimé dans le dossier. Il est conservé à part \
                      et identifié ci-dessous : son empreinte SHA-256 permet de vérifier que le \
                      fichier présenté est bien celui-ci."
                    .to_owned(),
            };
            let style = if matches!(info.kind, AnnexKind::Unreadable(_)) {
                TextStyle::Bold
            } else {
                TextStyle::Regular
            };
            let lines = wrap(
                ctx.fonts,
                &[Piece::new(message, style)],
                BODY.size,
                BODY_WIDTH - 16.0,
            );
            let mut items = Vec::new();
            let h = line_items(
                &lines,
                MARGIN_X + 8.0,
                8.0,
                BODY_WIDTH - 16.0,
                Align::Left,
                BODY,
                &mut items,
            );
            items.push(Item::Rect {
                x: MARGIN_X,
                y: 0.0,
                w: BODY_WIDTH,
                h: h + 16.0,
                fill: None,
                stroke: Some((BLACK, 1.0)),
            });
            chunks.push(Chunk {
                height: h + 16.0,
                items,
                space_before: 8.0,
                ..Chunk::default()
            });
            let mut fields = vec![Field::new("Fichier", info.file_name.clone())];
            if let Some(size) = info.size {
                let exact = if size >= 1024 {
                    format!("{} ({size} octets)", format_size(size))
                } else {
                    format_size(size)
                };
                fields.push(Field::new("Taille", exact));
            }
            if let Some(sha) = &info.sha256 {
                fields.push(Field::new("SHA-256", sha.clone()));
            }
            if !annex.caption.is_empty() {
                fields.push(Field::new("Légende", annex.caption.clone()));
            }
            super::blocks::block_chunks(
                ctx,
                &crate::document::model::Block::Sheet { fields, id: None },
                &mut chunks,
            );
            let mut flow = Flow::new(annex_kind(i, 1, 1), 0);
            flow.place(&chunks);
            let of = flow.pages.len();
            for (n, page) in flow.pages.iter_mut().enumerate() {
                page.kind = annex_kind(i, n + 1, of);
            }
            flow.pages
        }
    }
}
