// The integrity report in groups a person can act on: each kind of problem
// with its count, a sentence saying what it means and what to do, and one
// line per file or proof. Pure, so it is tested without a window.
import type { CheckReport } from '../../api/generated/CheckReport';
import type { ProofUse } from '../../api/generated/ProofUse';
import type { MessageKey } from '../../i18n';

export type ProblemGroup = { key: string; title: MessageKey; hint: MessageKey; items: string[] };

/** Healthy: SQLite says « ok », no broken link, every proof file as stored. */
export function isHealthy(report: CheckReport): boolean {
  const p = report.proofs;
  return (
    report.integrity.length === 1 &&
    report.integrity[0] === 'ok' &&
    report.foreignKeyProblems === 0 &&
    p.missing.length + p.altered.length + p.orphans.length + p.leftovers.length + p.dangling.length === 0
  );
}

/** The groups that have something to say, worst first. `use` names a proof's record. */
export function checkProblems(report: CheckReport, use: (u: ProofUse) => string): ProblemGroup[] {
  const p = report.proofs;
  const files = (list: { storedName: string; proofs: ProofUse[] }[]) =>
    list.map((f) => `${f.storedName} — ${f.proofs.map(use).join(', ')}`);
  const groups: ProblemGroup[] = [
    { key: 'missing', title: 'data.check.missing', hint: 'data.check.missingHint', items: files(p.missing) },
    { key: 'altered', title: 'data.check.altered', hint: 'data.check.alteredHint', items: files(p.altered) },
    { key: 'dangling', title: 'data.check.dangling', hint: 'data.check.danglingHint', items: p.dangling.map(use) },
    { key: 'orphans', title: 'data.check.orphans', hint: 'data.check.orphansHint', items: [...p.orphans] },
    { key: 'leftovers', title: 'data.check.leftovers', hint: 'data.check.leftoversHint', items: [...p.leftovers] },
  ];
  return groups.filter((g) => g.items.length > 0);
}
