package com.unicornstore.channel.adapter;

import com.unicornstore.platform.files.HomeFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.component.aws2.sqs.Sqs2Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the channel routes ({@code <name>.camel.yaml}): those packaged in the jar under
 * {@code routes/} as defaults, and those in the configured directory, where a file of the same name
 * replaces the packaged one. Each file is loaded and started on its own once the platform runs, so
 * a file with an error is reported by name (log and {@link #failures()}) and the others still load.
 * A channel whose {@code channels.<name>.enabled} is false is not loaded.
 */
public final class ChannelRoutesLoader implements CamelContextConfiguration {

    static final String SUFFIX = ".camel.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRoutesLoader.class);

    private final BiConsumer<Sqs2Endpoint, Consumer> queueConsumers;
    private final Path directory;
    private final String packaged;
    private final Predicate<String> enabled;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    /** True while a channel file is being loaded, on the loading thread (see {@link QueueConsumersBeforeStart}). */
    private volatile boolean loading;

    /**
     * @param packaged the jar's folder of the default route files, e.g. {@code routes}
     * @param enabled  whether the channel of this name is switched on
     * @param queueConsumers prepares the endpoint and the (not yet started) consumer of a channel that
     *                       consumes a queue: its client, its polls
     */
    public ChannelRoutesLoader(Path directory, String packaged, Predicate<String> enabled,
            BiConsumer<Sqs2Endpoint, Consumer> queueConsumers) {
        this.queueConsumers = queueConsumers;
        this.directory = directory;
        this.packaged = packaged;
        this.enabled = enabled;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // loaded after start, one file at a time: a route that fails to start then fails alone
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        camel.addLifecycleStrategy(new QueueConsumersBeforeStart());
        Map<String, String> files = channelFiles();
        if (files.isEmpty()) {
            LOG.info("No channel routes in {} or the jar", directory.toAbsolutePath());
        }
        files.forEach((name, location) -> {
            if (enabled.test(name)) {
                load(camel, name, location);
            } else {
                LOG.info("Channel {} not loaded: switched off (channels.{}.enabled, unicorn.channel.only)", name, name);
            }
        });
    }

    /** The channel files that could not be loaded, by file name, with the reason. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /** The channel files loaded and started, by file name. */
    public Set<String> loaded() {
        return Set.copyOf(loaded);
    }

    private void load(CamelContext camel, String name, String location) {
        Set<String> before = routeIds(camel);
        loading = true;
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, location));
            loaded.add(name + SUFFIX);
            LOG.info("Loaded channel {} from {}", name, location);
        } catch (Exception failed) {
            String reason = failed.getMessage() == null ? failed.toString() : failed.getMessage();
            failures.put(name + SUFFIX, reason);
            LOG.error("Channel route file {} not loaded ({}): {}", name + SUFFIX, location, reason);
            removeRoutesAddedSince(camel, before);
        } finally {
            loading = false;
        }
    }

    /**
     * A channel that consumes a queue polls it like the platform's own consumers (long polls on their
     * client, whatever its file says). Its endpoint and consumer are prepared as its route is added,
     * after the consumer is made and before it starts, so its first receive is already a long poll
     * and the route is never stopped and started again (a stop waits out a receive in flight).
     */
    private final class QueueConsumersBeforeStart extends LifecycleStrategySupport {
        @Override
        public void onRoutesAdd(Collection<Route> routes) {
            if (!loading) {
                return;
            }
            for (Route route : routes) {
                if (route.getEndpoint() instanceof Sqs2Endpoint queue) {
                    queueConsumers.accept(queue, route.getConsumer());
                }
            }
        }
    }

    /** A file whose second route fails leaves no first route behind: the channel is all or nothing. */
    private static void removeRoutesAddedSince(CamelContext camel, Set<String> before) {
        Set<String> added = new HashSet<>(routeIds(camel));
        added.removeAll(before);
        for (String id : added) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception ignored) {
                LOG.warn("Route {} of a refused channel file could not be removed: {}", id, ignored.toString());
            }
        }
    }

    private static Set<String> routeIds(CamelContext camel) {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }

    /** Channel name to location, packaged defaults first, then the directory's files replacing them. */
    private Map<String, String> channelFiles() {
        Map<String, String> files = new TreeMap<>();
        HomeFiles.packaged(packaged, SUFFIX).keySet()
                .forEach(file -> files.put(nameOf(file), "classpath:" + packaged + "/" + file));
        for (Path file : HomeFiles.inDirectory(directory, SUFFIX)) {
            files.put(nameOf(file.getFileName().toString()), "file:" + file.toAbsolutePath());
        }
        return files;
    }

    private static String nameOf(String file) {
        return file.substring(0, file.length() - SUFFIX.length());
    }
}
