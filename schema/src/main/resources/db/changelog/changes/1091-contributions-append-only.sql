--liquibase formatted sql

-- Contributions are append-only, like audit_logs: the application role inserts and reads, never
-- updates or deletes, and no role rewrites a row. A correction is a new row whose corrects_id
-- names the contribution it replaces (same tenant; each contribution is corrected at most once,
-- so corrections form a chain and the last row of a chain is the one in force).
-- assets.total_cost is the sum of cost_amount over the contributions in force: inserting a
-- correction moves the replaced amount out and the new amount in. Rows still disappear with
-- their tenant, contributor or asset (foreign-key cascades, which also remove the corrections of
-- a deleted row) and when the owner deletes for retention; total_cost of the assets concerned is
-- then recomputed.

--changeset hybriddb:1091-contributions-corrects-id
ALTER TABLE contributions ADD CONSTRAINT contributions_tenant_id_id_key UNIQUE (tenant_id, id);
ALTER TABLE contributions ADD COLUMN corrects_id uuid;
ALTER TABLE contributions ADD CONSTRAINT contributions_corrects_fk FOREIGN KEY (tenant_id, corrects_id)
    REFERENCES contributions (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE contributions ADD CONSTRAINT contributions_corrects_once UNIQUE (corrects_id);
ALTER TABLE contributions ADD CONSTRAINT contributions_corrects_other CHECK (corrects_id <> id);
--rollback ALTER TABLE contributions DROP COLUMN corrects_id;
--rollback ALTER TABLE contributions DROP CONSTRAINT contributions_tenant_id_id_key;

--changeset hybriddb:1091-contributions-append-only splitStatements:false
REVOKE UPDATE, DELETE, TRUNCATE ON contributions FROM ${app_role};
CREATE FUNCTION hybriddb_refuse_contribution_update() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'contributions is append-only: contribution % cannot be changed (insert a correction instead)', OLD.id
        USING ERRCODE = 'insufficient_privilege', TABLE = 'contributions';
END
$$;
CREATE TRIGGER contributions_append_only BEFORE UPDATE ON contributions
    FOR EACH ROW EXECUTE FUNCTION hybriddb_refuse_contribution_update();
--rollback DROP TRIGGER contributions_append_only ON contributions;
--rollback DROP FUNCTION hybriddb_refuse_contribution_update();
--rollback GRANT UPDATE, DELETE ON contributions TO ${app_role};

--changeset hybriddb:1091-contributions-asset-cost-with-corrections splitStatements:false
--comment: Inserts add the new amount and take the corrected row's amount out; deletes recompute the assets concerned from the rows in force. The previous trigger's function stays (unused) so that the rollback can re-create the trigger.
DROP TRIGGER contributions_asset_cost ON contributions;
CREATE FUNCTION hybriddb_contributions_add_cost() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    replaced public.contributions%ROWTYPE;
BEGIN
    IF NEW.corrects_id IS NOT NULL THEN
        SELECT * INTO replaced FROM public.contributions WHERE id = NEW.corrects_id;
        UPDATE public.assets SET total_cost = total_cost - replaced.cost_amount WHERE id = replaced.asset_id;
    END IF;
    UPDATE public.assets SET total_cost = total_cost + NEW.cost_amount WHERE id = NEW.asset_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER contributions_add_cost AFTER INSERT ON contributions
    FOR EACH ROW EXECUTE FUNCTION hybriddb_contributions_add_cost();

CREATE FUNCTION hybriddb_contributions_recompute_cost() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE public.assets a
       SET total_cost = (SELECT coalesce(sum(c.cost_amount), 0) FROM public.contributions c
                          WHERE c.asset_id = a.id
                            AND NOT EXISTS (SELECT 1 FROM public.contributions s WHERE s.corrects_id = c.id))
     WHERE a.id IN (SELECT o.asset_id FROM gone o
                    UNION SELECT r.asset_id FROM gone o JOIN public.contributions r ON r.id = o.corrects_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER contributions_recompute_cost AFTER DELETE ON contributions
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION hybriddb_contributions_recompute_cost();
--rollback DROP TRIGGER contributions_recompute_cost ON contributions;
--rollback DROP FUNCTION hybriddb_contributions_recompute_cost();
--rollback DROP TRIGGER contributions_add_cost ON contributions;
--rollback DROP FUNCTION hybriddb_contributions_add_cost();
--rollback CREATE TRIGGER contributions_asset_cost AFTER INSERT OR DELETE OR UPDATE OF cost_amount, asset_id ON contributions FOR EACH ROW EXECUTE FUNCTION hybriddb_contributions_asset_cost();
