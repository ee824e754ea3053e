import type { EntryModel } from '../../catalog/model.js';
import { googleStatusOf, stripeTypeOf } from '../../catalog/wire-facts.js';
import { type AddChange, type ChangeSite, entryChange, showValue } from './changes.js';

type Site = (field: string) => ChangeSite & { readonly id: string };

/**
 * Reports a change of what an entry's stated wire facts send: Google's status
 * and Stripe's type, which clients branch on (breaking), and Stripe's doc_url
 * (documentation). A fact neither version states follows the HTTP status, whose
 * change `status-changed` already reports.
 */
export function compareWire(old: EntryModel, now: EntryModel, at: Site, add: AddChange): void {
  if (old.wire?.google !== undefined || now.wire?.google !== undefined) {
    const [before, after] = [googleStatusOf(old), googleStatusOf(now)];
    if (before !== after)
      add(
        entryChange(
          'google-status-changed',
          at('wire.google.status'),
          `Google status ${showValue(before)} → ${showValue(after)}`,
          {
            before,
            after,
          },
        ),
      );
  }
  if (old.wire?.stripe?.type !== undefined || now.wire?.stripe?.type !== undefined) {
    const [before, after] = [stripeTypeOf(old), stripeTypeOf(now)];
    if (before !== after)
      add(
        entryChange(
          'stripe-type-changed',
          at('wire.stripe.type'),
          `Stripe type ${showValue(before)} → ${showValue(after)}`,
          {
            before,
            after,
          },
        ),
      );
  }
  const [before, after] = [old.wire?.stripe?.docUrl, now.wire?.stripe?.docUrl];
  if (before !== after) {
    const show = (url: string | undefined) => (url === undefined ? 'the reference URL' : showValue(url));
    add(
      entryChange(
        'stripe-doc-url-changed',
        at('wire.stripe.docUrl'),
        `Stripe doc_url ${show(before)} → ${show(after)}`,
        {
          before,
          after,
        },
      ),
    );
  }
}
