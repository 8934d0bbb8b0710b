package com.unicornstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the Unicorn Store retail and loyalty platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UnicornStoreApplication {

    public static void main(String[] args) {
        SpringApplication.run(UnicornStoreApplication.class, args);
    }
}
