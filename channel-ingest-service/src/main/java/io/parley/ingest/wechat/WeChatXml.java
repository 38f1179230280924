package io.parley.ingest.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * WeChat's flat XML ({@code <xml><ToUserName>…</ToUserName>…</xml>}) read into its element texts. A document
 * with a DOCTYPE is refused outright, and external entities, external DTDs and XInclude are off, so no XML
 * can make the parser read files or reach the network (XXE) or expand entities without bound.
 */
final class WeChatXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    private WeChatXml() {}

    /** The body is not a WeChat XML document (or declares a DOCTYPE). */
    static final class MalformedXmlException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedXmlException(String message) {
            super(message);
        }
    }

    /** The texts of the root {@code <xml>} element's children, by element name. */
    static Map<String, String> fields(byte[] body) throws MalformedXmlException {
        Element root;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are refused");
            });
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new MalformedXmlException("The body is not well-formed XML without a DOCTYPE");
        }
        if (!"xml".equals(root.getTagName())) {
            throw new MalformedXmlException("A WeChat body is an <xml> document");
        }
        Map<String, String> fields = new HashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                fields.putIfAbsent(
                        element.getTagName(), element.getTextContent().strip());
            }
        }
        return fields;
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
