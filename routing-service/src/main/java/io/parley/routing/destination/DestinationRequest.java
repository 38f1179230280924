package io.parley.routing.destination;

import io.parley.events.routing.DistributionMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A destination as an admin writes it.
 *
 * @param servesDirectEnquiries whether Staff Directory enquiries to its members go through it (false when absent)
 * @param maxWaitSeconds how long its enquiries wait for an accept (10 to 3600; 60 when absent)
 */
public record DestinationRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable List<@NotBlank String> memberStaffIds,
        @Nullable List<@NotBlank String> tagIds,
        @Nullable List<@NotBlank String> channelAccountIds,
        @Nullable Boolean servesDirectEnquiries,
        @Nullable DistributionMethod distribution,
        @Nullable Long maxWaitSeconds) {

    static final long DEFAULT_MAX_WAIT_SECONDS = 60;

    boolean servesDirect() {
        return Boolean.TRUE.equals(servesDirectEnquiries);
    }

    List<String> members() {
        return memberStaffIds == null ? List.of() : List.copyOf(memberStaffIds);
    }

    List<String> tags() {
        return tagIds == null ? List.of() : List.copyOf(tagIds);
    }

    List<String> channelAccounts() {
        return channelAccountIds == null ? List.of() : List.copyOf(channelAccountIds);
    }
}
