package org.afyadial.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without {@code JWT_SECRET} staff tokens are signed with a secret of this run that nobody else knows. */
@MicronautTest(transactional = false)
class JwtSecretTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staffTokens;

    @Test
    void aTokenSignedWithThePlaceholderTextIsRefused() {
        staffTokens.bearer("root.admin", Role.ADMIN);
        String forged = ForgedTokens.signedWith("${afyadial.jwt.generated-secret}", "root.admin", "ADMIN");

        assertEquals(401, ForgedTokens.listUsers(http, forged));
    }

    @Test
    void aTokenThisRunIssuedIsAccepted() {
        assertEquals(200, ForgedTokens.listUsers(http, staffTokens.bearer("root.admin", Role.ADMIN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten-chars!", "31-bytes-is-one-short-of-enough"})
    void productionRefusesToStartWithAShortSecret(String secret) {
        Map<String, Object> settings = new HashMap<>(Map.of("JWT_SECRET", secret, "afyadial.store.in-memory", true,
                "afyadial.at.webhook.token", "webhook-token", "micronaut.server.port", -1));
        var failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.builder().environments("prod").properties(settings).start().close());

        assertTrue(causes(failure).contains("JWT_SECRET must be set in production to at least 32"), causes(failure));
    }


    static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
