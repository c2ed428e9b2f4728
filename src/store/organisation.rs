//! The CFA's own record (one row, id 1).

use rusqlite::{params, Connection, OptionalExtension};

use super::{Store, Writer};
use crate::error::Result;
use crate::model::{Organisation, OrganisationInput};
use crate::validate;

impl Store {
    /// The CFA, or `None` on a database where it was never created.
    pub fn organisation(&self) -> Result<Option<Organisation>> {
        load(&self.conn)
    }

    /// Creates or updates the CFA.
    pub fn save_organisation(&mut self, input: &OrganisationInput) -> Result<Organisation> {
        let o = validate::check_organisation(input)?;
        self.batch(|w| w.save_organisation(&o))?;
        Ok(o)
    }
}

impl Writer<'_> {
    pub fn save_organisation(&self, o: &Organisation) -> Result<()> {
        self.tx.execute(
            "INSERT INTO organisation (id, name, siret, uai, nda, address, postal_code, city)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET name = ?1, siret = ?2, uai = ?3, nda = ?4,
                 address = ?5, postal_code = ?6, city = ?7",
            params![
                o.name,
                o.siret,
                o.uai,
                o.nda,
                o.address,
                o.postal_code,
                o.city
            ],
        )?;
        Ok(())
    }
}

/// The CFA's row, read inside or outside a transaction.
pub(super) fn load(conn: &Connection) -> Result<Option<Organisation>> {
    Ok(conn
        .query_row(
            "SELECT name, siret, uai, nda, address, postal_code, city FROM organisation WHERE id = 1",
            [],
            |r| {
                Ok(Organisation {
                    name: r.get(0)?,
                    siret: r.get(1)?,
                    uai: r.get(2)?,
                    nda: r.get(3)?,
                    address: r.get(4)?,
                    postal_code: r.get(5)?,
                    city: r.get(6)?,
                })
            },
        )
        .optional()?)
}
