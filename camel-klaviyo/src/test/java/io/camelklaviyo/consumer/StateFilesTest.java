package io.camelklaviyo.consumer;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers naming one stateFile share one repository: the last to stop writes every consumer's mark, none erases
 * another's.
 */
class StateFilesTest {

    @TempDir
    Path dir;

    @Test
    void consumersOnOneFileKeepEachOthersMarks() {
        File file = dir.resolve("klaviyo.state").toFile();
        StateFiles files = new StateFiles();

        StateRepository<String, String> first = files.acquire(file);
        StateRepository<String, String> second = files.acquire(new File(dir.toFile(), "./klaviyo.state"));
        first.setState("events", "2026-01-01T00:00:00Z");
        second.setState("profiles", "2026-02-01T00:00:00Z");
        files.release(file);
        files.release(file);

        assertThat(second).isSameAs(first);
        StateRepository<String, String> reread = new StateFiles().acquire(file);
        assertThat(reread.getState("events")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(reread.getState("profiles")).isEqualTo("2026-02-01T00:00:00Z");
    }

    @Test
    void aFileIsReadAgainWhenItsFirstUserReturns() {
        File file = dir.resolve("failover.state").toFile();
        StateFiles files = new StateFiles();
        files.acquire(file).setState("events", "2026-01-01T00:00:00Z");
        files.release(file);
        // another node moves the mark meanwhile
        StateFiles otherNode = new StateFiles();
        otherNode.acquire(file).setState("events", "2026-03-01T00:00:00Z");
        otherNode.release(file);

        assertThat(files.acquire(file).getState("events")).isEqualTo("2026-03-01T00:00:00Z");
    }
}
