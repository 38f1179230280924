package io.parley.routing.offer;

import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.events.routing.TagPublished;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the routing topology: the enquiry lifecycle, staff availability and destinations are merged into
 * one single-partition stream, so one {@link Router} sees them in one order and keeps every offer
 * consistent without locks; its offers go to {@code routing.offer.v2} (keyed by enquiry id, one record per
 * decision for all the staff members it concerns) and its expiries to {@code routing.timeout.v1} (keyed by
 * enquiry id). All state is in changelogged stores, so a restarted instance resumes with every waiting enquiry
 * and deadline.
 *
 * <p>The single partition is the design's scale limit: one routing thread handles all routing decisions
 * (thousands per second); a standby instance takes over on failure.
 */
public final class RoutingTopology {

    static final String ROUTER_KEY = "router";

    private RoutingTopology() {}

    public static Topology build() {
        return build(RoutingMetrics.NONE);
    }

    static Topology build(RoutingMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Router.ENQUIRIES), Serdes.String(), JsonSerde.of(RoutedEnquiry.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Router.DEADLINES), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Router.STAFF), Serdes.String(), JsonSerde.of(StaffStatusChanged.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Router.DESTINATIONS),
                Serdes.String(),
                JsonSerde.of(DestinationPublished.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Router.TAGS), Serdes.String(), JsonSerde.of(TagPublished.class)));

        KStream<String, RoutingInput> enquiries = builder.stream(
                        Topics.ENQUIRY_LIFECYCLE.name(),
                        Consumed.with(Topics.ENQUIRY_LIFECYCLE.keySerde(), Topics.ENQUIRY_LIFECYCLE.valueSerde())
                                .withName("enquiry-lifecycle"))
                .filter((key, envelope) -> envelope != null && changesRouting(envelope.payload()))
                .mapValues(RoutingTopology::enquiry);
        KStream<String, RoutingInput> staff = builder.stream(
                        Topics.PRESENCE_STAFF_STATUS.name(),
                        Consumed.with(
                                        Topics.PRESENCE_STAFF_STATUS.keySerde(),
                                        Topics.PRESENCE_STAFF_STATUS.valueSerde())
                                .withName("staff-status"))
                .filter((key, envelope) -> envelope != null)
                .mapValues((key, envelope) -> (RoutingInput) new RoutingInput.Staff(key, envelope));
        KStream<String, RoutingInput> destinations = builder.stream(
                        Topics.ROUTING_DESTINATION.name(),
                        Consumed.with(Topics.ROUTING_DESTINATION.keySerde(), Topics.ROUTING_DESTINATION.valueSerde())
                                .withName("destinations"))
                .filter((key, envelope) -> envelope != null)
                .mapValues((key, envelope) -> (RoutingInput) new RoutingInput.Destination(key, envelope));

        KStream<String, RoutingOutput> decisions = enquiries
                .merge(staff, Named.as("merge-staff"))
                .merge(destinations, Named.as("merge-destinations"))
                .selectKey((key, input) -> ROUTER_KEY, Named.as("to-router"))
                .repartition(Repartitioned.with(Serdes.String(), RoutingInputSerde.serde())
                        .withName("router-input")
                        .withNumberOfPartitions(1))
                .process(
                        () -> new Router(metrics),
                        Named.as("router"),
                        Router.ENQUIRIES,
                        Router.DEADLINES,
                        Router.STAFF,
                        Router.DESTINATIONS,
                        Router.TAGS);

        decisions
                .filter((key, output) -> output instanceof RoutingOutput.Offer, Named.as("offers"))
                .mapValues(output -> ((RoutingOutput.Offer) output).event(), Named.as("offer-envelopes"))
                .to(
                        Topics.ROUTING_OFFER.name(),
                        Produced.<String, Envelope<EnquiryOffersEvent>>with(
                                        Topics.ROUTING_OFFER.keySerde(), Topics.ROUTING_OFFER.valueSerde())
                                .withName("offer-sink"));
        decisions
                .filter((key, output) -> output instanceof RoutingOutput.Timeout, Named.as("timeouts"))
                .mapValues(output -> ((RoutingOutput.Timeout) output).event(), Named.as("timeout-envelopes"))
                .to(
                        Topics.ROUTING_TIMEOUT.name(),
                        Produced.<String, Envelope<RoutingTimeoutEvent>>with(
                                        Topics.ROUTING_TIMEOUT.keySerde(), Topics.ROUTING_TIMEOUT.valueSerde())
                                .withName("timeout-sink"));
        return builder.build();
    }

    /**
     * Whether the router acts on an enquiry event. A customer message added to an enquiry changes nothing about
     * who may serve it, so it stays out of the single-partition hop: about two records of the ~40 behind each
     * conversation in issue 8's load benchmark, each written, read and decoded again only to be ignored.
     */
    private static boolean changesRouting(EnquiryEvent event) {
        return !(event instanceof EnquiryMessageAdded);
    }

    private static RoutingInput enquiry(Envelope<EnquiryEvent> envelope) {
        return new RoutingInput.Enquiry(envelope);
    }
}
