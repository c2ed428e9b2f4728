//! Hand-computed expectations for every rate of DESIGN.md, and its edge cases.

use super::*;
use crate::model::{ApprenticeStatus as S, Situation::*, StudyType};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const COHORT: Id = Id(1);
const EXIT: (i32, u32, u32) = (2025, 6, 30);

fn leaver(id: i64) -> Leaver {
    Leaver {
        apprentice_id: Id(id),
        cohort_id: COHORT,
        status: S::Graduated,
        exit_date: d(EXIT.0, EXIT.1, EXIT.2),
    }
}

fn answer(id: i64, timepoint: Timepoint, situation: Situation) -> Answer {
    Answer {
        apprentice_id: Id(id),
        timepoint,
        situation,
        in_target_job: false,
        study_type: None,
    }
}

fn in_job(id: i64, timepoint: Timepoint, target: bool) -> Answer {
    Answer {
        in_target_job: target,
        ..answer(id, timepoint, Employed)
    }
}

fn studying(id: i64, timepoint: Timepoint, situation: Situation, kind: StudyType) -> Answer {
    Answer {
        study_type: Some(kind),
        ..answer(id, timepoint, situation)
    }
}

fn ids(figure: &Figure) -> (Vec<i64>, Vec<i64>) {
    (
        figure.numerator_ids.iter().map(|i| i.0).collect(),
        figure.denominator_ids.iter().map(|i| i.0).collect(),
    )
}

const M6: Timepoint = Timepoint::Month6;
const M12: Timepoint = Timepoint::Month12;
/// Well after every questionnaire of a June 2025 exit is due.
fn late() -> NaiveDate {
    d(2026, 9, 1)
}

#[test]
fn every_rate_of_a_mixed_cohort_at_six_months() {
    // 11 leavers: 6 employed (4 in the target job), 1 abroad, 1 school
    // studies, 1 new apprenticeship after the diploma, 1 job seeker,
    // 1 unreachable.
    let leavers: Vec<Leaver> = (1..=11).map(leaver).collect();
    let answers = vec![
        in_job(1, M6, true),
        in_job(2, M6, true),
        in_job(3, M6, true),
        in_job(4, M6, true),
        in_job(5, M6, false),
        in_job(6, M6, false),
        answer(7, M6, EmployedAbroad),
        studying(8, M6, SchoolStudies, StudyType::LicencePro),
        studying(9, M6, Apprenticeship, StudyType::Bachelor),
        answer(10, M6, JobSeeking),
        answer(11, M6, Unreachable),
    ];
    let r = timepoint_results(&leavers, &answers, M6, late());
    assert_eq!(r.leavers.count, 11);
    assert_eq!(r.respondents.count, 10);
    assert_eq!(r.unreachable.ids, vec![Id(11)]);
    // R ÷ L = 10 ÷ 11 = 90,9 %.
    assert_eq!(r.response_rate.rate.display, "90,9\u{202f}%");
    // N = abroad + 2 further studies = 3; R − N = 7.
    assert_eq!(r.neutralised.count, 3);
    // Insertion = 6 ÷ 7 = 85,7 %; target job = 4 ÷ 7 = 57,1 %.
    assert_eq!(
        (r.insertion.rate.numerator, r.insertion.rate.denominator),
        (6, 7)
    );
    assert_eq!(r.insertion.rate.display, "85,7\u{202f}%");
    assert_eq!(r.target_job.rate.display, "57,1\u{202f}%");
    assert_eq!(ids(&r.target_job).0, vec![1, 2, 3, 4]);
    // Further studies = 2 ÷ 10 = 20,0 %, 1 by each route, one of each type.
    assert_eq!(r.further_studies.rate.display, "20,0\u{202f}%");
    assert_eq!(ids(&r.further_studies).0, vec![8, 9]);
    assert_eq!(r.further_studies_by_route[0].numerator_ids, vec![Id(8)]);
    assert_eq!(r.further_studies_by_route[1].numerator_ids, vec![Id(9)]);
    assert_eq!(r.further_studies_by_route[1].rate.denominator, 10);
    let types: Vec<(&str, i64, i64)> = r
        .further_studies_by_type
        .iter()
        .map(|f| (f.key.as_str(), f.rate.numerator, f.rate.denominator))
        .collect();
    assert_eq!(
        types,
        vec![
            ("study_type:licence_pro", 1, 2),
            ("study_type:bachelor", 1, 2)
        ]
    );
    // The job seeker is in R − N but in no numerator of insertion.
    assert!(ids(&r.insertion).1.contains(&10));
    assert!(!ids(&r.insertion).0.contains(&10));
}

#[test]
fn no_respondent_makes_every_rate_non_calculable_but_response() {
    let leavers: Vec<Leaver> = (1..=3).map(leaver).collect();
    let answers = vec![answer(1, M6, Unreachable), answer(2, M6, Unreachable)];
    let r = timepoint_results(&leavers, &answers, M6, late());
    assert_eq!(r.response_rate.rate.display, "0,0\u{202f}%");
    assert_eq!(r.response_rate.rate.denominator, 3);
    assert_eq!(r.unanswered.ids, vec![Id(3)]);
    for figure in [&r.insertion, &r.target_job, &r.further_studies] {
        assert_eq!(figure.rate.display, "non calculable", "{}", figure.key);
        assert_eq!(figure.rate.percent, None);
    }
}

#[test]
fn no_leaver_is_non_calculable_never_zero() {
    let r = timepoint_results(&[], &[], M6, late());
    assert_eq!(r.response_rate.rate.display, "non calculable");
    assert_eq!(r.response_rate.rate.percent, None);
}

#[test]
fn every_respondent_in_further_studies_leaves_insertion_non_calculable() {
    let leavers: Vec<Leaver> = (1..=4).map(leaver).collect();
    let answers = vec![
        studying(1, M6, SchoolStudies, StudyType::LicencePro),
        studying(2, M6, SchoolStudies, StudyType::Bts),
        studying(3, M6, Apprenticeship, StudyType::LicencePro),
        studying(4, M6, Apprenticeship, StudyType::Master),
    ];
    let r = timepoint_results(&leavers, &answers, M6, late());
    assert_eq!(r.neutralised.count, 4);
    assert_eq!(r.insertion.rate.denominator, 0);
    assert_eq!(r.insertion.rate.display, "non calculable");
    assert_eq!(r.further_studies.rate.display, "100,0\u{202f}%");
    let licence = r
        .further_studies_by_type
        .iter()
        .find(|f| f.key == "study_type:licence_pro")
        .unwrap();
    assert_eq!((licence.rate.numerator, licence.rate.denominator), (2, 4));
}

#[test]
fn an_apprenticeship_after_the_diploma_is_further_study_and_one_during_training_counts_nowhere() {
    // 1 left and signed a new apprenticeship contract after the diploma;
    // 2 is still in training under the contract of the training itself
    // (status in training: not a leaver, whatever is recorded about them).
    let leavers = vec![
        leaver(1),
        Leaver {
            status: S::InTraining,
            ..leaver(2)
        },
    ];
    let answers = vec![
        studying(1, M6, Apprenticeship, StudyType::LicencePro),
        in_job(2, M6, true),
    ];
    let r = timepoint_results(&leavers, &answers, M6, late());
    assert_eq!(r.leavers.ids, vec![Id(1)]);
    assert_eq!(ids(&r.further_studies), (vec![1], vec![1]));
    assert_eq!(r.neutralised.ids, vec![Id(1)]);
    // Never post-diploma employment: insertion has nobody left to count.
    assert_eq!(r.insertion.rate.numerator, 0);
    assert_eq!(r.insertion.rate.display, "non calculable");
    for figure in [
        &r.insertion,
        &r.target_job,
        &r.response_rate,
        &r.further_studies,
    ] {
        assert!(!figure.numerator_ids.contains(&Id(2)));
        assert!(!figure.denominator_ids.contains(&Id(2)));
    }
}

#[test]
fn unreachable_leavers_count_against_the_response_rate_only() {
    let leavers: Vec<Leaver> = (1..=4).map(leaver).collect();
    let answers = vec![
        in_job(1, M6, true),
        answer(2, M6, JobSeeking),
        answer(3, M6, Unreachable),
        answer(4, M6, Unreachable),
    ];
    let r = timepoint_results(&leavers, &answers, M6, late());
    assert_eq!(ids(&r.response_rate), (vec![1, 2], vec![1, 2, 3, 4]));
    assert_eq!(r.response_rate.rate.display, "50,0\u{202f}%");
    // Neither a success nor a failure: out of insertion's denominator.
    assert_eq!(ids(&r.insertion), (vec![1], vec![1, 2]));
    assert_eq!(r.insertion.rate.display, "50,0\u{202f}%");
}

#[test]
fn a_leaver_answering_at_six_and_twelve_months_counts_once_at_each() {
    let leavers = vec![leaver(1), leaver(2)];
    let answers = vec![
        answer(1, M6, JobSeeking),
        in_job(1, M12, true),
        in_job(2, M12, false),
        answer(1, Timepoint::Month3, JobSeeking),
    ];
    let six = timepoint_results(&leavers, &answers, M6, late());
    assert_eq!(ids(&six.response_rate), (vec![1], vec![1, 2]));
    assert_eq!(six.insertion.rate.display, "0,0\u{202f}%");
    let twelve = timepoint_results(&leavers, &answers, M12, late());
    assert_eq!(ids(&twelve.response_rate), (vec![1, 2], vec![1, 2]));
    assert_eq!(ids(&twelve.insertion), (vec![1, 2], vec![1, 2]));
    assert_eq!(twelve.target_job.rate.display, "50,0\u{202f}%");
}

#[test]
fn a_questionnaire_not_yet_due_is_left_out_until_it_is_answered() {
    let leavers = vec![leaver(1), leaver(2), leaver(3)];
    let answers = vec![in_job(3, M6, true)];
    // 30/12/2025 is the day the 6-month questionnaire of a 30/06/2025 exit falls due.
    let before = timepoint_results(&leavers, &answers, M6, d(2025, 12, 29));
    assert_eq!(before.leavers.ids, vec![Id(3)], "answered early counts");
    assert_eq!(before.not_yet_due.ids, vec![Id(1), Id(2)]);
    let on_the_day = timepoint_results(&leavers, &answers, M6, d(2025, 12, 30));
    assert_eq!(on_the_day.leavers.count, 3);
    assert_eq!(on_the_day.unanswered.ids, vec![Id(1), Id(2)]);
    assert_eq!(
        due_on(d(2025, 8, 31), M6),
        d(2026, 2, 28),
        "end of month kept"
    );
}

#[test]
fn accompanied_is_attendance_of_the_year_over_the_members() {
    let members: Vec<Member> = (1..=8)
        .map(|i| Member {
            apprentice_id: Id(i),
            cohort_id: COHORT,
            accompanied: i <= 6,
        })
        .collect();
    let figure = accompanied(&members);
    assert_eq!(figure.rate.display, "75,0\u{202f}%");
    assert_eq!(accompanied(&[]).rate.display, "non calculable");
}

#[test]
fn a_filiere_is_the_sum_of_its_cohorts() {
    let second = Id(2);
    let mut leavers: Vec<Leaver> = (1..=3).map(leaver).collect();
    leavers.push(Leaver {
        cohort_id: second,
        ..leaver(4)
    });
    let input = ResultsInput {
        programme_id: Id(9),
        programme_code: "BTS MCO".into(),
        programme_name: "BTS Management commercial opérationnel".into(),
        cohorts: vec![(COHORT, "Promo A".into()), (second, "Promo B".into())],
        leavers,
        answers: vec![
            in_job(1, M6, true),
            in_job(2, M6, false),
            answer(3, M6, JobSeeking),
            in_job(4, M6, true),
        ],
        members: vec![],
        people: vec![],
    };
    let results = programme_results(&input, SchoolYear::starting(2024), late());
    let six = results.total.at(M6).unwrap();
    assert_eq!(six.insertion.rate.display, "75,0\u{202f}%");
    assert_eq!(
        results.cohorts[0].at(M6).unwrap().insertion.rate.display,
        "66,7\u{202f}%"
    );
    assert_eq!(
        results.cohorts[1].at(M6).unwrap().insertion.rate.display,
        "100,0\u{202f}%"
    );
    assert_eq!(
        results.figure("target_job", M6).unwrap().rate.display,
        "50,0\u{202f}%"
    );
    assert!(results.scope.contains("2024-2025"));
    assert!(results.scope.contains("01/09/2024"));
}

#[test]
fn an_objective_is_reached_in_progress_then_missed() {
    use crate::model::ObjectiveStatus::*;
    let end = d(2026, 6, 30);
    assert_eq!(
        objective_status(Some(80.0), 80.0, end, d(2026, 1, 1)),
        Reached
    );
    assert_eq!(
        objective_status(Some(79.96), 80.0, end, d(2026, 1, 1)),
        Reached,
        "shown as 80,0 %"
    );
    assert_eq!(
        objective_status(Some(72.7), 80.0, end, d(2026, 6, 30)),
        InProgress
    );
    assert_eq!(
        objective_status(Some(72.7), 80.0, end, d(2026, 7, 1)),
        Missed
    );
    assert_eq!(
        objective_status(None, 0.0, end, d(2026, 7, 1)),
        Missed,
        "non calculable reaches nothing"
    );
    assert_eq!(
        objective_status(Some(6.0), 6.0, end, d(2027, 1, 1)),
        Reached
    );
}
