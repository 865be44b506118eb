import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** The open stay of the patient with this MRN, in the caller's transaction; refused (field mrn) when not admitted. */
export async function findAdmittedStay(tx: Prisma.TransactionClient, mrn: string) {
  const stay = await tx.stay.findFirst({
    where: { patient: { identifier: mrn }, dischargedAt: null },
    include: { _count: { select: { episodes: true } } },
  });
  if (!stay)
    throw new AppError(
      "NOT_FOUND",
      `No admitted patient with MRN ${mrn}.`,
      { field: "mrn" },
      refusal("noAdmittedPatient", { mrn }),
    );
  return stay;
}
