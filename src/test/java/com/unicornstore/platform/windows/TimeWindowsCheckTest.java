package com.unicornstore.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unicornstore.UnicornStoreApplication;
import com.unicornstore.platform.windows.domain.TimeWindowsBroken;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The check of the time windows as Spring runs it: application.yml passes, a breaking setting stops start-up. */
class TimeWindowsCheckTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer()) // reads application.yml
            .withUserConfiguration(TimeWindowsConfiguration.class);

    @Test
    void the_settings_of_application_yml_start() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void a_context_with_release_markers_shorter_than_the_saga_retries_fails_to_start() {
        context.withPropertyValues("unicorn.retail.keep-release-markers=PT5M").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).isInstanceOf(TimeWindowsBroken.class)
                    .hasMessageContaining("release-markers-outlive-saga-retries")
                    .hasMessageContaining("unicorn.retail.keep-release-markers");
        });
    }

    @Test
    void a_visibility_timeout_in_seconds_is_read_as_seconds() {
        context.withPropertyValues("points.commands.visibility-timeout=12").run(failed ->
                assertThat(failed.getStartupFailure())
                        .hasMessageContaining("visibility-outlasts-a-command")
                        .hasMessageContaining("visibility PT12S <= command time PT12S"));
    }

    @Test
    void the_application_refuses_to_start_before_it_starts_any_backend() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(UnicornStoreApplication.class)
                .web(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--points.revocations.retention=P7D").close())
                .isInstanceOf(TimeWindowsBroken.class)
                .hasMessageContaining("revocation-records-outlive-redelivery")
                .hasMessageContaining("points.revocations.retention")
                .hasMessageContaining("found retention P7D < latest revocation P44DT11M6.5S");
    }
}
