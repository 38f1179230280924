package io.parley.gateway.routes;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a caller gets when a service cannot answer: a 503 problem naming the part that is unavailable, so an
 * agent or an integrator knows what is wrong (and a platform retries its webhook).
 */
@RestController
class Fallbacks {

    private static final Map<String, String> PARTS = Map.of(
            "presence", "Sign-in and availability",
            "enquiry", "Enquiries",
            "chatroom", "Chat rooms",
            "routing", "Destinations and tags",
            "channel-ingest", "Channels and the visitor widget");

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
        // Only known services are named: the path is caller input and never echoed back.
        boolean known = PARTS.containsKey(service);
        String part = known ? PARTS.get(service) : "This part of Parley";
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setTitle(part + " is unavailable right now; try again shortly");
        problem.setProperty("code", known ? "gateway." + service + "-unavailable" : "gateway.unavailable");
        if (known) {
            problem.setProperty("service", service);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
