package dev.hybriddb.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code UUID} parameter of a test in a {@link HybridDBTest} class: the id of a tenant created
 * for this invocation (name {@code "Test tenant"}, a random slug), so that tests of one class do not
 * see each other's rows. Two such parameters are two tenants.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantId {}
