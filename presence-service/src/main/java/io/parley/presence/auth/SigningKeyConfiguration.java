package io.parley.presence.auth;

import com.mongodb.client.MongoDatabase;
import io.parley.security.KeySource;
import io.parley.security.StaffTokenSigner;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * presence signs staff tokens with its stored key, and verifies them with the same key at hand (the kit's
 * verifier takes the {@link KeySource} bean instead of fetching presence's own JWKS over HTTP).
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    StaffTokenSigner staffTokenSigner(MongoDatabase database, Clock clock) {
        return new StaffTokenSigner(new SigningKeyStore(database, clock).loadOrCreate());
    }

    @Bean
    KeySource staffTokenKeys(StaffTokenSigner signer) {
        return signer.keySource();
    }
}
