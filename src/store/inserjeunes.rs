//! InserJeunes figures: kept as the file published them, shown beside the
//! filière's own survey figures of the same school year.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::error::Result;
use crate::interchange::{inserjeunes, sheet};
use crate::model::{
    ComparedFigure, Id, InserJeunesComparison, InserJeunesImport, SchoolYear, Timepoint,
};
use crate::validate;

/// One filière and year: (programme, level, school year, year label, measures).
type Group = (Id, Option<u8>, String, String, Vec<(String, Option<f64>)>);

impl Store {
    /// Reads an InserJeunes file and keeps the CFA's figures (its UAI when
    /// the CFA has one), replacing those of the same year, diploma and
    /// measure. One transaction.
    pub fn import_inserjeunes(
        &mut self,
        name: &str,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<InserJeunesImport> {
        let sheet = sheet::read(name, bytes)?;
        let (figures, refused) =
            inserjeunes::read(&sheet).map_err(|m| validate::field_error("file", m))?;
        let uai: Option<String> = super::organisation::load(&self.conn)?
            .and_then(|o| o.uai)
            .filter(|u| !u.is_empty());
        let diplomas: Vec<String> = self
            .conn
            .prepare("SELECT diploma_code FROM programme WHERE diploma_code IS NOT NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut other_lines = std::collections::BTreeSet::new();
        let mut unmatched = std::collections::BTreeSet::new();
        let kept: Vec<&inserjeunes::Figure> = figures
            .iter()
            .filter(|f| {
                let ours = uai.as_ref().is_none_or(|u| f.uai.is_empty() || &f.uai == u);
                if !ours {
                    other_lines.insert(f.line);
                } else if !diplomas
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(&f.diploma_code))
                {
                    unmatched.insert(f.diploma_code.clone());
                }
                ours
            })
            .collect();
        if kept.is_empty() && !figures.is_empty() {
            return Err(validate::field_error(
                "file",
                format!(
                    "Aucune ligne de ce fichier ne concerne l’UAI du CFA ({}) : téléchargez le fichier de votre établissement.",
                    uai.unwrap_or_default()
                ),
            ));
        }
        let count = kept.len();
        self.batch(|w| {
            let tx = w.reader();
            let mut stmt = tx.prepare(
                "INSERT INTO inserjeunes_figure (year_label, school_year, uai, diploma_code, label, measure, value, imported_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (school_year, diploma_code, measure) DO UPDATE SET
                     year_label = excluded.year_label, uai = excluded.uai, label = excluded.label,
                     value = excluded.value, imported_on = excluded.imported_on",
            )?;
            for f in &kept {
                stmt.execute(params![
                    f.year_label,
                    f.school_year.label(),
                    f.uai,
                    f.diploma_code,
                    f.label,
                    f.measure,
                    f.value,
                    today.to_string()
                ])?;
            }
            Ok(())
        })?;
        Ok(InserJeunesImport {
            format: sheet.format,
            lines: sheet.rows.len(),
            figures: count,
            other_uai: other_lines.len(),
            unmatched_diplomas: unmatched.into_iter().collect(),
            refused,
        })
    }

    /// Each filière and school year with InserJeunes figures, beside
    /// Tremplin's figures for the same leavers' year, measured on `as_of`.
    pub fn inserjeunes_comparison(
        &self,
        year: Option<SchoolYear>,
        as_of: NaiveDate,
    ) -> Result<Vec<InserJeunesComparison>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.level, f.school_year, f.year_label, f.measure, f.value
             FROM inserjeunes_figure f JOIN programme p ON p.diploma_code = f.diploma_code COLLATE NOCASE
             WHERE (?1 IS NULL OR f.school_year = ?1)
             ORDER BY p.code COLLATE NOCASE, f.school_year DESC, f.id",
        )?;
        let rows = stmt.query_map([year.map(|y| y.label())], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Option<u8>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<f64>>(5)?,
            ))
        })?;
        let mut groups: Vec<Group> = Vec::new();
        for row in rows {
            let (programme, level, school_year, label, measure, value) = row?;
            match groups.last_mut() {
                Some(g) if g.0 == programme && g.2 == school_year => g.4.push((measure, value)),
                _ => groups.push((programme, level, school_year, label, vec![(measure, value)])),
            }
        }
        let mut out = Vec::new();
        for (programme_id, level, school_year, year_label, mut measures) in groups {
            let Some(year) = SchoolYear::parse(&school_year) else {
                continue;
            };
            let order = |m: &str| inserjeunes::MEASURES.iter().position(|(c, _, _)| *c == m);
            measures.sort_by_key(|(m, _)| order(m));
            let results = self.programme_results(programme_id, year, as_of)?;
            let ours = |measure: &str| -> String {
                let figure = match measure {
                    "further_studies" => results.figure("further_studies", Timepoint::Month6),
                    "employment_6" => results.figure("insertion", Timepoint::Month6),
                    "employment_12" => results.figure("insertion", Timepoint::Month12),
                    _ => None,
                };
                match figure {
                    Some(f) => format!(
                        "{} ({} / {})",
                        f.rate.display, f.rate.numerator, f.rate.denominator
                    ),
                    None => "sans équivalent".to_string(),
                }
            };
            let unpublished = measures.iter().any(|(_, v)| v.is_none());
            let figures = measures
                .iter()
                .map(|(measure, value)| ComparedFigure {
                    label: inserjeunes::measure_label(measure).to_string(),
                    official: *value,
                    official_text: match value {
                        Some(v) if measure == "value_added_6" => {
                            format!("{} point(s)", crate::format::decimal(*v, 1))
                        }
                        Some(v) => {
                            format!("{} %", crate::format::decimal(*v, 1)).replace(' ', "\u{a0}")
                        }
                        None => "non publié".to_string(),
                    },
                    ours_text: ours(measure),
                    definition: inserjeunes::definition(measure).to_string(),
                })
                .collect();
            out.push(InserJeunesComparison {
                programme_id,
                programme_code: results.programme_code.clone(),
                programme_name: results.programme_name.clone(),
                school_year: year.label(),
                notes: inserjeunes::notes(&year_label, year, unpublished, level),
                year_label,
                figures,
            });
        }
        Ok(out)
    }
}
