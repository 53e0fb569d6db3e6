import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ActionItem } from '@internal/plugin-data-catalog-common';
import {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import { createHash } from 'node:crypto';
import { ReadModel } from '../readModel/types';
import { SourceChange } from './detectChanges';
import { AffectedIndicator } from './findDownstream';

/** The topic of every impact notice, for users' notification settings. */
export const IMPACT_TOPIC = 'data-source-impact';

/** How many affected indicators or action items a notice names. */
const NAMED = 5;

/** A notice ready to be recorded and sent. */
export interface ImpactNotice {
  /** Says which change this is; the same change always has the same key. */
  key: string;
  source: string;
  change: SourceChange['kind'];
  from?: string;
  to?: string;
  /** The catalog version the change was made from. */
  modelVersion: string;
  /** Entity refs of the groups and users to tell. */
  recipients: string[];
  payload: NotificationPayload;
}

/**
 * Writes the notice for one change: what changed, from what to what, and
 * the indicators and open action items it reaches, addressed to their
 * owners. `version` is the catalog version the change was made from: any
 * refresh that sees the change from there (again, after a failed replace,
 * or on another replica) gives the same key, while a source that changes
 * back and again later is noticed again.
 */
export function composeNotice(options: {
  change: SourceChange;
  indicators: AffectedIndicator[];
  actions: ActionItem[];
  model: ReadModel;
  version: string;
}): ImpactNotice {
  const { change, indicators, actions, model, version } = options;
  const { source } = change;
  const districtTitle = titles(model.districts);
  const elementTitle = titles(model.elements);

  const { from, to } = valuesOf(change);
  const key = createHash('sha256')
    .update(JSON.stringify([change.kind, source.ref, from, to, version]))
    .digest('hex');

  const { title, what, why } = wordsFor(
    change,
    change.elements.map(e => elementTitle(e)),
  );

  const affected = [
    indicators.length > 0
      ? `Indicators affected: ${listed(
          indicators.map(
            i => `${i.indicator.title} in ${districtTitle(i.district)}`,
          ),
          NAMED,
        )}.`
      : '',
    actions.length > 0
      ? `Open action items affected: ${listed(
          actions.map(a => `"${a.step}" in ${districtTitle(a.district)}`),
          NAMED,
        )}.`
      : '',
  ].filter(Boolean);

  const recipients = [
    ...new Set([
      ...indicators.map(i => i.indicator.owner),
      ...actions.flatMap(a => ownerRef(a.owner) ?? []),
    ]),
  ].sort();

  return {
    key,
    source: source.ref,
    change: change.kind,
    from,
    to,
    modelVersion: version,
    recipients,
    payload: {
      title,
      description: [
        `${source.title} (${districtTitle(source.district)}) ${what}.`,
        why,
        ...affected,
      ].join(' '),
      link: entityPage(source.ref),
      severity: severityOf(change),
      topic: IMPACT_TOPIC,
      // Should a notice be sent twice after all (sent, then the process
      // stopped before recording it), the notifications backend updates
      // the first one for the same scope instead of adding another.
      scope: `data-catalog:impact:${key}`,
    },
  };
}

/** The title, what happened, and why it matters, for each kind. */
function wordsFor(
  change: SourceChange,
  elements: string[],
): { title: string; what: string; why: string } {
  const { title: source } = change.source;
  switch (change.kind) {
    case 'lifecycle':
      return {
        title: `${source} is now ${change.to}`,
        what: `moved from ${change.from} to ${change.to}`,
        why:
          change.to === 'retired'
            ? 'A retired source no longer counts toward any indicator.'
            : 'A deprecated source still counts toward indicators, until it is retired.',
      };
    case 'vendor':
      return {
        title: `${source} changed vendor to ${change.to}`,
        what: `changed vendor from ${change.from} to ${change.to}`,
        why: 'Field names, exports and linking by student ID may change with the vendor.',
      };
    default:
      return {
        title: `${source} no longer provides ${listed(elements, 3)}`,
        what: `no longer provides ${listed(elements, 2 * NAMED)}`,
        why:
          elements.length === 1
            ? 'Indicators that need it can no longer take it from this source.'
            : 'Indicators that need them can no longer take them from this source.',
      };
  }
}

// Retiring a source or dropping an element takes data away from indicators
// now; a deprecation or a new vendor warns of work to come.
function severityOf(change: SourceChange): NotificationSeverity {
  return change.kind === 'elements' ||
    (change.kind === 'lifecycle' && change.to === 'retired')
    ? 'high'
    : 'normal';
}

function valuesOf(change: SourceChange): { from?: string; to?: string } {
  if (change.kind === 'elements') {
    return { from: JSON.stringify([...change.elements].sort()) };
  }
  return { from: change.from, to: change.to };
}

/** Lists up to `count` names, and says how many more there are. */
function listed(names: string[], count: number): string {
  const shown = names.slice(0, count);
  const more = names.length - shown.length;
  const all = more > 0 ? [...shown, `${more} more`] : shown;
  if (all.length <= 1) {
    return all.join('');
  }
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

function titles(records: Array<{ ref: string; title: string }>) {
  const byRef = new Map(records.map(r => [r.ref, r.title]));
  return (ref: string) => byRef.get(ref) ?? ref.slice(ref.indexOf('/') + 1);
}

/**
 * The action item's owner as an entity ref, when it is one. Owners are
 * free text; a name that is not a user or group ref cannot be notified.
 */
function ownerRef(owner: string): string | undefined {
  try {
    const ref = parseEntityRef(owner.trim());
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if (kind !== 'user' && kind !== 'group') {
      return undefined;
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** The source's page in the catalog, relative to the app. */
function entityPage(sourceRef: string): string {
  const { kind, namespace, name } = parseEntityRef(sourceRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}
