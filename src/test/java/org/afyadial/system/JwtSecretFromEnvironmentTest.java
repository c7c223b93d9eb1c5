package org.afyadial.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code JWT_SECRET} (given here as the property an environment variable of that name becomes) is the key, exactly. */
@MicronautTest(transactional = false)
@Property(name = "JWT_SECRET", value = JwtSecretFromEnvironmentTest.SECRET)
class JwtSecretFromEnvironmentTest {

    static final String SECRET = "k3Jq9vT2xLw8RzN4mP7sY1dF6hB0cGaE";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staffTokens;

    @Test
    void aTokenSignedWithExactlyTheSecretIsAccepted() {
        staffTokens.bearer("root.admin", Role.ADMIN);

        assertEquals(200, ForgedTokens.listUsers(http, ForgedTokens.signedWith(SECRET, "root.admin", "ADMIN")));
    }

    @Test
    void aTokenSignedWithTheSecretAndABraceIsRefused() {
        staffTokens.bearer("root.admin", Role.ADMIN);

        assertEquals(401, ForgedTokens.listUsers(http, ForgedTokens.signedWith(SECRET + "}", "root.admin", "ADMIN")));
    }

}
