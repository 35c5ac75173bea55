package dev.sereno.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a policy folder (and its subfolders) and calls {@code onChange} once the files have been quiet for a
 * moment, so that an editor saving several files triggers one reload. Runs on one daemon thread. Internal API.
 */
public final class PolicyWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyWatcher.class);
    private static final long QUIET_MILLIS = 300;

    private final Path dir;
    private final Runnable onChange;
    private final WatchService watch;
    private final Thread thread;

    public PolicyWatcher(Path dir, Runnable onChange) {
        this.dir = dir;
        this.onChange = onChange;
        try {
            this.watch = FileSystems.getDefault().newWatchService();
            register(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch policy folder " + dir, e);
        }
        this.thread = new Thread(this::run, "sereno-policy-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path d : (Iterable<Path>) all.filter(Files::isDirectory)::iterator) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watch.take();
                drain(key);
                // wait until the folder has been quiet, so a burst of saves is one change
                WatchKey more;
                while ((more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    register(dir); // new subfolders
                    onChange.run();
                } catch (RuntimeException | IOException e) {
                    LOG.warn("policy reload of {} failed: {}", dir, e.getClass().getSimpleName());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the policy watcher", e);
        }
    }
}
