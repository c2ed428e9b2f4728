// CheckboxGroup: ids picked by checkboxes, a filter over long lists that keeps the picks.
import { describe, expect, it } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import CheckboxGroup from './CheckboxGroup.svelte';

const options = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: i === 4 ? 'Mission locale de l’Orléanais' : `Entreprise ${i + 1}` }));

describe('CheckboxGroup', () => {
  it('reports the ids picked and filters a long list without losing them', async () => {
    const picked: number[][] = [];
    const { container } = render(CheckboxGroup, {
      props: { name: 'coOrganiserIds', label: 'Partenaires', options, selected: [2], filterLabel: 'Filtrer la liste', onchange: (ids: number[]) => picked.push([...ids]) },
    });
    const box = (id: number) => container.querySelector<HTMLInputElement>(`#field-coOrganiserIds input[value="${id}"]`);
    expect(box(2)!.checked).toBe(true);
    await fireEvent.click(box(5)!);
    expect(picked.at(-1)).toEqual([2, 5]);

    await fireEvent.input(container.querySelector('input[type="search"]')!, { target: { value: 'orleanais' } });
    expect(container.querySelectorAll('#field-coOrganiserIds input[type="checkbox"]')).toHaveLength(1);
    await fireEvent.click(box(5)!);
    expect(picked.at(-1)).toEqual([2]);
  });

  it('shows no filter for a short list', () => {
    const { container } = render(CheckboxGroup, { props: { name: 'cohortIds', label: 'Promos', options: options.slice(0, 3), selected: [], filterLabel: 'Filtrer la liste' } });
    expect(container.querySelector('input[type="search"]')).toBeNull();
  });
});
