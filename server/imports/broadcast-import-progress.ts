import { rooms, type TImportProgress } from "@/lib/realtime/events";
import type { TImportState } from "@/lib/db/imports/import-run";
import type { StationIo } from "../realtime/attach-realtime";

/** A bar moves smoothly at four updates a second; a million-row file commits hundreds of batches. */
const MIN_INTERVAL_MS = 250;

/**
 * Sends `import:progress` to the screens whose role may see imports, at most four times a second per job while it
 * runs and always when it ends. A job names files, not patients, but it is still no business of a wall screen's.
 */
export function broadcastImportProgress(io: StationIo): (state: TImportState) => void {
  const last = new Map<string, number>();
  return (state) => {
    const now = Date.now();
    if (state.status === "running" && now - (last.get(state.jobId) ?? 0) < MIN_INTERVAL_MS) return;
    if (state.status === "running") last.set(state.jobId, now);
    else last.delete(state.jobId);
    const payload: TImportProgress = {
      jobId: state.jobId,
      fileName: state.fileName,
      status: state.status,
      dryRun: state.dryRun,
      processed: state.processed,
      accepted: state.accepted,
      rejected: state.rejected,
      duplicate: state.duplicate,
      ignored: state.ignored,
    };
    io.to(rooms.imports).emit("import:progress", payload);
  };
}
