//! Frames to PDF bytes with printpdf's operation API — the only file that
//! imports printpdf.
//!
//! A pure function of the laid-out pages and the image table: each item
//! becomes a few operations; images are added once to the document's
//! resources and drawn wherever they are used. JPEG files and the zlib data of
//! simple PNGs are passed through untouched. Foreign PDF pages are left to
//! `merge.rs`, which draws them under the items of their placeholder page.

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, DictItem, ExternalStream,
    ExternalXObject, FontId, Line, LinePoint, LinkAnnotation, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Px, Rect, TextItem, TextMatrix,
    XObjectId, XObjectTransform,
};
use rayon::prelude::*;

use super::fonts;
use super::layout::frame::{Item, Page, Rgb, PAGE_HEIGHT, PAGE_WIDTH};
use super::layout::LaidOut;
use super::model::{Metadata, TextStyle};
use super::prepare::{ImageData, ImageEncoding};
use crate::{Error, Result};

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn image_xobject(image: &ImageData) -> ExternalXObject {
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_owned(), name("XObject"));
    dict.insert("Subtype".to_owned(), name("Image"));
    dict.insert("Width".to_owned(), DictItem::Int(i64::from(image.width)));
    dict.insert("Height".to_owned(), DictItem::Int(i64::from(image.height)));
    dict.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
    let (space, filter, compress) = match &image.encoding {
        ImageEncoding::Jpeg { components } => {
            let space = if *components == 1 {
                "DeviceGray"
            } else {
                "DeviceRGB"
            };
            (space, Some("DCTDecode"), false)
        }
        ImageEncoding::PngIdat { colors, bits } => {
            let mut parms = BTreeMap::new();
            parms.insert("Predictor".to_owned(), DictItem::Int(15));
            parms.insert("Colors".to_owned(), DictItem::Int(i64::from(*colors)));
            parms.insert(
                "BitsPerComponent".to_owned(),
                DictItem::Int(i64::from(*bits)),
            );
            parms.insert("Columns".to_owned(), DictItem::Int(i64::from(image.width)));
            dict.insert("DecodeParms".to_owned(), DictItem::Dict { map: parms });
            let space = if *colors == 1 {
                "DeviceGray"
            } else {
                "DeviceRGB"
            };
            (space, Some("FlateDecode"), false)
        }
        ImageEncoding::Rgb8 => ("DeviceRGB", None, true),
    };
    dict.insert("ColorSpace".to_owned(), name(space));
    if let Some(filter) = filter {
        dict.insert("Filter".to_owned(), name(filter));
    }
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: image.data.clone(),
            compress,
        },
        width: Some(Px(image.width as usize)),
        height: Some(Px(image.height as usize)),
        dpi: None,
    }
}

struct Resources {
    fonts: [FontId; 3],
    images: Vec<XObjectId>,
}

impl Resources {
    fn font(&self, style: TextStyle) -> PdfFontHandle {
        let i = match style {
            TextStyle::Regular => 0,
            TextStyle::Bold => 1,
            TextStyle::Italic => 2,
        };
        PdfFontHandle::External(self.fonts[i].clone())
    }
}

/// The operations of one page; links resolved through the anchors.
fn page_ops(page: &Page, res: &Resources, laid: &LaidOut) -> Vec<Op> {
    let flip = |y: f32| PAGE_HEIGHT - y;
    let mut ops = Vec::with_capacity(page.items.len() * 4);
    let mut in_text = false;
    let mut font: Option<(TextStyle, f32)> = None;
    let mut fill: Option<Rgb> = None;
    for item in &page.items {
        if !matches!(item, Item::Text { .. }) && in_text {
            ops.push(Op::EndTextSection);
            in_text = false;
        }
        match item {
            Item::Text {
                x,
                y,
                style,
                size,
                color,
                text,
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    font = None;
                }
                if font != Some((*style, *size)) {
                    ops.push(Op::SetFont {
                        font: res.font(*style),
                        size: Pt(*size),
                    });
                    font = Some((*style, *size));
                }
                if fill != Some(*color) {
                    ops.push(Op::SetFillColor {
                        col: colour(*color),
                    });
                    fill = Some(*color);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(flip(*y))),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill: paint,
                stroke,
            } => {
                if let Some(c) = paint {
                    if fill != Some(*c) {
                        ops.push(Op::SetFillColor { col: colour(*c) });
                        fill = Some(*c);
                    }
                }
                if let Some((c, width)) = stroke {
                    ops.push(Op::SetOutlineColor { col: colour(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                }
                let mode = match (paint, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (None, Some(_)) => PaintMode::Stroke,
                    _ => PaintMode::Fill,
                };
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(flip(y + h)),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                ops.push(Op::SetOutlineColor {
                    col: colour(*color),
                });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(flip(y)),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Image { x, y, w, h, image } => {
                if let Some(id) = res.images.get(*image) {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetTransformationMatrix {
                        matrix: printpdf::CurTransMat::Raw([*w, 0.0, 0.0, *h, *x, flip(y + h)]),
                    });
                    ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
            }
            Item::Link { x, y, w, h, target } => {
                if let Some(landing) = laid.anchors.get(target) {
                    ops.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(
                            Rect {
                                x: Pt(*x),
                                y: Pt(flip(y + h)),
                                width: Pt(*w),
                                height: Pt(*h),
                                mode: None,
                                winding_order: None,
                            },
                            Actions::go_to(Destination::Xyz {
                                page: landing.page + 1,
                                left: Some(0.0),
                                top: Some((flip(landing.y) + 12.0).min(PAGE_HEIGHT)),
                                zoom: None,
                            }),
                            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                            Some(ColorArray::Transparent),
                            None,
                        ),
                    });
                }
            }
            Item::ForeignPage { .. } => {}
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// The laid-out pages as a PDF (without annex PDF pages, outline or final metadata).
pub fn render(
    laid: &LaidOut,
    images: &[ImageData],
    metadata: &Metadata,
) -> Result<lopdf::Document> {
    let mut doc = PdfDocument::new(&metadata.title);
    doc.metadata.info.author = metadata.author.clone();
    doc.metadata.info.subject = metadata.subject.clone();
    doc.metadata.info.creator = "Tremplin".to_owned();
    doc.metadata.info.producer = "Tremplin (printpdf, lopdf)".to_owned();
    let mut font_warnings = Vec::new();
    let mut add_font = |style: TextStyle| -> Result<FontId> {
        let parsed = ParsedFont::from_bytes(fonts::font_bytes(style), 0, &mut font_warnings)
            .ok_or_else(|| Error::Document("police intégrée illisible".to_owned()))?;
        Ok(doc.add_font(&parsed))
    };
    let font_ids = [
        add_font(TextStyle::Regular)?,
        add_font(TextStyle::Bold)?,
        add_font(TextStyle::Italic)?,
    ];
    let image_ids = images
        .iter()
        .map(|image| doc.add_xobject(&image_xobject(image)))
        .collect();
    let res = Resources {
        fonts: font_ids,
        images: image_ids,
    };
    let pages: Vec<PdfPage> = laid
        .pages
        .par_iter()
        .map(|page| {
            PdfPage::new(
                Mm::from(Pt(PAGE_WIDTH)),
                Mm::from(Pt(PAGE_HEIGHT)),
                page_ops(page, &res, laid),
            )
        })
        .collect();
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    // Streams are compressed once, in parallel and at the default level, by
    // merge.rs: printpdf's own pass compresses one stream after another at
    // the best level, which was a quarter of the whole rendering time.
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    // The document goes to merge.rs as lopdf objects (printpdf builds them
    // with the same lopdf): writing bytes here only to parse them back there
    // was a fifth of the time.
    Ok(printpdf::serialize::to_lopdf_doc(
        &doc,
        &options,
        &mut warnings,
    ))
}
