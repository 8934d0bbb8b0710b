package com.unicornstore.platform.windows;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The check of the time windows, run before any other bean is made. */
@Configuration(proxyBeanMethods = false)
public class TimeWindowsConfiguration {

    @Bean
    static TimeWindowsCheck timeWindowsCheck() {
        return new TimeWindowsCheck();
    }
}
