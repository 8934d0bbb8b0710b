package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.AwsProfileTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The web store in the aws profile, in Chromium ({@code webapp/e2e/pkce.mjs}): it logs in at the
 * loopback issuer with the authorization code flow and PKCE, as a public client, and calls the API
 * with the access token. Left out only with -Dwebapp.skip=true, when the store was not built either.
 */
@DisabledIfSystemProperty(named = "webapp.skip", matches = "true")
class WebStorePkceLoginIT extends AwsProfileTest {

    private static final long MAX_MINUTES = 2;

    @Test
    void a_shopper_logs_in_at_the_issuer_with_pkce_and_the_store_calls_the_api_with_the_token() throws Exception {
        Path log = Path.of("target", "screenshots", "e2e-pkce.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        int exchangedBefore = ISSUER.codesExchanged();
        ProcessBuilder e2e = new ProcessBuilder("node", "e2e/pkce.mjs").directory(Path.of("webapp").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        e2e.environment().put("BASE_URL", "http://localhost:" + port);
        Process node = e2e.start();
        boolean finished = node.waitFor(MAX_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(finished).as("the browser test finishes within %d minutes:%n%s", MAX_MINUTES, output).isTrue();
        assertThat(node.exitValue()).as("browser test:%n%s", output).isZero();
        assertThat(output).contains("e2e-pkce: passed");
        assertThat(ISSUER.codesExchanged()).as("the code was traded with its PKCE verifier").isEqualTo(exchangedBefore + 1);
    }
}
