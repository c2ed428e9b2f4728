//! The writer of the crash test (`tremplin write-loop`): each round saves a
//! partner, then attaches a proof to it, and prints a line once each commit
//! has returned — so a test that kills the process knows exactly which
//! writes SQLite promised to keep.

use std::io::Write;

use super::Draw;
use crate::error::{Error, Result};
use crate::model::{PartnerInput, ProofInput};
use crate::Store;

/// Runs `rounds` rounds (or until killed), printing `partner ID` then
/// `proof ID SHA256` after each commit. Proof sizes vary (1 KiB to 128 KiB)
/// so kills land inside file writes too.
pub fn write_loop(store: &mut Store, rounds: u32, seed: u64, out: &mut impl Write) -> Result<()> {
    let mut draw = Draw(seed);
    let stdout_error = |e| Error::io("<stdout>", e);
    for round in 0..rounds {
        let partner = store.save_partner(&PartnerInput {
            name: format!("Partenaire d’essai {seed}-{round}"),
            kind: "employer".into(),
            ..Default::default()
        })?;
        writeln!(out, "partner {}", partner.id.0).map_err(stdout_error)?;
        out.flush().map_err(stdout_error)?;
        let size = 1024 + draw.below(127 * 1024);
        let mut bytes = Vec::with_capacity(size);
        bytes.extend_from_slice(b"PK\x03\x04");
        while bytes.len() < size {
            bytes.extend_from_slice(&draw.next().to_le_bytes());
        }
        let proof = store.attach_proof(
            &ProofInput {
                record_kind: "partner".into(),
                record_id: partner.id,
                kind: "agreement".into(),
                title: format!("Convention {round}"),
                date: String::new(),
            },
            &format!("convention-{round}.docx"),
            &bytes,
            chrono::Local::now().naive_local(),
        )?;
        writeln!(out, "proof {} {}", proof.id.0, proof.file.sha256).map_err(stdout_error)?;
        out.flush().map_err(stdout_error)?;
    }
    Ok(())
}
