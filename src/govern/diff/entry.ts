import { entryStatuses } from '../../catalog/fields/status.js';
import { effectiveParams } from '../../catalog/message-params.js';
import type { EntryModel } from '../../catalog/model.js';
import { type AddChange, entryChange, showValue } from './changes.js';
import { compareDetails } from './details.js';
import { compareRetry } from './retry.js';
import { compareWire } from './wire.js';

const TEXT_FIELDS = ['title', 'message', 'description', 'remediation'] as const;

/** Reports the changes between two versions of one entry (`id` is its id in the new catalog). */
export function compareEntry(
  old: EntryModel,
  now: EntryModel,
  id: string,
  add: AddChange,
  wording: boolean,
): void {
  const at = (field: string) => ({ id, code: now.code, field });
  if (old.code !== now.code)
    add(
      entryChange('code-changed', at('code'), `code ${showValue(old.code)} → ${showValue(now.code)}`, {
        before: old.code,
        after: now.code,
      }),
    );
  if (old.status !== now.status)
    add(
      entryChange('status-changed', at('status'), `status ${old.status} → ${now.status}`, {
        before: old.status,
        after: now.status,
      }),
    );
  // Beyond the default: a status listed besides it (`status: [400, 409]`) added or removed.
  const oldStatuses = entryStatuses(old);
  const nowStatuses = entryStatuses(now);
  for (const s of nowStatuses)
    if (!oldStatuses.includes(s))
      if (s !== now.status)
        add(
          entryChange(
            'status-added',
            at('status'),
            `status ${s} added to ${oldStatuses.join(', ')} (the first stays the default)`,
            {
              after: s,
            },
          ),
        );
  for (const s of oldStatuses)
    if (!nowStatuses.includes(s) && s !== old.status)
      add(
        entryChange(
          'status-removed',
          at('status'),
          `status ${s} removed (${nowStatuses.join(', ')} ${nowStatuses.length > 1 ? 'stay' : 'stays'})`,
          {
            before: s,
          },
        ),
      );
  compareRetry(old.retry, now.retry, now.status, at('retry'), add);
  compareWire(old, now, at, add);
  compareDetails(old.details, now.details, at('details'), add);
  // The parameters callers pass, typed by the one rule the compiler and the runtime check read.
  const oldParams = effectiveParams(old);
  const nowParams = effectiveParams(now);
  for (const [name, oldParam] of Object.entries(oldParams)) {
    const newParam = Object.hasOwn(nowParams, name) ? nowParams[name] : undefined;
    const field = `params.${name}`;
    if (!newParam) add(entryChange('param-removed', at(field), `message parameter ${name} removed`));
    else if (newParam.type !== oldParam.type)
      add(
        entryChange(
          'param-type-changed',
          at(field),
          `message parameter ${name}: ${oldParam.type} → ${newParam.type}`,
          { before: oldParam.type, after: newParam.type },
        ),
      );
  }
  for (const name of Object.keys(nowParams))
    if (!Object.hasOwn(oldParams, name))
      add(entryChange('param-added', at(`params.${name}`), `message parameter ${name} added`));
  if (old.expose && !now.expose)
    add(entryChange('expose-reduced', at('expose'), 'message and details no longer exposed to callers'));
  else if (!old.expose && now.expose)
    add(entryChange('expose-extended', at('expose'), 'message and details now exposed to callers'));
  if (!old.deprecated && now.deprecated) {
    const replacedBy = now.deprecated.replacedBy ? `, replaced by ${now.deprecated.replacedBy}` : '';
    add(entryChange('deprecated', at('deprecated'), `deprecated${replacedBy}`));
  }
  if (old.category !== now.category)
    add(
      entryChange(
        'category-changed',
        at('category'),
        `category ${showValue(old.category)} → ${showValue(now.category)}`,
      ),
    );
  if (JSON.stringify(old.links ?? []) !== JSON.stringify(now.links ?? []))
    add(entryChange('links-changed', at('links'), 'documentation links changed'));
  if (!wording) return;
  for (const field of TEXT_FIELDS) {
    if (old[field] === now[field]) continue;
    const how = old[field] === undefined ? 'added' : now[field] === undefined ? 'removed' : 'reworded';
    // Titles and messages reach callers; descriptions and remediations are documentation.
    const kind = field === 'title' || field === 'message' ? 'text-changed' : 'text-changed:documentation';
    add(entryChange(kind, at(field), `${field} ${how}`, { before: old[field], after: now[field] }));
  }
}
