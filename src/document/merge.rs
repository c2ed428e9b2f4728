//! Finishing the PDF with lopdf: annex PDF pages merged in (each foreign page
//! becomes a form XObject drawn under the items of its placeholder page, so the
//! stamp and the footer sit on top of it), the nested outline, the document's
//! language and information dictionary.

use std::collections::HashMap;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::layout::frame::{Item, PAGE_HEIGHT};
use super::layout::{LaidOut, OutlineEntry};
use super::model::Metadata;
use super::prepare::media_box;
use crate::{Error, Result};

/// A PDF text string: literal for ASCII, UTF-16BE with a byte order mark otherwise.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn pdf_error(e: lopdf::Error) -> Error {
    Error::Document(format!("PDF intermédiaire illisible ({e})"))
}

/// Moves the pages of `src` into `doc` as form XObjects; returns their ids in order.
fn import_pages(doc: &mut Document, mut src: Document) -> Vec<ObjectId> {
    src.renumber_objects_with(doc.max_id + 1);
    let pages: Vec<ObjectId> = src.get_pages().into_values().collect();
    let mut forms = Vec::with_capacity(pages.len());
    let mut new_objects = Vec::new();
    for page in pages {
        let content = src.get_page_content(page);
        let bbox = media_box(&src, page).unwrap_or([0.0, 0.0, 595.28, 841.89]);
        let resources = match src.get_page_resources(page) {
            Ok((Some(dict), _)) => Object::Dictionary(dict.clone()),
            Ok((None, ids)) => ids
                .first()
                .map_or(Object::Dictionary(Dictionary::new()), |id| {
                    Object::Reference(*id)
                }),
            Err(_) => Object::Dictionary(Dictionary::new()),
        };
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => bbox.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
                "Resources" => resources,
            },
            content,
        );
        new_objects.push(form);
    }
    // Everything the pages use (fonts, images…) comes along; what is left
    // unused (the old page tree) is pruned when saving.
    doc.max_id = doc.max_id.max(src.max_id);
    doc.objects.extend(src.objects);
    for form in new_objects {
        forms.push(doc.add_object(form));
    }
    forms
}

/// Adds a form XObject to a page's resources under `name`.
fn add_xobject_to_page(
    doc: &mut Document,
    page: ObjectId,
    name: &str,
    form: ObjectId,
) -> Result<()> {
    let resources = doc
        .get_dictionary(page)
        .map_err(pdf_error)?
        .get(b"Resources")
        .cloned()
        .map_err(pdf_error)?;
    let xobjects = match &resources {
        Object::Reference(id) => doc
            .get_dictionary(*id)
            .map_err(pdf_error)?
            .get(b"XObject")
            .ok()
            .cloned(),
        Object::Dictionary(dict) => dict.get(b"XObject").ok().cloned(),
        _ => None,
    };
    match xobjects {
        Some(Object::Reference(id)) => {
            doc.get_dictionary_mut(id)
                .map_err(pdf_error)?
                .set(name, Object::Reference(form));
        }
        other => {
            let mut dict = match other {
                Some(Object::Dictionary(d)) => d,
                _ => Dictionary::new(),
            };
            dict.set(name, Object::Reference(form));
            let target = match resources {
                Object::Reference(id) => doc.get_dictionary_mut(id).map_err(pdf_error)?,
                _ => {
                    let page_dict = doc.get_dictionary_mut(page).map_err(pdf_error)?;
                    if !matches!(page_dict.get(b"Resources"), Ok(Object::Dictionary(_))) {
                        page_dict.set("Resources", Dictionary::new());
                    }
                    page_dict
                        .get_mut(b"Resources")
                        .and_then(Object::as_dict_mut)
                        .map_err(pdf_error)?
                }
            };
            target.set("XObject", dict);
        }
    }
    Ok(())
}

/// Puts `content` before the page's own content.
fn prepend_content(doc: &mut Document, page: ObjectId, content: Vec<u8>) -> Result<()> {
    let stream = Stream::new(Dictionary::new(), content);
    let id = doc.add_object(stream);
    let page_dict = doc.get_dictionary_mut(page).map_err(pdf_error)?;
    let mut contents = vec![Object::Reference(id)];
    match page_dict.get(b"Contents") {
        Ok(Object::Array(old)) => contents.extend(old.iter().cloned()),
        Ok(other) => contents.push(other.clone()),
        Err(_) => {}
    }
    page_dict.set("Contents", contents);
    Ok(())
}

fn build_outline(
    doc: &mut Document,
    entries: &[OutlineEntry],
    pages: &[ObjectId],
) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each entry: the nearest earlier entry of a lower level.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&j| entries[j].level >= entry.level)
        {
            stack.pop();
        }
        parents.push(stack.last().copied());
        stack.push(i);
    }
    let mut children: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (i, parent) in parents.iter().enumerate() {
        children.entry(*parent).or_default().push(i);
    }
    for (parent, kids) in &children {
        for (k, &i) in kids.iter().enumerate() {
            let entry = &entries[i];
            let page = pages.get(entry.page).copied();
            let mut dict = dictionary! {
                "Title" => text_string(&entry.title),
                "Parent" => Object::Reference(parent.map_or(root, |p| ids[p])),
            };
            if let Some(page) = page {
                dict.set(
                    "Dest",
                    vec![
                        Object::Reference(page),
                        "XYZ".into(),
                        Object::Real(0.0),
                        Object::Real((PAGE_HEIGHT - entry.y + 12.0).min(PAGE_HEIGHT)),
                        Object::Null,
                    ],
                );
            }
            if k > 0 {
                dict.set("Prev", Object::Reference(ids[kids[k - 1]]));
            }
            if let Some(&next) = kids.get(k + 1) {
                dict.set("Next", Object::Reference(ids[next]));
            }
            if let Some(own) = children.get(&Some(i)) {
                if let (Some(first), Some(last)) = (own.first(), own.last()) {
                    dict.set("First", Object::Reference(ids[*first]));
                    dict.set("Last", Object::Reference(ids[*last]));
                    // Level-1 entries open, deeper ones closed.
                    let count = own.len() as i64;
                    dict.set("Count", if entry.level <= 1 { count } else { -count });
                }
            }
            doc.objects.insert(ids[i], Object::Dictionary(dict));
        }
    }
    let top = children.get(&None).cloned().unwrap_or_default();
    let mut visible = top.len() as i64;
    for &i in &top {
        if entries[i].level <= 1 {
            visible += children.get(&Some(i)).map_or(0, |c| c.len() as i64);
        }
    }
    let mut root_dict = dictionary! { "Type" => "Outlines", "Count" => visible };
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        root_dict.set("First", Object::Reference(ids[*first]));
        root_dict.set("Last", Object::Reference(ids[*last]));
    }
    doc.objects.insert(root, Object::Dictionary(root_dict));
    Some(root)
}

fn pdf_date(metadata: &Metadata) -> Object {
    Object::string_literal(format!(
        "D:{}",
        metadata.creation_date.format("%Y%m%d%H%M%S")
    ))
}

/// Compresses every stream not compressed yet (page contents, fonts, forms of
/// annex pages, raw images) with Flate at level 3 (3 % larger than the default level, much quicker), in parallel: the
/// one compression pass of the document. A stream that would not shrink stays
/// as it is; one that already has a filter (JPEG, PNG data, annex streams) is
/// left untouched.
fn compress_streams(doc: &mut Document) {
    use flate2::{write::ZlibEncoder, Compression};
    use rayon::prelude::*;
    use std::io::Write;

    let streams: Vec<&mut Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream)
                if stream.allows_compression && stream.dict.get(b"Filter").is_err() =>
            {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    streams.into_par_iter().for_each(|stream| {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(3));
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish());
        if let Ok(compressed) = compressed {
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    });
}

/// The trailer's /ID from what the document is, not from a random draw
/// (printpdf's): the same model gives the same bytes, so the demo's proofs
/// and a dossier printed twice are byte for byte identical. Its metadata,
/// page count and the size of every object's stream make it distinct enough
/// between documents without hashing megabytes.
fn set_identifier(doc: &mut Document, metadata: &Metadata, pages: usize) {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for part in [
        &metadata.title,
        &metadata.author,
        &metadata.subject,
        &metadata.language,
    ] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.update(metadata.creation_date.to_string().as_bytes());
    hash.update((pages as u64).to_le_bytes());
    for (id, object) in &doc.objects {
        hash.update(id.0.to_le_bytes());
        if let Object::Stream(stream) = object {
            hash.update((stream.content.len() as u64).to_le_bytes());
            hash.update(&stream.content[..stream.content.len().min(64)]);
        }
    }
    let digest = hash.finalize();
    let id = Object::String(digest[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}

/// The finished PDF: annex pages merged, outline, language and metadata.
pub fn finish(
    mut doc: Document,
    laid: &LaidOut,
    pdfs: Vec<Option<Document>>,
    metadata: &Metadata,
) -> Result<Vec<u8>> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();

    let mut forms: HashMap<usize, Vec<ObjectId>> = HashMap::new();
    for (annex, pdf) in pdfs.into_iter().enumerate() {
        if let Some(pdf) = pdf {
            forms.insert(annex, import_pages(&mut doc, pdf));
        }
    }
    for (index, page) in laid.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::ForeignPage {
                x,
                y,
                w,
                h,
                annex,
                page: n,
            } = item
            {
                let (Some(form), Some(&page_id)) =
                    (forms.get(annex).and_then(|f| f.get(*n)), pages.get(index))
                else {
                    continue;
                };
                let bbox = doc
                    .get_object(*form)
                    .and_then(Object::as_stream)
                    .ok()
                    .and_then(|s| s.dict.get(b"BBox").ok())
                    .and_then(|b| b.as_array().ok())
                    .map(|a| {
                        a.iter()
                            .filter_map(|o| o.as_float().ok())
                            .collect::<Vec<f32>>()
                    })
                    .filter(|v| v.len() == 4)
                    .unwrap_or_else(|| vec![0.0, 0.0, 595.28, 841.89]);
                let sx = w / (bbox[2] - bbox[0]).max(1.0);
                let sy = h / (bbox[3] - bbox[1]).max(1.0);
                let tx = x - bbox[0] * sx;
                let ty = (PAGE_HEIGHT - y - h) - bbox[1] * sy;
                let name = format!("Annexe{annex}P{n}");
                add_xobject_to_page(&mut doc, page_id, &name, *form)?;
                let content = format!(
                    "q 1 1 1 rg {x:.2} {:.2} {w:.2} {h:.2} re f Q q {sx:.5} 0 0 {sy:.5} {tx:.3} {ty:.3} cm /{name} Do Q\n",
                    PAGE_HEIGHT - y - h
                );
                prepend_content(&mut doc, page_id, content.into_bytes())?;
            }
        }
    }

    let outline = build_outline(&mut doc, &laid.outline, &pages);
    let info = doc.add_object(dictionary! {
        "Title" => text_string(&metadata.title),
        "Author" => text_string(&metadata.author),
        "Subject" => text_string(&metadata.subject),
        "Creator" => text_string("Tremplin"),
        "Producer" => text_string("Tremplin (printpdf, lopdf)"),
        "CreationDate" => pdf_date(metadata),
        "ModDate" => pdf_date(metadata),
    });
    doc.trailer.set("Info", Object::Reference(info));
    let catalog = doc.catalog_mut().map_err(pdf_error)?;
    catalog.set("Lang", text_string(&metadata.language));
    if let Some(outline) = outline {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", "UseOutlines");
    }
    doc.prune_objects();
    compress_streams(&mut doc);
    set_identifier(&mut doc, metadata, pages.len());
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| Error::Document(format!("écriture du PDF impossible ({e})")))?;
    Ok(out)
}
