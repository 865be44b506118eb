// The id of the station node this process is (docs/deployment.md), kept on globalThis like the db client
// (lib/db/get-db.ts): Next's route handlers load their own instance of this module. Import jobs record it, so that
// the leader can close the jobs of a node that died. Null in a process that is no node (the import CLI, a test).
const KEY = Symbol.for("ecmo-station.node-id");
type Holder = { [KEY]?: string };

export function setNodeId(id: string): void {
  (globalThis as Holder)[KEY] = id;
}

export function currentNodeId(): string | null {
  return (globalThis as Holder)[KEY] ?? null;
}
