// DateField: typing jj/mm/aaaa still works as before, and the French calendar
// beside it opens on the typed date and writes the day picked as jj/mm/aaaa.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { getLocalTimeZone, today } from '@internationalized/date';
import DateField from './DateField.svelte';
import { formatTypedDate, parseTypedDate } from './dates';
import { axeViolations, settle } from '../../../../test/fixtures';

function setup(initial: string, extra: Record<string, unknown> = {}) {
  const bound = $state({ value: initial });
  const result = render(DateField, {
    props: {
      name: 'startDate',
      label: 'Date de début',
      ...extra,
      get value() {
        return bound.value;
      },
      set value(v: string) {
        bound.value = v;
      },
    },
  });
  const input = result.container.querySelector<HTMLInputElement>('#field-startDate')!;
  const button = result.container.querySelector<HTMLButtonElement>('[data-date-picker="startDate"]')!;
  return { ...result, bound, input, button };
}

const popover = () => document.querySelector<HTMLElement>('[data-popover-content]');

describe('parseTypedDate', () => {
  it('reads what people type and refuses impossible days', () => {
    expect(parseTypedDate('05/01/2026')?.toString()).toBe('2026-01-05');
    expect(parseTypedDate(' 5/1/2026 ')?.toString()).toBe('2026-01-05');
    expect(parseTypedDate('29.02.2024')?.toString()).toBe('2024-02-29');
    expect(parseTypedDate('29/02/2025')).toBeUndefined();
    expect(parseTypedDate('12/13/2025')).toBeUndefined();
    expect(parseTypedDate('demain')).toBeUndefined();
    expect(parseTypedDate('')).toBeUndefined();
    expect(formatTypedDate({ day: 5, month: 1, year: 2026 })).toBe('05/01/2026');
  });
});

describe('DateField', () => {
  it('keeps typing free text: the value is what was typed', async () => {
    const { input, bound } = setup('');
    expect(input.placeholder).toBe('jj/mm/aaaa');
    await fireEvent.input(input, { target: { value: '31/02/20' } });
    expect(bound.value).toBe('31/02/20');
    await fireEvent.input(input, { target: { value: '12/03/2026' } });
    expect(bound.value).toBe('12/03/2026');
  });

  it('opens a French calendar on the typed date, Monday first, and writes the day picked', async () => {
    const { input, button, bound } = setup('12/03/2026', { required: true, hint: 'Premier jour' });
    expect(input.getAttribute('aria-describedby')).toBe('hint-startDate');
    await fireEvent.click(button);
    await waitFor(() => expect(popover()).not.toBeNull());
    const content = popover()!;
    expect(content.textContent).toContain('mars 2026');
    const weekdays = [...content.querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(weekdays[0]).toBe('lun');
    expect(weekdays[6]).toBe('dim');
    expect(content.querySelector('[data-selected]')?.textContent?.trim()).toBe('12');
    expect(content.textContent).toContain('Aujourd’hui');
    expect(await axeViolations(document.body)).toEqual([]);

    const day20 = content.querySelector<HTMLElement>('[data-bits-day][data-value="2026-03-20"]')!;
    await fireEvent.click(day20);
    await settle();
    expect(bound.value).toBe('20/03/2026');
    expect(input.value).toBe('20/03/2026');
    await waitFor(() => expect(popover()).toBeNull());

    // Typing again still works after a pick.
    await fireEvent.input(input, { target: { value: '01/04/2026' } });
    expect(bound.value).toBe('01/04/2026');
  });

  it('opens on today when the text is not a date, and « Aujourd’hui » writes it', async () => {
    const { button, bound } = setup('bientôt');
    await fireEvent.click(button);
    await waitFor(() => expect(popover()).not.toBeNull());
    expect(popover()!.querySelector('[data-selected]')).toBeNull();
    await fireEvent.click(popover()!.querySelector('[data-action="today"]')!);
    expect(bound.value).toBe(formatTypedDate(today(getLocalTimeZone())));
  });

  it('moves between days with the arrows and picks with Entrée', async () => {
    const { button, bound } = setup('12/03/2026');
    await fireEvent.click(button);
    await waitFor(() => expect(popover()).not.toBeNull());
    const selected = popover()!.querySelector<HTMLElement>('[data-bits-day][data-value="2026-03-12"]')!;
    selected.focus();
    await fireEvent.keyDown(selected, { key: 'ArrowRight' });
    await settle();
    const next = document.activeElement as HTMLElement;
    expect(next.getAttribute('data-value')).toBe('2026-03-13');
    await fireEvent.keyDown(next, { key: 'Enter' });
    await settle();
    expect(bound.value).toBe('13/03/2026');
  });
});
