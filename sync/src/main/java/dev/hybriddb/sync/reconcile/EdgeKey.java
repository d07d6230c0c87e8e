package dev.hybriddb.sync.reconcile;

/** An edge by its ends' node keys (with its type known from context). */
public record EdgeKey(String fromId, String toId) {
    @Override
    public String toString() {
        return fromId + "->" + toId;
    }
}
