// Tabs: data-tab on each trigger, a click or the arrows (roving focus) switch
// the panel, only the active panel is rendered, and axe finds nothing.
import { describe, expect, it } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import TabsHarness from '../../../../test/harness/TabsHarness.svelte';
import { axeViolations, settle } from '../../../../test/fixtures';

const tab = (id: string) => document.querySelector<HTMLButtonElement>(`[data-tab="${id}"]`)!;
const panelText = () => document.querySelector('[role="tabpanel"]:not([hidden]) [data-testid="panel"]')?.textContent;

describe('Tabs', () => {
  it('marks the triggers as tabs of a labelled list and shows the active panel only', async () => {
    const { container } = render(TabsHarness, { props: {} });
    expect(container.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Affichage');
    expect([...container.querySelectorAll('[role="tab"]')].map((el) => el.getAttribute('data-tab'))).toEqual(['list', 'calendar', 'results']);
    expect(tab('list').getAttribute('aria-selected')).toBe('true');
    expect(tab('calendar').getAttribute('tabindex')).toBe('-1');
    expect(panelText()).toBe('Panneau list');
    expect(container.querySelectorAll('[data-testid="panel"]')).toHaveLength(1);
    const panel = container.querySelector('[role="tabpanel"]:not([hidden])')!;
    expect(panel.getAttribute('aria-labelledby')).toBe(tab('list').id);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('switches with a click and with the arrows, Home and End', async () => {
    const changes: string[] = [];
    render(TabsHarness, { props: { onchange: (id: string) => changes.push(id) } });
    await fireEvent.click(tab('calendar'));
    expect(panelText()).toBe('Panneau calendar');

    tab('calendar').focus();
    await fireEvent.keyDown(tab('calendar'), { key: 'ArrowRight' });
    await settle();
    expect(document.activeElement).toBe(tab('results'));
    expect(panelText()).toBe('Panneau results');
    await fireEvent.keyDown(tab('results'), { key: 'ArrowRight' });
    await settle();
    expect(document.activeElement).toBe(tab('list'));
    await fireEvent.keyDown(tab('list'), { key: 'ArrowLeft' });
    await settle();
    expect(document.activeElement).toBe(tab('results'));
    await fireEvent.keyDown(tab('results'), { key: 'Home' });
    await settle();
    expect(document.activeElement).toBe(tab('list'));
    expect(panelText()).toBe('Panneau list');
    expect(changes).toEqual(['calendar', 'results', 'list', 'results', 'list']);
  });
});
