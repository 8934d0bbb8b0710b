package com.unicornstore.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The container image the service runs, as the platform's pom configures Jib to build it: image
 * name, main class, port and JVM flags. Read from that pom so the task definition and the image
 * cannot disagree.
 */
public record ContainerImageSettings(String image, String mainClass, int port, List<String> jvmFlags) {

    /** The platform pom named by system property {@code unicorn.platform-pom} (default ../pom.xml). */
    public static ContainerImageSettings fromPlatformPom() {
        return read(Path.of(System.getProperty("unicorn.platform-pom", "../pom.xml")));
    }

    static ContainerImageSettings read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(Files.newInputStream(pom));
            Element jib = jibPlugin(document);
            Element container = child(child(jib, "configuration"), "container");
            Element to = child(child(jib, "configuration"), "to");
            List<String> flags = new ArrayList<>();
            NodeList flagNodes = child(container, "jvmFlags").getElementsByTagName("jvmFlag");
            for (int i = 0; i < flagNodes.getLength(); i++) {
                flags.add(flagNodes.item(i).getTextContent().trim());
            }
            String port = child(container, "ports").getElementsByTagName("port").item(0).getTextContent().trim();
            return new ContainerImageSettings(text(to, "image"), text(container, "mainClass"),
                    Integer.parseInt(port), List.copyOf(flags));
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read the Jib configuration of " + pom, e);
        }
    }

    private static Element jibPlugin(Document document) {
        NodeList plugins = document.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new IllegalStateException("the platform pom configures no jib-maven-plugin");
    }

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new IllegalStateException("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }
}
