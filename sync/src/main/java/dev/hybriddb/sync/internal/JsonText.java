package dev.hybriddb.sync.internal;

/** The text of a json or jsonb column, as read from JDBC. */
public record JsonText(String text) {}
