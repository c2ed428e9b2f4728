//! Partners and their signed agreements.

use rusqlite::{params, Connection, Row};

use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::format::fold;
use crate::model::*;
use crate::validate;

const PARTNER_COLUMNS: &str =
    "p.id, p.name, p.kind, p.contact_name, p.contact_email, p.contact_phone, p.city, p.notes";

fn partner_from_row(r: &Row<'_>) -> rusqlite::Result<Partner> {
    Ok(Partner {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: code(r, 2, PartnerKind::from_code)?,
        contact_name: r.get(3)?,
        contact_email: r.get(4)?,
        contact_phone: r.get(5)?,
        city: r.get(6)?,
        notes: r.get(7)?,
    })
}

fn agreement_from_row(r: &Row<'_>) -> rusqlite::Result<Agreement> {
    Ok(Agreement {
        id: r.get(0)?,
        partner_id: r.get(1)?,
        title: r.get(2)?,
        signed_on: r.get(3)?,
        valid_until: r.get(4)?,
    })
}

fn get_partner(conn: &Connection, id: Id) -> Result<Partner> {
    let sql = format!("SELECT {PARTNER_COLUMNS} FROM partner p WHERE p.id = ?1");
    found(
        conn.query_row(&sql, [id], partner_from_row),
        "Partenaire",
        id,
    )
}

fn get_agreement(conn: &Connection, id: Id) -> Result<Agreement> {
    found(
        conn.query_row(
            "SELECT id, partner_id, title, signed_on, valid_until FROM agreement WHERE id = ?1",
            [id],
            agreement_from_row,
        ),
        "Convention",
        id,
    )
}

impl Store {
    /// Partners by name, with agreements and co-organised actions counted.
    pub fn list_partners(&self) -> Result<Vec<PartnerRow>> {
        let sql = format!(
            "SELECT {PARTNER_COLUMNS},
                (SELECT count(*) FROM agreement g WHERE g.partner_id = p.id),
                (SELECT count(*) FROM action_partner x WHERE x.partner_id = p.id AND x.role = 'co_organiser'),
                (SELECT max(a.start_date) FROM action a JOIN action_partner x ON x.action_id = a.id
                  WHERE x.partner_id = p.id)
             FROM partner p ORDER BY p.name COLLATE NOCASE"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(PartnerRow {
                partner: partner_from_row(r)?,
                agreement_count: r.get(8)?,
                co_organised_count: r.get(9)?,
                last_action_date: r.get(10)?,
            })
        })?;
        let mut rows: Vec<PartnerRow> = rows.collect::<rusqlite::Result<_>>()?;
        rows.sort_by_cached_key(|row| (fold(&row.partner.name), row.partner.id));
        Ok(rows)
    }

    pub fn partner(&self, id: Id) -> Result<Partner> {
        get_partner(&self.conn, id)
    }

    /// A partner with its agreements and the actions it took part in.
    pub fn partner_detail(&self, id: Id) -> Result<PartnerDetail> {
        let partner = self.partner(id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, partner_id, title, signed_on, valid_until FROM agreement
             WHERE partner_id = ?1 ORDER BY signed_on DESC, id DESC",
        )?;
        let agreements = stmt
            .query_map([id], agreement_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let actions = self.list_actions(&ActionFilter {
            partner_id: Some(id),
            ..Default::default()
        })?;
        Ok(PartnerDetail {
            partner,
            agreements,
            actions,
        })
    }

    pub fn save_partner(&mut self, input: &PartnerInput) -> Result<Partner> {
        let p = validate::check_partner(input)?;
        let id = self.batch(|w| w.save_partner(input.id, &p))?;
        self.partner(id)
    }

    pub fn save_agreement(&mut self, input: &AgreementInput) -> Result<Agreement> {
        let g = validate::check_agreement(input)?;
        let id = self.batch(|w| w.save_agreement(input.id, &g))?;
        get_agreement(&self.conn, id)
    }
}

impl Writer<'_> {
    /// Writes a checked `NewPartner` (`id` empty creates it); returns its id.
    pub fn save_partner(&self, id: Option<Id>, p: &NewPartner) -> Result<Id> {
        let tx = self.tx;
        let values = params![
            p.name,
            p.kind.code(),
            p.contact_name,
            p.contact_email,
            p.contact_phone,
            p.city,
            p.notes
        ];
        match id {
            Some(id) => {
                get_partner(tx, id)?;
                let mut values = values.to_vec();
                values.push(&id);
                tx.execute(
                    "UPDATE partner SET name = ?1, kind = ?2, contact_name = ?3, contact_email = ?4,
                         contact_phone = ?5, city = ?6, notes = ?7 WHERE id = ?8",
                    values.as_slice(),
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO partner (name, kind, contact_name, contact_email, contact_phone, city, notes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    values,
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }

    /// Writes a checked `NewAgreement` (`id` empty creates it); returns its id.
    pub fn save_agreement(&self, id: Option<Id>, g: &NewAgreement) -> Result<Id> {
        let tx = self.tx;
        ensure_exists(
            tx,
            "partner",
            g.partner_id,
            "partnerId",
            "Ce partenaire n’existe plus.",
        )?;
        match id {
            Some(id) => {
                get_agreement(tx, id)?;
                tx.execute(
                    "UPDATE agreement SET partner_id = ?1, title = ?2, signed_on = ?3, valid_until = ?4
                     WHERE id = ?5",
                    params![g.partner_id, g.title, g.signed_on, g.valid_until, id],
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
                    "INSERT INTO agreement (partner_id, title, signed_on, valid_until) VALUES (?1, ?2, ?3, ?4)",
                    params![g.partner_id, g.title, g.signed_on, g.valid_until],
                )?;
                Ok(Id(tx.last_insert_rowid()))
            }
        }
    }
}
