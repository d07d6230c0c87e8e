package dev.hybriddb.vector;

import dev.hybriddb.NotFoundException;
import dev.hybriddb.model.Page;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link AgentMemory} operations inside one tenant's transaction: obtained with
 * {@code scope.attach(TenantMemories.class)} in the work of {@code HybridDB.withTenant}, so that
 * memories commit or roll back with everything else that work does. No tenant parameter: the
 * scope's tenant is used. Valid only inside that work.
 */
public final class TenantMemories {
    private final AgentMemory memory;
    private final UUID tenant;

    TenantMemories(AgentMemory memory, UUID tenant) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** Creates a bank; a second bank of the same name is a constraint violation. */
    public MemoryBank createBank(String name, String description) {
        return memory.createBank(tenant, name, description);
    }

    /** The bank named {@code name}, if the tenant has one. */
    public Optional<MemoryBank> bank(String name) {
        return memory.bank(tenant, name);
    }

    /** The tenant's banks by name. */
    public List<MemoryBank> banks() {
        return memory.banks(tenant);
    }

    /** Deletes a bank and its memories; false when the tenant had no such bank. */
    public boolean deleteBank(UUID bankId) {
        return memory.deleteBank(tenant, bankId);
    }

    /**
     * Stores a memory in bank {@code bankId}.
     *
     * @throws NotFoundException when the tenant has no such bank
     */
    public Memory remember(UUID bankId, NewMemory newMemory) {
        return memory.remember(tenant, bankId, newMemory);
    }

    /** The bank's memories, newest first, without counting an access. */
    public List<Memory> memories(UUID bankId, Page page) {
        return memory.memories(tenant, bankId, page);
    }

    /** The {@code k} memories of the bank most similar to {@code query}, see {@link AgentMemory#recall}. */
    public List<RecalledMemory> recall(UUID bankId, String query, int k) {
        return memory.recall(tenant, bankId, query, k);
    }

    /** The {@code k} memories of at least {@code minImportance} most similar to {@code query}. */
    public List<RecalledMemory> recall(UUID bankId, float[] query, int k, int minImportance) {
        return memory.recall(tenant, bankId, query, k, minImportance);
    }

    /** A memory by id, without counting an access. */
    public Optional<Memory> memory(UUID memoryId) {
        return memory.memory(tenant, memoryId);
    }

    /** Deletes a memory; false when the tenant had no such memory. */
    public boolean forget(UUID memoryId) {
        return memory.forget(tenant, memoryId);
    }

    /** The tenant this view works for. */
    public UUID tenantId() {
        return tenant;
    }

    @Override
    public String toString() {
        return "TenantMemories[" + tenant + "]";
    }
}
