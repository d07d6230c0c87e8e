package dev.hybriddb.sync;

import java.time.Duration;
import java.util.UUID;

/**
 * One tenant's place in the real-time sync: how many of its outbox rows wait, how old the oldest
 * is, and whether its last steps failed. A tenant whose step fails (a statement that timed out, a
 * query the graph refused) is retried on its own, after a backoff and with fewer rows, while the
 * other tenants go on.
 *
 * @param tenant      the tenant
 * @param backlog     its outbox rows waiting now
 * @param oldestAge   the age of its oldest waiting row (zero when none waits)
 * @param failures    its consecutive failed steps (zero when its last step succeeded)
 * @param rowLimit    the most rows its next step takes (the batch size unless it timed out lately)
 * @param lastError   the error of its last failed step, or null
 */
public record TenantLag(UUID tenant, long backlog, Duration oldestAge, int failures, int rowLimit, String lastError) {
}
