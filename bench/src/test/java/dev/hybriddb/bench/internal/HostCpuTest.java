package dev.hybriddb.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostCpuTest {
    @Test
    void busyTimeLeavesOutIdleIoWaitAndSteal() {
        //                    user nice system idle iowait irq softirq steal guest guest_nice
        HostCpu.Sample s = HostCpu.parse("cpu  1000 20 300 9000 50 7 3 40 0 0");
        assertThat(s.busySeconds()).isCloseTo(13.30, within(1e-9));
        assertThat(s.stealSeconds()).isCloseTo(0.40, within(1e-9));
    }

    @Test
    void aDifferenceNeedsBothSamples() {
        Optional<HostCpu.Sample> a = Optional.of(new HostCpu.Sample(1, 0.5));
        Optional<HostCpu.Sample> b = Optional.of(new HostCpu.Sample(3, 0.75));
        assertThat(HostCpu.between(a, b)).contains(new HostCpu.Sample(2, 0.25));
        assertThat(HostCpu.between(Optional.empty(), b)).isEmpty();
    }
}
