package dev.hybriddb.repository;

import dev.hybriddb.model.AuditLog;
import dev.hybriddb.model.AuditLogFields;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The audit log of the scope's tenant: entries are appended and read, never changed. */
public interface AuditLogRepository {
    /** Appends an entry and returns it as stored. */
    AuditLog append(AuditLogFields entry);

    /** The entry with this id, if it exists for this tenant. */
    Optional<AuditLog> findById(UUID id);

    /** Entries newest first. */
    List<AuditLog> list(Page page);

    /** The entries about one resource, newest first. */
    List<AuditLog> findByResource(String resourceType, String resourceId, Page page);

    /** The number of entries of this tenant. */
    long count();
}
