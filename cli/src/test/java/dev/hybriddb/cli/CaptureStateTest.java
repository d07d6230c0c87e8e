package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.cli.internal.CaptureState;
import dev.hybriddb.cli.internal.Check;
import org.junit.jupiter.api.Test;

/** The doctor's verdict on the change capture, for states a test server cannot easily be put in. */
class CaptureStateTest {
    private static CaptureState wal(String walLevel, boolean slot, boolean active, long bytes) {
        return new CaptureState(true, "wal", walLevel, "hybriddb_capture_x", slot, active, bytes, bytes + " bytes", 20);
    }

    @Test
    void walModeFailsWithoutLogicalWalOrTheSlot() {
        assertThat(wal("replica", true, true, 0).check().status()).isEqualTo(Check.Status.FAIL);
        Check noSlot = wal("logical", false, false, -1).check();
        assertThat(noSlot.status()).isEqualTo(Check.Status.FAIL);
        assertThat(noSlot.detail()).contains("hybriddb_capture_x is missing").contains("hybriddb capture wal");
    }

    @Test
    void walModeWarnsWithoutAReaderOrBeyondOneGigabyte() {
        Check fine = wal("logical", true, true, 4096).check();
        assertThat(fine.status()).isEqualTo(Check.Status.OK);
        assertThat(fine.detail()).contains("a WalCapture is reading it").contains("retains 4096 bytes of WAL");
        assertThat(wal("logical", true, true, CaptureState.RETAINED_WARN_BYTES).check().status()).isEqualTo(Check.Status.OK);
        Check big = wal("logical", true, true, CaptureState.RETAINED_WARN_BYTES + 1).check();
        assertThat(big.status()).isEqualTo(Check.Status.WARN);
        assertThat(big.detail()).contains("more than 1 GB");
        assertThat(wal("logical", true, false, 0).check().status()).isEqualTo(Check.Status.WARN);
    }

    @Test
    void triggersModeWarnsAboutALeftoverSlot() {
        CaptureState clean = new CaptureState(true, "triggers", "replica", "s", false, false, -1, "an unknown amount", 3);
        assertThat(clean.check()).isEqualTo(Check.ok("change capture", "triggers"));
        Check leftover = new CaptureState(true, "triggers", "logical", "s", true, false, 10, "10 bytes", 3).check();
        assertThat(leftover.status()).isEqualTo(Check.Status.WARN);
        assertThat(leftover.detail()).contains("retains 10 bytes of WAL").contains("hybriddb capture triggers --drop-slot");
    }
}
