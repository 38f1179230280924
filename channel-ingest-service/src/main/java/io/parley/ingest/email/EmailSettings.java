package io.parley.ingest.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the email channel reads and sends mail ({@code parley.channel-ingest.email.*}).
 *
 * @param enabled whether this instance reads the mailboxes at all
 * @param reconcileEvery how often the enabled email accounts are read again, so an added, changed or disabled
 *     account is picked up without a restart
 * @param idle whether to wait with IMAP IDLE where the server offers it; false polls always
 * @param pollEvery the wait between two looks into a mailbox whose server has no IDLE (or with idle off)
 * @param idleRenewal how long one IDLE lasts before it is renewed with a look into the mailbox (a missed
 *     notification is caught within this time; servers drop an IDLE after 29 minutes)
 * @param timeout the limit on connecting to a mail server and on each command's answer
 * @param retryAfter the first wait before reconnecting to a mailbox that failed; it doubles up to ten times
 * @param maxMessageSize the largest email read whole; a larger one becomes a message of its headers and a
 *     note, and stays in the mailbox
 * @param maxTextLength the longest text shown to staff (the original email is kept whole beside it)
 */
@ConfigurationProperties("parley.channel-ingest.email")
public record EmailSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration reconcileEvery,
        @DefaultValue("true") boolean idle,
        @DefaultValue("10s") Duration pollEvery,
        @DefaultValue("60s") Duration idleRenewal,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("10000") int maxTextLength) {

    /** The same settings with IDLE on or off (the benchmark and tests compare both). */
    public EmailSettings withIdle(boolean useIdle) {
        return new EmailSettings(
                enabled,
                reconcileEvery,
                useIdle,
                pollEvery,
                idleRenewal,
                timeout,
                retryAfter,
                maxMessageSize,
                maxTextLength);
    }
}
