package com.unicornstore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The benchmarks and load tests run the container's JVM flags ({@code server.jvm.flags} in pom.xml),
 * not flags of their own: the two lists differ only in how the heap is sized (a share of the task's
 * memory in the container, that share fixed elsewhere).
 */
class ServerFlagsTest {

    @Test
    void the_benchmarks_and_load_tests_run_the_containers_jvm_flags_with_its_heap_fixed() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        List<String> container = new ArrayList<>();
        NodeList flags = pom.getElementsByTagName("jvmFlag");
        for (int i = 0; i < flags.getLength(); i++) {
            container.add(flags.item(i).getTextContent().strip());
        }
        Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        List<String> server = Arrays.asList(
                properties.getElementsByTagName("server.jvm.flags").item(0).getTextContent().strip().split("\\s+"));

        assertThat(container).contains("-XX:MaxRAMPercentage=75");
        assertThat(server).contains("-Xmx1536m"); // 75 % of the task's 2,048 MiB
        assertThat(server.stream().filter(flag -> !flag.startsWith("-Xmx")).toList())
                .containsExactlyElementsOf(container.stream().filter(flag -> !flag.startsWith("-XX:MaxRAMPercentage")).toList());
    }
}
