package io.parley.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.ingest.RunningIngest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/widgets} and {@code /api/admin/links}: ADMIN only, validated against the known tags. */
class WebAdminIT extends RunningIngest {

    @Test
    void anAdminCreatesReadsListsUpdatesAndDeletesAWidget() {
        String tag = givenTag("Sales");
        String id = fresh("w");

        HttpResponse<String> created =
                send("POST", "/api/admin/widgets", admin(), widget(id, "Shop", List.of(tag), tag));
        HttpResponse<String> read = get("/api/admin/widgets/" + id, admin());
        HttpResponse<String> list = get("/api/admin/widgets", admin());
        HttpResponse<String> updated =
                send("PUT", "/api/admin/widgets/" + id, admin(), widget(null, "Shop 2", List.of(), null));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("tagIds").get(0).asString()).isEqualTo(tag);
        assertThat(json(read).path("name").asString()).isEqualTo("Shop");
        assertThat(json(read).path("callToActionTagId").asString()).isEqualTo(tag);
        assertThat(json(list).findValuesAsString("id")).contains(id);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(get("/api/widget/" + id, null)).path("name").asString()).isEqualTo("Shop 2");
        assertThat(json(get("/api/widget/" + id, null)).path("callToAction").isNull())
                .isTrue();

        assertThat(send("DELETE", "/api/admin/widgets/" + id, admin(), null).statusCode())
                .isEqualTo(204);
        assertThat(get("/api/admin/widgets/" + id, admin()).statusCode()).isEqualTo(404);
        assertThat(code(get("/api/widget/" + id, null))).isEqualTo("widget.not-found");
    }

    @Test
    void anAdminManagesLinksOfKnownTagsAndWidgets() {
        String tag = givenTag("Support");
        Widget widget = givenWidget(List.of(), false, null);

        HttpResponse<String> created = send("POST", "/api/admin/links", admin(), link(null, "Help", tag, widget.id()));
        String id = json(created).path("id").asString();
        HttpResponse<String> updated =
                send("PUT", "/api/admin/links/" + id, admin(), link(null, "More help", tag, widget.id()));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("widgetId").asString()).isEqualTo(widget.id());
        assertThat(json(updated).path("title").asString()).isEqualTo("More help");
        assertThat(json(get("/api/admin/links", admin())).findValuesAsString("id"))
                .contains(id);
        assertThat(json(get("/api/admin/links/" + id, admin())).path("tagId").asString())
                .isEqualTo(tag);
        HttpResponse<String> inUse = send("DELETE", "/api/admin/widgets/" + widget.id(), admin(), null);
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(code(inUse)).isEqualTo("widget.in-use");
        assertThat(send("DELETE", "/api/admin/links/" + id, admin(), null).statusCode())
                .isEqualTo(204);
        assertThat(code(get("/api/admin/links/" + id, admin()))).isEqualTo("link.not-found");
    }

    @Test
    void badAdminInputIsRefusedWithItsCode() {
        String tag = givenTag("Support");
        Widget widget = givenWidget(List.of(), false, null);

        HttpResponse<String> unknownTag =
                send("POST", "/api/admin/links", admin(), link(null, "Help", "tag-nobody-published", widget.id()));
        HttpResponse<String> unknownWidget =
                send("POST", "/api/admin/links", admin(), link(null, "Help", tag, fresh("nowidget")));
        HttpResponse<String> noTitle = send("POST", "/api/admin/links", admin(), link(null, " ", tag, widget.id()));
        HttpResponse<String> badId = send("POST", "/api/admin/links", admin(), link("a b/c", "Help", tag, widget.id()));
        HttpResponse<String> widgetTag =
                send("POST", "/api/admin/widgets", admin(), widget(null, "W", List.of("tag-nobody-published"), null));
        HttpResponse<String> duplicate =
                send("POST", "/api/admin/widgets", admin(), widget(widget.id(), "W", List.of(), null));

        assertThat(unknownTag.statusCode()).isEqualTo(400);
        assertThat(code(unknownTag)).isEqualTo("link.unknown-tag");
        assertThat(code(unknownWidget)).isEqualTo("link.unknown-widget");
        assertThat(code(noTitle)).isEqualTo("link.invalid-title");
        assertThat(code(badId)).isEqualTo("link.invalid-id");
        assertThat(code(widgetTag)).isEqualTo("widget.unknown-tag");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(code(duplicate)).isEqualTo("widget.exists");
        assertThat(code(send("PUT", "/api/admin/links/" + fresh("l"), admin(), link(null, "x", tag, widget.id()))))
                .isEqualTo("link.not-found");
    }

    @Test
    void onlyAdminsMayAdministerWidgetsAndLinks() {
        String staff = JWKS.token("staff-1", "STAFF");
        String supervisor = JWKS.token("super-1", "SUPERVISOR");

        List<HttpResponse<String>> forbidden = List.of(
                get("/api/admin/widgets", staff),
                get("/api/admin/links", supervisor),
                send("POST", "/api/admin/widgets", staff, widget(null, "W", List.of(), null)),
                send("DELETE", "/api/admin/links/x", supervisor, null));
        HttpResponse<String> anonymous = get("/api/admin/widgets", null);

        assertThat(forbidden).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(code(answer)).isEqualTo("auth.forbidden");
        });
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/widgets", admin()).statusCode()).isEqualTo(200);
    }

    private static String widget(String id, String name, List<String> tagIds, String ctaTag) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("id", id);
        widget.put("name", name);
        widget.put("tagIds", tagIds);
        widget.put("staffDirectory", true);
        widget.put("callToActionTagId", ctaTag);
        widget.put("callToActionLabel", ctaTag == null ? null : "Buy now");
        return body(widget);
    }

    private static String link(String id, String title, String tagId, String widgetId) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("id", id);
        link.put("title", title);
        link.put("tagId", tagId);
        link.put("widgetId", widgetId);
        return body(link);
    }
}
