// Pièces justificatives on a record, and the « Données et sauvegardes » page:
// what the lines say about each file, attaching through the core's dialog and
// by dropping files (bytes, never a path), describing and removing after a
// question; the integrity report in groups; backups kept; a restore that asks
// first and reads everything again.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import ProofsSection from '../lib/components/record/proofs/ProofsSection.svelte';
import DataPage from '../lib/features/data/DataPage.svelte';
import { describeFile } from '../lib/components/record/proofs/proofs';
import { checkProblems, isHealthy } from '../lib/features/data/check';
import { formatSize } from '../lib/format';
import type { Proof } from '../lib/api/generated/Proof';
import type { CheckReport } from '../lib/api/generated/CheckReport';
import { appState, find, reference, renderWithApp, validationError } from './fixtures';

beforeAll(() => {
  // jsdom has no object URLs: a thumbnail gets a stand-in address.
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:thumbnail-${++n}`);
  URL.revokeObjectURL = vi.fn();
});

const sheet: Proof = {
  id: 11,
  recordKind: 'action',
  recordId: 7,
  kind: 'attendance_sheet',
  title: 'Feuille d’émargement signée',
  date: '2025-11-18',
  originalName: 'scan-18-11.pdf',
  addedAt: '2025-11-19T09:00:00',
  file: { sha256: 'a'.repeat(64), media: 'pdf', size: 48_213, pages: 2, pdfTitle: 'Émargement forum', width: null, height: null },
};
const photo: Proof = {
  ...sheet,
  id: 12,
  kind: 'photo',
  title: 'Photo de la séance',
  originalName: 'IMG_0042.jpg',
  file: { sha256: 'b'.repeat(64), media: 'jpeg', size: 812, pages: null, pdfTitle: null, width: 360, height: 240 },
};

describe('what a proof line says', () => {
  it('describes PDFs, images and office files in French', () => {
    expect(describeFile(sheet.file)).toBe('PDF, 2 pages — «\u00a0Émargement forum\u00a0»');
    expect(describeFile({ ...sheet.file, pages: 1, pdfTitle: null })).toBe('PDF, 1 page');
    expect(describeFile(photo.file)).toBe('Image JPEG, 360\u00a0×\u00a0240');
    expect(describeFile({ ...photo.file, media: 'office', width: null, height: null })).toBe('Document bureautique, conservé tel quel');
  });

  it('gives sizes in octets, Ko, Mo and Go', () => {
    expect(formatSize(1)).toBe('1\u00a0octet');
    expect(formatSize(812)).toBe('812\u00a0octets');
    expect(formatSize(48_213)).toBe('47\u00a0Ko');
    expect(formatSize(2_400_000)).toBe('2,3\u00a0Mo');
    expect(formatSize(3 * 1024 ** 3)).toBe('3,0\u00a0Go');
  });
});

describe('pièces justificatives of a record', () => {
  it('lists the files, attaches through the dialog and by dropping, describes and removes', async () => {
    let proofs: Proof[] = [sheet, photo];
    const { calls } = renderWithApp(ProofsSection, { recordKind: 'action', recordId: 7 }, (cmd, args) => {
      switch (cmd) {
        case 'list_proofs':
          return proofs;
        case 'get_proof_image':
          return new Uint8Array([0xff, 0xd8, 0xff]).buffer;
        case 'pick_proof': {
          const added: Proof = { ...sheet, id: 13, title: 'Compte rendu', kind: 'report' };
          proofs = [...proofs, added];
          return added;
        }
        case 'attach_dropped_proof': {
          const added = { ...sheet, id: 14, title: 'scan', originalName: 'scan.pdf' };
          proofs = [...proofs, added];
          return added;
        }
        case 'update_proof': {
          const input = args.input as { title: string };
          if (input.title === '') throw validationError({ title: 'Le titre est obligatoire.' });
          proofs = proofs.map((p) => (p.id === args.id ? { ...p, title: input.title } : p));
          return proofs.find((p) => p.id === args.id);
        }
        case 'delete_proof':
          proofs = proofs.filter((p) => p.id !== args.id);
          return null;
        default:
          return null;
      }
    });
    await find('[data-proof-id="11"]');
    const line = (id: number) => document.querySelector(`[data-proof-id="${id}"]`)!.textContent!;
    expect(line(11)).toContain('Feuille d’émargement signée');
    expect(line(11)).toContain('18/11/2025');
    expect(line(11)).toContain('PDF, 2 pages');
    expect(line(11)).toContain('47\u00a0Ko');
    expect(line(12)).toContain('Image JPEG, 360\u00a0×\u00a0240');
    // The image's bytes come from the core, checked against their hash; never a path.
    await waitFor(() => expect(document.querySelector('[data-proof-id="12"] img')?.getAttribute('src')).toMatch(/^blob:/));
    expect(calls.find((c) => c.cmd === 'get_proof_image')?.args).toEqual({ id: 12 });
    expect(document.querySelector('[data-proof-id="11"] img')).toBeNull();
    expect(document.querySelector('[data-testid="proofs-count"]')!.textContent).toBe('2 pièces');

    // The dialog is the core's: the window sends what the file is for, no kind (the core knows).
    await fireEvent.click(document.querySelector('[data-action="attach-proof"]')!);
    await find('[data-proof-id="13"]');
    expect(calls.find((c) => c.cmd === 'pick_proof')?.args).toEqual({ input: { recordKind: 'action', recordId: 7, kind: '', title: '', date: '' } });

    // Dropped files travel as their bytes.
    const section = document.querySelector('[data-testid="proofs"]')!;
    const file = new File(['%PDF-1.4 scan'], 'scan.pdf', { type: 'application/pdf' });
    if (!('arrayBuffer' in file)) {
      // jsdom's File has no arrayBuffer(); WebKit's has.
      const read = () =>
        new Promise<ArrayBuffer>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.readAsArrayBuffer(file);
        });
      Object.defineProperty(file, 'arrayBuffer', { value: read });
    }
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    await fireEvent.dragOver(section, { dataTransfer });
    expect(section.classList.contains('dragging')).toBe(true);
    await fireEvent.drop(section, { dataTransfer });
    await find('[data-proof-id="14"]');
    const sent = calls.find((c) => c.cmd === 'attach_dropped_proof')!.args as unknown as Uint8Array;
    expect(new TextDecoder().decode(sent)).toBe('%PDF-1.4 scan');
    expect(section.classList.contains('dragging')).toBe(false);

    // Describing again: a refusal stays in the dialog, next to its field.
    await fireEvent.click(document.querySelector('[data-proof-id="11"] [data-action="edit-proof"]')!);
    const title = await find<HTMLInputElement>('#field-proofTitle');
    expect(title.value).toBe('Feuille d’émargement signée');
    await fireEvent.input(title, { target: { value: '' } });
    await fireEvent.click(document.querySelector('[data-action="save-proof"]')!);
    await waitFor(() => expect(document.querySelector('#error-proofTitle')?.textContent).toContain('obligatoire'));
    await fireEvent.input(title, { target: { value: 'Émargement du forum' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    await waitFor(() => expect(line(11)).toContain('Émargement du forum'));
    expect(calls.find((c) => c.cmd === 'update_proof' && (c.args.input as { title: string }).title !== '')?.args).toEqual({
      id: 11,
      input: { recordKind: 'action', recordId: 7, kind: 'attendance_sheet', title: 'Émargement du forum', date: '18/11/2025' },
    });

    // Removing asks first.
    await fireEvent.click(document.querySelector('[data-proof-id="12"] [data-action="remove-proof"]')!);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Photo de la séance');
    expect(calls.some((c) => c.cmd === 'delete_proof')).toBe(false);
    await fireEvent.click(document.querySelector('[data-action="confirm-remove-proof"]')!);
    await waitFor(() => expect(document.querySelector('[data-proof-id="12"]')).toBeNull());
    expect(calls.find((c) => c.cmd === 'delete_proof')?.args).toEqual({ id: 12 });
  });

  it('says a record must be saved before files can be attached', async () => {
    const { calls } = renderWithApp(ProofsSection, { recordKind: 'partner', recordId: null });
    expect(document.body.textContent).toContain('Enregistrez d’abord la fiche');
    expect(document.querySelector('[data-action="attach-proof"]')).toBeNull();
    expect(calls.some((c) => c.cmd === 'list_proofs')).toBe(false);
  });
});

function report(proofs: Partial<CheckReport['proofs']> = {}): CheckReport {
  return {
    databasePath: '/données/tremplin.sqlite',
    schemaVersion: 5,
    supportedVersion: 5,
    integrity: ['ok'],
    foreignKeyProblems: 0,
    proofs: { filesChecked: 120, bytesChecked: 3_500_000, missing: [], altered: [], orphans: [], leftovers: [], dangling: [], ...proofs },
  };
}

const missing = { sha256: 'c'.repeat(64), storedName: `cc/${'c'.repeat(64)}.pdf`, proofs: [{ proofId: 3, recordKind: 'action' as const, recordId: 7, title: 'Émargement' }] };

describe('the integrity report', () => {
  it('is healthy only when the database and every file are as stored', () => {
    expect(isHealthy(report())).toBe(true);
    expect(isHealthy({ ...report(), integrity: ['row 3 missing from index'] })).toBe(false);
    expect(isHealthy({ ...report(), foreignKeyProblems: 1 })).toBe(false);
    expect(isHealthy(report({ orphans: ['dd/x.pdf'] }))).toBe(false);
    const groups = checkProblems(report({ missing: [missing], orphans: ['dd/orphan.png'] }), (u) => `${u.title} n° ${u.recordId}`);
    expect(groups.map((g) => g.key)).toEqual(['missing', 'orphans']);
    expect(groups[0].items).toEqual([`cc/${'c'.repeat(64)}.pdf — Émargement n° 7`]);
  });
});

describe('« Données et sauvegardes »', () => {
  it('shows the check, the backups kept, and restores only after a question', async () => {
    let keep = 14;
    const { calls, store } = renderWithApp(DataPage, {}, (cmd, args) => {
      switch (cmd) {
        case 'get_app_state':
          return appState;
        case 'get_reference_data':
          return reference;
        case 'check_data':
          return report({ missing: [missing] });
        case 'list_backups':
          return { keep, folder: '/données/Sauvegardes', backups: [{ fileName: 'tremplin-2026-12-01.sqlite', size: 2_100_000, takenAt: '2026-12-01T08:15:00' }] };
        case 'set_backup_keep':
          if ((args.keep as number) < 1) throw validationError({ keep: 'Gardez entre 1 et 365 sauvegardes.' });
          keep = args.keep as number;
          return keep;
        case 'restore_archive':
          return { schemaVersion: 5, proofFiles: 40, archiveCreatedAt: '2026-11-30T17:00:00', previousData: { fileName: 'avant-restauration-2026-12-02.sqlite', size: 10, takenAt: '2026-12-02T10:00:00' } };
        default:
          return null;
      }
    });
    await waitFor(() => expect(document.querySelector('[data-testid="check-verdict"]')?.textContent).toContain('Des problèmes'));
    expect(document.querySelector('[data-problem="missing"]')!.textContent).toContain('Émargement (Action n° 7)');
    expect(document.querySelector('[data-testid="check-proofs"]')!.textContent).toContain('120 fichiers');
    await find('[data-testid="backup-list"]');
    expect(document.querySelector('[data-testid="backup-list"]')!.textContent).toContain('01/12/2026 à 8\u00a0h\u00a015');
    expect(document.querySelector('[data-testid="backup-list"]')!.textContent).toContain('2,0\u00a0Mo');

    const field = document.querySelector<HTMLInputElement>('#field-backupKeep')!;
    expect(field.value).toBe('14');
    await fireEvent.input(field, { target: { value: '0' } });
    await fireEvent.click(document.querySelector('[data-action="save-keep"]')!);
    await waitFor(() => expect(document.querySelector('#error-backupKeep')?.textContent).toContain('entre 1 et 365'));
    await fireEvent.input(field, { target: { value: '30' } });
    await fireEvent.click(document.querySelector('[data-action="save-keep"]')!);
    await waitFor(() => expect(keep).toBe(30));

    await fireEvent.click(document.querySelector('[data-action="restore-archive"]')!);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('vérifie d’abord toute l’archive');
    expect(calls.some((c) => c.cmd === 'restore_archive')).toBe(false);
    const before = calls.filter((c) => c.cmd === 'get_app_state').length;
    await fireEvent.click(document.querySelector('[data-action="confirm-restore"]')!);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'get_app_state').length).toBeGreaterThan(before));
    await waitFor(() => expect(store.toasts.items.map((t) => t.message).join(' ')).toContain('avant-restauration-2026-12-02.sqlite'));
    expect(store.toasts.items.at(-1)!.message).toContain('Archive du 30/11/2026 restaurée (40 fichiers de preuves)');
  });
});
