package io.camelklaviyo.consumer;

import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.camelklaviyo.KlaviyoConsumerOptions;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A consumer's memory: the high-water mark in a StateRepository under the plan's state key, and the delivered
 * records in an IdempotentRepository under keys prefixed with it.
 * <p>
 * The in-memory defaults start and stop with the consumer. A stateFile is one repository per file for the whole
 * component ({@link StateFiles}), started with its first consumer and stopped with its last, so a file is read again
 * whenever its routes start, e.g. on the node that has just become leader. Repositories handed
 * in as beans are started if they are not yet, but never stopped here: another route may share them, and a
 * FileStateRepository empties its cache when it stops.
 */
final class ConsumerState {

    /** The state value of a collection without a cursor once its existing records have been recorded. */
    static final String SEEDED = "seeded:";

    /** Set from start to stop for a shared state file. */
    private StateRepository<String, String> state;
    private final boolean ownsState;
    private final File stateFile;
    private final StateFiles stateFiles;
    private final IdempotentRepository idempotent;
    private final boolean ownsIdempotent;
    private final int defaultCapacity;
    private final String key;

    ConsumerState(KlaviyoConsumerOptions options, String key, StateFiles stateFiles) {
        this.key = key;
        this.stateFiles = stateFiles;
        boolean fromFile = options.getStateRepository() == null && options.getStateFile() != null
                           && !options.getStateFile().isBlank();
        this.stateFile = fromFile ? new File(options.getStateFile()) : null;
        if (options.getStateRepository() != null) {
            state = options.getStateRepository();
            ownsState = false;
        } else if (fromFile) {
            // the component's one repository of that file, taken at start
            state = null;
            ownsState = false;
        } else {
            state = new MemoryStateRepository();
            ownsState = true;
        }
        if (options.getIdempotentRepository() != null) {
            idempotent = options.getIdempotentRepository();
            ownsIdempotent = false;
        } else {
            idempotent = MemoryIdempotentRepository.memoryIdempotentRepository(options.getIdempotentCacheSize());
            ownsIdempotent = true;
        }
        defaultCapacity = ownsIdempotent ? options.getIdempotentCacheSize() : -1;
    }

    void start() {
        if (stateFile != null) {
            state = stateFiles.acquire(stateFile);
        }
        ServiceHelper.startService(state, idempotent);
    }

    void stop() {
        if (stateFile != null) {
            stateFiles.release(stateFile);
        } else if (ownsState) {
            ServiceHelper.stopService(state);
        }
        if (ownsIdempotent) {
            ServiceHelper.stopService(idempotent);
        }
    }

    /** The raw state value, or null before anything was saved. */
    String value() {
        return state.getState(key);
    }

    /**
     * The saved mark, or null when none is saved.
     *
     * @throws IllegalStateException when the value under the key is no mark
     */
    Mark mark() {
        String value = value();
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Mark.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The state under the key '" + key + "' is no mark: '" + value
                                            + "'; set another stateKey or remove the value");
        }
    }

    void saveMark(Mark mark) {
        state.setState(key, mark.toString());
    }

    boolean seeded() {
        String value = value();
        return value != null && !value.isBlank();
    }

    void saveSeeded(Instant at) {
        state.setState(key, SEEDED + at);
    }

    /** The idempotent key of a record, unique across every consumer that shares the repository. */
    String recordKey(String type, String id, String version) {
        return key + "|" + type + ":" + id + (version == null ? "" : ":" + version);
    }

    boolean delivered(String recordKey) {
        return idempotent.contains(recordKey);
    }

    void remember(String recordKey) {
        if (idempotent.add(recordKey)) {
            idempotent.confirm(recordKey);
        }
    }

    /** The number of keys the default in-memory idempotent repository holds, or -1 for a repository handed in. */
    int defaultCapacity() {
        return defaultCapacity;
    }

    String key() {
        return key;
    }

    StateRepository<String, String> stateRepository() {
        return state;
    }

    IdempotentRepository idempotentRepository() {
        return idempotent;
    }
}
