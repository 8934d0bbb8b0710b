package com.unicornstore.channel.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the integrators' channel routes ({@code *.camel.yaml}) from the configured directory
 * before the platform starts. A missing directory means "no channels", not a failed start.
 */
public final class ChannelRoutesLoader implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRoutesLoader.class);

    private final Path directory;

    public ChannelRoutesLoader(Path directory) {
        this.directory = directory;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        List<Path> files = channelFiles();
        if (files.isEmpty()) {
            LOG.info("No channel routes in {}", directory.toAbsolutePath());
            return;
        }
        Resource[] resources = files.stream()
                .map(file -> ResourceHelper.resolveResource(camel, "file:" + file.toAbsolutePath()))
                .toArray(Resource[]::new);
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
        } catch (Exception e) {
            throw new IllegalStateException("Channel routes in " + directory + " could not be loaded", e);
        }
        LOG.info("Loaded channel routes from {}", files);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }

    private List<Path> channelFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
