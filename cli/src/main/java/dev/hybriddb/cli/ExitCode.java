package dev.hybriddb.cli;

/** The exit statuses of the {@code hybriddb} command. */
public final class ExitCode {
    /** Done, nothing wrong found. */
    public static final int OK = 0;
    /** The command ran and found problems (doctor checks failed, drift left unrepaired). */
    public static final int PROBLEMS_FOUND = 1;
    /** Bad arguments or configuration. */
    public static final int USAGE = 2;
    /** PostgreSQL or the graph could not be reached. */
    public static final int UNAVAILABLE = 3;
    /** An unexpected error (a bug): the message is printed, the stack trace only with --verbose. */
    public static final int SOFTWARE = 70;

    private ExitCode() {}
}
