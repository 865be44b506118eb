export * from "./shift-pattern";
export * from "./shifts";
