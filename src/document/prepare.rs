//! Reading every file a model points at, before layout: images (size, and the
//! bytes to embed), annexes (kind, size, SHA-256, PDF pages). This is the only
//! part of the engine, with `write_pdf`, that touches the file system.
//!
//! Nothing here fails: a file that cannot be read becomes a French reason that
//! the layout prints on an explanation page. Files are read in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::layout::{AnnexInfo, AnnexKind, Assets, ImageBox};
use super::model::{Block, DocumentModel};

/// How an image's bytes go into the PDF.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageEncoding {
    /// A JPEG file, passed through as is (DCTDecode).
    Jpeg { components: u8 },
    /// The zlib data of a PNG, passed through as is (FlateDecode with PNG predictors).
    PngIdat { colors: u8, bits: u8 },
    /// Decoded 8-bit RGB pixels (PNG with transparency, palette, interlacing…),
    /// transparency flattened onto white paper.
    Rgb8,
}

#[derive(Debug, Clone)]
pub struct ImageData {
    pub width: u32,
    pub height: u32,
    pub encoding: ImageEncoding,
    pub data: Vec<u8>,
}

/// Everything read from disk for one document.
#[derive(Debug, Default)]
pub struct Prepared {
    pub assets: Assets,
    /// The document's image table; `ImageBox::index` points here.
    pub images: Vec<ImageData>,
    /// The loaded PDF of each annex that is a readable PDF, by annex index.
    pub pdfs: Vec<Option<lopdf::Document>>,
}

/// Resolves a model path: relative paths are relative to the model's folder.
pub fn resolve(base: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_owned()
    } else {
        base.join(path)
    }
}

fn collect_image_paths<'a>(blocks: &'a [Block], out: &mut Vec<&'a Path>) {
    for block in blocks {
        match block {
            Block::Image { path, .. } => out.push(path),
            Block::KeepTogether { blocks } => collect_image_paths(blocks, out),
            _ => {}
        }
    }
}

fn read_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".to_owned(),
        std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
        _ => format!("lecture impossible ({error})"),
    }
}

enum Sniffed {
    Jpeg,
    Png,
    Pdf,
    Other,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Png
    } else if bytes.len() >= 5
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        Sniffed::Pdf
    } else {
        Sniffed::Other
    }
}

/// What the file name promises, to tell a damaged image from an unknown file.
fn expected_kind(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => Some("une image JPEG"),
        "png" => Some("une image PNG"),
        "pdf" => Some("un PDF"),
        _ => None,
    }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}
fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

const DAMAGED_IMAGE: &str = "l’image est endommagée ou incomplète";

/// Size and components from a JPEG's frame header; the data is passed through.
pub fn parse_jpeg(bytes: Vec<u8>) -> Result<ImageData, String> {
    let tail = &bytes[bytes.len().saturating_sub(64)..];
    if !tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(format!("{DAMAGED_IMAGE} (fin de fichier JPEG absente)"));
    }
    let mut i = 2;
    loop {
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if bytes.get(i) != Some(&0xFF) {
            return Err(format!("{DAMAGED_IMAGE} (structure JPEG invalide)"));
        }
        let marker = *bytes.get(i + 1).ok_or(DAMAGED_IMAGE)?;
        if marker == 0x01 || (0xD0..=0xD8).contains(&marker) {
            i += 2;
            continue;
        }
        let len = usize::from(be16(&bytes, i + 2).ok_or(DAMAGED_IMAGE)?);
        if matches!(marker, 0xC0..=0xC2) {
            let height = u32::from(be16(&bytes, i + 5).ok_or(DAMAGED_IMAGE)?);
            let width = u32::from(be16(&bytes, i + 7).ok_or(DAMAGED_IMAGE)?);
            let components = *bytes.get(i + 9).ok_or(DAMAGED_IMAGE)?;
            if width == 0 || height == 0 {
                return Err(format!("{DAMAGED_IMAGE} (dimensions nulles)"));
            }
            if components == 1 || components == 3 {
                return Ok(ImageData {
                    width,
                    height,
                    encoding: ImageEncoding::Jpeg { components },
                    data: bytes,
                });
            }
            return decode_to_rgb(&bytes, image::ImageFormat::Jpeg);
        }
        if matches!(marker, 0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            return decode_to_rgb(&bytes, image::ImageFormat::Jpeg);
        }
        if marker == 0xD9 || len < 2 {
            return Err(format!("{DAMAGED_IMAGE} (en-tête JPEG absent)"));
        }
        i += 2 + len;
    }
}

/// A PNG's header and data chunks; 8-bit grey or RGB without interlacing is
/// passed through, anything else is decoded.
pub fn parse_png(bytes: Vec<u8>) -> Result<ImageData, String> {
    let mut i = 8;
    let mut header = None;
    let mut idat = Vec::new();
    loop {
        let len = be32(&bytes, i).ok_or(format!("{DAMAGED_IMAGE} (PNG tronqué)"))? as usize;
        let kind = bytes.get(i + 4..i + 8).ok_or(DAMAGED_IMAGE)?;
        let data = bytes
            .get(i + 8..i + 8 + len)
            .ok_or(format!("{DAMAGED_IMAGE} (PNG tronqué)"))?;
        match kind {
            b"IHDR" if len >= 13 => {
                header = Some((
                    be32(data, 0).unwrap_or(0),
                    be32(data, 4).unwrap_or(0),
                    data[8],
                    data[9],
                    data[12],
                ));
            }
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => break,
            _ => {}
        }
        i += 12 + len;
    }
    let (width, height, bits, color, interlace) =
        header.ok_or(format!("{DAMAGED_IMAGE} (en-tête PNG absent)"))?;
    if width == 0 || height == 0 || idat.is_empty() {
        return Err(format!("{DAMAGED_IMAGE} (PNG vide)"));
    }
    match (bits, color, interlace) {
        (8, 0, 0) | (8, 2, 0) => Ok(ImageData {
            width,
            height,
            encoding: ImageEncoding::PngIdat {
                colors: if color == 0 { 1 } else { 3 },
                bits,
            },
            data: idat,
        }),
        _ => decode_to_rgb(&bytes, image::ImageFormat::Png),
    }
}

fn decode_to_rgb(bytes: &[u8], format: image::ImageFormat) -> Result<ImageData, String> {
    let decoded = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| format!("{DAMAGED_IMAGE} ({e})"))?;
    let rgba = decoded.to_rgba8();
    let (width, height) = rgba.dimensions();
    let mut data = Vec::with_capacity(width as usize * height as usize * 3);
    for pixel in rgba.pixels() {
        let [r, g, b, a] = pixel.0;
        let a = u16::from(a);
        for c in [r, g, b] {
            // Flatten onto white paper.
            data.push(((u16::from(c) * a + 255 * (255 - a)) / 255) as u8);
        }
    }
    Ok(ImageData {
        width,
        height,
        encoding: ImageEncoding::Rgb8,
        data,
    })
}

fn load_image(path: &Path) -> Result<ImageData, String> {
    let bytes = std::fs::read(path).map_err(|e| read_reason(&e))?;
    match sniff(&bytes) {
        Sniffed::Jpeg => parse_jpeg(bytes),
        Sniffed::Png => parse_png(bytes),
        _ => Err("ce n’est pas une image JPEG ou PNG".to_owned()),
    }
}

/// Page sizes of a loaded PDF, in points (MediaBox, inherited if need be).
fn pdf_page_sizes(doc: &lopdf::Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .map(|&id| media_box(doc, id).map_or((595.28, 841.89), |b| (b[2] - b[0], b[3] - b[1])))
        .collect()
}

/// The MediaBox of a page as [x0, y0, x1, y1], looking up the page tree.
pub fn media_box(doc: &lopdf::Document, page: lopdf::ObjectId) -> Option<[f32; 4]> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(array) = node.get(b"MediaBox") {
            let array = match array {
                lopdf::Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
                other => other.as_array().ok()?,
            };
            let v: Vec<f32> = array.iter().filter_map(|o| o.as_float().ok()).collect();
            if v.len() == 4 && v[2] - v[0] > 1.0 && v[3] - v[1] > 1.0 {
                return Some([v[0], v[1], v[2], v[3]]);
            }
            return None;
        }
        let parent = node.get(b"Parent").and_then(|p| p.as_reference()).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn load_pdf(bytes: &[u8]) -> Result<lopdf::Document, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| {
        let text = e.to_string();
        if text.to_lowercase().contains("decrypt") || text.to_lowercase().contains("password") {
            "le PDF est protégé par un mot de passe".to_owned()
        } else {
            format!("le PDF est endommagé ou illisible ({text})")
        }
    })?;
    if doc.is_encrypted() {
        return Err("le PDF est protégé par un mot de passe".to_owned());
    }
    if doc.get_pages().is_empty() {
        return Err("le PDF ne contient aucune page lisible".to_owned());
    }
    Ok(doc)
}

struct LoadedAnnex {
    info: AnnexInfo,
    pdf: Option<lopdf::Document>,
    image: Option<ImageData>,
}

fn load_annex(number: String, path: &Path) -> LoadedAnnex {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut info = AnnexInfo {
        number,
        file_name,
        size: None,
        sha256: None,
        kind: AnnexKind::Listed,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            info.kind = AnnexKind::Unreadable(read_reason(&e));
            return LoadedAnnex {
                info,
                pdf: None,
                image: None,
            };
        }
    };
    info.size = Some(bytes.len() as u64);
    info.sha256 = Some(
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    );
    let mut pdf = None;
    let mut image = None;
    info.kind = match sniff(&bytes) {
        Sniffed::Pdf => match load_pdf(&bytes) {
            Ok(doc) => {
                let pages = pdf_page_sizes(&doc);
                pdf = Some(doc);
                AnnexKind::Pdf { pages }
            }
            Err(reason) => AnnexKind::Unreadable(reason),
        },
        Sniffed::Jpeg | Sniffed::Png => {
            let parsed = match sniff(&bytes) {
                Sniffed::Jpeg => parse_jpeg(bytes),
                _ => parse_png(bytes),
            };
            match parsed {
                Ok(data) => {
                    let kind = AnnexKind::Image(ImageBox {
                        index: usize::MAX,
                        width: data.width,
                        height: data.height,
                    });
                    image = Some(data);
                    kind
                }
                Err(reason) => AnnexKind::Unreadable(reason),
            }
        }
        Sniffed::Other => match expected_kind(path) {
            Some(promise) => AnnexKind::Unreadable(format!(
                "le fichier devrait être {promise} mais son contenu n’en est pas"
            )),
            None => AnnexKind::Listed,
        },
    };
    LoadedAnnex { info, pdf, image }
}

/// Reads every file of the model (paths relative to `base`).
pub fn prepare(model: &DocumentModel, base: &Path) -> Prepared {
    let mut paths = Vec::new();
    for section in &model.sections {
        collect_image_paths(&section.blocks, &mut paths);
    }
    paths.sort();
    paths.dedup();
    let loaded: Vec<(PathBuf, Result<ImageData, String>)> = paths
        .par_iter()
        .map(|p| (p.to_path_buf(), load_image(&resolve(base, p))))
        .collect();
    let annexes: Vec<LoadedAnnex> = model
        .annexes
        .par_iter()
        .enumerate()
        .map(|(i, annex)| load_annex(format!("A{}", i + 1), &resolve(base, &annex.path)))
        .collect();

    let mut prepared = Prepared::default();
    // The same file is embedded once however often it is used.
    let mut by_file: HashMap<PathBuf, usize> = HashMap::new();
    for (path, result) in loaded {
        let entry = result.map(|data| {
            let index = prepared.images.len();
            let boxed = ImageBox {
                index,
                width: data.width,
                height: data.height,
            };
            prepared.images.push(data);
            by_file.insert(resolve(base, &path), index);
            boxed
        });
        prepared.assets.images.insert(path, entry);
    }
    for (annex, mut loaded) in model.annexes.iter().zip(annexes) {
        if let (AnnexKind::Image(boxed), Some(data)) = (&mut loaded.info.kind, loaded.image) {
            let file = resolve(base, &annex.path);
            boxed.index = match by_file.get(&file) {
                Some(&index) => index,
                None => {
                    prepared.images.push(data);
                    by_file.insert(file, prepared.images.len() - 1);
                    prepared.images.len() - 1
                }
            };
        }
        prepared.assets.annexes.push(loaded.info);
        prepared.pdfs.push(loaded.pdf);
    }
    prepared
}
