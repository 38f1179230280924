package io.parley.ingest.web;

import io.parley.ingest.directory.Directory;
import io.parley.kit.web.Problem;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The admin's changes to widgets and web links, checked before anything is written: ids are short slugs
 * (they appear in URLs and conversation keys), names and titles are present and bounded, every tag is one
 * routing-service has published, and a link belongs to an existing widget. A widget that links still use
 * cannot be deleted.
 */
@Component
public class WebAdministration {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_NAME = 100;
    static final int MAX_LABEL = 60;
    static final int MAX_TAGS = 50;

    private final WebEntryPoints web;
    private final Directory directory;

    WebAdministration(WebEntryPoints web, Directory directory) {
        this.web = web;
        this.directory = directory;
    }

    /** A widget as the admin sends it; absent fields take their defaults (no tags, no Staff Directory, no button). */
    public record WidgetRequest(
            @Nullable String id,
            @Nullable String name,
            @Nullable List<String> tagIds,
            @Nullable Boolean staffDirectory,
            @Nullable String callToActionTagId,
            @Nullable String callToActionLabel) {}

    /** A web link as the admin sends it. */
    public record LinkRequest(
            @Nullable String id,
            @Nullable String title,
            @Nullable String tagId,
            @Nullable String widgetId) {}

    public Widget createWidget(WidgetRequest request) {
        Widget widget = widget(idOrNew(request.id(), "widget"), request);
        if (!web.insert(widget)) {
            throw Problem.conflict("widget.exists", "A widget with this id exists");
        }
        return widget;
    }

    public Widget updateWidget(String id, WidgetRequest request) {
        widget(id);
        Widget widget = widget(id, request);
        web.save(widget);
        return widget;
    }

    public Widget widget(String id) {
        return web.widget(id).orElseThrow(() -> Problem.notFound("widget.not-found", "No such widget"));
    }

    public void deleteWidget(String id) {
        widget(id);
        if (web.links().stream().anyMatch(link -> link.widgetId().equals(id))) {
            throw Problem.conflict("widget.in-use", "Web links still use this widget; move or delete them first");
        }
        web.deleteWidget(id);
    }

    public WebLink createLink(LinkRequest request) {
        WebLink link = link(idOrNew(request.id(), "link"), request);
        if (!web.insert(link)) {
            throw Problem.conflict("link.exists", "A web link with this id exists");
        }
        return link;
    }

    public WebLink updateLink(String id, LinkRequest request) {
        link(id);
        WebLink link = link(id, request);
        web.save(link);
        return link;
    }

    public WebLink link(String id) {
        return web.link(id).orElseThrow(() -> Problem.notFound("link.not-found", "No such web link"));
    }

    public void deleteLink(String id) {
        if (!web.deleteLink(id)) {
            throw Problem.notFound("link.not-found", "No such web link");
        }
    }

    private Widget widget(String id, WidgetRequest request) {
        String name = bounded(
                request.name(), MAX_NAME, "widget.invalid-name", "A widget needs a name of at most 100 characters");
        List<String> tagIds = request.tagIds() == null
                ? List.of()
                : request.tagIds().stream().distinct().toList();
        if (tagIds.size() > MAX_TAGS) {
            throw Problem.badRequest("widget.too-many-tags", "A widget lists at most " + MAX_TAGS + " tags");
        }
        for (String tagId : tagIds) {
            requireTag(tagId, "widget.unknown-tag");
        }
        String ctaTag = blankToNull(request.callToActionTagId());
        String ctaLabel = blankToNull(request.callToActionLabel());
        if (ctaTag != null) {
            requireTag(ctaTag, "widget.unknown-tag");
        }
        if (ctaLabel != null && ctaLabel.length() > MAX_LABEL) {
            throw Problem.badRequest("widget.invalid-label", "A call-to-action label has at most 60 characters");
        }
        return new Widget(
                id,
                name,
                tagIds,
                Boolean.TRUE.equals(request.staffDirectory()),
                ctaTag,
                ctaTag == null ? null : ctaLabel);
    }

    private WebLink link(String id, LinkRequest request) {
        String title = bounded(
                request.title(), MAX_NAME, "link.invalid-title", "A web link needs a title of at most 100 characters");
        String tagId = request.tagId() == null ? "" : request.tagId();
        requireTag(tagId, "link.unknown-tag");
        String widgetId = request.widgetId() == null ? "" : request.widgetId();
        if (web.widget(widgetId).isEmpty()) {
            throw Problem.badRequest("link.unknown-widget", "No widget with id '" + widgetId + "'");
        }
        return new WebLink(id, title, tagId, widgetId);
    }

    private void requireTag(@Nullable String tagId, String code) {
        if (tagId == null || directory.tag(tagId).isEmpty()) {
            throw Problem.badRequest(code, "No tag with id '" + tagId + "'");
        }
    }

    private static String idOrNew(@Nullable String id, String kind) {
        if (id == null || id.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!ID.matcher(id).matches()) {
            throw new Problem(
                    HttpStatus.BAD_REQUEST, kind + ".invalid-id", "An id is 1 to 64 letters, digits, '-' or '_'");
        }
        return id;
    }

    private static String bounded(@Nullable String text, int max, String code, String title) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw Problem.badRequest(code, title);
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
