package io.parley.ingest.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channel simulator ({@code parley.channel-ingest.simulator.*}).
 *
 * @param enabled whether {@code /simulator} exists at all (demo mode only; off, every path is 404)
 * @param maxConversations how many (account, customer) conversations are kept in memory, least recent dropped
 * @param maxMessages how many messages each kept conversation holds, oldest dropped
 */
@ConfigurationProperties("parley.channel-ingest.simulator")
public record SimulatorSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("100") int maxConversations,
        @DefaultValue("50") int maxMessages) {}
