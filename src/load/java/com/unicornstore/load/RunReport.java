package com.unicornstore.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scenario's own figures beside Gatling's report: printed, and written to {@code target/load/<file>}. */
final class RunReport {

    private RunReport() {}

    static void write(String file, String summary) {
        System.out.println(summary);
        Path path = Path.of(System.getProperty("load.app.log-dir", "target/load"), file);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, summary + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
