package io.parley.events;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The customer as the channel knows them.
 *
 * @param externalId the platform's id of the customer (PSID, wa_id, LINE user id, openid, email address,
 *     visitor id)
 * @param displayName the name to show staff, when the platform gives one
 * @param photoUrl a profile photo, when the platform gives one (such URLs may expire)
 * @param email an email address, when known
 */
public record Customer(
        String externalId,
        @Nullable String displayName,
        @Nullable String photoUrl,
        @Nullable String email) {

    public Customer {
        Objects.requireNonNull(externalId, "externalId");
    }
}
