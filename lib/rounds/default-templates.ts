import type { TDeviceType } from "@/lib/catalogue";
import { ECMO_ITEMS } from "./default-templates/ecmo-items";
import { IABP_ITEMS } from "./default-templates/iabp-items";
import type { TRoundTemplateInput, TRoundTemplateItem } from "./template";

/**
 * The built-in checklists (version 1 of each device type), from docs/clinical-reference.md §5: the French IABP nursing
 * protocol, completed, and the VA-ECMO start-of-shift and hourly checks. A patient on both devices gets both lists,
 * the checks they share (legs, urine output) asked once. Installed at start-up when a device type has no version
 * yet; an admin changes them by publishing a new version.
 */

/** Both devices: the VA-ECMO list, then the IABP items it does not already hold. */
function combined(): TRoundTemplateItem[] {
  const ids = new Set(ECMO_ITEMS.map((i) => i.itemId));
  return [...ECMO_ITEMS, ...IABP_ITEMS.filter((i) => !ids.has(i.itemId))];
}

export const DEFAULT_ROUND_TEMPLATES: Readonly<Record<TDeviceType, TRoundTemplateInput>> = {
  IABP: {
    deviceType: "IABP",
    note: "Built-in: the French IABP nursing protocol, with the station's additions",
    items: IABP_ITEMS,
  },
  VA_ECMO: { deviceType: "VA_ECMO", note: "Built-in: the station's VA-ECMO checklist", items: ECMO_ITEMS },
  VA_ECMO_IABP: {
    deviceType: "VA_ECMO_IABP",
    note: "Built-in: the VA-ECMO and IABP checklists together",
    items: combined(),
  },
};
