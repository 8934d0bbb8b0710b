package com.unicornstore.channel.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.SqsLongPolling;
import com.unicornstore.platform.provisioning.QueueSpec;
import com.unicornstore.platform.web.ProblemMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wiring of the channel context: the entry points, the channel routes (packaged and in unicorn.home), their queues. */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    @Bean
    ChannelRoutesLoader channelRoutesLoader(@Value("${unicorn.channel.routes-dir}") Path directory,
            @Value("${unicorn.channel.only:}") List<String> only, Environment environment, SqsLongPolling longPolling) {
        // unicorn.channel.only (the test harness) loads just the named channels
        return new ChannelRoutesLoader(directory, "routes",
                name -> (only.isEmpty() || only.contains(name))
                        && environment.getProperty("channels." + name + ".enabled", Boolean.class, true), longPolling::adopt);
    }

    @Bean
    ChannelMessages channelMessages(ObjectMapper json) {
        return new ChannelMessages(json);
    }

    @Bean
    ChannelResults channelResults(ObjectMapper json, ProblemMapper problems) {
        return new ChannelResults(json, problems);
    }

    @Bean
    ChannelEntryRoutes channelEntryRoutes() {
        return new ChannelEntryRoutes();
    }

    @Bean
    ChannelQueueRoutes channelQueueRoutes() {
        return new ChannelQueueRoutes();
    }

    @Bean
    QueueSpec partnerOrdersQueue(@Value("${unicorn.queues.partner-orders}") String name,
            @Value("${unicorn.queues.partner-orders-dlq}") String deadLetters,
            @Value("${unicorn.queues.max-receives}") int maxReceives,
            @Value("${points.commands.visibility-timeout}") int visibilitySeconds,
            @Value("${unicorn.queues.retention}") Duration retention,
            @Value("${unicorn.queues.dlq-retention}") Duration dlqRetention) {
        return new QueueSpec(name, deadLetters, maxReceives, Duration.ofSeconds(visibilitySeconds), retention,
                dlqRetention);
    }
}
