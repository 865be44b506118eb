/** The alarm rules as data: their schema and the defaults. */
export * from "./rule-schema";
export { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
export { ALARM_SOURCES } from "./sources";
