"use client";

import { useEffect, useState } from "react";
import { ZImportProgress, type TImportProgress } from "@/lib/realtime/events";
import { getSocket } from "./socket";

/**
 * The progress of one import job as the server broadcasts it (`import:progress`), or null before its first batch.
 * Other jobs' events are ignored; a payload that does not parse is dropped rather than shown wrong.
 */
export function useImportProgress(jobId: string | null): TImportProgress | null {
  const [latest, setLatest] = useState<TImportProgress | null>(null);
  useEffect(() => {
    if (!jobId) return;
    const socket = getSocket();
    const listener = (payload: unknown) => {
      const parsed = ZImportProgress.safeParse(payload);
      if (parsed.success && parsed.data.jobId === jobId) setLatest(parsed.data);
    };
    socket.on("import:progress", listener);
    return () => void socket.off("import:progress", listener);
  }, [jobId]);
  // A previous job's last event is not this job's progress.
  return latest && latest.jobId === jobId ? latest : null;
}
