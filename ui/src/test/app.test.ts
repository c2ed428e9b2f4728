// The window as a whole: first start (demo, organisation form), shell, dashboard, guard, axe.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import { AppStore } from '../lib/state/app.svelte';
import { appState, axeViolations, find, renderWithApp, reference, settle, validationError } from './fixtures';
import type { AppState } from '../lib/api/generated/AppState';
import type { Dashboard } from '../lib/api/generated/Dashboard';

const rate = (numerator: number, denominator: number, display: string) => ({ numerator, denominator, percent: denominator ? (numerator * 100) / denominator : null, display, method: 'Présents ÷ invités.' });

const dashboard: Dashboard = {
  schoolYear: '2025-2026',
  programmeCount: 3,
  cohortCount: 5,
  apprenticeCount: 124,
  staffCount: 8,
  partnerCount: 12,
  actionCount: 14,
  action14Count: 9,
  action29Count: 8,
  distinctKinds29: 2,
  participation: rate(160, 220, '72,7\u202f%'),
  accompanied: rate(16, 22, '72,7\u202f%'),
  dormantPartnerCount: 3,
  overdueFollowUpCount: 4,
  overdueCorrectiveActions: [],
  recentActions: [],
  results: [],
  previousResults: [],
};

/** The demo's years include the current one, but it opens on the one with actions. */
const demoState: AppState = { ...appState, schoolYears: ['2026-2027', '2025-2026', '2024-2025'], defaultSchoolYear: '2025-2026' };
const emptyState: AppState = { ...appState, organisation: null, schoolYears: ['2026-2027', '2025-2026'], defaultSchoolYear: '2026-2027' };

function ipc(state: AppState) {
  let current = state;
  const handler = (cmd: string) => {
    switch (cmd) {
      case 'get_app_state':
        return current;
      case 'get_reference_data':
        return reference;
      case 'create_demo':
        current = demoState;
        return demoState;
      case 'get_dashboard':
        return dashboard;
      default:
        return [];
    }
  };
  return handler;
}

describe('first start', () => {
  it('offers the demonstration CFA and calls create_demo, then opens the dashboard', async () => {
    const { calls } = renderWithApp(App, { store: new AppStore() }, ipc(emptyState), new AppStore());
    const demo = await screen.findByRole('button', { name: 'Explorer avec un CFA de démonstration' });
    expect(demo.getAttribute('data-action')).toBe('demo');
    await fireEvent.click(demo);
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain('create_demo'));
    await waitFor(() => expect(screen.getByTestId('organisation-name').textContent).toBe('CFA des Métiers du Val'));
    expect(await screen.findByRole('heading', { name: 'Tableau de bord' })).toBeTruthy();
    expect(document.querySelector('.toast-success')?.textContent).toContain('démonstration');
    // The year the core suggests once the demo's actions exist, not the one chosen before.
    expect(document.querySelector<HTMLSelectElement>('#school-year')!.value).toBe('2025-2026');
  });

  it('shows the core’s field errors on the organisation form and keeps what was typed', async () => {
    const base = ipc(emptyState);
    const { calls } = renderWithApp(
      App,
      { store: new AppStore() },
      (cmd, args) => {
        if (cmd === 'save_organisation') throw validationError({ siret: 'Le SIRET doit compter 14 chiffres.' });
        return base(cmd);
      },
      new AppStore(),
    );
    await fireEvent.click(await screen.findByRole('button', { name: 'Créer mon CFA' }));
    const name = document.querySelector<HTMLInputElement>('#field-name')!;
    const siret = document.querySelector<HTMLInputElement>('#field-siret')!;
    await fireEvent.input(name, { target: { value: 'CFA du Rhône' } });
    await fireEvent.input(siret, { target: { value: '123' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(document.querySelector('#error-siret')?.textContent).toContain('14 chiffres'));
    expect(calls.find((c) => c.cmd === 'save_organisation')?.args).toMatchObject({ input: { name: 'CFA du Rhône', siret: '123' } });
    expect(name.value).toBe('CFA du Rhône');
    expect(siret.value).toBe('123');
    expect(siret.getAttribute('aria-invalid')).toBe('true');
    expect(siret.getAttribute('aria-describedby')).toBe('error-siret');
  });

  it('has no accessibility violation on the welcome screen', async () => {
    const { container } = renderWithApp(App, { store: new AppStore() }, ipc(emptyState), new AppStore());
    await screen.findByRole('button', { name: 'Créer mon CFA' });
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('shell', () => {
  it('shows the CFA name, the school years and the dashboard figures of the chosen year', async () => {
    const { calls } = renderWithApp(App, { store: new AppStore() }, ipc(appState), new AppStore());
    await waitFor(() => expect(screen.getByTestId('organisation-name').textContent).toBe('CFA des Métiers du Val'));
    const year = document.querySelector<HTMLSelectElement>('#school-year')!;
    expect([...year.options].map((o) => o.value)).toEqual(['2025-2026', '2024-2025']);
    expect(year.value).toBe('2025-2026');
    await waitFor(() => expect(screen.getByTestId('dashboard-accompanied').textContent).toContain('16 / 22'));
    expect(screen.getByTestId('dashboard-kinds29').textContent).toContain('2 types d’actions — 3 attendus');
    expect(calls.find((c) => c.cmd === 'get_dashboard')?.args).toEqual({ schoolYear: '2025-2026' });
    for (const nav of ['dashboard', 'programmes', 'apprentices', 'staff', 'partners', 'actions']) {
      expect(document.querySelector(`[data-nav="${nav}"]`), nav).not.toBeNull();
    }
    // The empty recent list offers the next step.
    expect(screen.getByRole('button', { name: 'Créer une action' })).toBeTruthy();
  });

  it('says in its about box the version, the licence and where the data lives', async () => {
    renderWithApp(App, { store: new AppStore() }, ipc(appState), new AppStore());
    await fireEvent.click(await find('[data-action="about"]'));
    const facts = await screen.findByTestId('about');
    expect(facts.textContent).toContain('0.1.0');
    expect(facts.textContent).toContain('MIT');
    expect(facts.textContent).toContain('/tmp/tremplin.sqlite');
    expect(screen.getByRole('alertdialog', { name: 'À propos de Tremplin' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByTestId('about')).toBeNull());
  });

  it('asks the dashboard again when another school year is chosen', async () => {
    const { calls } = renderWithApp(App, { store: new AppStore() }, ipc(appState), new AppStore());
    const year = await screen.findByLabelText('Année scolaire');
    await fireEvent.change(year, { target: { value: '2024-2025' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'get_dashboard').map((c) => c.args.schoolYear)).toContain('2024-2025'));
  });

  it('asks before leaving a form with unsaved changes through the sidebar', async () => {
    const base = ipc(appState);
    renderWithApp(App, { store: new AppStore() }, (cmd) => (cmd === 'list_staff' ? [] : base(cmd)), new AppStore());
    await fireEvent.click(await find('[data-nav="staff"]'));
    await fireEvent.click(await find('[data-action="new"]'));
    await fireEvent.input(await find('#field-lastName'), { target: { value: 'Durand' } });
    await fireEvent.click(document.querySelector('[data-nav="dashboard"]')!);
    expect(screen.getByRole('alertdialog').textContent).toContain('sans l’enregistrer');
    expect(document.querySelector('#field-lastName')).not.toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Quitter sans enregistrer' }));
    expect(await screen.findByRole('heading', { name: 'Tableau de bord' })).toBeTruthy();
    expect(document.querySelector('#field-lastName')).toBeNull();
  });

  it('has no accessibility violation on the shell and dashboard', async () => {
    const { container } = renderWithApp(App, { store: new AppStore() }, ipc(appState), new AppStore());
    await waitFor(() => screen.getByTestId('dashboard-accompanied'));
    await settle();
    expect(await axeViolations(container)).toEqual([]);
  });
});
