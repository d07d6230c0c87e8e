package dev.hybriddb;

/**
 * Work in one tenant's transaction that returns a result and may throw a checked exception
 * {@code X}, which {@link HybridDB#withTenant(java.util.UUID, TenantCallback)} rethrows as it is
 * after rolling the transaction back.
 *
 * @param <T> the result
 * @param <X> the checked exception the work may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface TenantCallback<T, X extends Exception> {
    T withTenant(TenantScope scope) throws X;
}
