package org.afyadial.simulator;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * In the prod environment the simulator and its SMS pane (which would show anyone
 * the texts sent to any number) are gone, even when {@code SIMULATOR_ENABLED=true}.
 */
@MicronautTest(environments = "prod", transactional = false)
@Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret", value = "a-test-secret-of-more-than-32-bytes-0123456789")
@Property(name = "afyadial.at.webhook.token", value = "a-webhook-token")
@Property(name = "afyadial.simulator.enabled", value = "true")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class SimulatorInProdTest extends SimulatorGone {
}
