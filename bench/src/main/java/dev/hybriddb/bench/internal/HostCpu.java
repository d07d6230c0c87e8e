package dev.hybriddb.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole machine's busy CPU time from Linux's {@code /proc/stat} (user, nice, system, irq and
 * softirq, but not idle, I/O wait or steal), to tell what an arm of a benchmark costs in CPU apart
 * from what the hypervisor took: on a saturated machine throughput follows CPU per operation,
 * and steal moves throughput without moving CPU per operation. Empty where there is no
 * {@code /proc/stat}.
 */
public final class HostCpu {
    private static final Path STAT = Path.of("/proc/stat");
    private static final double TICK_SECONDS = 0.01;         // USER_HZ, 100 on every Linux ABI

    /** Busy and stolen CPU seconds since boot, summed over the cores. */
    public record Sample(double busySeconds, double stealSeconds) {
        public Sample minus(Sample earlier) {
            return new Sample(busySeconds - earlier.busySeconds, stealSeconds - earlier.stealSeconds);
        }

        public Sample plus(Sample other) {
            return new Sample(busySeconds + other.busySeconds, stealSeconds + other.stealSeconds);
        }
    }

    private HostCpu() {
    }

    public static Optional<Sample> sample() {
        if (!Files.isReadable(STAT)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(STAT);
            return lines.stream().filter(l -> l.startsWith("cpu ")).findFirst().map(HostCpu::parse);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The time between two samples; empty if either is. */
    public static Optional<Sample> between(Optional<Sample> before, Optional<Sample> after) {
        return before.flatMap(b -> after.map(a -> a.minus(b)));
    }

    static Sample parse(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                + Long.parseLong(f[6]) + Long.parseLong(f[7]);
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        return new Sample(busy * TICK_SECONDS, steal * TICK_SECONDS);
    }
}
