package io.parley.presence.auth;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs staff tokens: generated (2048 bits) at the first start and kept in presence's own
 * database, so tokens stay valid across restarts and every presence instance signs with the same key. Only
 * its public half ever leaves presence (the JWKS). Two instances starting together agree on whichever key
 * was stored first.
 */
final class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final String KEY_ID = "staff-tokens";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    SigningKeyStore(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection("signing_keys");
        this.clock = clock;
    }

    RSAKey loadOrCreate() {
        Document stored = collection.find(eq("_id", KEY_ID)).first();
        if (stored != null) {
            return parse(stored);
        }
        RSAKey generated = generate();
        try {
            collection.insertOne(new Document("_id", KEY_ID)
                    .append("jwk", generated.toJSONString())
                    .append("createdAt", Date.from(clock.instant())));
            log.info("Generated the staff token signing key {}", generated.getKeyID());
            return generated;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document winner = collection.find(eq("_id", KEY_ID)).first();
            if (winner == null) {
                throw e;
            }
            return parse(winner);
        }
    }

    private static RSAKey parse(Document stored) {
        try {
            return RSAKey.parse(stored.getString("jwk"));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored staff token signing key is unreadable", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
