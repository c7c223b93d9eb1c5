package org.afyadial.simulator;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * With {@code AT_API_KEY} set, SMS are real: the simulator and its SMS pane (which would show anyone
 * the texts sent to any number) are gone, even when {@code SIMULATOR_ENABLED=true}.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.sms.api-key", value = "a-live-key")
@Property(name = "afyadial.simulator.enabled", value = "true")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class SimulatorWithLiveSmsTest extends SimulatorGone {
}
