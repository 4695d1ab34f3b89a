// Length limits that the server enforces, so that a form stops typing where the server would refuse.

/** A round's label: RoundController.LABEL_MAX_LENGTH on the server, a VARCHAR(50) column. */
export const ROUND_LABEL_MAX_LENGTH = 50

/** Fewest respondents a group figure is shown for: the server's lagesbild.anonymity-threshold default. */
export const DEFAULT_ANONYMITY_THRESHOLD = 5
