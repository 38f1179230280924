package io.parley.presence.offers;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The current offers of every staff member (the REST panel and a socket's first snapshot). Idempotent: an
 * offer created twice is one offer; a withdrawal of an offer that is not there changes nothing. An offer
 * past its expiry is not shown even before routing withdraws it. Live pushes come from {@link OfferPushes}.
 */
@Component
public class OpenOffers {

    private final MongoCollection<Offer> collection;
    private final Clock clock;

    OpenOffers(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection("offers", Offer.class);
        this.collection.createIndex(Indexes.ascending("staffId", "offeredAt"));
        this.clock = clock;
    }

    /**
     * Applies routing's offer events in their order with one bulk write: for each offer, only its last event
     * counts (created: stored; withdrawn: deleted), which leaves what applying them one by one leaves.
     */
    void apply(List<OfferEvent> events) {
        Map<String, WriteModel<Offer>> lastWrite = new LinkedHashMap<>();
        for (OfferEvent event : events) {
            switch (event) {
                case OfferCreated created -> {
                    Offer offer = Offer.of(created);
                    lastWrite.put(
                            offer.id(),
                            new ReplaceOneModel<>(eq("_id", offer.id()), offer, new ReplaceOptions().upsert(true)));
                }
                case OfferWithdrawn withdrawn -> {
                    String id = Offer.idOf(withdrawn.staffId(), withdrawn.enquiryId());
                    lastWrite.put(id, new DeleteOneModel<>(eq("_id", id)));
                }
            }
        }
        if (!lastWrite.isEmpty()) {
            // one write per offer id, so their order does not matter
            collection.bulkWrite(List.copyOf(lastWrite.values()), new BulkWriteOptions().ordered(false));
        }
    }

    /** The staff member's offers that have not expired, oldest first. */
    public List<OfferView> of(String staffId) {
        return collection
                .find(and(eq("staffId", staffId), gt("expiresAt", clock.instant())))
                .sort(Sorts.ascending("offeredAt", "enquiryId"))
                .map(OfferView::of)
                .into(new ArrayList<>());
    }
}
