package com.unicornstore.platform.observability;

import com.unicornstore.platform.provisioning.QueueSpec;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Metrics wiring shared by every context: queue depths, and a cap on the tag values a meter may
 * take, so that no caller-chosen value (an account id in a path) can multiply time series.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    QueueDepths queueDepths(SqsClient sqs, List<QueueSpec> queues) {
        return new QueueDepths(sqs, queues);
    }

    @Bean
    PurchaseIdLogging purchaseIdLogging() {
        return new PurchaseIdLogging();
    }

    @Bean
    ObservabilityRoutes observabilityRoutes() {
        return new ObservabilityRoutes();
    }

    /**
     * Camel's spans through Micrometer Observation (and so Micrometer Tracing's OpenTelemetry bridge).
     * Declared here because camel-observation-starter stands back whenever Spring Boot's own
     * observation auto-configuration is present, which it always is here.
     */
    @Bean(initMethod = "", destroyMethod = "")
    MicrometerObservationTracer camelObservationTracer(CamelContext camel, ObjectProvider<Tracer> tracer,
            ObjectProvider<ObservationRegistry> observations) {
        MicrometerObservationTracer camelTracer = new MicrometerObservationTracer();
        tracer.ifAvailable(camelTracer::setTracer);
        observations.ifAvailable(camelTracer::setObservationRegistry);
        camelTracer.init(camel);
        return camelTracer;
    }

    /** Past the cap, new values of the tag are dropped (the meter is denied) rather than recorded. */
    @Bean
    MeterFilter boundedUriTags(@Value("${unicorn.observability.max-uri-tags}") int maxUris) {
        return MeterFilter.maximumAllowableTags("http.server.requests", "uri", maxUris, MeterFilter.deny());
    }
}
