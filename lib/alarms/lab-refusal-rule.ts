/**
 * The technical alarm a refused laboratory result holds open until someone deals with it (one per refusal): raised
 * by the import (lib/db/labs), followed by the bed page to list a new refusal at once (lib/client).
 */
export const LAB_REFUSAL_RULE = "lab-result-unreadable";
