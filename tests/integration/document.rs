//! Produced PDFs read back with the tools an auditor's machine has: qpdf,
//! poppler (pdftotext, pdffonts, pdfinfo) and lopdf for outline and links.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lopdf::{Document, Object, ObjectId};
use tremplin::document::model::*;
use tremplin::document::{load_model, render_document, sample, write_pdf};

use super::run;

struct Produced {
    _dir: tempfile::TempDir,
    pdf: PathBuf,
    model: DocumentModel,
}

fn produce_sample(pages: usize, proofs: usize) -> Produced {
    let dir = tempfile::tempdir().unwrap();
    let model_path = sample::write_sample(dir.path(), pages, proofs).unwrap();
    let model = load_model(&model_path).unwrap();
    let rendered = render_document(&model, dir.path()).unwrap();
    let pdf = dir.path().join("dossier.pdf");
    write_pdf(&pdf, &rendered.pdf).unwrap();
    Produced {
        _dir: dir,
        pdf,
        model,
    }
}

fn produce(model: DocumentModel, dir: tempfile::TempDir) -> Produced {
    let rendered = render_document(&model, dir.path()).unwrap();
    let pdf = dir.path().join("out.pdf");
    write_pdf(&pdf, &rendered.pdf).unwrap();
    Produced {
        _dir: dir,
        pdf,
        model,
    }
}

/// The text of each page (pdftotext separates pages with form feeds).
fn page_texts(pdf: &Path) -> Vec<String> {
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Collapses runs of spaces (pdftotext -layout pads columns).
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn small_model(sections: Vec<Section>, annexes: Vec<Annex>) -> DocumentModel {
    DocumentModel {
        metadata: Metadata {
            title: "Dossier d’essai".into(),
            author: "CFA d’essai".into(),
            subject: "Essai".into(),
            language: "fr-FR".into(),
            creation_date: chrono::NaiveDate::from_ymd_opt(2025, 11, 20)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
        },
        running: Running {
            organisation: "CFA d’essai".into(),
            title: "Dossier d’essai".into(),
            footer: String::new(),
        },
        cover: Some(Cover {
            title: "Dossier d’essai".into(),
            subtitle: String::new(),
            fields: Vec::new(),
            note: String::new(),
        }),
        contents: Some(ContentsSpec {
            title: "Sommaire".into(),
            depth: 2,
            list_annexes: false,
        }),
        sections,
        annexes,
    }
}

#[test]
fn sample_passes_qpdf_check_and_embeds_every_font() {
    let produced = produce_sample(60, 8);
    let check = run("qpdf", &["--check", produced.pdf.to_str().unwrap()]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "qpdf must find the file clean: {check}"
    );
    let fonts = run("pdffonts", &[produced.pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "the document uses fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(
            emb, "yes",
            "every font must be embedded, not this one: {row}"
        );
    }
    let info = run("pdfinfo", &[produced.pdf.to_str().unwrap()]);
    assert!(
        info.contains("Page size:       595.28 x 841.89"),
        "A4 pages: {info}"
    );
    assert!(
        info.contains("Title:           Dossier d’audit Qualiopi"),
        "the title is in the metadata: {info}"
    );
    assert!(
        info.contains("Author:          CFA des Métiers de Bouche"),
        "{info}"
    );
}

#[test]
fn accented_text_guillemets_and_non_breaking_spaces_come_back_from_pdftotext() {
    let text = "« Forum des métiers » : élèves, apprentis, maître d’apprentissage, \
                garçon, cœur, 1\u{a0}250\u{a0}€, où, naïf, Œuvre, À bientôt.";
    let model = small_model(
        vec![Section {
            id: "s".into(),
            title: "Préambule « test »".into(),
            level: 1,
            new_page: true,
            blocks: vec![Block::Paragraph {
                runs: vec![
                    Run::plain(text),
                    Run::bold(" Gras é."),
                    Run::italic(" Italique è."),
                ],
                id: None,
            }],
        }],
        Vec::new(),
    );
    let produced = produce(model, tempfile::tempdir().unwrap());
    let raw = run("pdftotext", &[produced.pdf.to_str().unwrap(), "-"]);
    let all = squeeze(&raw.replace('\u{a0}', " "));
    for needle in [
        "« Forum des métiers »",
        "maître d’apprentissage",
        "garçon, cœur, 1 250 €",
        "Œuvre, À bientôt.",
        "Gras é. Italique è.",
        "Préambule « test »",
    ] {
        assert!(
            all.contains(needle),
            "pdftotext must return {needle:?}; got: {all}"
        );
    }
    assert!(
        raw.lines()
            .any(|l| l.contains("250") && l.contains("1") && l.contains("€")),
        "non-breaking spaces keep an amount on one line: {raw}"
    );
}

#[test]
fn every_page_but_the_cover_shows_its_number_out_of_the_total() {
    let produced = produce_sample(60, 8);
    let pages = page_texts(&produced.pdf);
    let total = pages.len();
    assert!(total > 20, "the sample has many pages: {total}");
    assert!(
        !pages[0].contains(&format!("/ {total}")),
        "the cover has no page number"
    );
    for (i, text) in pages.iter().enumerate().skip(1) {
        let expected = format!("page {} / {total}", i + 1);
        assert!(
            text.contains(&expected),
            "page {} must show « {expected} »: {text}",
            i + 1
        );
    }
}

/// (title, page) of each contents line: « Titre . . . . 12 ».
fn contents_entries(contents: &str) -> Vec<(String, usize)> {
    contents
        .lines()
        .filter(|l| l.contains(". ."))
        .filter_map(|l| {
            let (title, rest) = l.split_once(" . ")?;
            let page = rest.trim_end().rsplit(' ').next()?.parse().ok()?;
            Some((title.trim().to_owned(), page))
        })
        .collect()
}

#[test]
fn every_contents_entry_points_to_a_page_holding_its_title() {
    let produced = produce_sample(60, 8);
    let pages = page_texts(&produced.pdf);
    let entries = contents_entries(&pages[1]);
    let expected: Vec<&str> = produced
        .model
        .sections
        .iter()
        .filter(|s| s.level <= 1)
        .map(|s| s.title.as_str())
        .chain(["Annexes"])
        .collect();
    let titles: Vec<&str> = entries.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles, expected,
        "the contents lists every level-1 section and the annexes"
    );
    for (title, page) in &entries {
        let text = &pages[page - 1];
        assert!(
            text.lines().any(|l| l.trim() == title.as_str()),
            "the contents says « {title} » is on page {page}, but that page reads: {text}"
        );
    }
}

fn page_numbers(doc: &Document) -> HashMap<ObjectId, usize> {
    doc.get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect()
}

fn decode_text(obj: &Object) -> String {
    match obj {
        Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
        _ => String::new(),
    }
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match obj {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

/// (depth, title, page) of every outline item, in order.
fn outline(doc: &Document) -> Vec<(usize, String, usize)> {
    let numbers = page_numbers(doc);
    let root = deref(doc, doc.catalog().unwrap().get(b"Outlines").unwrap())
        .as_dict()
        .unwrap();
    let mut out = Vec::new();
    fn walk(
        doc: &Document,
        numbers: &HashMap<ObjectId, usize>,
        first: Option<&Object>,
        depth: usize,
        out: &mut Vec<(usize, String, usize)>,
    ) {
        let mut next = first.and_then(|o| o.as_reference().ok());
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let dest = item.get(b"Dest").unwrap().as_array().unwrap();
            let page = numbers[&dest[0].as_reference().unwrap()];
            out.push((depth, decode_text(item.get(b"Title").unwrap()), page));
            walk(doc, numbers, item.get(b"First").ok(), depth + 1, out);
            next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
    }
    walk(doc, &numbers, root.get(b"First").ok(), 1, &mut out);
    out
}

#[test]
fn outline_is_nested_and_every_entry_opens_the_page_of_its_title() {
    let produced = produce_sample(60, 8);
    let doc = Document::load(&produced.pdf).unwrap();
    let pages = page_texts(&produced.pdf);
    let items = outline(&doc);
    assert!(
        items.len() > 10,
        "sections and annexes are bookmarked: {items:?}"
    );
    assert!(
        items
            .iter()
            .any(|(depth, title, _)| *depth == 2 && title.starts_with("A1 — ")),
        "annexes are nested under « Annexes »: {items:?}"
    );
    for (_, title, page) in &items {
        let is_annex =
            title.starts_with('A') && title[1..].starts_with(|c: char| c.is_ascii_digit());
        let shown = if is_annex {
            format!("Annexe {title}")
        } else {
            title.clone()
        };
        assert!(
            squeeze(&pages[page - 1]).contains(&squeeze(&shown)),
            "bookmark « {title} » opens page {page}, which does not show it"
        );
    }
}

/// Words on a page with their boxes, from `pdftotext -bbox`.
fn words(pdf: &Path, page: usize) -> Vec<(f32, f32, f32, f32, String)> {
    let p = page.to_string();
    let html = run(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter_map(|l| {
            let attr = |name: &str| -> Option<f32> {
                let start = l.find(&format!("{name}=\""))? + name.len() + 2;
                l[start..].split('"').next()?.parse().ok()
            };
            let text = l.split('>').nth(1)?.split('<').next()?.to_owned();
            Some((
                attr("xMin")?,
                attr("yMin")?,
                attr("xMax")?,
                attr("yMax")?,
                text,
            ))
        })
        .collect()
}

#[test]
fn every_internal_link_leads_to_the_page_number_it_shows() {
    let produced = produce_sample(60, 8);
    let doc = Document::load(&produced.pdf).unwrap();
    let numbers = page_numbers(&doc);
    let mut checked = 0;
    for (n, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let annots = deref(&doc, annots).as_array().unwrap();
        if annots.is_empty() {
            continue;
        }
        let page_words = words(&produced.pdf, n as usize);
        for annot in annots {
            let annot = deref(&doc, annot).as_dict().unwrap();
            let rect: Vec<f32> = annot
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            let action = deref(&doc, annot.get(b"A").unwrap()).as_dict().unwrap();
            let dest = action.get(b"D").unwrap().as_array().unwrap();
            let target = numbers[&dest[0].as_reference().unwrap()];
            let (top, bottom) = (841.89 - rect[3], 841.89 - rect[1]);
            let inside: Vec<&str> = page_words
                .iter()
                .filter(|(x0, y0, x1, y1, _)| {
                    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                    cx >= rect[0] && cx <= rect[2] && cy >= top && cy <= bottom
                })
                .map(|w| w.4.as_str())
                .collect();
            let shown = inside.last().copied().unwrap_or("");
            assert_eq!(
                shown,
                target.to_string(),
                "a link on page {n} reading {inside:?} must lead to the page it shows, not {target}"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 20,
        "contents and cross-references are links: {checked} checked"
    );
}

#[test]
fn every_annex_page_carries_its_stamp() {
    let produced = produce_sample(60, 8);
    let doc = Document::load(&produced.pdf).unwrap();
    let pages = page_texts(&produced.pdf);
    for (i, annex) in produced.model.annexes.iter().enumerate() {
        let number = format!("A{}", i + 1);
        let stamped: Vec<String> = pages
            .iter()
            .filter_map(|t| {
                let at = t.find(&format!("Annexe {number} — "))?;
                Some(t[at..].split_whitespace().nth(3)?.to_owned())
            })
            .collect();
        let expected_pages = if annex.path.extension().unwrap() == "pdf" {
            let proof = Document::load(produced.pdf.parent().unwrap().join(&annex.path)).unwrap();
            proof.get_pages().len()
        } else {
            1
        };
        let expected: Vec<String> = (1..=expected_pages)
            .map(|n| format!("{n}/{expected_pages}"))
            .collect();
        assert_eq!(
            stamped, expected,
            "every page of annex {number} is stamped « Annexe {number} — n/m »"
        );
    }
    let info = run("pdfinfo", &[produced.pdf.to_str().unwrap()]);
    assert!(
        info.contains(&format!("Pages:           {}", pages.len())),
        "{info}"
    );
    assert_eq!(doc.get_pages().len(), pages.len());
}

#[test]
fn broken_encrypted_and_missing_proofs_get_an_explanation_page_and_the_rest_is_produced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A good PDF to damage and to encrypt: the sample's own proof.
    sample::write_proofs(root, 2).unwrap();
    let good_pdf = root.join("proofs/preuve-002.pdf");
    let png = std::fs::read(root.join("proofs/preuve-001.png")).unwrap();
    std::fs::write(root.join("tronque.png"), &png[..png.len() / 2]).unwrap();
    std::fs::write(root.join("faux.jpg"), b"ceci n'est pas une image").unwrap();
    let pdf = std::fs::read(&good_pdf).unwrap();
    std::fs::write(root.join("casse.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    run(
        "qpdf",
        &[
            "--encrypt",
            "secret",
            "proprietaire",
            "256",
            "--",
            good_pdf.to_str().unwrap(),
            root.join("chiffre.pdf").to_str().unwrap(),
        ],
    );
    std::fs::write(root.join("tableau.ods"), b"donnees du tableur").unwrap();
    let names = [
        ("tronque.png", "Photo tronquée"),
        ("faux.jpg", "Photo illisible"),
        ("casse.pdf", "PDF cassé"),
        ("chiffre.pdf", "PDF chiffré"),
        ("absent.pdf", "Pièce disparue"),
        ("tableau.ods", "Tableau de suivi"),
        ("proofs/preuve-002.pdf", "Bonne pièce"),
    ];
    let annexes = names
        .iter()
        .enumerate()
        .map(|(i, (file, title))| Annex {
            id: format!("p{i}"),
            path: PathBuf::from(file),
            title: (*title).into(),
            caption: String::new(),
        })
        .collect();
    let sections = vec![Section {
        id: "s".into(),
        title: "Pièces".into(),
        level: 1,
        new_page: true,
        blocks: vec![Block::Paragraph {
            runs: vec![Run::plain("Les pièces suivent.")],
            id: None,
        }],
    }];
    let model = small_model(sections, annexes);
    let rendered = render_document(&model, dir.path()).unwrap();
    assert_eq!(
        rendered.warnings.len(),
        5,
        "each unreadable file is reported once: {:?}",
        rendered.warnings
    );
    assert!(
        rendered.warnings[3].contains("A4") && rendered.warnings[3].contains("mot de passe"),
        "warnings name the annex and the reason: {:?}",
        rendered.warnings
    );
    let produced = produce(model, dir);
    let pages = page_texts(&produced.pdf);
    let find = |title: &str| {
        pages
            .iter()
            .map(|p| squeeze(p))
            .find(|p| p.contains(&format!("— {title}")) && p.contains("Annexe A"))
            .unwrap_or_else(|| panic!("annex « {title} » must have its page"))
    };
    for (title, reason) in [
        ("Photo tronquée", "l’image est endommagée"),
        ("Photo illisible", "devrait être une image JPEG"),
        ("PDF cassé", "le PDF est endommagé"),
        ("PDF chiffré", "protégé par un mot de passe"),
        ("Pièce disparue", "fichier introuvable"),
    ] {
        let page = find(title);
        assert!(
            page.contains("n’a pas pu être lu") && page.contains(reason),
            "« {title} » must be explained in French ({reason}): {page}"
        );
    }
    let listed = find("Tableau de suivi");
    let sha = run(
        "sha256sum",
        &[root_file(&produced, "tableau.ods").to_str().unwrap()],
    );
    let sha = sha.split_whitespace().next().unwrap();
    let compact: String = listed.split_whitespace().collect();
    assert!(
        compact.contains(sha) && listed.contains("tableau.ods"),
        "other files are listed by name, size and SHA-256: {listed}"
    );
    assert!(
        pages.iter().any(|p| p.contains("Annexe A7 — 1/1")),
        "the good PDF after the broken ones is still merged and stamped"
    );
    let check = run("qpdf", &["--check", produced.pdf.to_str().unwrap()]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
}

fn root_file(produced: &Produced, name: &str) -> PathBuf {
    produced.pdf.parent().unwrap().join(name)
}

#[test]
fn an_image_used_three_times_is_embedded_once_and_jpeg_bytes_pass_through() {
    let dir = tempfile::tempdir().unwrap();
    sample::write_proofs(dir.path(), 3).unwrap();
    let jpeg = PathBuf::from("proofs/preuve-003.jpg");
    let image = |caption: &str| Block::Image {
        path: jpeg.clone(),
        caption: caption.into(),
        id: None,
    };
    let sections = vec![Section {
        id: "s".into(),
        title: "Photographies".into(),
        level: 1,
        new_page: true,
        blocks: vec![image("Première."), image("Deuxième.")],
    }];
    let annexes = vec![Annex {
        id: "photo".into(),
        path: jpeg.clone(),
        title: "La même photographie".into(),
        caption: String::new(),
    }];
    let produced = produce(small_model(sections, annexes), dir);
    let doc = Document::load(&produced.pdf).unwrap();
    let images: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|n| n.as_name()).ok() == Some(b"Image".as_slice())
        })
        .collect();
    assert_eq!(
        images.len(),
        1,
        "one image object however often it is drawn"
    );
    let original = std::fs::read(produced.pdf.parent().unwrap().join(&jpeg)).unwrap();
    assert_eq!(
        images[0].dict.get(b"Filter").unwrap().as_name().unwrap(),
        b"DCTDecode",
        "JPEG stays JPEG"
    );
    assert!(
        images[0].content == original,
        "the JPEG file's bytes are embedded untouched"
    );
}

#[test]
fn command_line_writes_a_sample_and_renders_it() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_tremplin");
    let out_dir = dir.path().join("exemple");
    let said = run(
        bin,
        &[
            "--data-dir",
            "/nonexistent",
            "sample-document",
            "--pages",
            "30",
            "--proofs",
            "4",
            "--out-dir",
            out_dir.to_str().unwrap(),
        ],
    );
    let model = out_dir.join("document.json");
    assert!(
        said.contains(model.to_str().unwrap()),
        "prints the model path: {said}"
    );
    let pdf = dir.path().join("dossier.pdf");
    let said = run(
        bin,
        &[
            "render-document",
            model.to_str().unwrap(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        said.starts_with("Document écrit"),
        "a French summary line: {said}"
    );
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:"), "{info}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "the atomic write leaves no temporary file"
    );
}

/// Every string the model holds, split into words: what may legitimately
/// appear in the PDF, plus the words the engine itself prints.
fn vocabulary(model: &DocumentModel) -> std::collections::HashSet<String> {
    fn walk(value: &serde_json::Value, out: &mut std::collections::HashSet<String>) {
        match value {
            serde_json::Value::String(s) => {
                for w in s.split_whitespace() {
                    out.insert(w.to_owned());
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = std::collections::HashSet::new();
    walk(&serde_json::to_value(model).unwrap(), &mut out);
    let engine = "voir p. Annexe Annexes Sommaire page / (suite) N° Titre Fichier Taille Page Ko Mo octets \
                  Les pièces ci-dessous sont reproduites à la suite, chacune sur ses propres pages, \
                  tamponnées de leur numéro d’annexe. n.d. — ? % • –";
    for w in engine.split_whitespace() {
        out.insert(w.to_owned());
    }
    out
}

/// Is this token of the PDF text a whole word, a number, or a legitimate
/// piece of a word broken at a line end (« Boulan- » then « gerie »)?
fn legitimate(token: &str, vocabulary: &std::collections::HashSet<String>) -> bool {
    if vocabulary.contains(token) {
        return true;
    }
    let bare = token.trim_matches(|c: char| ",.;:()«»".contains(c));
    if bare
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '%')
    {
        return true; // page numbers, sizes, chart ticks
    }
    if bare.starts_with('A') && bare[1..].chars().all(|c| c.is_ascii_digit()) {
        return true; // annex numbers
    }
    if let [n, m] = bare.split('/').collect::<Vec<_>>()[..] {
        if [n, m]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
        {
            return true; // « 1/2 » of an annex stamp
        }
    }
    if let Some(head) = token.strip_suffix('-') {
        // The head or a middle part of a word broken at a line end.
        return vocabulary
            .iter()
            .any(|w| w.len() > head.len() && w.contains(head));
    }
    vocabulary
        .iter()
        .any(|w| w.len() > token.len() && w.ends_with(token))
}

#[test]
fn no_word_of_the_sample_is_split_without_a_hyphen() {
    let produced = produce_sample(60, 4);
    let vocabulary = vocabulary(&produced.model);
    let mut bad = Vec::new();
    for (i, page) in page_texts(&produced.pdf).iter().enumerate() {
        let stamped = page.lines().any(|l| {
            let l = l.trim_end();
            l.contains("Annexe A") && l.ends_with(|c: char| c.is_ascii_digit()) && l.contains('/')
        });
        if stamped {
            continue; // an annex's pages: its own text, not the model's
        }
        for token in page.split_whitespace() {
            if !legitimate(token, &vocabulary) {
                bad.push(format!("page {}: {token:?}", i + 1));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "words cut without a hyphen (or text the model never said): {bad:?}"
    );
}

#[test]
fn every_apprentice_full_name_is_on_one_line() {
    let produced = produce_sample(60, 4);
    let rows = produced
        .model
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Table {
                id: Some(id), rows, ..
            } if id == "registre-apprentis" => Some(rows.clone()),
            _ => None,
        })
        .expect("the sample has a register of apprentices");
    assert!(rows.len() >= 20, "a real register: {} rows", rows.len());
    let text = run(
        "pdftotext",
        &["-layout", produced.pdf.to_str().unwrap(), "-"],
    );
    let lines: Vec<String> = text.lines().map(squeeze).collect();
    for row in &rows {
        let Cell::Text(name) = &row[1] else {
            panic!("names are plain text")
        };
        let name = squeeze(name);
        assert!(
            lines.iter().any(|l| l.contains(&name)),
            "« {name} » must be found whole on one line of the PDF text"
        );
    }
}

#[test]
fn the_grouped_chart_has_its_legend_axis_and_value_labels() {
    let produced = produce_sample(60, 4);
    let pages = page_texts(&produced.pdf);
    let page_of = |needle: &str| {
        pages
            .iter()
            .map(|p| squeeze(p))
            .find(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("« {needle} » is printed"))
    };
    let grouped = page_of("Figure 3");
    for needed in [
        "CFA (enquête à six mois)",
        "InserJeunes (moyenne régionale de la filière)",
        "2021",
        "2025",
        "20 %",
        "100 %",
        "79 %",
        "74,5 %",
        "n.d.",
    ] {
        assert!(
            grouped.contains(needed),
            "« {needed} » is missing from: {grouped}"
        );
    }
    let stacked = page_of("Figure 4");
    for needed in [
        "Emploi",
        "Poursuite d’études",
        "Sans solution",
        "CAP pâtissier",
    ] {
        assert!(
            stacked.contains(needed),
            "« {needed} » is missing from: {stacked}"
        );
    }
    assert!(
        pages[1].contains("Édité le 20/11/2025 — document de travail confidentiel"),
        "the model's footer text is printed: {}",
        pages[1]
    );
}
