// Combobox: accent-insensitive search over thousands of items, at most 50 shown,
// picked with the keyboard; the input keeps id="field-<name>".
import { describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import type { ComponentProps } from 'svelte';
import Combobox, { type ComboboxItem } from './Combobox.svelte';
import { axeViolations, settle } from '../../../../test/fixtures';

const many = Array.from({ length: 5000 }, (_, i) => ({ value: i + 1, label: `Apprenti ${String(i + 1).padStart(4, '0')}`, hint: 'BTS MCO' }));
const items: ComboboxItem[] = [
  { value: 1, label: 'Lefèvre Sophie', hint: 'BTS MCO' },
  { value: 2, label: 'Durand Marc', hint: 'CAP Cuisine' },
  { value: 3, label: 'Bernard Éloïse', hint: 'BTS MCO' },
  { value: 4, label: 'Cœur Léa', hint: 'BP Boulanger' },
];

/** Renders with a bindable value read back through the props object. */
function setup(props: Partial<ComponentProps<typeof Combobox>> & { items: ComboboxItem[] }) {
  const bound = $state({ value: props.value ?? null });
  const changes: (number | null)[] = [];
  const result = render(Combobox, {
    props: {
      name: 'apprenticeId',
      label: 'Apprenti',
      ...props,
      get value() {
        return bound.value;
      },
      set value(v: number | null) {
        bound.value = v;
      },
      onchange: (v: number | null) => changes.push(v),
    },
  });
  const input = result.container.querySelector<HTMLInputElement>('#field-apprenticeId')!;
  return { ...result, bound, changes, input };
}

const options = () => [...document.querySelectorAll('[data-combobox-item]')].map((el) => el.textContent?.trim());

async function typeIn(input: HTMLInputElement, text: string) {
  input.focus();
  await fireEvent.keyDown(input, { key: text.slice(-1) });
  await fireEvent.input(input, { target: { value: text } });
  await settle();
}

describe('Combobox', () => {
  it('labels its input field-<name> and passes the a11y check', async () => {
    const { input, container } = setup({ items, required: true, hint: 'Tapez un nom' });
    expect(input.getAttribute('role')).toBe('combobox');
    expect(container.querySelector('label')!.getAttribute('for')).toBe('field-apprenticeId');
    expect(input.getAttribute('aria-describedby')).toBe('hint-apprenticeId');
    expect(await axeViolations(container)).toEqual([]);
    await typeIn(input, 'l');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('filters ignoring case and accents, on the label and the hint', async () => {
    const { input } = setup({ items });
    await typeIn(input, 'ELOISE');
    expect(options()).toEqual(['Bernard Éloïse BTS MCO']);
    await typeIn(input, 'coeur');
    expect(options()).toEqual(['Cœur Léa BP Boulanger']);
    await typeIn(input, 'cuisine');
    expect(options()).toEqual(['Durand Marc CAP Cuisine']);
    await typeIn(input, 'zzz');
    expect(options()).toEqual([]);
    expect(document.body.textContent).toContain('Aucun résultat.');
  });

  it('shows at most 50 of 5,000 items and says how many more', async () => {
    const { input } = setup({ items: many });
    await typeIn(input, 'apprenti');
    expect(options()).toHaveLength(50);
    expect(document.querySelector('[data-testid="combobox-more"]')!.textContent).toBe('4\u202f950 autres résultats\u00a0: précisez la recherche');
    await typeIn(input, 'apprenti 4999');
    expect(options()).toHaveLength(1);
    expect(document.querySelector('[data-testid="combobox-more"]')).toBeNull();
  });

  it('picks with the arrows and Entrée, shows the label, and Échap restores it', async () => {
    const { input, bound, changes } = setup({ items });
    await typeIn(input, 'bts');
    expect(options()).toHaveLength(2);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await settle();
    expect(bound.value).toBe(3);
    expect(changes).toEqual([3]);
    expect(input.value).toBe('Bernard Éloïse');
    expect(input.getAttribute('aria-expanded')).toBe('false');

    await typeIn(input, 'dur');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('false'));
    expect(input.value).toBe('Bernard Éloïse');
    expect(bound.value).toBe(3);
  });

  it('offers « Aucun » when the choice may be empty', async () => {
    const { input, bound } = setup({ items, value: 2, allowEmpty: true });
    expect(input.value).toBe('Durand Marc');
    input.focus();
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await settle();
    expect(options()[0]).toBe('Aucun');
    // The list opens on the choice (Durand); « Aucun » is two rows up.
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await settle();
    expect(bound.value).toBeNull();
    expect(input.value).toBe('');
  });
});
