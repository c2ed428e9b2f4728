// The « dossier individuel » (indicator 14): the header, the chronology in
// date order with its chips by kind, each section oldest first with labels
// from the reference lists, printing through the core (progress, then the
// file's name and pages, then « Ouvrir le PDF »), and the two ways in: the
// apprentice's panel (a tab) and « Suivi individuel » (a wide panel).
import { describe, expect, it } from 'vitest';

// Whole panels with axe: slow on a loaded machine.
const SLOW = 30_000;
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import ApprenticeFileView from '../lib/components/record/file/ApprenticeFile.svelte';
import ApprenticeForm from '../lib/features/apprentices/ApprenticeForm.svelte';
import FollowUpsPage from '../lib/features/followups/FollowUpsPage.svelte';
import type { Apprentice } from '../lib/api/generated/Apprentice';
import type { ApprenticeFile } from '../lib/api/generated/ApprenticeFile';
import type { ApprenticeRow } from '../lib/api/generated/ApprenticeRow';
import type { WrittenDocument } from '../lib/api/generated/WrittenDocument';
import { axeViolations, cohorts, find, renderWithApp, settle, staff, type Handler } from './fixtures';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const noop = () => {};
// Collapses the layout's spaces, keeps the no-break ones French typography asks for.
const text = (element: Element | null | undefined) => element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const all = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];

const lea: Apprentice = {
  id: 5, cohortId: 1, firstName: 'Léa', lastName: 'Martin', birthDate: '2005-03-14', email: null, phone: null, employer: 'Boulangerie Petit', employerSiret: null,
  contractStart: '2024-09-02', contractEnd: '2026-06-30', status: 'graduated', exitDate: '2026-07-03', referentId: 1,
};

/** A file with every kind of entry; the lists arrive out of order (the screen sorts, keeping a day's order). */
function fixture(): ApprenticeFile {
  return {
    apprentice: lea,
    cohortLabel: 'BTS MCO 2024-2026',
    cohortStart: '2024-09-02',
    cohortEnd: '2026-06-30',
    programmeCode: 'BTS MCO',
    programmeTitle: 'Management commercial opérationnel',
    referents: [
      { id: 11, apprenticeId: 5, staffId: 1, staffName: 'Sophie Lefèvre', startDate: '2026-01-05', endDate: null },
      { id: 10, apprenticeId: 5, staffId: 4, staffName: 'Nathalie Perrot', startDate: '2024-09-02', endDate: '2026-01-05' },
    ],
    actions: [
      {
        actionId: 32, kind: 'cv_workshop', title: 'Atelier CV — printemps', startDate: '2026-03-12', indicator14: true, indicator29: true,
        present: true, signed: true, scale: 'out_of_20', before: 9, after: 14, evaluation: `9/20 → 14/20 (+5${NBSP}points)`,
      },
      {
        actionId: 30, kind: 'mentoring', title: 'Mentorat de rentrée', startDate: '2024-10-08', indicator14: true, indicator29: false,
        present: false, signed: false, scale: null, before: null, after: null, evaluation: null,
      },
      {
        actionId: 31, kind: 'job_dating', title: 'Job dating commerce', startDate: '2025-11-20', indicator14: false, indicator29: true,
        present: true, signed: false, scale: null, before: null, after: null, evaluation: null,
      },
    ],
    followUps: [
      {
        id: 901, apprenticeId: 5, kind: 'end_of_cycle', heldOn: '2026-06-20', staffId: 1, staffName: 'Sophie Lefèvre', topics: [],
        findings: 'Diplôme obtenu.', nextSteps: null, impact: 'Le job dating lui a permis de trouver son employeur.', project: 'CDI chez son employeur.',
      },
      {
        id: 900, apprenticeId: 5, kind: 'monthly_review', heldOn: '2025-10-06', staffId: null, staffName: null, topics: ['administrative', 'social'],
        findings: 'Retard de transport répété.', nextSteps: 'Voir l’aide au permis.', impact: null, project: null,
      },
    ],
    surveys: [
      {
        id: 71, apprenticeId: 5, timepoint: 'm6', surveyedOn: '2027-01-10', method: 'email', situation: 'school_studies', contract: null,
        inTargetJob: false, studyType: 'licence_pro', institution: 'IUT Lyon 1', comment: null,
      },
      {
        id: 70, apprenticeId: 5, timepoint: 'exit', surveyedOn: '2026-07-03', method: 'phone', situation: 'employed', contract: 'cdi',
        inTargetJob: true, studyType: null, institution: null, comment: 'Embauchée par son maître d’apprentissage.',
      },
    ],
    timeline: [
      { date: '2026-07-03', kind: 'exit', label: 'Sortie du CFA', detail: 'Diplômé(e)', recordId: null },
      { date: '2024-09-02', kind: 'training', label: 'Entrée en formation', detail: 'Promo BTS MCO 2024-2026 (Management commercial opérationnel)', recordId: 1 },
      { date: '2024-09-02', kind: 'contract', label: 'Début du contrat d’apprentissage', detail: 'Boulangerie Petit, jusqu’au 30/06/2026', recordId: null },
      { date: '2024-09-02', kind: 'referent', label: 'Référent désigné', detail: 'Nathalie Perrot', recordId: 4 },
      { date: '2024-10-08', kind: 'action', label: `Mentorat (jumelage)${NBSP}: Mentorat de rentrée`, detail: 'Absent(e)', recordId: 30 },
      { date: '2025-10-06', kind: 'follow_up', label: 'Point mensuel', detail: 'administratif, social — Retard de transport répété.', recordId: 900 },
      { date: '2025-11-20', kind: 'action', label: `Job dating / forum / salon${NBSP}: Job dating commerce`, detail: 'Présent(e), sans signature', recordId: 31 },
      { date: '2026-01-05', kind: 'referent', label: 'Changement de référent', detail: 'Sophie Lefèvre', recordId: 1 },
      { date: '2026-03-12', kind: 'action', label: `Atelier CV / lettre de motivation${NBSP}: Atelier CV — printemps`, detail: `Présent(e), a signé — 9/20 → 14/20 (+5${NBSP}points)`, recordId: 32 },
      { date: '2026-06-20', kind: 'follow_up', label: 'Entretien de fin de parcours', detail: 'avec Sophie Lefèvre — CDI chez son employeur.', recordId: 901 },
      { date: '2027-01-10', kind: 'survey', label: 'Questionnaire de sortie — À 6 mois', detail: 'Poursuite d’études (voie scolaire) — IUT Lyon 1', recordId: 71 },
      { date: '2026-07-03', kind: 'survey', label: 'Questionnaire de sortie — À la sortie', detail: 'En emploi (CDI)', recordId: 70 },
    ],
    participation: { numerator: 2, denominator: 3, percent: 66.66666666666667, display: `66,7${NNBSP}%`, method: 'Actions où l’apprenti(e) était présent(e) sur actions où il (elle) était invité(e).' },
  };
}

const written: WrittenDocument = { fileName: 'dossier-individuel-martin-lea-2026-11-12.pdf', pages: 3, bytes: 48213 };

function core(file: ApprenticeFile = fixture(), extra: Handler = () => null): Handler {
  return (cmd, args) => {
    if (cmd === 'get_apprentice_file') return file;
    if (cmd === 'get_referent_history') return [...file.referents].sort((a, b) => a.startDate.localeCompare(b.startDate));
    return extra(cmd, args);
  };
}

async function openFile(handler: Handler = core()) {
  const result = renderWithApp(ApprenticeFileView, { apprenticeId: 5 }, handler);
  await find('[data-testid="file-timeline"]');
  return result;
}

const timelineKinds = () => all('[data-testid="file-timeline"] > li').map((li) => li.dataset.kind);
const timelineDates = () => all('[data-testid="file-timeline"] .entry-date').map((el) => el.textContent);
const notes = (entry: Element) => [...entry.querySelectorAll('.notes > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]);
const chip = (filter: string) => document.querySelector<HTMLButtonElement>(`[data-filter="${filter}"]`)!;

describe('the « dossier individuel »', () => {
  it('shows the header: filière, promo with its dates, current référent, contract, situation, participation', async () => {
    const { calls } = await openFile();
    expect(calls.find((c) => c.cmd === 'get_apprentice_file')!.args).toEqual({ apprenticeId: 5 });
    const root = screen.getByTestId('apprentice-file');
    expect(text(root.querySelector('.file-name'))).toBe('Léa Martin');
    const facts = Object.fromEntries([...root.querySelectorAll('.facts > div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(facts).toEqual({
      Filière: 'BTS MCO — Management commercial opérationnel',
      Promo: 'BTS MCO 2024-2026 (du 02/09/2024 au 30/06/2026)',
      'Référent actuel': 'Sophie Lefèvre',
      Employeur: 'Boulangerie Petit',
      Contrat: 'du 02/09/2024 au 30/06/2026',
      Situation: 'Diplômé(e), sorti(e) le 03/07/2026',
      'Participation aux actions': `2 actions sur 3 (66,7${NNBSP}%)`,
    });
    expect(screen.getByTestId('file-participation').getAttribute('title')).toContain('présent(e) sur actions');
    // The reminder written for follow-ups: notes about a person stay factual.
    expect(text(root.querySelector('.gdpr-note'))).toBe(`Restez factuel${NBSP}: ce texte décrit des faits, il peut être lu par l’apprenti(e) et l’auditeur.`);
  });

  it('lists the chronology in date order, each entry with its date, a word for its kind, label and detail', async () => {
    const { container } = await openFile();
    expect(timelineKinds()).toEqual(['training', 'contract', 'referent', 'action', 'follow_up', 'action', 'referent', 'action', 'follow_up', 'exit', 'survey', 'survey']);
    expect(timelineDates()).toEqual([
      '02/09/2024', '02/09/2024', '02/09/2024', '08/10/2024', '06/10/2025', '20/11/2025', '05/01/2026', '12/03/2026', '20/06/2026', '03/07/2026', '03/07/2026', '10/01/2027',
    ]);
    const words = all('[data-testid="file-timeline"] .entry-kind').map(text);
    expect(words.slice(0, 5)).toEqual(['Formation', 'Contrat', 'Référent', 'Action', 'Suivi']);
    expect(words.slice(9)).toEqual(['Sortie', 'Questionnaire', 'Questionnaire']);
    const exitSurvey = all('[data-testid="file-timeline"] > li')[10];
    expect(text(exitSurvey.querySelector('.entry-label'))).toBe('Questionnaire de sortie — À la sortie');
    expect(text(exitSurvey.querySelector('.entry-detail'))).toBe('En emploi (CDI)');
    expect(screen.getByText('12 événements')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  }, SLOW);

  it('filters the chronology with the chips, and counts each kind', async () => {
    await openFile();
    expect(all('[data-filter]').map(text)).toEqual(['Tout 12', 'Parcours 3', 'Référents 2', 'Actions 3', 'Suivis 2', 'Questionnaires 2']);
    expect(chip('all').getAttribute('aria-pressed')).toBe('true');

    await fireEvent.click(chip('action'));
    expect(chip('action').getAttribute('aria-pressed')).toBe('true');
    expect(chip('all').getAttribute('aria-pressed')).toBe('false');
    expect(timelineKinds()).toEqual(['action', 'action', 'action']);
    expect(timelineDates()).toEqual(['08/10/2024', '20/11/2025', '12/03/2026']);
    expect(screen.getByText('3 événements')).toBeTruthy();

    await fireEvent.click(chip('follow_up'));
    expect(timelineKinds()).toEqual(['follow_up', 'follow_up']);
    await fireEvent.click(chip('referent'));
    expect(all('[data-testid="file-timeline"] .entry-detail').map(text)).toEqual(['Nathalie Perrot', 'Sophie Lefèvre']);
    await fireEvent.click(chip('path'));
    expect(timelineKinds()).toEqual(['training', 'contract', 'exit']);
    await fireEvent.click(chip('survey'));
    expect(timelineKinds()).toEqual(['survey', 'survey']);
    await fireEvent.click(chip('all'));
    expect(timelineKinds()).toHaveLength(12);
  });

  it('disables the chip of a kind the file does not have', async () => {
    const file = fixture();
    file.surveys = [];
    file.timeline = file.timeline.filter((e) => e.kind !== 'survey');
    await openFile(core(file));
    expect(chip('survey').disabled).toBe(true);
    expect(text(chip('survey'))).toBe('Questionnaires 0');
    expect(chip('action').disabled).toBe(false);
    expect(text(screen.getByTestId('file-surveys'))).toContain('Aucun questionnaire de sortie pour le moment.');
  });

  it('shows the référents, actions, follow-ups and questionnaires oldest first, with labels from the reference lists', async () => {
    await openFile();
    const referents = all('[data-testid="file-referents"] tbody tr').map((tr) => [...tr.querySelectorAll('td')].map(text));
    expect(referents).toEqual([
      ['Nathalie Perrot', '02/09/2024', '05/01/2026'],
      ['Sophie Lefèvre', '05/01/2026', 'en cours'],
    ]);
    expect([...screen.getByTestId('file-referents').querySelectorAll('th')].map(text)).toEqual(['Référent', 'Du', 'Au']);

    const actions = screen.getByTestId('file-actions');
    expect([...actions.querySelectorAll('th')].map(text)).toEqual(['Date', 'Action', 'Ind. 14/29', 'Présence', 'Évaluation']);
    const rows = [...actions.querySelectorAll<HTMLElement>('tbody tr')];
    expect(rows.map((tr) => tr.dataset.id)).toEqual(['30', '31', '32']);
    expect(rows.map((tr) => [...tr.querySelectorAll('td')].map(text))).toEqual([
      ['08/10/2024', 'Mentorat de rentrée Mentorat (jumelage)', '14', 'Absent(e)', '—'],
      ['20/11/2025', 'Job dating commerce Job dating / forum / salon', '29', 'Présent(e) / sans signature', '—'],
      ['12/03/2026', 'Atelier CV — printemps Atelier CV / lettre de motivation', '14 29', 'Présent(e) / a signé', `9/20 → 14/20 (+5${NBSP}points)`],
    ]);
    expect(rows.map((tr) => [tr.dataset.present, tr.dataset.signed])).toEqual([['false', 'false'], ['true', 'false'], ['true', 'true']]);
    expect(text(actions.querySelector('.block-head .count'))).toBe(`2 actions sur 3 (66,7${NNBSP}%)`);

    const followUps = all('[data-testid="file-followups"] [data-follow-up]');
    expect(followUps.map((li) => li.dataset.followUp)).toEqual(['900', '901']);
    expect(text(followUps[0].querySelector('.followup-head'))).toBe(`06/10/2025 Point mensuel mené par le référent à cette date Thèmes${NBSP}: Administratif Social`);
    expect(notes(followUps[0])).toEqual([['Constats', 'Retard de transport répété.'], ['Suites à donner', 'Voir l’aide au permis.']]);
    expect(text(followUps[1].querySelector('.followup-head'))).toBe('20/06/2026 Entretien de fin de parcours mené par Sophie Lefèvre');
    expect(notes(followUps[1])).toEqual([
      ['Constats', 'Diplôme obtenu.'],
      ['Ce que les actions ont apporté', 'Le job dating lui a permis de trouver son employeur.'],
      ['Projet après le diplôme', 'CDI chez son employeur.'],
    ]);

    const surveys = screen.getByTestId('file-surveys');
    expect([...surveys.querySelectorAll('th')].map(text)).toEqual(['Échéance', 'Date de recueil', 'Mode de recueil', 'Situation', 'Précisions']);
    expect([...surveys.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text))).toEqual([
      ['À la sortie', '03/07/2026', 'Téléphone', 'En emploi', 'CDI · dans le métier visé · Embauchée par son maître d’apprentissage.'],
      ['À 6 mois', '10/01/2027', 'E-mail', 'Poursuite d’études (voie scolaire)', 'Licence professionnelle · IUT Lyon 1'],
    ]);
  });

  it('shows the core’s message and tries again', async () => {
    let fail = true;
    const { calls } = renderWithApp(ApprenticeFileView, { apprenticeId: 5 }, (cmd) => {
      if (cmd === 'get_apprentice_file' && fail) throw { code: 'not_found', message: 'Cet(te) apprenti(e) n’existe plus.', fields: [] };
      return fixture();
    });
    const alert = await screen.findByRole('alert');
    expect(text(alert)).toContain(`Le dossier individuel n’a pas pu être chargé${NBSP}: Cet(te) apprenti(e) n’existe plus.`);
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await find('[data-testid="file-timeline"]');
    expect(calls.filter((c) => c.cmd === 'get_apprentice_file')).toHaveLength(2);
  });
});

describe('printing the file', () => {
  it('shows progress, then the file’s name and pages, then opens it', async () => {
    let finish: (doc: WrittenDocument) => void = noop;
    const { calls, store } = await openFile(
      core(fixture(), (cmd) => {
        if (cmd === 'export_apprentice_file') return new Promise<WrittenDocument>((resolve) => (finish = resolve));
        if (cmd === 'open_export') return null;
        return null;
      }),
    );
    const print = document.querySelector<HTMLButtonElement>('[data-action="print-file"]')!;
    expect(text(print)).toBe('Imprimer le dossier (PDF)');
    expect(document.querySelector('[data-action="open-file"]')).toBeNull();

    await fireEvent.click(print);
    await waitFor(() => expect(print.disabled).toBe(true));
    expect(text(print)).toBe('Impression…');
    expect(calls.find((c) => c.cmd === 'export_apprentice_file')!.args).toEqual({ apprenticeId: 5 });
    // A second click while printing asks nothing more.
    await fireEvent.click(print);
    expect(calls.filter((c) => c.cmd === 'export_apprentice_file')).toHaveLength(1);

    finish(written);
    await waitFor(() => expect(print.disabled).toBe(false));
    expect(text(print)).toBe('Imprimer le dossier (PDF)');
    expect(store.toasts.items).toEqual([
      { id: expect.any(Number), kind: 'success', message: `Dossier individuel enregistré dans Exports${NBSP}: dossier-individuel-martin-lea-2026-11-12.pdf (3 pages)` },
    ]);
    expect(text(screen.getByTestId('file-written'))).toBe(`Exports${NBSP}: dossier-individuel-martin-lea-2026-11-12.pdf (3 pages)`);

    const open = await find<HTMLButtonElement>('[data-action="open-file"]');
    expect(text(open)).toBe('Ouvrir le PDF');
    await fireEvent.click(open);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'open_export')).toBe(true));
    expect(calls.find((c) => c.cmd === 'open_export')!.args).toEqual({ fileName: 'dossier-individuel-martin-lea-2026-11-12.pdf' });
    expect(await axeViolations(document.body)).toEqual([]);
  }, SLOW);

  it('says « 1 page » for a one-page file', async () => {
    const { store } = await openFile(core(fixture(), (cmd) => (cmd === 'export_apprentice_file' ? { ...written, pages: 1 } : null)));
    await fireEvent.click(document.querySelector('[data-action="print-file"]')!);
    await waitFor(() => expect(store.toasts.items).toHaveLength(1));
    expect(store.toasts.items[0].message).toMatch(/\(1 page\)$/);
  });

  it('shows the core’s message when the PDF cannot be written or opened', async () => {
    let openFails = false;
    const { store } = await openFile(
      core(fixture(), (cmd) => {
        if (cmd === 'export_apprentice_file' && !openFails) throw { code: 'io', message: 'Le dossier Exports n’est pas accessible en écriture.', fields: [] };
        if (cmd === 'export_apprentice_file') return written;
        if (cmd === 'open_export') throw { code: 'io', message: 'Aucune application ne sait ouvrir ce PDF.', fields: [] };
        return null;
      }),
    );
    const print = document.querySelector<HTMLButtonElement>('[data-action="print-file"]')!;
    await fireEvent.click(print);
    await waitFor(() => expect(store.toasts.items).toHaveLength(1));
    expect(store.toasts.items[0]).toMatchObject({ kind: 'error', message: 'Le dossier Exports n’est pas accessible en écriture.' });
    expect(print.disabled).toBe(false);
    expect(document.querySelector('[data-action="open-file"]')).toBeNull();

    openFails = true;
    await fireEvent.click(print);
    await fireEvent.click(await find('[data-action="open-file"]'));
    await waitFor(() => expect(store.toasts.items.some((t) => t.message === 'Aucune application ne sait ouvrir ce PDF.')).toBe(true));
  });
});

describe('ways into the file', () => {
  it('is a tab of a saved apprentice’s panel, which widens for it', async () => {
    const { calls } = renderWithApp(ApprenticeForm, { apprentice: lea, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop }, core(fixture(), (cmd) => (cmd === 'save_apprentice' ? lea : null)));
    const tab = await find<HTMLButtonElement>('[data-tab="file"]');
    expect(text(tab)).toBe('Dossier individuel');
    expect(document.querySelector('[data-tab="record"]')!.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('#field-lastName')).not.toBeNull();
    expect(document.querySelector('.panel-wide')).toBeNull();
    expect(calls.some((c) => c.cmd === 'get_apprentice_file')).toBe(false);

    await fireEvent.click(tab);
    await find('[data-testid="file-timeline"]');
    expect(calls.find((c) => c.cmd === 'get_apprentice_file')!.args).toEqual({ apprenticeId: 5 });
    expect(document.querySelector('.panel-wide')).not.toBeNull();
    expect(document.querySelector('#field-lastName')).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);

    // Saving from the file's tab brings the form back first.
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_apprentice')).toBe(true));
    expect(document.querySelector('[data-tab="record"]')!.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('#field-lastName')).not.toBeNull();
  }, SLOW);

  it('has no tab for an apprentice not saved yet', async () => {
    renderWithApp(ApprenticeForm, { apprentice: null, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop });
    await settle();
    expect(document.querySelector('[data-tab="file"]')).toBeNull();
    expect(document.querySelector('#field-lastName')).not.toBeNull();
  });

  it('opens from « Suivi individuel » for the apprentice shown, and closes with Échap', async () => {
    const row: ApprenticeRow = {
      id: 5, cohortId: 1, cohortLabel: 'BTS MCO 2024-2026', programmeId: 1, programmeCode: 'BTS MCO', referentName: 'Sophie Lefèvre',
      firstName: 'Léa', lastName: 'Martin', birthDate: null, email: null, phone: null, employer: null, employerSiret: null, contractStart: null, contractEnd: null,
      status: 'graduated', exitDate: '2026-07-03', referentId: 1,
    };
    const { calls } = renderWithApp(FollowUpsPage, {}, core(fixture(), (cmd) => {
      if (cmd === 'get_overdue') return { asOf: '2026-11-12', afterDays: 35, inTraining: 0, rows: [] };
      if (cmd === 'list_apprentices') return [row];
      if (cmd === 'list_staff') return staff;
      if (cmd === 'list_follow_ups') return fixture().followUps;
      return null;
    }));
    // No apprentice chosen: no link.
    await settle();
    expect(document.querySelector('[data-action="open-file-view"]')).toBeNull();

    const picker = await find<HTMLInputElement>('#field-followup-apprentice');
    picker.focus();
    await fireEvent.keyDown(picker, { key: 'm' });
    await fireEvent.input(picker, { target: { value: 'martin' } });
    await settle();
    await fireEvent.keyDown(picker, { key: 'Enter' });
    const link = await find<HTMLButtonElement>('[data-action="open-file-view"]');
    expect(text(link)).toBe('Ouvrir le dossier individuel');

    link.focus();
    await fireEvent.click(link);
    await find('[data-testid="apprentice-file"] [data-testid="file-timeline"]');
    expect(calls.find((c) => c.cmd === 'get_apprentice_file')!.args).toEqual({ apprenticeId: 5 });
    expect(text(document.querySelector('.panel-wide .panel-title'))).toBe('Dossier individuel — Léa Martin');
    expect(await axeViolations(document.body)).toEqual([]);

    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('[data-testid="apprentice-file"]')).toBeNull());
    expect(document.activeElement).toBe(link);
  }, SLOW);
});
