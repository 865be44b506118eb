import { z } from "zod";
import { ZParameterCode } from "@/lib/catalogue";

/**
 * One entry of the table of local codes: a code that is not one of the catalogue's LOINC codes but names a monitored
 * parameter. `sender` restricts it to one sending application (MSH-3), for a sender whose codes are wrong or its own.
 */
export const ZLocalCode = z.object({
  system: z.string().min(1).max(64),
  code: z.string().min(1).max(64),
  parameter: ZParameterCode,
  sender: z.string().min(1).max(128).optional(),
  note: z.string().max(300).optional(),
});
export type TLocalCode = z.infer<typeof ZLocalCode>;

export const ZLocalCodeTable = z.array(ZLocalCode).max(10_000);

/** The system under which a sender may name the station's own parameter codes (device gateways, the CSV format). */
export const STATION_CODE_SYSTEM = "ECMO-STATION";

/**
 * The codes shipped with the station. A site adds its own through a JSON file of the same shape (CLI `--codes`,
 * server `IMPORT_LOCAL_CODES`); its entries are consulted before these.
 */
export const DEFAULT_LOCAL_CODES: readonly TLocalCode[] = [
  // MIMIC-IV lab items (the mimic preset maps by itemid): its LOINC column is missing for lactate and for the blood-gas
  // haemoglobin, and wrong for PTT (5898-2), so it is not trusted. Fluid "Blood" for all five.
  { system: "mimic-itemid", code: "50813", parameter: "lactate", note: "MIMIC-IV Lactate (Blood Gas)" },
  { system: "mimic-itemid", code: "50811", parameter: "hemoglobin", note: "MIMIC-IV Hemoglobin (Blood Gas)" },
  { system: "mimic-itemid", code: "51222", parameter: "hemoglobin", note: "MIMIC-IV Hemoglobin (Hematology)" },
  { system: "mimic-itemid", code: "51265", parameter: "platelets", note: "MIMIC-IV Platelet Count (Hematology)" },
  {
    system: "mimic-itemid",
    code: "51214",
    parameter: "fibrinogen",
    note: "MIMIC-IV Fibrinogen, Functional (Hematology)",
  },
];
