// What « Ressources d’accompagnement » computes on its own: the labels of the
// closed lists, the sort key of a period as the core prints it, and the
// values a usage figure is typed back into its small form with.
import type { ReferenceData } from '../../api/generated/ReferenceData';
import type { ResourceUsage } from '../../api/generated/ResourceUsage';
import type { ResourceUsageInput } from '../../api/generated/ResourceUsageInput';
import { formatDate } from '../../format';

/** The label of a resource kind (« Plateforme d’e-learning »), the code when unknown. */
export function resourceKindLabel(reference: ReferenceData, code: string): string {
  return reference.resourceKinds.find((k) => k.code === code)?.label ?? code;
}

/** The label of a usage metric (« Connexions »), the code when unknown. */
export function usageMetricLabel(reference: ReferenceData, code: string): string {
  return reference.usageMetrics.find((k) => k.code === code)?.label ?? code;
}

/**
 * « 01/09/2025 – 31/12/2025 » (the core's latest period) → « 2025-09-01 2025-12-31 »,
 * so the newest period sorts last; null stays null (no figure yet).
 */
export function periodSortKey(period: string | null): string | null {
  if (!period) return null;
  const dates = [...period.matchAll(/(\d{2})\/(\d{2})\/(\d{4})/g)].map((m) => `${m[3]}-${m[2]}-${m[1]}`);
  return dates.length > 0 ? dates.join(' ') : period;
}

/** The small form's values: a figure to edit, or a new one (keeping the period just typed). */
export function usageInput(resourceId: number | null, usage: ResourceUsage | null, period?: { periodStart: string; periodEnd: string }): ResourceUsageInput {
  if (usage) {
    return {
      id: usage.id,
      resourceId: usage.resourceId,
      periodStart: formatDate(usage.periodStart),
      periodEnd: formatDate(usage.periodEnd),
      metric: usage.metric,
      value: String(usage.value).replace('.', ','),
      note: usage.note ?? '',
    };
  }
  return { id: null, resourceId, periodStart: period?.periodStart ?? '', periodEnd: period?.periodEnd ?? '', metric: '', value: '', note: '' };
}
