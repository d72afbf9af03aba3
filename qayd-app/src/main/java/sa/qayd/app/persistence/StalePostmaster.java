package sa.qayd.app.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a process of its own and outlives a service that was killed
 * ({@code kill -9}, the OOM killer, a container stop), keeping its data directory locked. Before
 * starting, Qayd stops such an orphan, but only when no live process owns the directory (the
 * embedded PostgreSQL library's {@code epg-lock} file lock, which dies with its process) and only
 * a PostgreSQL whose command line names this very directory. A lock file naming a process that
 * is gone or is something else is left to PostgreSQL or removed, so the next start succeeds.
 */
final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    /** The embedded PostgreSQL library's lock file, held by the JVM that runs the directory. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock owner = tryLock(channel)) {
            if (owner == null) {
                throw new IllegalStateException("another running Qayd uses the database in " + dataDirectory
                        + "; stop it first, or give this one its own qayd.data-dir");
            }
            long pid = pid(pidFile);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent() && servesDirectory(process.get(), dataDirectory)) {
                stop(process.get(), dataDirectory);
            } else if (process.isPresent()) {
                log.warn("{} names process {}, which is not a PostgreSQL of this directory (an old lock file, the number "
                        + "reused): removing it", pidFile, pid);
                Files.delete(pidFile);
            } else {
                log.warn("The PostgreSQL of {} stopped without shutting down (process {} is gone); it recovers from its "
                        + "write-ahead log as it starts", dataDirectory, pid);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static long pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException unreadable) {
            throw new IOException(pidFile + " does not start with a process id; remove it if no PostgreSQL runs on "
                    + pidFile.getParent(), unreadable);
        }
    }

    /** {@code postgres -D <directory> …}: the postmaster keeps the command line it was started with. */
    static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        String[] arguments = info.arguments().orElse(new String[0]);
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        for (int i = 0; postgres && i < arguments.length - 1; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize()
                    .equals(dataDirectory.toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) throws IOException {
        log.warn("PostgreSQL (process {}) still runs on {} although the Qayd that started it is gone (killed?): "
                + "stopping it before starting again", postmaster.pid(), dataDirectory);
        postmaster.destroy();
        if (!exited(postmaster)) {
            log.warn("PostgreSQL (process {}) did not shut down within {} s: killing it; it recovers from its write-ahead "
                    + "log as it starts", postmaster.pid(), SHUTDOWN_WAIT.toSeconds());
            postmaster.destroyForcibly();
            if (!exited(postmaster)) {
                throw new IOException("PostgreSQL (process " + postmaster.pid() + ") on " + dataDirectory + " cannot be stopped");
            }
        }
        log.info("Stopped the orphaned PostgreSQL of {}", dataDirectory);
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
