package com.unicornstore.platform.windows;

import com.unicornstore.platform.aws.AwsProperties;
import com.unicornstore.platform.windows.domain.Setting;
import com.unicornstore.platform.windows.domain.TimeWindows;
import com.unicornstore.platform.windows.domain.WindowRules;
import com.unicornstore.saga.adapter.SagaProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Reads every time window from the settings and checks the invariants between them before any
 * other bean exists: with a broken configuration the app refuses to start, and starts no backend.
 */
public final class TimeWindowsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger LOG = LoggerFactory.getLogger(TimeWindowsCheck.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        TimeWindows windows = read(Binder.get(environment));
        WindowRules.check(windows);
        LOG.info("Time windows hold ({} rules); an account holds at most {} points buckets", WindowRules.ALL.size(),
                windows.maxBucketsPerAccount());
    }

    /** The windows as configured; a setting that is missing is an error, since application.yml sets them all. */
    static TimeWindows read(Binder binder) {
        SagaProperties saga = binder.bindOrCreate("unicorn.saga", SagaProperties.class);
        AwsProperties aws = binder.bindOrCreate("unicorn.aws", AwsProperties.class);
        Duration allAttempts = aws.attemptTimeout().multipliedBy(aws.maxAttempts());
        Duration callBound = aws.callTimeout().compareTo(allAttempts) < 0 ? aws.callTimeout() : allAttempts;
        return new TimeWindows(
                duration(binder, Setting.IDEMPOTENCY_RETENTION),
                duration(binder, Setting.IDEMPOTENCY_LEASE),
                duration(binder, Setting.RELEASE_MARKERS),
                duration(binder, Setting.REFUND_WINDOW),
                duration(binder, Setting.REVOCATION_RETENTION),
                saga.lease(),
                saga.recoveryInterval(),
                saga.retryPolicy().budget(),
                saga.retry().maxAttempts(),
                duration(binder, Setting.EXPIRY_TTL),
                duration(binder, Setting.BUCKET_GRANULARITY),
                Duration.ofSeconds(number(binder, Setting.VISIBILITY_TIMEOUT)), // whole seconds, as SQS takes it
                duration(binder, Setting.QUEUE_RETENTION),
                duration(binder, Setting.DLQ_RETENTION),
                number(binder, Setting.MAX_RECEIVES),
                callBound,
                duration(binder, Setting.QUEUE_DEDUP_RETENTION));
    }

    private static Duration duration(Binder binder, Setting setting) {
        return binder.bind(setting.key(), Duration.class)
                .orElseThrow(() -> new IllegalStateException(setting.key() + " is not set"));
    }

    private static int number(Binder binder, Setting setting) {
        return binder.bind(setting.key(), Integer.class)
                .orElseThrow(() -> new IllegalStateException(setting.key() + " is not set"));
    }
}
