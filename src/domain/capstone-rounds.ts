/**
 * The capstone's number of quarters, in a module of its own (no imports) so the lesson's start
 * panel can name it without loading the game's model (capstone.ts re-exports it).
 */

/** Quarters the learner plays. */
export const CAPSTONE_ROUNDS = 4;
