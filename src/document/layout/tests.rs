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
            footer: String::new(),
        },
        cover: None,
        contents: contents.then(|| ContentsSpec {
            title: "Sommaire".into(),
            depth: 2,
            list_annexes: false,
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
            Column::new("N°", Align::Right),
            Column::new("Action", Align::Left),
        ],
        rows,
        totals: None,
        id: None,
        style: TableStyle::Normal,
        zebra: false,
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

/// The body texts of a page with their positions (running header and footer left out).
fn body_dump(page: &frame::Page) -> String {
    page.dump()
        .lines()
        .filter(|l| {
            l.trim_start().starts_with("text")
                && !l.contains("\"CFA Essai\"")
                && !l.contains("\"Dossier d’essai\"")
                && !l.contains("page 1 /")
        })
        .map(|l| format!("{}\n", l.trim()))
        .collect()
}

fn table_block(columns: Vec<Column>, rows: Vec<Vec<Cell>>, style: TableStyle) -> Block {
    Block::Table {
        columns,
        rows,
        totals: None,
        id: None,
        style,
        zebra: true,
    }
}

#[test]
fn column_widths_come_from_the_content_of_a_register() {
    let rows = vec![
        vec![
            "1".into(),
            "DELACROIX-MARCHAND Marie-Charlotte".into(),
            "RNCP37589".into(),
            "CAP Vendeur-conseil en crémerie-fromagerie".into(),
            "12/09/2025".into(),
            "Boulangerie-pâtisserie Charpentier".into(),
        ],
        vec![
            "2".into(),
            "BONNEFOY Timothée".into(),
            "RNCP35316".into(),
            "BP Boulanger".into(),
            "01/10/2025".into(),
            "Au Fournil de Villeurbanne".into(),
        ],
    ];
    let columns = vec![
        Column::new("N°", Align::Right),
        Column::new("Nom", Align::Left).nowrap(),
        Column::new("Code RNCP", Align::Left).unhyphenated(),
        Column::new("Formation", Align::Left),
        Column::new("Début", Align::Left),
        Column::new("Entreprise d’accueil", Align::Left),
    ];
    let model = doc(
        false,
        vec![section(
            "r",
            "Registre",
            1,
            false,
            vec![table_block(columns, rows, TableStyle::Dense)],
        )],
    );
    let laid = laid(&model);
    assert!(
        laid.warnings.is_empty(),
        "nothing is cut: {:?}",
        laid.warnings
    );
    expect![[r#"
        text 56.7,95.9 B17 "Registre"
        text 59.1,125.9 B7 "N°"
        text 71.7,125.9 B7 "Nom"
        text 210.0,125.9 B7 "Code RNCP"
        text 254.1,125.9 B7 "Formation"
        text 388.2,125.9 B7 "Début"
        text 428.0,125.9 B7 "Entreprise d’accueil"
        text 63.1,138.1 R7 "1"
        text 71.7,138.1 R7 "DELACROIX-MARCHAND Marie-Charlotte"
        text 210.0,138.1 R7 "RNCP37589"
        text 254.1,138.1 R7 "CAP Vendeur-conseil en crémerie-froma-"
        text 254.1,146.7 R7 "gerie"
        text 388.2,138.1 R7 "12/09/2025"
        text 428.0,138.1 R7 "Boulangerie-pâtisserie Charpentier"
        text 63.1,158.9 R7 "2"
        text 71.7,158.9 R7 "BONNEFOY Timothée"
        text 210.0,158.9 R7 "RNCP35316"
        text 254.1,158.9 R7 "BP Boulanger"
        text 388.2,158.9 R7 "01/10/2025"
        text 428.0,158.9 R7 "Au Fournil de Villeurbanne"
    "#]]
    .assert_eq(&body_dump(&laid.pages[0]));
    // Every line of every cell stays inside its own column: no two texts on
    // one baseline overlap.
    let fonts = crate::document::fonts::FontSet::get().unwrap();
    let mut spans: Vec<(i32, f32, f32)> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text {
                x,
                y,
                style,
                size,
                text,
                ..
            } => Some(((y * 10.0) as i32, *x, x + fonts.width(*style, text, *size))),
            _ => None,
        })
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for pair in spans.windows(2) {
        if pair[0].0 == pair[1].0 {
            assert!(
                pair[0].2 <= pair[1].1 + 0.01,
                "texts overlap on one line: {pair:?}"
            );
        }
    }
    let texts = laid.pages[0].texts();
    assert!(
        texts.contains("DELACROIX-MARCHAND Marie-Charlotte"),
        "{texts}"
    );
    assert!(texts.contains("RNCP37589"), "{texts}");
}

#[test]
fn a_word_wider_than_its_whole_column_is_cut_and_reported() {
    let columns = vec![
        Column::new("Pièce", Align::Left).fixed(70.0),
        Column::new("Commentaire", Align::Left),
    ];
    let rows = vec![vec![
        "REF2025ABCDEFGHIJKLMNOPQRSTUVWXYZ".into(),
        "Pièce déposée par le CFA.".into(),
    ]];
    let model = doc(
        false,
        vec![section(
            "r",
            "Registre",
            1,
            false,
            vec![table_block(columns, rows, TableStyle::Normal)],
        )],
    );
    let laid = laid(&model);
    expect![[r#"
        [
            "tableau, colonne « Pièce » : le mot « REF2025ABCDEFGHIJKLMNOPQRSTUVWXYZ » est plus large que la colonne (64 pt) ; il est coupé entre deux lettres.",
        ]
        text 56.7,95.9 B17 "Registre"
        text 59.7,128.9 B8.5 "Pièce"
        text 129.7,128.9 B8.5 "Commentaire"
        text 59.7,145.9 R8.5 "REF2025ABCD"
        text 59.7,156.9 R8.5 "EFGHIJKLMNO"
        text 59.7,167.9 R8.5 "PQRSTUVWXY"
        text 59.7,178.9 R8.5 "Z"
        text 129.7,145.9 R8.5 "Pièce déposée par le CFA."
    "#]].assert_eq(&format!(
        "{:#?}\n{}",
        laid.warnings,
        body_dump(&laid.pages[0])
    ));
}

#[test]
fn a_narrow_cell_is_hyphenated_but_a_name_marked_not_to_be_is_not() {
    let columns = vec![
        Column::new("Observation", Align::Left).fixed(62.0),
        Column::new("Apprenti", Align::Left)
            .fixed(62.0)
            .unhyphenated(),
        Column::new("Suite", Align::Left),
    ];
    let rows = vec![vec![
        "Accompagnement personnalisé indispensable".into(),
        "Gwendoline Montgolfier".into(),
        Cell::Runs {
            runs: vec![
                Run::plain("Entretien avec "),
                Run::plain("Maximilienne Vandenberghe").unhyphenated(),
            ],
        },
    ]];
    let model = doc(
        false,
        vec![section(
            "r",
            "Registre",
            1,
            false,
            vec![table_block(columns, rows, TableStyle::Normal)],
        )],
    );
    let laid = laid(&model);
    let dump = body_dump(&laid.pages[0]);
    assert!(
        !dump.contains("Gwen-"),
        "the name is not hyphenated: {dump}"
    );
    expect![[r#"
        text 56.7,95.9 B17 "Registre"
        text 59.7,128.9 B8.5 "Observation"
        text 121.7,128.9 B8.5 "Apprenti"
        text 183.7,128.9 B8.5 "Suite"
        text 59.7,145.9 R8.5 "Accompagne-"
        text 59.7,156.9 R8.5 "ment person-"
        text 59.7,167.9 R8.5 "nalisé indis-"
        text 59.7,178.9 R8.5 "pensable"
        text 121.7,145.9 R8.5 "Gwendoline"
        text 121.7,156.9 R8.5 "Montgolfier"
        text 183.7,145.9 R8.5 "Entretien avec Maximilienne Vandenberghe"
    "#]]
    .assert_eq(&dump);
}

#[test]
fn a_french_paragraph_is_hyphenated_and_keeps_whole_words_elsewhere() {
    let model = doc(
        false,
        vec![section(
            "s",
            "Objet",
            2,
            false,
            vec![para(
                "L’établissement met en œuvre un accompagnement socioprofessionnel individualisé \
                 des apprentis, particulièrement lors des périodes d’interruption du contrat : \
                 recherche d’un nouvel employeur, remobilisation, orientation professionnelle \
                 et information sur les dispositifs d’indemnisation, conformément au référentiel.",
            )],
        )],
    );
    let laid = laid(&model);
    expect![[r#"
        Objet
        L’établissement met en œuvre un accompagnement socioprofessionnel individualisé des apprentis, particu-
        lièrement lors des périodes d’interruption du contrat : recherche d’un nouvel employeur, remobilisation,
        orientation professionnelle et information sur les dispositifs d’indemnisation, conformément au référentiel.
        Dossier d’essai CFA Essai
        CFA Essai page 1 / 1"#]].assert_eq(&laid.pages[0].texts());
}

#[test]
fn lists_nest_once_and_newlines_break_lines() {
    let model = doc(
        false,
        vec![section(
            "s",
            "Bilan",
            2,
            false,
            vec![
                Block::List {
                    ordered: false,
                    items: vec![
                        ListItem {
                            runs: vec![Run::bold("Points forts : "), Run::plain("des partenaires présents.")],
                            items: vec![
                                ListItem::plain("France Travail Lyon Est"),
                                ListItem::plain("Mission locale de Villeurbanne"),
                            ],
                        },
                        ListItem::plain("Points à améliorer : le taux de réponse aux enquêtes de sortie, qui reste inférieur à la moitié des sortants interrogés."),
                    ],
                    id: None,
                },
                Block::List {
                    ordered: true,
                    items: vec![
                        ListItem {
                            runs: vec![Run::plain("Relancer les partenaires")],
                            items: vec![ListItem::plain("par courriel"), ListItem::plain("par téléphone")],
                        },
                        ListItem::plain("Simplifier l’enquête"),
                    ],
                    id: None,
                },
                para("Revue validée en conseil de perfectionnement.\nSignature : Mme Garnier"),
            ],
        )],
    );
    let laid = laid(&model);
    expect![[r#"
        text 56.7,92.5 B13.5 "Bilan"
        text 74.7,114.8 B10 "Points forts : "
        text 139.1,114.8 R10 "des partenaires présents."
        text 66.2,114.8 R10 "•"
        text 90.7,129.8 R10 "France Travail Lyon Est"
        text 80.1,129.8 R10 "–"
        text 90.7,144.8 R10 "Mission locale de Villeurbanne"
        text 80.1,144.8 R10 "–"
        text 74.7,160.8 R10 "Points à améliorer : le taux de réponse aux enquêtes de sortie, qui reste inférieur à la moitié des sortants"
        text 66.2,160.8 R10 "•"
        text 74.7,174.3 R10 "interrogés."
        text 74.7,193.8 R10 "Relancer les partenaires"
        text 61.4,193.8 R10 "1."
        text 90.7,208.8 R10 "par courriel"
        text 76.8,208.8 R10 "a)"
        text 90.7,223.8 R10 "par téléphone"
        text 76.8,223.8 R10 "b)"
        text 74.7,239.8 R10 "Simplifier l’enquête"
        text 61.4,239.8 R10 "2."
        text 56.7,259.3 R10 "Revue validée en conseil de perfectionnement."
        text 56.7,272.8 R10 "Signature : Mme Garnier"
    "#]].assert_eq(&body_dump(&laid.pages[0]));
}

fn chart_model(layout: ChartLayout, orientation: Orientation) -> DocumentModel {
    doc(
        false,
        vec![section(
            "c",
            "Résultats",
            2,
            false,
            vec![Block::Chart {
                categories: vec!["2023".into(), "2024".into(), "2025".into()],
                series: vec![
                    Series {
                        name: "CFA".into(),
                        values: vec![Some(69.0), Some(77.0), Some(79.5)],
                    },
                    Series {
                        name: "InserJeunes".into(),
                        values: vec![Some(70.5), Some(71.0), None],
                    },
                ],
                layout,
                orientation,
                unit: "%".into(),
                axis_max: if layout == ChartLayout::Grouped {
                    Some(100.0)
                } else {
                    None
                },
                value_labels: true,
                caption: "Figure — taux d’insertion".into(),
                id: None,
            }],
        )],
    )
}

/// Texts of a chart, and how many bars and hatch strokes it draws.
fn chart_summary(model: &DocumentModel) -> String {
    let laid = laid(model);
    let page = &laid.pages[0];
    let rects = page
        .items
        .iter()
        .filter(|i| {
            matches!(
                i,
                Item::Rect {
                    stroke: Some(_),
                    ..
                }
            )
        })
        .count();
    let lines = page
        .items
        .iter()
        .filter(|i| matches!(i, Item::Line { .. }))
        .count();
    format!("{}\nrects {rects}, lines {lines}\n", body_dump(page))
}

#[test]
fn a_grouped_vertical_chart_has_axis_labels_values_and_a_legend() {
    expect![[r#"
        text 56.7,92.5 B13.5 "Résultats"
        text 66.0,278.6 R7.5 "0\u{a0}%"
        text 61.9,246.6 R7.5 "20\u{a0}%"
        text 61.9,214.6 R7.5 "40\u{a0}%"
        text 61.9,182.6 R7.5 "60\u{a0}%"
        text 61.9,150.6 R7.5 "80\u{a0}%"
        text 57.7,118.6 R7.5 "100\u{a0}%"
        text 122.2,163.1 B7 "69\u{a0}%"
        text 178.4,160.7 B7 "70,5\u{a0}%"
        text 151.4,287.8 R7.5 "2023"
        text 273.7,150.3 B7 "77\u{a0}%"
        text 332.8,159.9 B7 "71\u{a0}%"
        text 302.9,287.8 R7.5 "2024"
        text 422.4,146.3 B7 "79,5\u{a0}%"
        text 486.5,273.0 I7 "n.d."
        text 454.5,287.8 R7.5 "2025"
        text 69.7,303.0 R7.5 "CFA"
        text 113.7,303.0 R7.5 "InserJeunes"
        text 56.7,316.4 I8.5 "Figure — taux d’insertion"

        rects 7, lines 16
    "#]]
    .assert_eq(&chart_summary(&chart_model(
        ChartLayout::Grouped,
        Orientation::Vertical,
    )));
}

#[test]
fn a_stacked_horizontal_chart_sums_its_series() {
    expect![[r#"
        text 56.7,92.5 B13.5 "Résultats"
        text 185.0,122.0 R7.5 "2023"
        text 185.0,139.0 R7.5 "2024"
        text 185.0,156.0 R7.5 "2025"
        text 201.2,174.5 R7.5 "0\u{a0}%"
        text 247.0,174.5 R7.5 "25\u{a0}%"
        text 294.8,174.5 R7.5 "50\u{a0}%"
        text 342.6,174.5 R7.5 "75\u{a0}%"
        text 388.3,174.5 R7.5 "100\u{a0}%"
        text 436.1,174.5 R7.5 "125\u{a0}%"
        text 484.0,174.5 R7.5 "150\u{a0}%"
        text 265.7,121.4 B7 "69\u{a0}%"
        text 396.2,121.4 B7 "70,5\u{a0}%"
        text 477.5,121.4 B7 "139,5\u{a0}%"
        text 273.4,138.4 B7 "77\u{a0}%"
        text 414.9,138.4 B7 "71\u{a0}%"
        text 493.8,138.4 B7 "148\u{a0}%"
        text 272.8,155.4 B7 "79,5\u{a0}%"
        text 362.7,155.4 B7 "79,5\u{a0}%"
        text 69.7,192.0 R7.5 "CFA"
        text 113.7,192.0 R7.5 "InserJeunes"
        text 56.7,205.4 I8.5 "Figure — taux d’insertion"

        rects 7, lines 18
    "#]]
    .assert_eq(&chart_summary(&chart_model(
        ChartLayout::Stacked,
        Orientation::Horizontal,
    )));
}

#[test]
fn chart_axes_are_round_or_fixed() {
    assert_eq!(
        chart::axis(79.5, Some(100.0)),
        (100.0, 20.0),
        "a rate axis is 0–100 %"
    );
    assert_eq!(chart::axis(148.5, None), (150.0, 25.0));
    assert_eq!(chart::axis(7.0, None), (8.0, 2.0));
    assert_eq!(
        chart::axis(0.0, None),
        (1.0, 0.25),
        "an empty chart still has an axis"
    );
}

#[test]
fn contents_list_the_annexes_one_by_one_when_asked() {
    let with_annexes = |list: bool| {
        let mut model = doc(
            true,
            vec![section(
                "plan",
                "Plan d’actions",
                1,
                true,
                vec![para("Objectifs de l’année.")],
            )],
        );
        if let Some(contents) = model.contents.as_mut() {
            contents.list_annexes = list;
        }
        model.annexes = vec![
            Annex {
                id: "convention".into(),
                path: "convention.pdf".into(),
                title: "Convention avec la Mission locale".into(),
                caption: String::new(),
            },
            Annex {
                id: "emargement".into(),
                path: "emargement.pdf".into(),
                title: "Feuille d’émargement du forum".into(),
                caption: String::new(),
            },
        ];
        let laid = laid(&model);
        laid.pages
            .iter()
            .find(|p| p.texts().contains("Sommaire"))
            .map(|p| p.texts())
            .unwrap_or_default()
    };
    let listed = with_annexes(true);
    assert!(listed.contains("Annexes"), "{listed}");
    assert!(
        listed.contains("A1 — Convention avec la Mission locale"),
        "{listed}"
    );
    assert!(
        listed.contains("A2 — Feuille d’émargement du forum"),
        "{listed}"
    );
    let grouped = with_annexes(false);
    assert!(grouped.contains("Annexes"), "{grouped}");
    assert!(
        !grouped.contains("A1 —"),
        "annexes are not listed unless asked: {grouped}"
    );
}
