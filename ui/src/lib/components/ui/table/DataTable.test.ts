// DataTable: sorting, aria-sort, opening a row, and drawing only a window of 5,000 rows.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DataTable from './DataTable.svelte';
import type { Column } from './columns';
import { sortRows, visibleWindow } from './sortRows';

type Person = { id: number; name: string; age: number | null };

const columns: Column<Person>[] = [
  { key: 'name', label: 'Nom', value: (r) => r.name },
  { key: 'age', label: 'Âge', value: (r) => r.age, align: 'end' },
];

describe('sortRows', () => {
  it('sorts ignoring accents, keeps ties in order and puts empty cells last both ways', () => {
    const rows: Person[] = [
      { id: 1, name: 'Fabre', age: 30 },
      { id: 2, name: 'Éloïse', age: null },
      { id: 3, name: 'eric', age: 30 },
    ];
    expect(sortRows(rows, columns, { key: 'name', direction: 'ascending' }).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(sortRows(rows, columns, { key: 'age', direction: 'ascending' }).map((r) => r.id)).toEqual([1, 3, 2]);
    expect(sortRows(rows, columns, { key: 'age', direction: 'descending' }).map((r) => r.id)).toEqual([1, 3, 2]);
  });

  it('sorts 5,000 rows fast enough to follow typing', () => {
    const rows: Person[] = Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `Élève ${(i * 7919) % 5000}`, age: i % 90 }));
    const start = performance.now();
    sortRows(rows, columns, { key: 'name', direction: 'ascending' });
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('draws only the rows in view, with room for the rest', () => {
    const view = visibleWindow(5000, 34 * 1000, 680, 34, 5);
    expect(view.start).toBe(995);
    expect(view.end).toBe(1025);
    expect(view.before + view.after + (view.end - view.start) * 34).toBe(5000 * 34);
  });
});

describe('DataTable', () => {
  it('keeps one row in the Tab order and moves with the arrow keys', async () => {
    const rows: Person[] = [
      { id: 1, name: 'André', age: 20 },
      { id: 2, name: 'Martin', age: 40 },
    ];
    const { container } = render(DataTable<Person>, { props: { rows, columns, caption: 'Personnes', sortLabel: (c: string) => c, onopen: () => {} } });
    const [first, second] = [...container.querySelectorAll<HTMLElement>('tbody tr[data-id]')];
    expect([first.tabIndex, second.tabIndex]).toEqual([0, -1]);
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    expect([first.tabIndex, second.tabIndex]).toEqual([-1, 0]);
  });

  const many: Person[] = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, name: `Personne ${i + 1}`, age: i % 90 }));

  it('renders a window of a 5,000-row list, not every row', () => {
    const { container } = render(DataTable<Person>, { props: { rows: many, columns, caption: 'Personnes', sortLabel: (c: string) => c } });
    const drawn = container.querySelectorAll('tbody tr[data-id]').length;
    expect(drawn).toBeGreaterThan(20);
    expect(drawn).toBeLessThan(100);
    expect(container.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001');
  });

  it('sorts when a header is clicked and says so with aria-sort', async () => {
    const rows: Person[] = [
      { id: 1, name: 'Martin', age: 40 },
      { id: 2, name: 'André', age: 20 },
    ];
    const { container } = render(DataTable<Person>, { props: { rows, columns, caption: 'Personnes', sortLabel: (c: string) => c } });
    const header = screen.getByRole('columnheader', { name: /Nom/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    await fireEvent.click(screen.getByRole('button', { name: /Nom/ }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect([...container.querySelectorAll('tbody tr[data-id]')].map((tr) => tr.getAttribute('data-id'))).toEqual(['2', '1']);
    await fireEvent.click(screen.getByRole('button', { name: /Nom/ }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect([...container.querySelectorAll('tbody tr[data-id]')].map((tr) => tr.getAttribute('data-id'))).toEqual(['1', '2']);
  });

  it('opens a row on click and on Entrée', async () => {
    const opened: number[] = [];
    const rows: Person[] = [{ id: 7, name: 'Martin', age: 40 }];
    const { container } = render(DataTable<Person>, { props: { rows, columns, caption: 'Personnes', sortLabel: (c: string) => c, onopen: (r: Person) => opened.push(r.id) } });
    const tr = container.querySelector('tr[data-id="7"]')!;
    await fireEvent.click(tr);
    await fireEvent.keyDown(tr, { key: 'Enter' });
    expect(opened).toEqual([7, 7]);
  });
});

describe('DataTable keyboard grid', () => {
  const many: Person[] = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, name: `Personne ${String(i + 1).padStart(3, '0')}`, age: i % 90 }));
  const props = { rows: many, columns, caption: 'Personnes', sortLabel: (c: string) => c, onopen: () => {}, initialSort: { key: 'name', direction: 'ascending' as const } };

  async function press(key: string, init: KeyboardEventInit = {}) {
    const active = document.activeElement as HTMLElement;
    expect(active?.tagName, `focus is on a row before ${key}`).toBe('TR');
    await fireEvent.keyDown(active, { key, ...init });
    await new Promise((r) => setTimeout(r, 0));
  }

  it('lands exactly where sixty fast ArrowDown presses lead, with the row drawn and focused', async () => {
    const { container } = render(DataTable<Person>, { props });
    container.querySelector<HTMLElement>('tr[data-index="0"]')!.focus();
    // Sixty presses without waiting between them: the index comes from state.
    for (let i = 0; i < 60; i++) await fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowDown' });
    await new Promise((r) => setTimeout(r, 0));
    expect((document.activeElement as HTMLElement).dataset.index).toBe('60');
    expect((document.activeElement as HTMLElement).dataset.id).toBe('61');
  });

  it('moves to the last and first rows with End, Ctrl+End, Home and Ctrl+Home, never dropping focus', async () => {
    const { container } = render(DataTable<Person>, { props });
    container.querySelector<HTMLElement>('tr[data-index="0"]')!.focus();
    await press('End');
    expect((document.activeElement as HTMLElement).dataset.index).toBe('499');
    expect(container.querySelectorAll('tr[tabindex="0"]').length, 'one row in the Tab order').toBe(1);
    await press('Home');
    expect((document.activeElement as HTMLElement).dataset.index).toBe('0');
    await press('End', { ctrlKey: true });
    expect((document.activeElement as HTMLElement).dataset.index).toBe('499');
    await press('PageUp');
    expect(Number((document.activeElement as HTMLElement).dataset.index)).toBeLessThan(499);
    await press('Home', { ctrlKey: true });
    expect((document.activeElement as HTMLElement).dataset.index).toBe('0');
    await press('PageDown');
    expect(Number((document.activeElement as HTMLElement).dataset.index)).toBeGreaterThan(0);
  });

  it('is a grid for assistive technology, with the row count of all rows', () => {
    const { container } = render(DataTable<Person>, { props });
    const table = container.querySelector('table')!;
    expect(table.getAttribute('role')).toBe('grid');
    expect(table.getAttribute('aria-rowcount')).toBe('501');
  });
});
