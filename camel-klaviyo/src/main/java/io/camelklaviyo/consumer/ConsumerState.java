package io.camelklaviyo.consumer;

import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.camelklaviyo.KlaviyoConsumerOptions;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A consumer's memory: the high-water mark in a StateRepository under the plan's state key, and the delivered
 * records in an IdempotentRepository under keys prefixed with it.
 * <p>
 * Repositories the consumer creates itself (from stateFile, and the in-memory defaults) start and stop with it, so a
 * file is read again whenever the route starts, e.g. on the node that has just become leader. Repositories handed
 * in as beans are started if they are not yet, but never stopped here: another route may share them, and a
 * FileStateRepository empties its cache when it stops.
 */
final class ConsumerState {

    /** The state value of a collection without a cursor once its existing records have been recorded. */
    static final String SEEDED = "seeded:";

    private final StateRepository<String, String> state;
    private final boolean ownsState;
    private final IdempotentRepository idempotent;
    private final boolean ownsIdempotent;
    private final int defaultCapacity;
    private final String key;

    ConsumerState(KlaviyoConsumerOptions options, String key) {
        this.key = key;
        if (options.getStateRepository() != null) {
            state = options.getStateRepository();
            ownsState = false;
        } else if (options.getStateFile() != null && !options.getStateFile().isBlank()) {
            state = FileStateRepository.fileStateRepository(new File(options.getStateFile()));
            ownsState = true;
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
        ServiceHelper.startService(state, idempotent);
    }

    void stop() {
        if (ownsState) {
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
