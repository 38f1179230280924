package io.parley.ingest.visitor;

import io.parley.kit.web.Problem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/visitor/messages}: a visitor, by the Bearer token of their conversation, sends messages and
 * reads their side of it. The token is the only key: it never reaches another conversation.
 */
@RestController
class VisitorController {

    private final VisitorSessions sessions;
    private final VisitorConversations conversations;
    private final VisitorTranscript transcript;

    VisitorController(VisitorSessions sessions, VisitorConversations conversations, VisitorTranscript transcript) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.transcript = transcript;
    }

    record NewMessage(@Nullable String text) {}

    @PostMapping("/api/visitor/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> send(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody NewMessage message) {
        VisitorSession session = session(authorization);
        String text = VisitorText.check(message.text());
        return Map.of("seq", conversations.send(session, text).seq());
    }

    @GetMapping("/api/visitor/messages")
    List<TranscriptEntry.View> messages(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam(required = false) @Nullable String after) {
        VisitorSession session = session(authorization);
        return transcript.after(session.conversationId(), seqOf(after)).stream()
                .map(TranscriptEntry::view)
                .toList();
    }

    private static long seqOf(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(after.strip()));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("visitor.invalid-after", "after is a message sequence number");
        }
    }

    private VisitorSession session(@Nullable String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        return sessions.byToken(token)
                .orElseThrow(() -> new Problem(
                        HttpStatus.UNAUTHORIZED, "visitor.invalid-token", "This visitor token is not valid"));
    }
}
