package com.unicornstore.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.unicornstore.support.PlatformIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The infrastructure code in infra/ builds its tables and queues from one descriptor,
 * infra/src/main/resources/platform-resources.json. This test proves the descriptor is exactly what the
 * running application declares ({@link TableSpec} and {@link QueueSpec} beans), so a table or queue
 * added to the app and not to the infrastructure fails the build. Run with
 * {@code -Dunicorn.manifest.write=true} to rewrite the descriptor after a deliberate change.
 */
@PlatformIntegrationTest
class InfrastructureManifestIT {

    static final Path DESCRIPTOR = Path.of("infra/src/main/resources/platform-resources.json");

    @Autowired
    List<TableSpec> tables;

    @Autowired
    List<QueueSpec> queues;

    @Test
    void the_infrastructure_descriptor_holds_exactly_the_tables_and_queues_the_application_declares()
            throws IOException {
        String declared = render();
        if (Boolean.getBoolean("unicorn.manifest.write")) {
            Files.writeString(DESCRIPTOR, declared, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DESCRIPTOR, StandardCharsets.UTF_8))
                .as("%s is out of date with the app's TableSpec/QueueSpec beans; review the change and "
                        + "rewrite it with -Dunicorn.manifest.write=true", DESCRIPTOR)
                .isEqualTo(declared);
    }

    private String render() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tables", tables.stream().sorted(Comparator.comparing(TableSpec::name))
                .map(InfrastructureManifestIT::table).toList());
        document.put("queues", queues.stream().sorted(Comparator.comparing(QueueSpec::name))
                .map(InfrastructureManifestIT::queue).toList());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
    }

    private static Map<String, Object> table(TableSpec spec) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", spec.name());
        table.put("partition_key", key(spec.partitionKey()));
        table.put("sort_key", key(spec.sortKey()));
        table.put("stream", spec.stream());
        table.put("ttl_attribute", spec.ttlAttribute());
        table.put("indexes", spec.indexes().stream().sorted(Comparator.comparing(TableSpec.Index::name))
                .map(index -> {
                    Map<String, Object> shape = new LinkedHashMap<>();
                    shape.put("name", index.name());
                    shape.put("partition_key", key(index.partitionKey()));
                    shape.put("sort_key", key(index.sortKey()));
                    return shape;
                }).toList());
        return table;
    }

    private static Map<String, Object> key(TableSpec.Key key) {
        if (key == null) {
            return null;
        }
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("name", key.name());
        shape.put("type", key.type());
        return shape;
    }

    private static Map<String, Object> queue(QueueSpec spec) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", spec.name());
        queue.put("dead_letter_queue", spec.deadLetterQueue());
        queue.put("max_receive_count", spec.maxReceiveCount());
        queue.put("visibility_timeout_seconds", spec.visibilityTimeout().toSeconds());
        queue.put("retention_seconds", spec.retention().toSeconds());
        queue.put("dead_letter_retention_seconds", spec.deadLetterRetention().toSeconds());
        return queue;
    }
}
