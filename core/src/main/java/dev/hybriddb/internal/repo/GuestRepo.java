package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.GUESTS;

import dev.hybriddb.jooq.tables.records.GuestsRecord;
import dev.hybriddb.model.Guest;
import dev.hybriddb.model.GuestFields;
import dev.hybriddb.repository.GuestRepository;

/** {@link GuestRepository} on {@code guests}. */
public final class GuestRepo extends TenantTable<GuestsRecord, Guest, GuestFields> implements GuestRepository {
    public GuestRepo(Scope scope) {
        super(scope, GUESTS, GUESTS.ID, GUESTS.TENANT_ID, GUESTS.CREATED_AT, "guest");
    }

    @Override
    protected Guest map(GuestsRecord r) {
        return new Guest(r.getId(), r.getTenantId(), r.getName(), r.getEmail(), r.getFingerprint(), Json.map(r.getMetadata()),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(GuestFields f) {
        Values.optionalText("name", f.name());
    }

    @Override
    protected Values values(GuestFields f) {
        return new Values().put(GUESTS.NAME, Values.optionalText("name", f.name())).put(GUESTS.EMAIL, f.email())
                .put(GUESTS.FINGERPRINT, f.fingerprint()).json(GUESTS.METADATA, f.metadata());
    }
}
