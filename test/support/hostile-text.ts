/**
 * Text no clinical record should hold, each wrapped in ordinary words so that only the one character is at fault:
 * halves of a surrogate pair left alone (not UTF-8, once a 500), control characters, and the bidirectional overrides
 * and isolates that make text read on screen differently from what was stored.
 */
export const HOSTILE_TEXT: readonly (readonly [name: string, text: string])[] = [
  ["a lone high surrogate", "Check \ud83d the circuit"],
  ["a lone low surrogate", "Check \ude00 the circuit"],
  ["NUL", "Check\u0000 the circuit"],
  ["ESC", "Check \u001b[31m the circuit"],
  ["a C1 control (NEL)", "Check\u0085 the circuit"],
  ["DEL", "Check\u007f the circuit"],
  ["a right-to-left override", "Heparin \u202e01 Ul/h"],
  ["a left-to-right embedding", "Heparin \u202a10 UI/h"],
  ["a right-to-left isolate", "Heparin \u2067 10 UI/h\u2069"],
  ["a pop directional isolate", "Heparin 10 UI/h\u2069"],
];
