//! Snapshot tests of laid-out pages dumped as text: what lands on which page.
//! Update the expectations with `UPDATE_EXPECT=1 cargo test`.

use expect_test::{expect, Expect};

use super::frame::{Item, PageKind};
use super::*;
use crate::document::model::*;

fn doc(contents: bool, sections: Vec<Section>) -> DocumentModel {
    DocumentModel {
        metadata: Metadata {
            title: "Essai".into(),
            author: "CFA".into(),
            subject: String::new(),
            language: "fr-FR".into(),
            creation_date: chrono::NaiveDate::from_ymd_opt(2025, 11, 20)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        },
        running: Running {
            organisation: "CFA Essai".into(),
            title: "Dossier d’essai".into(),
        },
        cover: None,
        contents: contents.then(|| ContentsSpec {
            title: "Sommaire".into(),
            depth: 2,
        }),
        sections,
        annexes: Vec::new(),
    }
}

fn section(id: &str, title: &str, level: u8, new_page: bool, blocks: Vec<Block>) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        level,
        new_page,
        blocks,
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        runs: vec![Run::plain(text)],
        id: None,
    }
}

fn table(rows: Vec<Vec<Cell>>) -> Block {
    Block::Table {
        columns: vec![
            Column {
                title: "N°".into(),
                width: 1.0,
                align: Align::Right,
            },
            Column {
                title: "Action".into(),
                width: 4.0,
                align: Align::Left,
            },
        ],
        rows,
        totals: None,
        id: None,
    }
}

fn laid(model: &DocumentModel) -> LaidOut {
    layout(model, &Assets::default()).unwrap()
}

/// Page by page: the first and last body lines (running header and footer left out).
fn check_outline_of_pages(model: &DocumentModel, expect: Expect) {
    let laid = laid(model);
    let mut out = String::new();
    for (i, page) in laid.pages.iter().enumerate() {
        let texts = page.texts();
        let lines: Vec<&str> = texts
            .lines()
            .filter(|l| !l.starts_with("Dossier d’essai") && !l.starts_with("CFA Essai"))
            .collect();
        out.push_str(&format!(
            "page {} ({} lines): {:?} … {:?}\n",
            i + 1,
            lines.len(),
            lines.first().unwrap_or(&""),
            lines.last().unwrap_or(&"")
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn paragraph_wraps_at_the_body_width_with_positions() {
    let model = doc(
        false,
        vec![section(
            "s",
            "Objet",
            2,
            false,
            vec![para(
                "Les apprentis de CAP rencontrent chaque printemps les entreprises partenaires du CFA \
                 lors du « Forum des métiers » : une cinquantaine d’employeurs, des anciens apprentis \
                 et les conseillers de la Mission locale.",
            )],
        )],
    );
    let laid = laid(&model);
    let page = &laid.pages[0];
    for item in &page.items {
        if let Item::Text {
            x,
            text,
            size,
            style,
            ..
        } = item
        {
            let w = crate::document::fonts::FontSet::get()
                .unwrap()
                .width(*style, text, *size);
            assert!(
                x + w <= flow::MARGIN_X + flow::BODY_WIDTH + 0.01,
                "text must stay inside the right margin: {text:?} ends at {}",
                x + w
            );
        }
    }
    let body: String = page
        .dump()
        .lines()
        .filter(|l| {
            l.contains("text")
                && !l.contains("CFA Essai")
                && !l.contains("Dossier d’essai")
                && !l.contains("page 1")
        })
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    expect![[r#"
          text 56.7,92.5 B13.5 "Objet"
          text 56.7,114.8 R10 "Les apprentis de CAP rencontrent chaque printemps les entreprises partenaires du CFA lors du « Forum"
          text 56.7,128.3 R10 "des métiers » : une cinquantaine d’employeurs, des anciens apprentis et les conseillers de la Mission locale."
    "#]]
    .assert_eq(&body);
}

#[test]
fn table_breaks_over_three_pages_with_its_header_repeated() {
    let rows = (1..=95)
        .map(|i| {
            vec![
                Cell::Text(i.to_string()),
                Cell::Text(format!("Action numéro {i}")),
            ]
        })
        .collect();
    let model = doc(
        false,
        vec![section("t", "Registre", 1, false, vec![table(rows)])],
    );
    let laid = laid(&model);
    assert_eq!(laid.pages.len(), 3, "95 one-line rows need three pages");
    for (i, page) in laid.pages.iter().enumerate() {
        let headers = page.texts().lines().filter(|l| *l == "N° Action").count();
        assert_eq!(
            headers,
            1,
            "page {} must start its part of the table with the header row",
            i + 1
        );
    }
    check_outline_of_pages(
        &model,
        expect![[r#"
            page 1 (39 lines): "Registre" … "37 Action numéro 37"
            page 2 (41 lines): "N° Action" … "77 Action numéro 77"
            page 3 (19 lines): "N° Action" … "95 Action numéro 95"
        "#]],
    );
}

#[test]
fn a_row_is_never_split_between_pages() {
    let mut rows: Vec<Vec<Cell>> = (1..=36)
        .map(|i| vec![Cell::Text(i.to_string()), Cell::Text(format!("Action {i}"))])
        .collect();
    rows.push(vec![
        Cell::Text("37".into()),
        Cell::Text("Première ligne\u{a0}; ".repeat(30)),
    ]);
    for i in 38..=39 {
        rows.push(vec![
            Cell::Text(i.to_string()),
            Cell::Text(format!("Action {i}")),
        ]);
    }
    let model = doc(
        false,
        vec![section("t", "Registre", 1, false, vec![table(rows)])],
    );
    let laid = laid(&model);
    let page_of = |needle: &str| {
        laid.pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.texts().contains(needle))
            .map(|(i, _)| i + 1)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        page_of("37 Première"),
        vec![2],
        "the tall row moves whole to page 2"
    );
    assert_eq!(
        page_of("36 Action 36"),
        vec![1],
        "the row before it stays on page 1"
    );
    let lowest = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { y, text, .. } if text.starts_with("36") => Some(*y),
            _ => None,
        })
        .fold(0.0_f32, f32::max);
    assert!(
        lowest < flow::BODY_BOTTOM - 20.0,
        "page 1 had room for a line or two of the tall row ({lowest}), yet none was put there"
    );
    assert_eq!(
        page_of("Première ligne"),
        vec![2],
        "no line of the tall row is left on page 1"
    );
    check_outline_of_pages(
        &model,
        expect![[r#"
            page 1 (38 lines): "Registre" … "36 Action 36"
            page 2 (8 lines): "N° Action" … "39 Action 39"
        "#]],
    );
}

#[test]
fn a_row_taller_than_a_page_continues_with_suite() {
    let long = "Compte rendu détaillé de la séance. ".repeat(400);
    let model = doc(
        false,
        vec![section(
            "t",
            "Registre",
            1,
            false,
            vec![table(vec![vec![Cell::Text("1".into()), Cell::Text(long)]])],
        )],
    );
    let laid = laid(&model);
    assert!(laid.pages.len() >= 3, "a very long row spans pages");
    assert!(
        laid.pages[0].texts().contains("1 Compte rendu"),
        "the long row starts on the first page, under its header: {}",
        laid.pages[0].texts()
    );
    for page in &laid.pages[1..] {
        let texts = page.texts();
        assert!(
            texts.contains("N° Action"),
            "header repeated on continuation pages"
        );
        assert!(
            texts.contains("(suite)"),
            "each continuation says « (suite) »"
        );
    }
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text { y, .. } = item {
            assert!(
                *y < frame::PAGE_HEIGHT - 20.0,
                "no text below the page: y = {y}"
            );
        }
    }
}

#[test]
fn a_heading_is_pushed_to_the_next_page_rather_than_left_alone() {
    let mut blocks: Vec<Block> = (1..=32).map(|i| para(&format!("Ligne {i}."))).collect();
    blocks.push(Block::Heading {
        text: "Titre poussé".into(),
        id: None,
    });
    blocks.push(para("Premier paragraphe sous le titre."));
    let model = doc(false, vec![section("s", "Chapitre", 1, false, blocks)]);
    check_outline_of_pages(
        &model,
        expect![[r#"
            page 1 (33 lines): "Chapitre" … "Ligne 32."
            page 2 (2 lines): "Titre poussé" … "Premier paragraphe sous le titre."
        "#]],
    );
    let laid = laid(&model);
    let first = laid.pages[0].texts();
    assert!(
        first.contains("Ligne 32."),
        "page 1 keeps all the lines before the heading"
    );
    assert!(
        !first.contains("Titre poussé"),
        "the heading must not end page 1 alone"
    );
}

#[test]
fn contents_page_numbers_settle_after_a_second_pass() {
    let filler: Vec<Block> = (1..=60)
        .map(|i| para(&format!("Paragraphe {i}.")))
        .collect();
    let model = doc(
        true,
        vec![
            section("a", "Synthèse", 1, true, filler.clone()),
            section(
                "a1",
                "Détail de la synthèse",
                2,
                false,
                vec![para("Détail.")],
            ),
            section("b", "Registre des actions", 1, true, filler),
            section(
                "c",
                "Résultats",
                1,
                true,
                vec![Block::Reference {
                    text: "Le registre commence".into(),
                    target: "b".into(),
                }],
            ),
        ],
    );
    let laid = laid(&model);
    assert!(
        laid.passes >= 2,
        "page numbers are only known after a first pass"
    );
    assert_eq!(laid.pages[0].kind, PageKind::Contents);
    for (id, title) in [
        ("a", "Synthèse"),
        ("a1", "Détail de la synthèse"),
        ("b", "Registre des actions"),
    ] {
        let page = laid.anchors[id].page;
        assert!(
            laid.pages[page].texts().contains(title),
            "{title} must be on the page the anchor says ({})",
            page + 1
        );
    }
    expect![[r#"
        Sommaire
        Synthèse . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 2
        Détail de la synthèse . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 3
        Registre des actions . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 4
        Résultats . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 6
        Dossier d’essai CFA Essai
        CFA Essai page 1 / 6"#]]
    .assert_eq(&laid.pages[0].texts());
    let last = laid.pages.last().unwrap().texts();
    assert!(
        last.contains("Le registre commence voir\u{a0}p.\u{a0}4"),
        "cross-reference resolved: {last}"
    );
}

#[test]
fn layout_is_deterministic() {
    let model = crate::document::sample::sample_model(60, 0);
    let dump = |laid: &LaidOut| laid.pages.iter().map(|p| p.dump()).collect::<String>();
    let first = laid(&model);
    let second = laid(&model);
    assert!(first.pages.len() > 20, "the sample is a real document");
    assert!(
        dump(&first) == dump(&second),
        "the same model must give the same pages, item for item"
    );
}
