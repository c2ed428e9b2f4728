// What the fast-entry bar keeps from one relayed offer to the next: the same
// day, source, contract, channel and filières are typical of a batch (a
// partner's mailing passed on to two promos), the title and comment are not.
import type { RelayedOfferInput } from '../../api/generated/RelayedOfferInput';

export function emptyOffer(today: string, programmeIds: number[] = []): RelayedOfferInput {
  return {
    id: null,
    offeredOn: today,
    partnerId: null,
    source: '',
    title: '',
    contract: 'apprenticeship',
    channel: 'email',
    programmeIds,
    comment: '',
  };
}

/** The next entry after one was saved: everything but the title and comment. */
export function nextOffer(saved: RelayedOfferInput): RelayedOfferInput {
  return { ...saved, id: null, title: '', comment: '', programmeIds: [...saved.programmeIds] };
}
