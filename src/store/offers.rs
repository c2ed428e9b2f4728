//! Relayed offers (`relayed_offer`, with the filières they target).

use rusqlite::{params, Connection, Row};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::validate;

/// Separates codes inside one SQL value; never typed by people.
const UNIT_SEPARATOR: char = '\u{1f}';

fn offer_from_row(r: &Row<'_>) -> rusqlite::Result<RelayedOffer> {
    let programmes: Option<String> = r.get(8)?;
    Ok(RelayedOffer {
        id: r.get(0)?,
        offered_on: r.get(1)?,
        partner_id: r.get(2)?,
        source: r.get(3)?,
        title: r.get(4)?,
        contract: code(r, 5, OfferContract::from_code)?,
        channel: code(r, 6, OfferChannel::from_code)?,
        comment: r.get(7)?,
        programme_ids: programmes
            .map(|p| {
                p.split(UNIT_SEPARATOR)
                    .filter_map(|id| id.parse().ok())
                    .map(Id)
                    .collect()
            })
            .unwrap_or_default(),
    })
}

const OFFER_SELECT: &str = "SELECT o.id, o.offered_on, o.partner_id, o.source, o.title, o.contract, o.channel, o.comment,
        (SELECT group_concat(programme_id, char(31)) FROM
            (SELECT x.programme_id FROM offer_programme x WHERE x.offer_id = o.id ORDER BY x.programme_id)),
        coalesce(p.name, o.source, ''),
        (SELECT group_concat(code, char(31)) FROM
            (SELECT g.code FROM offer_programme x JOIN programme g ON g.id = x.programme_id
             WHERE x.offer_id = o.id ORDER BY g.code COLLATE NOCASE))
     FROM relayed_offer o LEFT JOIN partner p ON p.id = o.partner_id";

fn get_offer(conn: &Connection, id: Id) -> Result<RelayedOffer> {
    let sql = format!("{OFFER_SELECT} WHERE o.id = ?1");
    found(
        conn.query_row(&sql, [id], offer_from_row),
        "Offre relayée",
        id,
    )
}

/// « 2025-09 » → « sept. 2025 ».
fn month_label(year: i32, month: u32) -> String {
    const MONTHS: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    format!("{} {year}", MONTHS[(month as usize + 11) % 12])
}

impl Store {
    /// Offers matching `filter`, newest first, with their counts per month
    /// (September to August when a year is chosen) and per filière.
    pub fn list_offers(&self, filter: &OfferFilter) -> Result<OfferList> {
        let (from, to) = match filter.school_year {
            Some(year) => (Some(year.first_day()), Some(year.last_day())),
            None => (None, None),
        };
        let sql = format!(
            "{OFFER_SELECT}
             WHERE (?1 IS NULL OR o.offered_on >= ?1) AND (?2 IS NULL OR o.offered_on <= ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM offer_programme x WHERE x.offer_id = o.id AND x.programme_id = ?3))
             ORDER BY o.offered_on DESC, o.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows: Vec<OfferRow> = stmt
            .query_map(params![from, to, filter.programme_id], |r| {
                let codes: Option<String> = r.get(10)?;
                Ok(OfferRow {
                    offer: offer_from_row(r)?,
                    source_label: r.get(9)?,
                    programme_codes: codes
                        .map(|c| c.split(UNIT_SEPARATOR).map(str::to_owned).collect())
                        .unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_month: Vec<Count> = match filter.school_year {
            Some(year) => (0..12)
                .map(|i| {
                    let month = (8 + i) % 12 + 1;
                    let y = if month >= 9 {
                        year.start_year()
                    } else {
                        year.start_year() + 1
                    };
                    Count {
                        key: format!("{y}-{month:02}"),
                        label: month_label(y, month),
                        count: 0,
                    }
                })
                .collect(),
            None => Vec::new(),
        };
        let mut by_programme: Vec<Count> = Vec::new();
        for row in &rows {
            let date = row.offer.offered_on;
            let key = date.format("%Y-%m").to_string();
            match by_month.iter_mut().find(|c| c.key == key) {
                Some(c) => c.count += 1,
                None => by_month.push(Count {
                    label: month_label(
                        chrono::Datelike::year(&date),
                        chrono::Datelike::month(&date),
                    ),
                    key,
                    count: 1,
                }),
            }
            for code in &row.programme_codes {
                match by_programme.iter_mut().find(|c| &c.key == code) {
                    Some(c) => c.count += 1,
                    None => by_programme.push(Count {
                        key: code.clone(),
                        label: code.clone(),
                        count: 1,
                    }),
                }
            }
        }
        by_month.sort_by(|a, b| a.key.cmp(&b.key));
        by_programme.sort_by_key(|c| crate::format::fold(&c.key));
        Ok(OfferList {
            rows,
            by_month,
            by_programme,
        })
    }

    pub fn relayed_offer(&self, id: Id) -> Result<RelayedOffer> {
        get_offer(&self.conn, id)
    }

    pub fn save_relayed_offer(&mut self, input: &RelayedOfferInput) -> Result<RelayedOffer> {
        let offer = validate::check_relayed_offer(input)?;
        let id = self.batch(|w| w.save_relayed_offer(input.id, &offer))?;
        self.relayed_offer(id)
    }
}

impl Writer<'_> {
    pub fn save_relayed_offer(&self, id: Option<Id>, o: &NewRelayedOffer) -> Result<Id> {
        let tx = self.tx;
        if let Some(partner) = o.partner_id {
            ensure_exists(
                tx,
                "partner",
                partner,
                "partnerId",
                "Ce partenaire n’existe plus.",
            )?;
        }
        for &programme in &o.programme_ids {
            ensure_exists(
                tx,
                "programme",
                programme,
                "programmeIds",
                "Une des filières choisies n’existe plus.",
            )?;
        }
        let values = params![
            o.offered_on,
            o.partner_id,
            o.source,
            o.title,
            o.contract.code(),
            o.channel.code(),
            o.comment
        ];
        let id = match id {
            Some(id) => {
                get_offer(tx, id)?;
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE relayed_offer SET offered_on = ?1, partner_id = ?2, source = ?3, title = ?4,
                         contract = ?5, channel = ?6, comment = ?7 WHERE id = ?8",
                    values.as_slice(),
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO relayed_offer (offered_on, partner_id, source, title, contract, channel, comment)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    values,
                )?;
                Id(tx.last_insert_rowid())
            }
        };
        tx.execute("DELETE FROM offer_programme WHERE offer_id = ?1", [id])?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO offer_programme (offer_id, programme_id) VALUES (?1, ?2)",
        )?;
        for p in &o.programme_ids {
            insert.execute([id, *p])?;
        }
        Ok(id)
    }
}
