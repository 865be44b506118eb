import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { TObservationDto } from "@/lib/observations/observation";
import { packObservations } from "@/lib/observations/packed-observations";
import type { TStationSocket } from "./socket";
import { unitTransport } from "./socket-transport";

const reading: TObservationDto = {
  seq: 41,
  stayId: "stay-1",
  episodeId: "episode-1",
  bedId: "bed-1",
  parameter: "lactate",
  value: 2.4,
  observedAt: Date.UTC(2026, 11, 4, 3, 0),
  source: "hl7",
  status: "final",
};

/** The transport over a socket that is only an event emitter: what the server sends is what `emit` is given here. */
function transportOverEmitter() {
  const socket = new EventEmitter();
  const transport = unitTransport(socket as unknown as TStationSocket);
  const heard: { unitId: string; observations: unknown }[] = [];
  const stop = transport.onRecorded((payload) => heard.push(payload));
  return { socket, heard, stop };
}

describe("socket transport", () => {
  it("hands the sync a recorded message's readings unpacked", () => {
    const { socket, heard } = transportOverEmitter();
    socket.emit("observation:recorded", { unitId: "icu", readings: packObservations([reading]) });
    expect(heard).toEqual([{ unitId: "icu", observations: [reading] }]);
  });

  it("hands it null for a message it cannot read, so that the sync replays from the database", () => {
    const { socket, heard } = transportOverEmitter();
    socket.emit("observation:recorded", { unitId: "icu", readings: { ...packObservations([reading]), value: [] } });
    socket.emit("observation:recorded", { unitId: "icu", observations: [reading] });
    expect(heard).toEqual([
      { unitId: "icu", observations: null },
      { unitId: "icu", observations: null },
    ]);
  });

  it("stops listening when told", () => {
    const { socket, heard, stop } = transportOverEmitter();
    stop();
    socket.emit("observation:recorded", { unitId: "icu", readings: packObservations([reading]) });
    expect(heard).toEqual([]);
  });
});
