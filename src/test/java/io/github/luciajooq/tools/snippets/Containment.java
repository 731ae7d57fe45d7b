package io.github.luciajooq.tools.snippets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Checks a snippet marked {@code in PATH}: that the file (or a file under the folder) holds it. XML is compared
 * element by element: some element of the file has the snippet's name, attributes and text, and, for each of the
 * snippet's child elements, a child that holds it (order, comments, and elements the snippet leaves out do not
 * matter; {@code ...} in a start tag stands for attributes left out; a pom's {@code ${property}} is read as its
 * value). Anything else must appear in the file as written, white space aside.
 */
public final class Containment {

    private static final Pattern ELLIPSIS_IN_TAG = Pattern.compile("\\s+\\.\\.\\.(?=\\s*/?>)");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([\\w.-]+)}");

    private Containment() {}

    /** Empty when the path holds the snippet; else what is wrong, with the snippet's line. */
    public static Optional<String> check(Path root, Snippet snippet) {
        String where = snippet.check().path().orElseThrow();
        Path path = root.resolve(where).normalize();
        if (!path.startsWith(root) || !Files.exists(path)) {
            return Optional.of(snippet.location() + ": marked 'in " + where + "', which does not exist");
        }
        boolean xml = snippet.language().equals("xml");
        List<Path> files = files(path).stream().filter(file -> !xml || file.toString().endsWith(".xml")).toList();
        try {
            for (Path file : files) {
                String text = read(file);
                if (xml ? xmlContains(text, snippet.text()) : normalise(text).contains(normalise(snippet.text()))) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException notXml) {
            return Optional.of(snippet.location() + ": " + notXml.getMessage());
        }
        String missing = xml && files.size() == 1 ? missingLeaves(read(files.get(0)), snippet.text()) : "";
        return Optional.of(snippet.location() + ": the block is not in " + where
                + (xml ? " (compared element by element)" : " (compared as text, white space aside)") + missing);
    }

    private static boolean xmlContains(String file, String snippet) {
        Element wanted = parse(ELLIPSIS_IN_TAG.matcher(snippet).replaceAll("")).getDocumentElement();
        NodeList candidates = parse(resolveProperties(file)).getElementsByTagName(wanted.getTagName());
        for (int i = 0; i < candidates.getLength(); i++) {
            if (holds((Element) candidates.item(i), wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Element found, Element wanted) {
        if (!found.getTagName().equals(wanted.getTagName())) {
            return false;
        }
        for (int i = 0; i < wanted.getAttributes().getLength(); i++) {
            Node attribute = wanted.getAttributes().item(i);
            if (!found.getAttribute(attribute.getNodeName()).equals(attribute.getNodeValue())) {
                return false;
            }
        }
        List<Element> wantedChildren = children(wanted);
        if (wantedChildren.isEmpty()) {
            String text = normalise(wanted.getTextContent());
            return text.isEmpty() || (children(found).isEmpty() && normalise(found.getTextContent()).equals(text));
        }
        List<Element> foundChildren = new ArrayList<>(children(found));
        for (Element child : wantedChildren) {
            Optional<Element> match = foundChildren.stream().filter(candidate -> holds(candidate, child)).findFirst();
            if (match.isEmpty()) {
                return false;
            }
            foundChildren.remove(match.get());
        }
        return true;
    }

    /** A hint: the snippet's elements of text that the file has nowhere. */
    private static String missingLeaves(String file, String snippet) {
        Document found = parse(resolveProperties(file));
        List<String> missing = new ArrayList<>();
        NodeList all = parse(ELLIPSIS_IN_TAG.matcher(snippet).replaceAll("")).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element leaf = (Element) all.item(i);
            if (children(leaf).isEmpty() && !normalise(leaf.getTextContent()).isEmpty()) {
                NodeList same = found.getElementsByTagName(leaf.getTagName());
                boolean there = false;
                for (int j = 0; j < same.getLength(); j++) {
                    there |= holds((Element) same.item(j), leaf);
                }
                if (!there) {
                    missing.add("<" + leaf.getTagName() + ">" + normalise(leaf.getTextContent()));
                }
            }
        }
        return missing.isEmpty() ? "" : "; the file has no " + String.join(", ", missing);
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children.add(childElement);
            }
        }
        return children;
    }

    /** A pom's {@code ${name}} replaced by its {@code <properties>} value. */
    private static String resolveProperties(String file) {
        Map<String, String> properties = new HashMap<>();
        Element root = parse(file).getDocumentElement();
        children(root).stream().filter(child -> child.getTagName().equals("version")).findFirst()
                .ifPresent(version -> properties.put("project.version", version.getTextContent()));
        for (Element section : children(root)) {
            if (section.getTagName().equals("properties")) {
                children(section).forEach(property -> properties.put(property.getTagName(), property.getTextContent()));
            }
        }
        Matcher reference = PROPERTY.matcher(file);
        return reference.replaceAll(match ->
                Matcher.quoteReplacement(properties.getOrDefault(match.group(1), match.group())));
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/node_modules/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
