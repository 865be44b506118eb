export * from "./handover-data";
export * from "./settings-changes";
export * from "./lab-summary";
export * from "./suggest-severity";
export * from "./build-handover-data";
export * from "./handover-sheet";
export * from "./format-handover";
export * from "./to-alarm-text-input";
