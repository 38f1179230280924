package io.parley.presence.availability;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Every second, applies the automatic IDLE and OFFLINE transitions that have come due. */
@Component
class AutomaticTransitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AutomaticTransitions.class);

    private final StaffPresence presence;
    private @Nullable ScheduledExecutorService scheduler;

    AutomaticTransitions(StaffPresence presence) {
        this.presence = presence;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("availability-transitions").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            presence.applyAutomaticTransitions();
        } catch (RuntimeException e) {
            log.warn("Automatic availability transitions failed; retrying in a second: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
