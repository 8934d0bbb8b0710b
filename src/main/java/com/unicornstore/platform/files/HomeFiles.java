package com.unicornstore.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The platform's files kept in a folder under {@code unicorn.home} (routes/, campaign-rules/), and
 * the defaults of them the jar ships, so that {@code java -jar} works from any folder.
 */
public final class HomeFiles {

    private HomeFiles() {}

    /** The directory's files whose name ends with {@code suffix}, in name order; none when it is absent. */
    public static List<Path> inDirectory(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's files of folder {@code folder} whose name ends with {@code suffix}, by file name. */
    public static SortedMap<String, Resource> packaged(String folder, String suffix) {
        SortedMap<String, Resource> files = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder + "/*" + suffix)) {
                String name = resource.getFilename();
                if (name != null && name.endsWith(suffix)) {
                    files.putIfAbsent(name, resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
