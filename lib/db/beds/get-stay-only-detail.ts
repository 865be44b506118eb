import type { TBedDetail } from "@/lib/bed/bed-detail";
import { STAY_PARAMETERS } from "@/lib/bed/bed-scope";
import { ageInYears, initialsOf } from "@/lib/patients/age-in-years";
import type { Db } from "../client";
import { listOpenLabRefusals } from "../labs/list-open-lab-refusals";
import { findLatestValues } from "../observations/find-latest-values";
import { findBedStay } from "./find-bed-stay";
import { findStayLabs } from "./find-stay-labs";

const LAB_CODES = STAY_PARAMETERS.filter((p) => p.sourceKind === "lab").map((p) => p.code);

/**
 * The bed view's detail of a patient admitted with no support running (issue 15): the patient, the stay (its
 * admission and its last support, if one ran), and the stay's own latest values and labs, whenever they were taken
 * (a lactate before cannulation, limb checks after the balloon's removal). A device's values and derived facts (the
 * balloon's runs, the ΔP/flow baseline) mean nothing without the device and are left out. The stay's laboratory
 * results that could not be read are listed as on a bed with support (issue 16: nothing refused is invisible). Null
 * for an empty bed.
 */
export async function getStayOnlyDetail({
  db,
  bedId,
  now,
}: {
  db: Db;
  bedId: string;
  now: Date;
}): Promise<Omit<TBedDetail, "serverTime" | "lastSeq" | "bed"> | null> {
  const stay = await findBedStay({ db, bedId });
  if (!stay) return null;
  const [latest, { labs, replacedLabs }, labRefusals] = await Promise.all([
    findLatestValues({ db, stayId: stay.id, parameters: STAY_PARAMETERS }),
    findStayLabs({ db, stayId: stay.id, codes: LAB_CODES }),
    listOpenLabRefusals({ db, stayId: stay.id }),
  ]);
  const { patient } = stay;
  const last = stay.episodes[0];
  return {
    patient: {
      initials: initialsOf(patient.givenName, patient.familyName),
      ageYears: ageInYears(patient.birthDate, now),
      sex: patient.sex,
      weightKg: stay.weightKg ?? patient.weightKg,
    },
    episode: null,
    stay: {
      id: stay.id,
      admittedAt: stay.admittedAt.getTime(),
      // The newest episode has ended (none runs, or the caller would have found it); null if support never ran.
      lastSupport:
        last?.endedAt != null
          ? { deviceType: last.deviceType, startedAt: last.startedAt.getTime(), endedAt: last.endedAt.getTime() }
          : null,
    },
    latest,
    labs,
    replacedLabs,
    labRefusals,
    runs: { pumping: null, ratio: null },
    dpFlowBaseline: null,
  };
}
