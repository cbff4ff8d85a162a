package org.thidua.service.live;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules directory (with {@link WatchService}, every folder registered, new ones as they appear) and,
 * once a campaign folder's files have been quiet for a while, hands its id to {@code reload} on one background
 * thread. A burst of saves (an editor writing a temp file and renaming it, several files copied at once) makes one
 * reload; a save during a reload makes one more after it.
 */
public final class CampaignWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignWatcher.class);

    private final Path root;
    private final Duration quiet;
    private final Consumer<String> reload;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reloader;
    private final Thread thread;

    private CampaignWatcher(Path root, Duration quiet, Consumer<String> reload) throws IOException {
        this.root = root;
        this.quiet = quiet;
        this.reload = reload;
        this.service = root.getFileSystem().newWatchService();
        this.reloader = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "thidua-rules-reload"));
        this.thread = daemon(this::run, "thidua-rules-watcher");
    }

    /** Starts watching {@code root} and every folder under it. */
    static CampaignWatcher start(Path root, Duration quiet, Consumer<String> reload) {
        try {
            CampaignWatcher watcher = new CampaignWatcher(root, quiet, reload);
            watcher.registerTree(root);
            watcher.thread.start();
            LOG.info("Theo dõi thư mục luật {}: sửa tệp là tự nạp lại chiến dịch (watching the rules directory)", root);
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + root, e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path each : tree.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                folders.put(each.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), each);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        LOG.warn("Quá nhiều thay đổi cùng lúc, nạp lại mọi chiến dịch (too many changes at once: reloading every campaign)");
                        campaignFolders().forEach(this::schedule);
                    } else if (folder != null) {
                        changed(folder.resolve((Path) event.context()), event.kind() == ENTRY_CREATE);
                    }
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop watching
        }
    }

    private void changed(Path path, boolean created) {
        if (created && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try {
                registerTree(path);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Không theo dõi được thư mục {} (cannot watch): {}", path, e.getMessage());
            }
        }
        Path relative = root.relativize(path);
        if (relative.getNameCount() == 0) {
            return;
        }
        String first = relative.getName(0).toString();
        if (first.startsWith(".")) {
            return;
        }
        if (relative.getNameCount() == 1) {
            if (first.equals(LiveCampaigns.SETTINGS_FILE)) {
                LOG.info("{} đã thay đổi: chiến dịch mặc định đổi khi khởi động lại dịch vụ ({} changed: the default campaign "
                        + "changes at the next restart)", path, LiveCampaigns.SETTINGS_FILE);
            } else if (!first.contains(".")) {
                schedule(first);
            }
            return;
        }
        if (matters(path.getFileName().toString())) {
            schedule(first);
        }
    }

    /**
     * Whether a change inside a campaign folder may change the campaign: its description, rules and tests, and
     * folders (a folder created, removed or renamed). Not editors' swap and backup files.
     */
    private static boolean matters(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.endsWith("~")) {
            return false;
        }
        return lower.endsWith(".drl") || lower.equals("criteria.xlsx") || lower.equals("criteria.ods") || lower.equals("criteria.csv")
                || lower.endsWith(".yaml") || lower.endsWith(".yml") || !lower.contains(".");
    }

    private List<String> campaignFolders() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        } catch (IOException e) {
            LOG.warn("Không đọc được thư mục luật {} (cannot list): {}", root, e.getMessage());
            return List.of();
        }
    }

    /** Reloads the campaign once its files have been quiet for {@link #quiet}; each new change restarts the wait. */
    private void schedule(String campaignId) {
        try {
            pending.compute(campaignId, (id, waiting) -> {
                if (waiting != null) {
                    waiting.cancel(false);
                }
                return reloader.schedule(() -> reloadNow(id), quiet.toMillis(), TimeUnit.MILLISECONDS);
            });
        } catch (RejectedExecutionException e) {
            // closing: no more reloads
        }
    }

    private void reloadNow(String campaignId) {
        try {
            reload.accept(campaignId);
        } catch (RuntimeException e) {
            LOG.error("Nạp lại chiến dịch {} thất bại (reload failed)", campaignId, e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service", e);
        }
        pending.values().forEach(waiting -> waiting.cancel(false));
        reloader.shutdown();
        try {
            thread.join(2_000);
            // A reload under way finishes (it is short); it is not interrupted halfway through a compile.
            if (!reloader.awaitTermination(10, TimeUnit.SECONDS)) {
                reloader.shutdownNow();
            }
        } catch (InterruptedException e) {
            reloader.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
