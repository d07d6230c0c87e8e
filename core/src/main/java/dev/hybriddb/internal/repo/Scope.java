package dev.hybriddb.internal.repo;

import java.util.UUID;
import org.jooq.DSLContext;

/** What a repository needs of a tenant transaction. */
public record Scope(UUID tenantId, DSLContext dsl) {}
