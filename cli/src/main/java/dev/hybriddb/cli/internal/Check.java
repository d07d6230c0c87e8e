package dev.hybriddb.cli.internal;

/** One line of the doctor's report. */
public record Check(Status status, String name, String detail) {

    /** OK passes; WARN is printed but passes; FAIL makes the command exit with 1. */
    public enum Status { OK, WARN, FAIL }

    public static Check ok(String name, String detail) { return new Check(Status.OK, name, detail); }

    public static Check warn(String name, String detail) { return new Check(Status.WARN, name, detail); }

    public static Check fail(String name, String detail) { return new Check(Status.FAIL, name, detail); }

    public static Check of(boolean good, String name, String detail) {
        return good ? ok(name, detail) : fail(name, detail);
    }

    @Override
    public String toString() {
        return String.format("[%-4s] %-34s %s", status, name, detail);
    }
}
