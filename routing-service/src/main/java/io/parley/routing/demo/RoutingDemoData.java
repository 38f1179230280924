package io.parley.routing.demo;

import io.parley.events.routing.DistributionMethod;
import io.parley.routing.destination.Destination;
import io.parley.routing.destination.DestinationCatalog;
import io.parley.routing.destination.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo destination (API.md, Demo data): {@code Support}, with alice and bob, serving tags {@code sales}
 * and {@code support}, direct enquiries to its members and every demo channel account; 60 s maximum wait.
 * Idempotent: saving the same snapshot again changes nothing that matters.
 */
@Component
@ConditionalOnBooleanProperty("parley.demo")
class RoutingDemoData implements ApplicationRunner {

    static final List<String> DEMO_CHANNEL_ACCOUNTS =
            List.of("demo-page", "demo-phone", "demo-line", "demo-wechat", "demo-woztell", "demo-api", "demo-email");

    private final DestinationCatalog catalog;
    private final Clock clock;

    RoutingDemoData(DestinationCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalog.destination("support").isEmpty()) {
            catalog.save(new Destination(
                    "support",
                    "Support",
                    List.of("staff-alice", "staff-bob"),
                    List.of("sales", "support"),
                    DEMO_CHANNEL_ACCOUNTS,
                    true,
                    DistributionMethod.SIMULTANEOUS,
                    60,
                    clock.instant()));
        }
        if (catalog.tag("sales").isEmpty()) {
            catalog.save(new Tag("sales", "Sales", "Quotes, orders and prices", null, "support", clock.instant()));
        }
        if (catalog.tag("support").isEmpty()) {
            catalog.save(
                    new Tag("support", "Support", "Help with something you bought", null, "support", clock.instant()));
        }
    }
}
