package com.unicornstore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.PlatformIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web store in Debian's Chromium against the whole platform: {@code webapp/e2e/run.mjs}
 * (playwright-core) logs in, buys, redeems, fails a purchase, edits a campaign, runs axe-core
 * and writes screenshots under target/screenshots. Left out only with -Dwebapp.skip=true,
 * when the store was not built either.
 */
@PlatformIntegrationTest
@DisabledIfSystemProperty(named = "webapp.skip", matches = "true")
class WebStoreBrowserIT {

    private static final long MAX_MINUTES = 5;

    @LocalServerPort
    int port;

    @Test
    void a_shopper_and_an_operator_use_the_store_in_a_real_browser_without_errors() throws Exception {
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("e2e.log");
        ProcessBuilder e2e = new ProcessBuilder("node", "e2e/run.mjs")
                .directory(Path.of("webapp").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        e2e.environment().put("BASE_URL", "http://localhost:" + port);
        e2e.environment().put("SCREENSHOT_DIR", screenshots.toString());
        Process node = e2e.start();
        boolean finished = node.waitFor(MAX_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = read(log);
        System.out.println(output);
        assertThat(finished).as("the browser tests finish within %d minutes:%n%s", MAX_MINUTES, output).isTrue();
        assertThat(node.exitValue()).as("browser tests:%n%s", output).isZero();
        assertThat(output).contains("e2e: all");
        assertThat(screenshots.resolve("store-375.png")).exists();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
