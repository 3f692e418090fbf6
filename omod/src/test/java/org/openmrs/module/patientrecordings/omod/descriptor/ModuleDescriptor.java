/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.omod.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads the built module descriptor and other XML the way OpenMRS does: namespace-unaware, DTD not fetched. */
public final class ModuleDescriptor {

    private ModuleDescriptor() {}

    /** The config.xml on the class path: target/classes, after the module version was filled in. */
    public static Document configXml() {
        return parseResource("config.xml");
    }

    static Document parseResource(String name) {
        try (InputStream in = ModuleDescriptor.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The element children of an element, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The trimmed text of the one child element with that name, or null. */
    public static String childText(Element parent, String name) {
        for (Element child : children(parent)) {
            if (child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }
}
