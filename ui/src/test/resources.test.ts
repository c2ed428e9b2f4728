// « Ressources d'accompagnement »: the list with its latest figures and kind
// filter, the resource form (filières, none = all), and its usage figures
// added with Entrée, refused next to their field, edited and deleted.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import ResourcesPage from '../lib/features/resources/ResourcesPage.svelte';
import { periodSortKey } from '../lib/features/resources/resources';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import type { ResourceUsage } from '../lib/api/generated/ResourceUsage';
import type { ResourceUsageInput } from '../lib/api/generated/ResourceUsageInput';
import type { SupportResourceDetail } from '../lib/api/generated/SupportResourceDetail';
import type { SupportResourceInput } from '../lib/api/generated/SupportResourceInput';
import type { SupportResourceRow } from '../lib/api/generated/SupportResourceRow';
import { axeViolations, find, renderWithApp, settle, validationError } from './fixtures';

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: null, rncpCode: null, level: 5, cohortCount: 2, apprenticeCount: 30 },
  { id: 2, code: 'CAP CUIS', name: 'Cuisine', diplomaCode: null, rncpCode: null, level: 3, cohortCount: 1, apprenticeCount: 12 },
];

const elearning = { id: 1, kind: 'e_learning' as const, name: 'Plateforme Moodle', description: 'Cours en ligne', provider: 'CFA', access: 'moodle.cfa.fr', programmeIds: [] };
const library = { id: 2, kind: 'library' as const, name: 'CDI du campus', description: null, provider: null, access: 'Bâtiment B', programmeIds: [2] };

const rows: SupportResourceRow[] = [
  {
    ...elearning,
    programmes: 'Toutes les filières',
    usageCount: 2,
    latestPeriod: '01/09/2025 – 31/12/2025',
    latestFigures: 'Connexions\u00a0: 1\u202f240 · Satisfaction (sur 5)\u00a0: 4,2/5',
  },
  { ...library, programmes: 'CAP CUIS', usageCount: 0, latestPeriod: null, latestFigures: null },
];

/** In the window the page sits in <main> (its headers are no banners): the same for axe. */
function inMain(container: HTMLElement): HTMLElement {
  const main = document.createElement('main');
  container.parentElement!.appendChild(main);
  main.appendChild(container);
  return main;
}

function usage(id: number, metric: ResourceUsage['metric'], value: number, shown: string, note: string | null = null): ResourceUsage {
  return { id, resourceId: 1, periodStart: '2025-09-01', periodEnd: '2025-12-31', metric, value, shown, note };
}

describe('support resources', () => {
  it('lists each resource with its filières and latest figures, filtered by kind', async () => {
    const { container } = renderWithApp(ResourcesPage, {}, (cmd) => {
      if (cmd === 'list_support_resources') return rows;
      if (cmd === 'list_programmes') return programmes;
      return null;
    });
    const first = await find('tr[data-id="1"]');
    expect(first.textContent).toContain('Plateforme d’e-learning');
    expect(first.textContent).toContain('Plateforme Moodle');
    expect(first.textContent).toContain('Toutes les filières');
    expect(first.textContent).toContain('01/09/2025 – 31/12/2025');
    expect(first.textContent).toContain('Connexions\u00a0: 1\u202f240');
    const second = document.querySelector('tr[data-id="2"]')!;
    expect(second.textContent).toContain('Médiathèque / CDI');
    expect(second.textContent).toContain('CAP CUIS');
    expect(second.textContent).toContain('Aucun chiffre');
    expect(screen.getByTestId('count').textContent).toContain('2 ressources');

    await fireEvent.change(document.querySelector('#filter-kind')!, { target: { value: 'library' } });
    await waitFor(() => expect(document.querySelector('tr[data-id="1"]')).toBeNull());
    expect(document.querySelector('tr[data-id="2"]')).not.toBeNull();
    expect(screen.getByTestId('count').textContent).toContain('1 ressource');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('sorts the latest period by its dates, not its text', () => {
    expect(periodSortKey('01/09/2025 – 31/12/2025')).toBe('2025-09-01 2025-12-31');
    expect(periodSortKey(null)).toBeNull();
    expect(periodSortKey('15/01/2026 – 31/01/2026')! > periodSortKey('01/09/2025 – 31/12/2025')!).toBe(true);
  });

  it('offers « Nouvelle ressource » when there is none, and saves the filières ticked (none = all)', async () => {
    let sent: SupportResourceInput | null = null;
    const { calls } = renderWithApp(ResourcesPage, {}, (cmd, args) => {
      switch (cmd) {
        case 'list_support_resources':
          return sent ? [{ ...rows[1], id: 7, name: (sent as SupportResourceInput).name }] : [];
        case 'list_programmes':
          return programmes;
        case 'save_support_resource': {
          const input = args.input as SupportResourceInput;
          if (!input.name.trim()) throw validationError({ name: 'Le nom de la ressource est obligatoire.' });
          sent = input;
          return { resource: { ...library, id: 7, name: input.name, programmeIds: input.programmeIds }, usages: [] } satisfies SupportResourceDetail;
        }
        case 'get_support_resource':
          return { resource: { ...library, id: 7, name: 'Aide au permis', programmeIds: [1] }, usages: [] } satisfies SupportResourceDetail;
        default:
          return null;
      }
    });
    const create = await screen.findByRole('button', { name: 'Nouvelle ressource' });
    expect(document.body.textContent).toContain('Aucune ressource d’accompagnement');
    await fireEvent.click(create);
    await find('#field-kind');
    expect(document.body.textContent).toContain('Aucune filière cochée\u00a0: la ressource sert toutes les filières.');
    expect(document.body.textContent).toContain('Enregistrez la ressource pour saisir ses chiffres d’usage.');
    expect(document.querySelector('[data-action="add-usage"]')).toBeNull();

    await fireEvent.change(document.querySelector('#field-kind')!, { target: { value: 'financial_aid' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(document.querySelector('#error-name')?.textContent).toContain('obligatoire'));

    await fireEvent.input(document.querySelector('#field-name')!, { target: { value: 'Aide au permis' } });
    await fireEvent.input(document.querySelector('#field-provider')!, { target: { value: 'Région' } });
    await fireEvent.input(document.querySelector('#field-access')!, { target: { value: 'Accueil du CFA' } });
    await fireEvent.click(document.querySelector('#field-programmeIds input[value="1"]')!);
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(sent).not.toBeNull());
    expect(calls.filter((c) => c.cmd === 'save_support_resource').at(-1)?.args).toEqual({
      input: { id: null, kind: 'financial_aid', name: 'Aide au permis', description: '', provider: 'Région', access: 'Accueil du CFA', programmeIds: [1] },
    });
    // Once saved, the resource reopens with its usage figures' form.
    await find('[data-action="add-usage"]');
  });

  it('adds a figure with Entrée, shows a refusal next to its field, edits a line and deletes one', async () => {
    let usages: ResourceUsage[] = [usage(11, 'connections', 1240, '1\u202f240'), usage(12, 'satisfaction', 4.2, '4,2/5', 'Questionnaire de décembre')];
    const { calls, container } = renderWithApp(ResourcesPage, {}, (cmd, args) => {
      switch (cmd) {
        case 'list_support_resources':
          return rows;
        case 'list_programmes':
          return programmes;
        case 'get_support_resource':
          return { resource: elearning, usages } satisfies SupportResourceDetail;
        case 'save_resource_usage': {
          const input = args.input as ResourceUsageInput;
          if (input.periodEnd === '31/08/2025') throw validationError({ periodEnd: 'La fin de la période précède son début.' });
          if (input.id != null) {
            usages = usages.map((u) => (u.id === input.id ? { ...u, value: 1300, shown: '1\u202f300' } : u));
            return usages.find((u) => u.id === input.id);
          }
          const added = { ...usage(13, 'completion_rate', 72.5, '72,5\u202f%'), periodStart: '2026-01-01', periodEnd: '2026-03-31' };
          usages = [added, ...usages];
          return added;
        }
        case 'get_deletion_impact':
          return { allowed: true, message: 'Supprimer le chiffre « Connexions » du 01/09/2025 ?' };
        case 'delete_record':
          usages = usages.filter((u) => u.id !== (args.id as number));
          return null;
        default:
          return null;
      }
    });
    await fireEvent.click(await find('tr[data-id="1"]'));
    const table = await find('[data-testid="resource-usages"]');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    const first = table.querySelector('tr[data-usage-id="11"]')!;
    expect(first.textContent).toContain('01/09/2025 – 31/12/2025');
    expect(first.textContent).toContain('Connexions');
    expect(first.textContent).toContain('1\u202f240');
    expect(table.querySelector('tr[data-usage-id="12"]')!.textContent).toContain('4,2/5');
    expect(table.querySelector('tr[data-usage-id="12"]')!.textContent).toContain('Questionnaire de décembre');
    expect(await axeViolations(inMain(container))).toEqual([]);

    // A refused figure: the message stands next to its field, what was typed stays.
    await fireEvent.input(document.querySelector('#field-periodStart')!, { target: { value: '01/01/2026' } });
    await fireEvent.input(document.querySelector('#field-periodEnd')!, { target: { value: '31/08/2025' } });
    await fireEvent.change(document.querySelector('#field-metric')!, { target: { value: 'completion_rate' } });
    await fireEvent.input(document.querySelector('#field-value')!, { target: { value: '72,5' } });
    await fireEvent.keyDown(document.querySelector('#field-value')!, { key: 'Enter' });
    await waitFor(() => expect(document.querySelector('#error-periodEnd')?.textContent).toContain('précède son début'));
    expect(document.querySelector<HTMLInputElement>('#field-value')!.value).toBe('72,5');

    // Entrée saves the figure (not the resource), then the detail is read again.
    await fireEvent.input(document.querySelector('#field-periodEnd')!, { target: { value: '31/03/2026' } });
    const reads = calls.filter((c) => c.cmd === 'get_support_resource').length;
    await fireEvent.keyDown(document.querySelector('#field-value')!, { key: 'Enter' });
    await waitFor(() => expect(document.querySelector('tr[data-usage-id="13"]')).not.toBeNull());
    expect(calls.filter((c) => c.cmd === 'save_resource_usage').at(-1)?.args).toEqual({
      input: { id: null, resourceId: 1, periodStart: '01/01/2026', periodEnd: '31/03/2026', metric: 'completion_rate', value: '72,5', note: '' },
    });
    expect(calls.filter((c) => c.cmd === 'get_support_resource').length).toBeGreaterThan(reads);
    expect(calls.some((c) => c.cmd === 'save_support_resource')).toBe(false);
    expect(document.querySelector('tr[data-usage-id="13"]')!.textContent).toContain('72,5\u202f%');
    // The next figure keeps the period just typed.
    expect(document.querySelector<HTMLInputElement>('#field-periodStart')!.value).toBe('01/01/2026');
    expect(document.querySelector<HTMLInputElement>('#field-value')!.value).toBe('');

    // A click on a line opens it in the small form.
    await fireEvent.click(document.querySelector('tr[data-usage-id="11"] td')!);
    expect(document.querySelector<HTMLInputElement>('#field-periodStart')!.value).toBe('01/09/2025');
    expect(document.querySelector<HTMLSelectElement>('#field-metric')!.value).toBe('connections');
    expect(document.querySelector<HTMLInputElement>('#field-value')!.value).toBe('1240');
    await fireEvent.input(document.querySelector('#field-value')!, { target: { value: '1300' } });
    await fireEvent.click(document.querySelector('[data-action="save-usage"]')!);
    await waitFor(() => expect(document.querySelector('tr[data-usage-id="11"]')!.textContent).toContain('1\u202f300'));
    expect(calls.filter((c) => c.cmd === 'save_resource_usage').at(-1)?.args).toMatchObject({ input: { id: 11, resourceId: 1, metric: 'connections', value: '1300' } });

    // Deleting a line asks first, through the generic deletion.
    await fireEvent.click(document.querySelector('tr[data-usage-id="11"] [data-action="delete-usage"]')!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Supprimer le chiffre');
    await fireEvent.click(within(dialog).getByRole('button', { name: /Supprimer/ }));
    await waitFor(() => expect(document.querySelector('tr[data-usage-id="11"]')).toBeNull());
    expect(calls.find((c) => c.cmd === 'get_deletion_impact')?.args).toEqual({ entity: 'resource_usage', id: 11 });
    expect(calls.find((c) => c.cmd === 'delete_record')?.args).toEqual({ entity: 'resource_usage', id: 11 });
    await settle();
  });
});
