package io.parley.routing.destination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A tag as an admin writes it; the photo, when given, is an http(s) URL. */
public record TagRequest(
        @NotBlank @Size(max = 60) String name,
        @Nullable @Size(max = 500) String description,

        @Nullable @Pattern(regexp = "https?://\\S+") @Size(max = 2000)
        String photoUrl,

        @Nullable String destinationId) {}
