package com.unicornstore.channel.adapter;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the channel context: where integrators' routes come from. */
@Configuration(proxyBeanMethods = false)
public class ChannelConfiguration {

    @Bean
    ChannelRoutesLoader channelRoutesLoader(@Value("${unicorn.channel.routes-dir:routes}") Path directory) {
        return new ChannelRoutesLoader(directory);
    }
}
