// What a proof's line says about its file: « PDF, 3 pages — « titre » »,
// « Image JPEG, 360 × 240 », « Document bureautique ». Pure, so it is tested without a window.
import type { ProofFile } from '../../../api/generated/ProofFile';
import { NBSP, quote } from '../../../format';
import { t, tn } from '../../../i18n';

export function isImage(file: ProofFile): boolean {
  return file.media === 'jpeg' || file.media === 'png';
}

/** The file in words, as its line shows it. */
export function describeFile(file: ProofFile): string {
  switch (file.media) {
    case 'pdf': {
      const pages = file.pages != null ? `, ${tn('proofs.pages', file.pages)}` : '';
      const title = file.pdfTitle ? ` — ${quote(file.pdfTitle)}` : '';
      return `PDF${pages}${title}`;
    }
    case 'jpeg':
    case 'png': {
      const size = file.width != null && file.height != null ? `, ${file.width}${NBSP}×${NBSP}${file.height}` : '';
      return `${t(file.media === 'jpeg' ? 'proofs.media.jpeg' : 'proofs.media.png')}${size}`;
    }
    default:
      return t('proofs.media.office');
  }
}

/** Whether a drag carries files (not text or a link dragged from the page). */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer != null && [...transfer.types].includes('Files');
}
