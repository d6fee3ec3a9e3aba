package org.tokenbench.seedfiles.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML as seed files need it: no DTD at all (so no external entity can read a local file or reach the network, and no
 * entity can expand a billion times), no XInclude, a bounded size and nesting depth. A seed file never needs a DTD, so
 * a file with one is refused rather than parsed with the DTD ignored.
 */
public final class SafeXml {

    /** A PSKC file of 100,000 tokens is about 100 MB; vendors ship boxes of hundreds. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    public static Document parse(byte[] xml, ErrorCode malformed, ErrorCode hostile, ErrorCode tooLarge) throws TokenException {
        if (xml.length > MAX_BYTES) {
            throw new TokenException(tooLarge, "the file has " + xml.length + " bytes; seed files are limited to " + MAX_BYTES);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            // The JDK reports a refused DOCTYPE by name and its processing limits as JAXP0xxxxx.
            if (message.contains("DOCTYPE") || message.contains("JAXP0")) {
                throw new TokenException(hostile, "refused: the file declares a DTD or entities, or nests too deeply (line "
                        + e.getLineNumber() + "); seed files need neither", e);
            }
            throw new TokenException(malformed, "not well-formed XML at line " + e.getLineNumber() + ": " + message, e);
        } catch (SAXException | IOException e) {
            throw new TokenException(malformed, "not readable as XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** The element children of {@code parent} named {@code localName}, in any namespace. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    public static Optional<Element> child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Follows a path of child names. */
    public static Optional<Element> path(Element start, String... localNames) {
        Optional<Element> at = Optional.of(start);
        for (String name : localNames) {
            at = at.flatMap(e -> child(e, name));
        }
        return at;
    }

    /** The trimmed text of the element at the path, empty when absent. */
    public static String text(Element start, String... localNames) {
        return path(start, localNames).map(e -> e.getTextContent().strip()).orElse("");
    }
}
