package dev.hybriddb.repository;

import dev.hybriddb.model.Guest;
import dev.hybriddb.model.GuestFields;

/** Guests of the scope's tenant. */
public interface GuestRepository extends CrudRepository<Guest, GuestFields> {}
