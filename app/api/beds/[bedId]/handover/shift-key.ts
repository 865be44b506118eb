import { z } from "zod";
import { parseSearchParams } from "@/lib/http/parse-search-params";

const ZRequiredShift = z.object({
  shift: z.string().regex(/^\d{4}-\d{2}-\d{2}\/.+$/, { message: 'Expected a shift key like "2026-03-28/night"' }),
});

/**
 * A change names the shift it is about: never "the running one", so that a form opened at 18:55 and sent at 19:05
 * still writes the sheet it showed.
 */
export function requiredShiftKey(url: string): string {
  return parseSearchParams(ZRequiredShift, url).shift;
}
