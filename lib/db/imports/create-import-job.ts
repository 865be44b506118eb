import type { TImportKind } from "@/lib/imports/import-record";
import type { Db } from "../client";
import { currentNodeId } from "../cluster/node-identity";

export interface TCreateImportJob {
  db: Db;
  id: string;
  kind: TImportKind;
  fileName: string;
  actor: string;
  dryRun: boolean;
  startedAt: Date;
}

/** Opens a job in status "running"; its counts grow with each committed batch. */
export async function createImportJob({
  db,
  id,
  kind,
  fileName,
  actor,
  dryRun,
  startedAt,
}: TCreateImportJob): Promise<void> {
  await db.importJob.create({
    data: {
      id,
      kind,
      fileName: fileName.slice(0, 255),
      actor: actor.slice(0, 255),
      dryRun,
      status: "running",
      startedAt,
      // The leader closes it if this node dies meanwhile (lib/db/cluster/close-imports-of-stopped-nodes.ts).
      nodeId: currentNodeId(),
    },
  });
}
