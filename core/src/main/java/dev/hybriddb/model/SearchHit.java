package dev.hybriddb.model;

/**
 * One result of a text search.
 *
 * @param entity the row found
 * @param score  how well it matched, from 0 to 1 (higher is better): the best trigram similarity
 *               of the query with any of the searched columns
 * @param <E>    the entity type
 */
public record SearchHit<E>(E entity, double score) {}
