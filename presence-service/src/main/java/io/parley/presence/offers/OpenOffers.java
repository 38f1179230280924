package io.parley.presence.offers;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferWithdrawn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    void created(OfferCreated created) {
        Offer offer = Offer.of(created);
        collection.replaceOne(eq("_id", offer.id()), offer, new ReplaceOptions().upsert(true));
    }

    void withdrawn(OfferWithdrawn withdrawn) {
        collection.deleteOne(eq("_id", Offer.idOf(withdrawn.staffId(), withdrawn.enquiryId())));
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
