--liquibase formatted sql

-- Vector module: a memory's bank must belong to the memory's tenant. 0510 referenced
-- memory_banks (id) alone; foreign-key checks do not see row-level security, so a memory of
-- tenant B could point at a bank of tenant A. The key is now (tenant_id, memory_bank_id), like
-- the baseline's tenant-scoped join tables.

--changeset hybriddb-vector:0530-memories-tenant-fk
ALTER TABLE memory_banks ADD CONSTRAINT memory_banks_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE memories DROP CONSTRAINT memories_memory_bank_id_fkey;
ALTER TABLE memories ADD CONSTRAINT memories_tenant_bank_fkey FOREIGN KEY (tenant_id, memory_bank_id)
    REFERENCES memory_banks (tenant_id, id) ON DELETE CASCADE;
--rollback ALTER TABLE memories DROP CONSTRAINT memories_tenant_bank_fkey;
--rollback ALTER TABLE memories ADD CONSTRAINT memories_memory_bank_id_fkey FOREIGN KEY (memory_bank_id) REFERENCES memory_banks (id) ON DELETE CASCADE;
--rollback ALTER TABLE memory_banks DROP CONSTRAINT memory_banks_tenant_id_key;
