package io.parley.ingest.thirdparty;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.outbound.ChannelSender;
import io.parley.ingest.outbound.OutboundResilience;
import io.parley.kit.web.Problem;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An admin's view of a third-party account's dead letters, and their replay: the stored body delivered
 * again (signed afresh, same {@code webhook-id}, with the usual retries, circuit breaker and rate limit). Delivered, the letter is REPLAYED
 * and the message's SENT status goes to the room; failed again, it stays PENDING with the new failure and
 * the admin gets {@code 502 dead-letter.replay-failed}.
 */
@Component
class DeadLetterReplays {

    private final ChannelAccounts accounts;
    private final DeadLetters letters;
    private final ThirdPartySender sender;
    private final OutboundResilience resilience;
    private final io.parley.kit.kafka.EventPublisher events;
    private final Clock clock;

    DeadLetterReplays(
            ChannelAccounts accounts,
            DeadLetters letters,
            ThirdPartySender sender,
            OutboundResilience resilience,
            io.parley.kit.kafka.EventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.letters = letters;
        this.sender = sender;
        this.resilience = resilience;
        this.events = events;
        this.clock = clock;
    }

    List<DeadLetter> list(String accountId) {
        account(accountId);
        return letters.of(accountId);
    }

    DeadLetter replay(String accountId, String deadLetterId) {
        ChannelAccount account = account(accountId);
        DeadLetter letter = letters.byId(accountId, deadLetterId)
                .orElseThrow(() -> Problem.notFound("dead-letter.not-found", "This account has no such dead letter"));
        if (letter.state() != DeadLetter.State.PENDING
                || letters.claim(letter.id(), clock.instant()).isEmpty()) {
            throw Problem.conflict("dead-letter.not-pending", "This dead letter is replayed or being replayed");
        }
        ChannelSender.Outcome outcome =
                resilience.send(account, () -> sender.deliver(account, letter.id(), letter.body()));
        return switch (outcome) {
            case ChannelSender.Sent sent -> {
                ConversationKey key = ConversationKey.parse(letter.conversationKey());
                events.publishAndWait(
                        Topics.CHANNEL_DELIVERY_STATUS,
                        key,
                        new DeliveryStatusChanged(
                                letter.id(),
                                key,
                                letter.roomId(),
                                letter.roomSeq(),
                                DeliveryStatus.SENT,
                                sent.platformMessageId(),
                                null,
                                clock.instant()));
                yield letters.replayed(letter.id(), clock.instant());
            }
            case ChannelSender.Failed failed -> {
                letters.failedAgain(letter.id(), failed.failure(), clock.instant());
                throw new Problem(
                        HttpStatus.BAD_GATEWAY,
                        "dead-letter.replay-failed",
                        "The replay failed: " + failed.failure().reason());
            }
        };
    }

    private ChannelAccount account(String accountId) {
        return accounts.byId(accountId)
                .filter(account -> account.channel() == Channel.THIRD_PARTY)
                .orElseThrow(() ->
                        Problem.notFound("channel-account.not-found", "No third-party channel account has this id"));
    }
}
