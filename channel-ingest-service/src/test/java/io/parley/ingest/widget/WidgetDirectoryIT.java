package io.parley.ingest.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.Topics;
import io.parley.events.presence.Availability;
import io.parley.events.routing.TagPublished;
import io.parley.events.routing.TagRemoved;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.web.Widget;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/widget/{id}}: the directory a visitor sees, from routing's tags and presence's staff. */
class WidgetDirectoryIT extends RunningIngest {

    @Test
    void directoryListsTheWidgetsKnownTagsInItsOrderAndItsCallToAction() {
        String sales = givenTag("Sales");
        String support = givenTag("Support");
        Widget widget = givenWidget(List.of(support, "tag-never-published", sales), false, sales);

        HttpResponse<String> answer = get("/api/widget/" + widget.id(), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode directory = json(answer);
        assertThat(directory.path("id").asString()).isEqualTo(widget.id());
        assertThat(directory.path("name").asString()).isEqualTo("Widget");
        assertThat(directory.path("tags").findValuesAsString("id")).containsExactly(support, sales);
        JsonNode first = directory.path("tags").get(0);
        assertThat(first.path("name").asString()).isEqualTo("Support");
        assertThat(first.path("description").asString()).isEqualTo("About Support");
        assertThat(first.path("photoUrl").asString()).isEqualTo("https://img.example/" + support + ".png");
        assertThat(directory.path("staff").isEmpty()).isTrue();
        assertThat(directory.path("callToAction").path("label").asString()).isEqualTo("Talk to us");
        assertThat(directory.path("callToAction").path("tagId").asString()).isEqualTo(sales);
    }

    @Test
    void staffDirectoryShowsMembersOfDirectDestinationsAvailableOnlyWhenActiveAndBelowCapacity() {
        String free = fresh("staff");
        String full = fresh("staff");
        String busy = fresh("staff");
        String notDirect = fresh("staff");
        givenStaff(free, "Alice Free", Availability.ACTIVE, 3, 2);
        givenStaff(full, "Bob Full", Availability.ACTIVE, 2, 2);
        givenStaff(busy, "Carol Busy", Availability.BUSY, 3, 0);
        givenStaff(notDirect, "Dave Broadcast", Availability.ACTIVE, 3, 0);
        givenDestination(true, List.of(free, full, busy));
        givenDestination(false, List.of(notDirect));
        Widget widget = givenWidget(List.of(), true, null);

        JsonNode staff = json(get("/api/widget/" + widget.id(), null)).path("staff");

        assertThat(staff.findValuesAsString("id")).contains(free, full, busy).doesNotContain(notDirect);
        assertThat(entry(staff, free).path("available").asBoolean()).isTrue();
        assertThat(entry(staff, free).path("name").asString()).isEqualTo("Alice Free");
        assertThat(entry(staff, free).path("photoUrl").asString()).isEqualTo("https://img.example/" + free + ".png");
        assertThat(entry(staff, full).path("available").asBoolean()).isFalse();
        assertThat(entry(staff, busy).path("available").asBoolean()).isFalse();
    }

    @Test
    void availabilityFollowsPresenceAsItChanges() {
        String staffId = fresh("staff");
        givenStaff(staffId, "Erin", Availability.OFFLINE, 3, 0);
        givenDestination(true, List.of(staffId));
        Widget widget = givenWidget(List.of(), true, null);
        assertThat(entry(json(get("/api/widget/" + widget.id(), null)).path("staff"), staffId)
                        .path("available")
                        .asBoolean())
                .isFalse();

        givenStaff(staffId, "Erin", Availability.ACTIVE, 3, 0);

        assertThat(entry(json(get("/api/widget/" + widget.id(), null)).path("staff"), staffId)
                        .path("available")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aWidgetWithoutTheStaffDirectoryShowsNoStaff() {
        String staffId = fresh("staff");
        givenStaff(staffId, "Frank", Availability.ACTIVE, 3, 0);
        givenDestination(true, List.of(staffId));
        Widget widget = givenWidget(List.of(), false, null);

        JsonNode directory = json(get("/api/widget/" + widget.id(), null));

        assertThat(directory.path("staff").isArray()).isTrue();
        assertThat(directory.path("staff").isEmpty()).isTrue();
        assertThat(directory.path("callToAction").isNull()).isTrue();
    }

    @Test
    void aRemovedTagLeavesTheDirectoryAndALateOlderSnapshotDoesNotBringItBack() {
        String tag = givenTag("Returns");
        Widget widget = givenWidget(List.of(tag), false, null);
        Instant removedAt = Instant.now();

        events.publishAndWait(Topics.ROUTING_DESTINATION, tag, new TagRemoved(tag, removedAt));
        await().atMost(WAIT).until(() -> directory.tag(tag).isEmpty());
        double consumed = consumedTagSnapshots();
        events.publishAndWait(
                Topics.ROUTING_DESTINATION,
                tag,
                new TagPublished(tag, "Returns (old)", null, null, null, removedAt.minusSeconds(60)));
        await().atMost(WAIT).until(() -> consumedTagSnapshots() > consumed);

        assertThat(directory.tag(tag)).isEmpty();
        assertThat(json(get("/api/widget/" + widget.id(), null)).path("tags").isEmpty())
                .isTrue();
    }

    @Test
    void anUnknownWidgetIsNotFound() {
        HttpResponse<String> answer = get("/api/widget/" + fresh("nope"), null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(code(answer)).isEqualTo("widget.not-found");
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    private double consumedTagSnapshots() {
        return meters.find("parley.events.consumed").tag("type", "routing.tag-published").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    private static JsonNode entry(JsonNode staff, String id) {
        for (JsonNode member : staff) {
            if (member.path("id").asString().equals(id)) {
                return member;
            }
        }
        throw new AssertionError("no staff " + id + " in " + staff);
    }
}
