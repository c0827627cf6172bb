package io.camelklaviyo.consumer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The state files of a component's consumers, one repository per file. A FileStateRepository rewrites its whole
 * file from its own cache when it stops: two repositories on one file would erase each other's marks. So consumers
 * naming the same stateFile share one repository, started by the first of them and stopped (and re-read when started
 * again, e.g. after a failover) with the last.
 */
public final class StateFiles {

    private final Map<String, Shared> open = new HashMap<>();

    /** The repository of a file, started if this is its first user. */
    public synchronized StateRepository<String, String> acquire(File file) {
        Shared shared = open.computeIfAbsent(path(file),
                p -> new Shared(FileStateRepository.fileStateRepository(new File(p))));
        if (shared.users++ == 0) {
            ServiceHelper.startService(shared.repository);
        }
        return shared.repository;
    }

    /** Gives a file back; its repository is stopped (and its file written) when its last user gives it back. */
    public synchronized void release(File file) {
        String path = path(file);
        Shared shared = open.get(path);
        if (shared != null && --shared.users == 0) {
            open.remove(path);
            ServiceHelper.stopService(shared.repository);
        }
    }

    private static String path(File file) {
        try {
            return file.getCanonicalPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve the state file " + file, e);
        }
    }

    private static final class Shared {
        final FileStateRepository repository;
        int users;

        Shared(FileStateRepository repository) {
            this.repository = repository;
        }
    }
}
