package dev.hybriddb.repository;

import dev.hybriddb.model.User;
import dev.hybriddb.model.UserFields;

/** Users of the scope's tenant (e-mail unique per tenant). */
public interface UserRepository extends CrudRepository<User, UserFields> {}
