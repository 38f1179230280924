package io.parley.presence.availability;

import io.parley.events.Topics;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.kit.kafka.EventPublisher;
import io.parley.presence.PresenceSettings;
import io.parley.presence.staff.StaffAccount;
import io.parley.presence.staff.StaffAccountRemoved;
import io.parley.presence.staff.StaffAccountSaved;
import io.parley.presence.staff.StaffAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The availability rules. A staff member sets ACTIVE, BUSY, IDLE or OFFLINE. Without activity for {@code
 * idle-after}, ACTIVE or BUSY becomes IDLE, and the next activity restores what it was (so only a staff member
 * who had been ACTIVE becomes ACTIVE again). When the last agent socket has been gone longer than {@code
 * offline-grace}, the staff member becomes OFFLINE. Each change of status or active chats, and each change of
 * the account, is announced as a {@link StaffStatusChanged} snapshot.
 *
 * <p>Changes come from several threads at once (HTTP requests, the room-load consumers, one per partition, and
 * the automatic transitions). A snapshot is therefore read from the store when it is published, under a lock
 * for its staff member: whatever order the changes land in, the last snapshot published for a staff member
 * (the one the compacted topic keeps) is the stored state after the last change.
 */
@Component
public class StaffPresence {

    /** Activity closer together than this is recorded once, to spare the store a write per request. */
    private static final Duration ACTIVITY_RESOLUTION = Duration.ofSeconds(5);

    /** Announcements of one staff member are published one at a time (striped: staff share a lock rarely). */
    private final Lock[] announcing = new Lock[64];

    private final AvailabilityStore store;
    private final StaffAccounts accounts;
    private final EventPublisher events;
    private final PresenceSettings settings;
    private final Clock clock;

    StaffPresence(
            AvailabilityStore store,
            StaffAccounts accounts,
            EventPublisher events,
            PresenceSettings settings,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        for (int i = 0; i < announcing.length; i++) {
            announcing[i] = new ReentrantLock();
        }
    }

    public AvailabilityView view(String staffId) {
        return view(store.current(staffId), accounts.byId(staffId));
    }

    public AvailabilityView setStatus(String staffId, Availability status) {
        Instant now = clock.instant();
        return apply(staffId, a -> a.withStatus(status, null).withActivityAt(now));
    }

    /** Any authenticated request or socket message of the staff member. */
    public void recordActivity(String staffId) {
        Instant now = clock.instant();
        apply(staffId, a -> {
            boolean resumes = a.status() == Availability.IDLE && a.statusBeforeIdle() != null;
            if (!resumes && a.lastActivityAt().plus(ACTIVITY_RESOLUTION).isAfter(now)) {
                return a;
            }
            StaffAvailability active = a.withActivityAt(now);
            return resumes ? active.withStatus(a.statusBeforeIdle(), null) : active;
        });
    }

    public void socketConnected(String staffId) {
        apply(staffId, a -> a.withSockets(a.connectedSockets() + 1, null));
    }

    public void socketClosed(String staffId) {
        Instant now = clock.instant();
        apply(staffId, a -> {
            int left = Math.max(0, a.connectedSockets() - 1);
            return a.withSockets(left, left == 0 ? now : null);
        });
    }

    void joinedRoom(String staffId, String roomId) {
        apply(staffId, a -> a.withRoom(roomId, true));
    }

    void leftRoom(String staffId, String roomId) {
        apply(staffId, a -> a.withRoom(roomId, false));
    }

    void roomClosed(String roomId) {
        store.inRoom(roomId).forEach(staffId -> leftRoom(staffId, roomId));
    }

    /** The automatic transitions due now. */
    void applyAutomaticTransitions() {
        Instant now = clock.instant();
        Instant idleCutoff = now.minus(settings.idleAfter());
        for (String staffId : store.inactiveSince(idleCutoff)) {
            apply(staffId, a -> {
                boolean due = (a.status() == Availability.ACTIVE || a.status() == Availability.BUSY)
                        && a.lastActivityAt().isBefore(idleCutoff);
                return due ? a.withStatus(Availability.IDLE, a.status()) : a;
            });
        }
        Instant offlineCutoff = now.minus(settings.offlineGrace());
        for (String staffId : store.disconnectedSince(offlineCutoff)) {
            apply(staffId, a -> {
                boolean due = a.status() != Availability.OFFLINE
                        && a.connectedSockets() == 0
                        && a.socketsGoneAt() != null
                        && a.socketsGoneAt().isBefore(offlineCutoff);
                return due ? a.withStatus(Availability.OFFLINE, null) : a;
            });
        }
    }

    @EventListener
    void accountSaved(StaffAccountSaved saved) {
        announceCurrent(saved.account());
    }

    @EventListener
    void accountRemoved(StaffAccountRemoved removed) {
        store.forget(removed.staffId());
    }

    private AvailabilityView apply(String staffId, UnaryOperator<StaffAvailability> change) {
        AvailabilityStore.Change applied = store.change(staffId, change);
        Optional<StaffAccount> account = accounts.byId(staffId);
        if (applied.announced() && account.isPresent()) {
            announceCurrent(account.get());
        }
        return view(applied.after(), account);
    }

    private void announceCurrent(StaffAccount account) {
        Lock lock = announcing[Math.floorMod(account.id().hashCode(), announcing.length)];
        lock.lock();
        try {
            announce(store.current(account.id()), account);
        } finally {
            lock.unlock();
        }
    }

    private void announce(StaffAvailability availability, StaffAccount account) {
        events.publishAndWait(
                Topics.PRESENCE_STAFF_STATUS,
                account.id(),
                new StaffStatusChanged(
                        account.id(),
                        account.name(),
                        account.photoUrl(),
                        availability.status(),
                        account.maxConcurrentChats(),
                        availability.activeChats(),
                        clock.instant()));
    }

    private static AvailabilityView view(StaffAvailability availability, Optional<StaffAccount> account) {
        return new AvailabilityView(
                availability.id(),
                availability.status(),
                availability.lastActivityAt(),
                availability.connectedSockets(),
                availability.activeChats(),
                account.map(StaffAccount::maxConcurrentChats).orElse(0),
                availability.version());
    }
}
