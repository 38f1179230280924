package io.parley.ingest.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of an HTML email, as a person reads it: block elements and {@code <br>} break lines, list
 * items start with a dash, and text inside a {@code <blockquote>} is marked with {@code >} like a quoted plain
 * text reply, so {@link QuotedText} strips both alike. Scripts, styles and the head are dropped; nothing is
 * fetched.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "table",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "pre",
            "hr",
            "blockquote",
            "address",
            "dl",
            "dt",
            "dd");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");

    private HtmlText() {}

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        Writer writer = new Writer();
        body.traverse(writer);
        return writer.text();
    }

    private static final class Writer implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int skipDepth;
        private boolean lineStart = true;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth++;
                } else if (skipDepth == 0) {
                    if (tag.equals("br")) {
                        newLine();
                    } else if (BLOCKS.contains(tag)) {
                        newLine();
                    }
                    if (tag.equals("blockquote")) {
                        quoteDepth++;
                    }
                    if (tag.equals("li")) {
                        append("- ");
                    }
                }
            } else if (node instanceof TextNode text && skipDepth == 0) {
                String words = text.text().replace('\u00a0', ' ');
                if (lineStart) {
                    words = words.stripLeading();
                }
                if (!words.isEmpty()) {
                    append(words);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth--;
                } else if (skipDepth == 0) {
                    if (tag.equals("blockquote")) {
                        newLine();
                        quoteDepth--;
                    } else if (BLOCKS.contains(tag)) {
                        newLine();
                    }
                    if (tag.equals("p")) {
                        out.append('\n');
                    }
                }
            }
        }

        private void append(String words) {
            if (lineStart) {
                out.append("> ".repeat(quoteDepth));
                lineStart = false;
            }
            out.append(words);
        }

        private void newLine() {
            if (!lineStart) {
                out.append('\n');
                lineStart = true;
            }
        }

        String text() {
            return out.toString()
                    .lines()
                    .map(String::stripTrailing)
                    .reduce(new StringBuilder(), HtmlText::joinCollapsingBlanks, StringBuilder::append)
                    .toString()
                    .strip();
        }
    }

    /** Joins lines, keeping at most one blank line in a row. */
    private static StringBuilder joinCollapsingBlanks(StringBuilder text, String line) {
        boolean blank = line.isBlank();
        int length = text.length();
        boolean previousBlank = length >= 2 && text.charAt(length - 1) == '\n' && text.charAt(length - 2) == '\n';
        if (!(blank && previousBlank)) {
            text.append(blank ? "" : line).append('\n');
        }
        return text;
    }
}
