package dev.hybriddb;

/**
 * Work in one tenant's transaction without a result; may throw a checked exception {@code X},
 * which {@link HybridDB#useTenant(java.util.UUID, TenantConsumer)} rethrows as it is after rolling
 * the transaction back.
 *
 * @param <X> the checked exception the work may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface TenantConsumer<X extends Exception> {
    void useTenant(TenantScope scope) throws X;
}
