import "server-only";

/** Trigram threshold of the typo-tolerant name search (word similarity, pg_trgm). On the surname dictionary (NameKey,
 *  thousands of rows) it can stay low: 0.3 still finds a 4-letter surname with one wrong, missing or doubled letter. */
export const NAME_KEY_SIMILARITY = 0.3;

/** Company names are matched on the companies themselves (GIN on Company.searchName): a stricter threshold. */
export const NAME_SIMILARITY = 0.4;
