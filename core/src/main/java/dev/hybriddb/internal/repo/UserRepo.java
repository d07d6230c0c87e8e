package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.USERS;

import dev.hybriddb.jooq.tables.records.UsersRecord;
import dev.hybriddb.model.User;
import dev.hybriddb.model.UserFields;
import dev.hybriddb.repository.UserRepository;

/** {@link UserRepository} on {@code users}. */
public final class UserRepo extends TenantTable<UsersRecord, User, UserFields> implements UserRepository {
    public UserRepo(Scope scope) {
        super(scope, USERS, USERS.ID, USERS.TENANT_ID, USERS.CREATED_AT, "user");
    }

    @Override
    protected User map(UsersRecord r) {
        return new User(r.getId(), r.getTenantId(), r.getName(), r.getEmail(), r.getRole(), r.getIsAvailableForHire(),
                r.getHourlyRate(), Values.list(r.getExpertise()), Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(UserFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(UserFields f) {
        return new Values().put(USERS.NAME, Values.optionalText("name", f.name())).put(USERS.EMAIL, f.email())
                .put(USERS.ROLE, f.role()).put(USERS.IS_AVAILABLE_FOR_HIRE, f.availableForHire())
                .put(USERS.HOURLY_RATE, f.hourlyRate()).array(USERS.EXPERTISE, f.expertise()).json(USERS.METADATA, f.metadata());
    }
}
