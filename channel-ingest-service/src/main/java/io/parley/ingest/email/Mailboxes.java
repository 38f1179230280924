package io.parley.ingest.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One {@link MailboxReader} for each enabled email account whose settings are complete. Every {@code
 * reconcileEvery} the accounts are read again: a new account starts being read, a changed one is read again
 * with its new settings, a disabled or removed one stops — no coupling to whoever edits the accounts. An
 * account with missing or wrong settings is logged (once per change) and not read.
 */
@Component
class Mailboxes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Mailboxes.class);

    private final ChannelAccounts accounts;
    private final EmailSettings settings;
    private final IncomingMail incoming;
    private final MailboxPositions positions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, MailboxReader> readers = new ConcurrentHashMap<>();
    private final Set<String> reportedProblems = new HashSet<>();
    private volatile boolean running;
    private @Nullable ScheduledExecutorService reconciler;

    Mailboxes(
            ChannelAccounts accounts,
            EmailSettings settings,
            IncomingMail incoming,
            MailboxPositions positions,
            MeterRegistry meters,
            Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.incoming = incoming;
        this.positions = positions;
        this.meters = meters;
        this.clock = clock;
    }

    /** A reader of one mailbox with these settings (tests and the benchmark compare IDLE with polling). */
    MailboxReader reader(EmailAccount account, EmailSettings with) {
        return new MailboxReader(account, with, incoming, positions, meters, clock);
    }

    /** Brings the readers in line with the enabled accounts now. */
    synchronized void reconcile() {
        if (!running) {
            return;
        }
        Map<String, EmailAccount> wanted = new LinkedHashMap<>();
        Set<String> problems = new HashSet<>();
        for (ChannelAccount account : accounts.enabledOn(Channel.EMAIL)) {
            try {
                wanted.put(account.id(), EmailAccount.of(account));
            } catch (EmailAccount.Misconfigured e) {
                problems.add(e.getMessage());
                if (!reportedProblems.contains(e.getMessage())) {
                    log.warn("{}: its mailbox is not read", e.getMessage());
                }
            }
        }
        reportedProblems.retainAll(problems);
        reportedProblems.addAll(problems);
        readers.entrySet().removeIf(entry -> {
            EmailAccount now = wanted.get(entry.getKey());
            if (now != null && now.equals(entry.getValue().account())) {
                return false;
            }
            log.info("Email account {} {}: its reader stops", entry.getKey(), now == null ? "is gone" : "changed");
            entry.getValue().stop();
            return true;
        });
        wanted.forEach((id, account) -> readers.computeIfAbsent(id, key -> {
            MailboxReader reader = reader(account, settings);
            reader.start();
            return reader;
        }));
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Reading the email accounts failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("email-accounts").factory());
        scheduler.scheduleWithFixedDelay(
                this::reconcileQuietly, 0, settings.reconcileEvery().toMillis(), TimeUnit.MILLISECONDS);
        reconciler = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler;
        synchronized (this) {
            running = false;
            scheduler = reconciler;
            reconciler = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        readers.values().forEach(MailboxReader::stop);
        readers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the kit's consumers: after the web server is up, before it goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
