package io.camelklaviyo.pagination;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link StreamMemoryBound} in a JVM of its own with a 64 MB heap: 200,000 records must stream through a split
 * that a List of them could not fit in.
 */
class StreamMemoryBoundTest {

    @Test
    void twoHundredThousandRecordsStreamThroughA64MegabyteHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // to a file, so that a full pipe can never stall the child
        Path log = Files.createTempFile("stream-memory-bound", ".log");
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamMemoryBound.class.getName(), "STREAM"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited;
        try {
            exited = process.waitFor(120, TimeUnit.SECONDS);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(exited).as("finished within 120 s; output:%n%s", output).isTrue();
        System.out.println(output);

        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
        assertThat(output).contains("records=200000 expected=200000 outOfOrder=0");
        assertThat(megabytes(output, "peakLiveHeapAfterGcMB")).isLessThan(48.0);
    }

    private static double megabytes(String output, String name) {
        Matcher matcher = Pattern.compile(name + "=([0-9.]+)").matcher(output);
        assertThat(matcher.find()).as("%s in the output", name).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
