package io.parley.ingest.widget;

import io.parley.events.EntryPoint;
import io.parley.ingest.directory.Directory;
import io.parley.ingest.directory.KnownStaff;
import io.parley.ingest.directory.KnownTag;
import io.parley.ingest.visitor.VisitorConversations;
import io.parley.ingest.visitor.VisitorText;
import io.parley.ingest.web.WebEntryPoints;
import io.parley.ingest.web.WebLink;
import io.parley.ingest.web.Widget;
import io.parley.ingest.widget.WidgetDirectoryView.CallToAction;
import io.parley.ingest.widget.WidgetDirectoryView.StaffView;
import io.parley.ingest.widget.WidgetDirectoryView.TagView;
import io.parley.kit.web.Problem;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/widget/{widgetId}}: the directory a visitor sees, and starting a conversation from it. An entry
 * must be one the widget offers — one of its tags that routing knows, a staff member of its Staff Directory,
 * its call-to-action button, or a web link of this widget — and the enquiry's tag is resolved here (the tag
 * itself, the button's tag, the link's tag; none for a direct enquiry). Bad input is refused before
 * anything is published.
 */
@RestController
class WidgetController {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final String DEFAULT_CTA_LABEL = "Chat with us";
    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final WebEntryPoints web;
    private final Directory directory;
    private final VisitorConversations conversations;

    WidgetController(WebEntryPoints web, Directory directory, VisitorConversations conversations) {
        this.web = web;
        this.directory = directory;
        this.conversations = conversations;
    }

    record Started(String conversationId, String visitorToken) {}

    @GetMapping("/api/widget/{widgetId}")
    WidgetDirectoryView directory(@PathVariable String widgetId) {
        Widget widget = widget(widgetId);
        List<TagView> tags = directory.tags(widget.tagIds()).stream()
                .map(tag -> new TagView(tag.id(), tag.name(), tag.description(), tag.photoUrl()))
                .toList();
        List<StaffView> staff = widget.staffDirectory()
                ? directory.directStaff().stream()
                        .map(s -> new StaffView(s.id(), s.name(), s.photoUrl(), s.available()))
                        .toList()
                : List.of();
        CallToAction callToAction = widget.callToActionTagId() == null
                ? null
                : new CallToAction(ctaLabel(widget), widget.callToActionTagId());
        return new WidgetDirectoryView(widget.id(), widget.name(), tags, staff, callToAction);
    }

    @PostMapping("/api/widget/{widgetId}/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    Started start(@PathVariable String widgetId, @RequestBody StartRequest request) {
        Widget widget = widget(widgetId);
        Resolved entry = resolve(widget, request.entry());
        String text = VisitorText.check(request.text());
        StartRequest.Visitor visitor = request.visitor();
        String name = visitorName(visitor == null ? null : visitor.name());
        String email = visitorEmail(visitor == null ? null : visitor.email());
        VisitorConversations.Started started =
                conversations.start(widget.id(), entry.entryPoint(), entry.tagId(), name, email, text);
        return new Started(started.conversationId(), started.visitorToken());
    }

    /** An entry point with the tag its enquiry is about. */
    private record Resolved(EntryPoint entryPoint, @Nullable String tagId) {}

    private Resolved resolve(Widget widget, StartRequest.@Nullable Entry entry) {
        if (entry == null || entry.type() == null) {
            throw Problem.badRequest("widget.entry-required", "Say where the conversation starts: entry.type");
        }
        String id = entry.id() == null ? "" : entry.id();
        return switch (entry.type()) {
            case TAG -> {
                KnownTag tag = widget.tagIds().contains(id) ? directory.tag(id).orElse(null) : null;
                if (tag == null) {
                    throw Problem.badRequest("widget.unknown-tag", "This widget has no tag '" + id + "'");
                }
                yield new Resolved(new EntryPoint(EntryPoint.Type.TAG, tag.id(), tag.name()), tag.id());
            }
            case STAFF -> {
                KnownStaff staff =
                        widget.staffDirectory() ? directory.directStaff(id).orElse(null) : null;
                if (staff == null) {
                    throw Problem.badRequest(
                            "widget.unknown-staff", "This widget's Staff Directory has no '" + id + "'");
                }
                yield new Resolved(new EntryPoint(EntryPoint.Type.STAFF, staff.id(), staff.name()), null);
            }
            case CTA -> {
                String tagId = widget.callToActionTagId();
                if (tagId == null) {
                    throw Problem.badRequest("widget.no-call-to-action", "This widget has no call-to-action button");
                }
                yield new Resolved(new EntryPoint(EntryPoint.Type.CTA, tagId, ctaLabel(widget)), tagId);
            }
            case LINK -> {
                WebLink link = web.link(id)
                        .filter(l -> l.widgetId().equals(widget.id()))
                        .orElseThrow(() -> Problem.notFound("link.not-found", "No such web link"));
                yield new Resolved(new EntryPoint(EntryPoint.Type.LINK, link.id(), link.title()), link.tagId());
            }
        };
    }

    private Widget widget(String widgetId) {
        return web.widget(widgetId).orElseThrow(() -> Problem.notFound("widget.not-found", "No such widget"));
    }

    private static String ctaLabel(Widget widget) {
        return widget.callToActionLabel() == null ? DEFAULT_CTA_LABEL : widget.callToActionLabel();
    }

    private static @Nullable String visitorName(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw Problem.badRequest("visitor.name-too-long", "A name has at most " + MAX_NAME + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static @Nullable String visitorEmail(@Nullable String email) {
        String trimmed = email == null ? "" : email.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
            throw Problem.badRequest("visitor.invalid-email", "This is not an email address");
        }
        return trimmed;
    }
}
