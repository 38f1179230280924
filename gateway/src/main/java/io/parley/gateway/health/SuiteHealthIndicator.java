package io.parley.gateway.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The suite's health as an actuator component ({@code services}) on the gateway's management port. */
@Component("services")
class SuiteHealthIndicator implements ReactiveHealthIndicator {

    private final SuiteHealth suite;

    SuiteHealthIndicator(SuiteHealth suite) {
        this.suite = suite;
    }

    @Override
    public Mono<Health> health() {
        return suite.check()
                .map(status -> (status.up() ? Health.up() : Health.down())
                        .withDetails(status.services())
                        .build());
    }
}
