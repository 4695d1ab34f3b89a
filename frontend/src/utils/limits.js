// Length limits that the server enforces, so that a form stops typing where the server would refuse.

/** A round's label: RoundController.LABEL_MAX_LENGTH on the server, a VARCHAR(50) column. */
export const ROUND_LABEL_MAX_LENGTH = 50
