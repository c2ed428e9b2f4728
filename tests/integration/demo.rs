//! The demonstration CFA: its shape, its determinism, and its scale.

use tremplin::demo::{self, DemoConfig};
use tremplin::model::*;
use tremplin::Store;

#[test]
fn the_demo_has_the_promised_shape() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = demo::create(&mut store, &DemoConfig::default()).unwrap();
    assert_eq!(
        (summary.programmes, summary.cohorts, summary.apprentices),
        (3, 12, 192),
        "two promos in training and two that left, per filière"
    );
    // 93 actions, plus the remise à niveau of each promo that left in 2025.
    assert_eq!((summary.partners, summary.actions), (25, 96));
    assert_eq!(
        (
            summary.evaluations,
            summary.resources,
            summary.resource_usages,
            summary.non_conformities
        ),
        (19, 8, 56, 2),
        "indicator 14's measured support: evaluations, resources, non-conformities"
    );
    assert_eq!(summary.leavers, 72);
    assert_eq!((summary.plans, summary.reviews), (6, 3));
    assert!(summary.exit_surveys > 200 && summary.offers == 48);
    let kinds: std::collections::HashSet<PartnerKind> = store
        .list_partners()
        .unwrap()
        .iter()
        .map(|p| p.partner.kind)
        .collect();
    assert_eq!(
        kinds.len(),
        PartnerKind::ALL.len(),
        "partners of every kind"
    );
    let year = SchoolYear::starting(2025);
    let actions = store
        .list_actions(&ActionFilter {
            school_year: Some(year),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        actions.len(),
        63,
        "60 actions and 3 final-year sessions fall in 2025-2026 (the rest in earlier years)"
    );
    assert!(actions
        .iter()
        .all(|a| a.invited > 0 && a.present <= a.invited));
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn the_dashboard_of_the_demo_year_is_meaningful() {
    let mut store = Store::open_in_memory().unwrap();
    demo::create(&mut store, &DemoConfig::default()).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let dashboard = store.dashboard(SchoolYear::starting(2025), today).unwrap();
    assert_eq!(dashboard.action_count, 63);
    assert!(
        dashboard.distinct_kinds29 >= 3,
        "the auditor expects three kinds of indicator-29 actions"
    );
    let p = dashboard.participation.percent.unwrap();
    assert!(
        (70.0..95.0).contains(&p),
        "about 82 % present by construction, got {p}"
    );
    assert_eq!(
        dashboard.dormant_partner_count, 3,
        "three partners are left dormant on purpose"
    );
    assert_eq!(
        dashboard.accompanied.denominator, 117,
        "the promos of the year, less the three who left before the rentrée"
    );
}

#[test]
fn the_demo_is_deterministic() {
    let dump = || {
        let mut store = Store::open_in_memory().unwrap();
        demo::create(&mut store, &DemoConfig::default()).unwrap();
        let names: Vec<String> = store
            .list_apprentices(&ApprenticeFilter::default())
            .unwrap()
            .iter()
            .map(|a| format!("{} {}", a.apprentice.first_name, a.apprentice.last_name))
            .collect();
        names.join(",")
    };
    assert_eq!(dump(), dump());
}

#[test]
fn the_demo_refuses_a_database_with_data() {
    let mut store = Store::open_in_memory().unwrap();
    demo::create(&mut store, &DemoConfig::default()).unwrap();
    let error = demo::create(&mut store, &DemoConfig::default()).unwrap_err();
    assert_eq!(error.code(), "conflict");
}

#[test]
fn scale_multiplies_the_demo() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = demo::create(
        &mut store,
        &DemoConfig {
            scale: 3,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        (summary.programmes, summary.apprentices, summary.actions),
        (9, 576, 288)
    );
    assert_eq!(
        store.list_programmes().unwrap().len(),
        9,
        "scaled filières have distinct codes"
    );
}

/// The large demo is what screenshots and benchmarks show: its names must read
/// as real ones — no « Sophie Lemaire-5 », no « Association … 45 (16) ».
#[test]
fn a_scaled_demo_draws_distinct_plausible_names() {
    let mut store = Store::open_in_memory().unwrap();
    demo::create(
        &mut store,
        &DemoConfig {
            scale: 42,
            ..Default::default()
        },
    )
    .unwrap();
    let numbered = |text: &str| {
        text.ends_with(')') && text.contains('(')
            || text.split(['-', ' ']).any(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()) && part != "45"
            })
            || text.contains("n°")
    };

    let staff = store.list_staff().unwrap();
    assert_eq!(staff.len(), 8 * 42);
    let mut names = std::collections::HashSet::new();
    for person in &staff {
        let name = format!("{} {}", person.staff.first_name, person.staff.last_name);
        assert!(!numbered(&name), "staff name « {name} » is numbered");
        assert!(
            names.insert(name.clone()),
            "staff name « {name} » is repeated"
        );
    }

    let partners = store.list_partners().unwrap();
    assert_eq!(partners.len(), 25 * 42);
    let mut names = std::collections::HashSet::new();
    for partner in &partners {
        // « Association Tremplin Emploi 45 » is the real name of copy 0 (45: the Loiret).
        let partner = &partner.partner;
        let name = partner.name.replace("Emploi 45", "Emploi");
        assert!(
            !numbered(&name),
            "partner name « {} » is numbered",
            partner.name
        );
        assert!(
            names.insert(partner.name.clone()),
            "partner « {} » is repeated",
            partner.name
        );
    }

    let programmes = store.list_programmes().unwrap();
    assert_eq!(
        programmes.len(),
        3 * 42,
        "scaled filières have distinct codes"
    );
    for programme in programmes.iter().map(|p| &p.programme) {
        assert!(
            !numbered(&programme.code),
            "filière code « {} » is numbered",
            programme.code
        );
    }
    assert!(programmes.iter().any(|p| p.programme.code == "BTS MCO MTG"));

    let employers: std::collections::HashSet<String> = store
        .list_apprentices(&ApprenticeFilter::default())
        .unwrap()
        .into_iter()
        .filter_map(|a| a.apprentice.employer)
        .collect();
    assert!(
        employers.len() > 300,
        "employers are varied: {}",
        employers.len()
    );
    for employer in &employers {
        assert!(
            !numbered(&employer.replace("Élec 45", "Élec")),
            "employer « {employer} » is numbered"
        );
    }
}
