package com.unicornstore.points.adapter;

import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.QueueSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the points context. */
@Configuration(proxyBeanMethods = false)
public class PointsConfiguration {

    @Bean
    QueueSpec pointsCommandsQueue(AwsResourceNames names) {
        return new QueueSpec(names.queues().pointsCommands(), names.queues().pointsCommandsDlq(), 3);
    }
}
