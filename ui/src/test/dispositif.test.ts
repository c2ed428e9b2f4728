// « Dispositif »: the standing documents with the version in force, a
// document's versions (the current one marked, older ones kept), a new
// version through the core's dialog with its label refused when taken, and
// a version removed only after a question.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import DispositifPage from '../lib/features/dispositif/DispositifPage.svelte';
import type { StandingDocument } from '../lib/api/generated/StandingDocument';
import type { StandingDocumentRow } from '../lib/api/generated/StandingDocumentRow';
import type { DocumentVersion } from '../lib/api/generated/DocumentVersion';
import { find, renderWithApp, validationError } from './fixtures';

function version(id: number, label: string, issuedOn: string, current: boolean): DocumentVersion {
  return {
    id,
    documentId: 3,
    version: label,
    issuedOn,
    note: null,
    originalName: `procedure-v${label}.pdf`,
    addedAt: `${issuedOn}T12:00:00`,
    current,
    file: { sha256: String(id).repeat(64).slice(0, 64), media: 'pdf', size: 20_480, pages: 2, pdfTitle: null, width: null, height: null },
  };
}

describe('« Dispositif »', () => {
  it('shows the version in force, adds one through the dialog and removes one after a question', async () => {
    let doc: StandingDocument = {
      id: 3,
      kind: 'support_procedure',
      title: 'Procédure d’accompagnement des apprentis',
      programmeId: null,
      notes: null,
      versions: [version(8, '2', '2025-06-30', true), version(7, '1', '2023-09-01', false)],
    };
    const row = (): StandingDocumentRow => ({
      id: 3,
      kind: doc.kind,
      title: doc.title,
      programmeId: null,
      programmeCode: null,
      currentVersion: doc.versions[0]?.version ?? null,
      currentIssuedOn: doc.versions[0]?.issuedOn ?? null,
      versionCount: doc.versions.length,
    });
    const { calls } = renderWithApp(DispositifPage, {}, (cmd, args) => {
      switch (cmd) {
        case 'list_standing_documents':
          return [row()];
        case 'get_standing_document':
          return doc;
        case 'pick_document_version': {
          const input = args.input as { version: string; issuedOn: string };
          if (input.version === '2') throw validationError({ version: 'La version « 2 » de ce document existe déjà.' });
          doc = { ...doc, versions: [version(9, input.version || '3', '2026-09-01', true), ...doc.versions.map((v) => ({ ...v, current: false }))] };
          return doc;
        }
        case 'delete_document_version':
          doc = { ...doc, versions: doc.versions.filter((v) => v.id !== args.id) };
          return doc;
        default:
          return null;
      }
    });
    const line = await find('tr[data-id="3"]');
    expect(line.textContent).toContain('Tout le CFA');
    expect(line.textContent).toContain('30/06/2025');
    await fireEvent.click(line.querySelector('td')!);
    await find('[data-version-id="8"]');
    expect(document.querySelector('[data-version-id="8"]')!.textContent).toContain('En vigueur');
    expect(document.querySelector('[data-version-id="7"]')!.textContent).toContain('remplacée, conservée');
    expect(document.querySelector('[data-version-id="7"]')!.textContent).toContain('01/09/2023');

    // A label already taken is refused next to its field; nothing else moves.
    await fireEvent.input(document.querySelector('#field-version')!, { target: { value: '2' } });
    await fireEvent.click(document.querySelector('[data-action="add-version"]')!);
    await waitFor(() => expect(document.querySelector('#error-version')?.textContent).toContain('existe déjà'));
    expect(document.querySelectorAll('[data-version-id]')).toHaveLength(2);

    await fireEvent.input(document.querySelector('#field-version')!, { target: { value: '' } });
    await fireEvent.input(document.querySelector('#field-issuedOn')!, { target: { value: '01/09/2026' } });
    await fireEvent.click(document.querySelector('[data-action="add-version"]')!);
    await find('[data-version-id="9"]');
    expect(calls.filter((c) => c.cmd === 'pick_document_version').at(-1)?.args).toEqual({
      input: { documentId: 3, version: '', issuedOn: '01/09/2026', note: '' },
    });
    expect(document.querySelector('[data-version-id="9"]')!.textContent).toContain('En vigueur');
    expect(document.querySelector('[data-version-id="8"]')!.textContent).toContain('remplacée');
    // The document's own form has nothing to save: adding a version saved it.
    expect(calls.some((c) => c.cmd === 'save_standing_document')).toBe(false);

    await fireEvent.click(document.querySelector('[data-version-id="7"] [data-action="remove-version"]')!);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('l’ancienne reste une preuve');
    await fireEvent.click(document.querySelector('[data-action="confirm-remove-version"]')!);
    await waitFor(() => expect(document.querySelector('[data-version-id="7"]')).toBeNull());
    expect(calls.find((c) => c.cmd === 'delete_document_version')?.args).toEqual({ id: 7 });
  });
});
