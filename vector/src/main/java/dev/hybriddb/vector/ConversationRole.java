package dev.hybriddb.vector;

import java.util.Locale;

/** Who wrote a conversation message. */
public enum ConversationRole {
    USER, ASSISTANT, SYSTEM, TOOL;

    /** The stored value: {@code user}, {@code assistant}, {@code system}, {@code tool}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
